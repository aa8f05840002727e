"""The generated English listing and readiness of each product on a submission's page
(flows.listing, flows.readiness), read-only, beside the owner's words."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flows.listing import Listing, Rate, build_listing
from flows.model import Amount, Photo, ProductDraft
from flows.readiness import Readiness, readiness


@dataclass(frozen=True)
class Generated:
    listing: Listing
    readiness: Readiness


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _draft(pv) -> ProductDraft:
    """The stored product as the flows read it (only what the listing uses)."""
    p = pv.product
    price, moq = _decimal(p.price_amount), _decimal(p.moq_quantity)
    photos = [Photo(media_id=m.id) for m in pv.media if m.kind == "photo"]
    return ProductDraft(
        name=p.name, description=p.description or None, photos=photos,
        price=Amount(amount=price, amount_max=_decimal(p.price_max), unit=p.price_unit)
        if price is not None else None,
        moq=Amount(amount=moq, unit=p.moq_unit) if moq is not None else None)


def generated(view, settings) -> dict[int, Generated]:
    """Per product position: its listing and readiness."""
    rate = Rate(settings.usd_per_mad, settings.usd_per_mad_date)
    sector = view.business.sector
    out = {}
    for pv in view.products:
        draft = _draft(pv)
        out[pv.product.position] = Generated(build_listing(draft, sector, rate),
                                             readiness(draft, sector))
    return out
