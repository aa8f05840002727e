"""Erasing a person (law 09-08): their conversations and everything that hangs off them.

`erase` runs in the caller's transaction. Where a conversation's personal data lives is
the table `WHERE` below, children before parents (the foreign keys): a new table with a
conversation, business, submission, product or media column must be added to it, or to
`NOT_PERSONAL` with the reason (tests/unit/test_erasure_registry.py fails until it is).

What stays: a row of `erased_count` per (day begun, stage reached, cause, channel,
language, region, agent) so the funnel keeps its totals, and one audit entry with ids,
counts and the reason, nothing of the person's. What cannot be done in a transaction
is queued in the same one, so it happens whatever stops afterwards:
- "storefront_delete" rows ask the storefront backend to take a storefront down (payload:
  its id only; bot/outbox/unpublish.py);
- one "erase_files" row removes the export folder's files and the media files no other
  row refers to, then rewrites products.csv, and goes itself (bot/outbox/erase_files.py).

The field agent who filled a draft in keeps no trace of it either: their console no
longer points at it, and their own chat's messages (what they typed for the owner, what
the bot showed them) that name the owner go too (`_agent_chats`).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from flows.parsing.contact import Phone, parse_phone
from storage import audit, outbox
from storage.funnel import stages_of
from storage.models import (
    AgentChat,
    Business,
    Conversation,
    ErasedCount,
    Inbound,
    Media,
    Outbox,
    Product,
    Submission,
)

# Why a person's data went: asked in the chat, by an admin (with a reason), on the
# command line, or by the retention rules (bot/outbox/retention.py).
CAUSES = ("owner", "admin", "cli", "abandoned_draft", "rejected")
ERASE_FILES = "erase_files"
STOREFRONT_DELETE = "storefront_delete"


@dataclass(frozen=True)
class Holds:
    """Table `table` holds personal data of the `key` (conversation, business, submission,
    product, media) whose id is in `column`; with `path`, in that key of a JSON column."""

    table: str
    column: str
    key: str
    path: str | None = None


# Where personal data of a conversation lives: deleted in this order.
WHERE: tuple[Holds, ...] = (
    Holds("fieldedit", "submission_id", "submission"),
    Holds("revisionsnapshot", "submission_id", "submission"),
    Holds("statuschange", "submission_id", "submission"),
    Holds("submission", "business_id", "business"),
    Holds("producttranslation", "business_id", "business"),
    Holds("productmedia", "product_id", "product"),
    Holds("productmedia", "media_id", "media"),
    Holds("business_media", "business_id", "business"),
    Holds("business_media", "media_id", "media"),
    Holds("product", "business_id", "business"),
    Holds("business", "conversation_id", "conversation"),
    Holds("whatsapp_status", "conversation_id", "conversation"),
    Holds("inbound", "conversation_id", "conversation"),
    Holds("outbox", "conversation_id", "conversation"),
    # Notifications and handoffs name theirs in the payload only.
    Holds("outbox", "payload", "conversation", path="conversation_id"),
    Holds("outbox", "payload", "submission", path="submission_id"),
    Holds("support_reply", "conversation_id", "conversation"),
    Holds("support_request", "conversation_id", "conversation"),
    Holds("media", "conversation_id", "conversation"),
    Holds("conversation", "id", "conversation"),
)
# Tables with such a column that hold nothing of a person's, and why.
NOT_PERSONAL: dict[str, str] = {
    "auditentry": "ids and counts only, never an owner's data; append-only (storage.audit)",
    "erased_count": "what stays on purpose: anonymous counts",
}
# The columns that name a person's things: a table with one must be in WHERE or NOT_PERSONAL.
KEY_COLUMNS = {"conversation_id": "conversation", "business_id": "business",
               "submission_id": "submission", "product_id": "product", "media_id": "media"}
KEY_TABLES = {"conversation", "business", "submission", "product", "media"}


@dataclass
class Erased:
    """What went: rows by table, the files and storefronts queued for removal."""

    conversations: list[int] = field(default_factory=list)
    rows: Counter = field(default_factory=Counter)
    files: int = 0  # media files (photos, thumbnails, voice notes) queued for removal
    exports: int = 0  # export folders queued for removal
    storefronts: int = 0  # storefront deletions queued
    files_row: int | None = None  # the "erase_files" outbox row, to run at once if one can

    def summary(self) -> dict:
        return {"conversations": len(self.conversations), "rows": dict(sorted(self.rows.items())),
                "files": self.files, "exports": self.exports, "storefronts": self.storefronts}


class NotFound(LookupError):
    """Nobody is known by that phone or id."""


# --- whom ------------------------------------------------------------------------


async def find(session: AsyncSession, who: str) -> list[int]:
    """The conversations of a person named on the command line or the admin pages: a
    phone number (any way it is written: every conversation whose WhatsApp number,
    submitted phone or draft phone it is), a submission id ("12"), or a conversation id
    ("conversation:12"). NotFound when there are none."""
    text = who.strip()
    conversation = re.fullmatch(r"(?:conversation|c):(\d{1,12})", text, re.I)
    if conversation:
        ids = [int(conversation.group(1))]
        found = (await session.execute(sa.select(Conversation.id).where(
            Conversation.id.in_(ids)))).scalars().all()
    elif re.fullmatch(r"\d{1,7}", text):  # a phone has more digits than this
        found = (await session.execute(
            sa.select(Business.conversation_id).join(Submission,
                                                     Submission.business_id == Business.id)
            .where(Submission.id == int(text)))).scalars().all()
    else:
        phone = parse_phone(text)
        if not isinstance(phone, Phone):
            raise NotFound(f"not a phone number nor an id: {who!r}")
        found = await by_phone(session, phone.e164)
    if not found:
        raise NotFound(f"nobody known as {who!r}")
    return sorted(set(found))


async def by_phone(session: AsyncSession, e164: str) -> list[int]:
    """Owners' conversations tied to this number (never a field agent's own chat)."""
    draft_phone = Conversation.state[("draft", "phone")].as_string()
    found = (await session.execute(
        sa.select(Conversation.id)
        .outerjoin(Business, Business.conversation_id == Conversation.id)
        .where(sa.or_(Conversation.user_ref.in_((e164, f"whatsapp:{e164}")),
                      Business.phone == e164, draft_phone == e164),
               ~sa.exists().where(AgentChat.channel == Conversation.channel,
                                  AgentChat.user_ref == Conversation.user_ref)))).scalars()
    return list(found)


# --- erasing ---------------------------------------------------------------------


async def erase(session: AsyncSession, conversation_ids: list[int], *, cause: str,
                actor: str, remote: str = "", reason: str = "") -> Erased:
    """Erase these conversations and all that hangs off them, in the caller's transaction
    (lock them first: bot/erasure.py). `reason`: an admin's, kept in the audit entry."""
    assert cause in CAUSES, cause
    erased = Erased(conversations=sorted(set(conversation_ids)))
    if not erased.conversations:
        return erased
    if session.bind.dialect.name == "postgresql":  # a turn under way finishes first
        await session.execute(sa.select(Conversation.id).where(
            Conversation.id.in_(erased.conversations)).with_for_update())
    ids = await _ids(session, erased.conversations)
    files = await _files(session, ids["media"])
    storefronts = sorted(set((await session.execute(
        sa.select(Submission.storefront_id).where(Submission.id.in_(ids["submission"]),
                                                  Submission.storefront_id.is_not(None))
    )).scalars()))
    needles = await _needles(session, erased.conversations)
    await _count(session, erased.conversations, cause)
    await _agent_chats(session, erased, needles)

    for holds in WHERE:
        keys = ids[holds.key]
        if not keys:
            continue
        table = SQLModel.metadata.tables[holds.table]
        column = table.c[holds.column]
        where = (column[holds.path].as_integer().in_(keys) if holds.path
                 else column.in_(keys))
        if holds.path:  # only the rows that carry no id of their own
            where = sa.and_(where, table.c.conversation_id.is_(None))
        result = await session.execute(sa.delete(table).where(where))
        erased.rows[holds.table] += result.rowcount or 0

    for storefront_id in storefronts:
        await outbox.enqueue(session, STOREFRONT_DELETE, f"storefront-delete:{storefront_id}",
                             {"storefront_id": storefront_id})
    erased.storefronts = len(storefronts)
    erased.files, erased.exports = len(files), len(ids["submission"])
    if files or ids["submission"]:
        # The hashes wait here until the files are gone; the row then goes too.
        key = f"erase-files:{time.time_ns()}:{erased.conversations[0]}"
        erased.files_row = await outbox.enqueue(
            session, ERASE_FILES, key, {"files": sorted(files), "exports": ids["submission"],
                                        "cutoff": time.time()})
    await audit.record(session, actor=actor, action="erase",
                       subject=f"conversation:{','.join(map(str, erased.conversations))}"[:80],
                       remote=remote, detail={"cause": cause, "reason": reason[:500],
                                              **erased.summary()})
    return erased


async def _ids(session: AsyncSession, conversation_ids: list[int]) -> dict[str, list[int]]:
    async def ids(query) -> list[int]:
        return sorted(set((await session.execute(query)).scalars()))

    business = await ids(sa.select(Business.id).where(
        Business.conversation_id.in_(conversation_ids)))
    return {
        "conversation": conversation_ids,
        "business": business,
        "submission": await ids(sa.select(Submission.id).where(
            Submission.business_id.in_(business))),
        "product": await ids(sa.select(Product.id).where(Product.business_id.in_(business))),
        "media": await ids(sa.select(Media.id).where(
            Media.conversation_id.in_(conversation_ids))),
    }


async def _files(session: AsyncSession, media_ids: list[int]) -> set[str]:
    """Every stored file of these media rows (normalised photo, thumbnail, voice note)."""
    if not media_ids:
        return set()
    rows = await session.execute(sa.select(Media.sha256, Media.thumbnail_sha256)
                                 .where(Media.id.in_(media_ids)))
    return {sha for row in rows for sha in row if sha}


async def _needles(session: AsyncSession, conversation_ids: list[int]) -> set[str]:
    """The words that name the person (names, phone, e-mail, ICE), to find them in a field
    agent's chat."""
    found: set[str] = set()
    for b in (await session.execute(sa.select(Business).where(
            Business.conversation_id.in_(conversation_ids)))).scalars():
        found.update(v for v in (b.name, b.owner_name, b.phone, b.email, b.ice) if v)
    for (state,) in await session.execute(sa.select(Conversation.state).where(
            Conversation.id.in_(conversation_ids))):
        draft = (state or {}).get("draft") or {}
        found.update(str(draft[k]) for k in ("business_name", "owner_name", "phone", "email",
                                             "ice") if draft.get(k))
    phones = {n for n in found if n.startswith("+212")}
    found.update("0" + n[4:] for n in phones)  # "0661...", as an agent types it
    found.update(n[1:] for n in phones)  # "212661..."
    return {n for n in found if len(n) >= 4}


async def _agent_chats(session: AsyncSession, erased: Erased, needles: set[str]) -> None:
    """The field agents' side: a console pointing at an erased draft lets go of it, and
    their chat's messages and replies that name the person go."""
    agent_convs = list((await session.execute(
        sa.select(Conversation).join(AgentChat, sa.and_(
            AgentChat.channel == Conversation.channel,
            AgentChat.user_ref == Conversation.user_ref)))).scalars())
    gone = set(erased.conversations)
    for conv in agent_convs:
        console = (conv.state or {}).get("console") or {}
        if console.get("target") in gone:
            conv.state = {**conv.state, "console": {**console, "target": None, "asking": None}}
            erased.rows["agent_links"] += 1
    if not needles or not agent_convs:
        return
    ids = [c.id for c in agent_convs]
    for table, column in ((Inbound, Inbound.raw), (Outbox, Outbox.payload)):
        owner = table.conversation_id
        rows = (await session.execute(sa.select(table.id, column).where(owner.in_(ids)))).all()
        doomed = [row_id for row_id, value in rows if _names(value, needles)]
        if doomed:
            if table is Inbound:  # the message stays processed, its words go
                await session.execute(sa.update(Inbound).where(Inbound.id.in_(doomed))
                                      .values(raw={}))
            else:
                await session.execute(sa.delete(Outbox).where(Outbox.id.in_(doomed)))
            erased.rows[f"agent_{table.__tablename__}"] += len(doomed)


def _names(value: object, needles: set[str]) -> bool:
    text = json.dumps(value, ensure_ascii=False).casefold()
    return any(n.casefold() in text for n in needles)


async def _count(session: AsyncSession, conversation_ids: list[int], cause: str) -> None:
    """One more in `erased_count` for each conversation, as the funnel counted it."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    for created, channel, language, region, agent, stage in await stages_of(
            session, conversation_ids):
        values = {"day": created.astimezone(UTC).date(), "stage": stage, "cause": cause,
                  "channel": channel or "", "language": language or "",
                  "region": region or "", "agent_id": agent or 0, "count": 1}
        statement = insert(ErasedCount.__table__).values(**values)
        await session.execute(statement.on_conflict_do_update(
            index_elements=["day", "stage", "cause", "channel", "language", "region",
                            "agent_id"],
            set_={"count": ErasedCount.__table__.c["count"] + 1}))


async def counts_by_cause(session: AsyncSession) -> list[tuple[str, int]]:
    """(cause, conversations erased) since the beginning (for /metrics)."""
    rows = await session.execute(sa.select(ErasedCount.cause, sa.func.sum(ErasedCount.count))
                                 .group_by(ErasedCount.cause))
    return [(cause, int(n)) for cause, n in rows.all()]
