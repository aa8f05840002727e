"""Submissions: the draft turned into business and product rows, and every status change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.model import ConversationState
from storage import outbox
from storage.models import (
    Business,
    Conversation,
    Media,
    Product,
    ProductMedia,
    StatusChange,
    Submission,
    User,
    utcnow,
)

# What a decision may move a submission to, and from where.
DECISIONS = {
    "approve": ("approved", {"submitted"}),
    "request_changes": ("changes_requested", {"submitted"}),
    "reject": ("rejected", {"submitted", "changes_requested"}),
}
STATUSES = ("submitted", "changes_requested", "approved", "rejected", "live", "handoff_failed")


class InvalidDecision(Exception):
    pass


@dataclass
class ProductView:
    product: Product
    media: list[Media] = field(default_factory=list)


@dataclass
class SubmissionView:
    submission: Submission
    business: Business
    products: list[ProductView]
    agent: User | None = None
    history: list[StatusChange] = field(default_factory=list)


async def record(session: AsyncSession, conversation: Conversation, state: ConversationState,
                 now: datetime) -> Submission:
    """Write the draft as it was submitted, replacing any earlier revision's rows."""
    d = state.draft
    business = (await session.execute(
        select(Business).where(Business.conversation_id == conversation.id))).scalar_one_or_none()
    if business is None:
        business = Business(conversation_id=conversation.id, name="", owner_name="",
                            language="", script="", channel=conversation.channel)
        session.add(business)
    business.name, business.owner_name = d.business_name or "", d.owner_name or ""
    business.phone, business.email, business.ice = d.phone, d.email, d.ice
    business.city, business.region, business.sector = d.city, d.region, d.sector
    business.language, business.script = state.language or "ary", state.script
    business.agent_id, business.consent_at, business.updated_at = (
        conversation.agent_id, state.consent_at, now)
    await session.flush()

    old = select(Product.id).where(Product.business_id == business.id)
    await session.execute(sa.delete(ProductMedia).where(ProductMedia.product_id.in_(old)))
    await session.execute(sa.delete(Product).where(Product.business_id == business.id))
    for position, p in enumerate(d.products):
        product = Product(
            business_id=business.id, position=position, name=p.name or "",
            description=p.description or "",
            price_amount=str(p.price.amount) if p.price else None,
            price_max=str(p.price.amount_max) if p.price and p.price.amount_max else None,
            price_unit=p.price.unit if p.price else None,
            moq_quantity=str(p.moq.amount) if p.moq else None,
            moq_unit=p.moq.unit if p.moq else None,
        )
        session.add(product)
        await session.flush()
        for i, photo in enumerate(p.photos):
            session.add(ProductMedia(product_id=product.id, media_id=photo.media_id, position=i))

    submission = (await session.execute(
        select(Submission).where(Submission.business_id == business.id))).scalar_one_or_none()
    previous = submission.status if submission else None
    if submission is None:
        submission = Submission(business_id=business.id, status="submitted")
        session.add(submission)
    submission.status, submission.revision = "submitted", state.revision
    submission.submitted_at = submission.updated_at = now
    await session.flush()
    session.add(StatusChange(submission_id=submission.id, from_status=previous,
                             to_status="submitted", actor="owner", revision=state.revision, at=now))
    return submission


async def decide(session: AsyncSession, submission_id: int, decision: str, *, actor: str,
                 reason: str = "", items: list[dict] | None = None) -> Submission:
    """Record a review decision; the owner's notice (and, on approval, the storefront
    handoff) is queued in the same transaction, so a decision is never silently lost."""
    to_status, allowed_from = DECISIONS[decision]
    submission = (await session.execute(
        select(Submission).where(Submission.id == submission_id).with_for_update()
    )).scalar_one_or_none()
    if submission is None:
        raise InvalidDecision(f"no submission {submission_id}")
    if submission.status not in allowed_from:
        raise InvalidDecision(f"submission {submission_id} is {submission.status}")
    now = utcnow()
    session.add(StatusChange(submission_id=submission.id, from_status=submission.status,
                             to_status=to_status, actor=actor, reason=reason,
                             revision=submission.revision, at=now))
    submission.status, submission.decided_at, submission.updated_at = to_status, now, now
    await session.flush()
    business = await session.get(Business, submission.business_id)
    event: dict = {"kind": to_status, "note": reason}
    if to_status == "changes_requested":
        event["items"] = items or []
    key = f"{submission.id}-{submission.revision}-{to_status}"
    await outbox.enqueue(session, "notify", f"notify:{key}",
                         {"conversation_id": business.conversation_id, "event": event})
    if to_status == "approved":
        await outbox.enqueue(session, "handoff", f"handoff:{submission.id}-{submission.revision}",
                             {"submission_id": submission.id, "revision": submission.revision})
    return submission


async def views(session: AsyncSession, *, status: str | None = None,
                ids: list[int] | None = None) -> list[SubmissionView]:
    query = select(Submission, Business).join(Business, Business.id == Submission.business_id)
    if status:
        query = query.where(Submission.status == status)
    if ids is not None:
        query = query.where(Submission.id.in_(ids))
    rows = (await session.execute(query.order_by(Submission.id))).all()
    result = []
    for submission, business in rows:
        products = (await session.execute(select(Product).where(
            Product.business_id == business.id).order_by(Product.position))).scalars().all()
        views_ = []
        for product in products:
            media = (await session.execute(
                select(Media).join(ProductMedia, ProductMedia.media_id == Media.id)
                .where(ProductMedia.product_id == product.id)
                .order_by(ProductMedia.position))).scalars().all()
            views_.append(ProductView(product, list(media)))
        agent = await session.get(User, business.agent_id) if business.agent_id else None
        history = (await session.execute(select(StatusChange).where(
            StatusChange.submission_id == submission.id).order_by(StatusChange.id))).scalars()
        result.append(SubmissionView(submission, business, views_, agent, list(history)))
    return result
