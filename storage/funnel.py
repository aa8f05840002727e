"""The conversion funnel of the admin pages: how far the conversations started in a period
got, in total and by group. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only count the conversations attributed
to them (`Conversation.agent_id`, `Business.agent_id`); None means everything.

A conversation's stage (an index into STAGES), region and business's agent are computed
from its state, its business, its submission and that submission's history (`staged`, in
SQL), but the funnel reads them from columns of the conversation (`funnel_stage`,
`funnel_region`, `funnel_agent`): over a long period it then counts rows of one table
instead of joining four and reading every draft's JSON. The columns are kept in the
transaction that changes what they come from: `conversations.save` writes a draft's
values (`from_draft`, the same rules in Python), and every flush that adds, changes or
deletes a conversation, business, submission or status change recomputes its
conversation's with `staged` (`keep_stages`, registered by storage.db). Migration 0016
backfilled them with `staged` too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from flows.steps import ORDER
from storage.models import (
    AgentChat,
    Business,
    Conversation,
    ErasedCount,
    StatusChange,
    Submission,
)

STAGES = ("started", "language", "registered", "product", "photos", "submitted", "approved",
          "live")
GROUPINGS = ("region", "channel", "language", "agent")
_REGISTERED_AT = ORDER.index("product_name")
SUBMITTED = STAGES.index("submitted")


@dataclass
class Funnel:
    total: list[int]
    groups: list[tuple[Any, list[int]]] = field(default_factory=list)


# A conversation's stage (an index into STAGES, each implying those before), in SQL: the
# submission's status and history first; without a submission, the draft in the state
# (JSON, read with each database's own functions).
_REGISTERED = tuple(ORDER[_REGISTERED_AT:])
_JSON = {
    "postgresql": {
        "products": "conversation.state -> 'draft' -> 'products'",
        "each": "json_array_elements(CASE WHEN json_typeof({products}) = 'array' "
                "THEN {products} END) AS p",
        "photos": "json_typeof(p -> 'photos') = 'array' AND json_array_length("
                  "CASE WHEN json_typeof(p -> 'photos') = 'array' THEN p -> 'photos' END) > 0",
        "named": "p ->> 'name' <> ''",
        "some": "json_typeof({products}) = 'array' AND json_array_length("
                "CASE WHEN json_typeof({products}) = 'array' THEN {products} END) > 0",
        "language": "conversation.state ->> 'language'",
        "region": "conversation.state -> 'draft' ->> 'region'",
    },
    "sqlite": {
        "products": "",
        "each": "json_each(conversation.state, '$.draft.products') AS p",
        "photos": "json_array_length(CASE WHEN p.type = 'object' THEN p.value END, "
                  "'$.photos') > 0",
        "named": "CASE WHEN p.type = 'object' THEN json_extract(p.value, '$.name') END <> ''",
        "some": "json_array_length(conversation.state, '$.draft.products') > 0",
        "language": "json_extract(conversation.state, '$.language')",
        "region": "json_extract(conversation.state, '$.draft.region')",
    },
}


def _dialect(bind) -> str:
    return "sqlite" if bind.dialect.name == "sqlite" else "postgresql"


def _json(dialect: str, name: str) -> sa.ColumnElement:
    sql = _JSON[dialect]
    return sa.literal_column(sql[name].format(products=sql["products"]))


def _any_product(dialect: str, test: str) -> sa.ColumnElement[bool]:
    sql = _JSON[dialect]
    each = sql["each"].format(products=sql["products"])
    return sa.literal_column(f"EXISTS (SELECT 1 FROM {each} WHERE {sql[test]})")


def _ever(to_status: str) -> sa.ColumnElement[bool]:
    """The submission was once moved to `to_status` (an index lookup per submission)."""
    changes = StatusChange.__table__.c
    return sa.exists().where(changes.submission_id == Submission.id,
                             changes.to_status == to_status)


def _stage(dialect: str) -> sa.ColumnElement[int]:
    status = Submission.status
    language = sa.func.coalesce(sa.func.nullif(Conversation.language, ""),
                                sa.func.nullif(_json(dialect, "language"), ""))
    return sa.case(
        (sa.or_(status == "live", _ever("live")), 7),
        (sa.or_(status.in_(("approved", "exported", "handoff_failed")), _ever("approved")), 6),
        (status.is_not(None), 5),
        (_any_product(dialect, "photos"), 4),
        (_any_product(dialect, "named"), 3),
        (sa.or_(Conversation.step.in_(_REGISTERED), _json(dialect, "some")), 2),
        (sa.and_(Conversation.step.not_in(("start", "language")), language.is_not(None)), 1),
        else_=0)


def _region(dialect: str) -> sa.ColumnElement[str]:
    return sa.func.coalesce(sa.func.nullif(Business.region, ""),
                            sa.func.nullif(_json(dialect, "region"), ""), "")


def staged(dialect: str):
    """Every conversation's id, stage, region and business's agent, computed from the rows
    they come from."""
    return (sa.select(Conversation.id, _stage(dialect).label("stage"),
                      _region(dialect).label("region"), Business.agent_id)
            .select_from(Conversation)
            .outerjoin(Business, Business.conversation_id == Conversation.id)
            .outerjoin(Submission, Submission.business_id == Business.id))


def from_draft(state: dict) -> tuple[int, str]:
    """`staged`'s stage and region of a conversation that has no submission, from its state
    as stored (`state.model_dump(mode="json")`, whose step and language are also the
    conversation's columns)."""
    draft = state.get("draft") or {}
    if not isinstance(draft, dict):
        draft = {}
    products = draft.get("products")
    products = products if isinstance(products, list) else []
    objects = [p for p in products if isinstance(p, dict)]
    region = draft.get("region")
    region = region if isinstance(region, str) else ""
    step, language = state.get("step"), state.get("language")
    if any(isinstance(p.get("photos"), list) and p["photos"] for p in objects):
        return 4, region
    if any(p.get("name") not in (None, "") for p in objects):
        return 3, region
    if step in _REGISTERED or products:
        return 2, region
    if step is not None and step not in ("start", "language") and language:
        return 1, region
    return 0, region


def refresh(connection: sa.Connection, conversation_ids: Iterable[int]) -> None:
    """Recompute these conversations' funnel columns with `staged` (synchronous: called
    from a flush, and by the migration's backfill)."""
    ids = sorted(set(conversation_ids))
    conversations = Conversation.__table__
    update = (sa.update(conversations).where(conversations.c.id == sa.bindparam("cid"))
              .values(funnel_stage=sa.bindparam("stage"), funnel_region=sa.bindparam("region"),
                      funnel_agent=sa.bindparam("agent")))
    dialect = _dialect(connection)
    for start in range(0, len(ids), 1000):
        rows = connection.execute(staged(dialect).where(
            Conversation.id.in_(ids[start:start + 1000]))).all()
        if rows:
            connection.execute(update, [
                {"cid": i, "stage": stage, "region": region, "agent": agent}
                for i, stage, region, agent in rows])


def keep_stages(session: Session, _flush_context) -> None:
    """After a flush: recompute the funnel columns of every conversation whose row, or whose
    business, submission or status changes, the flush added, changed or deleted."""
    conversations: set[int] = set()
    businesses: set[int] = set()
    submissions: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Conversation):
            if obj not in session.deleted:
                conversations.add(obj.id)
        elif isinstance(obj, Business):
            conversations.add(obj.conversation_id)
        elif isinstance(obj, Submission):
            businesses.add(obj.business_id)
        elif isinstance(obj, StatusChange):
            submissions.add(obj.submission_id)
    if not (conversations or businesses or submissions):
        return
    connection = session.connection()
    if submissions:
        businesses.update(connection.execute(sa.select(Submission.business_id).where(
            Submission.id.in_(submissions))).scalars())
    if businesses:
        conversations.update(connection.execute(sa.select(Business.conversation_id).where(
            Business.id.in_(businesses))).scalars())
    conversations.discard(None)
    refresh(connection, conversations)


def _key(dialect: str, by: str) -> sa.ColumnElement:
    if by == "region":
        return Conversation.funnel_region
    if by == "channel":
        return Conversation.channel
    if by == "language":
        return sa.func.coalesce(sa.func.nullif(Conversation.language, ""),
                                sa.func.nullif(_json(dialect, "language"), ""), "")
    return sa.func.coalesce(Conversation.funnel_agent, Conversation.agent_id, 0)


async def funnel(session: AsyncSession, since: datetime, until: datetime, by: str, *,
                 scope_agent: int | None = None) -> Funnel:
    """Conversations started in [since, until) and how far each got, in total and grouped
    by region, channel, language or agent (counts per stage, cumulative): one query that
    counts conversations per (group, stage), from the conversation's columns alone."""
    dialect = _dialect(session.bind)
    key = _key(dialect, by).label("key")
    rows = (sa.select(key, Conversation.funnel_stage.label("stage"))
            .select_from(Conversation)
            # An agent's own chat is not a business starting (NOT IN: the few agents' chats
            # hashed once, then probed per row; an anti-join looped over them per row).
            .where(Conversation.created_at >= since, Conversation.created_at < until,
                   sa.tuple_(Conversation.channel, Conversation.user_ref).not_in(
                       sa.select(AgentChat.channel, AgentChat.user_ref))))
    if scope_agent is not None:
        rows = rows.where(sa.or_(Conversation.agent_id == scope_agent,
                                 Conversation.funnel_agent == scope_agent))
    rows = rows.subquery("staged")
    counted = sa.select(rows.c.key, rows.c.stage, sa.func.count()).group_by(
        rows.c.key, rows.c.stage)

    total = [0] * len(STAGES)
    groups: dict[Any, list[int]] = defaultdict(lambda: [0] * len(STAGES))
    erased = await _erased(session, since, until, by, scope_agent)
    for group, reached_stage, count in [*(await session.execute(counted)).all(), *erased]:
        for i in range(reached_stage + 1):
            total[i] += count
            groups[group][i] += count
    ordered = sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
    return Funnel(total, ordered)


async def _erased(session: AsyncSession, since: datetime, until: datetime, by: str,
                  scope_agent: int | None) -> list[tuple[Any, int, int]]:
    """(group, stage, count) of the conversations erased since (storage.erasure), counted
    by the day they began: a period's totals do not shrink when an owner goes."""
    column = {"region": ErasedCount.region, "channel": ErasedCount.channel,
              "language": ErasedCount.language, "agent": ErasedCount.agent_id}[by]
    until_day = until.date() if until.time() == until.min.time() else \
        until.date() + timedelta(days=1)
    query = (sa.select(column, ErasedCount.stage, sa.func.sum(ErasedCount.count))
             .where(ErasedCount.day >= since.date(), ErasedCount.day < until_day)
             .group_by(column, ErasedCount.stage))
    if scope_agent is not None:
        query = query.where(ErasedCount.agent_id == scope_agent)
    return [(group, stage, int(count)) for group, stage, count
            in (await session.execute(query)).all()]


async def stages_of(session: AsyncSession, conversation_ids: list[int]
                    ) -> list[tuple[datetime, str, str, str, int, int]]:
    """(created_at, channel, language, region, agent id, stage) of these conversations,
    as the funnel counts them: what their erasure leaves behind (storage.erasure)."""
    if not conversation_ids:
        return []
    dialect = _dialect(session.bind)
    rows = await session.execute(
        sa.select(Conversation.created_at, _key(dialect, "channel"), _key(dialect, "language"),
                  _key(dialect, "region"), _key(dialect, "agent"), Conversation.funnel_stage)
        .where(Conversation.id.in_(conversation_ids),
               ~sa.exists().where(AgentChat.channel == Conversation.channel,
                                  AgentChat.user_ref == Conversation.user_ref)))
    return [tuple(row) for row in rows.all()]
