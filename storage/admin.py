"""Queries of the admin pages: accounts, login throttling, the review queue, corrections,
the handoff state, the funnel and the export. Functions take a session and never commit.

`scope_agent` is the id of a field agent who may only see the businesses attributed to
them (`Business.agent_id`, `Conversation.agent_id`); None means everything (an admin).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.parsing.numbers import fold
from flows.parsing.places import CITIES, City, match_city
from flows.steps import ORDER
from storage.conversations import StaleConversation
from storage.models import (
    AgentChat,
    Business,
    Conversation,
    FieldEdit,
    LoginFailure,
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

ROLES = ("admin", "agent")
# A submission's rows may be corrected while a person still has to act on it.
EDITABLE = ("submitted", "changes_requested", "handoff_failed")


# --- accounts and login throttling -----------------------------------------


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return (await session.execute(
        select(User).where(User.email == email.strip().lower()))).scalar_one_or_none()


async def create_user(session: AsyncSession, *, email: str, password_hash: str, name: str = "",
                      role: str = "admin") -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    user = User(email=email.strip().lower(), name=name, role=role, password_hash=password_hash)
    session.add(user)
    await session.flush()
    return user


async def end_sessions(session: AsyncSession, user_id: int) -> None:
    """Log the user out everywhere: every session cookie signed before now stops working
    (bot.admin.auth checks the epoch), a copy kept from before included."""
    await session.execute(sa.update(User).where(User.id == user_id).values(
        session_epoch=sa.func.coalesce(User.session_epoch, 0) + 1))


async def agents(session: AsyncSession) -> list[User]:
    """Everyone a business may be attributed to, for the agent filter."""
    attributed = select(Business.agent_id).where(Business.agent_id.is_not(None))
    return list((await session.execute(select(User).where(
        sa.or_(User.role == "agent", User.id.in_(attributed))).order_by(User.name, User.email)
    )).scalars())


@dataclass(frozen=True)
class Failures:
    """Failed logins since a moment: of one (email, address) pair, of the account from any
    address, and from the address for any account."""

    pair: int
    account: int
    address: int


async def failures(session: AsyncSession, email: str, ip: str, since: datetime) -> Failures:
    """One query over the rows of the account or of the address (ix_loginfailure_email_ip
    finds the first, ix_loginfailure_ip the second)."""
    of_account, of_address = LoginFailure.email == email, LoginFailure.ip == ip

    def count(condition):
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    row = (await session.execute(
        select(count(sa.and_(of_account, of_address)), count(of_account), count(of_address))
        .where(sa.or_(of_account, of_address), LoginFailure.at >= since))).one()
    return Failures(*(int(n) for n in row))


async def record_failure(session: AsyncSession, email: str, ip: str, *, keep_since: datetime,
                         ) -> None:
    """Remember a failed login; rows older than `keep_since` are no longer needed."""
    await session.execute(sa.delete(LoginFailure).where(LoginFailure.at < keep_since))
    session.add(LoginFailure(email=email[:254], ip=ip[:64], at=utcnow()))


async def clear_failures(session: AsyncSession, email: str) -> None:
    """After a good login: the account's failures, from every address, its pair's among them.
    The address's failures for other accounts stay, so that an account of one's own does not
    reset the count of an address trying many."""
    await session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email))


# --- the review queue --------------------------------------------------------


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


async def business_of(session: AsyncSession, submission_id: int) -> Business | None:
    return (await session.execute(select(Business).join(
        Submission, Submission.business_id == Business.id)
        .where(Submission.id == submission_id))).scalar_one_or_none()


# --- the detail page ---------------------------------------------------------


async def edits(session: AsyncSession, submission_id: int) -> list[FieldEdit]:
    return list((await session.execute(select(FieldEdit).where(
        FieldEdit.submission_id == submission_id).order_by(FieldEdit.id))).scalars())


async def translations(session: AsyncSession, business_id: int) -> dict[int, ProductTranslation]:
    """The English texts of a business's products, by product position."""
    rows = (await session.execute(select(ProductTranslation).where(
        ProductTranslation.business_id == business_id))).scalars()
    return {t.position: t for t in rows}


async def voice_notes(session: AsyncSession, conversation_id: int) -> list[Media]:
    """Every audio file the owner sent in this conversation (linked to a product or not)."""
    return list((await session.execute(select(Media).where(
        Media.conversation_id == conversation_id, Media.kind == "audio")
        .order_by(Media.id))).scalars())


async def outbox_rows(session: AsyncSession, submission_id: int) -> list[Outbox]:
    """The owner's notices and the storefront handoff queued for this submission
    (their dedupe keys are `notify:<id>-...` and `handoff:<id>-...`)."""
    return list((await session.execute(select(Outbox).where(sa.or_(
        Outbox.dedupe_key.like(f"notify:{submission_id}-%"),
        Outbox.dedupe_key.like(f"handoff:{submission_id}-%"),
    )).order_by(Outbox.id))).scalars())


# --- corrections -------------------------------------------------------------

# Business column -> the draft key in Conversation.state (the same names but one).
BUSINESS_COLUMNS = {"business_name": "name", "owner_name": "owner_name", "phone": "phone",
                    "email": "email", "city": "city", "region": "region", "sector": "sector",
                    "ice": "ice"}
PRODUCT_COLUMNS = ("name", "description", "price_amount", "price_max", "price_unit",
                   "moq_quantity", "moq_unit")


class NotEditable(Exception):
    pass


def _text(value: Any) -> str:
    return "" if value is None else str(value)


async def _lock(session: AsyncSession, submission_id: int
                ) -> tuple[Submission, Business, Conversation | None]:
    """Lock what a correction touches, in the order a turn does (the conversation first,
    then the submission), so an owner resubmitting at that moment never deadlocks."""
    business = await business_of(session, submission_id)
    if business is None:
        raise NotEditable(f"no submission {submission_id}")
    query = select(Conversation).where(Conversation.id == business.conversation_id)
    if session.bind.dialect.name == "postgresql":
        query = query.with_for_update()
    conv = (await session.execute(query.execution_options(populate_existing=True))
            ).scalar_one_or_none()
    submission = (await session.execute(select(Submission).where(
        Submission.id == submission_id).with_for_update()
        .execution_options(populate_existing=True))).scalar_one()
    if submission.status not in EDITABLE:
        raise NotEditable(f"submission {submission_id} is {submission.status}")
    return submission, await session.get(Business, business.id, populate_existing=True), conv


async def _sync_draft(session: AsyncSession, conv: Conversation | None, change) -> None:
    """Apply a correction to the owner's draft too, so a later resubmission (which rewrites
    the business and product rows from the draft) keeps it."""
    if conv is None or not isinstance(conv.state, dict):
        return
    state = dict(conv.state)
    draft = dict(state.get("draft") or {})
    change(draft)
    state["draft"] = draft
    result = await session.execute(
        sa.update(Conversation)
        .where(Conversation.id == conv.id, Conversation.version == conv.version)
        .values(state=state, version=conv.version + 1, updated_at=utcnow()))
    if result.rowcount != 1:
        raise StaleConversation(conv.id)


def _log(session: AsyncSession, submission_id: int, name: str, old: Any, new: Any,
         actor: str, now: datetime) -> FieldEdit:
    edit = FieldEdit(submission_id=submission_id, field=name, old=_text(old)[:4000],
                     new=_text(new)[:4000], actor=actor, at=now)
    session.add(edit)
    return edit


async def correct_business(session: AsyncSession, submission_id: int, changes: dict[str, Any],
                           *, actor: str) -> list[FieldEdit]:
    """Change business fields (keys of BUSINESS_COLUMNS, values already validated); each
    real change is logged with its old and new value. Unchanged values are ignored.

    A city is read as the chat reads it (flows.parsing.places.match_city): one it is sure
    of is stored by its name ("casa" -> "Casablanca") and, unless the same correction picks
    another region, brings its region along. Any other text is kept as typed, and the
    region stays what it was (`city_of` tells the page so)."""
    _, business, conv = await _lock(session, submission_id)
    changes = dict(changes)
    if changes.get("city"):
        known = match_city(changes["city"]).city
        if known is not None:
            changes["city"] = known.name_fr
            region_kept = _text(changes.get("region", business.region)) == _text(business.region)
            if _text(known.name_fr) != _text(business.city) and region_kept:
                changes["region"] = known.region_id
    now, logged, draft_changes = utcnow(), [], {}
    for name, value in changes.items():
        column = BUSINESS_COLUMNS[name]
        old = getattr(business, column)
        if _text(old) == _text(value):
            continue
        setattr(business, column, value)
        draft_changes[name] = value
        logged.append(_log(session, submission_id, name, old, value, actor, now))
    if not logged:
        return []
    business.updated_at = now

    def change(draft: dict) -> None:
        for name, value in draft_changes.items():
            draft[name] = value
            if name == "city":
                match = match_city(value or "").city if value else None
                draft["city_id"] = match.id if match else None

    await _sync_draft(session, conv, change)
    await session.flush()
    return logged


def _amount(amount: str | None, amount_max: str | None, unit: str | None) -> dict | None:
    if not amount:
        return None
    return {"amount": amount, "amount_max": amount_max or None, "unit": unit or None}


async def correct_product(session: AsyncSession, submission_id: int, product_id: int,
                          changes: dict[str, Any], *, actor: str) -> list[FieldEdit]:
    """Change product columns (PRODUCT_COLUMNS); logged as "product:<n>:<column>"."""
    _, business, conv = await _lock(session, submission_id)
    product = await session.get(Product, product_id)
    if product is None or product.business_id != business.id:
        raise NotEditable(f"no product {product_id} in submission {submission_id}")
    now, logged = utcnow(), []
    for column, value in changes.items():
        if column not in PRODUCT_COLUMNS:
            raise ValueError(column)
        old = getattr(product, column)
        if _text(old) == _text(value):
            continue
        setattr(product, column, value)
        logged.append(_log(session, submission_id, f"product:{product.position + 1}:{column}",
                           old, value, actor, now))
    if not logged:
        return []
    business.updated_at = now

    def change(draft: dict) -> None:
        products = list(draft.get("products") or [])
        if not 0 <= product.position < len(products):
            return
        p = dict(products[product.position])
        p["name"], p["description"] = product.name, product.description
        p["price"] = _amount(product.price_amount, product.price_max, product.price_unit)
        p["moq"] = _amount(product.moq_quantity, None, product.moq_unit)
        products[product.position] = p
        draft["products"] = products

    await _sync_draft(session, conv, change)
    await session.flush()
    return logged


async def save_translation(session: AsyncSession, submission_id: int, position: int, *,
                           title_en: str, description_en: str, actor: str) -> list[FieldEdit]:
    """Write a product's English title and description; each change is logged too."""
    _, business, conv = await _lock(session, submission_id)
    exists = (await session.execute(select(Product.id).where(
        Product.business_id == business.id, Product.position == position))).first()
    if exists is None:
        raise NotEditable(f"no product at position {position}")
    row = (await session.execute(select(ProductTranslation).where(
        ProductTranslation.business_id == business.id,
        ProductTranslation.position == position))).scalar_one_or_none()
    if row is None:
        row = ProductTranslation(business_id=business.id, position=position)
        session.add(row)
    now, logged = utcnow(), []
    for column, value in (("title_en", title_en), ("description_en", description_en)):
        old = getattr(row, column) or ""
        if old != value:
            setattr(row, column, value)
            logged.append(_log(session, submission_id, f"product:{position + 1}:{column}",
                               old, value, actor, now))
    if logged:
        row.updated_by, row.updated_at = actor, now
    await session.flush()
    return logged


# --- the funnel ----------------------------------------------------------------

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
