"""The review queue of the admin pages: its filters, the text search, the status tabs and
the CSV export's rows. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only see the businesses attributed to
them (`Business.agent_id`); None means everything (an admin).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.parsing.numbers import fold
from flows.parsing.places import CITIES, City, match_city
from storage.models import (
    Business,
    Media,
    Product,
    ProductMedia,
    ProductTranslation,
    Submission,
    User,
)


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


def _where(query, f: Filters, scope_agent: int | None, *, status: bool = True):
    """Every filter but the text search (`_Needle`, in Python: see `_matching`)."""
    if scope_agent is not None:
        query = query.where(Business.agent_id == scope_agent)
    if status and f.status:
        query = query.where(Submission.status == f.status)
    for column, value in ((Business.region, f.region), (Business.sector, f.sector),
                          (Business.channel, f.channel), (Business.language, f.language)):
        if value:
            query = query.where(column == value)
    if f.agent == "none":
        query = query.where(Business.agent_id.is_(None))
    elif isinstance(f.agent, int):
        query = query.where(Business.agent_id == f.agent)
    if f.since:
        query = query.where(Submission.submitted_at >= f.since)
    if f.until:
        query = query.where(Submission.submitted_at < f.until)
    return query


# --- the text search -------------------------------------------------------------
#
# Neither SQLite's lower()/LIKE nor PostgreSQL's ILIKE folds accents ("fes" vs "Fès"), and
# SQLite folds no case beyond ASCII ("FÈS"), so the text is matched in Python with the
# chat's own folding (flows.parsing.numbers.fold: case, accents, Arabic letter forms), over
# the few text columns of the submissions the other filters leave: two narrow queries,
# then a substring test per row (5 000 submissions with 15 000 products: about 0.1 s on
# SQLite). The scan stops at SEARCH_SCAN submissions (in the queue's order) so that a
# search can never take the site down.
SEARCH_SCAN = 50_000


@functools.lru_cache(maxsize=65_536)
def _folded(text: str) -> str:
    return " ".join(fold(text, 5000).split())


_CITY_NAMES = {_folded(name): city for city in CITIES.values()
               for name in (city.name_fr, city.name_ar)}


@functools.lru_cache(maxsize=8192)
def city_of(text: str | None) -> City | None:
    """The known city a stored city name is (its French or Arabic name, or what the chat
    would take for it without asking), else None."""
    if not text:
        return None
    return _CITY_NAMES.get(_folded(text)) or match_city(text).city


class _Needle:
    """What the admin typed in the search box, ready to test rows against: every word must
    be in a name (business, owner, product), the city (in French or Arabic), the phone or
    the e-mail; a word, or the whole text, that names a city in any spelling ("casa",
    "الصويرة", "dar lbida") also finds the businesses of that city. Digits find a phone
    however it is written, "#12" or "12" the submission."""

    def __init__(self, q: str):
        text = " ".join(q.split())[:100]
        raw = text.split()
        self.words = [_folded(w) for w in raw]
        self.cities: list[str | None] = [None] * len(raw)
        whole = match_city(text).city if 1 < len(raw) <= 4 else None
        single = [match_city(w).city if len(self.words[i]) >= 3 else None
                  for i, w in enumerate(raw)]
        if whole is not None and not any(single):
            self.cities = [whole.id] * len(raw)  # "dar lbida": no word alone is the city
        else:
            self.cities = [c.id if c else None for c in single]
        digits = re.sub(r"\D", "", text)
        self.digits = (digits.removeprefix("0") if len(digits) >= 4
                       and not re.search(r"[^\d\s+().-]", text) else "")
        number = text.lstrip("#")
        self.id = int(number) if number.isdigit() and len(text) <= 9 else None

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, sid: int, texts: list[str | None], phone: str | None,
                city: str | None) -> bool:
        if sid == self.id:
            return True
        if self.digits and phone and self.digits in re.sub(r"\D", "", phone):
            return True
        known = city_of(city)
        haystack = "\n".join(_folded(t) for t in (*texts, phone, city) if t)
        if known is not None:
            haystack += "\n" + _folded(known.name_fr) + "\n" + _folded(known.name_ar)
        return all(word in haystack or (cid is not None and known is not None
                                        and known.id == cid)
                   for word, cid in zip(self.words, self.cities, strict=True))


@dataclass(frozen=True)
class _Found:
    id: int
    status: str


async def _matching(session: AsyncSession, f: Filters, scope_agent: int | None, *,
                    status: bool = True) -> list[_Found] | None:
    """The submissions the search text finds under the other filters, in the queue's order
    (`_order`), or None when there is no text to search. One scan a transaction serves
    both the page and the status tabs (it is made without the status filter)."""
    needle = _Needle(f.q)
    if not needle:
        return None
    key = ("admin_search", repr(replace(f, status=None)), scope_agent, f.status == "submitted")
    found = session.info.get(key)
    if found is None:
        found = session.info[key] = await _scan(session, needle, f, scope_agent)
    return [r for r in found if r.status == f.status] if status and f.status else found


async def _scan(session: AsyncSession, needle: _Needle, f: Filters, scope_agent: int | None,
                ) -> list[_Found]:
    # Table columns, not entities: plain tuples, no ORM bookkeeping for thousands of rows.
    s, b, p = Submission.__table__.c, Business.__table__.c, Product.__table__.c
    rows = (await session.execute(_where(
        sa.select(s.id, s.status, b.name, b.owner_name, b.email, b.phone, b.city)
        .select_from(Submission.__table__.join(Business.__table__, b.id == s.business_id)),
        f, scope_agent, status=False).order_by(*_order(f)).limit(SEARCH_SCAN))).all()
    names: dict[int, list[str]] = defaultdict(list)
    products = _where(sa.select(s.id, p.name).select_from(
        Submission.__table__.join(Business.__table__, b.id == s.business_id)
        .join(Product.__table__, p.business_id == b.id)), f, scope_agent, status=False)
    for sid, name in (await session.execute(products)).all():
        names[sid].append(name)
    return [_Found(sid, st) for sid, st, name, owner, email, phone, city in rows
            if needle.matches(sid, [name, owner, email, *names.get(sid, ())], phone, city)]


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
    products = (select(Product.business_id, sa.func.count().label("n"))
                .group_by(Product.business_id).subquery())
    return (select(Submission, Business, User.name, User.email, products.c.n)
            .join(Business, Business.id == Submission.business_id)
            .outerjoin(User, User.id == Business.agent_id)
            .outerjoin(products, products.c.business_id == Business.id))


async def search(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                 page: int = 1, per_page: int = 25) -> tuple[list[QueueRow], int]:
    """One page of the queue and the number of matching submissions (in `_order`)."""
    found = await _matching(session, f, scope_agent)
    if found is None:
        counted = _where(select(sa.func.count()).select_from(Submission)
                         .join(Business, Business.id == Submission.business_id), f,
                         scope_agent)
        total = (await session.execute(counted)).scalar_one()
        query = _where(_row_query(), f, scope_agent).order_by(*_order(f))
        return await _rows(session, query.limit(per_page).offset((page - 1) * per_page)), total
    ids = [r.id for r in found[(page - 1) * per_page:page * per_page]]
    if not ids:
        return [], len(found)
    rows = await _rows(session, _row_query().where(Submission.id.in_(ids)))
    rank = {sid: i for i, sid in enumerate(ids)}
    return sorted(rows, key=lambda r: rank[r.submission.id]), len(found)


async def status_counts(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                        ) -> dict[str, int]:
    """How many submissions each status has under the other filters (the queue's tabs)."""
    found = await _matching(session, f, scope_agent, status=False)
    if found is not None:
        return dict(Counter(r.status for r in found))
    query = _where(select(Submission.status, sa.func.count()).select_from(Submission)
                   .join(Business, Business.id == Submission.business_id), f, scope_agent,
                   status=False)
    return dict((await session.execute(query.group_by(Submission.status))).all())


# --- the export ----------------------------------------------------------------


@dataclass
class ExportProduct:
    product: Product
    media: list[Media]
    translation: ProductTranslation | None


@dataclass
class ExportRow:
    submission: Submission
    business: Business
    agent: User | None
    products: list[ExportProduct]


async def export(session: AsyncSession, f: Filters, *, scope_agent: int | None = None,
                 limit: int = 50_000) -> list[ExportRow]:
    """Every matching submission with its products, photos and English texts, in a handful
    of queries whatever the number of rows."""
    query = _where(select(Submission, Business, User)
                   .join(Business, Business.id == Submission.business_id)
                   .outerjoin(User, User.id == Business.agent_id), f, scope_agent)
    found = await _matching(session, f, scope_agent)
    if found is None:
        rows = (await session.execute(query.order_by(Submission.id).limit(limit))).all()
    else:
        ids, rows = sorted(r.id for r in found)[:limit], []
        for chunk in range(0, len(ids), 500):
            rows += (await session.execute(query.where(
                Submission.id.in_(ids[chunk:chunk + 500])).order_by(Submission.id))).all()
    business_ids = [b.id for _, b, _ in rows]
    products: dict[int, list[Product]] = defaultdict(list)
    media: dict[int, list[Media]] = defaultdict(list)
    texts: dict[tuple[int, int], ProductTranslation] = {}
    for chunk in range(0, len(business_ids), 500):
        ids = business_ids[chunk:chunk + 500]
        found = (await session.execute(select(Product).where(Product.business_id.in_(ids))
                                       .order_by(Product.business_id, Product.position))
                 ).scalars().all()
        for p in found:
            products[p.business_id].append(p)
        product_ids = [p.id for p in found]
        for start in range(0, len(product_ids), 500):
            for link, m in (await session.execute(
                    select(ProductMedia, Media).join(Media, Media.id == ProductMedia.media_id)
                    .where(ProductMedia.product_id.in_(product_ids[start:start + 500]))
                    .order_by(ProductMedia.product_id, ProductMedia.position))).all():
                media[link.product_id].append(m)
        for t in (await session.execute(select(ProductTranslation).where(
                ProductTranslation.business_id.in_(ids)))).scalars():
            texts[(t.business_id, t.position)] = t
    return [ExportRow(s, b, agent, [
        ExportProduct(p, media[p.id], texts.get((b.id, p.position))) for p in products[b.id]])
        for s, b, agent in rows]
