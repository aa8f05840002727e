"""Each product's English listing (flows.published), computed when what it is made of
changes and stored on its row (Product.listing, stamped Product.listing_version), so
that the handoff, `tijara submissions list`, the exports and the admin pages read it
instead of matching the owner's words again on every read.

A listing is made of the product's words, price, minimum order and owner's type, its
business's sector and the reviewer's edits (ProductTranslation): whatever writes one of
them calls `refresh` in the same transaction. A row of another version (the taxonomy
changed, or rows written before the column) is computed when read, never served stale.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from flows.model import ProductDraft
from flows.published import Edits, draft, kept, version
from storage.models import Business, Product, ProductTranslation


def edits(t: ProductTranslation | None) -> Edits | None:
    """A reviewer's edits as flows.published reads them."""
    return Edits(t.title_en or "", t.description_en or "", t.type_key) if t else None


def product_draft(p: Product, photos=()) -> ProductDraft:
    """A stored product as the listing reads it."""
    return draft(p.name, p.description, p.price_amount, p.price_max, p.price_unit,
                 p.moq_quantity, p.moq_unit, p.owner_type, p.owner_type_asked, photos)


def current(listing: dict | None, stamp: str | None, name: str, description: str,
            owner_type: str | None, owner_type_asked: str | None, sector: str | None,
            edits: Edits | None) -> dict:
    """A product's listing as stored (flows.published.kept), from its row's columns: the
    stored one when this version wrote it, else computed (price and minimum order are no
    part of it)."""
    if listing is not None and stamp == version():
        return listing
    return kept(draft(name, description, None, None, None, None, None, owner_type,
                      owner_type_asked), sector, edits)


def stored(p: Product, sector: str | None, t: ProductTranslation | None) -> dict:
    """`current` of a product row."""
    return current(p.listing, p.listing_version, p.name, p.description, p.owner_type,
                   p.owner_type_asked, sector, edits(t))


async def refresh(session: AsyncSession, business: Business) -> None:
    """Compute and store the listing of each of the business's products."""
    await session.flush()  # the rows as the caller left them
    texts = {t.position: t for t in (await session.execute(select(ProductTranslation).where(
        ProductTranslation.business_id == business.id))).scalars()}
    for p in (await session.execute(select(Product).where(
            Product.business_id == business.id))).scalars():
        p.listing = kept(product_draft(p), business.sector, edits(texts.get(p.position)))
        p.listing_version = version()
    await session.flush()
