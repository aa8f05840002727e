"""The retention rules' queries (bot/outbox/retention.py decides); functions never commit.

Raw webhook bodies (RAW_RETENTION_DAYS): a processed message's original body
(`Inbound.raw`: what the platform posted, names and phone numbers included) is emptied
once the message is that old. The row itself stays: its (channel, external id) still
makes a redelivery a no-op, and its times keep the turn order (storage.conversations).
An unprocessed message keeps its body whatever its age: it is still to be read.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AgentChat, Business, Conversation, Inbound, Outbox, Submission, utcnow


async def abandoned_drafts(session: AsyncSession, *, quiet_before: datetime,
                           limit: int) -> list[tuple[int, datetime]]:
    """(conversation id, last sign of the owner) of drafts never submitted whose owner
    last wrote before `quiet_before` (never wrote: since the draft began), oldest first;
    not a field agent's own chat."""
    last = sa.func.coalesce(Conversation.last_inbound_at, Conversation.created_at)
    rows = await session.execute(
        sa.select(Conversation.id, last)
        .outerjoin(Business, Business.conversation_id == Conversation.id)
        .outerjoin(Submission, Submission.business_id == Business.id)
        .where(Submission.id.is_(None), last < quiet_before,
               ~sa.exists().where(AgentChat.channel == Conversation.channel,
                                  AgentChat.user_ref == Conversation.user_ref))
        .order_by(last).limit(limit))
    return [(cid, at) for cid, at in rows.all()]


async def notices(session: AsyncSession, keys: list[str]) -> dict[str, datetime]:
    """When each of these last-notice rows was queued."""
    if not keys:
        return {}
    rows = await session.execute(sa.select(Outbox.dedupe_key, Outbox.created_at)
                                 .where(Outbox.dedupe_key.in_(keys)))
    return dict(rows.all())


async def old_rejections(session: AsyncSession, *, decided_before: datetime,
                         limit: int) -> list[int]:
    """Conversations whose submission was rejected before `decided_before`."""
    rows = await session.execute(
        sa.select(Business.conversation_id).join(Submission,
                                                 Submission.business_id == Business.id)
        .where(Submission.status == "rejected", Submission.decided_at < decided_before)
        .order_by(Submission.decided_at).limit(limit))
    return list(rows.scalars())


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
