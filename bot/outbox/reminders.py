"""Reminders to owners who stopped half way: the worker runs `scan` about once a minute.

A draft quiet for `reminder_first_hours` (24) gets one reminder, and one more once quiet
for `reminder_second_hours` (72); then nothing, until the owner writes again and a new
quiet period begins. The quiet period starts at the owner's last message, or at an
admin's request for changes if that came later (the owner has something new to do).

Each reminder is a "notify" outbox row (event {"kind": "reminder", "n": 1|2}) whose
dedupe key holds the conversation and the start of its quiet period, so however many
workers scan, however often, a quiet period gets at most two. The engine answers it
in the owner's language, with the question they stopped at.

Never reminded: a field agent's own chat; a conversation that is `unreachable` (they
blocked us), finished (status "submitted", step "submitted") or not begun (step
"start"); a draft an agent filled in that the owner never wrote to (no last message);
and the web chat and terminal, which cannot reach anyone who is away (a reminder would
only wait there for the owner's next visit, which resumes the conversation anyway).
A reminder more than a day late (the workers were down) is not sent.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.outgoing import SYNCHRONOUS
from bot.settings import Settings
from storage import outbox
from storage.db import Database
from storage.models import utcnow
from storage.reminders import quiet_conversations

log = logging.getLogger(__name__)
EVERY = 60.0  # seconds between scans
LATE = timedelta(hours=24)  # a reminder not sent this long after its time is skipped
FINISHED_STEPS = ("start", "submitted")


def delays(settings: Settings) -> tuple[timedelta, timedelta]:
    first = timedelta(hours=settings.reminder_first_hours)
    return first, max(first, timedelta(hours=settings.reminder_second_hours))


def reminder_key(conversation_id: int, quiet_since: datetime, n: int) -> str:
    return f"reminder:{conversation_id}:{quiet_since.isoformat()}:{n}"


async def scan(db: Database, settings: Settings, *, now: datetime | None = None) -> int:
    """Queue the reminders that are due; returns how many were queued."""
    first, second = delays(settings)
    now = now or utcnow()
    oldest = now - second - LATE
    async with db.transaction() as session:
        rows = await quiet_conversations(session, quiet_before=now - first, since=oldest,
                                         skip_steps=FINISHED_STEPS, skip_channels=SYNCHRONOUS)
        due: dict[str, tuple[int, int]] = {}
        for conversation_id, last_inbound, status, decided in rows:
            quiet_since = last_inbound
            if status == "changes_requested" and decided and decided > quiet_since:
                quiet_since = decided
            quiet = now - quiet_since
            if quiet < first or quiet >= second + LATE:
                continue
            n = 2 if quiet >= second else 1
            due[reminder_key(conversation_id, quiet_since, n)] = (conversation_id, n)
        if not due:
            return 0
        # Look before inserting: a conflicting INSERT would still use up an id each minute.
        sent = await outbox.known_keys(session, list(due))
        queued = 0
        for key, (conversation_id, n) in due.items():
            if key in sent:
                continue
            if await outbox.enqueue(session, "notify", key, {
                    "conversation_id": conversation_id,
                    "event": {"kind": "reminder", "n": n}}) is not None:
                queued += 1
    if queued:
        log.info("queued %d reminder(s)", queued)
    return queued
