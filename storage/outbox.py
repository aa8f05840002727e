"""The outbox: work that must happen after a commit, done at least once, by any process.

Rows are claimed with a lease: `FOR UPDATE SKIP LOCKED` on PostgreSQL lets any
number of workers take different rows; on SQLite the database lock (BEGIN
IMMEDIATE) serialises the claim. A process that dies holding a row loses
nothing: the lease expires and another process takes the row again, so
handlers must be idempotent (the storefront handoff sends an Idempotency-Key).

Functions take a session and never commit; bot/outbox/ runs each step of a row in
its own unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import select

from storage.models import Conversation, Outbox, utcnow

PENDING, DONE, FAILED = "pending", "done", "failed"
# Replies for the web chat wait here until the owner's page next asks (no push channel).
INBOX = "inbox"
# Messages a channel may not send now but may once the owner writes (WhatsApp's 24 h window).
HELD = "held"


async def enqueue(session: AsyncSession, kind: str, dedupe_key: str, payload: dict, *,
                  due_at: datetime | None = None, status: str = PENDING,
                  conversation_id: int | None = None) -> int | None:
    """Add work once: a second row with the same dedupe key is ignored (None)."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    now = utcnow()
    result = await session.execute(
        insert(Outbox.__table__)
        .values(kind=kind, dedupe_key=dedupe_key, payload=payload, status=status, attempts=0,
                conversation_id=conversation_id,
                due_at=due_at or now, last_error="", created_at=now)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(Outbox.__table__.c.id)
    )
    return result.scalar_one_or_none()


_older = aliased(Outbox)
# A "send" row waits while an older one of its conversation is pending (due later, or
# leased by any worker: the subquery sees rows SKIP LOCKED passes over), so an owner's
# messages go one delivery at a time, in order.
_NEXT_IN_LINE = sa.or_(
    Outbox.kind != "send", Outbox.conversation_id.is_(None),
    ~sa.exists().where(_older.conversation_id == Outbox.conversation_id,
                       _older.kind == "send", _older.status == PENDING,
                       _older.id < Outbox.id))


async def claim(session: AsyncSession, *, kinds: tuple[str, ...] | None = None,
                limit: int = 10, lease: timedelta = timedelta(seconds=60),
                ids: list[int] | None = None) -> list[Outbox]:
    """Take up to `limit` due rows for `lease`; nobody else gets them meanwhile. A
    conversation's "send" rows are handed out one at a time, oldest first."""
    now = utcnow()
    query = (select(Outbox)
             .where(Outbox.status == PENDING, Outbox.due_at <= now,
                    sa.or_(Outbox.lease_until.is_(None), Outbox.lease_until < now),
                    _NEXT_IN_LINE)
             .order_by(Outbox.due_at, Outbox.id).limit(limit))
    if kinds:
        query = query.where(Outbox.kind.in_(kinds))
    if ids is not None:
        query = query.where(Outbox.id.in_(ids))
    if session.bind.dialect.name != "sqlite":
        query = query.with_for_update(skip_locked=True)
    rows = list((await session.execute(query)).scalars())
    for row in rows:
        row.lease_until = now + lease
        row.attempts += 1
    return rows


async def in_line(session: AsyncSession, ids: list[int]) -> bool:
    """Whether any of these rows is due and free, and waits only for an older delivery
    of its conversation that is going out now (leased, or due): soon its turn."""
    now = utcnow()
    going = sa.exists().where(
        _older.conversation_id == Outbox.conversation_id, _older.kind == "send",
        _older.status == PENDING, _older.id < Outbox.id,
        sa.or_(_older.lease_until > now, _older.due_at <= now))
    result = await session.execute(
        select(Outbox.id).where(Outbox.id.in_(ids), Outbox.status == PENDING,
                                Outbox.due_at <= now,
                                sa.or_(Outbox.lease_until.is_(None), Outbox.lease_until < now),
                                going)
        .limit(1))
    return result.first() is not None


async def extend_lease(session: AsyncSession, row: Outbox, until: datetime) -> bool:
    """Stretch a claimed row's lease to `until`, if the row is still the caller's: still
    pending, on the same attempt and lease (else another worker took it over)."""
    result = await session.execute(
        sa.update(Outbox)
        .where(Outbox.id == row.id, Outbox.status == PENDING,
               Outbox.attempts == row.attempts, Outbox.lease_until == row.lease_until)
        .values(lease_until=until))
    if result.rowcount != 1:
        return False
    row.lease_until = until
    return True


async def save_progress(session: AsyncSession, row: Outbox, progress: dict) -> None:
    """Record what a delivery has sent so far (commit it before sending the next part)."""
    await session.execute(sa.update(Outbox).where(Outbox.id == row.id)
                          .values(progress=progress))
    row.progress = progress


@dataclass(frozen=True)
class SendContext:
    """What a delivery reads before it goes: whether its conversation is still there and
    reachable, when the owner last wrote (WhatsApp's window), and what the conversation's
    last delivery before it that sent anything recorded (where it left the chat: a
    channel's plan may depend on it; None on a retry, which has its own record)."""

    status: str | None  # None: the conversation is gone
    last_inbound_at: datetime | None
    previous: dict | None


async def send_context(session: AsyncSession, row: Outbox) -> SendContext:
    """In one statement. Read by the turn that claimed the row, in the turn's own
    transaction (the delivery then needs no transaction before its first message), or by
    the delivery itself."""
    c = Conversation.__table__.c
    previous = (sa.select(Outbox.progress)
                .where(Outbox.conversation_id == c.id, Outbox.kind == "send",
                       Outbox.id < row.id, Outbox.progress.is_not(None))
                .order_by(Outbox.id.desc()).limit(1).scalar_subquery())
    found = (await session.execute(
        sa.select(c.status, c.last_inbound_at,
                  sa.null() if row.progress else previous)
        .where(c.id == row.payload.get("conversation_id")))).first()
    if found is None:
        return SendContext(None, None, None)
    return SendContext(found[0], found[1], found[2])


async def finish(session: AsyncSession, row_id: int, *, progress: dict | None = None,
                 ) -> None:
    """The row is done; `progress`: what its delivery sent, kept for the next one."""
    values = {"status": DONE, "lease_until": None, "last_error": ""}
    if progress is not None:
        values["progress"] = progress
    await session.execute(sa.update(Outbox).where(Outbox.id == row_id).values(**values))


async def release(session: AsyncSession, row_ids: list[int]) -> None:
    """Hand rows back untouched (a worker stopping politely)."""
    if not row_ids:
        return
    await session.execute(sa.update(Outbox).where(Outbox.id.in_(row_ids)).values(
        lease_until=None, attempts=Outbox.attempts - 1))


async def retry_later(session: AsyncSession, row_id: int, delay: timedelta, error: str,
                      ) -> None:
    await session.execute(sa.update(Outbox).where(Outbox.id == row_id).values(
        status=PENDING, due_at=utcnow() + delay, lease_until=None, last_error=error[:2000]))


async def give_up(session: AsyncSession, row_id: int, error: str) -> None:
    await session.execute(sa.update(Outbox).where(Outbox.id == row_id).values(
        status=FAILED, lease_until=None, last_error=error[:2000]))


async def hold(session: AsyncSession, row_id: int, error: str) -> None:
    """Park a row until the owner writes again (`release_held`)."""
    await session.execute(sa.update(Outbox).where(Outbox.id == row_id).values(
        status=HELD, lease_until=None, attempts=0, last_error=error[:2000]))


async def known_keys(session: AsyncSession, dedupe_keys: list[str]) -> set[str]:
    """Which of these dedupe keys have a row already."""
    if not dedupe_keys:
        return set()
    return set((await session.execute(
        select(Outbox.dedupe_key).where(Outbox.dedupe_key.in_(dedupe_keys)))).scalars())


async def depth(session: AsyncSession) -> tuple[int, float]:
    """Due rows waiting, and the age in seconds of the oldest one (for /metrics)."""
    now = utcnow()
    count, oldest = (await session.execute(
        select(sa.func.count(), sa.func.min(Outbox.due_at))
        .where(Outbox.status == PENDING, Outbox.due_at <= now))).one()
    return count, (now - oldest).total_seconds() if oldest else 0.0


async def counts(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(kind, status, rows) for every kind and status present (for /metrics)."""
    rows = await session.execute(select(Outbox.kind, Outbox.status, sa.func.count())
                                 .group_by(Outbox.kind, Outbox.status))
    return [(kind, status, count) for kind, status, count in rows.all()]


_WAITING = (select(Outbox)
            .where(Outbox.conversation_id == sa.bindparam("cid"),
                   Outbox.status == sa.bindparam("status"), Outbox.kind == "send")
            .order_by(Outbox.id))


async def has_inbox(session: AsyncSession, conversation_id: int) -> bool:
    """Whether web-chat replies wait for this conversation (a cheap look, no lock)."""
    return (await session.execute(_WAITING.with_only_columns(Outbox.id).limit(1),
                                  {"cid": conversation_id, "status": INBOX})).first() is not None


async def take_inbox(session: AsyncSession, conversation_id: int) -> list[dict]:
    """The web chat's waiting replies for one conversation, oldest first, marked done."""
    rows = list((await session.execute(_WAITING, {"cid": conversation_id, "status": INBOX}))
                .scalars())
    for row in rows:
        row.status = DONE
    return [reply for row in rows for reply in row.payload["replies"]]


async def release_held(session: AsyncSession, conversation_id: int) -> list[int]:
    """The owner wrote again: what was held for them may go out now."""
    rows = list((await session.execute(_WAITING, {"cid": conversation_id, "status": HELD}))
                .scalars())
    now = utcnow()
    for row in rows:
        row.status, row.due_at, row.lease_until = PENDING, now, None
    return [r.id for r in rows]


async def drop(session: AsyncSession, row_id: int) -> None:
    """The row goes altogether (done work whose payload must not stay: an erasure's)."""
    await session.execute(sa.delete(Outbox).where(Outbox.id == row_id))
