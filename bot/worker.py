"""`tijara worker`: carries out the outbox. Any number may run side by side.

SIGTERM finishes the row in hand and hands the others back; a worker killed
outright loses nothing, its leases expire and another worker takes the rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.channels.base import Channel
from bot.delivery import Handler, notify_handler, run_row, send_handler
from bot.settings import Settings
from storage import outbox
from storage.db import Database

log = logging.getLogger(__name__)


def handlers_for(db: Database, settings: Settings, channels: dict[str, Channel],
                 ) -> dict[str, Handler]:
    from bot.i18n import catalog
    from bot.turns import Turns

    turns = Turns(db, catalog())
    return {"send": send_handler(db, channels), "notify": notify_handler(db, turns)}


async def work(db: Database, handlers: dict[str, Handler], stop: asyncio.Event, *,
               batch: int = 10, idle: float = 1.0) -> None:
    while not stop.is_set():
        rows = await outbox.claim(db, kinds=tuple(handlers), limit=batch)
        for i, row in enumerate(rows):
            if stop.is_set():
                await outbox.release(db, [r.id for r in rows[i:]])
                break
            await run_row(db, handlers, row)
        if not rows:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), idle)


async def run(settings: Settings) -> None:
    from bot.channels.registry import build_channels

    db = Database(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with build_channels(settings) as channels:
        log.info("worker started")
        await work(db, handlers_for(db, settings, channels), stop)
    await db.close()
    log.info("worker stopped")
