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

Erasures go through storage/erasure.py (the files through the outbox) and are counted
on /metrics by cause (bot/outbox/metrics.py). At most BATCH of each a scan.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.settings import Settings
from storage import erasure, outbox, retention
from storage.db import Database
from storage.models import utcnow

log = logging.getLogger(__name__)
EVERY = 600.0  # seconds between scans
NOTICE_DAYS = 14
BATCH = 100


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
    if any(done.values()):
        log.info("retention: %s", done)
    return done
