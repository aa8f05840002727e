"""The retention chore: raw webhook bodies older than RAW_RETENTION_DAYS are dropped.

Run by the worker loop every few minutes, in batches of BATCH rows, each batch its own
short transaction (a backlog of a million rows after an upgrade never holds a long lock),
at most MAX_BATCHES a run. Each run that dropped something leaves one audit entry (how
many, never whose); `tijara_retention_dropped_total` counts the rows on /metrics.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from prometheus_client import Counter

from bot.settings import Settings
from storage import audit, retention
from storage.db import Database
from storage.models import utcnow

log = logging.getLogger(__name__)
EVERY = 600.0  # seconds between runs
BATCH = 500
MAX_BATCHES = 20  # then the loop's other work goes first; the next run goes on

DROPPED = Counter("tijara_retention_dropped", "Personal data dropped once kept long enough "
                  "(what: inbound_raw = original webhook bodies)", ["what"])


async def drop_raw_bodies(db: Database, settings: Settings, *,
                          now: datetime | None = None) -> int:
    """Empty the old processed bodies; returns how many."""
    before = (now or utcnow()) - timedelta(days=settings.raw_retention_days)
    total = 0
    for _ in range(MAX_BATCHES):
        async with db.transaction() as session:
            dropped = await retention.drop_raw(session, before=before, limit=BATCH)
        total += dropped
        DROPPED.labels("inbound_raw").inc(dropped)
        if dropped < BATCH:
            break
    if total:
        async with db.transaction() as session:
            await audit.record(session, actor="worker", action="retention",
                               subject="inbound", detail={"raw_dropped": total,
                                                          "days": settings.raw_retention_days})
        log.info("retention: %d raw webhook bodies dropped", total)
    return total
