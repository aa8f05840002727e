"""The funnel's columns on the conversation (storage/funnel.py: `funnel_stage`,
`funnel_region`) stay what the rows they come from say, on SQLite and on PostgreSQL,
through the real write paths: turns saving drafts, a submission, requests for changes and
the resubmission, decisions, the handoff's moves and its retry, an admin's correction, and
rows erased. After each step every conversation's columns equal `staged` over the raw
rows, and the funnel read from them equals the funnel counted from the raw rows."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import select

from flows.model import ConversationState, Draft, Photo, ProductDraft
from storage import conversations, corrections, submissions
from storage import funnel as funnels
from storage.models import (
    Business,
    Conversation,
    FieldEdit,
    Media,
    Product,
    ProductMedia,
    StatusChange,
    Submission,
    User,
    utcnow,
)


async def raw_funnel(session, by: str, scope_agent=None) -> tuple[list[int], list]:
    """The funnel of every conversation (of an agent's) counted from `staged` (the raw
    rows)."""
    dialect = "sqlite" if session.bind.dialect.name == "sqlite" else "postgresql"
    staged = funnels.staged(dialect).subquery()
    rows = (await session.execute(sa.select(staged, Conversation.channel,
                                            Conversation.agent_id).join(
        Conversation, Conversation.id == staged.c.id))).all()
    total, groups = [0] * 8, defaultdict(lambda: [0] * 8)
    for _, stage, region, business_agent, channel, agent in rows:
        if scope_agent is not None and scope_agent not in (business_agent, agent):
            continue
        key = {"region": region, "channel": channel,
               "agent": business_agent or agent or 0}[by]
        for k in range(stage + 1):
            total[k] += 1
            groups[key][k] += 1
    return total, sorted(groups.items(), key=lambda kv: (-kv[1][0], str(kv[0])))


async def check(db) -> dict[str, tuple[int, str]]:
    """Assert the columns and the funnel agree with the raw rows; the columns by user_ref."""
    async with db.transaction() as session:
        dialect = "sqlite" if session.bind.dialect.name == "sqlite" else "postgresql"
        computed = {i: tuple(rest) for i, *rest in
                    (await session.execute(funnels.staged(dialect))).all()}
        stored = {i: tuple(rest) for i, *rest in (await session.execute(
            sa.select(Conversation.id, Conversation.funnel_stage, Conversation.funnel_region,
                      Conversation.funnel_agent))).all()}
        assert stored == computed
        now = utcnow()
        agents = (await session.execute(sa.select(User.id))).scalars().all()
        for by, scope in [(by, None) for by in ("region", "channel", "agent")] + [
                ("region", agent) for agent in agents]:
            result = await funnels.funnel(session, now - timedelta(days=1),
                                          now + timedelta(days=1), by, scope_agent=scope)
            assert (result.total, [(k, v) for k, v in result.groups]) == \
                await raw_funnel(session, by, scope), (by, scope)
        refs = dict((await session.execute(sa.select(Conversation.id, Conversation.user_ref)))
                    .all())
    return {refs[i]: (stage, region) for i, (stage, region, _) in stored.items()}


async def save(db, ref: str, state: ConversationState) -> None:
    async with db.transaction() as session:
        conv = await conversations.lock(session, "web", ref)
        await conversations.save(session, conv, state, inbound_at=utcnow())


async def submit(db, ref: str, state: ConversationState) -> int:
    state.step, state.revision = "submitted", state.revision + 1
    async with db.transaction() as session:
        conv = await conversations.lock(session, "web", ref)
        await conversations.save(session, conv, state, inbound_at=utcnow())
        return (await submissions.record(session, conv, state, utcnow())).id


async def photo(db, ref: str) -> Photo:
    async with db.transaction() as session:
        conv = await conversations.ensure(session, "web", ref)
        media = Media(conversation_id=conv.id, sha256=ref.ljust(64, "0"), kind="photo",
                      content_type="image/jpeg", size=10, width=4, height=3)
        session.add(media)
        await session.flush()
        return Photo(media_id=media.id, width=4, height=3)


def complete(region: str | None, photos: list[Photo]) -> ConversationState:
    return ConversationState(step="review", language="fr", script="Latn", draft=Draft(
        business_name="Tifawin", owner_name="Aïcha", city="Agadir", region=region,
        sector="argan", phone="0661234567", products=[ProductDraft(
            name="Huile d'argan", photos=photos, price={"amount": 150, "unit": "litre"},
            moq={"amount": 2, "unit": "litre"})]))


async def decide(db, sid: int, decision: str, **kw) -> None:
    async with db.transaction() as session:
        await submissions.decide(session, sid, decision, actor="admin", **kw)


async def test_the_columns_follow_every_change(db):
    assert await check(db) == {}

    # A draft going forward, turn after turn: each turn's save keeps its stage and region.
    steps = [
        ConversationState(step="language"),
        ConversationState(step="consent", language="ary"),
        ConversationState(step="business_name", language="ary",
                          draft=Draft(region="oriental")),
        ConversationState(step="product_name", language="ary",
                          draft=Draft(region="oriental", products=[ProductDraft()])),
        ConversationState(step="photos", language="ary", draft=Draft(
            region="oriental", products=[ProductDraft(name="Zit")])),
    ]
    for state, expected in zip(steps, [0, 1, 1, 2, 3], strict=True):
        await save(db, "drafting", state)
        assert (await check(db))["drafting"] == (expected, state.draft.region or "")
    pictured = complete("souss-massa", [await photo(db, "drafting")])
    pictured.step = "description"
    await save(db, "drafting", pictured)
    assert (await check(db))["drafting"] == (4, "souss-massa")

    # Submitted, sent back, changed and resubmitted, approved, exported, retried, live.
    state = complete("souss-massa", [await photo(db, "owner")])
    sid = await submit(db, "owner", state)
    assert (await check(db))["owner"] == (5, "souss-massa")
    await decide(db, sid, "request_changes", reason="the price", items=[])
    state.step = "price"
    state.draft.region = "oriental"  # the draft moves; the business keeps its region
    await save(db, "owner", state)
    assert (await check(db))["owner"] == (5, "souss-massa")
    sid = await submit(db, "owner", state)
    assert (await check(db))["owner"] == (5, "oriental")
    await decide(db, sid, "approve")
    assert (await check(db))["owner"][0] == 6
    async with db.transaction() as session:
        assert await submissions.mark_exported(session, sid, state.revision)
    async with db.transaction() as session:
        await submissions.retry_handoff(session, sid)
    assert (await check(db))["owner"][0] == 6
    async with db.transaction() as session:
        assert await submissions.mark_live(session, sid, state.revision,
                                           storefront_id="s1", url=None)
    assert (await check(db))["owner"] == (7, "oriental")

    # A business without a region takes the draft's, even after it was submitted; it was
    # brought by an agent, whose funnel counts it.
    state = complete(None, [await photo(db, "regionless")])
    async with db.transaction() as session:
        agent = User(email="samira@tijara.ma", name="Samira", role="agent")
        session.add(agent)
        await session.flush()
        (await conversations.ensure(session, "web", "regionless")).agent_id = agent.id
    sid = await submit(db, "regionless", state)
    assert (await check(db))["regionless"] == (5, "")
    async with db.transaction() as session:
        assert (await session.execute(sa.select(Conversation.funnel_agent).where(
            Conversation.user_ref == "regionless"))).scalar_one() == agent.id
        theirs = await funnels.funnel(session, utcnow() - timedelta(days=1), utcnow(),
                                      "agent", scope_agent=agent.id)
        assert theirs.groups == [(agent.id, [1] * 6 + [0] * 2)]
    state.draft.region = "fes-meknes"
    await save(db, "regionless", state)
    assert (await check(db))["regionless"] == (5, "fes-meknes")
    await decide(db, sid, "reject", reason="not a business")
    assert (await check(db))["regionless"] == (5, "fes-meknes")

    # An admin's correction of the region.
    state = complete("souss-massa", [await photo(db, "corrected")])
    sid = await submit(db, "corrected", state)
    async with db.transaction() as session:
        await corrections.correct_business(session, sid, {"region": "casablanca-settat"},
                                           actor="admin")
    assert (await check(db))["corrected"] == (5, "casablanca-settat")
    await decide(db, sid, "approve")
    assert (await check(db))["corrected"] == (6, "casablanca-settat")

    # Erased: its history, submission and business deleted, the draft counts again.
    async with db.transaction() as session:
        for change in (await session.execute(select(StatusChange).where(
                StatusChange.submission_id == sid))).scalars():
            await session.delete(change)
        await session.execute(sa.delete(FieldEdit).where(FieldEdit.submission_id == sid))
        await session.flush()
        submission = await session.get(Submission, sid)
        business = await session.get(Business, submission.business_id)
        await session.delete(submission)
        await session.flush()
        for product in (await session.execute(select(Product).where(
                Product.business_id == business.id))).scalars():
            await session.execute(sa.delete(ProductMedia).where(
                ProductMedia.product_id == product.id))
            await session.delete(product)
        await session.flush()
        await session.delete(business)
    assert (await check(db))["corrected"] == (4, "casablanca-settat")  # the draft corrected too


async def test_a_draft_counts_as_the_sql_counts_it(db):
    """`from_draft` (Python, on every save) and `staged` (SQL) agree on odd drafts too."""
    odd = [
        {"step": "start"},
        {"step": "consent", "language": ""},
        {"step": "language", "language": "fr"},
        {"step": "city", "language": "fr", "draft": None},
        {"step": "city", "draft": {"products": [], "region": ""}},
        {"step": "city", "draft": {"products": [None, 3]}},
        {"step": "city", "draft": {"products": {"name": "x"}}},
        {"step": "city", "draft": {"products": [{"name": ""}, {"photos": []}]}},
        {"step": "city", "draft": {"products": [{"name": None, "photos": [{}]}]}},
        {"step": "city", "draft": {"products": [{"name": "Tapis", "photos": None}]}},
        {"step": "review", "language": "ar", "draft": {"region": "oriental"}},
    ]
    async with db.transaction() as session:
        for i, state in enumerate(odd):
            session.add(Conversation(channel="web", user_ref=f"odd{i}", step=state["step"],
                                     language=state.get("language"), state=state))
    async with db.transaction() as session:
        dialect = "sqlite" if session.bind.dialect.name == "sqlite" else "postgresql"
        rows = (await session.execute(funnels.staged(dialect).add_columns(Conversation.state)
                                      .order_by(Conversation.id))).all()
    assert [funnels.from_draft(state) for *_, state in rows] == \
        [(stage, region) for _, stage, region, _, _ in rows]
    assert [stage for _, stage, *_ in rows] == [0, 0, 0, 1, 0, 2, 0, 2, 4, 3, 2]
