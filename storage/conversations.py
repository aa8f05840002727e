"""Conversations and the inbound log. Functions take a session and never commit."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import Conversation, Inbound, utcnow


class StaleConversation(Exception):
    """Someone else changed the conversation since we read it: redo the turn."""


def _insert(session: AsyncSession, table):
    dialect = session.bind.dialect.name
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)


async def ensure(session: AsyncSession, channel: str, user_ref: str) -> Conversation:
    """The conversation of (channel, user), created if new; not locked."""
    await _create(session, channel, user_ref)
    return (await session.execute(select(Conversation).where(
        Conversation.channel == channel, Conversation.user_ref == user_ref))).scalar_one()


async def _create(session: AsyncSession, channel: str, user_ref: str) -> None:
    now = utcnow()
    await session.execute(
        _insert(session, Conversation.__table__)
        .values(channel=channel, user_ref=user_ref, locale="ary-Arab", script="Arab",
                step="start", state={}, version=0, status="active",
                created_at=now, updated_at=now)
        .on_conflict_do_nothing(index_elements=["channel", "user_ref"])
    )


async def lock(session: AsyncSession, channel: str, user_ref: str) -> Conversation:
    """The conversation of (channel, user), created if new, locked until the transaction ends.

    The row is read only after taking the lock, so two messages of one owner
    (two photos of an album) are applied one after the other, never both on
    the same old state.
    """
    await _create(session, channel, user_ref)
    query = select(Conversation).where(Conversation.channel == channel,
                                       Conversation.user_ref == user_ref)
    if session.bind.dialect.name == "postgresql":
        query = query.with_for_update()
    result = await session.execute(query.execution_options(populate_existing=True))
    return result.scalar_one()


async def find(session: AsyncSession, channel: str, user_ref: str) -> Conversation | None:
    result = await session.execute(select(Conversation).where(
        Conversation.channel == channel, Conversation.user_ref == user_ref))
    return result.scalar_one_or_none()


async def record_inbound(session: AsyncSession, conversation_id: int, channel: str,
                         external_id: str, raw: dict, group_key: str | None = None) -> int | None:
    """Log a received message once. None when (channel, external_id) was already seen."""
    result = await session.execute(
        _insert(session, Inbound.__table__)
        .values(channel=channel, external_id=external_id, conversation_id=conversation_id,
                group_key=group_key, raw=raw, received_at=utcnow())
        .on_conflict_do_nothing(index_elements=["channel", "external_id"])
        .returning(Inbound.__table__.c.id)
    )
    return result.scalar_one_or_none()


async def mark_processed(session: AsyncSession, inbound_id: int) -> None:
    await session.execute(sa.update(Inbound).where(Inbound.id == inbound_id)
                          .values(processed_at=utcnow()))


async def save(session: AsyncSession, conversation: Conversation, *, state: dict, step: str,
               language: str | None, script: str, locale: str, status: str,
               inbound_at: datetime | None) -> None:
    """Store the new state; fails with StaleConversation if the version moved under us."""
    values = dict(state=state, step=step, language=language, script=script, locale=locale,
                  status=status, version=conversation.version + 1, updated_at=utcnow())
    if inbound_at is not None:
        values["last_inbound_at"] = inbound_at
    result = await session.execute(
        sa.update(Conversation)
        .where(Conversation.id == conversation.id, Conversation.version == conversation.version)
        .values(**values)
    )
    if result.rowcount != 1:
        raise StaleConversation(conversation.id)


async def more_of_group(session: AsyncSession, conversation_id: int, group_key: str,
                        after_id: int) -> bool:
    """Whether later parts of an album still wait: then only the last part answers."""
    result = await session.execute(select(Inbound.id).where(
        Inbound.conversation_id == conversation_id, Inbound.group_key == group_key,
        Inbound.id > after_id, Inbound.processed_at.is_(None)).limit(1))
    return result.first() is not None


async def unprocessed(session: AsyncSession, older_than: datetime, limit: int = 100,
                      ) -> list[tuple[int, str, str]]:
    """Inbound rows acknowledged but never processed (a process died): (id, channel, user)."""
    result = await session.execute(
        select(Inbound.id, Inbound.channel, Conversation.user_ref)
        .join(Conversation, Conversation.id == Inbound.conversation_id)
        .where(Inbound.processed_at.is_(None), Inbound.received_at < older_than)
        .order_by(Inbound.id).limit(limit))
    return [tuple(row) for row in result.all()]


async def mark_unreachable(session: AsyncSession, conversation_id: int) -> None:
    await session.execute(sa.update(Conversation).where(Conversation.id == conversation_id)
                          .values(status="unreachable", updated_at=utcnow()))


async def mark_reachable(session: AsyncSession, conversation_id: int) -> None:
    """The owner unblocked the bot or wrote again: they can be written to again."""
    await session.execute(
        sa.update(Conversation)
        .where(Conversation.id == conversation_id, Conversation.status == "unreachable")
        .values(status=sa.case((Conversation.step == "submitted", "submitted"), else_="active"),
                updated_at=utcnow()))
