"""The one way in: every channel, once it has checked and parsed a request, hands the
message here.

- `receive`, for webhooks and polling (Telegram, WhatsApp): the message is recorded
  (one transaction, deduplicated on the channel's message id), its sender marked
  reachable again when the channel says the message proves it, and the turn handed to the
  dispatcher (bot/dispatch.py), which runs it in order per conversation and sends the
  replies. The channel acknowledges the platform once this returns: nothing
  acknowledged is lost, and a redelivery has no second effect.
- `converse`, for the channels that answer in the response (web chat, terminal): the
  turn runs at once (bot/turns.py `handle`) and its replies come back.
- `set_reachable`: the platform says the owner blocked or unblocked the bot.
"""

from __future__ import annotations

from typing import Literal

from bot.channels.base import InboundMessage
from bot.dispatch import Dispatcher
from bot.turns import TurnResult, Turns
from storage import conversations
from storage.db import Database

Received = Literal["recorded", "duplicate"]


class Receiver:
    def __init__(self, db: Database, turns: Turns, dispatcher: Dispatcher):
        self.db, self.turns, self.dispatcher = db, turns, dispatcher

    async def receive(self, msg: InboundMessage) -> Received:
        """Record durably, then start the turn; raises only when the database fails (then
        the channel answers an error, and the platform must deliver again)."""
        inbound_id = await self.record(msg)
        if inbound_id is None:
            return "duplicate"
        self.dispatcher.submit(inbound_id, msg.channel, msg.user_ref, grouped=bool(msg.group))
        return "recorded"

    async def record(self, msg: InboundMessage) -> int | None:
        """The inbound row, committed; None when the channel delivered this one before."""
        async with self.db.transaction() as session:
            conv = await conversations.ensure(session, msg.channel, msg.user_ref)
            inbound_id = await conversations.record_inbound(
                session, conv.id, msg.channel, msg.external_id, msg.to_record(), msg.group)
            if inbound_id is not None and msg.reopens and conv.status == "unreachable":
                await conversations.mark_reachable(session, conv.id)
        return inbound_id

    async def converse(self, msg: InboundMessage, *, create: bool = True) -> TurnResult | None:
        """A synchronous turn; None when the conversation does not exist and not `create`."""
        return await self.turns.handle(msg, create=create)

    async def set_reachable(self, channel: str, user_ref: str, reachable: bool) -> None:
        """The owner blocked the bot (nothing more is sent) or came back."""
        async with self.db.transaction() as session:
            conv = await conversations.find(session, channel, user_ref)
            if conv is None:
                return
            if reachable:
                await conversations.mark_reachable(session, conv.id)
            else:
                await conversations.mark_unreachable(session, conv.id)
