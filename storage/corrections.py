"""Corrections by admins of a submitted business and its products, and the products'
English texts, each logged as a FieldEdit. Functions take a session and never commit.

A correction changes the business and product rows and the owner's draft alike, so that
a later resubmission (which rewrites the rows from the draft) keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.model import Amount, ConversationState, Draft
from flows.parsing.places import match_city
from storage import conversations, listings, search
from storage.models import (
    Business,
    Conversation,
    FieldEdit,
    Product,
    ProductTranslation,
    Submission,
    utcnow,
)
from storage.submissions import business_of

# A submission's rows may be corrected while a person still has to act on it.
EDITABLE = ("submitted", "changes_requested", "handoff_failed")

# A correction's field (the draft's name for it) -> its Business column (the same but one).
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


async def _sync_draft(session: AsyncSession, conv: Conversation | None,
                      change: Callable[[Draft], None]) -> None:
    """Apply a correction to the owner's draft too, through the draft's own model (the
    one the chat reads and writes), and store the state as a turn does: under the
    conversation's version check (the owner did not write: inbound_at stays)."""
    if conv is None:
        return
    state = ConversationState.model_validate(conv.state or {})
    change(state.draft)
    await conversations.save(session, conv, state, inbound_at=None)


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

    def change(draft: Draft) -> None:
        for name, value in draft_changes.items():
            setattr(draft, name, value)
            if name == "city":
                match = match_city(value).city if value else None
                draft.city_id = match.id if match else None

    await _sync_draft(session, conv, change)
    await session.flush()
    await search.refresh(session, business)  # the product names as now stored
    if "sector" in draft_changes:  # the type's likeliest sector: the listings change
        await listings.refresh(session, business)
    await session.flush()
    return logged


def _amount(amount: str | None, amount_max: str | None, unit: str | None) -> Amount | None:
    """A product's price or minimum order as the draft holds it (the columns are text)."""
    if not amount:
        return None
    return Amount(amount=Decimal(amount), amount_max=Decimal(amount_max) if amount_max else None,
                  unit=unit or None)


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

    def change(draft: Draft) -> None:
        if not 0 <= product.position < len(draft.products):
            return
        p = draft.products[product.position]
        p.name, p.description = product.name, product.description
        p.price = _amount(product.price_amount, product.price_max, product.price_unit)
        p.moq = _amount(product.moq_quantity, None, product.moq_unit)

    await _sync_draft(session, conv, change)
    await session.flush()
    await search.refresh(session, business)  # the product names as now stored
    await listings.refresh(session, business)
    return logged


async def save_translation(session: AsyncSession, submission_id: int, position: int, *,
                           title_en: str, description_en: str, type_key: str | None = None,
                           actor: str) -> list[FieldEdit]:
    """Write a reviewer's edits of a product's English listing (flows.published: blank
    texts and a null type follow the generated listing); each change is logged too, the
    type as "product:<n>:type"."""
    _, business, conv = await _lock(session, submission_id)
    exists = (await session.execute(select(Product.id).where(
        Product.business_id == business.id, Product.position == position))).first()
    if exists is None:
        raise NotEditable(f"no product at position {position}")
    row = (await session.execute(select(ProductTranslation).where(
        ProductTranslation.business_id == business.id,
        ProductTranslation.position == position))).scalar_one_or_none()
    now, logged = utcnow(), []
    for column, name, value in (("title_en", "title_en", title_en),
                                ("description_en", "description_en", description_en),
                                ("type_key", "type", type_key or None)):
        old = getattr(row, column) or None if row is not None else None
        if old != (value or None):
            if row is None:  # no row until there is an edit to keep
                row = ProductTranslation(business_id=business.id, position=position)
                session.add(row)
            setattr(row, column, value)
            logged.append(_log(session, submission_id, f"product:{position + 1}:{name}",
                               old, value, actor, now))
    if logged:
        row.updated_by, row.updated_at = actor, now
        await listings.refresh(session, business)
    await session.flush()
    return logged


# --- what the submission's page shows of them ------------------------------------------


async def edits(session: AsyncSession, submission_id: int) -> list[FieldEdit]:
    return list((await session.execute(select(FieldEdit).where(
        FieldEdit.submission_id == submission_id).order_by(FieldEdit.id))).scalars())


async def translations(session: AsyncSession, business_id: int) -> dict[int, ProductTranslation]:
    """The English texts of a business's products, by product position."""
    rows = (await session.execute(select(ProductTranslation).where(
        ProductTranslation.business_id == business_id))).scalars()
    return {t.position: t for t in rows}

