"""Submissions: the draft turned into business and product rows, and every status change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows import reasons as review_reasons
from flows.model import BuyerAnswers, ConversationState, DocPhoto
from storage import listings, outbox, review, revisions, search
from storage.models import (
    Business,
    BusinessMedia,
    Conversation,
    Media,
    Outbox,
    Product,
    ProductMedia,
    ProductTranslation,
    StatusChange,
    Submission,
    User,
    utcnow,
)
from storage.review import InvalidDecision

# What a decision may move a submission to, and from where.
DECISIONS = {
    "approve": ("approved", {"submitted"}),
    "request_changes": ("changes_requested", {"submitted"}),
    "reject": ("rejected", {"submitted", "changes_requested"}),
}
STATUSES = ("submitted", "changes_requested", "approved", "rejected", "live", "handoff_failed",
            "exported")
# After approval, the storefront handoff (bot/outbox/handoff.py) moves a submission on:
#   approved -> live            the backend created the storefront (owner gets the link)
#   approved -> exported        no backend configured: written to the export folder
#   approved -> handoff_failed  refused (4xx) or parked after 24 h of retries;
#                               retry_handoff puts it back to approved
HANDED_OFF = ("approved", "exported", "live")  # what the bulk-upload CSV lists


@dataclass
class ProductView:
    product: Product
    media: list[Media] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentPhoto:
    """A photo of a certificate or of the packaging (BusinessMedia.of: what it shows)."""

    of: str
    media: Media


@dataclass
class SubmissionView:
    submission: Submission
    business: Business
    products: list[ProductView]
    agent: User | None = None
    history: list[StatusChange] = field(default_factory=list)
    documents: list[DocumentPhoto] = field(default_factory=list)

    def documents_of(self, of: str) -> list[Media]:
        return [d.media for d in self.documents if d.of == of]


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
    else:  # the revision these rows hold, kept for the next review's "what changed"
        earlier = (await session.execute(select(Submission.id).where(
            Submission.business_id == business.id))).scalar_one_or_none()
        if earlier is not None:
            (view,) = await views(session, ids=[earlier])
            await revisions.keep(session, earlier, view.submission.revision, view)
    business.name, business.owner_name = d.business_name or "", d.owner_name or ""
    business.phone, business.email, business.ice = d.phone, d.email, d.ice
    business.city, business.region, business.sector = d.city, d.region, d.sector
    business.language, business.script = state.language or "ary", state.script
    business.agent_id, business.consent_at, business.updated_at = (
        conversation.agent_id, state.consent_at, now)
    business.consent_version = state.consent_version if state.consent_at else None
    buyer_answers(business, d.buyer)
    search.fill(business, [p.name for p in d.products])
    await session.flush()
    await session.execute(sa.delete(BusinessMedia).where(BusinessMedia.business_id == business.id))
    for position, photo in enumerate(document_photos(d.buyer)):
        session.add(BusinessMedia(business_id=business.id, media_id=photo.media_id,
                                  of=photo.of, position=position))

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
            capacity_quantity=str(p.capacity.quantity) if p.capacity else None,
            capacity_unit=p.capacity.unit if p.capacity else None,
            capacity_per=p.capacity.per if p.capacity else None,
            lead_time_quantity=str(p.lead_time.quantity) if p.lead_time else None,
            lead_time_unit=p.lead_time.unit if p.lead_time else None,
            lead_time_days=p.lead_time.days if p.lead_time else None,
            owner_type=p.type, owner_type_asked=p.type_asked,
        )
        session.add(product)
        await session.flush()
        for i, photo in enumerate(p.photos):
            session.add(ProductMedia(product_id=product.id, media_id=photo.media_id, position=i))
        if p.voice_media_id:  # after the photos, so photo positions stay 0..n-1
            session.add(ProductMedia(product_id=product.id, media_id=p.voice_media_id,
                                     position=len(p.photos)))
    await listings.refresh(session, business)  # the English listing of these words

    submission = (await session.execute(
        select(Submission).where(Submission.business_id == business.id))).scalar_one_or_none()
    previous = submission.status if submission else None
    if submission is None:
        submission = Submission(business_id=business.id, status="submitted")
        session.add(submission)
    submission.status, submission.revision = "submitted", state.revision
    submission.submitted_at = submission.updated_at = now
    # A new revision's handoff is a new try (its own 24 hours, its own image links); a
    # storefront already made (storefront_id) is kept, for the update once approved.
    submission.handoff_started_at = submission.handoff_error = None
    await session.flush()
    session.add(StatusChange(submission_id=submission.id, from_status=previous,
                             to_status="submitted", actor="owner", revision=state.revision, at=now))
    return submission


async def decide(session: AsyncSession, submission_id: int, decision: str, *, actor: str,
                 reason: str = "", items: list[dict] | None = None,
                 reasons: list[str] | None = None) -> Submission:
    """Record a review decision, if the review rules (storage.review) and the submission's
    status allow it (else InvalidDecision, and nothing changes); the owner's notice (and,
    on approval, the storefront handoff) is queued in the same transaction, so a decision
    is never silently lost. `reason` is the reviewer's free note, `reasons` the
    ready-made ones ticked (flows.reasons keys; those the decision does not offer are
    dropped), told to the owner in their own language."""
    to_status, allowed_from = DECISIONS[decision]
    submission = await _locked(session, submission_id)
    if submission is None:
        raise InvalidDecision(f"no submission {submission_id}")
    (view,) = await views(session, ids=[submission_id])
    reasons = review_reasons.chosen(decision, reasons or ())
    review.check(decision, view, reason, items or [], reasons)
    if submission.status not in allowed_from:
        raise InvalidDecision(f"submission {submission_id} is {submission.status}")
    now = utcnow()
    items = (items or []) if to_status == "changes_requested" else []
    session.add(StatusChange(submission_id=submission.id, from_status=submission.status,
                             to_status=to_status, actor=actor, reason=reason, items=items,
                             reasons=reasons, revision=submission.revision, at=now))
    submission.status, submission.decided_at, submission.updated_at = to_status, now, now
    await session.flush()
    business = await session.get(Business, submission.business_id)
    event: dict = {"kind": to_status, "note": reason}
    if to_status == "changes_requested":
        event["items"] = items
    if reasons:
        event["reasons"] = reasons
    if to_status == "approved" and submission.storefront_id:
        event["update"] = True  # changes to a storefront already made: it gets an update
    key = f"{submission.id}-{submission.revision}-{to_status}"
    await outbox.enqueue(session, "notify", f"notify:{key}",
                         {"conversation_id": business.conversation_id, "event": event})
    if to_status == "approved":
        await outbox.enqueue(session, "handoff", f"handoff:{submission.id}-{submission.revision}",
                             {"submission_id": submission.id, "revision": submission.revision})
    return submission


async def views(session: AsyncSession, *, status: str | None = None,
                ids: list[int] | None = None) -> list[SubmissionView]:
    """The submissions (by id), with their products, photos, agent and history."""
    query = _view_query(status)
    if ids is not None:
        query = query.where(Submission.id.in_(ids))
    return await _complete(session, (await session.execute(query.order_by(Submission.id))).all())


# The columns of `page`'s rows, in order (bot.outbox.body.listings reads them).
LISTED = (
    "id", "status", "revision", "submitted_at",
    "name", "owner_name", "phone", "email", "city", "region", "sector", "ice", "language",
    "script", "channel", "consent_at", "agent_id",
    "certifications", "fda_registered", "export_experience", "export_countries", "packaging",
    "agent_name", "approved_at",
    "product_id", "product_name", "description", "price_amount", "price_max", "price_unit",
    "moq_quantity", "moq_unit", "capacity_quantity", "capacity_unit", "capacity_per",
    "lead_time_quantity", "lead_time_unit", "lead_time_days", "owner_type",
    "owner_type_asked", "listing", "listing_version", "title_en", "description_en", "type_key",
    "sha256", "content_type", "width", "height", "size",
)


async def page(session: AsyncSession, *, status: str | None = None, after: int = 0,
               size: int = 1000) -> list[sa.Row]:
    """The next `size` submissions by id after `after`, with what the listing
    (`tijara submissions list`, bot.outbox.body.listings) shows, as plain rows (columns
    LISTED): one per photo of each product, one for a product without any, one for a
    submission without products, in the order of the submissions, their products and
    photos; `approved_at` is the last approval of a submitted revision, the reviewer's
    edits of the English listing the product's position's, `listing` the stored listing
    (storage.listings). The JSON columns (the business's `certifications` and
    `export_countries`, the product's `listing`) come as their stored text, for the reader
    to decode (bot.outbox.body.listings: orjson, several times faster than the driver's
    json.loads). A listing reads them page by page, each in a transaction of its own, and
    never holds them all.

    One statement per page, and no object per row: the page's submissions joined to their
    business, agent, products, photos and English texts, each found by index from those
    submissions."""
    s, b, u, p = (Submission.__table__, Business.__table__, User.__table__,
                  Product.__table__)
    links, media, changes = ProductMedia.__table__, Media.__table__, StatusChange.__table__
    english = ProductTranslation.__table__
    approved = (sa.select(changes.c.at).where(
        changes.c.submission_id == s.c.id, changes.c.to_status == "approved",
        changes.c.from_status == "submitted").order_by(changes.c.id.desc()).limit(1)
        .scalar_subquery())
    # The page's submissions first, with their approval (a LIMIT keeps this a table of its
    # own, so the approval is looked up once per submission, not once per photo).
    chosen = (sa.select(s.c.id, s.c.status, s.c.revision, s.c.submitted_at, s.c.business_id,
                        approved.label("approved_at"))
              .where(s.c.id > after, *([s.c.status == status] if status else []))
              .order_by(s.c.id).limit(size).subquery("chosen"))
    photos = links.join(media, sa.and_(media.c.id == links.c.media_id, media.c.kind == "photo"))

    def column(table, name):  # a JSON column as its text: the reader decodes it (orjson)
        c = table.c[name]
        return sa.cast(c, sa.Text).label(name) if isinstance(c.type, sa.JSON) else c

    query = (sa.select(
        chosen.c.id, chosen.c.status, chosen.c.revision, chosen.c.submitted_at,
        *(column(b, n) for n in ("name", "owner_name", "phone", "email", "city", "region",
                                 "sector", "ice", "language", "script", "channel",
                                 "consent_at", "agent_id", "certifications", "fda_registered",
                                 "export_experience", "export_countries", "packaging")),
        u.c.name, chosen.c.approved_at, p.c.id, p.c.name,
        *(column(p, n) for n in ("description", "price_amount", "price_max", "price_unit",
                                 "moq_quantity", "moq_unit", "capacity_quantity",
                                 "capacity_unit", "capacity_per", "lead_time_quantity",
                                 "lead_time_unit", "lead_time_days", "owner_type",
                                 "owner_type_asked", "listing", "listing_version")),
        english.c.title_en, english.c.description_en, english.c.type_key,
        *(media.c[n] for n in ("sha256", "content_type", "width", "height", "size")))
        .select_from(chosen.join(b, b.c.id == chosen.c.business_id)
                     .outerjoin(u, u.c.id == b.c.agent_id)
                     .outerjoin(p, p.c.business_id == b.c.id)
                     .outerjoin(english, sa.and_(english.c.business_id == b.c.id,
                                                 english.c.position == p.c.position))
                     .outerjoin(photos, links.c.product_id == p.c.id))
        .order_by(chosen.c.id, p.c.position, links.c.position))
    return list((await session.execute(query)).all())


async def page_documents(session: AsyncSession, rows: Sequence[sa.Row],
                         ) -> dict[int, list[tuple]]:
    """The certificate and packaging photos of `page`'s submissions, in one statement:
    {submission id: [(of, sha256, content_type, width, height, size), ...]} in order.
    Those of every submission from the page's first id to its last: the page's, and with
    a status asked for, others between them that the reader does not look up (a range
    costs the database half what a thousand ids to match do)."""
    found: dict[int, list[tuple]] = defaultdict(list)
    if not rows:
        return found
    first, last = rows[0][0], rows[-1][0]  # `page` is in the order of the ids
    s, links, media = Submission.__table__, BusinessMedia.__table__, Media.__table__
    for sid, *image in (await session.execute(
            sa.select(s.c.id, links.c.of, media.c.sha256, media.c.content_type, media.c.width,
                      media.c.height, media.c.size)
            .select_from(s.join(links, links.c.business_id == s.c.business_id)
                         .join(media, media.c.id == links.c.media_id))
            .where(s.c.id.between(first, last)).order_by(s.c.id, links.c.position))).all():
        found[sid].append(tuple(image))
    return found


def document_photos(answers: BuyerAnswers | None) -> list[DocPhoto]:
    """The photos kept with the business: those of the packaging and of a certificate
    still named (one the owner took back, "none" after all, shows nothing), each once."""
    if answers is None:
        return []
    shown = {"packaging", *(f"certificate:{c.kind}" for c in answers.certifications)}
    seen: set[int] = set()
    kept = []
    for photo in answers.photos:
        if photo.of in shown and photo.media_id not in seen:
            seen.add(photo.media_id)
            kept.append(photo)
    return kept


def buyer_answers(business: Business, answers: BuyerAnswers | None) -> None:
    """The business's answers to the buyers' questions (flows.buyerq) onto its row: a
    question skipped (or never asked) stays null; "no certificate" is an empty list."""
    business.buyer_asked = answers is not None
    a = answers or BuyerAnswers()
    business.certifications = None if a.certified is None else [
        {"kind": c.kind, "body": c.body, "number": c.number,
         "expires": c.expires.isoformat() if c.expires else None}
        for c in a.certifications]
    business.fda_registered, business.export_experience = a.fda, a.export
    business.export_countries = list(a.export_countries) if a.export_countries else None
    business.packaging = a.packaging


def _view_query(status: str | None):
    query = (select(Submission, Business, User)
             .join(Business, Business.id == Submission.business_id)
             .outerjoin(User, User.id == Business.agent_id))
    return query.where(Submission.status == status) if status else query


async def _complete(session: AsyncSession, rows) -> list[SubmissionView]:
    """Views of (submission, business, agent) rows: products, their media and the
    histories in one query each."""
    if not rows:
        return []
    products: dict[int, list[ProductView]] = defaultdict(list)
    by_id: dict[int, ProductView] = {}
    for product in (await session.execute(select(Product).where(
            Product.business_id.in_([b.id for _, b, _ in rows]))
            .order_by(Product.business_id, Product.position))).scalars():
        products[product.business_id].append(by_id.setdefault(product.id, ProductView(product)))
    if by_id:
        for product_id, media in (await session.execute(
                select(ProductMedia.product_id, Media)
                .join(Media, Media.id == ProductMedia.media_id)
                .join(Product, Product.id == ProductMedia.product_id)
                .where(Product.business_id.in_([b.id for _, b, _ in rows]))
                .order_by(ProductMedia.product_id, ProductMedia.position))).all():
            by_id[product_id].media.append(media)
    documents: dict[int, list[DocumentPhoto]] = defaultdict(list)
    for business_id, of, media in (await session.execute(
            select(BusinessMedia.business_id, BusinessMedia.of, Media)
            .join(Media, Media.id == BusinessMedia.media_id)
            .where(BusinessMedia.business_id.in_([b.id for _, b, _ in rows]))
            .order_by(BusinessMedia.business_id, BusinessMedia.position))).all():
        documents[business_id].append(DocumentPhoto(of, media))
    history: dict[int, list[StatusChange]] = defaultdict(list)
    for change in (await session.execute(select(StatusChange).where(
            StatusChange.submission_id.in_([s.id for s, _, _ in rows]))
            .order_by(StatusChange.id))).scalars():
        history[change.submission_id].append(change)
    return [SubmissionView(s, b, products[b.id], agent, history[s.id], documents[b.id])
            for s, b, agent in rows]


async def business_of(session: AsyncSession, submission_id: int) -> Business | None:
    return (await session.execute(select(Business).join(
        Submission, Submission.business_id == Business.id)
        .where(Submission.id == submission_id))).scalar_one_or_none()


async def outbox_rows(session: AsyncSession, submission_id: int) -> list[Outbox]:
    """The owner's notices and the storefront handoff queued for this submission
    (their dedupe keys are `notify:<id>-...` and `handoff:<id>-...`)."""
    return list((await session.execute(select(Outbox).where(sa.or_(
        Outbox.dedupe_key.like(f"notify:{submission_id}-%"),
        Outbox.dedupe_key.like(f"handoff:{submission_id}-%"),
    )).order_by(Outbox.id))).scalars())


async def english_texts(session: AsyncSession, business_ids: Iterable[int],
                        ) -> dict[int, dict[int, ProductTranslation]]:
    """The English texts of these businesses' products: {business id: {position: row}}
    (a business without any maps to {}), in one query per 500 businesses."""
    ids = sorted(set(business_ids))
    found: dict[int, dict[int, ProductTranslation]] = {i: {} for i in ids}
    for start in range(0, len(ids), 500):
        for t in (await session.execute(select(ProductTranslation).where(
                ProductTranslation.business_id.in_(ids[start:start + 500])))).scalars():
            found[t.business_id][t.position] = t
    return found


@dataclass(frozen=True)
class Latencies:
    """Approval to storefront of every live submission, as a histogram: how many took at
    most each bound (cumulative), how many in all, and their sum in seconds."""

    within: list[int]
    count: int
    total: float


async def handoff_latencies(session: AsyncSession, bounds: Iterable[float]) -> Latencies:
    """The handoff latency histogram (for /metrics), counted by the database."""
    if session.bind.dialect.name == "sqlite":
        # julianday is a float of days: rounded to the millisecond, or 60 s reads as
        # 60.0000001 s and falls out of the 60 s bucket.
        seconds = sa.func.round((sa.func.julianday(Submission.live_at)
                                 - sa.func.julianday(Submission.decided_at)) * 86400.0, 3)
    else:
        seconds = sa.extract("epoch", Submission.live_at - Submission.decided_at)
    seconds = sa.case((seconds > 0, seconds), else_=0.0)
    bounds = list(bounds)
    row = (await session.execute(sa.select(
        sa.func.count(), sa.func.coalesce(sa.func.sum(seconds), 0.0),
        *(sa.func.coalesce(sa.func.sum(sa.case((seconds <= bound, 1), else_=0)), 0)
          for bound in bounds))
        .where(Submission.live_at.is_not(None), Submission.decided_at.is_not(None)))).one()
    return Latencies(within=[int(n) for n in row[2:]], count=int(row[0]), total=float(row[1]))


def handoff_key(submission: Submission) -> str:
    """The outbox dedupe key of a revision's handoff (also its Idempotency-Key, unprefixed)."""
    return f"handoff:{submission.id}-{submission.revision}"


async def _locked(session: AsyncSession, submission_id: int) -> Submission | None:
    return (await session.execute(
        select(Submission).where(Submission.id == submission_id).with_for_update()
        .execution_options(populate_existing=True))).scalar_one_or_none()


async def _move(session: AsyncSession, submission: Submission, to_status: str, *, actor: str,
                reason: str = "") -> None:
    now = utcnow()
    session.add(StatusChange(submission_id=submission.id, from_status=submission.status,
                             to_status=to_status, actor=actor, reason=reason[:2000],
                             revision=submission.revision, at=now))
    submission.status, submission.updated_at = to_status, now


async def start_handoff(session: AsyncSession, submission_id: int) -> datetime | None:
    """When the current handoff try began (set now on its first attempt)."""
    submission = await _locked(session, submission_id)
    if submission is None:
        return None
    if submission.handoff_started_at is None:
        submission.handoff_started_at = utcnow()
    return submission.handoff_started_at


async def mark_live(session: AsyncSession, submission_id: int, revision: int, *,
                    storefront_id: str | None, url: str | None, actor: str = "worker",
                    reason: str = "") -> bool:
    """The storefront exists (created, or updated with this revision): record it and
    queue the owner's notice with the link.

    False (and nothing changes) unless that revision is approved, or exported and
    now uploaded. Without a link the owner hears nothing more than "approved".
    A storefront made for a revision the owner has changed since is still kept (its
    id), so that the newer revision, once approved, updates it instead of making another.
    """
    submission = await _locked(session, submission_id)
    if submission is not None and submission.revision != revision \
            and submission.storefront_id is None and storefront_id is not None:
        submission.storefront_id, submission.storefront_url = storefront_id, url
        return False
    if (submission is None or submission.revision != revision
            or submission.status not in ("approved", "exported", "handoff_failed")):
        return False
    updated = submission.storefront_id is not None
    await _move(session, submission, "live", actor=actor, reason=reason)
    submission.storefront_id = storefront_id or submission.storefront_id
    submission.storefront_url = url or submission.storefront_url
    submission.live_at, submission.handoff_error = utcnow(), None
    await session.flush()
    if url:
        business = await session.get(Business, submission.business_id)
        await outbox.enqueue(session, "notify", f"notify:{submission.id}-{revision}-live", {
            "conversation_id": business.conversation_id,
            "event": {"kind": "updated" if updated else "live", "url": url}})
    return True


async def mark_exported(session: AsyncSession, submission_id: int, revision: int, *,
                        actor: str = "worker", reason: str = "") -> bool:
    """Written to the local export folder (no storefront backend configured)."""
    submission = await _locked(session, submission_id)
    if submission is None or submission.revision != revision or submission.status != "approved":
        return False
    await _move(session, submission, "exported", actor=actor, reason=reason)
    submission.handoff_error = None
    return True


async def mark_handoff_failed(session: AsyncSession, submission_id: int, revision: int,
                              error: str, *, actor: str = "worker") -> bool:
    """The backend refused it, or it was parked: an admin must look (`retry_handoff`)."""
    submission = await _locked(session, submission_id)
    if submission is None or submission.revision != revision or submission.status != "approved":
        return False
    await _move(session, submission, "handoff_failed", actor=actor, reason=error)
    submission.handoff_error = error[:2000]
    return True


async def note_handoff_error(session: AsyncSession, submission_id: int, error: str) -> None:
    """The last transient failure, shown to admins while the worker keeps retrying."""
    await session.execute(sa.update(Submission).where(Submission.id == submission_id)
                          .values(handoff_error=error[:2000]))


async def retry_handoff(session: AsyncSession, submission_id: int, *,
                        actor: str = "admin") -> Submission:
    """Hand a failed (or exported) submission to the storefront backend again.

    Back to `approved`, with a fresh 24-hour retry window; the revision's outbox row
    is queued again (same dedupe and Idempotency-Key: nothing is created twice).
    """
    submission = await _locked(session, submission_id)
    if submission is None:
        raise InvalidDecision(f"no submission {submission_id}")
    if submission.status not in ("handoff_failed", "exported"):
        raise InvalidDecision(f"submission {submission_id} is {submission.status}")
    await _move(session, submission, "approved", actor=actor, reason="retry handoff")
    submission.handoff_error = submission.handoff_started_at = None
    await session.flush()
    key = handoff_key(submission)
    requeued = await session.execute(
        sa.update(Outbox).where(Outbox.dedupe_key == key)
        .values(status=outbox.PENDING, due_at=utcnow(), attempts=0, lease_until=None,
                last_error="", progress=None))  # the USD rate anchored anew, as the links
    if requeued.rowcount == 0:
        await outbox.enqueue(session, "handoff", key, {"submission_id": submission.id,
                                                       "revision": submission.revision})
    return submission


async def note_consent(session: AsyncSession, conversation_id: int, at: datetime | None,
                       version: int | None) -> None:
    """The owner agreed to the consent again: their business (if sent) says so to admins."""
    await session.execute(sa.update(Business).where(Business.conversation_id == conversation_id)
                          .values(consent_at=at, consent_version=version))


async def owner_summary(session: AsyncSession, conversation_id: int, agent_id: int | None
                        ) -> tuple[Business | None, Submission | None, str | None]:
    """What "my data" adds to the draft: the business and submission, the agent's name."""
    business = (await session.execute(select(Business).where(
        Business.conversation_id == conversation_id))).scalar_one_or_none()
    submission = None
    if business is not None:
        submission = (await session.execute(select(Submission).where(
            Submission.business_id == business.id))).scalar_one_or_none()
        agent_id = business.agent_id or agent_id
    agent = await session.get(User, agent_id) if agent_id else None
    return business, submission, (agent.name or None) if agent else None
