"""The one way in: every channel, once it has checked and parsed a request, hands the
message here.

- `receive`, for webhooks and polling (Telegram, WhatsApp): the message is recorded
  (one transaction, deduplicated on the channel's message id), its sender marked
  reachable again when the channel says the message proves it, and the turn handed to
  the dispatcher (bot/dispatch.py), which runs it in order per conversation and sends
  the replies. The channel acknowledges the platform once this returns: nothing
  acknowledged is lost, and a redelivery has no second effect.
  While the database is away (or too slow to answer within RECORD_TIMEOUT), the message
  goes to the local spool (storage/spool.py) instead and is still acknowledged:
  `replay_forever` records it, in order, once the database answers again. While the
  spool holds anything, new messages queue behind it, so an owner's order is kept.
- `converse`, for the channels that answer in the response (web chat, terminal): the
  turn runs at once (bot/turns.py `handle`) and its replies come back.
- `set_reachable`: the platform says the owner blocked or unblocked the bot.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

from bot.channels.base import InboundMessage
from bot.dispatch import Dispatcher
from bot.turns import Admit, TurnResult, Turns
from storage import conversations
from storage.db import Database, unavailable, within
from storage.spool import Spool

log = logging.getLogger(__name__)
Received = Literal["recorded", "duplicate", "spooled"]
# Seconds a webhook waits for the database before it spools: Twilio gives up at 15 s.
RECORD_TIMEOUT = 5.0
REPLAY_EVERY = 2.0  # seconds between looks at the spool


class Receiver:
    def __init__(self, db: Database, turns: Turns, dispatcher: Dispatcher, spool: Spool):
        self.db, self.turns, self.dispatcher, self.spool = db, turns, dispatcher, spool

    async def receive(self, msg: InboundMessage) -> Received:
        """Record durably (in the database, else in the spool), then start the turn."""
        if msg.group:
            self.dispatcher.part_coming(msg.channel, msg.user_ref)
        if self.spool:  # earlier messages wait there: this one goes behind them
            return await self._spool(msg)
        recording = asyncio.ensure_future(self.record(msg))
        try:
            inbound_id = await within(recording, RECORD_TIMEOUT)
        except Exception as error:
            if not unavailable(error):
                raise
            # An overrun goes on (`within`) and may still commit: then the spooled copy
            # replays as a duplicate, and the turn must start when the recording ends.
            recording.add_done_callback(lambda done: self._late(msg, done))
            log.warning("database unavailable (%s); message spooled", type(error).__name__)
            return await self._spool(msg)
        return self._start(msg, inbound_id)

    def _late(self, msg: InboundMessage, recording: asyncio.Future) -> None:
        if not recording.cancelled() and recording.exception() is None:
            self._start(msg, recording.result())

    async def record(self, msg: InboundMessage) -> int | None:
        """The inbound row, committed; None when the channel delivered this one before."""
        async with self.db.transaction() as session:
            conv_id, status = await conversations.ensure_ref(session, msg.channel, msg.user_ref)
            inbound_id = await conversations.record_inbound(
                session, conv_id, msg.channel, msg.external_id, msg.to_record(), msg.group)
            if inbound_id is not None and msg.reopens and status == "unreachable":
                await conversations.mark_reachable(session, conv_id)
        return inbound_id

    def _start(self, msg: InboundMessage, inbound_id: int | None) -> Received:
        if inbound_id is None:
            return "duplicate"
        self.dispatcher.schedule(inbound_id, msg.channel, msg.user_ref, msg.media)
        return "recorded"

    async def _spool(self, msg: InboundMessage) -> Received:
        await asyncio.to_thread(self.spool.put, {
            "channel": msg.channel, "external_id": msg.external_id, "record": msg.to_record()})
        return "spooled"

    async def replay(self) -> int:
        """Record what the spool holds, oldest first, until it is empty or the database
        fails again; returns how many messages were taken out of the spool."""
        taken = 0
        with self.spool.replaying() as mine:
            if not mine:  # another process on this machine is at it
                return 0
            for path in self.spool.waiting():
                entry = self.spool.read(path)
                if entry is None:
                    continue
                msg = InboundMessage.from_record(entry["channel"], entry["external_id"],
                                                 entry["record"])
                try:
                    inbound_id = await within(self.record(msg), RECORD_TIMEOUT)
                except Exception as error:
                    if not unavailable(error):
                        raise
                    break  # still away: the next pass goes on from this message
                await asyncio.to_thread(self.spool.done, path)
                self._start(msg, inbound_id)
                taken += 1
        if taken:
            log.info("replayed %d spooled message(s)", taken)
        return taken

    async def replay_forever(self, every: float = REPLAY_EVERY) -> None:
        while True:
            try:
                if self.spool:
                    await self.replay()
            except Exception:  # noqa: BLE001 - a bad entry must not stop the replay loop
                log.exception("spool replay failed")
            await asyncio.sleep(every)

    async def converse(self, msg: InboundMessage, *, create: bool = True,
                       admit: Admit | None = None) -> TurnResult | None:
        """A synchronous turn; None when the conversation does not exist and not `create`.
        `admit` (a throttle) runs inside the turn's transaction and may refuse it."""
        return await self.turns.handle(msg, create=create, admit=admit)

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
