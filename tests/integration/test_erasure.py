"""Erasure, proven (issue 17): a person who came through the web chat, Telegram (the Bot
API stand-in) and WhatsApp (the Twilio stand-in) with photos and a voice note, submitted,
exported and live on the storefront stand-in, is erased; then every row of every table,
every file of the media store (local disk, and S3 in the moto bucket) and of the export
folder is searched for their names, phone (several ways of writing it), ICE, e-mail and
the hashes of their files, and none is found. Another owner's data is untouched; the
storefront stand-in got the signed DELETE; the funnel's totals did not move. On SQLite
and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from bot.app import create_app
from bot.cli import main
from bot.erasure import erase_now
from bot.runtime import open_runtime
from storage import erasure, funnel
from storage.models import AuditEntry, Business, Conversation, ErasedCount, Media, Outbox
from tests.fakes.storefront import FakeStorefront
from tests.fakes.telegram_api import FakeTelegram, TelegramUser
from tests.fakes.twilio_api import FakeTwilio
from tests.helpers import Owner as WebOwner
from tests.helpers import photo_bytes, worker_handlers
from tests.integration.test_shared_media import bucket_keys
from tests.integration.test_storefront import SECRET, TOKEN, approve, status_is, until, working
from tests.integration.test_telegram import SCRIPT, onboard_on_telegram
from tests.integration.test_telegram import SECRET as TG_SECRET
from tests.integration.test_telegram import TOKEN as TG_TOKEN
from tests.integration.test_telegram import Harness as TgHarness
from tests.integration.test_whatsapp import SENDER, SID, STATUS, Harness, wa  # noqa: F401 - a fixture
from tests.integration.test_whatsapp import TOKEN as TWILIO_TOKEN
from tests.integration.test_whatsapp import Owner as WaOwner

PHONE = "+212612345678"
PHONES = (PHONE, "212612345678", "0612345678", "06 12 34 56 78", "612345678")
NAMES = ("Coopérative Tifawin", "Cooperative Tifawin", "Atelier Tazrout", "Fatima Zahra",
         "Amrani")
ICE, EMAIL = "001525478000036", "fatima.amrani@example.ma"
OTHER = ("Coopérative Amal", "Khadija Benali", "0698765432")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SignedHarness(Harness):
    """test_whatsapp's harness, with signatures computed on this test's public URL."""

    public = ""

    async def post(self, path, params, *, signature=None, headers=None):
        from twilio.request_validator import RequestValidator
        sig = RequestValidator(TWILIO_TOKEN).compute_signature(self.public + path, params)
        return await self.client.post(path, data=params, headers={"X-Twilio-Signature": sig})


@pytest.fixture(params=["disk", "s3"])
def store(request):
    return request.getfixturevalue("s3_store_url") if request.param == "s3" else None


@pytest.fixture
async def world(aiohttp_server, aiohttp_client, settings, db, store, monkeypatch):
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 0.3)
    monkeypatch.setattr("bot.outbox.send.backoff", lambda a, **_: timedelta(milliseconds=50))
    monkeypatch.setattr("bot.outbox.unpublish.backoff", lambda a: timedelta(milliseconds=10))
    monkeypatch.setattr("bot.channels.telegram.channel.CHAT_LIMITS", ((50, 0.1),))
    monkeypatch.setattr("bot.channels.telegram.channel.BOT_LIMITS", ((100, 0.1),))
    telegram = FakeTelegram(TG_TOKEN)
    telegram.server = await aiohttp_server(telegram.app())
    storefront = FakeStorefront(TOKEN, SECRET)
    storefront.server = await aiohttp_server(storefront.app())
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    async with FakeTwilio(SID, TWILIO_TOKEN) as twilio:
        config = settings.model_copy(update={
            **(store.settings() if store else {}),
            "twilio_account_sid": SID, "twilio_auth_token": TWILIO_TOKEN,
            "twilio_whatsapp_from": SENDER, "twilio_api_base_url": twilio.api_url,
            "twilio_media_hosts": ["127.0.0.1"], "public_base_url": public,
            "embedded_worker": False, "storefront_api_token": TOKEN,
            "storefront_signing_secret": SECRET,
            "telegram_bot_token": TG_TOKEN, "telegram_webhook_secret": TG_SECRET,
            "telegram_api_base_url": telegram.api_base(telegram.server),
            "telegram_file_base_url": telegram.file_base(telegram.server)})
        server = await aiohttp_server(create_app(config, db), port=port)
        client = await aiohttp_client(server)
        harness = SignedHarness(client, twilio, db, None)
        harness.public = public
        harness.telegram = TgHarness(client, telegram, db)
        yield config, client, harness, storefront
        storefront.release()


async def whatsapp_owner(harness: Harness) -> None:
    """Coopérative Tifawin, on WhatsApp as +212 6 12 34 56 78, two photos and a voice
    note, submitted."""
    owner = WaOwner(harness, wa_id=PHONE[1:], profile="Fatima Zahra")
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]
    voice = harness.fake.add_media("voice", b"#!AMR\n" + (b"\x3c" + bytes(31)) * 100, "audio/amr")
    assert await owner.send(NumMedia="1", MessageType="audio", MediaUrl0=voice,
                            MediaContentType0="audio/amr")
    for said in ("oui", "Coopérative Tifawin", "1", "Agadir", "argan", "passer", "passer",
                 "Huile d'argan cosmétique"):
        await owner.say(said)
    urls = (harness.fake.add_media("p3", photo_bytes(3)),
            harness.fake.add_media("p4", photo_bytes(4)))
    assert await owner.photos(*urls) == ["photo_received"]
    for said in ("terminé", "Huile pressée à froid.", "150 DH le litre", "20 litres", "non",
                 "passer"):
        await owner.say(said)
    assert await owner.say("1") == ["submitted"]


async def web_owner(client, name: str, owner_name: str, phone: str, seeds, *,
                    ice: str | None = None, email: str | None = None) -> None:
    owner = WebOwner(client)
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", name),
                          ("say", owner_name), ("say", "Agadir"), ("press", "sector:argan"),
                          *((("say", ice),) if ice else (("press", "skip"),)),
                          ("say", phone),
                          *((("say", email),) if email else (("press", "skip"),)),
                          ("say", "Huile d'argan alimentaire")):
        await getattr(owner, action)(value)
    for seed in seeds:
        assert await owner.photo(photo_bytes(seed)) == ["photo_received"]
    for action, value in (("press", "done"), ("say", "Huile pressée à froid, bio."),
                          ("say", "150 DH le litre"), ("say", "20 litres"), ("press", "no"),
                          ("press", "skip"), ("press", "submit")):
        await getattr(owner, action)(value)
    assert owner.keys == ["submitted"]


async def submission_of(db, business_name: str) -> int:
    async with db.transaction() as session:
        return (await session.execute(sa.text(
            "SELECT submission.id FROM submission JOIN business ON business.id = "
            "submission.business_id WHERE business.name = :n"), {"n": business_name})).scalar()


async def dump(db) -> str:
    """Every row of every table, as text."""
    lines = []
    async with db.transaction() as session:
        for table in SQLModel.metadata.sorted_tables:
            for row in (await session.execute(sa.select(table))).all():
                lines.append(f"{table.name}: {tuple(row)!r}")
    return "\n".join(lines)


def files(config, store, s3_server) -> dict[str, bytes]:
    if store is not None:
        return bucket_keys(s3_server, store)
    found = {}
    for root in (config.media_root, config.var_dir / "exports"):
        for path in root.rglob("*") if root.exists() else ():
            if path.is_file():
                found[str(path.relative_to(config.var_dir))] = path.read_bytes()
    return found


def run(argv: list[str]) -> int:
    """`tijara ARGV`'s exit status."""
    try:
        return main(argv)
    except SystemExit as end:
        return end.code


def found_in(text: str, needles) -> list[str]:
    folded = text.casefold()
    return [n for n in needles if n.casefold() in folded]


async def test_an_owner_erased_leaves_nothing_anywhere_and_others_keep_everything(
        world, db, store, request, monkeypatch):
    config, client, harness, storefront = world
    s3_server = request.getfixturevalue("s3_server") if store else None
    exporting = config.model_copy(update={"storefront_api_url": None})
    # The chats' replies go out right after each turn (bot/dispatch.py): no worker yet.
    await whatsapp_owner(harness)
    # On Telegram too, sharing the same number (an album of four photos).
    monkeypatch.setattr("tests.integration.test_telegram.SCRIPT", [
        (kind, PHONE[1:] if kind == "contact" else value, expected)
        for kind, value, expected in SCRIPT])
    await onboard_on_telegram(harness.telegram, TelegramUser(4242))
    async with open_runtime(exporting, db=db) as rt, working(db, rt.handlers):
        await web_owner(client, "Atelier Tazrout", "Fatima Zahra Amrani", "06 12 34 56 78",
                        (1, 2), ice="001 525 478 000 036", email=EMAIL)
        await web_owner(client, OTHER[0], OTHER[1], OTHER[2], (5, 6))
        web_sid, other_sid = (await submission_of(db, "Atelier Tazrout"),
                              await submission_of(db, OTHER[0]))
        await approve(db, web_sid)
        await approve(db, other_sid)
        await until(status_is(db, web_sid, "exported"))
        await until(status_is(db, other_sid, "exported"))
    wa_sid = await submission_of(db, "Coopérative Tifawin")
    live = config.model_copy(update={"storefront_api_url": FakeStorefront.url(
        storefront.server)})
    async with db.transaction() as session:
        media = list((await session.execute(select(Media))).scalars())
        convs = {c.id: c for c in (await session.execute(select(Conversation))).scalars()}
        others = {b.conversation_id for b in (await session.execute(
            select(Business).where(Business.name == OTHER[0]))).scalars()}
    theirs = [m for m in media if m.conversation_id not in others]
    assert {m.kind for m in theirs} == {"photo", "audio"}
    hashes = {h for m in theirs for h in (m.sha256, m.thumbnail_sha256, m.original_sha256) if h}
    stored_files = {h for m in theirs for h in (m.sha256, m.thumbnail_sha256) if h}
    kept = {h for m in media if m.conversation_id in others
            for h in (m.sha256, m.thumbnail_sha256) if h}
    since = datetime.now(UTC) - timedelta(days=1)

    async with open_runtime(live, db=db) as rt, working(db, rt.handlers):
        await approve(db, wa_sid)
        await until(status_is(db, wa_sid, "live"))
        stored = files(config, store, s3_server)
        assert any(found_in(repr(stored), NAMES))  # the export folder held them
        assert found_in(await dump(db), (PHONE, ICE, EMAIL, *NAMES))
        async with db.transaction() as session:
            before = await funnel.funnel(session, since, since + timedelta(days=2), "channel")
            ids = await erasure.find(session, "06 12 34 56 78")
        assert len(ids) == 3 and not set(ids) & others
        assert {convs[i].channel for i in ids} == {"web", "whatsapp", "telegram"}
        erased, removed = await erase_now(db, ids, media=rt.media, exports=rt.exports,
                                          cause="admin", actor="admin:a@tijara.ma",
                                          remote="203.0.113.7", reason="asked by letter")
        assert erased.files == len(stored_files) and removed <= erased.files
        assert erased.storefronts == 1

        async def taken_down() -> bool:
            async with db.transaction() as session:
                return not (await session.execute(select(Outbox.id).where(
                    Outbox.kind.in_((erasure.STOREFRONT_DELETE, erasure.ERASE_FILES)),
                    Outbox.status == "pending"))).first()
        await until(taken_down)
    assert [(d[1], d[2]) for d in storefront.deletions] == [("delete-sf-1", 204)]

    # Nothing of theirs, anywhere.
    text = await dump(db)
    stored = files(config, store, s3_server)
    where = repr({k: v.decode("utf-8", "replace") for k, v in stored.items()})
    needles = (*PHONES, ICE, "001 525 478 000 036", EMAIL, *NAMES, *hashes)
    assert found_in(text, needles) == []
    assert found_in(where, needles) == []
    assert not [k for k in stored if any(h in k for h in hashes)]

    # The other owner keeps every row and file; products.csv lists only them.
    assert found_in(text, OTHER[:2]) == list(OTHER[:2])
    assert all(any(h in k for k in stored) for h in kept)
    csv_name = next(k for k in stored if k.endswith("products.csv"))
    assert OTHER[0] in stored[csv_name].decode() and str(other_sid) in {
        k.split("/")[-2] for k in stored if "exports/" in k and not k.endswith(".csv")}

    # What stays: the funnel's counts, and one audit entry without their data.
    async with db.transaction() as session:
        after = await funnel.funnel(session, since, since + timedelta(days=2), "channel")
        (entry,) = (await session.execute(select(AuditEntry).where(
            AuditEntry.action == "erase"))).scalars()
        counted = (await session.execute(select(sa.func.sum(ErasedCount.count)))).scalar()
    assert after.total == before.total and after.groups == before.groups and counted == 3
    assert (entry.actor, entry.remote, entry.detail["cause"], entry.detail["reason"]) == (
        "admin:a@tijara.ma", "203.0.113.7", "admin", "asked by letter")


async def test_the_cli_erases_by_submission_id_and_an_unknown_one_is_one_line(
        client, db, settings, monkeypatch, capsys):
    await web_owner(client, "Atelier Tazrout", "Fatima Zahra Amrani", "06 12 34 56 78", (1,))
    sid = await submission_of(db, "Atelier Tazrout")
    for name, value in {"DATABASE_URL": settings.database_url, "SECRET_KEY": "test-secret",
                        "VAR_DIR": str(settings.var_dir),
                        "MEDIA_ROOT": str(settings.media_root)}.items():
        monkeypatch.setenv(name, value)
    assert await asyncio.to_thread(run, ["owner", "erase", "9999", "--yes"]) == 1
    assert capsys.readouterr().err == "error: nobody known as '9999'\n"
    assert await asyncio.to_thread(run, ["owner", "erase", str(sid), "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("erased 1 conversation(s): ") and "submission 1" in out
    assert "media files removed: 2 of 2" in out  # the photo and its thumbnail
    assert found_in(await dump(db), ("Tazrout", "Amrani", "612345678")) == []


# --- in the chat ------------------------------------------------------------------------


async def test_a_web_chat_owner_erases_themselves_and_the_photos_go(client, db, settings):
    owner = WebOwner(client)
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", "Atelier Tazrout"),
                          ("say", "Fatima Zahra Amrani"), ("say", "Agadir"),
                          ("press", "sector:argan"), ("say", "001 525 478 000 036"),
                          ("say", "06 12 34 56 78"), ("say", EMAIL),
                          ("say", "Huile d'argan")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(7)) == ["photo_received"]
    assert await owner.say("Supprimer mes données") == ["erase_confirm"]
    assert [b["payload"] for b in owner.question["buttons"]] == ["yes", "no"]
    assert "définitif" in owner.question["text"]
    assert await owner.say("non") == ["erase_kept", "ask_photos"]  # nothing went
    assert await owner.say("supprimer mes données") == ["erase_confirm"]
    assert await owner.press("yes") == ["erase_done"]
    async with working(db, worker_handlers(db, settings, {})):
        async def gone() -> bool:
            async with db.transaction() as session:
                return not (await session.execute(select(Outbox.id).where(
                    Outbox.kind == erasure.ERASE_FILES))).first()
        await until(gone)
    assert found_in(await dump(db), ("Tazrout", "Amrani", "612345678", ICE, EMAIL)) == []
    assert not [p for p in settings.media_root.rglob("*") if p.is_file()]
    async with db.transaction() as session:
        (entry,) = (await session.execute(select(AuditEntry))).scalars()
    assert (entry.actor, entry.action, entry.detail["cause"]) == ("owner", "erase", "owner")
    # The page's session is gone with them; a new one starts afresh.
    assert (await client.post(owner._url, json={"text": "bonjour"})).status == 404
    assert (await WebOwner(client).start("fr-FR"))["messages"][0]["key"] == "ask_language"


async def test_on_whatsapp_the_farewell_is_the_last_message_and_leaves_no_address(wa, db):  # noqa: F811
    owner = WaOwner(wa, wa_id="212677000111")
    assert await owner.say("Bonjour, je voudrais inscrire ma coopérative") \
        == ["welcome_found", "ask_consent"]
    assert await owner.say("mse7 les données dyali") == ["erase_confirm"]
    before = len(wa.fake.messages)
    await owner.post(owner.params(Body="oui"))
    (last,) = (await wa.fake.wait_for(before + 1))[before:]
    assert last.to == owner.address and "dernier message" in last.body

    async def no_trace() -> bool:
        return found_in(await dump(db), ("212677000111", "Fatima Zahra")) == []
    await until(no_trace)
    # Twilio reports on that last message: kept for the delivery figures, with no address.
    response = await wa.post(STATUS, {
        "AccountSid": SID, "From": SENDER, "To": owner.address, "MessageSid": last.sid,
        "SmsSid": last.sid, "MessageStatus": "delivered", "SmsStatus": "delivered"})
    assert response.status == 200
    assert found_in(await dump(db), ("212677000111",)) == []
    assert last.sid in await dump(db)


async def test_an_owner_an_agent_onboarded_erases_it_and_the_agents_chat_forgets_them(
        wa, db):  # noqa: F811
    from tests.integration.test_assisted import agent_fills_in_a_draft
    _agent, samira = await agent_fills_in_a_draft(wa)
    assert "Tiwizi" in await dump(db)
    fadma = WaOwner(wa, wa_id="212612345678", profile="Fadma")
    assert await fadma.say("احذف بياناتي") == ["erase_confirm"]  # at once: no agent to wait
    before = len(wa.fake.messages)
    await fadma.post(fadma.params(Body="نعم"))
    await wa.fake.wait_for(before + 1)

    async def forgotten() -> bool:
        return found_in(await dump(db), ("Tiwizi", "Fadma", "Ait Lahcen", "612345678",
                                         "0612345678")) == []
    await until(forgotten)
    async with db.transaction() as session:
        agent_chat = (await session.execute(select(Conversation).where(
            Conversation.user_ref == samira.address))).scalar_one()
    assert agent_chat.state["console"]["target"] is None  # back to her menu
    assert await samira.say("menu") == ["agent_menu"]
    assert await samira.say("2") == ["agent_list_empty", "agent_menu"]  # nobody left
