"""The reminder scan's query: conversations gone quiet (bot/outbox/reminders.py decides
which get a reminder). Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import AgentChat, Business, Conversation, Submission


async def quiet_conversations(
        session: AsyncSession, *, quiet_before: datetime, since: datetime,
        skip_steps: Sequence[str], skip_channels: Sequence[str],
) -> list[tuple[int, datetime, str | None, datetime | None]]:
    """(conversation id, last inbound, submission status, decided at) of the active
    conversations, not an agent's own chat, not at `skip_steps` nor on `skip_channels`,
    whose owner last wrote before `quiet_before`, and either after `since` or whose
    changes were requested after `since`."""
    rows = await session.execute(
        select(Conversation.id, Conversation.last_inbound_at, Submission.status,
               Submission.decided_at)
        .outerjoin(Business, Business.conversation_id == Conversation.id)
        .outerjoin(Submission, Submission.business_id == Business.id)
        .outerjoin(AgentChat, sa.and_(AgentChat.channel == Conversation.channel,
                                      AgentChat.user_ref == Conversation.user_ref))
        .where(Conversation.status == "active", AgentChat.id.is_(None),
               Conversation.step.not_in(skip_steps),
               Conversation.channel.not_in(skip_channels),
               Conversation.last_inbound_at <= quiet_before,
               sa.or_(Conversation.last_inbound_at > since,
                      sa.and_(Submission.status == "changes_requested",
                              Submission.decided_at > since))))
    return [tuple(row) for row in rows.all()]
