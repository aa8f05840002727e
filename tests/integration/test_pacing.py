"""Telegram's limits held across processes: several `TelegramChannel`s ("processes", each
with its own Bot and Redis connection) sharing one Redis, sending to the local Bot API
stand-in, which answers 429 as Telegram does once `enforce_limits()` is on. Partial
deliveries are finished by another process from the outbox row.

Times are measured where the messages arrive (the stand-in), with real waits: the
limits are the behaviour under test. Waits are asserted as lower bounds. The drain
test has a 50 ms margin for a message held up between its moment and its arrival
(30 in any 1.05 s against 30 in any second): a machine stalled longer than that fails
it (see benchmarks/pacing.py, real processes).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.channels.base import Delivery
from bot.channels.pacing import FLOOD_KEYS, LocalPacer, RedisPacer, redis_client
from bot.channels.telegram.channel import TelegramChannel
from bot.i18n import Rendered, catalog
from bot.outbox.send import send_handler
from bot.outbox.worker import run_row
from flows.model import Msg
from storage import conversations, outbox
from storage.media import LocalMediaStore
from storage.models import Outbox
from tests.conftest import REDIS_URL
from tests.fakes.telegram_api import FakeTelegram, busiest_window

TOKEN = "123456789:TEST-token_for-the-pacing"
NOTED = {catalog().text(loc, Msg("tg_noted")) for loc in ("ary-Latn", "ary-Arab", "fr", "ar")}


@pytest.fixture
async def fake(aiohttp_server):
    api = FakeTelegram(TOKEN)
    api.server = await aiohttp_server(api.app())
    return api


@asynccontextmanager
async def processes(fake: FakeTelegram, prefix: str, n: int, tmp_path,
                    ) -> AsyncIterator[list[TelegramChannel]]:
    """n channels as n processes would have them: a Bot and a Redis connection each."""
    async with AsyncExitStack() as stack:
        channels = []
        for _ in range(n):
            bot = Bot(TOKEN, base_url=fake.api_base(fake.server),
                      request=HTTPXRequest(connection_pool_size=64))
            await stack.enter_async_context(bot)  # getMe: the connection is open
            pacer = RedisPacer(redis_client(REDIS_URL), prefix)
            stack.push_async_callback(pacer.close)
            channels.append(TelegramChannel(bot, LocalMediaStore(tmp_path), pacer=pacer))
        yield channels


def delivery(chat: int, *texts: str, conversation_id: int = 1) -> Delivery:
    return Delivery(conversation_id, str(chat), "fr",
                    tuple(Rendered("help", t, (), "none") for t in texts))



# --- the bot's limit, across processes ---------------------------------------------------


async def test_300_chats_drain_near_30_per_second_across_three_processes(fake, redis_prefix,
                                                                         tmp_path):
    fake.enforce_limits(per_bot=30, per_chat=4)
    chats = range(700_000_001, 700_000_301)
    async with processes(fake, redis_prefix, 3, tmp_path) as channels:
        await asyncio.gather(*(channels[i % 3].send(delivery(chat, f"salam {chat}"))
                               for i, chat in enumerate(chats)))
    sent = fake.sent()
    assert sorted(c.chat_id for c in sent) == list(chats)  # each once
    assert fake.flood_429s == 0 and fake.chat_429s == 0
    times = [c.at for c in sent]
    assert busiest_window(times) <= 30
    rate = (len(times) - 1) / (max(times) - min(times))
    assert rate >= 0.9 * 30, f"{rate:.1f} messages/s"


async def test_one_chat_gets_its_pace_whichever_processes_write_to_it(fake, redis_prefix,
                                                                      tmp_path):
    fake.enforce_limits(per_bot=30, per_chat=4)
    async with processes(fake, redis_prefix, 3, tmp_path) as channels:
        await asyncio.gather(*(c.send(delivery(700_000_999, f"{i}-{j}"))
                               for i, c in enumerate(channels) for j in range(2)))
    times = sorted(c.at for c in fake.sent(700_000_999))
    assert len(times) == 6 and fake.chat_429s == 0
    # At most 4 in any 1.1 s (three processes alone would have sent all 6 at once); 0.1 s
    # off for the jitter of the way.
    assert times[4] - times[0] >= 1.0 and times[5] - times[1] >= 1.0


# --- 429s ----------------------------------------------------------------------------------


async def _held(prefix: str, key: str) -> None:
    client = redis_client(REDIS_URL)
    try:
        deadline = time.monotonic() + 10
        while not await client.exists(f"{prefix}hold:{key}"):
            assert time.monotonic() < deadline, "the 429 was not held"
            await asyncio.sleep(0.01)
    finally:
        await client.aclose()


async def test_a_429_in_one_process_pauses_that_chat_in_the_others(fake, redis_prefix,
                                                                   tmp_path):
    chat, other = 700_001_001, 700_001_002
    async with processes(fake, redis_prefix, 2, tmp_path) as (a, b):
        fake.rate_limit(1, retry_after=2, chat_id=chat)
        first = asyncio.create_task(a.send(delivery(chat, "one")))
        await _held(redis_prefix, f"{a.bot_key}:chat:{chat}")
        (limited,) = fake.called("sendMessage", chat)
        await asyncio.gather(b.send(delivery(chat, "two")), b.send(delivery(other, "else")))
        await first  # waited in place, then sent
    assert {c.text for c in fake.sent(chat)} == {"one", "two"}
    assert all(c.at - limited.at >= 2.0 for c in fake.sent(chat))
    assert fake.sent(other)[0].at - limited.at < 2.0  # another chat is not held


async def test_429s_on_several_chats_at_once_pause_the_whole_bot(fake, redis_prefix,
                                                                 tmp_path):
    chats = list(range(700_002_001, 700_002_001 + FLOOD_KEYS))
    async with processes(fake, redis_prefix, 2, tmp_path) as (a, b):
        fake.rate_limit(FLOOD_KEYS, retry_after=2)
        sending = [asyncio.create_task(a.send(delivery(c, "hello"))) for c in chats]
        await _held(redis_prefix, a.bot_key)
        last_429 = max(c.at for c in fake.called("sendMessage") if not c.params.get("_ok"))
        await b.send(delivery(700_002_999, "elsewhere"))
        await asyncio.gather(*sending)
    assert fake.sent(700_002_999)[0].at - last_429 >= 1.9  # held from A's first 429s


# --- the limiter itself, in process and in Redis ---------------------------------------------


@pytest.fixture(params=["local", "redis"])
async def pacer(request, redis_prefix):
    if request.param == "local":
        yield LocalPacer()
        return
    shared = RedisPacer(redis_client(REDIS_URL), redis_prefix)
    yield shared
    await shared.close()


async def test_a_burst_then_the_rate(pacer):
    started = time.monotonic()
    for _ in range(3):
        await pacer.take("k", ((3, 0.3),))
    assert time.monotonic() - started < 0.09  # the burst goes at once
    for _ in range(5):
        await pacer.take("k", ((3, 0.3),))
    assert time.monotonic() - started >= 0.55  # then 3 more per 0.3 s


async def test_every_window_holds_at_once(pacer):
    """At most 6 in any 0.6 s and 2 in any 0.2 s: no clump of 6, and never a 7th within
    0.6 s of the 1st. Measured when `take` returns, which may be up to LATE (0.04 s)
    after the booked moment: the gaps are asserted with 0.1 s to spare."""
    limits, moments = ((6, 0.6), (2, 0.2)), []
    started = time.monotonic()
    for _ in range(10):
        await pacer.take("k", limits)
        moments.append(time.monotonic() - started)
    assert moments[1] < 0.09  # an idle key: at once, and a second with it
    assert all(b - a >= 0.1 for a, b in zip(moments, moments[2:], strict=False))
    assert all(b - a >= 0.5 for a, b in zip(moments, moments[6:], strict=False))
    await pacer.take("other", limits)
    assert time.monotonic() - started - moments[-1] < 0.09  # another key: its own


async def test_a_hold_pauses_a_key_and_only_it(pacer):
    await pacer.hold("k", 0.5)
    started = time.monotonic()
    await pacer.take("other", ((1, 0.1),))
    assert time.monotonic() - started < 0.2
    await pacer.take("k", ((1, 0.1),))
    assert time.monotonic() - started >= 0.45


async def test_holds_on_several_keys_hold_the_wider_key(pacer):
    for i in range(FLOOD_KEYS - 1):
        await pacer.hold(f"chat{i}", 0.5, flood="bot")
    started = time.monotonic()
    await pacer.take("bot", ((1, 0.1),))
    assert time.monotonic() - started < 0.2  # two chats: their own business
    await pacer.hold("chat-last", 0.5, flood="bot")
    await pacer.take("bot", ((1, 0.1),))
    assert time.monotonic() - started >= 0.45


# --- a delivery half sent, finished by another process -----------------------------------------


async def _queue(db, chat: int, key: str, replies: list[Rendered]) -> int:
    async with db.transaction() as session:
        conv = await conversations.ensure(session, "telegram", str(chat))
        return await outbox.enqueue(session, "send", key, {
            "conversation_id": conv.id, "channel": "telegram", "user_ref": str(chat),
            "locale": "fr", "replies": [r.as_json() for r in replies]},
            conversation_id=conv.id)


async def _run(db, channel: TelegramChannel, row_id: int) -> Outbox:
    """Run the row now in `channel`'s process (as its worker would once it is due)."""
    async with db.transaction() as session:
        await outbox.retry_later(session, row_id, timedelta(0), "")
    async with db.transaction() as session:
        (row,) = await outbox.claim(session, ids=[row_id])
    await run_row(db, {"send": send_handler(db, {"telegram": channel})}, row)
    async with db.transaction() as session:
        return await session.get(Outbox, row_id)


async def test_a_delivery_cut_after_its_first_part_is_finished_elsewhere(db, fake, redis_prefix,
                                                                        tmp_path):
    chat = 700_003_001
    # Each with a keyboard: three messages (plain replies would be joined into one).
    row_id = await _queue(db, chat, "cut", [Rendered("help", t, (("ok", t),), "choice")
                                            for t in ("un", "deux", "trois")])
    async with processes(fake, redis_prefix, 2, tmp_path) as (a, b):
        fake.fail(1, after=1)  # the second part meets a Bot API that is away
        row = await _run(db, a, row_id)
        assert row.status == "pending" and row.progress["sent"] == 1
        assert [c.text for c in fake.sent(chat)] == ["un"]
        row = await _run(db, b, row_id)
    assert row.status == "done"
    assert [c.text for c in fake.sent(chat)] == ["un", "deux", "trois"]
    assert [c.text for c in fake.called("sendMessage", chat)] == ["un", "deux", "deux", "trois"]


async def test_the_contact_keyboard_is_closed_by_whichever_process_sends_next(db, fake,
                                                                             redis_prefix,
                                                                             tmp_path):
    chat = 700_003_002
    phone = await _queue(db, chat, "phone", [Rendered("ask_phone", "Votre numéro ?", (),
                                                      "phone", asks_contact=True)])
    email = await _queue(db, chat, "email", [Rendered("ask_email", "Votre email ?",
                                                      (("Passer", "skip"),), "choice")])
    async with processes(fake, redis_prefix, 2, tmp_path) as (a, b):
        assert (await _run(db, a, phone)).status == "done"
        assert (await _run(db, b, email)).status == "done"
    asked, question = fake.sent(chat)
    assert asked.markup["keyboard"][0][0]["request_contact"] is True
    assert question.markup["keyboard"] == [[{"text": "Passer"}]]
    # A choice that typed back would not be read as itself (a profile name) stays inline,
    # after a short line that closes the keyboard.
    again = await _queue(db, chat, "phone2", [Rendered("ask_phone", "Votre numéro ?", (),
                                                       "phone", asks_contact=True)])
    owner = await _queue(db, chat, "owner", [Rendered("ask_owner_name", "Votre nom ?",
                                                      (("Samira B.", "profile_name"),),
                                                      "text")])
    async with processes(fake, redis_prefix, 2, tmp_path) as (a, b):
        assert (await _run(db, b, again)).status == "done"
        assert (await _run(db, a, owner)).status == "done"
    closing, question = fake.sent(chat)[3:]
    assert closing.text in NOTED and closing.markup == {"remove_keyboard": True}
    assert question.markup["inline_keyboard"][0][0]["callback_data"] == "profile_name"


async def test_a_delivery_begun_before_choices_replaced_the_keyboard_ends_as_it_began(
        db, fake, redis_prefix, tmp_path):
    """A record without "typed" (the version before): the "noted" line, then the inline
    choices, so the part it got to is the same part."""
    chat = 700_003_004
    row_id = await _queue(db, chat, "email", [Rendered("ask_email", "Votre email ?",
                                                       (("Passer", "skip"),), "choice")])
    async with db.transaction() as session:
        await outbox.save_progress(session, await session.get(Outbox, row_id),
                                   {"sent": 1, "keyboard": True, "open": False,
                                    "joined": True})
    async with processes(fake, redis_prefix, 1, tmp_path) as (a,):
        row = await _run(db, a, row_id)
    assert row.status == "done" and row.progress["sent"] == 2
    (question,) = fake.sent(chat)
    assert question.markup["inline_keyboard"][0][0]["callback_data"] == "skip"


async def test_a_delivery_begun_before_replies_were_joined_ends_as_it_began(db, fake,
                                                                           redis_prefix,
                                                                           tmp_path):
    """A record without "joined" (written by the version before): planned as then, one
    message per reply, so the part it got to is the same part."""
    chat = 700_003_003
    row_id = await _queue(db, chat, "old", [Rendered("help", t, (), "none")
                                            for t in ("un", "deux", "trois")])
    async with db.transaction() as session:
        await outbox.save_progress(session, await session.get(Outbox, row_id),
                                   {"sent": 1, "keyboard": False, "open": False})
    async with processes(fake, redis_prefix, 1, tmp_path) as (a,):
        row = await _run(db, a, row_id)
    assert row.status == "done" and row.progress["sent"] == 3
    assert [c.text for c in fake.sent(chat)] == ["deux", "trois"]
