"""`tijara worker`: carries out the outbox. Any number may run side by side.

SIGTERM finishes the row in hand and hands the others back; a worker killed
outright loses nothing, its leases expire and another worker takes the rows.
Between rows the loop runs its chores (the reminder scan, once a minute).

The outbox's metrics are read from the database when /metrics is scraped
(`refresh_metrics`), so any web process shows the same, whichever process did the
work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from functools import partial

import sqlalchemy as sa
from prometheus_client.core import REGISTRY, GaugeMetricFamily, HistogramMetricFamily
from sqlmodel import select

from bot import reminders
from bot.channels.base import Channel
from bot.delivery import Chore, Handler, Handlers, notify_handler, run_row, send_handler
from bot.settings import Settings
from bot.storefront import handoff_handler
from bot.turns import Turns
from storage import outbox
from storage.db import Database
from storage.models import Outbox, Submission

log = logging.getLogger(__name__)


def handlers_for(db: Database, settings: Settings, channels: dict[str, Channel],
                 turns: Turns) -> Handlers:
    return Handlers(
        {"send": send_handler(db, channels), "notify": notify_handler(db, turns),
         "handoff": handoff_handler(db, settings)},
        chores=[Chore("reminders", reminders.EVERY, partial(reminders.scan, db, settings))])


async def work(db: Database, handlers: dict[str, Handler], stop: asyncio.Event, *,
               batch: int = 10, idle: float = 1.0) -> None:
    chores = getattr(handlers, "chores", ())
    next_run = [0.0] * len(chores)
    while not stop.is_set():
        await _run_chores(chores, next_run)
        rows = await outbox.claim(db, kinds=tuple(handlers), limit=batch)
        for i, row in enumerate(rows):
            if stop.is_set():
                await outbox.release(db, [r.id for r in rows[i:]])
                break
            await run_row(db, handlers, row)
        if not rows:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), idle)


async def _run_chores(chores: tuple[Chore, ...], next_run: list[float]) -> None:
    for i, chore in enumerate(chores):
        now = time.monotonic()
        if now < next_run[i]:
            continue
        next_run[i] = now + chore.every
        try:
            await chore.run()
        except Exception:  # noqa: BLE001 - a failed chore is tried again next time
            log.exception("chore %s failed", chore.name)


# --- metrics -------------------------------------------------------------------------

# Approval to storefront, in seconds: minutes when the backend answers, hours when it
# was down, days when an admin had to retry.
HANDOFF_BUCKETS = (1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400)


class OutboxMetrics:
    """A Prometheus collector over the last `refresh` (the database is async, a collector
    is not): outbox depth, age of the oldest due row, rows by kind and result, and the
    handoff latency of every storefront made."""

    min_interval = 5.0  # seconds: scrapes closer than this share one reading

    def __init__(self) -> None:
        self.depth, self.oldest = 0, 0.0
        self.rows: list[tuple[str, str, int]] = []
        self.latencies: list[float] = []
        self.read_at = 0.0

    async def refresh(self, db: Database) -> None:
        if time.monotonic() - self.read_at < self.min_interval:
            return
        depth, oldest = await outbox.depth(db)
        async with db.transaction() as session:
            rows = (await session.execute(
                select(Outbox.kind, Outbox.status, sa.func.count())
                .group_by(Outbox.kind, Outbox.status))).all()
            pairs = (await session.execute(
                select(Submission.decided_at, Submission.live_at)
                .where(Submission.live_at.is_not(None)))).all()
        self.depth, self.oldest = depth, oldest
        self.rows = [(kind, status, count) for kind, status, count in rows]
        self.latencies = [max(0.0, (live - decided).total_seconds())
                          for decided, live in pairs if decided and live]
        self.read_at = time.monotonic()

    def collect(self):
        yield GaugeMetricFamily("tijara_outbox_depth", "Outbox rows due and not yet done",
                                value=self.depth)
        yield GaugeMetricFamily("tijara_outbox_oldest_due_seconds",
                                "Age of the oldest outbox row due and not yet done",
                                value=self.oldest)
        rows = GaugeMetricFamily(
            "tijara_outbox_rows",
            "Outbox rows by kind and result (done: delivered, failed: given up or refused, "
            "pending: waiting or being retried, inbox: waiting for a web-chat owner)",
            labels=["kind", "status"])
        for kind, status, count in self.rows:
            rows.add_metric([kind, status], count)
        yield rows
        buckets, total = [], 0
        ordered = sorted(self.latencies)
        for bound in HANDOFF_BUCKETS:
            while total < len(ordered) and ordered[total] <= bound:
                total += 1
            buckets.append((str(float(bound)), total))
        buckets.append(("+Inf", len(ordered)))
        yield HistogramMetricFamily(
            "tijara_handoff_latency_seconds",
            "From approval to storefront created, for every live submission",
            buckets=buckets, sum_value=sum(ordered))


METRICS = OutboxMetrics()
REGISTRY.register(METRICS)


async def refresh_metrics(db: Database) -> None:
    """Call before rendering /metrics; a database that does not answer keeps the last
    reading (readyz says so)."""
    try:
        await asyncio.wait_for(METRICS.refresh(db), 5.0)
    except Exception:  # noqa: BLE001 - metrics never fail a scrape
        log.warning("outbox metrics not refreshed", exc_info=True)
