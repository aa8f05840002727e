"""Acknowledged means never lost: record, process, reply through the outbox."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.channels.base import Delivery, InboundMessage, SendError
from bot.dispatch import Dispatcher
from bot.outbox.send import send_handler
from bot.outbox.worker import work
from bot.receive import Receiver
from storage import outbox
from storage.media import inspect_photo
from storage.models import Conversation, Outbox
from storage.spool import Spool
from tests.helpers import photo_bytes, turns_for


class FakeChannel:
    """A channel that keeps what it is asked to send; it can be told to fail."""

    name = "fake"

    def __init__(self):
        self.sent: list[Delivery] = []
        self.failures: list[SendError] = []

    async def send(self, delivery: Delivery) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(delivery)

    async def fetch_media(self, ref: dict):
        return inspect_photo(photo_bytes(ref["seed"]))

    def keys(self) -> list[list[str]]:
        return [[r.key for r in d.replies] for d in self.sent]


def message(n: int, user: str = "212600000001", **fields) -> InboundMessage:
    return InboundMessage(channel="fake", user_ref=user, external_id=f"m{n}", **fields)


async def setup(db):
    channel = FakeChannel()
    turns = turns_for(db)
    handlers = {"send": send_handler(db, {"fake": channel})}
    dispatcher = Dispatcher(db, turns, {"fake": channel}, handlers)
    spool = Spool(Path(tempfile.mkdtemp(prefix="tijara-spool-")))  # unused: the database is up
    return channel, Receiver(db, turns, dispatcher, spool), dispatcher, handlers


async def test_recorded_message_is_answered_once_even_if_delivered_twice(db):
    channel, receiver, dispatcher, _ = await setup(db)
    first = await receiver.record(message(1, text="salam"))
    again = await receiver.record(message(1, text="salam"))
    assert first is not None and again is None
    await dispatcher.schedule(first, "fake", "212600000001")
    assert channel.keys() == [["welcome_found", "ask_consent"]]
    assert channel.sent[0].locale == "ary-Latn"


async def test_an_acknowledged_message_left_by_a_dead_process_is_picked_up(db):
    channel, receiver, dispatcher, _ = await setup(db)
    inbound = await receiver.record(message(1, text="bonjour"))
    # The process died before processing: make the row look old, as after a restart.
    async with db.transaction() as session:
        await session.execute(sa.text(
            "UPDATE inbound SET received_at = received_at - interval '1 hour'"
            if not db.sqlite else
            "UPDATE inbound SET received_at = datetime(received_at, '-1 hour')"))
    assert await dispatcher.recover_once() == 1
    await dispatcher.drain()
    assert channel.keys() == [["welcome_found", "ask_consent"]]
    await dispatcher.schedule(inbound, "fake", "212600000001")
    assert channel.keys() == [["welcome_found", "ask_consent"]]  # already done: no second answer


async def test_an_album_gets_one_answer_and_keeps_every_photo(db, monkeypatch):
    monkeypatch.setattr("bot.dispatch.ALBUM_WAIT", 0.05)
    channel, receiver, dispatcher, _ = await setup(db)
    script = [dict(text="bonjour"), dict(payload="lang:fr"), dict(payload="yes"),
              dict(text="Tapis Atlas"), dict(text="Aicha Ait"), dict(text="Marrakech"),
              dict(payload="sector:carpets"), dict(payload="skip"), dict(text="0612345678"),
              dict(payload="skip"), dict(text="Tapis berbère")]
    for i, fields in enumerate(script):
        inbound = await receiver.record(message(i, **fields))
        await dispatcher.schedule(inbound, "fake", "212600000001")
    assert channel.keys()[-1] == ["ask_photos"]
    tasks = []
    for seed in range(4):
        inbound = await receiver.record(message(100 + seed, media=({"seed": seed},), group="alb1"))
        tasks.append(dispatcher.schedule(inbound, "fake", "212600000001"))
    await asyncio.gather(*tasks)
    assert channel.keys()[-1] == ["photo_received"]
    assert len(channel.sent) == len(script) + 1  # one answer for the album of four
    assert "Photo 4 sur 8" in channel.sent[-1].replies[0].text


async def test_failed_sends_are_retried_and_a_blocked_owner_gets_nothing_more(db):
    channel, receiver, dispatcher, handlers = await setup(db)
    channel.failures.append(SendError("429", retry_after=0))
    inbound = await receiver.record(message(1, text="salam"))
    await dispatcher.schedule(inbound, "fake", "212600000001")
    assert channel.sent == []
    stop = asyncio.Event()
    worker = asyncio.create_task(work(db, handlers, stop, idle=0.05))
    for _ in range(100):
        if channel.sent:
            break
        await asyncio.sleep(0.05)
    assert channel.keys() == [["welcome_found", "ask_consent"]]

    channel.failures.append(SendError("403 blocked", unreachable=True))
    await dispatcher.schedule(await receiver.record(message(2, payload="lang:fr")), "fake",
                            "212600000001")
    await dispatcher.schedule(await receiver.record(message(3, text="oui")), "fake", "212600000001")
    await asyncio.sleep(0.2)
    stop.set()
    await worker
    assert channel.keys() == [["welcome_found", "ask_consent"]]
    async with db.transaction() as session:
        status = (await session.execute(sa.select(Conversation.status))).scalar_one()
        pending = (await session.execute(sa.select(sa.func.count()).select_from(Outbox)
                                         .where(Outbox.status == "pending"))).scalar_one()
    assert status == "unreachable" and pending == 0


async def test_two_workers_never_take_the_same_row(db):
    async with db.transaction() as session:
        for i in range(40):
            await outbox.enqueue(session, "count", f"k{i}", {"i": i})
    taken: list[int] = []

    async def count(row):
        taken.append(row.payload["i"])
        await asyncio.sleep(0.001)
        async with db.transaction() as session:
            await outbox.finish(session, row.id)

    stop = asyncio.Event()
    workers = [asyncio.create_task(work(db, {"count": count}, stop, batch=3, idle=0.02))
               for _ in range(3)]
    for _ in range(200):
        if len(taken) >= 40:
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.gather(*workers)
    assert sorted(taken) == list(range(40))


async def test_a_lease_expires_so_a_killed_worker_loses_nothing(db):
    async with db.transaction() as session:
        await outbox.enqueue(session, "count", "only", {})
    async with db.transaction() as session:
        (row,) = await outbox.claim(session, lease=timedelta(seconds=1))
    async with db.transaction() as session:
        assert await outbox.claim(session) == []  # held by the "killed" worker
    await asyncio.sleep(1.2)
    async with db.transaction() as session:
        (again,) = await outbox.claim(session)
    assert again.id == row.id and again.attempts == 2
