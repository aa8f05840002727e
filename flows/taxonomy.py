"""Which product an owner is selling, and what their words say about it (pure, no I/O).

The data lives in flows/langdata: `taxonomy.tsv` (product types with their HS code, units,
the attributes buyers look for, and what owners call them in four locales),
`attributes.tsv` (materials, colours, finishes, certifications, patterns) and `claims.tsv`
(claims the English listing may repeat). Words are matched as whole phrases after folding
case, accents, Arabic letter forms and articles, so "Zit l'Argan", "zit largan" and "زيت
الأركان" meet. A phrase inside a longer phrase that also matched is dropped: "zerbia" counts
for nothing once "zerbia beni ourain" matched.

    match_type(name, description, sector) -> TypeMatch   # type, confidence, likeliest others
    read_attributes(text, type)           -> [Found]     # words, sizes, volumes, weights
    read_claims(text, type)               -> [Found]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from flows.parsing.numbers import fold, squash

DATA = Path(__file__).resolve().parent / "langdata"
LOCALES = ("ary-Arab", "ary-Latn", "fr", "ar")
# Below this the bot should ask which of the likeliest types it is.
CONFIDENT = 0.6
NAME_WEIGHT = 2  # the product's name says more about its type than its description


@dataclass(frozen=True)
class ProductType:
    key: str
    sector: str
    hs: str  # 6 digits
    en: str
    units: tuple[str, ...]
    attrs: tuple[str, ...]
    words: dict[str, tuple[str, ...]]  # locale -> phrases

    @property
    def hs_code(self) -> str:
        """As customs papers write it: "1515.90"."""
        return f"{self.hs[:4]}.{self.hs[4:]}"


@dataclass(frozen=True)
class Found:
    """Something the owner's words state: `kind` (material, colour, size, claim...), `key`
    (its id, or the measure as text), `evidence` (the owner's words, as typed)."""

    kind: str
    key: str
    evidence: str
    value: tuple[Decimal, ...] = ()  # a measure's numbers
    unit: str = ""


@dataclass(frozen=True)
class TypeMatch:
    type: ProductType | None
    confidence: float
    candidates: tuple[ProductType, ...] = ()  # the likeliest, best first (at most 3)
    evidence: tuple[str, ...] = field(default=())

    @property
    def sure(self) -> bool:
        return self.type is not None and self.confidence >= CONFIDENT


# --- reading the data ------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _phrases(cells: list[str]) -> dict[str, tuple[str, ...]]:
    return {loc: tuple(w.strip() for w in cell.split(",") if w.strip())
            for loc, cell in zip(LOCALES, cells, strict=True)}


@cache
def types() -> dict[str, ProductType]:
    out = {}
    for key, sector, hs, en, units, attrs, *words in _rows("taxonomy.tsv"):
        out[key] = ProductType(key, sector, hs, en, tuple(units.split(",")),
                               tuple(a for a in attrs.split(",") if a), _phrases(words))
    return out


@cache
def attribute_values() -> dict[tuple[str, str], tuple[str, dict[str, tuple[str, ...]]]]:
    """(kind, key) -> (English, words per locale)."""
    return {(kind, key): (en, _phrases(words))
            for kind, key, en, *words in _rows("attributes.tsv")}


@cache
def claims() -> dict[str, tuple[str, dict[str, tuple[str, ...]]]]:
    """key -> (the English sentence, words per locale)."""
    return {key: (sentence, _phrases(words)) for key, sentence, *words in _rows("claims.tsv")}


# --- folding and phrase matching -------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)
_AR_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")


# Words recur from product to product (a list of every submission reads hundreds of
# thousands of them): their folding is cached.
@lru_cache(maxsize=1 << 16)
def _canon(word: str) -> str:
    w = fold(word).replace("_", "")
    if w and not w.isascii():
        for art in _AR_ARTICLES:
            if w.startswith(art) and len(w) - len(art) >= 2:
                return w[len(art):]
        return w
    return squash(w)


@lru_cache(maxsize=1 << 16)
def _variants(word: str) -> frozenset[str]:
    """What a typed word may stand for: itself, without a glued Darija article ("l7enna"),
    without a plural s ("babouches")."""
    w = _canon(word)
    out = {w}
    if w.isascii() and len(w) > 3 and not w[1:2].isdigit():
        if w[0] == "l":
            out.add(w[1:])
        if w.endswith("s"):
            out.add(w[:-1])
        if w.endswith(("e", "es")) and len(w) > 4:  # French feminine: "écrue", "brodées"
            out.add(w.rstrip("s")[:-1])
    elif not w.isascii() and len(w) > 3:
        # An Arabic adjective of relation names its noun: "جلدي" leather, "نحاسية" brass.
        if w.endswith("يه"):
            out.add(w[:-2])
        elif w.endswith("ي"):
            out.add(w[:-1])
    return frozenset(out)


class _Token(NamedTuple):  # a tuple: a long description makes many
    variants: frozenset[str]
    start: int
    end: int


# Latin articles standing alone ("zit l'argan", "huile d'argan") say nothing about the type.
_SKIP = frozenset({"l", "d", "el", "al"})


# One listing reads the same text for its type, attributes and claims.
@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[_Token, ...]:
    return tuple(_Token(_variants(m.group()), m.start(), m.end())
                 for m in _WORD.finditer(text) if _canon(m.group()) not in _SKIP)


class _Index:
    """Phrases by their first word: label -> the phrases that name it."""

    def __init__(self, entries: dict[str, list[str]]):
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, phrases in entries.items():
            for phrase in phrases:
                words = tuple(w for m in _WORD.finditer(phrase)
                              if (w := _canon(m.group())) not in _SKIP)
                if words:
                    self.first.setdefault(words[0], []).append((words, label))

    def find(self, tokens: tuple[_Token, ...]) -> list[tuple[int, int, str]]:
        """(first token, end token, label) of every phrase found, minus those inside a
        longer phrase found."""
        hits = set()
        for i, tok in enumerate(tokens):
            for v in tok.variants:
                for words, label in self.first.get(v, ()):
                    end = i + len(words)
                    if end > len(tokens):
                        continue
                    for k in range(1, len(words)):  # the first word matched already
                        if words[k] not in tokens[i + k].variants:
                            break
                    else:
                        hits.add((i, end, label))
        return _outermost(hits)


def _outermost(hits: set[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The hits no longer hit covers, sorted. A longer cover starts at the same token and
    ends after, or starts before and ends at or after: one pass in start order with the
    furthest end reached so far (a long description has many hits: not n²)."""
    out, reach = [], -1  # the furthest end of the hits starting before this start
    for _, group in groupby(sorted(hits), key=lambda h: h[0]):
        here = list(group)
        longest = max(h[1] for h in here)
        if reach < longest:
            out.extend(h for h in here if h[1] == longest)
        reach = max(reach, longest)
    return out


def _all_words(words: dict[str, tuple[str, ...]], *extra: str) -> list[str]:
    return [w for phrases in words.values() for w in phrases] + list(extra)


@cache
def _type_index() -> _Index:
    return _Index({t.key: _all_words(t.words) for t in types().values()})


@cache
def _attribute_index() -> _Index:
    return _Index({f"{kind}:{key}": _all_words(words, en)
                   for (kind, key), (en, words) in attribute_values().items()})


@cache
def _claim_index() -> _Index:
    return _Index({key: _all_words(words) for key, (_, words) in claims().items()})


# --- the product's type ----------------------------------------------------------


def match_type(name: str | None, description: str | None = None,
               sector: str | None = None) -> TypeMatch:
    """The type the owner's product name and description point to. Confidence is the
    winner's share of the two best scores, lowered when the evidence is one word of the
    description; the business's sector breaks ties."""
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for text, weight in ((name or "", NAME_WEIGHT), (description or "", 1)):
        tokens = _tokens(text)
        for start, end, key in _types_in(text):
            scores[key] = scores.get(key, 0) + weight * (end - start)
            evidence.setdefault(key, []).append(text[tokens[start].start:tokens[end - 1].end])
    if not scores:
        return TypeMatch(None, 0.0)
    catalogue = types()
    for key in scores:
        if sector and catalogue[key].sector == sector:
            scores[key] += 0.5
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    best = scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    confidence = best / (best + second) * min(1.0, best / NAME_WEIGHT)
    return TypeMatch(catalogue[ranked[0]], round(confidence, 3),
                     tuple(catalogue[k] for k in ranked[:3]),
                     tuple(dict.fromkeys(evidence[ranked[0]])))


# --- what the words say about it ------------------------------------------------

_NUM = r"(\d+(?:[.,]\d+)?)"
_SIZE_UNITS = {"cm": "cm", "سم": "cm", "سنتيم": "cm", "centimetre": "cm", "centimetres": "cm",
               "m": "m", "metre": "m", "metres": "m", "mitro": "m", "mtar": "m", "متر": "m",
               "ميترو": "m"}
_VOLUME_UNITS = {"ml": "ml", "cl": "cl", "l": "l", "litre": "l", "litres": "l", "liter": "l",
                 "ltr": "l", "lt": "l", "litr": "l", "لتر": "l", "ليتر": "l", "لترات": "l",
                 "مل": "ml"}
_WEIGHT_UNITS = {"g": "g", "gr": "g", "gramme": "g", "grammes": "g", "gram": "g", "grams": "g",
                 "kg": "kg", "kilo": "kg", "kilos": "kg", "كيلو": "kg", "كلغ": "kg", "غرام": "g",
                 "gramat": "g", "غ": "g"}


def _unit_re(units: dict[str, str]) -> str:
    return "|".join(sorted(map(re.escape, units), key=len, reverse=True))


_SIZE = re.compile(rf"{_NUM}\s*(?:x|×|\*|sur|على|f|ف)\s*{_NUM}"
                   rf"(?:\s*(?:x|×|\*)\s*{_NUM})?\s*({_unit_re(_SIZE_UNITS)})?(?!\w)")
_LENGTH = re.compile(rf"{_NUM}\s*(cm|سم)(?!\w)")
_VOLUME = re.compile(rf"{_NUM}\s*({_unit_re(_VOLUME_UNITS)})(?!\w)")
_WEIGHT = re.compile(rf"{_NUM}\s*({_unit_re(_WEIGHT_UNITS)})(?!\w)")


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _size(text: str) -> Found | None:
    """Dimensions in cm: "200x150", "2 x 1,5 m", "40 cm"; a size without its unit is read
    as metres when every side is 6 or less ("3x2" rug), else as cm ("10x10" tile)."""
    m = _SIZE.search(text)
    if m:
        sides = tuple(_dec(g) for g in m.groups()[:3] if g)
        unit = _SIZE_UNITS.get(m.group(4) or "", "")
        if not unit:
            unit = "m" if max(sides) <= 6 else "cm"
        if unit:
            cm = tuple(s * 100 if unit == "m" else s for s in sides)
            return Found("size", " × ".join(map(_plain, cm)) + " cm", m.group().strip(), cm, "cm")
    m = _LENGTH.search(text)
    if m:
        return Found("size", f"{_plain(_dec(m.group(1)))} cm", m.group(), (_dec(m.group(1)),),
                     "cm")
    return None


# A unit said alone is one of it: "قرعة لتر" (a one-litre bottle), "kilo".
_ONE = {"volume": re.compile(r"(?<![\w.,])\s*()(litre|لتر|ليتر|ليترو|litro)(?!\w)"),
        "weight": re.compile(r"(?<![\w.,])\s*()(kilo|كيلو)(?!\w)")}


def _measure(kind: str, pattern: re.Pattern, units: dict[str, str], text: str) -> Found | None:
    m = pattern.search(text)
    if not m:
        m = _ONE[kind].search(text)
        # Not after a number, nor a "per" ("100 dh l kilo" is a price, not a weight).
        if not m or re.search(r"(?:\d\s*|\b(?:l|le|la|par|per|f|b|fl|bl|لل)\s+)$",
                              text[:m.start(2)]):
            return None
        return Found(kind, f"1 {units[m.group(2)]}", m.group().strip(), (Decimal(1),),
                     units[m.group(2)])
    amount, unit = _dec(m.group(1)), units[m.group(2)]
    if unit == "cl":
        amount, unit = amount * 10, "ml"
    return Found(kind, f"{_plain(amount)} {unit}", m.group(), (amount,), unit)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


@lru_cache(maxsize=256)
def _types_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """The type phrases in a text (`_Index.find`), read once for a listing's type, its
    attributes and its claims."""
    return tuple(_type_index().find(_tokens(text)))


def _naming(text: str, ptype: ProductType | None) -> set[int]:
    """The tokens that name the product's type: "بني" in "زربية بني ورين" is no colour."""
    naming: set[int] = set()
    if ptype is not None:
        for start, end, key in _types_in(text):
            if key == ptype.key:
                naming.update(range(start, end))
    return naming


def _named_in(kind: str, key: str, ptype: ProductType | None) -> bool:
    """Whether the type's English name states this value ("Leather Handbag": leather), so
    the word that named the type also names its attribute; "بني" in "بني ورين" does not
    make a Beni Ourain rug brown."""
    en = attribute_values()[(kind, key)][0].lower()
    name = ptype.en.lower() if ptype else ""
    return any(len(w) > 3 and w in name for w in re.findall(r"[a-z]+", en))


def read_attributes(text: str | None, ptype: ProductType | None = None) -> list[Found]:
    """Materials, colours, finishes, certifications, patterns, and the measures the type
    is sold by (a size for a rug, a volume for an oil), each with the owner's words."""
    text = text or ""
    folded = fold(text)
    tokens = _tokens(text)
    naming = _naming(text, ptype)
    out = []
    seen = set()
    for start, end, label in _attribute_index().find(tokens):
        kind, key = label.split(":", 1)
        if (kind, key) in seen or (naming.intersection(range(start, end))
                                   and not _named_in(kind, key, ptype)):
            continue
        seen.add((kind, key))
        out.append(Found(kind, key, text[tokens[start].start:tokens[end - 1].end]))
    wanted = ptype.attrs if ptype else ("size", "volume", "weight")
    if "size" in wanted and (found := _size(folded)):
        out.append(found)
    if "volume" in wanted and (found := _measure("volume", _VOLUME, _VOLUME_UNITS, folded)):
        out.append(found)
    if "weight" in wanted and (found := _measure("weight", _WEIGHT, _WEIGHT_UNITS, folded)):
        out.append(found)
    return out


def read_claims(text: str | None, ptype: ProductType | None = None) -> list[Found]:
    """The glossary's claims in the owner's words, except words that are the product's own
    name ("saboun beldi" is black soap, not a claim that it is pure)."""
    text = text or ""
    tokens = _tokens(text)
    naming = _naming(text, ptype)
    out, seen = [], set()
    for start, end, key in _claim_index().find(tokens):
        if key in seen or naming.intersection(range(start, end)):
            continue
        seen.add(key)
        out.append(Found("claim", key, text[tokens[start].start:tokens[end - 1].end]))
    if any(f.key == "women_cooperative" for f in out):
        out = [f for f in out if f.key != "cooperative"]
    return out
