"""Field agents: invite and referral codes, and who brought which business.

Functions take a session and never commit.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select

from storage.conversations import StaleConversation
from storage.models import (
    AgentChat,
    AgentCode,
    Business,
    Conversation,
    Submission,
    User,
    utcnow,
)

# What a deep link may carry: /start agent-<code> (link my chat) or ref-<code> (attribute).
REFERRAL = re.compile(r"^(agent|ref)-([a-z0-9]{6,32})$")
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud at a fair


def new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


async def create_agent(session: AsyncSession, name: str, email: str | None = None) -> User:
    """A new field agent, or the agent account that already has this login e-mail (made
    with `tijara admin create EMAIL --role agent`): one person, one account."""
    if email:
        email = email.strip().lower()
        existing = (await session.execute(
            select(User).where(User.email == email))).scalar_one_or_none()
        if existing is not None:
            if existing.role != "agent":
                raise ValueError(f"{email} is an {existing.role} account, not a field agent")
            existing.name = existing.name or name
            return existing
    agent = User(email=email or f"agent-{new_code()}@agents.invalid", name=name, role="agent")
    session.add(agent)
    await session.flush()
    return agent


async def issue_code(session: AsyncSession, agent_id: int, kind: str) -> str:
    code = new_code()
    session.add(AgentCode(code=code, kind=kind, agent_id=agent_id))
    await session.flush()
    return code


async def referral_code(session: AsyncSession, agent_id: int) -> str:
    """The agent's lasting referral code (made on first use)."""
    found = (await session.execute(select(AgentCode.code).where(
        AgentCode.agent_id == agent_id, AgentCode.kind == "referral"))).scalars().first()
    return found or await issue_code(session, agent_id, "referral")


async def apply_referral(session: AsyncSession, conversation: Conversation,
                         referral: str) -> str | None:
    """Act on a deep-link code; returns the notice for the chat, or None."""
    match = REFERRAL.match(referral.strip().lower())
    if not match:
        return "referral_invalid"
    kind, code = match.groups()
    row = (await session.execute(
        select(AgentCode).where(AgentCode.code == code))).scalar_one_or_none()
    if kind == "ref":
        if row is None or row.kind != "referral":
            return "referral_invalid"
        if conversation.agent_id is None:  # the first agent who brought them keeps them
            conversation.agent_id = row.agent_id
        return None
    if row is None or row.kind != "invite" or row.used_at is not None:
        return "referral_invalid"
    row.used_at = utcnow()
    existing = (await session.execute(select(AgentChat).where(
        AgentChat.channel == conversation.channel,
        AgentChat.user_ref == conversation.user_ref))).scalar_one_or_none()
    if existing is None:
        session.add(AgentChat(channel=conversation.channel, user_ref=conversation.user_ref,
                              agent_id=row.agent_id))
    else:
        existing.agent_id = row.agent_id
    await session.flush()
    return "agent_linked"


async def code_kind(session: AsyncSession, code: str) -> str | None:
    """"invite" or "referral" for a code that exists, else None."""
    return (await session.execute(
        select(AgentCode.kind).where(AgentCode.code == code))).scalar_one_or_none()


async def chat_agent(session: AsyncSession, channel: str, user_ref: str) -> int | None:
    """The agent whose chat this is, if any."""
    return (await session.execute(select(AgentChat.agent_id).where(
        AgentChat.channel == channel, AgentChat.user_ref == user_ref))).scalar_one_or_none()


async def latest_chat(session: AsyncSession, agent_id: int) -> tuple[str, str] | None:
    """The agent's most recently linked chat (channel, user_ref), to tell them news."""
    row = (await session.execute(select(AgentChat.channel, AgentChat.user_ref).where(
        AgentChat.agent_id == agent_id).order_by(AgentChat.id.desc()).limit(1))).first()
    return tuple(row) if row else None


async def followed(session: AsyncSession, agent_id: int, limit: int = 50,
                   ) -> list[tuple[int, str, str, dict, str | None, str | None]]:
    """The conversations an agent brought in, newest activity first:
    (id, user_ref, step, state, business name, submission status). Agents' own chats
    are left out (an agent may have used their own link)."""
    rows = await session.execute(
        select(Conversation.id, Conversation.user_ref, Conversation.step, Conversation.state,
               Business.name, Submission.status)
        .outerjoin(Business, Business.conversation_id == Conversation.id)
        .outerjoin(Submission, Submission.business_id == Business.id)
        .outerjoin(AgentChat, sa.and_(AgentChat.channel == Conversation.channel,
                                      AgentChat.user_ref == Conversation.user_ref))
        .where(Conversation.agent_id == agent_id, AgentChat.id.is_(None))
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc()).limit(limit))
    return [tuple(row) for row in rows.all()]


# The step of a draft an agent filled in while it waits for its owner's agreement.
WAITING_STEP = "owner_confirm"


async def waiting_owner(session: AsyncSession, agent_id: int | None, limit: int = 100,
                        ) -> list[tuple[int, str, str, dict, datetime]]:
    """Drafts agents filled in that wait for their owner's agreement, newest first:
    (conversation id, channel, user_ref, state, updated_at); one agent's, or all (None)."""
    query = (select(Conversation.id, Conversation.channel, Conversation.user_ref,
                    Conversation.state, Conversation.updated_at)
             .where(Conversation.step == WAITING_STEP, Conversation.agent_id.is_not(None))
             .order_by(Conversation.updated_at.desc(), Conversation.id.desc()).limit(limit))
    if agent_id is not None:
        query = query.where(Conversation.agent_id == agent_id)
    return [tuple(row) for row in (await session.execute(query)).all()]


async def submission_status(session: AsyncSession, conversation_id: int) -> str | None:
    return (await session.execute(
        select(Submission.status).join(Business, Business.id == Submission.business_id)
        .where(Business.conversation_id == conversation_id))).scalars().first()


async def move_conversation(session: AsyncSession, conversation: Conversation, channel: str,
                            user_ref: str) -> None:
    """The (locked) conversation now answers at another address: the chat its owner opened
    with their link. Its id, draft, photos and agent stay; its version moves on, so a turn
    that read it before fails its version check and runs again."""
    result = await session.execute(
        sa.update(Conversation.__table__)
        .where(Conversation.__table__.c.id == conversation.id,
               Conversation.__table__.c.version == conversation.version)
        .values(channel=channel, user_ref=user_ref, version=conversation.version + 1,
                updated_at=utcnow()))
    if result.rowcount != 1:
        raise StaleConversation(conversation.id)
    for name, value in (("channel", channel), ("user_ref", user_ref),
                        ("version", conversation.version + 1)):
        set_committed_value(conversation, name, value)


async def count_waiting(session: AsyncSession, since: datetime, until: datetime, *,
                        scope_agent: int | None = None) -> int:
    """Of the conversations the funnel counts (started in [since, until)), the drafts that
    wait for their owner's agreement: counted there as far as the draft went, not sent."""
    query = select(sa.func.count()).select_from(Conversation).where(
        Conversation.step == WAITING_STEP, Conversation.agent_id.is_not(None),
        Conversation.created_at >= since, Conversation.created_at < until)
    if scope_agent is not None:
        query = query.where(Conversation.agent_id == scope_agent)
    return (await session.execute(query)).scalar_one()
