"""The outbox's Prometheus metrics, read from the database when /metrics is scraped
(`refresh_metrics`), so any web process shows the same, whichever process did the work.
"""

from __future__ import annotations

import asyncio
import logging
import time

from prometheus_client.core import (
    REGISTRY,
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
)

from storage import erasure, outbox, submissions
from storage.db import Database

log = logging.getLogger(__name__)

# Approval to storefront, in seconds: minutes when the backend answers, hours when it
# was down, days when an admin had to retry.
HANDOFF_BUCKETS = (1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400)


class OutboxMetrics:
    """A Prometheus collector over the last `refresh` (the database is async, a collector
    is not): outbox depth, age of the oldest due row, rows by kind and result, and the
    handoff latency of every storefront made (a histogram the database counts: no row is
    read into the process)."""

    min_interval = 5.0  # seconds: scrapes closer than this share one reading

    def __init__(self) -> None:
        self.depth, self.oldest = 0, 0.0
        self.rows: list[tuple[str, str, int]] = []
        self.erasures: list[tuple[str, int]] = []
        self.latencies = submissions.Latencies([0] * len(HANDOFF_BUCKETS), 0, 0.0)
        self.read_at = 0.0

    async def refresh(self, db: Database) -> None:
        if time.monotonic() - self.read_at < self.min_interval:
            return
        async with db.transaction() as session:
            depth, oldest = await outbox.depth(session)
            rows = await outbox.counts(session)
            latencies = await submissions.handoff_latencies(session, HANDOFF_BUCKETS)
            erasures = await erasure.counts_by_cause(session)
        self.depth, self.oldest, self.erasures = depth, oldest, erasures
        self.rows, self.latencies = rows, latencies
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
        erased = CounterMetricFamily(
            "tijara_erasures", "Owners' conversations erased, by cause (owner: asked in the "
            "chat; admin, cli; abandoned_draft, rejected: the retention rules)",
            labels=["cause"])
        for cause in erasure.CAUSES:
            erased.add_metric([cause], dict(self.erasures).get(cause, 0))
        yield erased
        found = self.latencies
        buckets = [(str(float(bound)), n) for bound, n in zip(HANDOFF_BUCKETS, found.within,
                                                               strict=True)]
        buckets.append(("+Inf", found.count))
        yield HistogramMetricFamily(
            "tijara_handoff_latency_seconds",
            "From approval to storefront created, for every live submission",
            buckets=buckets, sum_value=found.total)


METRICS = OutboxMetrics()
REGISTRY.register(METRICS)


async def refresh_metrics(db: Database) -> None:
    """Call before rendering /metrics; a database that does not answer keeps the last
    reading (readyz says so)."""
    try:
        await asyncio.wait_for(METRICS.refresh(db), 5.0)
    except Exception:  # noqa: BLE001 - metrics never fail a scrape
        log.warning("outbox metrics not refreshed", exc_info=True)
