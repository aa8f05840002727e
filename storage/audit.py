"""The audit trail: every access to personal data leaves one row (law 09-08).

Written in the same transaction as what it records, so an action and its trace land
together or not at all. Rows never change (the database refuses it) and never hold an
owner's personal data: the subject is an id ("submission:12"), the detail holds counts,
statuses and reasons, never names, phones or e-mails of owners.

Actions, one word each: login, login_failed, logout, export_csv, export_owner, erase,
decision, correction, retention.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


async def record(session: AsyncSession, *, actor: str, action: str, subject: str = "",
                 remote: str = "", detail: dict | None = None) -> None:
    """Add one entry to the trail; the caller's transaction commits it."""
    session.add(AuditEntry(actor=actor[:160], action=action[:40], subject=subject[:80],
                           remote=(remote or "")[:64], detail=detail or {}))
    await session.flush()


async def recent(session: AsyncSession, *, limit: int = 200, before: int | None = None,
                 action: str | None = None, since: datetime | None = None) -> list[AuditEntry]:
    """Newest first, a page at a time (`before`: the last id of the previous page)."""
    query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before is not None:
        query = query.where(AuditEntry.id < before)
    if action:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    return list((await session.execute(query)).scalars())
