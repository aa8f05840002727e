"""The database goes away under traffic: owners lose a delay, never a message.

A TCP proxy the test controls (tests/fakes/tcp_proxy.py) stands between the app and the
real PostgreSQL, so the database can be stopped (connections cut, new ones refused) or
stalled (packets held) without touching the server other tests use.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from sqlmodel import select
from twilio.request_validator import RequestValidator

from bot.app import create_app
from bot.keys import db_key, dispatcher_key, receiver_key, settings_key
from bot.outbox.worker import work
from bot.receive import Receiver
from storage import conversations, outbox
from storage.models import Inbound, Outbox
from tests.fakes.tcp_proxy import TcpProxy
from tests.fakes.telegram_api import FakeTelegram, TelegramUser
from tests.fakes.twilio_api import FakeTwilio

SID, TWILIO_TOKEN = "AC" + "7" * 32, "twilio-token-outage"
PUBLIC = "https://bot.example.ma"
TG_TOKEN, TG_SECRET = "123456789:OUTAGE-token", "outage-secret"
postgres_only = pytest.mark.parametrize("db_url", ["postgres"], indirect=True)


@pytest.fixture
async def outage(aiohttp_client, aiohttp_server, settings, db, tmp_path, monkeypatch):
    """The app on real PostgreSQL through the proxy, with Telegram and Twilio stand-ins."""
    monkeypatch.setattr("bot.receive.REPLAY_EVERY", 0.2)
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 0.2)
    monkeypatch.setattr("bot.channels.telegram.channel.CHAT_LIMITS", ((50, 0.1),))
    monkeypatch.setattr("bot.channels.telegram.channel.BOT_LIMITS", ((100, 0.1),))
    proxy = await TcpProxy("127.0.0.1", 5432).start()
    telegram = FakeTelegram(TG_TOKEN)
    telegram.server = await aiohttp_server(telegram.app())
    async with FakeTwilio(SID, TWILIO_TOKEN) as twilio:
        config = settings.model_copy(update={
            "database_url": proxy.url(settings.database_url),
            "db_connect_timeout": 1.0, "db_statement_timeout": 2.0, "db_pool_timeout": 1.0,
            "spool_dir": tmp_path / "spool", "embedded_worker": False,
            "telegram_bot_token": TG_TOKEN, "telegram_webhook_secret": TG_SECRET,
            "telegram_api_base_url": FakeTelegram.api_base(telegram.server),
            "telegram_file_base_url": FakeTelegram.file_base(telegram.server),
            "twilio_account_sid": SID, "twilio_auth_token": TWILIO_TOKEN,
            "twilio_whatsapp_from": "whatsapp:+14155238886",
            "twilio_api_base_url": twilio.api_url, "public_base_url": PUBLIC,
        })
        client = await aiohttp_client(create_app(config))
        try:
            yield client, proxy, telegram, twilio
        finally:
            proxy.resume()
            await client.close()
            await proxy.close()


def whatsapp_post(client, wa_id: str, text: str):
    sid = "SM" + uuid.uuid4().hex
    params = {"MessageSid": sid, "AccountSid": SID, "From": f"whatsapp:+{wa_id}",
              "To": "whatsapp:+14155238886", "Body": text, "NumMedia": "0", "WaId": wa_id,
              "ProfileName": "Owner"}
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(
        PUBLIC + "/whatsapp/twilio", params)
    return client.post("/whatsapp/twilio", data=params,
                       headers={"X-Twilio-Signature": signature})


def telegram_post(client, update: dict):
    return client.post("/telegram/webhook", json=update,
                       headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET})


async def replies_by_conversation(db) -> dict[str, list[list[str]]]:
    """Every reply queued, by the owner it went to, in order: [[keys of one reply]]."""
    async with db.transaction() as session:
        rows = (await session.execute(select(Outbox).where(Outbox.kind == "send")
                                      .order_by(Outbox.id))).scalars().all()
    found: dict[str, list[list[str]]] = {}
    for row in rows:
        found.setdefault(row.payload["user_ref"], []).append(
            [r["key"] for r in row.payload["replies"]])
    return found


async def until(condition, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while not (result := await condition()):
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.1)
    return result


@postgres_only
async def test_webhooks_are_kept_while_the_database_is_stopped(outage, db):
    client, proxy, telegram, twilio = outage
    owners = [f"2126110000{i:02d}" for i in range(5)]
    users = [TelegramUser(7_000_000 + i) for i in range(5)]

    started = await client.post("/api/chat/sessions", json={"lang_hint": "fr"})
    session = (await started.json())["session"]
    web_url = f"/api/chat/sessions/{session}/messages"

    proxy.stop()
    # The web chat cannot answer without the database: 503, and the page will send the
    # same message again after Retry-After.
    refused = await client.post(web_url, json={"id": "w-1", "payload": "lang:fr"})
    assert refused.status == 503 and int(refused.headers["Retry-After"]) >= 1
    # Each owner writes three times while the database is away: all acknowledged at once.
    for step in range(3):
        texts = ["salam", "1", "Atlas"]
        presses = [None, "lang:fr", None]
        answers = await asyncio.gather(
            *(whatsapp_post(client, wa, texts[step]) for wa in owners),
            *(telegram_post(client, u.press(presses[step]) if presses[step]
                            else u.text("/start" if step == 0 else "oui")) for u in users))
        assert [a.status for a in answers] == [200] * 10
    assert len(list((client.server.app[settings_key].spool).glob("*.json"))) == 30

    proxy.resume()

    async def all_answered():
        found = await replies_by_conversation(db)
        return found if sum(map(len, found.values())) >= 30 else None

    found = await until(all_answered)
    async with db.transaction() as session:
        inbound = (await session.execute(select(Inbound))).scalars().all()
    assert len(inbound) == 31 and all(row.processed_at for row in inbound)  # + web start
    # In order, once each: the welcome, then consent asked in French, then the name (on
    # WhatsApp "salam" already says the language: welcome and consent, name, owner's name).
    for ref in [f"whatsapp:+{wa}" for wa in owners]:
        assert found[ref] == [["welcome_found", "ask_consent"], ["ask_business_name"],
                              ["ask_owner_name"]], ref
    for ref in [str(u.id) for u in users]:
        assert found[ref] == [["ask_language"], ["ask_consent"], ["ask_business_name"]], ref
    assert not list(client.server.app[settings_key].spool.glob("*.json"))
    # The page's retries, with the same id: one turn, however many times it is sent.
    first = await (await client.post(web_url, json={"id": "w-1", "payload": "lang:fr"})).json()
    again = await (await client.post(web_url, json={"id": "w-1", "payload": "lang:fr"})).json()
    assert [m["key"] for m in first["messages"]] == ["ask_consent"]
    assert [m["key"] for m in again["messages"]] == ["ask_consent"]  # where we are, no 2nd turn
    async with db.transaction() as session_:
        web = (await session_.execute(select(Inbound).where(Inbound.channel == "web"))).all()
    assert len(web) == 2  # the start and w-1, once each


@postgres_only
async def test_a_stalled_database_costs_seconds_not_the_webhook(outage, db):
    client, proxy, _telegram, _twilio = outage
    assert (await whatsapp_post(client, "212622000001", "salam")).status == 200
    proxy.stall()
    started = time.monotonic()
    ready = await client.get("/readyz")
    assert ready.status == 503 and time.monotonic() - started < 1.5
    started = time.monotonic()
    answer = await whatsapp_post(client, "212622000001", "1")
    assert answer.status == 200
    assert time.monotonic() - started < 10  # Twilio gives up at 15 s
    proxy.resume()

    async def answered():
        found = await replies_by_conversation(db)
        return found if len(found.get("whatsapp:+212622000001", [])) >= 2 else None

    found = await until(answered)
    assert found["whatsapp:+212622000001"] == [["welcome_found", "ask_consent"],
                                               ["ask_business_name"]]
    assert (await client.get("/readyz")).status == 200


@postgres_only
async def test_the_worker_waits_out_the_database_and_goes_on(outage, db):
    client, proxy, telegram, _twilio = outage
    app = client.server.app
    user = TelegramUser(7_100_001)
    assert (await telegram_post(client, user.text("/start"))).status == 200
    await until(lambda: _sent(telegram, user.id, 1))
    stop = asyncio.Event()
    worker = asyncio.create_task(work(app[db_key], app[dispatcher_key].handlers, stop,
                                      idle=0.05))
    proxy.stop()
    await asyncio.sleep(3)  # the worker's claims fail all this while
    assert not worker.done(), "the worker must not exit while the database is away"
    proxy.resume()
    async with db.transaction() as session:  # work for the worker, queued directly
        conv = await conversations.find(session, "telegram", str(user.id))
        await outbox.enqueue(session, "send", "outage:after", {
            "conversation_id": conv.id, "channel": "telegram", "user_ref": str(user.id),
            "locale": "fr", "replies": [{"key": "help", "text": "Toujours là.", "buttons": [],
                                       "expects": "text"}]},
            conversation_id=conv.id)
    try:
        await until(lambda: _sent(telegram, user.id, 2), timeout=60)
    finally:
        stop.set()
        await asyncio.wait_for(worker, 15)
    assert telegram.sent(user.id)[-1].text == "Toujours là."


async def _sent(telegram, chat_id: int, count: int) -> bool:
    return len(telegram.sent(chat_id)) >= count


@postgres_only
async def test_a_message_recorded_after_its_webhook_gave_up_is_answered_then(outage, db,
                                                                            monkeypatch):
    """The database committed the message but answered after RECORD_TIMEOUT: the webhook
    spooled a copy (a duplicate once replayed); the owner is answered at once all the
    same, not half a minute later when recovery finds the row."""
    client, _proxy, telegram, _twilio = outage
    monkeypatch.setattr("bot.receive.RECORD_TIMEOUT", 0.2)
    record, calls = Receiver.record, []

    async def answered_late(self, msg):  # the first time only: the replay is answered
        inbound_id = await record(self, msg)
        calls.append(inbound_id)
        if len(calls) == 1:
            await asyncio.sleep(0.5)
        return inbound_id

    monkeypatch.setattr(Receiver, "record", answered_late)
    user = TelegramUser(7_100_001)
    started = time.monotonic()
    assert (await telegram_post(client, user.text("/start"))).status == 200

    async def sent():
        return telegram.sent(user.id)

    await until(sent, timeout=20)
    assert time.monotonic() - started < 10  # recovery takes a row after 30 s

    async def replayed():
        return not client.app[receiver_key].spool

    await until(replayed)
    assert calls[1:] == [None]  # the spooled copy came back as a duplicate, with no effect
    assert (await replies_by_conversation(db))[str(user.id)] == [["ask_language"]]
    assert len(telegram.sent(user.id)) == 1
