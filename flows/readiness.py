"""How ready a product's listing is for a buyer, and the one thing worth adding next.

Pure: computed from the product draft and what flows.taxonomy recognised. The weights say
what a business buyer looks at first: photos (as many as the sector needs: a rug is judged
from several angles), a price, a minimum order, the attributes they filter by for that
type (a rug's size, an oil's volume), a description, and a recognised type.

    readiness(product, sector) -> Readiness(score 0-100, next: a key or None)
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.model import BuyerAnswers, ProductDraft
from flows.producttype import product_match
from flows.taxonomy import read_attributes

# Photos a buyer expects per sector; others: DEFAULT_PHOTOS.
PHOTOS = {"carpets": 4, "leather": 4, "zellige": 3, "pottery": 3, "wood_metal": 3,
          "textiles": 3}
DEFAULT_PHOTOS = 2
WEIGHTS = {"photos": 30, "price": 20, "moq": 15, "attributes": 20, "description": 10,
           "type": 5}
# Once the buyers' questions were asked: a photo of each certificate named and of the
# packaging (buyers check both before a first order). Scores stay out of 100.
BUYER_WEIGHTS = {"certificate_photo": 5, "packaging_photo": 5}
# The attribute worth asking for first when several are missing.
ATTRIBUTE_ORDER = ("size", "volume", "weight", "material", "colour", "certification",
                   "finish", "pattern")


@dataclass(frozen=True)
class Readiness:
    score: int
    # "photos", "price", "moq", "description", "type", "attr_<kind>", "certificate_photo",
    # "packaging_photo"
    next: str | None
    photos_wanted: int = 0


def readiness(product: ProductDraft, sector: str | None = None,
              buyer: BuyerAnswers | None = None) -> Readiness:
    """`buyer`: the business's answers to the buyers' questions, once asked."""
    text = f"{product.name or ''}\n{product.description or ''}"
    match = product_match(product, sector)
    ptype = match.type if match.sure else None
    wanted = PHOTOS.get(ptype.sector if ptype else sector or "", DEFAULT_PHOTOS)
    have = {f.kind for f in read_attributes(text, ptype)}
    needed = [a for a in ATTRIBUTE_ORDER if ptype and a in ptype.attrs]
    share = {
        "photos": min(len(product.photos), wanted) / wanted,
        "price": 1.0 if product.price else 0.0,
        "moq": 1.0 if product.moq else 0.0,
        "attributes": (sum(a in have for a in needed) / len(needed)) if needed else 0.0,
        "description": 1.0 if (product.description or product.voice_media_id) else 0.0,
        "type": 1.0 if ptype else 0.0,
    }
    weights = dict(WEIGHTS)
    if buyer is not None:
        weights["packaging_photo"] = BUYER_WEIGHTS["packaging_photo"]
        share["packaging_photo"] = 1.0 if buyer.photos_of("packaging") else 0.0
        if buyer.certifications:
            weights["certificate_photo"] = BUYER_WEIGHTS["certificate_photo"]
            share["certificate_photo"] = sum(
                bool(buyer.photos_of(f"certificate:{c.kind}")) for c in buyer.certifications
            ) / len(buyer.certifications)
    score = round(100 * sum(weights[k] * v for k, v in share.items()) / sum(weights.values()))
    # The most valuable missing part: the largest weight still to gain.
    gains = {k: weights[k] * (1 - v) for k, v in share.items() if v < 1}
    if ptype is None:
        gains.pop("attributes", None)  # nothing to ask for until the type is known
    if not gains:
        return Readiness(score, None, wanted)
    best = max(gains, key=lambda k: (gains[k], -list(weights).index(k)))
    if best == "attributes":
        best = "attr_" + next(a for a in needed if a not in have)
    return Readiness(score, best, wanted)
