"""After a webhook is acknowledged: the conversation's turns in arrival order, then replies.

Telegram and WhatsApp get their 2xx as soon as the inbound row is committed
(bot/receive.py); the turn runs right after, here. Turns of one conversation run in
the order their messages arrived, whichever process received them: under the
conversation's lock the oldest message still waiting goes first (bot/turns.py
`advance`). A process that finds an older one, received by another process still busy
downloading its photo, or left by a process that died, runs that turn and sends its
replies, then its own; the other process then finds its message done. Within one
process a conversation's turns also queue one behind the other, so that they do not
contend for the lock.

A message's media is downloaded as soon as it is scheduled, outside the lock and while
the turns before it run. An album's parts wait until the newest part recorded (by any
process) is ALBUM_WAIT old, and only the last part processed answers. If every process
that had a message dies, `recover_forever` (in any web process) finds the acknowledged
rows never processed and runs them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta

from bot.channels.base import Channel
from bot.outbox.handler import Handler
from bot.outbox.worker import run_row
from bot.turns import OlderTurnFailed, Turns
from storage import conversations, outbox
from storage.db import Database, unavailable
from storage.media import Refused, StoredFile
from storage.models import Outbox, utcnow

log = logging.getLogger(__name__)
ALBUM_WAIT = 1.5  # seconds: Telegram delivers an album's updates within a fraction of this
STALE_AFTER = timedelta(seconds=30)
HOLD_FOR = 120.0  # seconds a turn waits for the database before recovery takes it over
RETRY_CAP = 5.0
IN_LINE_FOR = 10.0  # seconds replies wait here for an older delivery still going out


class Dispatcher:
    def __init__(self, db: Database, turns: Turns, channels: dict[str, Channel],
                 handlers: dict[str, Handler]):
        self.db, self.turns, self.channels, self.handlers = db, turns, channels, handlers
        self._tails: dict[tuple[str, str], asyncio.Task] = {}
        self._in_flight: set[int] = set()
        self._last_part: dict[tuple[str, str], datetime] = {}  # when an album part last came

    def part_coming(self, channel: str, user_ref: str) -> None:
        """An album's part has arrived here and is being recorded: the album waits ALBUM_WAIT
        from now too (recording can take longer than the parts take to come). Only a hint
        for this process: other processes go by the parts recorded."""
        self._last_part[(channel, user_ref)] = utcnow()

    def schedule(self, inbound_id: int, channel: str, user_ref: str,
                 media: tuple[dict, ...] = ()) -> asyncio.Task:
        """Run a recorded message's turn after the conversation's older ones. `media`, the
        message's references when the caller has them, starts their download at once."""
        key = (channel, user_ref)
        if inbound_id in self._in_flight:
            return self._tails[key]
        self._in_flight.add(inbound_id)
        adapter = self.channels.get(channel)
        early = asyncio.create_task(_fetch_all(adapter, media)) if media and adapter else None
        task = asyncio.create_task(self._run(self._tails.get(key), inbound_id, key, early))
        self._tails[key] = task

        def forget(done: asyncio.Task) -> None:
            self._in_flight.discard(inbound_id)
            if self._tails.get(key) is done:
                del self._tails[key]
                self._last_part.pop(key, None)

        task.add_done_callback(forget)
        return task

    async def _run(self, previous: asyncio.Task | None, inbound_id: int,
                   key: tuple[str, str], early: asyncio.Task | None) -> None:
        try:
            if previous is not None:
                await asyncio.wait([previous])
            await self._advance(inbound_id, key, early)
        finally:
            # Not needed (another process ran the turn): stopped, or its failure retrieved.
            if early is not None and not early.cancel() and not early.cancelled():
                early.exception()

    async def _advance(self, inbound_id: int, key: tuple[str, str],
                       early: asyncio.Task | None) -> None:
        files: dict[int, tuple[StoredFile | Refused, ...]] = {}
        skip: set[int] = set()
        waited = 0.0
        while True:
            try:
                step = await self.turns.advance(
                    inbound_id, *key, files, skip=skip, album_wait=ALBUM_WAIT,
                    part_coming_at=self._last_part.get(key))
                if step.fetch is not None:
                    ref_id, msg = step.fetch
                    if ref_id == inbound_id and early is not None:
                        download, early = early, None  # once: a failed one is tried anew
                        files[ref_id] = await download
                    else:
                        files[ref_id] = await _fetch_all(self.channels.get(key[0]), msg.media)
                    continue
            except OlderTurnFailed as failed:
                # A bug, not an outage: the owner's later messages must not wait on it
                # forever. Recovery keeps trying it on its own.
                log.error("inbound %s failed before %s; going on without it",
                          failed.inbound_id, inbound_id, exc_info=failed.__cause__)
                skip.add(failed.inbound_id)
                continue
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
            if step.rows:
                await self._send(step.rows, step.claimed, step.context)
            if step.done:
                return
            await asyncio.sleep(step.wait)

    async def _send(self, row_ids: tuple[int, ...], claimed: tuple[Outbox, ...] = (),
                    context: outbox.SendContext | None = None) -> None:
        """Replies go out at once, from the process that ran the turn (else the outbox
        worker sends them: they are committed). `claimed`: those the turn claimed, the
        first with its `context`."""
        # Through the outbox's claim: a conversation's deliveries go one at a time, oldest
        # first. While an older one is still going out (from another process, say), these
        # wait for it here rather than for the worker's next pass.
        for index, row in enumerate(claimed):
            await run_row(self.db, self.handlers, row, context if index == 0 else None)
        done = {row.id for row in claimed}
        left = [i for i in row_ids if i not in done]
        pause, deadline = 0.02, time.monotonic() + IN_LINE_FOR
        while left:
            try:
                async with self.db.transaction() as session:
                    rows = await outbox.claim(session, ids=left, limit=len(left))
                    behind = not rows and await outbox.in_line(session, left)
            except Exception as error:  # noqa: BLE001 - the next turns need not wait for this
                log.warning("replies %s left to the outbox worker (%s)", left,
                            type(error).__name__)
                return
            if not rows:
                if not behind or time.monotonic() > deadline:
                    return  # taken by another process, due later, or left to the worker
                await asyncio.sleep(pause)
                pause = min(pause * 2, 0.25)
                continue
            for row in rows:
                await run_row(self.db, self.handlers, row)
            left = [i for i in left if i not in {r.id for r in rows}]

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


async def _fetch_all(adapter: Channel | None, media: tuple[dict, ...],
                     ) -> tuple[StoredFile | Refused, ...]:
    """A message's media through its channel's pipeline (none without the channel)."""
    return tuple([await adapter.fetch_media(ref) for ref in media]) if adapter else ()
