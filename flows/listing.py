"""An English B2B listing assembled from what the bot understood, never translated.

Every sentence comes from a recognised product type, attribute or glossary claim
(flows.taxonomy), from the owner's price and minimum order, or from a place the owner
named; each is returned with the owner's words it came from, so an admin can check it.
Words nobody recognised are left out, not guessed at.

    build_listing(product, sector, rate) -> Listing(title, sentences[(text, evidence)], ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from flows.model import Amount, ProductDraft
from flows.parsing.places import REGIONS, match_city
from flows.producttype import product_match
from flows.taxonomy import (
    Found,
    ProductType,
    TypeMatch,
    attribute_values,
    claims,
    read_attributes,
    read_claims,
)

CATEGORY = {"argan": "Argan Oil", "olive_oil": "Olive Oil and Olives", "food": "Food",
            "cosmetics": "Natural Cosmetics", "carpets": "Rugs and Carpets",
            "textiles": "Home Textiles and Clothing", "leather": "Leather Goods",
            "zellige": "Tiles and Building Crafts", "pottery": "Pottery and Ceramics",
            "wood_metal": "Wood, Metal and Lighting", "other": "Crafts"}
# Buyers in North America read US units beside metric ones.
IMPERIAL = {"kg": (Decimal("2.20462"), "lb"), "g": (Decimal("0.035274"), "oz"),
            "l": (Decimal("33.814"), "US fl oz"), "ml": (Decimal("0.033814"), "US fl oz"),
            "m2": (Decimal("10.7639"), "sq ft"), "m": (Decimal("3.28084"), "ft"),
            "cm": (Decimal("0.393701"), "in"), "ton": (Decimal("1.10231"), "short tons")}
UNIT_EN = {"piece": ("piece", "pieces"), "kg": ("kg", "kg"), "g": ("g", "g"),
           "ton": ("tonne", "tonnes"), "l": ("L", "L"), "ml": ("ml", "ml"), "m": ("m", "m"),
           "m2": ("m²", "m²"), "box": ("box", "boxes"), "carton": ("carton", "cartons"),
           "bottle": ("bottle", "bottles"), "set": ("set", "sets"), "dozen": ("dozen", "dozen"),
           "pair": ("pair", "pairs")}
HAND = ("handmade", "hand_woven", "hand_knotted")


@dataclass(frozen=True)
class Rate:
    usd_per_mad: Decimal
    date: str  # when the rate was read (shown beside every USD price)


@dataclass(frozen=True)
class Listing:
    match: TypeMatch
    title: str
    title_evidence: tuple[str, ...]
    attributes: tuple[tuple[str, str, str], ...]  # (label, value, evidence)
    sentences: tuple[tuple[str, tuple[str, ...]], ...]  # (sentence, evidence)
    hs_code: str = ""
    category: str = ""
    price_usd: Decimal | None = None

    @property
    def description(self) -> str:
        return " ".join(s for s, _ in self.sentences)


def _num(value: Decimal, places: str = "0.1") -> str:
    q = value.quantize(Decimal(places), rounding=ROUND_HALF_UP)
    text = f"{q:,}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def measure(amount: Decimal, unit: str | None) -> str:
    """"100 kg (220.5 lb)"; units buyers do not convert stay as they are ("20 pieces")."""
    singular, plural = UNIT_EN.get(unit or "", (unit or "", unit or ""))
    said = f"{_num(amount, '0.01')} {singular if amount == 1 else plural}".strip()
    if unit in IMPERIAL:
        factor, name = IMPERIAL[unit]
        return f"{said} ({_num(amount * factor)} {name})"
    return said


def _size_text(found: Found) -> str:
    inches = " × ".join(_num(v * IMPERIAL["cm"][0]) for v in found.value)
    return f"{found.key} ({inches} in)"


def to_usd(mad: Decimal, rate: Rate) -> Decimal:
    """A MAD amount in USD at `rate`, to the cent (the listing's text and the handoff's
    `price.usd` alike)."""
    return (mad * rate.usd_per_mad).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _price(price: Amount, rate: Rate | None) -> tuple[str, Decimal | None]:
    unit = UNIT_EN.get(price.unit or "", (price.unit or "",))[0]
    per = f" per {unit}" if unit else ""
    mad = _num(price.amount, "0.01") + (f"–{_num(price.amount_max, '0.01')}"
                                        if price.amount_max else "")
    text = f"Price: {mad} MAD{per}"
    if rate is None:
        return text + ".", None
    usd = to_usd(price.amount, rate)
    usd_text = f"{usd:,}" + (f"–{to_usd(price.amount_max, rate):,}" if price.amount_max else "")
    text += f" (about {usd_text} USD{per} at {rate.usd_per_mad} USD/MAD, rate of {rate.date})"
    if price.unit in ("kg", "m2"):  # what US buyers compare: per lb, per sq ft
        factor, name = IMPERIAL[price.unit]
        per_unit = (usd / factor).quantize(Decimal("0.01"), ROUND_HALF_UP)
        text += f", about {per_unit:,} USD per {name}"
    return text + ".", usd


_LOCATIVE = re.compile(r"(?:^|\s)(?:f|fi|fl|mn|men|من|في|ف|de|du|à|a|in|from|near|qrib)\s+"
                       r"(\w+(?:[ -]\w+)?)", re.IGNORECASE | re.UNICODE)


@lru_cache(maxsize=4096)
def _city(words: str):
    """The town a few words after "f", "mn", "à" name, if any: the same few words ("à
    froid", "f dar") come back listing after listing."""
    return match_city(words).city


def origin(text: str) -> tuple[str, str] | None:
    """("Taroudant, Souss-Massa", the words) when the owner named a town after "f", "mn",
    "à", "من"...; nothing otherwise (the business's address is not the product's origin)."""
    for m in _LOCATIVE.finditer(text or ""):
        words = m.group(1).split()
        for n in (2, 1):
            if len(words) < n:
                continue
            said = " ".join(words[:n])
            city = _city(said)
            if city is not None:
                region = REGIONS.get(city.region_id)
                place = f"{city.name_fr}, {region.name_fr}" if region else city.name_fr
                return place, m.group().strip()
    return None


def _value_en(found: Found) -> str:
    if found.kind in ("size",):
        return _size_text(found)
    if found.kind in ("volume", "weight"):
        return measure(found.value[0], found.unit)
    return attribute_values()[(found.kind, found.key)][0]


LABELS = {"material": "Material", "colour": "Colour", "finish": "Finish",
          "certification": "Certification", "pattern": "Pattern", "size": "Size",
          "volume": "Volume", "weight": "Net weight"}


def build_listing(product: ProductDraft, sector: str | None = None,
                  rate: Rate | None = None, match: TypeMatch | None = None) -> Listing:
    """The English listing of one product; `match` when the type was chosen already."""
    name, description = product.name or "", product.description or ""
    match = match or product_match(product, sector)
    ptype: ProductType | None = match.type if match.sure else None
    words = f"{name}\n{description}"
    found = read_attributes(words, ptype)
    said = read_claims(words, ptype)
    sentences: list[tuple[str, tuple[str, ...]]] = []
    attributes = []
    by_kind: dict[str, list[Found]] = {}
    for f in found:
        by_kind.setdefault(f.kind, []).append(f)
    for kind, items in by_kind.items():
        value = ", ".join(_value_en(f) for f in items)
        evidence = tuple(f.evidence for f in items)
        attributes.append((LABELS[kind], value, "; ".join(evidence)))
        sentences.append((f"{LABELS[kind]}: {value}.", evidence))
    hand = [c for c in said if c.key in HAND]
    if ptype is not None:
        base = ptype.en
        title = base if "hand" in base.lower() or not hand else f"Handmade {base}"
        title_evidence = match.evidence + tuple(c.evidence for c in hand[:1])
        if "size" in by_kind:
            title += f", {by_kind['size'][0].key}"
            title_evidence += (by_kind["size"][0].evidence,)
        elif by_kind.get("volume") or by_kind.get("weight"):
            m = (by_kind.get("volume") or by_kind["weight"])[0]
            title += f", {m.key}"
            title_evidence += (m.evidence,)
        sentences.insert(0, (f"{ptype.en}, {CATEGORY.get(ptype.sector, 'Crafts').lower()} "
                             f"(HS {ptype.hs_code}).", match.evidence))
    else:
        title, title_evidence = "", ()
    place = origin(words)
    coop = next((c for c in said if c.key in ("women_cooperative", "cooperative")), None)
    for c in said:
        if c is coop and place:
            continue
        sentences.append((claims()[c.key][0], (c.evidence,)))
    if place:
        who = claims()[coop.key][0].removesuffix(".") if coop else "Made"
        evidence = (coop.evidence, place[1]) if coop else (place[1],)
        sentences.append((f"{who} in {place[0]}, Morocco.", evidence))
    said_amounts, usd = amounts(product.price, product.moq, rate)
    return Listing(match, title, title_evidence, tuple(attributes),
                   tuple(sentences + said_amounts), ptype.hs_code if ptype else "",
                   CATEGORY.get(ptype.sector, "") if ptype else "", usd)


def amounts(price: Amount | None, moq: Amount | None, rate: Rate | None
            ) -> tuple[list[tuple[str, tuple[str, ...]]], Decimal | None]:
    """The listing's last sentences, its price and minimum order (with their evidence),
    and the price in USD: the only part of a listing the rate changes, so a stored
    listing (flows.published.kept) leaves them out and they are added when it is read."""
    sentences: list[tuple[str, tuple[str, ...]]] = []
    usd = None
    if price is not None:
        text, usd = _price(price, rate)
        sentences.append((text, (f"price: {price.amount} MAD/{price.unit}",)))
    if moq is not None:
        sentences.append((f"Minimum order: {measure(moq.amount, moq.unit)}.",
                          (f"minimum order: {moq.amount} {moq.unit or ''}".strip(),)))
    return sentences, usd
