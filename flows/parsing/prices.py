"""Prices, quantities and units as owners type them.

Money is always Decimal dirhams (MAD). Moroccans often count in old units, so a
price said in them is converted and flagged (`Price.converted`) for the bot to
confirm:

* "ryal" (ريال) is 5 centimes: 20 ryal = 1 DH, "alf ryal" = 50 DH.
* "franc" / "centime" (فرنك, سنتيم) is 1/100 DH: "مليون سنتيم" = 10 000 DH.

Only an explicit currency word converts: "3000" alone is 3000 DH.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from flows.parsing.numbers import (
    ATTACHABLE,
    CONTEXT,
    NumSpan,
    Token,
    find_numbers,
    fold,
    squash,
    tidy,
    tokenize,
)
from flows.parsing.result import EMPTY, FOREIGN_CURRENCY, NO_NUMBER, NOT_POSITIVE, Invalid

UNITS = ("piece", "kg", "g", "ton", "l", "ml", "m", "m2", "box", "carton", "bottle", "set",
         "dozen", "pair")

_CENT = Decimal("0.01")
_MILLI = Decimal("0.001")

# --- vocabulary ---------------------------------------------------------------

_CURRENCIES: dict[str, str] = {
    "MAD": "dh dhs dh. dhm drh drhm drhms dr dirham dirhams dirhem dirhems derham derhem "
           "dr8m der8am drahem mad درهم دراهم درهما درهمات",
    "ryal": "ryal ryals rial rials riyal riyals ryala ryalat ريال ريالات ريالا",
    "franc": "franc francs frank franks frnk centime centimes centim santim sentim santime "
             "cts ct فرنك فرنكات سنتيم سنتيمات سانتيم صانتيم",
}
_FACTORS = {"MAD": Decimal(1), "ryal": Decimal("0.05"), "franc": Decimal("0.01")}
_FOREIGN: dict[str, str] = {
    "EUR": "eur euro euros € يورو اورو أورو",
    "USD": "usd dollar dollars $ دولار دولارات",
    "GBP": "gbp £",
}

_UNIT_WORDS: dict[str, str] = {
    "piece": "piece pieces pc pcs pce pces pz unite unites unit units item items "
             "7ebba 7eba 7bba 7ba 7abba 7obba hebba habba 7ebbat 7bat pyasa piyasa byasa biyasa "
             "حبة حبات الحبة قطعة قطع وحدة وحدات بيسة "
             # "each one": the article keeps it apart from the number one (wa7da, واحدة)
             "lwa7da lwahda lwa7ed lwahed lwe7da lwehda lwe7ed lwehed "
             "الواحدة للواحدة لواحدة الواحد للواحد "
             # Things counted one by one, said instead of "piece": "5 zrabi", "للزربية".
             "zrabi zarbia zarbiya zerbiya zrbiya tapis زربية زرابي sac sacs sak sakat صاك "
             "babouche babouches belgha blagh بلغة بلاغي pouf poufs بوف tajine tajines "
             "tagine tagines طاجين طواجن coussin coussins mkhadda مخدة مخدات "
             "lampe lampes fanar فنار فنارات plat plats tobsil طبسيل طباسل "
             "savon savons sabona صابونة djellaba djellabas jellaba جلابة جلالب caftan caftans "
             "9eftan قفطان قفاطن",
    "kg": "kg kgs kgr klg kilo kilos kilogramme kilogrammes kilogram kilograms kilou "
          "كيلو كيلوات كيلوغرام كيلوغرامات كيلوجرام كلغ كغ",
    "g": "gr grs gramme grammes gram grams ghram gramat غرام غرامات جرام جرامات",
    "ton": "ton tons tonne tonnes tn طن اطنان أطنان",
    "l": "lt ltr ltrs litre litres liter liters litr litra ltra lter litro "
         "لتر ليتر لترات ليترات",
    "ml": "ml millilitre millilitres milliliter milliliters ملل مليلتر ميليلتر",
    "m": "metre metres meter meters mitro mitra mtr mitr mt متر مترو ميترو امتار أمتار",
    "m2": "m2 mq sqm mcarre mourabba3 mrabba3 mrb3 mrba3 مترمربع",
    "box": "box boxes boite boites bwata bwat bwatat 3olba 3lba 3elba caisse caisses "
           "coffret coffrets sndo9 sndou9 sandou9 علبة علب صندوق صناديق بواطة كاشة",
    "carton": "carton cartons kartona kartouna kartoun karton cartona ctn ctns "
              "كرطونة كارطون كرتون كرتونة كارطونة كراطن",
    "bottle": "bouteille bouteilles btl bottle bottles 9er3a 9ar3a 9r3a 9ra3i qar3a flacon "
              "flacons 9nina 9anina qnina قرعة قراعي قنينة قنينات زجاجة زجاجات",
    "set": "set sets lot lots ensemble ensembles kit kits ta9m t9m ta9em طقم أطقم اطقم "
           "مجموعة مجموعات",
    "dozen": "douzaine douzaines dozen dozens dz dzn dzina dozina douzina drzina "
             "دزينة درزينة درزن",
    "pair": "paire paires pair pairs",
}
# Single letters that are units only right after a number or "/" ("20 l", "/m"):
# elsewhere "l" is the Darija article ("l kilo") and "m" a stray letter.
_SHORT_UNITS: dict[str, str] = {
    "l": "l", "m": "m", "g": "g", "t": "ton", "u": "piece", "p": "piece",
    "مل": "ml", "م": "m", "ل": "l", "غ": "g", "ط": "ton",
}
# "zouj" / "زوج" is "two" in a number ("zouj kilo") but "pair" when it is the whole
# answer to "which unit?".
_LONE_UNIT_WORDS = {"pair": "zouj zoj zwj jouj joj زوج جوج",
                    "piece": "wa7da we7da wahda wehda"}
# "100 we7da": "one" right after a number counts pieces, it is no second number.
_ONE_WORDS = frozenset({"wa7da", "we7da", "wahda", "wehda"})
_SQUARE_WORDS = ("carre carres mourabba3 mourabba mrabba3 mrb3 mrba3 murabba square sq "
                 "مربع مربعة المربع المربعة")
_GRAM_WORDS = "gramme grammes gram grams غرام جرام"
# "par kilo", "le kilo", "l kilo", "للكيلو", "/kg": words that introduce a unit.
_PER_WORDS = "/ par per le la l each kol kul ال كل ل للا"
_RANGE_WORDS = "- – — ~ a au to l ila ilal lil hta 7ta 7tal htal jusqu jusqua ل الى الي حتى لغاية"
_BETWEEN_WORDS = "bin ben binat mabin entre between بين"
_AND_WORDS = "w o ou et and و"
_HALF_WORDS = "nss ness noss nsf demi demie نص نصف"

_LAT_UNIT_PREFIXES = ("l", "el", "al", "bl", "fl", "b", "f")
_AR_UNIT_PREFIXES = ("لل", "بال", "وال", "فال", "كال", "ال", "ب", "ل", "و", "ف")


def _index(groups: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, words in groups.items():
        for w in words.split():
            out.setdefault(fold(w), code)
    return out


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


_CURRENCY = _index(_CURRENCIES)
_FOREIGN_CURRENCY = _index(_FOREIGN)
_UNIT = _index(_UNIT_WORDS)
_LONE_UNITS = _index(_LONE_UNIT_WORDS)
_UNIT_SQUASHED = {squash(k): v for k, v in _UNIT.items() if k.isascii()}
_SQUARE = _set(_SQUARE_WORDS)
_GRAM = _set(_GRAM_WORDS)
_PER = _set(_PER_WORDS)
_RANGE = _set(_RANGE_WORDS)
_BETWEEN = _set(_BETWEEN_WORDS)
_AND = _set(_AND_WORDS)
_HALF = _set(_HALF_WORDS)
_GLUED = ATTACHABLE | frozenset(
    w for w in (*_CURRENCY, *_UNIT, *_FOREIGN_CURRENCY) if w.isascii() and w.isalnum()
)

# "د.م." (dirham) and "م2"/"م²" (square metre) are written with dots and digits.
_AR_MAD = re.compile(r"(?<![\u0621-\u064a])د\s*\.\s*م(?:\s*\.)?(?![\u0621-\u064a])")
_AR_M2 = re.compile(r"(?<![\u0621-\u064a])م\s*2(?![0-9])")


def _tokens(text: str) -> list[Token]:
    s = fold(text)
    if "د" in s:
        s = _AR_MAD.sub(" درهم ", s)
    if "م" in s:
        s = _AR_M2.sub(" مترمربع ", s)
    return tokenize(s, _GLUED)


# --- units ----------------------------------------------------------------------


def _unit_word(t: Token) -> str | None:
    if t.kind not in ("lat", "ar"):
        return None
    w = t.text
    hit = _UNIT.get(w)
    if hit is not None:
        return hit
    if t.kind == "lat":
        hit = _UNIT_SQUASHED.get(squash(w))
        if hit is None and len(w) > 3 and w.endswith("s"):
            hit = _UNIT.get(w[:-1])
        for p in _LAT_UNIT_PREFIXES:
            if hit is not None:
                break
            rest = w[len(p):]
            if w.startswith(p) and len(rest) >= 2:
                hit = _UNIT.get(rest) or _UNIT_SQUASHED.get(squash(rest))
        return hit
    for p in _AR_UNIT_PREFIXES:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 2 and rest in _UNIT:
            return _UNIT[rest]
    return None


def _find_units(tokens: list[Token], skip: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """(token index, unit) of every unit word, in order."""
    found: list[tuple[int, str]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if i in skip:
            i += 1
            continue
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else None
        unit = _unit_word(t)
        if unit is None and t.kind in ("lat", "ar") and t.text in _SHORT_UNITS:
            prev = tokens[i - 1] if i else None
            after_number = prev is not None and (prev.kind == "num" or prev.text == "/")
            # "l kilo": the article before a unit; "150 l 200": a range.
            before_word = nxt is not None and (
                nxt.kind == "num" or _unit_word(nxt) is not None or nxt.text in _SQUARE
            )
            if after_number and not before_word:
                unit = _SHORT_UNITS[t.text]
            elif t.text in ("m", "م") and nxt is not None and nxt.text in _SQUARE:
                unit = "m"
        if unit is None:
            i += 1
            continue
        width = 1
        if unit == "m" and nxt is not None and nxt.text in _SQUARE:
            unit, width = "m2", 2
        elif unit == "kg" and nxt is not None and nxt.text in _GRAM:
            width = 2
        found.append((i, unit))
        i += width
    return found


def _unit_near(tokens: list[Token], spans: list[NumSpan], chosen: tuple[int, int]) -> str | None:
    """The unit that goes with the number at token range `chosen`: the first unit after
    it, else one before it; never a unit right after another number ("20 pièces à
    100 dh" says nothing about the price of one piece)."""
    skip = frozenset(k for s in spans for k in range(s.start, s.end))
    others = {s.end for s in spans if not chosen[0] <= s.start < chosen[1]}
    units = [(i, u) for i, u in _find_units(tokens, skip) if i not in others]
    after = [u for i, u in units if i >= chosen[1]]
    if after:
        return after[0]
    return units[0][1] if units else None


def parse_unit(text: str) -> str | None:
    """The unit named in a short answer: "kilo", "l kilo", "للكيلو", "le kilo", "/kg",
    "litre", "lmetre mourabba3", "m²", "pièce", "l7ebba", "حبة", "علبة", "carton",
    "9er3a" (bottle). None when no unit is named."""
    try:
        tokens = _tokens(text)
        units = _find_units(tokens)
        if units:
            return units[0][1]
        # A lone letter answering "which unit?" ("L", "par m") is that unit.
        words = [t for t in tokens if t.kind in ("lat", "ar")
                 and (t.text not in _PER or t.text in _SHORT_UNITS)]
        if len(words) == 1:
            return _SHORT_UNITS.get(words[0].text) or _LONE_UNITS.get(words[0].text)
        return None
    except (ArithmeticError, ValueError, IndexError):  # pragma: no cover - defensive
        return None


def _counted_ones(tokens: list[Token], spans: list[NumSpan]) -> tuple[list[NumSpan], bool]:
    """The numbers without a "one" said right after another number ("100 we7da": a
    hundred pieces); True when there was one."""
    kept: list[NumSpan] = []
    counted = False
    for span in spans:
        if kept and span.start == kept[-1].end and span.end - span.start == 1 \
                and tokens[span.start].text in _ONE_WORDS:
            counted = True
            continue
        kept.append(span)
    return kept, counted


# --- prices -----------------------------------------------------------------------


@dataclass(frozen=True)
class Price:
    amount: Decimal              # in MAD, after any conversion; low end of a range
    amount_max: Decimal | None   # high end of a range, else None
    unit: str | None             # one of UNITS, or None when not said
    said_amount: Decimal         # the number as the owner said it (before conversion)
    said_currency: str           # "MAD", "ryal" or "franc"

    @property
    def converted(self) -> bool:
        return self.said_currency != "MAD"


@dataclass(frozen=True)
class Quantity:
    amount: Decimal
    unit: str | None


def _currency_at(tokens: list[Token], i: int) -> str | None:
    if 0 <= i < len(tokens):
        t = tokens[i]
        return _CURRENCY.get(t.text) or _FOREIGN_CURRENCY.get(t.text)
    return None


def _attached_currency(tokens: list[Token], span: NumSpan) -> str | None:
    # "150 dh", "150dh", "alf ryal"; else "DH 150", "MAD 150"
    return _currency_at(tokens, span.end) or _currency_at(tokens, span.start - 1)


def _is_range(tokens: list[Token], low: NumSpan, high: NumSpan) -> bool:
    between = [t.text for t in tokens[low.end:high.start]
               if _currency_at([t], 0) is None and t.text not in ("'", "’")]
    if not between or len(between) > 3:
        return False
    if all(word in _RANGE for word in between):  # "-", "à", "l", "jusqu'à", "ila", "الى"
        return True
    if len(between) == 1 and between[0] in _AND:
        # "bin 150 w 200", "entre 150 et 200", "بين 150 و 200"
        before = tokens[max(0, low.start - 2):low.start]
        return any(t.text in _BETWEEN for t in before)
    return False


def _scaled(value: Decimal, factor: Decimal, step: Decimal) -> Decimal:
    with localcontext(CONTEXT):
        return tidy((value * factor).quantize(step))


def parse_price(text: str) -> Price | Invalid:
    """A price: "150", "150dh", "150 DH le kilo", "150 درهم للكيلو", "150dh/kg",
    "150-200dh", "من 150 ل 200 درهم", "bin 150 w 200", "alf ryal" (= 50 DH),
    "مليون سنتيم" (= 10 000 DH). Reasons: "empty", "no_number", "not_positive",
    "foreign_currency" (params {"currency": "EUR"})."""
    try:
        with localcontext(CONTEXT):
            return _parse_price(text)
    except (ArithmeticError, ValueError, IndexError):  # pragma: no cover - defensive
        return Invalid(NO_NUMBER)


def _parse_price(text: str) -> Price | Invalid:
    tokens = _tokens(text)
    if not tokens:
        return Invalid(EMPTY)
    spans, counted = _counted_ones(tokens, find_numbers(tokens))
    if not spans:
        return Invalid(NO_NUMBER)
    attached = [_attached_currency(tokens, s) for s in spans]
    unit_positions = {i for i, _ in _find_units(tokens)}
    k = next((i for i, c in enumerate(attached) if c == "MAD"), None)
    if k is None:
        k = next((i for i, c in enumerate(attached) if c is not None), None)
    if k is None:
        # "un kilo 150": a number right before a unit is a quantity, not the price.
        k = next((i for i, s in enumerate(spans) if s.end not in unit_positions), 0)
    low = high = spans[k]
    if k + 1 < len(spans) and _is_range(tokens, spans[k], spans[k + 1]):
        high = spans[k + 1]
    elif k > 0 and _is_range(tokens, spans[k - 1], spans[k]):
        low = spans[k - 1]
    currency = attached[spans.index(low)] or attached[spans.index(high)]
    if currency is None:
        currency = next((c for c in (_currency_at(tokens, i) for i in range(len(tokens)))
                         if c is not None), "MAD")
    if currency not in _FACTORS:
        return Invalid(FOREIGN_CURRENCY, {"currency": currency})
    lo, hi = low.value, high.value
    if lo > hi:
        lo, hi = hi, lo
    factor = _FACTORS[currency]
    amount = _scaled(lo, factor, _CENT)
    amount_max = _scaled(hi, factor, _CENT) if high is not low and hi != lo else None
    if amount <= 0:
        return Invalid(NOT_POSITIVE)
    unit = _unit_near(tokens, spans, (low.start, high.end)) or ("piece" if counted else None)
    return Price(amount=amount, amount_max=amount_max, unit=unit,
                 said_amount=_scaled(lo, Decimal(1), _CENT), said_currency=currency)


def parse_quantity(text: str) -> Quantity | Invalid:
    """A minimum order: "100 kg", "50 pièces", "مية كيلو", "1 ton", "kilo w nss".
    A range gives its low end. Reasons: "empty", "no_number", "not_positive"."""
    try:
        with localcontext(CONTEXT):
            return _parse_quantity(text)
    except (ArithmeticError, ValueError, IndexError):  # pragma: no cover - defensive
        return Invalid(NO_NUMBER)


def _parse_quantity(text: str) -> Quantity | Invalid:
    tokens = _tokens(text)
    if not tokens:
        return Invalid(EMPTY)
    spans, counted = _counted_ones(tokens, find_numbers(tokens))
    if not spans:
        return Invalid(NO_NUMBER)
    span = spans[0]
    value = span.value
    # "kilo w nss": a unit said alone counts one of it.
    if (span.start >= 2 and tokens[span.start].text in _HALF
            and tokens[span.start - 1].text in _AND
            and _unit_word(tokens[span.start - 2]) is not None):
        value += 1
    amount = _scaled(value, Decimal(1), _MILLI)
    if amount <= 0:
        return Invalid(NOT_POSITIVE)
    end = span.end
    if len(spans) > 1 and _is_range(tokens, span, spans[1]):
        end = spans[1].end  # "100-200 kg": the low end, in the unit said after the range
    unit = _unit_near(tokens, spans, (span.start, end)) or ("piece" if counted else None)
    return Quantity(amount=amount, unit=unit)
