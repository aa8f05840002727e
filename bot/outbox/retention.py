"""Retention (law 09-08): the worker erases what is kept longer than needed; `scan` runs
every RETENTION_EVERY seconds as a chore of the worker loop (bot/outbox/worker.py).

- A draft never submitted, whose owner has not written for DRAFT_RETENTION_DAYS (180),
  gets a last notice in their language (a "notify" row, event "retention_notice", sent
  like the reminders: on WhatsApp outside the 24-hour window through the approved
  template, else held until they write); NOTICE_DAYS (14) after that notice, if they
  still have not written, the draft is erased (cause "abandoned_draft"). A message from
  them starts a new quiet period: the notice's key holds the one it was sent for.
- A rejected submission is erased REJECTED_RETENTION_DAYS (365) after the decision
  (cause "rejected").

- A processed message's raw webhook body is emptied RAW_RETENTION_DAYS (30) after it
  arrived, RAW_BATCH rows a transaction (a backlog after an upgrade never holds a long
  lock), at most MAX_RAW_BATCHES a run; each run that dropped some leaves one audit
  entry (how many, never whose), and `tijara_retention_dropped_total` counts them.

Erasures go through storage/erasure.py (the files through the outbox) and are counted
on /metrics by cause (bot/outbox/metrics.py). At most BATCH of each a scan.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from prometheus_client import Counter

from bot.settings import Settings
from storage import audit, erasure, outbox, retention
from storage.db import Database
from storage.models import utcnow

log = logging.getLogger(__name__)
EVERY = 600.0  # seconds between scans
NOTICE_DAYS = 14
BATCH = 100
RAW_BATCH = 500
MAX_RAW_BATCHES = 20  # then the loop's other work goes first; the next run goes on

DROPPED = Counter("tijara_retention_dropped", "Personal data dropped once kept long enough "
                  "(what: inbound_raw = original webhook bodies)", ["what"])


def notice_key(conversation_id: int, quiet_since: datetime) -> str:
    return f"retention:{conversation_id}:{quiet_since.isoformat()}"


async def scan(db: Database, settings: Settings, *, now: datetime | None = None
               ) -> dict[str, int]:
    """Queue the notices that are due and erase what is past its time; what it did."""
    now = now or utcnow()
    done = {"notices": 0, "abandoned_draft": 0, "rejected": 0}
    async with db.transaction() as session:
        drafts = await retention.abandoned_drafts(
            session, quiet_before=now - timedelta(days=settings.draft_retention_days),
            limit=BATCH)
        keys = {cid: notice_key(cid, quiet) for cid, quiet in drafts}
        sent = await retention.notices(session, list(keys.values()))
        doomed = []
        for cid, key in keys.items():
            if key not in sent:
                await outbox.enqueue(session, "notify", key, {
                    "conversation_id": cid,
                    "event": {"kind": "retention_notice", "days": NOTICE_DAYS}})
                done["notices"] += 1
            elif now - sent[key] >= timedelta(days=NOTICE_DAYS):
                doomed.append(cid)
        if doomed:
            await erasure.erase(session, doomed, cause="abandoned_draft", actor="worker")
            done["abandoned_draft"] = len(doomed)
    async with db.transaction() as session:
        rejected = await retention.old_rejections(
            session, decided_before=now - timedelta(days=settings.rejected_retention_days),
            limit=BATCH)
        if rejected:
            await erasure.erase(session, rejected, cause="rejected", actor="worker")
            done["rejected"] = len(rejected)
    done["raw_dropped"] = await drop_raw_bodies(db, settings, now=now)
    if any(done.values()):
        log.info("retention: %s", done)
    return done


async def drop_raw_bodies(db: Database, settings: Settings, *,
                          now: datetime | None = None) -> int:
    """Empty the old processed bodies; returns how many."""
    before = (now or utcnow()) - timedelta(days=settings.raw_retention_days)
    total = 0
    for _ in range(MAX_RAW_BATCHES):
        async with db.transaction() as session:
            dropped = await retention.drop_raw(session, before=before, limit=RAW_BATCH)
        total += dropped
        DROPPED.labels("inbound_raw").inc(dropped)
        if dropped < RAW_BATCH:
            break
    if total:
        async with db.transaction() as session:
            await audit.record(session, actor="worker", action="retention",
                               subject="inbound", detail={"raw_dropped": total,
                                                          "days": settings.raw_retention_days})
        log.info("retention: %d raw webhook bodies dropped", total)
    return total
