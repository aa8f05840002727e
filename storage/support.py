"""Support requests: an owner asked for a person (flows/support.py); staff answer from the
inbox (bot/admin/support.py). Functions take a session and never commit.

A request is `open` until staff close it; `waiting` while the owner spoke last. The inbox
reads the conversation so far from what is already kept: the inbound log (the owner's
words and buttons), the outbox's "send" rows (what the bot and staff sent over a channel)
and the media rows (photos), beside the staff replies kept here with the way each went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import (
    Conversation,
    Inbound,
    Media,
    Outbox,
    SupportReply,
    SupportRequest,
    User,
)

OPEN, CLOSED = "open", "closed"
# The inbox's three lists: open (all), waiting for staff (owner spoke last), closed.
LISTS = ("open", "waiting", "closed")
REPLY_KEY = "support-reply:"  # a staff reply's event key (shown from support_reply, not twice)
TRANSCRIPT_MAX = 80  # the newest this many items of a conversation


@dataclass(frozen=True)
class Row:
    """One request in the inbox list."""

    request: SupportRequest
    conversation: Conversation
    business_name: str
    agent_name: str


@dataclass(frozen=True)
class Item:
    """One line of the conversation so far."""

    at: datetime
    side: str  # "owner" | "bot" | "staff"
    text: str = ""
    button: str = ""  # a button the owner pressed (its payload)
    photo: Media | None = None
    author: str = ""  # staff: who
    via: str = ""  # staff: which way it went


async def open_request(session: AsyncSession, conversation_id: int, now: datetime) -> int:
    """The conversation's open request, opened now if there is none."""
    found = await open_for(session, conversation_id)
    if found is not None:
        found.waiting, found.updated_at = True, now
        return found.id
    request = SupportRequest(conversation_id=conversation_id, opened_at=now, updated_at=now,
                             waiting=True, status=OPEN)
    session.add(request)
    await session.flush()
    return request.id


async def open_for(session: AsyncSession, conversation_id: int) -> SupportRequest | None:
    return (await session.execute(select(SupportRequest).where(
        SupportRequest.conversation_id == conversation_id, SupportRequest.status == OPEN)
        .order_by(SupportRequest.id.desc()).limit(1))).scalars().first()


async def owner_wrote(session: AsyncSession, conversation_id: int, now: datetime) -> None:
    """The owner wrote while a person is on: staff owe them an answer."""
    await session.execute(sa.update(SupportRequest).where(
        SupportRequest.conversation_id == conversation_id, SupportRequest.status == OPEN)
        .values(waiting=True, updated_at=now))


async def answered(session: AsyncSession, request: SupportRequest, *, author: str,
                   author_name: str, text: str, via: str, now: datetime) -> SupportReply:
    reply = SupportReply(request_id=request.id, conversation_id=request.conversation_id,
                         author=author, author_name=author_name, text=text, via=via, at=now)
    session.add(reply)
    request.waiting, request.updated_at = False, now
    await session.flush()
    return reply


async def close(session: AsyncSession, request: SupportRequest, *, actor: str,
                now: datetime) -> None:
    request.status, request.waiting = CLOSED, False
    request.closed_at, request.closed_by, request.updated_at = now, actor, now


def _listed(query, which: str, scope_agent: int | None):
    if which == "waiting":
        query = query.where(SupportRequest.status == OPEN, SupportRequest.waiting.is_(True))
    else:
        query = query.where(SupportRequest.status == which)
    if scope_agent is not None:
        query = query.where(Conversation.agent_id == scope_agent)
    return query


async def counts(session: AsyncSession, scope_agent: int | None = None) -> dict[str, int]:
    """How many requests each list holds, in one pass (joined only for an agent's scope)."""
    r = SupportRequest
    is_open = r.status == OPEN
    query = sa.select(
        sa.func.count().filter(is_open),
        sa.func.count().filter(is_open, r.waiting.is_(True)),
        sa.func.count().filter(r.status == CLOSED)).select_from(r)
    if scope_agent is not None:
        query = query.join(Conversation, Conversation.id == r.conversation_id).where(
            Conversation.agent_id == scope_agent)
    found = (await session.execute(query)).one()
    return dict(zip(LISTS, (int(n or 0) for n in found), strict=True))


async def inbox(session: AsyncSession, which: str, *, scope_agent: int | None = None,
                limit: int = 50, offset: int = 0) -> list[Row]:
    """A list's requests, the newest activity first."""
    query = _listed(select(SupportRequest, Conversation).join(
        Conversation, Conversation.id == SupportRequest.conversation_id), which, scope_agent)
    query = query.order_by(SupportRequest.updated_at.desc(), SupportRequest.id.desc())
    rows = (await session.execute(query.limit(limit).offset(offset))).all()
    names = await _agent_names(session, {c.agent_id for _, c in rows if c.agent_id})
    return [Row(r, c, _business_name(c), names.get(c.agent_id, "")) for r, c in rows]


async def request_view(session: AsyncSession, request_id: int
                       ) -> tuple[SupportRequest, Conversation, str] | None:
    found = (await session.execute(select(SupportRequest, Conversation).join(
        Conversation, Conversation.id == SupportRequest.conversation_id).where(
        SupportRequest.id == request_id))).first()
    if found is None:
        return None
    request, conv = found
    names = await _agent_names(session, {conv.agent_id} if conv.agent_id else set())
    return request, conv, names.get(conv.agent_id, "")


async def transcript(session: AsyncSession, conversation_id: int) -> list[Item]:
    """The conversation so far, oldest first: the newest TRANSCRIPT_MAX items."""
    items: list[Item] = []
    inbound = (await session.execute(select(Inbound.received_at, Inbound.raw).where(
        Inbound.conversation_id == conversation_id,
        ~Inbound.external_id.like("event:%"))
        .order_by(Inbound.id.desc()).limit(TRANSCRIPT_MAX))).all()
    for at, raw in inbound:
        text = (raw or {}).get("text") or ""
        button = (raw or {}).get("payload") or ""
        if text or button:
            items.append(Item(at, "owner", text=str(text), button=str(button)))
    sent = (await session.execute(select(Outbox.created_at, Outbox.payload).where(
        Outbox.conversation_id == conversation_id, Outbox.kind == "send",
        ~Outbox.dedupe_key.like(f"event:{REPLY_KEY}%"))
        .order_by(Outbox.id.desc()).limit(TRANSCRIPT_MAX))).all()
    for at, payload in sent:
        for reply in (payload or {}).get("replies") or ():
            items.append(Item(at, "bot", text=str(reply.get("text") or "")))
    photos = (await session.execute(select(Media).where(
        Media.conversation_id == conversation_id, Media.kind == "photo")
        .order_by(Media.id.desc()).limit(TRANSCRIPT_MAX))).scalars().all()
    items += [Item(m.created_at, "owner", photo=m) for m in photos]
    replies = (await session.execute(select(SupportReply).where(
        SupportReply.conversation_id == conversation_id)
        .order_by(SupportReply.id.desc()).limit(TRANSCRIPT_MAX))).scalars().all()
    items += [Item(r.at, "staff", text=r.text, author=r.author_name or r.author, via=r.via)
              for r in replies]
    items.sort(key=lambda i: i.at)
    return items[-TRANSCRIPT_MAX:]


def _business_name(conv: Conversation) -> str:
    draft = (conv.state or {}).get("draft") or {}
    return str(draft.get("business_name") or "")


async def _agent_names(session: AsyncSession, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    users = (await session.execute(select(User).where(User.id.in_(ids)))).scalars().all()
    return {u.id: u.name or u.email for u in users}
