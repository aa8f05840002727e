"""Outbox rows that become messages: replies to owners over their channel (kind "send"),
review decisions and reminders turned into replies (kind "notify").

A delivery of several parts records in its row what it sent, part by part (the
channel's record, `outbox.progress`), so a retry in any process sends only the rest.
A channel's `SendError` says what to do with the row: an owner who blocked us is
marked unreachable and nothing more is sent; a message WhatsApp may not send outside
its 24-hour window is held until the owner writes again; anything else is retried
(after the platform's Retry-After when it gave one) and given up after SEND_ATTEMPTS.
"""

from __future__ import annotations

from datetime import timedelta

from bot.channels.base import Channel, Delivery, SendError
from bot.i18n import Rendered
from bot.outbox.handler import Handler
from bot.outbox.policy import SEND_ATTEMPTS, backoff
from bot.turns import Turns
from storage import conversations, outbox
from storage.db import Database
from storage.models import Outbox


def send_handler(db: Database, channels: dict[str, Channel]) -> Handler:
    async def send(row: Outbox, context: outbox.SendContext | None = None) -> None:
        """`context`: read already by the turn that claimed the row (bot/turns.py)."""
        p = row.payload
        channel = channels.get(p["channel"])
        if channel is None:
            async with db.transaction() as session:
                await outbox.give_up(session, row.id, f"channel {p['channel']} is not configured")
            return
        if p.get("farewell"):
            await _farewell(db, channel, row)
            return
        if context is None:
            async with db.transaction() as session:
                context = await outbox.send_context(session, row)
        if context.status in (None, "unreachable"):
            async with db.transaction() as session:
                await outbox.finish(session, row.id)  # they blocked us: nothing more is sent
            return

        async def save(progress: dict) -> None:  # before the next part: never sent twice
            async with db.transaction() as session:
                await outbox.save_progress(session, row, progress)

        replies = tuple(Rendered.from_json(r) for r in p["replies"])
        last = context.last_inbound_at
        delivery = Delivery(p["conversation_id"], p["user_ref"], p["locale"], replies,
                            last.timestamp() if last else None,
                            progress=row.progress, previous=context.previous, save=save,
                            tapped=bool(p.get("tapped")))
        try:
            done = await channel.send(delivery)
        except SendError as exc:
            async with db.transaction() as session:
                if exc.unreachable:
                    await conversations.mark_unreachable(session, p["conversation_id"])
                    await outbox.finish(session, row.id)
                elif exc.wait_for_inbound:
                    await outbox.hold(session, row.id, str(exc))
                elif row.attempts >= SEND_ATTEMPTS:
                    await outbox.give_up(session, row.id, str(exc))
                else:
                    delay = timedelta(seconds=exc.retry_after) if exc.retry_after \
                        else backoff(row.attempts)
                    await outbox.retry_later(session, row.id, delay, str(exc))
            return
        async with db.transaction() as session:  # with the last part's record, if any
            await outbox.finish(session, row.id, progress=done)

    return send


async def _farewell(db: Database, channel: Channel, row: Outbox) -> None:
    """The last message to an owner just erased (bot/outgoing.py `farewell`): sent like
    any other, and then the row goes, since it holds their address."""
    p = row.payload
    replies = tuple(Rendered.from_json(r) for r in p["replies"])
    delivery = Delivery(0, p["user_ref"], p["locale"], replies, p.get("last_inbound_at"),
                        progress=row.progress)
    try:
        await channel.send(delivery)
    except SendError as exc:
        if not (exc.unreachable or exc.wait_for_inbound) and row.attempts < SEND_ATTEMPTS:
            delay = timedelta(seconds=exc.retry_after) if exc.retry_after \
                else backoff(row.attempts)
            async with db.transaction() as session:
                await outbox.retry_later(session, row.id, delay, str(exc))
            return
    async with db.transaction() as session:
        await outbox.drop(session, row.id)


def notify_handler(db: Database, turns: Turns) -> Handler:
    """A decision about an owner's submission becomes a message in their language."""

    async def notify(row: Outbox) -> None:
        p = row.payload
        await turns.apply_event(p["conversation_id"], p["event"], f"notify:{row.id}")
        async with db.transaction() as session:
            await outbox.finish(session, row.id)

    return notify
