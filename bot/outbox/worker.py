"""`tijara worker`: carries out the outbox. Any number may run side by side.

SIGTERM finishes the row in hand and hands the others back; a worker killed
outright loses nothing, its leases expire and another worker takes the rows.
Between rows the loop runs its chores (the reminder scan, once a minute; the retention
of raw webhook bodies, every ten minutes).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from functools import partial

from bot.channels.base import Channel
from bot.outbox import reminders, retention
from bot.outbox.erase_files import erase_files_handler
from bot.outbox.handler import Chore, Handler, Handlers
from bot.outbox.handoff import handoff_handler
from bot.outbox.policy import NO_HANDLER_DELAY, backoff
from bot.outbox.send import notify_handler, send_handler
from bot.outbox.unpublish import unpublish_handler
from bot.settings import Settings
from bot.turns import Turns
from storage import outbox
from storage.db import Database, unavailable
from storage.erasure import ERASE_FILES, STOREFRONT_DELETE
from storage.exports import ExportFolder
from storage.media import MediaStore
from storage.models import Outbox

log = logging.getLogger(__name__)
OUTAGE_PAUSE_CAP = 30.0  # seconds between looks at a database that is away


@dataclass
class Heartbeat:
    """When the worker's loop last turned: its health check (bot/probes.py) reads it. The
    loop turns at least every OUTAGE_PAUSE_CAP seconds, a database outage included; a row
    whose handler hangs stops it."""

    at: float = field(default_factory=time.monotonic)
    wall: float = field(default_factory=time.time)  # the same moment, for people

    def beat(self) -> None:
        self.at, self.wall = time.monotonic(), time.time()

    def age(self) -> float:
        return time.monotonic() - self.at


def handlers_for(db: Database, settings: Settings, channels: dict[str, Channel],
                 turns: Turns, media: MediaStore, exports: ExportFolder) -> Handlers:
    """Every kind's handler, and the chores (reminders, retention)."""
    return Handlers(
        {"send": send_handler(db, channels), "notify": notify_handler(db, turns),
         "handoff": handoff_handler(db, settings, media, exports),
         STOREFRONT_DELETE: unpublish_handler(db, settings),
         ERASE_FILES: erase_files_handler(db, media, exports, settings.usd_rate)},
        chores=[Chore("reminders", reminders.EVERY, partial(reminders.scan, db, settings)),
                Chore("retention", retention.EVERY, partial(retention.scan, db, settings))])


async def run_row(db: Database, handlers: dict[str, Handler], row: Outbox,
                  context: outbox.SendContext | None = None) -> None:
    """One row through its handler; an unexpected error is retried later, never lost.
    `context`: a "send" row's, read already by the turn that claimed it."""
    handler = handlers.get(row.kind)
    if handler is None:
        async with db.transaction() as session:
            await outbox.retry_later(session, row.id, NO_HANDLER_DELAY,
                                     f"no handler for {row.kind}")
        return
    try:
        await (handler(row) if context is None else handler(row, context))  # type: ignore[call-arg]
    except Exception as exc:  # noqa: BLE001 - a bug in one row must not stop the others
        log.exception("outbox row %s (%s) failed", row.id, row.kind)
        async with db.transaction() as session:
            await outbox.retry_later(session, row.id, backoff(row.attempts), repr(exc))


async def work(db: Database, handlers: dict[str, Handler], stop: asyncio.Event, *,
               batch: int = 10, idle: float = 1.0, heartbeat: Heartbeat | None = None) -> None:
    """Claim and run rows until `stop`. A database that goes away pauses the loop (1 s,
    doubling to OUTAGE_PAUSE_CAP) and never ends it: rows in hand keep their lease and are
    taken again once it answers. `heartbeat` beats at every turn of the loop."""
    chores = getattr(handlers, "chores", ())
    next_run = [0.0] * len(chores)
    outage = 0
    heartbeat = heartbeat or Heartbeat()
    while not stop.is_set():
        heartbeat.beat()
        try:
            worked = await _one_pass(db, handlers, stop, chores, next_run, batch)
        except Exception as error:
            if not unavailable(error):
                raise
            outage += 1
            pause = min(OUTAGE_PAUSE_CAP, 2.0 ** (outage - 1))
            log.warning("database unavailable (%s); the worker waits %.0f s",
                        type(error).__name__, pause)
            await _wait(stop, pause)
            continue
        if outage:
            log.info("database back; the worker goes on")
            outage = 0
        if not worked:
            await _wait(stop, idle)


async def _one_pass(db: Database, handlers: dict[str, Handler], stop: asyncio.Event,
                    chores: tuple[Chore, ...], next_run: list[float], batch: int) -> bool:
    await _run_chores(chores, next_run)
    async with db.transaction() as session:
        rows = await outbox.claim(session, kinds=tuple(handlers), limit=batch)
    for i, row in enumerate(rows):
        if stop.is_set():
            async with db.transaction() as session:
                await outbox.release(session, [r.id for r in rows[i:]])
            break
        await run_row(db, handlers, row)
    return bool(rows)


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _run_chores(chores: tuple[Chore, ...], next_run: list[float]) -> None:
    for i, chore in enumerate(chores):
        now = time.monotonic()
        if now < next_run[i]:
            continue
        next_run[i] = now + chore.every
        try:
            await chore.run()
        except Exception as error:  # noqa: BLE001 - a failed chore is tried again next time
            if unavailable(error):
                raise  # the loop waits for the database (`work`)
            log.exception("chore %s failed", chore.name)
