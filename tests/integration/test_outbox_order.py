"""One delivery per conversation in flight, in order: the outbox's claim hands out a
conversation's "send" rows one at a time, oldest first, whichever worker asks (real
SQLite and PostgreSQL; on PostgreSQL the claimers run side by side)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.channels.base import Delivery
from bot.outbox.send import send_handler
from bot.outbox.worker import work
from storage import conversations, outbox


async def _conversation(db, ref: str) -> int:
    async with db.transaction() as session:
        return (await conversations.ensure(session, "telegram", ref)).id


async def _send_row(db, conv: int, ref: str, text: str) -> int:
    async with db.transaction() as session:
        return await outbox.enqueue(session, "send", f"{ref}:{text}", {
            "conversation_id": conv, "channel": "telegram", "user_ref": ref, "locale": "fr",
            "replies": [{"key": "help", "text": text, "buttons": [], "expects": "none"}]},
            conversation_id=conv)


async def _claim(db, **kwargs) -> list[int]:
    async with db.transaction() as session:
        return [r.id for r in await outbox.claim(session, **kwargs)]


async def test_two_claimers_get_one_send_per_conversation_the_oldest(db):
    a, b = await _conversation(db, "101"), await _conversation(db, "102")
    a1, a2, a3 = [await _send_row(db, a, "101", t) for t in ("a1", "a2", "a3")]
    b1, b2 = [await _send_row(db, b, "102", t) for t in ("b1", "b2")]
    async with db.transaction() as session:
        other = await outbox.enqueue(session, "handoff", "h", {}, conversation_id=a)
    first, second = await asyncio.gather(_claim(db), _claim(db))
    assert sorted(first + second) == sorted([a1, b1, other])  # a2, a3, b2 wait their turn
    # a1 is leased (to a worker that may be slow): a2 still waits, here and by id.
    assert await _claim(db) == [] and await _claim(db, ids=[a2, a3]) == []
    async with db.transaction() as session:
        await outbox.finish(session, a1)
        await outbox.retry_later(session, b1, timedelta(minutes=5), "429")
    assert await _claim(db) == [a2]  # b1 is due later: b2 waits behind it
    async with db.transaction() as session:
        await outbox.give_up(session, a2, "failed")
    assert await _claim(db, ids=[a3]) == [a3]  # a row given up no longer holds the line


class Slow:
    """A channel that takes a moment per delivery and notes what overlaps."""

    name = "telegram"

    def __init__(self):
        self.sent: dict[str, list[str]] = {}
        self.in_flight: set[str] = set()
        self.overlaps = 0

    async def send(self, delivery: Delivery) -> None:
        if delivery.user_ref in self.in_flight:
            self.overlaps += 1
        self.in_flight.add(delivery.user_ref)
        await asyncio.sleep(0.01)
        self.sent.setdefault(delivery.user_ref, []).append(delivery.replies[0].text)
        self.in_flight.discard(delivery.user_ref)


async def test_two_workers_deliver_each_conversation_in_order_one_at_a_time(db):
    channel = Slow()
    refs = [str(200 + i) for i in range(3)]
    for ref in refs:
        conv = await _conversation(db, ref)
        for n in range(6):
            await _send_row(db, conv, ref, f"{ref}-{n}")
    handlers = {"send": send_handler(db, {"telegram": channel})}
    stop = asyncio.Event()
    workers = [asyncio.create_task(work(db, handlers, stop, batch=4, idle=0.02))
               for _ in range(2)]
    try:
        deadline = asyncio.get_running_loop().time() + 60
        while sum(map(len, channel.sent.values())) < 18:
            assert asyncio.get_running_loop().time() < deadline, channel.sent
            await asyncio.sleep(0.02)
    finally:
        stop.set()
        await asyncio.gather(*workers)
    assert channel.sent == {ref: [f"{ref}-{n}" for n in range(6)] for ref in refs}
    assert channel.overlaps == 0
