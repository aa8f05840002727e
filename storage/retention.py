"""The retention rules' queries (bot/outbox/retention.py decides); functions never commit."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AgentChat, Business, Conversation, Outbox, Submission


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
