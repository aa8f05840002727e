"""The storefront handoff against a local stand-in backend (tests/fakes/storefront.py).

The app is served on a real port, so that the signed image links in a handoff body
resolve: the stand-in downloads every image, as the real backend does. Workers are
the real `work` loop, or `tijara worker` itself as a subprocess.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import hashlib
import io
import json
import os
import signal
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from prometheus_client import REGISTRY
from sqlmodel import select

from bot.app import create_app
from bot.outbox import handoff as storefront
from bot.outbox.body import body
from bot.outbox.handler import Handlers
from bot.outbox.handoff import handoff_handler
from bot.outbox.metrics import METRICS, refresh_metrics
from bot.outbox.worker import work
from bot.signing import Signer
from storage import corrections, submissions
from storage.db import Database
from storage.exports import LocalExportFolder
from storage.media import LocalMediaStore, ingest_photo
from storage.models import (
    Business,
    Conversation,
    Media,
    Outbox,
    Product,
    ProductMedia,
    StatusChange,
    Submission,
    utcnow,
)
from tests.fakes.storefront import FakeStorefront
from tests.helpers import Owner, photo_bytes, worker_handlers

TOKEN, SECRET = "storefront-api-token", "storefront-signing-secret"
ADMIN = "admin:a@tijara.ma"


# --- fixtures and helpers ------------------------------------------------------------


@pytest.fixture
async def fake(aiohttp_server):
    fake = FakeStorefront(TOKEN, SECRET)
    fake.server = await aiohttp_server(fake.app())
    yield fake
    fake.release()


@pytest.fixture
async def site(aiohttp_client, settings, db):
    """The web app (web chat, signed media links) on a real port, without its own worker."""
    return await aiohttp_client(create_app(settings.model_copy(
        update={"embedded_worker": False}), db))


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    """Retries a few milliseconds apart instead of seconds; the attempts are recorded."""
    attempts: list[int] = []

    def backoff(attempt: int) -> timedelta:
        attempts.append(attempt)
        return timedelta(milliseconds=10)

    monkeypatch.setattr(storefront, "backoff", backoff)
    return attempts


def worker_settings(settings, site, fake: FakeStorefront | None):
    return settings.model_copy(update={
        "public_base_url": str(site.make_url("")).rstrip("/"),
        "storefront_api_url": FakeStorefront.url(fake.server) if fake else None,
        "storefront_api_token": TOKEN, "storefront_signing_secret": SECRET,
        "embedded_worker": False})


def handoff(db, ws):
    """The handoff handler, with the media store and export folder on local disk."""
    return handoff_handler(db, ws, LocalMediaStore(ws.media_root),
                           LocalExportFolder(ws.var_dir / "exports"))


@contextlib.asynccontextmanager
async def working(db, handlers, **options):
    stop = asyncio.Event()
    task = asyncio.create_task(work(db, handlers, stop, idle=0.02, **options))
    try:
        yield task
    finally:
        stop.set()
        await task


async def until(check, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def submission(db, sid: int) -> Submission:
    async with db.transaction() as session:
        return await session.get(Submission, sid)


def status_is(db, sid: int, *statuses: str):
    async def check() -> bool:
        return (await submission(db, sid)).status in statuses
    return check


async def handoff_row(db, sid: int) -> Outbox:
    async with db.transaction() as session:
        return (await session.execute(select(Outbox).where(
            Outbox.kind == "handoff", Outbox.payload["submission_id"].as_integer() == sid)
        )).scalar_one()


async def onboard(owner: Owner, name: str, photos=(1, 2)) -> None:
    """A French owner through the web chat, up to a submitted draft."""
    await to_review(owner, name, photos)
    assert await owner.press("submit") == ["submitted"]


async def to_review(owner: Owner, name: str, photos=(1, 2)) -> None:
    """A French owner through the web chat, up to the review of the draft."""
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", name),
                          ("say", "Fatima Zahra Amrani"), ("say", "Agadir"),
                          ("press", "sector:argan"), ("say", "001 525 478 000 036"),
                          ("say", "06 61 23 45 67"), ("press", "skip"),
                          ("say", "Huile d'argan cosmétique")):
        await getattr(owner, action)(value)
    for seed in photos:
        assert await owner.photo(photo_bytes(seed)) == ["photo_received"]
    for action, value in (("press", "done"), ("say", "Huile pressée à froid, bio."),
                          ("say", "150 DH le litre"), ("say", "20 litres"), ("press", "no"),
                          ("press", "skip")):
        await getattr(owner, action)(value)


async def approve(db, sid: int | None = None) -> list[int]:
    """Approve one submission, or every submitted one; their ids."""
    async with db.transaction() as session:
        ids = [sid] if sid else list((await session.execute(
            select(Submission.id).where(Submission.status == "submitted")
            .order_by(Submission.id))).scalars())
        for i in ids:
            await submissions.decide(session, i, "approve", actor=ADMIN)
    return ids


async def make_submissions(db, settings, n: int) -> list[int]:
    """n submitted drafts written straight to the tables (one product and photo each),
    then approved through `submissions.decide` as an admin would; their ids."""
    stored = await ingest_photo(LocalMediaStore(settings.media_root), photo_bytes(5))
    now = utcnow()

    async def insert(session, model, rows: list[dict]) -> list[int]:
        return list(await session.scalars(
            sa.insert(model).returning(model.id, sort_by_parameter_order=True), rows))

    async with db.transaction() as session:
        first = (await session.execute(select(sa.func.count()).select_from(Conversation)
                                       )).scalar_one()
        convs = await insert(session, Conversation, [dict(
            channel="telegram", user_ref=f"owner-{first + i}", locale="fr", language="fr",
            script="Latn", step="submitted", status="submitted", state={},
            last_inbound_at=now) for i in range(n)])
        media = await insert(session, Media, [dict(
            conversation_id=c, sha256=stored.sha256, kind="photo", size=stored.size,
            content_type=stored.content_type, width=stored.width, height=stored.height)
            for c in convs])
        businesses = await insert(session, Business, [dict(
            conversation_id=c, name=f"Coopérative {c}", owner_name="Aicha Ait",
            phone="+212661234567", city="Agadir", region="souss-massa", sector="argan",
            language="fr", script="Latn", channel="telegram", consent_at=now) for c in convs])
        products = await insert(session, Product, [dict(
            business_id=b, position=0, name="Huile d'argan", description="Bio.",
            price_amount="150", price_unit="l", moq_quantity="20", moq_unit="l")
            for b in businesses])
        await session.execute(sa.insert(ProductMedia), [
            dict(product_id=p, media_id=m, position=0) for p, m in zip(products, media,
                                                                      strict=True)])
        ids = await insert(session, Submission, [dict(
            business_id=b, status="submitted", revision=1, submitted_at=now)
            for b in businesses])
        await session.execute(sa.insert(StatusChange), [dict(
            submission_id=i, to_status="submitted", actor="owner", revision=1, at=now)
            for i in ids])
    for i in ids:
        await approve(db, i)
    return ids


async def inbox_keys(site, owner: Owner) -> list[dict]:
    body = await (await site.get(f"/api/chat/sessions/{owner.session}")).json()
    return body["messages"]


# --- the handoff ---------------------------------------------------------------------


async def test_an_approval_becomes_one_storefront_and_the_owner_gets_the_link(
        site, fake, db, settings, monkeypatch):
    owner = Owner(site)
    await onboard(owner, "Coopérative Tifawin")
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: _no_pending(db))

    assert fake.created == [f"{sid}-1"] and fake.statuses == [201]
    sent = fake.storefronts[f"{sid}-1"]["body"]
    assert sent["business"]["name"] == "Coopérative Tifawin"
    images = sent["products"][0]["images"]
    assert len(images) == 2 and sorted(fake.downloads) == sorted(i["sha256"] for i in images)
    assert all(i["url"].startswith(ws.public_base_url + "/media/") for i in images)
    # Valid for days (anchored on the first attempt), not just for the next request.
    expires = int(images[0]["url"].split("exp=")[1].split("&")[0])
    assert expires - time.time() > 6 * 86400

    s = await submission(db, sid)
    assert (s.storefront_id, s.storefront_url) == ("sf-1", "https://marketplace.example.com/store/sf-1")
    assert s.live_at is not None and s.handoff_error is None
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert [(c.from_status, c.to_status, c.actor) for c in view.history][-2:] == [
        ("submitted", "approved", ADMIN), ("approved", "live", "worker")]
    assert (await handoff_row(db, sid)).status == "done"

    # The owner hears both, in French, through the outbox (the web chat's inbox).
    messages = await inbox_keys(site, owner)
    assert [m["key"] for m in messages] == ["decision_approved", "decision_live"]
    assert "Tifawin" in messages[0]["text"] and s.storefront_url in messages[1]["text"]
    assert "vitrine" in messages[1]["text"]

    monkeypatch.setattr(METRICS, "min_interval", 0.0)
    await refresh_metrics(db)
    assert REGISTRY.get_sample_value("tijara_outbox_depth") == 0
    assert REGISTRY.get_sample_value("tijara_outbox_oldest_due_seconds") == 0
    assert REGISTRY.get_sample_value("tijara_handoff_latency_seconds_count") == 1
    assert REGISTRY.get_sample_value("tijara_handoff_latency_seconds_bucket",
                                     {"le": "60.0"}) == 1
    assert REGISTRY.get_sample_value("tijara_outbox_rows",
                                     {"kind": "handoff", "status": "done"}) == 1
    assert REGISTRY.get_sample_value("tijara_outbox_rows",
                                     {"kind": "notify", "status": "done"}) == 2


async def test_the_english_texts_an_admin_wrote_reach_the_backend(site, fake, db, settings):
    owner = Owner(site)
    await onboard(owner, "Coopérative Tifawin")
    (sid,) = await _submitted(db)
    async with db.transaction() as session:  # as the review page's translation form does
        await corrections.save_translation(
            session, sid, 0, title_en="Cold-pressed argan oil",
            description_en="Organic, cold-pressed from our own trees.", actor=ADMIN)
    await approve(db, sid)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))

    assert fake.statuses == [201]  # the stand-in validated the body against the document
    (product,) = fake.storefronts[f"{sid}-1"]["body"]["products"]
    assert product["en"] == {"name": "Cold-pressed argan oil",
                             "description": "Organic, cold-pressed from our own trees."}
    assert product["name"] == "Huile d'argan cosmétique"  # the owner's words stay


async def test_without_edits_the_generated_listing_reaches_the_backend(site, fake, db,
                                                                       settings):
    (sid,) = await make_submissions(db, settings, 1)  # "Huile d'argan", "Bio.", 150 DH/l
    ws = worker_settings(settings.model_copy(update={"usd_per_mad": Decimal("0.11"),
                                                     "usd_per_mad_date": "2026-12-01"}),
                         site, fake)
    async with working(db, Handlers({"handoff": handoff(db, ws)})):
        await until(status_is(db, sid, "live"))
    assert fake.statuses == [201]  # validated against the document (1.5)
    (product,) = fake.storefronts[f"{sid}-1"]["body"]["products"]
    assert product["en"]["name"] == "Cosmetic Argan Oil"
    assert "Certification: certified organic." in product["en"]["description"]
    assert (product["type"]["key"], product["type"]["source"]) == ("argan_oil_cosmetic",
                                                                "recognised")
    assert product["hs_code"] == "1515.90"
    assert product["attributes"] == [{"kind": "certification", "name": "Certification",
                                      "value": "certified organic"}]
    assert product["price"]["usd"] == {"amount": "16.50", "amount_max": None,
                                       "usd_per_mad": "0.11", "rate_date": "2026-12-01"}


async def _submitted(db) -> list[int]:
    async with db.transaction() as session:
        return list((await session.execute(select(Submission.id).where(
            Submission.status == "submitted").order_by(Submission.id))).scalars())


async def _no_pending(db) -> bool:
    async with db.transaction() as session:
        return not (await session.execute(select(sa.func.count()).select_from(Outbox).where(
            Outbox.status == "pending"))).scalar_one()


async def test_backend_down_five_times_then_one_delivery(site, fake, db, settings,
                                                        quick_backoff):
    (sid,) = await make_submissions(db, settings, 1)
    fake.fail(5, 503)
    ws = worker_settings(settings, site, fake)
    async with working(db, Handlers({"handoff": handoff(db, ws)})):
        await until(status_is(db, sid, "live"))
    assert fake.statuses == [503] * 5 + [201]
    assert fake.created == [f"{sid}-1"]
    assert quick_backoff == [1, 2, 3, 4, 5]  # the attempt number drives the backoff
    row = await handoff_row(db, sid)
    assert (row.status, row.attempts, row.last_error) == ("done", 6, "")
    s = await submission(db, sid)
    assert s.storefront_id == "sf-1" and s.handoff_error is None


def test_backoff_doubles_from_one_second_up_to_an_hour_with_jitter():
    from bot.outbox.policy import backoff

    for attempt, ceiling in ((1, 1), (2, 2), (5, 16), (12, 2048), (13, 3600), (40, 3600)):
        delay = backoff(attempt).total_seconds()
        assert ceiling / 2 <= delay <= ceiling


async def test_no_answer_in_time_is_retried_under_the_same_key(site, fake, db, settings,
                                                               monkeypatch):
    hung, lost = await make_submissions(db, settings, 2)
    fake.stall(1, 30.0)  # the first request hangs before doing anything
    fake.stall(1, 30.0, after_create=True)  # the second creates, then its answer is lost
    fake.bare_conflicts = True  # and its retry gets a 409 that does not say which storefront
    ws = worker_settings(settings, site, fake).model_copy(update={"storefront_timeout": 1.0})
    started = time.monotonic()
    async with working(db, Handlers({"handoff": handoff(db, ws)})):
        await until(status_is(db, hung, "live"))
        await until(status_is(db, lost, "live"))
    assert time.monotonic() - started < 15  # did not wait for the stalled answers
    answers = {key: [r.status for r in fake.requests if r.key == key]
               for key in (f"{hung}-1", f"{lost}-1")}
    assert answers[f"{hung}-1"][0] != 201 and answers[f"{hung}-1"][-1] == 201
    assert answers[f"{lost}-1"][0] != 201 and answers[f"{lost}-1"][-1] == 409
    assert sorted(fake.created) == [f"{hung}-1", f"{lost}-1"]  # each made once
    for sid in (hung, lost):
        assert (await handoff_row(db, sid)).attempts == len(answers[f"{sid}-1"])

    # 409 without the storefront: live, no link, and the owner hears nothing more.
    s = await submission(db, lost)
    assert (s.storefront_id, s.storefront_url) == (None, None)
    async with db.transaction() as session:
        reasons = dict((await session.execute(select(StatusChange.to_status, StatusChange.reason)
                                              .where(StatusChange.submission_id == lost))).all())
        notices = set((await session.execute(select(Outbox.dedupe_key).where(
            Outbox.kind == "notify"))).scalars())
    assert "409" in reasons["live"] and "no link" in reasons["live"]
    assert f"notify:{hung}-1-live" in notices and f"notify:{lost}-1-live" not in notices


async def _answered(fake, n: int) -> bool:
    return len(fake.requests) >= n


async def test_a_refusal_is_failed_for_admins_and_a_stale_row_is_dropped(
        site, fake, db, settings):
    sid, stale = await make_submissions(db, settings, 2)
    async with db.transaction() as session:  # the owner's next revision overtook this one
        await session.execute(sa.update(Submission).where(Submission.id == stale)
                              .values(revision=2))
    fake.refuse(422, "business.ice: ICE 001525478000036 is not registered")
    ws = worker_settings(settings, site, fake)
    async with working(db, Handlers({"handoff": handoff(db, ws)})):
        await until(status_is(db, sid, "handoff_failed"))
        await until(lambda: _row_is(db, stale, "done"))
        await asyncio.sleep(0.2)  # time enough for a retry, were there one
    assert [(r.key, r.status) for r in fake.requests] == [(f"{sid}-1", 422)]
    s = await submission(db, sid)
    assert s.handoff_error == "422: business.ice: ICE 001525478000036 is not registered"
    row = await handoff_row(db, sid)
    assert row.status == "failed" and "not registered" in row.last_error
    async with db.transaction() as session:
        change = (await session.execute(select(StatusChange).where(
            StatusChange.submission_id == sid).order_by(StatusChange.id.desc()))).scalars().first()
    assert (change.to_status, change.actor) == ("handoff_failed", "worker")
    assert "not registered" in change.reason
    assert (await submission(db, stale)).status == "approved"  # untouched: not its revision
    with pytest.raises(submissions.InvalidDecision):
        async with db.transaction() as session:
            await submissions.retry_handoff(session, sid + 1000, actor=ADMIN)


async def _row_is(db, sid: int, status: str) -> bool:
    return (await handoff_row(db, sid)).status == status


async def test_retries_go_on_for_24_hours_then_park_and_an_admin_retries(
        site, fake, db, settings):
    (sid,) = await make_submissions(db, settings, 1)
    fake.fail(1000, 502)
    ws = worker_settings(settings, site, fake)
    handlers = Handlers({"handoff": handoff(db, ws)})
    async with working(db, handlers):
        await until(lambda: _answered(fake, 3))
        s = await submission(db, sid)
        assert s.status == "approved" and s.handoff_error.startswith("retrying: 502")
        # A day has gone by since the first attempt (not a number of attempts).
        async with db.transaction() as session:
            await session.execute(sa.update(Submission).where(Submission.id == sid).values(
                handoff_started_at=s.handoff_started_at - timedelta(hours=24)))
        await until(status_is(db, sid, "handoff_failed"))
    s = await submission(db, sid)
    assert s.handoff_error.startswith("parked after 24 h of retries; last error 502")
    assert (await handoff_row(db, sid)).status == "failed"

    fake.heal()
    async with db.transaction() as session:
        await submissions.retry_handoff(session, sid, actor=ADMIN)
    s = await submission(db, sid)
    assert (s.status, s.handoff_error, s.handoff_started_at) == ("approved", None, None)
    async with working(db, handlers):
        await until(status_is(db, sid, "live"))
    assert fake.created == [f"{sid}-1"]
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    assert [(c.to_status, c.actor) for c in view.history][-3:] == [
        ("handoff_failed", "worker"), ("approved", ADMIN), ("live", "worker")]
    # approved_at stays the review decision's, not the retry's.
    assert body(view, Signer("k", "http://x"), translations={})["approved_at"] == \
        view.history[1].at.isoformat()


# --- the worker's guarantees ---------------------------------------------------------


async def test_sigterm_finishes_the_delivery_in_hand_and_hands_the_rest_back(
        site, fake, db, settings):
    first, second = await make_submissions(db, settings, 2)
    fake.stall(1, 0.5, after_create=True)
    ws = worker_settings(settings, site, fake)
    handlers = Handlers({"handoff": handoff(db, ws)})
    stop = asyncio.Event()
    task = asyncio.create_task(work(db, handlers, stop, idle=0.02))
    await until(lambda: _created(fake, 1))
    stop.set()  # what SIGTERM does in `tijara worker`
    await task
    assert (await submission(db, first)).status == "live"
    assert (await submission(db, second)).status == "approved"
    row = await handoff_row(db, second)
    assert (row.status, row.lease_until, row.attempts) == ("pending", None, 0)
    async with working(db, handlers):
        await until(status_is(db, second, "live"))
    assert len(fake.created) == len(set(fake.created)) == 2


async def _created(fake, n: int) -> bool:
    return len(fake.created) >= n


async def test_a_worker_killed_mid_delivery_then_exactly_one_storefront(
        site, fake, db, db_url, settings, tmp_path):
    owner = Owner(site)
    await onboard(owner, "Tapis Atlas", photos=(3,))
    (sid,) = await approve(db)
    fake.stall(1, 60.0, after_create=True)  # created, but the answer never comes
    ws = worker_settings(settings, site, fake)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "TWILIO_", "STOREFRONT_", "DATABASE_"))}
    env |= {"DATABASE_URL": db_url, "SECRET_KEY": "test-secret", "VAR_DIR": str(tmp_path),
            "MEDIA_ROOT": str(settings.media_root), "PUBLIC_BASE_URL": ws.public_base_url,
            "STOREFRONT_API_URL": ws.storefront_api_url, "STOREFRONT_API_TOKEN": TOKEN,
            "STOREFRONT_SIGNING_SECRET": SECRET, "EMBEDDED_WORKER": "false"}
    tijara = str(Path(sys.executable).with_name("tijara"))

    async def start(name: str):
        log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - kept for the process
        return await asyncio.create_subprocess_exec(tijara, "worker", env=env, cwd=tmp_path,
                                                    stdout=log, stderr=log)

    first = await start("first")
    try:
        await until(lambda: _created(fake, 1), timeout=20)
        first.kill()  # SIGKILL, in the middle of the request
        await first.wait()
    finally:
        if first.returncode is None:
            first.kill()
    assert (await submission(db, sid)).status == "approved"
    # Its lease would run out in a minute or so; make it so now rather than wait.
    async with db.transaction() as session:
        await session.execute(sa.update(Outbox).where(Outbox.lease_until.is_not(None))
                              .values(lease_until=utcnow() - timedelta(seconds=1)))
    second = await start("second")
    try:
        await until(status_is(db, sid, "live"), timeout=20)
        await until(lambda: _no_pending(db), timeout=20)
        second.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(second.wait(), 20) == 0
    finally:
        if second.returncode is None:
            second.kill()
    log = (tmp_path / "second.log").read_text()
    assert "worker stopped" in log, log

    assert fake.created == [f"{sid}-1"]  # one storefront
    assert 409 in fake.statuses  # the second worker's try, under the same key
    s = await submission(db, sid)
    assert (s.status, s.storefront_id) == ("live", "sf-1")
    messages = await inbox_keys(site, owner)
    assert [m["key"] for m in messages] == ["decision_approved", "decision_live"]
    assert s.storefront_url in messages[1]["text"]


async def test_three_workers_and_100_approvals_make_100_storefronts(
        site, fake, db, db_url, settings):
    # 100 on PostgreSQL, as the deployment runs; SQLite serialises every claim anyway.
    ids = await make_submissions(db, settings, 10 if db.sqlite else 100)
    ws = worker_settings(settings, site, fake)
    # Three workers as three engines with pools of their own: on PostgreSQL they
    # compete through FOR UPDATE SKIP LOCKED as separate processes would.
    engines = [Database(db_url) for _ in range(3)]
    done_by: list[list[int]] = [[], [], []]

    def counting(i: int, handler):
        async def run(row):
            done_by[i].append(row.payload["submission_id"])
            await handler(row)
        return run

    stop = asyncio.Event()
    tasks = [asyncio.create_task(work(
        engine, Handlers({"handoff": counting(i, handoff(engine, ws))}), stop,
        batch=3, idle=0.02)) for i, engine in enumerate(engines)]
    try:
        await until(lambda: _all_live(db, ids), timeout=40)
    finally:
        stop.set()
        await asyncio.gather(*tasks)
        for engine in engines:
            await engine.close()
    assert len(fake.created) == len(set(fake.created)) == len(ids)
    assert sorted(fake.created) == sorted(f"{i}-1" for i in ids)
    assert 409 not in fake.statuses  # no row was ever run twice
    assert sorted(sum(done_by, [])) == sorted(ids)
    if not db.sqlite:
        assert all(done_by), [len(d) for d in done_by]  # all three took part


async def _all_live(db, ids) -> bool:
    async with db.transaction() as session:
        return (await session.execute(select(sa.func.count()).select_from(Submission).where(
            Submission.status == "live"))).scalar_one() == len(ids)


# --- no backend: the export folder ---------------------------------------------------


async def test_without_a_backend_the_handoff_lands_in_the_export_folder(site, db, settings):
    owner = Owner(site)
    await onboard(owner, "Coopérative Tifawin", photos=(1, 2))
    (a,) = await approve(db)
    ws = worker_settings(settings, site, None)
    exports = settings.var_dir / "exports"
    store = LocalMediaStore(settings.media_root)

    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, a, "exported"))
        await until(lambda: _no_pending(db))
    document = json.loads((exports / str(a) / "submission.json").read_text())
    assert document["submission_id"] == a and document["business"]["name"] == "Coopérative Tifawin"
    images = document["products"][0]["images"]
    assert [i["file"] for i in images] == ["1-1.jpg", "1-2.jpg"]
    for image in images:
        data = (exports / str(a) / image["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == image["sha256"]
        assert data == await store.open(image["sha256"])
    rows = list(csv.DictReader(io.StringIO((exports / "products.csv").read_text())))
    assert [(r["sku"], r["business_name"], r["images"]) for r in rows] == [
        (f"tijara-{a}-1", "Coopérative Tifawin", f"{a}/1-1.jpg;{a}/1-2.jpg")]
    assert (rows[0]["price_amount"], rows[0]["currency"], rows[0]["price_unit"]) == (
        "150", "MAD", "l")

    (b,) = await make_submissions(db, settings, 1)  # another approval: the CSV is rewritten
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, b, "exported"))
    rows = list(csv.DictReader(io.StringIO((exports / "products.csv").read_text())))
    assert [(r["sku"], r["images"]) for r in rows] == [
        (f"tijara-{a}-1", f"{a}/1-1.jpg;{a}/1-2.jpg"), (f"tijara-{b}-1", f"{b}/1-1.jpg")]
    assert (exports / str(b) / "1-1.jpg").exists()
    assert not list(exports.rglob(".tmp-*"))  # nothing half-written left behind

    s = await submission(db, a)
    assert (s.status, s.storefront_url) == ("exported", None)
    # The owner heard "approved" (the link follows once the storefront exists), no more.
    assert [m["key"] for m in await inbox_keys(site, owner)] == ["decision_approved"]


async def test_a_retry_sends_the_usd_rate_of_the_first_attempt(site, fake, db, settings,
                                                               quick_backoff):
    """Every retry of one key is the same body: a USD_PER_MAD changed between two attempts
    waits for the next key (or an admin's retry)."""
    (sid,) = await make_submissions(db, settings, 1)  # 150 DH/l
    fake.fail(1, 503)

    def at(rate: str, day: str):
        return worker_settings(settings.model_copy(update={
            "usd_per_mad": Decimal(rate), "usd_per_mad_date": day}), site, fake)

    async with working(db, Handlers({"handoff": handoff(db, at("0.11", "2026-12-01"))})):
        await until(lambda: _answered(fake, 1))  # the 503
    async with working(db, Handlers({"handoff": handoff(db, at("0.09", "2026-12-05"))})):
        await until(status_is(db, sid, "live"))
    assert fake.statuses == [503, 201]
    first, second = (r.body["products"][0]["price"]["usd"] for r in fake.requests)
    assert first == second == {"amount": "16.50", "amount_max": None,
                               "usd_per_mad": "0.11", "rate_date": "2026-12-01"}


async def _answered(fake, n: int) -> bool:
    return len([s for s in fake.statuses if s]) >= n
