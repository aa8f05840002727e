"""After a webhook is acknowledged: process the turn, in order per conversation, then reply.

Telegram and WhatsApp get their 2xx as soon as the inbound row is committed
(bot/turns.py `record`); the turn runs right after, here. Turns of one
conversation run one after the other; an album's parts wait a moment so that
they are all recorded before the first is processed and only the last one
answers. If the process dies in between, `recover_forever` (in any web
process) finds the acknowledged rows never processed and runs them.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.channels.base import Channel, InboundMessage
from bot.outbox.handler import Handler
from bot.outbox.worker import run_row
from bot.turns import Turns
from storage import conversations, outbox
from storage.db import Database, unavailable
from storage.models import utcnow

log = logging.getLogger(__name__)
ALBUM_WAIT = 1.5  # seconds: Telegram delivers an album's updates within a fraction of this
STALE_AFTER = timedelta(seconds=30)
HOLD_FOR = 120.0  # seconds a turn waits for the database before recovery takes it over
RETRY_CAP = 5.0


class Dispatcher:
    def __init__(self, db: Database, turns: Turns, channels: dict[str, Channel],
                 handlers: dict[str, Handler]):
        self.db, self.turns, self.channels, self.handlers = db, turns, channels, handlers
        self._tails: dict[tuple[str, str], asyncio.Task] = {}
        self._in_flight: set[int] = set()
        self._last_part: dict[tuple[str, str], float] = {}  # when an album part last came

    def part_coming(self, channel: str, user_ref: str) -> None:
        """An album's part has arrived and is being recorded: the album's turn waits
        ALBUM_WAIT from now too (recording can take longer than the parts take to come)."""
        self._last_part[(channel, user_ref)] = asyncio.get_running_loop().time()

    def schedule(self, inbound_id: int, channel: str, user_ref: str, *,
               grouped: bool = False, msg: InboundMessage | None = None) -> asyncio.Task:
        """`msg`: the message as just recorded, when the caller has it (saves reading it back)."""
        if inbound_id in self._in_flight:
            return self._tails[(channel, user_ref)]
        self._in_flight.add(inbound_id)
        key = (channel, user_ref)
        if grouped:
            self._last_part[key] = asyncio.get_running_loop().time()
        previous = self._tails.get(key)
        task = asyncio.create_task(self._run(previous, inbound_id, key, grouped, msg))
        self._tails[key] = task

        def forget(done: asyncio.Task) -> None:
            self._in_flight.discard(inbound_id)
            if self._tails.get(key) is done:
                del self._tails[key]
                self._last_part.pop(key, None)

        task.add_done_callback(forget)
        return task

    async def _run(self, previous: asyncio.Task | None, inbound_id: int,
                   key: tuple[str, str], grouped: bool, msg: InboundMessage | None) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        loop = asyncio.get_running_loop()
        # An album's parts keep arriving for a moment: wait until none came for ALBUM_WAIT.
        while grouped and (rest := self._last_part.get(key, 0) + ALBUM_WAIT - loop.time()) > 0:
            await asyncio.sleep(rest)
        adapter = self.channels.get(key[0])
        waited = 0.0
        while True:
            try:
                row_ids = await self.turns.process(
                    inbound_id, fetch=adapter.fetch_media if adapter else None, msg=msg)
                break
            except Exception as error:  # noqa: BLE001 - recovered by recover_forever
                if unavailable(error) and waited < HOLD_FOR:
                    # The database is away: this owner's later messages wait behind this
                    # one (their order is kept), and it is tried again shortly.
                    pause = min(RETRY_CAP, 0.5 + waited)  # 0.5, 1, 2, 4, 5, 5… s
                    log.warning("inbound %s waits for the database (%s)", inbound_id,
                                type(error).__name__)
                    await asyncio.sleep(pause)
                    waited += pause
                    continue
                log.exception("processing inbound %s failed; it will be retried", inbound_id)
                return
        if row_ids:
            async with self.db.transaction() as session:
                rows = await outbox.claim(session, ids=row_ids, limit=len(row_ids))
            for row in rows:
                await run_row(self.db, self.handlers, row)

    async def recover_once(self) -> int:
        async with self.db.transaction() as session:
            rows = await conversations.unprocessed(session, utcnow() - STALE_AFTER)
        for inbound_id, channel, user_ref in rows:
            self.schedule(inbound_id, channel, user_ref)
        return len(rows)

    async def recover_forever(self, interval: float = 15.0) -> None:
        while True:
            try:
                await self.recover_once()
            except Exception:  # noqa: BLE001 - the database may be briefly away
                log.exception("recovery pass failed")
            await asyncio.sleep(interval)

    async def drain(self) -> None:
        await asyncio.gather(*list(self._tails.values()), return_exceptions=True)
