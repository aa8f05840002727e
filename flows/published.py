"""A product's English listing as Tijara hands it on: the generated listing
(flows.listing) with the reviewer's edits winning. Pure.

A reviewer may rewrite the English title and the description, and choose the product's
type from the taxonomy (which brings its HS code and the attributes read for that type);
their type wins over the owner's answer (flows.producttype), which wins over the matcher.
A text left blank, or left exactly as generated, is not an edit: it keeps following the
owner's words, so a later correction of them still reaches the listing.

The listing is computed once, when what it is made of changes, and stored
(storage.listings): `kept` is what is stored, everything but what the USD rate changes
(the price sentence: flows.listing.amounts), stamped with `version()`; `fields` reads it
back into the handoff's fields, the price and minimum order added at the current rate.

    draft(name, description, price..., moq..., owner's type) -> ProductDraft (stored columns)
    published(product, sector, rate, edits)        -> Published
    kept(product, sector, edits)                   -> the stored listing (JSON)
    fields(kept, priced(price, moq, rate))         -> en, type, hs_code, attributes
    kept_edit(posted, *generated)                  -> "" or the reviewer's own text
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from flows.listing import LABELS, Listing, Rate, amounts, build_listing
from flows.model import Amount, Photo, ProductDraft
from flows.producttype import chose
from flows.taxonomy import DATA, ProductType, TypeMatch, types

# What a stored listing was made by: bump it with any change to the code that makes a
# listing (flows.listing, flows.taxonomy, flows.producttype, the places it names, this
# module). The data files are in `version()` already. A listing stored under another
# version is computed afresh when read: a new taxonomy never serves a stale listing.
CODE_VERSION = 1
DATA_FILES = ("taxonomy.tsv", "attributes.tsv", "claims.tsv")

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


@cache
def version() -> str:
    """The stamp of a stored listing: the code version and a digest of the taxonomy."""
    digest = hashlib.sha256(f"{CODE_VERSION}\n".encode())
    for name in DATA_FILES:
        digest.update((DATA / name).read_bytes())
    return f"{CODE_VERSION}:{digest.hexdigest()[:16]}"


def kept(product: ProductDraft, sector: str | None, edits: Edits | None) -> dict:
    """A product's listing as stored: all of it but its price and minimum order (`words`:
    the generated description without them; `description`: the reviewer's, if any).
    `type` is the handoff's (key, English name, category, who chose it)."""
    found = published(product.model_copy(update={"price": None, "moq": None}), sector, None,
                      edits)
    t = found.type
    return {"name": found.name,
            "description": found.description if found.description_edited else None,
            "words": found.listing.description,
            "type": None if t is None else {"key": t.key, "name": t.en,
                                            "category": found.listing.category,
                                            "source": found.type_source},
            "hs_code": t.hs_code if t else None,
            "attributes": found.attributes}


def priced(price: Amount | None, moq: Amount | None, rate: Rate | None) -> tuple[str, ...]:
    """What a stored listing's generated description ends with: its price at `rate` and
    its minimum order (flows.listing.amounts)."""
    return tuple(s for s, _ in amounts(price, moq, rate)[0])


def fields(kept: dict, said: Iterable[str]) -> dict:
    """A stored listing read back as handed on (`en`, `type`, `hs_code`, `attributes`), its
    generated description ending with `said` (`priced`), as `published` writes it."""
    name = kept["name"]
    description = kept["description"] or " ".join(
        [*filter(None, [kept["words"]]), *said]) or None
    return {"en": {"name": name, "description": description} if name or description else None,
            "type": kept["type"], "hs_code": kept["hs_code"], "attributes": kept["attributes"]}


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
    return ProductDraft(
        name=name, description=description or None, type=owner_type,
        type_asked=owner_type_asked, photos=[Photo(media_id=i) for i in photos],
        price=amount(price_amount, price_max, price_unit), moq=amount(moq_quantity, None, moq_unit))


def amount(text: str | None, most: str | None, unit: str | None) -> Amount | None:
    """A stored price or minimum order (decimals as text), None without a readable amount."""
    value = decimal(text)
    return None if value is None else Amount(amount=value, amount_max=decimal(most), unit=unit)
