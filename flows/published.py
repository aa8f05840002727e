"""A product's English listing as Tijara hands it on: the generated listing
(flows.listing) with the reviewer's edits winning. Pure.

A reviewer may rewrite the English title and the description, and choose the product's
type from the taxonomy (which brings its HS code and the attributes read for that type);
their type wins over the owner's answer (flows.producttype), which wins over the matcher.
A text left blank, or left exactly as generated, is not an edit: it keeps following the
owner's words, so a later correction of them still reaches the listing.

    draft(name, description, price..., moq..., owner's type) -> ProductDraft (stored columns)
    published(product, sector, rate, edits)        -> Published
    kept_edit(posted, *generated)                  -> "" or the reviewer's own text
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flows.listing import LABELS, Listing, Rate, build_listing
from flows.model import Amount, Photo, ProductDraft
from flows.producttype import chose
from flows.taxonomy import ProductType, TypeMatch, types

KINDS = {label: kind for kind, label in LABELS.items()}  # "Net weight" -> "weight"


@dataclass(frozen=True)
class Edits:
    """What a reviewer wrote (blank: the generated text) and the type they chose."""

    title: str = ""
    description: str = ""
    type_key: str | None = None


@dataclass(frozen=True)
class Published:
    listing: Listing  # as generated, under the reviewer's type when they chose one
    name: str | None
    description: str | None
    # Who said which type it is: "reviewer", "owner" (asked when the matcher was unsure:
    # flows.producttype) or "recognised" (the matcher, from the owner's words).
    type_source: str
    title_edited: bool
    description_edited: bool

    @property
    def chosen(self) -> bool:
        return self.type_source == "reviewer"

    @property
    def type(self) -> ProductType | None:
        return self.listing.match.type if self.listing.match.sure else None

    @property
    def attributes(self) -> list[dict]:
        return [{"kind": KINDS[label], "name": label, "value": value}
                for label, value, _ in self.listing.attributes]


def chosen_type(key: str | None) -> TypeMatch | None:
    """A type the reviewer picked: sure, with no owner's words as its evidence."""
    found = types().get(key or "")
    return TypeMatch(found, 1.0, (found,)) if found else None


def published(product: ProductDraft, sector: str | None, rate: Rate | None,
              edits: Edits | None = None) -> Published:
    edits = edits or Edits()
    match = chosen_type(edits.type_key)
    listing = build_listing(product, sector, rate, match)  # else the owner's, else matched
    title, description = edits.title.strip(), edits.description.strip()
    source = "reviewer" if match else "owner" if chose(product) else "recognised"
    return Published(listing, title or listing.title or None,
                     description or listing.description or None, source,
                     bool(title), bool(description))


def kept_edit(posted: str, generated: Iterable[str]) -> str:
    """What to store of a text the reviewer sent: nothing when it is a generated one (the
    form is prefilled with it, and a type change generates another), else their text."""
    posted = posted.strip()
    return "" if posted in {g.strip() for g in generated} else posted


def decimal(text: str | None) -> Decimal | None:
    """A stored decimal (text), None when empty or unreadable."""
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def draft(name: str | None, description: str | None, price_amount: str | None,
          price_max: str | None, price_unit: str | None, moq_quantity: str | None,
          moq_unit: str | None, owner_type: str | None = None,
          owner_type_asked: str | None = None, photos: Iterable[int] = ()) -> ProductDraft:
    """A stored product (decimals kept as text) as the listing reads it, with the type its
    owner chose and the words that choice answered (flows.producttype decides whether it
    still holds)."""
    price, moq = decimal(price_amount), decimal(moq_quantity)
    return ProductDraft(
        name=name, description=description or None, type=owner_type,
        type_asked=owner_type_asked, photos=[Photo(media_id=i) for i in photos],
        price=Amount(amount=price, amount_max=decimal(price_max), unit=price_unit)
        if price is not None else None,
        moq=Amount(amount=moq, unit=moq_unit) if moq is not None else None)
