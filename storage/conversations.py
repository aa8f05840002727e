"""Conversations and the inbound log. Functions take a session and never commit."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import select

from flows.model import ConversationState
from storage.funnel import SUBMITTED, from_draft, refresh
from storage.models import Conversation, Inbound, UTCDateTime, utcnow


class StaleConversation(Exception):
    """Someone else changed the conversation since we read it: redo the turn."""


# Plain SQL for the two inserts of every turn: SQLAlchemy does not cache the compiled form
# of dialect INSERT ... ON CONFLICT constructs, and both databases speak this SQL.
_CREATE = sa.text(
    "INSERT INTO conversation (channel, user_ref, locale, script, step, state, version,"
    " status, created_at, updated_at) VALUES (:channel, :user_ref, 'ary-Arab', 'Arab',"
    " 'start', '{}', 0, 'active', :now, :now) ON CONFLICT (channel, user_ref) DO NOTHING"
).bindparams(sa.bindparam("now", type_=UTCDateTime))
_RECORD = sa.text(
    "INSERT INTO inbound (channel, external_id, conversation_id, group_key, raw, received_at,"
    " processed_at) VALUES (:channel, :external_id, :conversation_id, :group_key, :raw, :now,"
    " :processed) ON CONFLICT (channel, external_id) DO NOTHING RETURNING id"
).bindparams(sa.bindparam("raw", type_=sa.JSON), sa.bindparam("now", type_=UTCDateTime),
             sa.bindparam("processed", type_=UTCDateTime))


# Statements of every turn are built once: building SQL expressions costs more CPU than
# running them (benchmarks/turns.py, --profile).
_BY_USER = select(Conversation).where(
    Conversation.channel == sa.bindparam("channel"),
    Conversation.user_ref == sa.bindparam("user_ref"),
).execution_options(populate_existing=True)
_BY_USER_LOCKED = _BY_USER.with_for_update()
_C = Conversation.__table__.c
_SAVE = (
    sa.update(Conversation.__table__)
    .where(Conversation.__table__.c.id == sa.bindparam("cid"),
           Conversation.__table__.c.version == sa.bindparam("expected"))
    .values(state=sa.bindparam("new_state", type_=sa.JSON),
            step=sa.bindparam("new_step"), language=sa.bindparam("new_language"),
            script=sa.bindparam("new_script"), locale=sa.bindparam("new_locale"),
            status=sa.bindparam("new_status"), version=sa.bindparam("new_version"),
            updated_at=sa.bindparam("now", type_=UTCDateTime),
            # A draft's funnel values, unless a submission's decide them (storage/funnel.py).
            funnel_stage=sa.case((_C.funnel_stage >= SUBMITTED, _C.funnel_stage),
                                 else_=sa.bindparam("stage")),
            funnel_region=sa.case((_C.funnel_stage >= SUBMITTED, _C.funnel_region),
                                  else_=sa.bindparam("region")),
            last_inbound_at=sa.func.coalesce(
                sa.bindparam("inbound_at", type_=UTCDateTime),
                Conversation.__table__.c.last_inbound_at))
)
_MARK_PROCESSED = (sa.update(Inbound.__table__)
                   .where(Inbound.__table__.c.id == sa.bindparam("iid"))
                   .values(processed_at=sa.bindparam("now", type_=UTCDateTime)))


def state_of(conversation: Conversation) -> ConversationState:
    """The conversation's state, typed (a new conversation's is empty). An owner who agreed
    before the consent had versions agreed to its first text: they are asked again."""
    stored = conversation.state or {}
    if stored.get("consent_at") and "consent_version" not in stored:
        stored = {**stored, "consent_version": 1}
    return ConversationState.model_validate(stored)


def status_for(current: str, step: str) -> str:
    """A conversation's status after a turn leaves it at `step`."""
    if current == "unreachable":
        return current  # only the channel says when an owner can be reached again
    return "submitted" if step == "submitted" else "active"


async def ensure(session: AsyncSession, channel: str, user_ref: str) -> Conversation:
    """The conversation of (channel, user), created if new; not locked."""
    params = {"channel": channel, "user_ref": user_ref}
    await session.execute(_CREATE, params | {"now": utcnow()})
    return (await session.execute(_BY_USER, params)).scalar_one()


_REF = sa.select(Conversation.__table__.c.id, Conversation.__table__.c.status).where(
    Conversation.__table__.c.channel == sa.bindparam("channel"),
    Conversation.__table__.c.user_ref == sa.bindparam("user_ref"))


async def ensure_ref(session: AsyncSession, channel: str, user_ref: str) -> tuple[int, str]:
    """The id and status of the conversation of (channel, user), created if new; not
    locked. A message's record reads no more (an owner's every message but the first:
    one small read, no insert)."""
    params = {"channel": channel, "user_ref": user_ref}
    found = (await session.execute(_REF, params)).first()
    if found is None:
        await session.execute(_CREATE, params | {"now": utcnow()})
        found = (await session.execute(_REF, params)).one()
    return found[0], found[1]


async def lock(session: AsyncSession, channel: str, user_ref: str, *,
               create: bool = True) -> Conversation | None:
    """The conversation of (channel, user), locked until the transaction ends.

    The row is read only after taking the lock, so two messages of one owner
    (two photos of an album) are applied one after the other, never both on
    the same old state. A new owner's row is created first (unless `create`
    is false: then None).
    """
    query = _BY_USER_LOCKED if session.bind.dialect.name == "postgresql" else _BY_USER
    params = {"channel": channel, "user_ref": user_ref}
    found = (await session.execute(query, params)).scalar_one_or_none()
    if found is not None or not create:
        return found
    await session.execute(_CREATE, params | {"now": utcnow()})
    return (await session.execute(query, params)).scalar_one()


async def find(session: AsyncSession, channel: str, user_ref: str) -> Conversation | None:
    result = await session.execute(_BY_USER, {"channel": channel, "user_ref": user_ref})
    return result.scalar_one_or_none()


async def record_inbound(session: AsyncSession, conversation_id: int, channel: str,
                         external_id: str, raw: dict, group_key: str | None = None, *,
                         processed: bool = False) -> int | None:
    """Log a received message once. None when (channel, external_id) was already seen.

    `processed`: the turn runs in this same transaction (web chat), so the row is born done.
    """
    now = utcnow()
    result = await session.execute(_RECORD, {
        "channel": channel, "external_id": external_id, "conversation_id": conversation_id,
        "group_key": group_key, "raw": raw, "now": now, "processed": now if processed else None})
    return result.scalar_one_or_none()


async def mark_processed(session: AsyncSession, inbound_id: int) -> None:
    await session.execute(_MARK_PROCESSED, {"iid": inbound_id, "now": utcnow()})


async def save(session: AsyncSession, conversation: Conversation, state: ConversationState, *,
               inbound_at: datetime | None) -> None:
    """Store the new state and the columns read from it; fails with StaleConversation if the
    version moved under us. `inbound_at` is when the owner wrote (None: they did not, e.g. an
    agent's answer or a review decision; WhatsApp's 24-hour window is theirs)."""
    stored = state.model_dump(mode="json")
    stage, region = from_draft(stored)
    result = await session.execute(_SAVE, {
        "cid": conversation.id, "expected": conversation.version, "stage": stage,
        "region": region, "new_state": stored, "new_step": state.step,
        "new_language": state.language, "new_script": state.script,
        "new_locale": state.locale, "new_status": status_for(conversation.status, state.step),
        "new_version": conversation.version + 1, "now": utcnow(), "inbound_at": inbound_at})
    if result.rowcount != 1:
        raise StaleConversation(conversation.id)
    # The row moved on: a second save in this turn must expect it. Set as loaded, not as a
    # change, or the session would write it again at commit.
    set_committed_value(conversation, "version", conversation.version + 1)
    if (conversation.funnel_stage or 0) >= SUBMITTED:  # its region may come from the draft
        await session.run_sync(lambda s: refresh(s.connection(), [conversation.id]))


_INBOUND = Inbound.__table__.c
# The turn queue of a conversation, read under its lock on every turn (the partial index
# ix_inbound_waiting holds only these rows).
_OLDEST_WAITING = (
    sa.select(_INBOUND.id, _INBOUND.external_id, _INBOUND.group_key, _INBOUND.raw)
    .where(_INBOUND.conversation_id == sa.bindparam("cid"), _INBOUND.processed_at.is_(None))
    .order_by(_INBOUND.received_at, _INBOUND.id).limit(1))
_LAST_PART = (
    sa.select(sa.func.max(_INBOUND.received_at))
    .where(_INBOUND.conversation_id == sa.bindparam("cid"), _INBOUND.processed_at.is_(None),
           _INBOUND.group_key == sa.bindparam("group")))


@dataclass(frozen=True)
class Waiting:
    """An inbound message recorded and not processed yet."""

    id: int
    external_id: str
    group_key: str | None
    raw: dict


async def oldest_waiting(session: AsyncSession, conversation_id: int,
                         skip: Collection[int] = ()) -> Waiting | None:
    """The conversation's oldest message still to process, by arrival (received_at, then
    id), but those in `skip`: its turn goes before any later one, whichever process
    received them."""
    query = _OLDEST_WAITING.where(_INBOUND.id.not_in(skip)) if skip else _OLDEST_WAITING
    row = (await session.execute(query, {"cid": conversation_id})).first()
    return Waiting(*row) if row else None


async def is_waiting(session: AsyncSession, inbound_id: int) -> bool:
    result = await session.execute(sa.select(_INBOUND.id).where(
        _INBOUND.id == inbound_id, _INBOUND.processed_at.is_(None)))
    return result.first() is not None


async def last_part_at(session: AsyncSession, conversation_id: int,
                       group_key: str) -> datetime | None:
    """When the newest part of an album still waiting was received (by any process)."""
    result = await session.execute(_LAST_PART, {"cid": conversation_id, "group": group_key})
    return result.scalar_one_or_none()


async def more_of_group(session: AsyncSession, conversation_id: int, group_key: str,
                        this_id: int) -> bool:
    """Whether other parts of an album still wait: then only the last part processed
    answers. Any other part, not only a later id: concurrent webhooks commit (and are
    scheduled) in another order than their ids were given."""
    result = await session.execute(select(Inbound.id).where(
        Inbound.conversation_id == conversation_id, Inbound.group_key == group_key,
        Inbound.id != this_id, Inbound.processed_at.is_(None)).limit(1))
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
