"""The conversion funnel of the admin pages: how far the conversations started in a period
got, in total and by group. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only count the conversations attributed
to them (`Conversation.agent_id`, `Business.agent_id`); None means everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.steps import ORDER
from storage.models import AgentChat, Business, Conversation, StatusChange, Submission

STAGES = ("started", "language", "registered", "product", "photos", "submitted", "approved",
          "live")
GROUPINGS = ("region", "channel", "language", "agent")
_REGISTERED_AT = ORDER.index("product_name")


@dataclass
class Funnel:
    total: list[int]
    groups: list[tuple[Any, list[int]]] = field(default_factory=list)


def _stage(step: str, state: dict, language: str | None, status: str | None,
           reached: set[str]) -> int:
    """How far one conversation got: an index into STAGES (each stage implies those before)."""
    if status == "live" or "live" in reached:
        return 7
    if status in ("approved", "exported", "handoff_failed") or "approved" in reached:
        return 6
    if status is not None:
        return 5
    products = (state.get("draft") or {}).get("products") or []
    if any(isinstance(p, dict) and p.get("photos") for p in products):
        return 4
    if any(isinstance(p, dict) and p.get("name") for p in products):
        return 3
    if step in ORDER and ORDER.index(step) >= _REGISTERED_AT or products:
        return 2
    # The language may be guessed before the owner answers: chosen means past the question.
    if step not in ("start", "language") and (language or state.get("language")):
        return 1
    return 0


async def funnel(session: AsyncSession, since: datetime, until: datetime, by: str, *,
                 scope_agent: int | None = None) -> Funnel:
    """Conversations started in [since, until) and how far each got, in total and grouped
    by region, channel, language or agent (counts per stage, cumulative)."""
    convs = (select(Conversation.id, Conversation.channel, Conversation.language,
                    Conversation.agent_id, Conversation.step, Conversation.state,
                    Business.region, Business.agent_id, Submission.id, Submission.status)
             .outerjoin(Business, Business.conversation_id == Conversation.id)
             .outerjoin(Submission, Submission.business_id == Business.id)
             .outerjoin(AgentChat, sa.and_(AgentChat.channel == Conversation.channel,
                                           AgentChat.user_ref == Conversation.user_ref))
             # An agent's own chat is not a business starting.
             .where(Conversation.created_at >= since, Conversation.created_at < until,
                    AgentChat.id.is_(None)))
    if scope_agent is not None:
        convs = convs.where(sa.or_(Conversation.agent_id == scope_agent,
                                   Business.agent_id == scope_agent))
    rows = (await session.execute(convs)).all()
    submission_ids = [r[8] for r in rows if r[8] is not None]
    reached: dict[int, set[str]] = defaultdict(set)
    for chunk in range(0, len(submission_ids), 500):
        ids = submission_ids[chunk:chunk + 500]
        for sid, status in (await session.execute(
                select(StatusChange.submission_id, StatusChange.to_status).distinct().where(
                    StatusChange.submission_id.in_(ids),
                    StatusChange.to_status.in_(("approved", "live"))))).all():
            reached[sid].add(status)

    total = Counter()
    groups: dict[Any, Counter] = defaultdict(Counter)
    for (_cid, channel, language, conv_agent, step, state, region, business_agent, sid,
         status) in rows:
        state = state if isinstance(state, dict) else {}
        stage = _stage(step, state, language, status, reached.get(sid, set()))
        key = {
            "region": region or (state.get("draft") or {}).get("region") or "",
            "channel": channel,
            "language": language or state.get("language") or "",
            "agent": business_agent or conv_agent or 0,
        }[by]
        for i in range(stage + 1):
            total[i] += 1
            groups[key][i] += 1
    as_list = lambda c: [c[i] for i in range(len(STAGES))]  # noqa: E731
    ordered = sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
    return Funnel(as_list(total), [(k, as_list(c)) for k, c in ordered])

