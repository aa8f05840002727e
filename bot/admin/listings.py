"""Each product's English listing on a submission's page: generated from the owner's words
(flows.listing), each sentence with its evidence, the reviewer's edits winning
(flows.published), and the listing's readiness (flows.readiness)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from flows.model import BuyerAnswers, Certification, DocPhoto
from flows.published import Edits, Published, kept_edit, published
from flows.readiness import Readiness, readiness
from flows.taxonomy import types
from storage.listings import edits as edits_of
from storage.listings import product_draft
from storage.models import Product, ProductTranslation


@dataclass(frozen=True)
class Generated:
    published: Published
    readiness: Readiness

    @property
    def listing(self):
        return self.published.listing


def buyer_answers(view) -> BuyerAnswers | None:
    """What readiness needs of the buyers' answers, as the owner's chat holds them: the
    certificates named and the photos kept (None: the questions were not asked). A
    business sent before they were recorded as asked counts as asked if it answered any."""
    b = view.business
    asked = b.buyer_asked if b.buyer_asked is not None else any(
        v is not None for v in (b.certifications, b.fda_registered, b.export_experience,
                                b.packaging))
    if not asked:
        return None
    return BuyerAnswers(
        certifications=[Certification(kind=c["kind"]) for c in b.certifications or ()],
        photos=[DocPhoto(of=d.of, media_id=d.media.id, sha256=d.media.sha256)
                for d in view.documents])


def generated(view, settings, english: Mapping[int, ProductTranslation]) -> dict[int, Generated]:
    """Per product position: its listing as it will be handed on, and its readiness (the
    same score and next step as the owner is told)."""
    sector = view.business.sector
    buyer = buyer_answers(view)
    out = {}
    for pv in view.products:
        product = product_draft(pv.product, [m.id for m in pv.media if m.kind == "photo"])
        out[pv.product.position] = Generated(
            published(product, sector, settings.usd_rate,
                      edits_of(english.get(pv.product.position))),
            readiness(product, sector, buyer))
    return out


def posted_edits(product: Product, sector: str | None, settings, stored: ProductTranslation | None,
                 title: str, description: str, type_key: str | None) -> Edits:
    """The edits to store from the English form: a text left as generated (under the
    type shown when the page was read, or the one chosen now) is no edit."""
    before = published(product_draft(product), sector, settings.usd_rate,
                       Edits(type_key=stored.type_key if stored else None)).listing
    after = published(product_draft(product), sector, settings.usd_rate,
                      Edits(type_key=type_key)).listing
    return Edits(kept_edit(title, (before.title, after.title)),
                 kept_edit(description, (before.description, after.description)), type_key)


def type_choices() -> list[tuple[str, list]]:
    """The taxonomy's types by sector, for the type picker (English names: the listing's)."""
    by_sector: dict[str, list] = {}
    for t in sorted(types().values(), key=lambda t: (t.sector, t.en)):
        by_sector.setdefault(t.sector, []).append(t)
    return list(by_sector.items())
