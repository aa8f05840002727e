"""Raw webhook bodies kept no longer than needed (law 09-08): RAW_RETENTION_DAYS.

A processed message's original body (`Inbound.raw`: what the platform posted, names and
phone numbers included) is emptied once the message is that old. The row itself stays:
its (channel, external id) still makes a redelivery a no-op, and its times keep the turn
order (storage.conversations). An unprocessed message keeps its body whatever its age:
it is still to be read.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Inbound, utcnow


async def drop_raw(session: AsyncSession, *, before: datetime, limit: int = 500) -> int:
    """Empty the bodies of up to `limit` processed messages received before `before`;
    returns how many. Read through ix_inbound_raw_kept (bodies still kept, oldest first)."""
    ids = (await session.execute(
        sa.select(Inbound.id)
        .where(Inbound.raw_dropped_at.is_(None), Inbound.received_at < before,
               Inbound.processed_at.is_not(None))
        .order_by(Inbound.received_at, Inbound.id).limit(limit))).scalars().all()
    if not ids:
        return 0
    await session.execute(sa.update(Inbound).where(Inbound.id.in_(ids))
                          .values(raw={}, raw_dropped_at=utcnow()))
    return len(ids)
