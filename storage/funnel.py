"""The conversion funnel of the admin pages: how far the conversations started in a period
got, in total and by group. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only count the conversations attributed
to them (`Conversation.agent_id`, `Business.agent_id`); None means everything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

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


def _reached():
    changes = StatusChange.__table__.c
    return (sa.select(
        changes.submission_id,
        sa.func.max(sa.case((changes.to_status == "live", 1), else_=0)).label("live"),
        sa.func.max(sa.case((changes.to_status == "approved", 1), else_=0)).label("approved"))
        .where(changes.to_status.in_(("approved", "live")))
        .group_by(changes.submission_id).subquery("reached"))


def _json(dialect: str, name: str) -> sa.ColumnElement:
    sql = _JSON[dialect]
    return sa.literal_column(sql[name].format(products=sql["products"]))


def _any_product(dialect: str, test: str) -> sa.ColumnElement[bool]:
    sql = _JSON[dialect]
    each = sql["each"].format(products=sql["products"])
    return sa.literal_column(f"EXISTS (SELECT 1 FROM {each} WHERE {sql[test]})")


def _stage(dialect: str, status, reached) -> sa.ColumnElement[int]:
    language = sa.func.coalesce(sa.func.nullif(Conversation.language, ""),
                                sa.func.nullif(_json(dialect, "language"), ""))
    return sa.case(
        (sa.or_(status == "live", reached.c.live > 0), 7),
        (sa.or_(status.in_(("approved", "exported", "handoff_failed")),
                reached.c.approved > 0), 6),
        (status.is_not(None), 5),
        (_any_product(dialect, "photos"), 4),
        (_any_product(dialect, "named"), 3),
        (sa.or_(Conversation.step.in_(_REGISTERED), _json(dialect, "some")), 2),
        (sa.and_(Conversation.step.not_in(("start", "language")), language.is_not(None)), 1),
        else_=0)


def _key(dialect: str, by: str) -> sa.ColumnElement:
    if by == "region":
        return sa.func.coalesce(sa.func.nullif(Business.region, ""),
                                sa.func.nullif(_json(dialect, "region"), ""), "")
    if by == "channel":
        return Conversation.channel
    if by == "language":
        return sa.func.coalesce(sa.func.nullif(Conversation.language, ""),
                                sa.func.nullif(_json(dialect, "language"), ""), "")
    return sa.func.coalesce(Business.agent_id, Conversation.agent_id, 0)


async def funnel(session: AsyncSession, since: datetime, until: datetime, by: str, *,
                 scope_agent: int | None = None) -> Funnel:
    """Conversations started in [since, until) and how far each got, in total and grouped
    by region, channel, language or agent (counts per stage, cumulative): one query that
    counts conversations per (group, stage)."""
    dialect = "sqlite" if session.bind.dialect.name == "sqlite" else "postgresql"
    if dialect == "postgresql":
        # The query's cost estimate over a long period starts PostgreSQL's JIT compiler,
        # whose compiling (0.2-0.7 s) outlasts the query it would speed up.
        await session.execute(sa.text("SET LOCAL jit = off"))
    reached = _reached()
    key = _key(dialect, by).label("key")
    stage = _stage(dialect, Submission.status, reached).label("stage")
    rows = (sa.select(key, stage)
            .select_from(Conversation)
            .outerjoin(Business, Business.conversation_id == Conversation.id)
            .outerjoin(Submission, Submission.business_id == Business.id)
            .outerjoin(reached, reached.c.submission_id == Submission.id)
            # An agent's own chat is not a business starting (NOT EXISTS: an anti-join the
            # planner estimates well, where an outer join's IS NULL made it loop).
            .where(Conversation.created_at >= since, Conversation.created_at < until,
                   ~sa.exists().where(AgentChat.channel == Conversation.channel,
                                      AgentChat.user_ref == Conversation.user_ref)))
    if scope_agent is not None:
        rows = rows.where(sa.or_(Conversation.agent_id == scope_agent,
                                 Business.agent_id == scope_agent))
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
    dialect = "sqlite" if session.bind.dialect.name == "sqlite" else "postgresql"
    reached = _reached()
    rows = await session.execute(
        sa.select(Conversation.created_at, _key(dialect, "channel"), _key(dialect, "language"),
                  _key(dialect, "region"), _key(dialect, "agent"),
                  _stage(dialect, Submission.status, reached))
        .select_from(Conversation)
        .outerjoin(Business, Business.conversation_id == Conversation.id)
        .outerjoin(Submission, Submission.business_id == Business.id)
        .outerjoin(reached, reached.c.submission_id == Submission.id)
        .where(Conversation.id.in_(conversation_ids),
               ~sa.exists().where(AgentChat.channel == Conversation.channel,
                                  AgentChat.user_ref == Conversation.user_ref)))
    return [tuple(row) for row in rows.all()]
