"""The review queue of the admin pages: its filters, the text search, the status tabs and
the CSV export's rows. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only see the businesses attributed to
them (`Business.agent_id`); None means everything (an admin).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import (
    Business,
    Media,
    Product,
    ProductMedia,
    ProductTranslation,
    Submission,
    User,
)
from storage.search import Needle


@dataclass
class Filters:
    status: str | None = None
    region: str | None = None
    sector: str | None = None
    channel: str | None = None
    language: str | None = None
    agent: int | str | None = None  # a user id, or "none" for businesses nobody brought
    since: datetime | None = None  # submitted at or after
    until: datetime | None = None  # submitted before
    q: str = ""


@dataclass
class QueueRow:
    submission: Submission
    business: Business
    agent: str | None
    products: int


def _where(query, f: Filters, scope_agent: int | None, *, status: bool = True,
           join: bool = False):
    """Every filter, the text search (storage.search) included. With `join`, the query is
    over Submission alone and Business is joined only when a filter needs it (counting
    by status needs none)."""
    needle = Needle(f.q)
    business = [(column, value) for column, value in (
        (Business.region, f.region), (Business.sector, f.sector),
        (Business.channel, f.channel), (Business.language, f.language)) if value]
    if join and (scope_agent is not None or business or f.agent is not None or needle):
        query = query.join(Business, Business.id == Submission.business_id)
    if scope_agent is not None:
        query = query.where(Business.agent_id == scope_agent)
    if status and f.status:
        query = query.where(Submission.status == f.status)
    for column, value in business:
        query = query.where(column == value)
    if f.agent == "none":
        query = query.where(Business.agent_id.is_(None))
    elif isinstance(f.agent, int):
        query = query.where(Business.agent_id == f.agent)
    if f.since:
        query = query.where(Submission.submitted_at >= f.since)
    if f.until:
        query = query.where(Submission.submitted_at < f.until)
    if needle:
        query = query.where(needle.condition())
    return query


def _order(f: Filters):
    """Those waiting for a review come oldest first (first come, first served); any other
    list newest first."""
    if f.status == "submitted":
        return Submission.submitted_at.asc(), Submission.id
    return Submission.submitted_at.desc(), Submission.id


async def _rows(session: AsyncSession, query) -> list[QueueRow]:
    return [QueueRow(s, b, (name or email) if email else None, n or 0)
            for s, b, name, email, n in (await session.execute(query)).all()]


def _row_query():
    # Counted for the page's rows only (a correlated count, not a GROUP BY of every product).
    products = (select(sa.func.count()).select_from(Product)
                .where(Product.business_id == Business.id).scalar_subquery())
    return (select(Submission, Business, User.name, User.email, products)
            .join(Business, Business.id == Submission.business_id)
            .outerjoin(User, User.id == Business.agent_id))


async def search(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                 page: int = 1, per_page: int = 25, counts: dict[str, int] | None = None,
                 ) -> tuple[list[QueueRow], int]:
    """One page of the queue and the number of matching submissions (in `_order`); pass
    the page's `status_counts` to take that number from them instead of counting again."""
    if counts is None:
        counted = _where(select(sa.func.count()).select_from(Submission), f, scope_agent,
                         join=True)
        total = (await session.execute(counted)).scalar_one()
    else:
        total = counts.get(f.status, 0) if f.status else sum(counts.values())
    # The page's ids first, from the indexes alone (a deep page skips index entries, not
    # rows), then their rows.
    chosen = (_where(select(Submission.id), f, scope_agent, join=True).order_by(*_order(f))
              .limit(per_page).offset((page - 1) * per_page).subquery("chosen"))
    query = _row_query().join(chosen, chosen.c.id == Submission.id).order_by(*_order(f))
    return await _rows(session, query), total


async def status_counts(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                        ) -> dict[str, int]:
    """How many submissions each status has under the other filters (the queue's tabs)."""
    query = _where(select(Submission.status, sa.func.count()).select_from(Submission), f,
                   scope_agent, status=False, join=True)
    return dict((await session.execute(query.group_by(Submission.status))).all())


# --- the export ----------------------------------------------------------------

# The columns of `export`'s rows, in order (bot.admin.export reads them).
EXPORTED = (
    "id", "status", "revision", "submitted_at", "decided_at",
    "name", "owner_name", "phone", "email", "city", "region", "sector", "ice", "language",
    "script", "channel", "certifications", "fda_registered", "export_experience",
    "export_countries", "packaging", "agent_name", "agent_email", "consent_at",
    "product_id", "product_position", "product_name", "title_en", "description",
    "description_en", "type_key", "price_amount", "price_max", "price_unit", "moq_quantity",
    "moq_unit", "capacity_quantity", "capacity_unit", "capacity_per", "lead_time_days",
    "owner_type", "owner_type_asked", "listing", "listing_version", "sha256",
)


async def export(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                 after: int = 0, limit: int = 50_000) -> list[sa.Row]:
    """The first `limit` matching submissions by id after `after`, with the export's columns
    only (EXPORTED), as plain rows: one per photo of each product, one for a product
    without any, one for a submission without products, in the order of the submissions,
    their products and photos. One statement: the ids from the filters' indexes, then
    their rows joined to the business, agent, products, English texts and photos."""
    s, b, u, p = (Submission.__table__, Business.__table__, User.__table__,
                  Product.__table__)
    links, media, english = (ProductMedia.__table__, Media.__table__,
                             ProductTranslation.__table__)
    chosen = (_where(select(Submission.id), f, scope_agent, join=True)
              .where(Submission.id > after).order_by(Submission.id).limit(limit))
    photos = links.join(media, sa.and_(media.c.id == links.c.media_id, media.c.kind == "photo"))
    query = (sa.select(
        s.c.id, s.c.status, s.c.revision, s.c.submitted_at, s.c.decided_at,
        *(b.c[n] for n in ("name", "owner_name", "phone", "email", "city", "region", "sector",
                           "ice", "language", "script", "channel", "certifications",
                           "fda_registered", "export_experience", "export_countries",
                           "packaging")),
        u.c.name, u.c.email, b.c.consent_at, p.c.id, p.c.position, p.c.name, english.c.title_en,
        p.c.description, english.c.description_en, english.c.type_key,
        *(p.c[n] for n in ("price_amount", "price_max", "price_unit", "moq_quantity",
                           "moq_unit", "capacity_quantity", "capacity_unit", "capacity_per",
                           "lead_time_days", "owner_type", "owner_type_asked", "listing",
                           "listing_version")),
        media.c.sha256)
        .select_from(s.join(b, b.c.id == s.c.business_id)
                     .outerjoin(u, u.c.id == b.c.agent_id)
                     .outerjoin(p, p.c.business_id == b.c.id)
                     .outerjoin(english, sa.and_(english.c.business_id == b.c.id,
                                                 english.c.position == p.c.position))
                     .outerjoin(photos, links.c.product_id == p.c.id))
        .where(s.c.id.in_(chosen.correlate(None).scalar_subquery()))
        .order_by(s.c.id, p.c.position, links.c.position))
    return list((await session.execute(query)).all())
