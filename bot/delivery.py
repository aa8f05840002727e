"""Carrying out outbox rows: replies to owners over their channel (kind "send"), review
decisions and reminders turned into replies (kind "notify"); the storefront handoff
(kind "handoff") is bot/storefront.py."""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from bot.channels.base import Channel, Delivery, SendError
from bot.i18n import Rendered
from storage import conversations, outbox
from storage.db import Database
from storage.models import Conversation, Outbox

log = logging.getLogger(__name__)
SEND_ATTEMPTS = 12  # about an hour of backoff for a chat message; then it is stale

Handler = Callable[[Outbox], Awaitable[None]]


@dataclass(frozen=True)
class Chore:
    """Something the worker loop does on a clock rather than for a row (reminders)."""

    name: str
    every: float  # seconds
    run: Callable[[], Awaitable[object]]


class Handlers(dict[str, Handler]):
    """The outbox handlers by kind, and the chores of the loop that runs them."""

    def __init__(self, handlers: Mapping[str, Handler] | None = None,
                 chores: Iterable[Chore] = ()):
        super().__init__(handlers or {})
        self.chores = tuple(chores)


def backoff(attempt: int, *, base: float = 1.0, cap: float = 3600.0) -> timedelta:
    """Exponential backoff with full jitter: 1 s doubling up to `cap`."""
    return timedelta(seconds=random.uniform(0.5, 1.0) * min(cap, base * 2 ** max(attempt - 1, 0)))


def send_handler(db: Database, channels: dict[str, Channel]) -> Handler:
    async def send(row: Outbox) -> None:
        p = row.payload
        channel = channels.get(p["channel"])
        if channel is None:
            await outbox.give_up(db, row.id, f"channel {p['channel']} is not configured")
            return
        async with db.transaction() as session:
            conv = await session.get(Conversation, p["conversation_id"])
        if conv is None or conv.status == "unreachable":
            await outbox.finish(db, row.id)  # they blocked us: nothing more is sent
            return
        replies = tuple(Rendered.from_json(r) for r in p["replies"])
        delivery = Delivery(conv.id, p["user_ref"], p["locale"], replies,
                            conv.last_inbound_at.timestamp() if conv.last_inbound_at else None)
        try:
            await channel.send(delivery)
        except SendError as exc:
            if exc.unreachable:
                async with db.transaction() as session:
                    await conversations.mark_unreachable(session, conv.id)
                await outbox.finish(db, row.id)
            elif exc.wait_for_inbound:
                await outbox.hold(db, row.id, str(exc))
            elif row.attempts >= SEND_ATTEMPTS:
                await outbox.give_up(db, row.id, str(exc))
            else:
                delay = timedelta(seconds=exc.retry_after) if exc.retry_after \
                    else backoff(row.attempts)
                await outbox.retry_later(db, row.id, delay, str(exc))
            return
        await outbox.finish(db, row.id)

    return send


async def run_row(db: Database, handlers: dict[str, Handler], row: Outbox) -> None:
    """One row through its handler; an unexpected error is retried later, never lost."""
    handler = handlers.get(row.kind)
    if handler is None:
        await outbox.retry_later(db, row.id, timedelta(minutes=5), f"no handler for {row.kind}")
        return
    try:
        await handler(row)
    except Exception as exc:  # noqa: BLE001 - a bug in one row must not stop the others
        log.exception("outbox row %s (%s) failed", row.id, row.kind)
        await outbox.retry_later(db, row.id, backoff(row.attempts), repr(exc))


def notify_handler(db: Database, turns) -> Handler:
    """A decision about an owner's submission becomes a message in their language."""

    async def notify(row: Outbox) -> None:
        p = row.payload
        await turns.apply_event(p["conversation_id"], p["event"], f"notify:{row.id}")
        await outbox.finish(db, row.id)

    return notify
