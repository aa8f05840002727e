"""Owners' personal data (law 09-08), on SQLite and PostgreSQL: "my data" through the web
chat and Telegram (a summary in their language, a signed link to a ZIP of everything), the
same ZIP for admins and the CLI, the audit trail of every access, the raw webhook bodies
dropped by the worker, and the consent asked again when its text changes."""
# ruff: noqa: F811 - the fixtures of test_admin and test_telegram, used by name

from __future__ import annotations

import asyncio
import hashlib
import html
import io
import json
import re
import time
import zipfile
from datetime import timedelta

import sqlalchemy as sa
from prometheus_client import REGISTRY

from bot.cli import main
from bot.i18n import catalog
from bot.keys import signer_key
from bot.outbox.retention import drop_raw_bodies
from bot.outbox.worker import work
from flows.model import CONSENT_VERSION, Msg
from storage import audit, conversations
from storage.models import AuditEntry, Business, Conversation, Inbound, Media, utcnow
from tests.fakes.telegram_api import TelegramUser
from tests.helpers import ogg_voice_note, worker_handlers
from tests.integration.test_admin import (  # noqa: F401 - fixtures
    Desk,
    add_user,
    client,
    onboard,
    settings,
    submission_ids,
)
from tests.integration.test_telegram import (  # noqa: F401 - fixtures
    SCRIPT,
    fake,
    fast,
    play,
    tg,
    tg_settings,
)

LINK = re.compile(r"http://testserver(/my-data/\d+\?\S+)")
OWNER_DATA = ("Coopérative Tifawin", "Fatima Amrani", "+212661234567", "0661234567")


def link_of(text: str) -> str:
    return LINK.search(text).group(1)


async def zip_of(response) -> zipfile.ZipFile:
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(await response.read()))


async def entries(db, action: str | None = None) -> list[AuditEntry]:
    async with db.transaction() as session:
        return await audit.recent(session, action=action)


def no_owner_data_in(found: list[AuditEntry]) -> None:
    dumped = json.dumps([(e.actor, e.subject, e.detail) for e in found], ensure_ascii=False)
    for value in OWNER_DATA:
        assert value not in dumped


def assert_the_files_match(archive: zipfile.ZipFile, kinds: dict[str, int]) -> dict:
    """data.json lists every file the archive holds, each with the sha256 of its bytes."""
    data = json.loads(archive.read("data.json"))
    for m in data["media"]:
        assert hashlib.sha256(archive.read(m["file"])).hexdigest() == m["sha256"]
    assert {k: sum(1 for m in data["media"] if m["kind"] == k) for k in kinds} == kinds
    return data


# --- "my data" in the web chat ----------------------------------------------------------


async def test_my_data_in_the_web_chat_sends_a_summary_and_a_link_to_everything(client, db):
    owner = await onboard(client)  # French, two photos, submitted
    keys = await owner.say("mes données")
    assert keys == ["my_data_summary", "my_data_link"]  # submitted: no question after
    summary = owner.last[0]["text"]
    assert summary.startswith("Voici tout ce que nous avons sur vous")
    for shown in ("Coopérative Tifawin", "Fatima Amrani", "+212661234567", "Huile d'argan",
                  "150", "2 photos", "version 1 envoyée", "l'équipe Tijara"):
        assert shown in summary, shown
    assert "place de marché (tout le dossier)" not in summary  # not approved yet
    assert "7 jours" in owner.last[1]["text"]

    archive = await zip_of(await client.get(link_of(owner.last[1]["text"])))
    data = assert_the_files_match(archive, {"photo": 2})
    business = data["business"]
    assert (business["name"], business["owner_name"], business["phone"], business["city"]) \
        == ("Coopérative Tifawin", "Fatima Amrani", "+212661234567", "Agadir")
    assert data["submission"]["status"] == "submitted"
    assert data["products"][0]["price_amount"] == "150"
    assert data["conversation"]["state"]["draft"]["business_name"] == "Coopérative Tifawin"
    assert data["conversation"]["state"]["consent_version"] == CONSENT_VERSION
    assert data["messages_received"], "the messages received are part of what is held"
    async with db.transaction() as session:
        photos = set((await session.execute(sa.select(Media.sha256))).scalars())
    assert {m["sha256"] for m in data["media"]} == photos

    (entry,) = await entries(db, "export_owner")
    assert (entry.actor, entry.detail["via"], entry.detail["files"]) == ("owner", "link", 2)
    assert entry.subject.startswith("submission:")
    no_owner_data_in([entry])


async def test_an_expired_or_altered_link_is_refused_kindly_in_the_owners_language(client, db):
    owner = await onboard(client, stop="ask_city", lang="fr")
    assert await owner.say("mes donnees svp") == ["my_data_summary", "my_data_link",
                                                  "ask_city"]
    link = link_of(owner.last[1]["text"])
    conversation_id = int(re.search(r"/my-data/(\d+)", link).group(1))
    refused = html.escape(catalog().text("fr", Msg("my_data_link_refused")))

    altered = await client.get(link[:-3] + ("000" if not link.endswith("000") else "111"))
    assert altered.status == 403 and refused in await altered.text()
    signer = client.server.app[signer_key]
    old = signer.data_url(conversation_id, now=time.time() - 8 * 86400).removeprefix(
        "http://testserver")
    expired = await client.get(old)
    assert expired.status == 403 and refused in await expired.text()
    other = await client.get(link.replace(f"/my-data/{conversation_id}",
                                          f"/my-data/{conversation_id + 1}"))
    assert other.status == 403  # a signature opens its own owner's data only
    assert await entries(db, "export_owner") == []  # nothing left the system
    assert (await client.get(link)).status == 200


async def test_my_data_in_darija_mid_draft_then_the_question_again(client):
    owner = await onboard(client, stop="photos")
    await owner.press("lang:ary")
    assert await owner.say("les données dyali") == ["my_data_summary", "my_data_link",
                                                    "ask_photos"]
    summary = owner.last[0]["text"]
    assert summary.startswith("Ha kolchi li 3ndna 3likom")
    assert "Tsawer: 2" in summary and "mazal ma tsiftch" in summary


# --- "my data" on Telegram ---------------------------------------------------------------


async def test_my_data_on_telegram_with_an_album_and_a_voice_note(tg):
    user = TelegramUser(555009001)
    await play(tg, user, SCRIPT[:11])  # up to the photos
    for seed in range(3):
        tg.fake.add_file(f"p{seed}", _photo(seed))
    await tg.turn(user, *(user.photo(f"p{seed}", group="alb-priv") for seed in range(3)))
    assert await tg.turn(user, user.press("done")) == ["ask_description"]
    tg.fake.add_file("voice1", ogg_voice_note())
    await tg.turn(user, user.message(voice={"file_id": "voice1", "file_unique_id": "v1u",
                                            "duration": 2, "mime_type": "audio/ogg",
                                            "file_size": 120}))
    keys = await tg.turn(user, user.text("l ma3lomat dyali"))
    assert keys[:2] == ["my_data_summary", "my_data_link"]
    replies = [c.text for c in tg.fake.sent(user.id)]
    summary = next(t for t in reversed(replies) if t.startswith("Ha kolchi"))
    assert "Tsawer: 3" in summary and "Vocaux: 1" in summary
    link = link_of(next(t for t in reversed(replies) if "/my-data/" in t))

    archive = await zip_of(await tg.client.get(link))
    data = assert_the_files_match(archive, {"photo": 3, "audio": 1})
    assert data["conversation"]["channel"] == "telegram"
    assert data["business"] is None  # not sent yet: the draft is in the conversation's state
    assert data["conversation"]["state"]["draft"]["business_name"] == "Cooperative Tifawin"


def _photo(seed: int) -> bytes:
    from tests.helpers import photo_bytes

    return photo_bytes(100 + seed)


# --- admins and the CLI ------------------------------------------------------------------


async def test_admins_and_the_cli_export_the_same_zip_and_each_is_audited(
        client, db, settings, monkeypatch, tmp_path):
    await onboard(client)
    sid = (await submission_ids(db))["Coopérative Tifawin"]
    await add_user(db, "amina@tijara.ma")
    await add_user(db, "said@tijara.ma", role="agent")

    agent = Desk(client)
    await agent.login("said@tijara.ma")
    assert (await agent.post(f"/admin/submissions/{sid}/owner-data", {})).status == 403
    agent.logout_cookies()

    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{sid}")
    assert 'id="owner-export"' in page and f"version {CONSENT_VERSION}" in page
    archive = await zip_of(await desk.post(f"/admin/submissions/{sid}/owner-data", {}))
    assert_the_files_match(archive, {"photo": 2})

    for name, value in (("DATABASE_URL", settings.database_url), ("SECRET_KEY", "test-secret"),
                        ("MEDIA_ROOT", str(settings.media_root)),
                        ("VAR_DIR", str(settings.var_dir))):
        monkeypatch.setenv(name, value)
    out = tmp_path / "owner.zip"
    for who in ("06 61 23 45 67", str(sid)):
        try:  # the CLI runs its own event loop, so it gets a thread of its own
            await asyncio.to_thread(main, ["owner", "export", who, "--out", str(out)])
        except SystemExit as exit_:
            assert exit_.code == 0
        cli = zipfile.ZipFile(out)
        assert json.loads(cli.read("data.json"))["business"]["name"] == "Coopérative Tifawin"
        assert_the_files_match(cli, {"photo": 2})
    try:
        await asyncio.to_thread(main, ["owner", "export", "0699999999"])
    except SystemExit as exit_:
        assert exit_.code == 1  # nobody by that number

    exports = await entries(db, "export_owner")
    assert [(e.actor, e.detail["via"]) for e in exports] == [
        ("cli", "cli"), ("cli", "cli"), ("admin:amina@tijara.ma", "admin")]
    assert all(e.subject == f"submission:{sid}" for e in exports)
    no_owner_data_in(exports)


async def test_logins_decisions_and_the_csv_export_leave_a_trace_only_admins_read(client, db):
    await onboard(client)
    sid = (await submission_ids(db))["Coopérative Tifawin"]
    await add_user(db, "amina@tijara.ma")
    await add_user(db, "said@tijara.ma", role="agent")

    desk = Desk(client)
    assert (await desk.login("amina@tijara.ma", "wrong", address="198.51.100.7")).status == 401
    assert (await desk.login("amina@tijara.ma", address="198.51.100.7")).status == 303
    await desk.get("/admin/export.csv?status=all&q=Tifawin")
    await desk.post(f"/admin/submissions/{sid}/business", {"city": "Taroudant"})
    await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve", "note": ""})
    await desk.post("/admin/logout", {})

    agent = Desk(client)
    await agent.login("said@tijara.ma")
    assert (await agent.get("/admin/audit")).status == 403
    assert "/admin/audit" not in await agent.text("/admin/submissions")

    trail = await entries(db)
    actions = [(e.action, e.actor) for e in reversed(trail)]
    assert actions == [
        ("login_failed", "anonymous"), ("login", "admin:amina@tijara.ma"),
        ("export_csv", "admin:amina@tijara.ma"), ("correction", "admin:amina@tijara.ma"),
        ("decision", "admin:amina@tijara.ma"), ("logout", "admin:amina@tijara.ma"),
        ("login", "agent:said@tijara.ma")]
    failed, login = trail[-1], trail[-2]
    assert failed.detail == {"email": "amina@tijara.ma"} and failed.remote == "198.51.100.7"
    assert login.remote == "198.51.100.7"
    csv_entry = next(e for e in trail if e.action == "export_csv")
    assert csv_entry.detail["rows"] == 1 and csv_entry.detail["filters"]["q"] == "yes"
    correction = next(e for e in trail if e.action == "correction")
    assert correction.subject == f"submission:{sid}" and correction.detail == {"fields": ["city"]}
    decision = next(e for e in trail if e.action == "decision")
    assert decision.detail["decision"] == "approve" and decision.detail["status"] == "approved"
    no_owner_data_in(trail)
    assert "Taroudant" not in json.dumps([e.detail for e in trail])

    admin = Desk(client)
    await admin.login("amina@tijara.ma")
    page = await admin.text("/admin/audit")
    assert page.index('data-action="login"') < page.index('data-action="login_failed"')
    only = await admin.text("/admin/audit?action=decision")
    assert 'data-action="decision"' in only and 'data-action="login"' not in only


async def test_the_audit_page_goes_back_a_page_at_a_time(client, db):
    await add_user(db, "amina@tijara.ma")
    async with db.transaction() as session:
        for n in range(60):
            await audit.record(session, actor="cli", action="export_owner",
                               subject=f"conversation:{n}")
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    first = await desk.text("/admin/audit?action=export_owner")
    assert first.count('data-action="export_owner"') == 50
    assert "conversation:59" in first and "conversation:9<" not in first
    older = re.search(r'id="audit-older" href="([^"]+)"|href="([^"]+)" id="audit-older"', first)
    second = await desk.text((older.group(1) or older.group(2)).replace("&amp;", "&"))
    assert second.count('data-action="export_owner"') == 10 and "conversation:0<" in second


# --- raw webhook bodies ------------------------------------------------------------------


async def _inbound(db, conversation_id: int, external_id: str, *, days_old: float,
                   processed: bool) -> int:
    received = utcnow() - timedelta(days=days_old)
    async with db.transaction() as session:
        row = Inbound(channel="telegram", external_id=external_id,
                      conversation_id=conversation_id, received_at=received,
                      processed_at=received + timedelta(seconds=1) if processed else None,
                      raw={"original": {"message": {"from": {"first_name": "Fatima"},
                                                    "text": "0661234567"}}})
        session.add(row)
        await session.flush()
        return row.id


def _dropped_count() -> float:
    return REGISTRY.get_sample_value("tijara_retention_dropped_total",
                                     {"what": "inbound_raw"}) or 0.0


async def test_the_worker_drops_old_processed_raw_bodies_and_keeps_the_rest(db, settings):
    async with db.transaction() as session:
        conv = await conversations.ensure(session, "telegram", "555")
    old = [await _inbound(db, conv.id, f"old{n}", days_old=31, processed=True)
           for n in range(3)]
    waiting = await _inbound(db, conv.id, "waiting", days_old=40, processed=False)
    recent = await _inbound(db, conv.id, "recent", days_old=29, processed=True)
    before = _dropped_count()

    handlers = worker_handlers(db, settings, {})  # as `tijara worker`
    assert [c.name for c in handlers.chores] == ["reminders", "retention"]
    stop = asyncio.Event()
    task = asyncio.create_task(work(db, handlers, stop, idle=0.02))
    try:
        for _ in range(500):
            async with db.transaction() as session:
                dropped = (await session.execute(sa.select(sa.func.count()).where(
                    Inbound.raw_dropped_at.is_not(None)))).scalar_one()
            if dropped == len(old):
                break
            await asyncio.sleep(0.02)
    finally:
        stop.set()
        await task

    async with db.transaction() as session:
        rows = {r.id: r for r in (await session.execute(sa.select(Inbound))).scalars()}
    for i in old:
        assert rows[i].raw == {} and rows[i].raw_dropped_at is not None
        assert rows[i].processed_at is not None and rows[i].external_id.startswith("old")
    for i in (waiting, recent):
        assert rows[i].raw["original"]["message"]["text"] == "0661234567"
        assert rows[i].raw_dropped_at is None
    assert _dropped_count() - before == 3
    (entry,) = await entries(db, "retention")
    assert entry.detail == {"raw_dropped": 3, "days": 30} and entry.actor == "worker"
    # A second run finds nothing more to do; a redelivery of a dropped one is still a no-op.
    assert await drop_raw_bodies(db, settings) == 0
    async with db.transaction() as session:
        assert await conversations.record_inbound(session, conv.id, "telegram", "old0",
                                                  {"again": True}) is None


async def test_raw_retention_goes_in_batches(db, settings, monkeypatch):
    monkeypatch.setattr("bot.outbox.retention.RAW_BATCH", 2)
    async with db.transaction() as session:
        conv = await conversations.ensure(session, "telegram", "556")
    for n in range(5):
        await _inbound(db, conv.id, f"b{n}", days_old=10, processed=True)
    short = settings.model_copy(update={"raw_retention_days": 7})
    assert await drop_raw_bodies(db, short) == 5


# --- the consent, asked again -------------------------------------------------------------


async def test_an_owner_who_agreed_to_the_old_text_is_asked_once_and_loses_nothing(
        client, db):
    owner = await onboard(client, stop="ask_city")
    async with db.transaction() as session:  # as stored before the consent had versions
        conv = (await session.execute(sa.select(Conversation))).scalar_one()
        state = dict(conv.state)
        del state["consent_version"]
        conv.state = state
    keys = await owner.say("Agadir")
    assert keys == ["ask_sector", "consent_updated", "ask_consent"]
    assert "Combien de temps : tant que votre vitrine existe" in owner.last[-1]["text"]
    assert await owner.say("Taroudant") == ["invalid_choice"]  # yes or no first
    assert await owner.press("yes") == ["consent_thanks", "ask_sector"]
    assert await owner.press("sector:argan") == ["ask_ice"]  # asked once, nothing lost
    async with db.transaction() as session:
        conv = (await session.execute(sa.select(Conversation))).scalar_one()
    assert conv.state["draft"]["city"] == "Agadir"
    assert conv.state["consent_version"] == CONSENT_VERSION


async def test_a_submitted_owners_new_consent_reaches_the_admin_page(client, db):
    owner = await onboard(client)
    async with db.transaction() as session:
        conv = (await session.execute(sa.select(Conversation))).scalar_one()
        state = dict(conv.state)
        del state["consent_version"]
        conv.state = state
        await session.execute(sa.update(Business).values(consent_version=1))
    keys = await owner.say("salam")
    assert keys[-2:] == ["consent_updated", "ask_consent"]
    assert await owner.press("yes") == ["consent_thanks"]
    async with db.transaction() as session:
        business = (await session.execute(sa.select(Business))).scalar_one()
    assert business.consent_version == CONSENT_VERSION
