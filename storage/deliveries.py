"""Delivery reports from the platforms, kept for admins (functions never commit)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import Conversation, WhatsAppStatus


async def record_whatsapp_status(session: AsyncSession, *, message_sid: str, status: str,
                                 recipient: str, error_code: str | None, error_message: str,
                                 at: datetime) -> None:
    """Once per (message, status): Twilio may call back more than once. A report about
    nobody we know (the farewell of an owner just erased) keeps no address."""
    conversation_id = (await session.execute(select(Conversation.id).where(
        Conversation.channel == "whatsapp", Conversation.user_ref == recipient))).scalar()
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    await session.execute(
        insert(WhatsAppStatus.__table__)
        .values(message_sid=message_sid, status=status,
                recipient=recipient if conversation_id is not None else "",
                error_code=error_code, error_message=error_message,
                conversation_id=conversation_id, received_at=at)
        .on_conflict_do_nothing(index_elements=["message_sid", "status"]))
