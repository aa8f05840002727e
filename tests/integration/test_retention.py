"""Retention (bot/outbox/retention.py): an abandoned draft gets a last notice in the
owner's language, then is erased 14 days later if still untouched; a rejected
submission is erased a year after the decision; /metrics counts erasures by cause."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from prometheus_client import generate_latest
from pydantic import ValidationError
from sqlmodel import select

from bot.outbox import retention
from bot.outbox.metrics import METRICS
from bot.settings import Settings
from storage import submissions
from storage.models import Conversation, Outbox, Submission, utcnow
from tests.helpers import Owner, worker_handlers
from tests.integration.test_erasure import web_owner
from tests.integration.test_storefront import until, working


async def draft(client, text: str = "Bonjour, je voudrais inscrire mon atelier") -> Owner:
    owner = Owner(client)
    await owner.start("fr-FR")
    await owner.say(text)
    return owner


async def age(db, days: int) -> None:
    """Every conversation's owner last wrote `days` ago."""
    async with db.transaction() as session:
        await session.execute(sa.update(Conversation).values(
            last_inbound_at=utcnow() - timedelta(days=days)))


async def conversations(db) -> int:
    async with db.transaction() as session:
        return (await session.execute(select(sa.func.count()).select_from(Conversation))
                ).scalar()


async def test_an_abandoned_draft_is_told_then_erased_unless_the_owner_writes(
        client, db, settings):
    settings = settings.model_copy(update={"embedded_worker": False})
    await draft(client)
    await age(db, 181)
    now = utcnow()
    assert (await retention.scan(db, settings, now=now))["notices"] == 1
    assert (await retention.scan(db, settings, now=now))["notices"] == 0  # once
    async with working(db, worker_handlers(db, settings, {})):
        async def told() -> bool:
            async with db.transaction() as session:
                rows = (await session.execute(select(Outbox).where(
                    Outbox.kind == "send", Outbox.status == "inbox"))).scalars().all()
            return any(r["key"] == "retention_notice" for row in rows
                       for r in row.payload["replies"])
        await until(told)
    async with db.transaction() as session:
        (row,) = [r for r in (await session.execute(select(Outbox).where(
            Outbox.kind == "send", Outbox.status == "inbox"))).scalars()
            if r.payload["replies"][0]["key"] == "retention_notice"]
    assert "14 jours" in row.payload["replies"][0]["text"]  # in the owner's French

    later = now + timedelta(days=13)
    assert (await retention.scan(db, settings, now=later))["abandoned_draft"] == 0
    assert await conversations(db) == 1
    done = await retention.scan(db, settings, now=now + timedelta(days=14, minutes=1))
    assert done["abandoned_draft"] == 1 and await conversations(db) == 0

    # An owner who wrote after the notice starts a new quiet period: not erased.
    await draft(client)
    await age(db, 181)
    assert (await retention.scan(db, settings, now=now))["notices"] == 1
    await age(db, 1)  # they wrote yesterday
    done = await retention.scan(db, settings, now=now + timedelta(days=15))
    assert done["abandoned_draft"] == 0 and await conversations(db) == 1

    METRICS.read_at = 0
    await METRICS.refresh(db)
    text = generate_latest().decode()
    assert 'tijara_erasures_total{cause="abandoned_draft"} 1.0' in text
    assert 'tijara_erasures_total{cause="rejected"} 0.0' in text


async def test_a_rejected_submission_goes_a_year_after_the_decision(client, db, settings):
    await web_owner(client, "Atelier Tazrout", "Fatima Zahra Amrani", "06 12 34 56 78", (1,))
    async with db.transaction() as session:
        (sid,) = (await session.execute(select(Submission.id))).scalars()
        await submissions.decide(session, sid, "reject", actor="admin:a@tijara.ma",
                                 reason="hors périmètre")
    now = utcnow()
    assert (await retention.scan(db, settings, now=now + timedelta(days=364)))["rejected"] == 0
    assert (await retention.scan(db, settings, now=now + timedelta(days=366)))["rejected"] == 1
    assert await conversations(db) == 0


@pytest.mark.parametrize("name", ["DRAFT_RETENTION_DAYS", "REJECTED_RETENTION_DAYS"])
def test_retention_settings_are_checked(name, monkeypatch):
    monkeypatch.setenv(name, "0")
    with pytest.raises(ValidationError, match=name.lower()):
        Settings(_env_file=None)
    monkeypatch.setenv(name, "30")
    assert getattr(Settings(_env_file=None), name.lower()) == 30
