"""Spans of time and certificate details as owners type them (the buyers' questions,
flows.buyerq).

- `parse_lead_time`: "15 jours", "chi 3 simanat", "شي 3 سيمانات", "أسبوعين", "chhar",
  "2 weeks" -> a quantity, its unit (day, week, month) and the days it makes.
- `period_of`: the period a production capacity is counted over ("f chhar", "par
  semaine", "فالنهار"); a month when none is said.
- `parse_certificate`: "ECOCERT, n° MA-BIO-154, valable jusqu'au 12/2027" -> the
  issuing body when it is one we know, the number, the expiry date.

Numbers are read by flows.parsing.numbers, like prices and quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flows.parsing.numbers import fold, normalize_digits, parse_number
from flows.parsing.result import EMPTY, NO_NUMBER, NOT_POSITIVE, Invalid

# Period -> the words for it (folded: no accents, one spelling per Arabic letter, ة -> ه).
_PERIOD_WORDS = {
    "day": "jour jours j nhar nhar nharat iyam ayam yam yom youm youma day days "
           "يوم ايام نهار نهارات ليام يام",
    "week": "semaine semaines sem simana simanat simanate semana semanat jem3a jm3a jom3a "
            "jem3at week weeks سيمانه سيمانات سمانه سمانات اسبوع اسابيع جمعه جمعات",
    "month": "mois chhar chher chhar chhor chhour chhora shhar shar chahr month months "
             "شهر شهور اشهر",
    "year": "an ans annee annees 3am l3am sna snin year years عام سنه سنين اعوام",
}
# Two of a period in one word ("أسبوعين", "chhrin").
_DUAL_WORDS = {
    "day": "yomin youmin nharin يومين",
    "week": "simantin jem3tin jm3tin اسبوعين جمعتين سيمانتين",
    "month": "chhrin chehrin chhrayn شهرين",
    "year": "3amin 3amayn عامين",
}
DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# A first order takes days to months; more than two years is not a lead time.
MAX_LEAD_DAYS = 730
# Arabic words may carry a glued preposition or article: "فالشهر", "بالسيمانة".
_AR_PREFIXES = ("فال", "بال", "في", "فل", "ال", "ف", "ب", "ل")
_LAT_PREFIXES = ("f", "l", "fl", "b")


def _index(groups: dict[str, str]) -> dict[str, str]:
    return {fold(w): key for key, words in groups.items() for w in words.split()}


_PERIOD = _index(_PERIOD_WORDS)
_DUAL = _index(_DUAL_WORDS)
_WORD = re.compile(r"[a-z0-9]+|[\u0600-\u06ff]+")


def _lookup(word: str, table: dict[str, str]) -> str | None:
    if word in table:
        return table[word]
    prefixes = _AR_PREFIXES if not word.isascii() else _LAT_PREFIXES
    for prefix in prefixes:
        if word.startswith(prefix) and word[len(prefix):] in table:
            return table[word[len(prefix):]]
    return None


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def period_of(text: str) -> str:
    """The period a quantity per period is counted over: the first one named, else a month."""
    for word in _words(text):
        found = _lookup(word, _PERIOD) or _lookup(word, _DUAL)
        if found:
            return found
    return "month"


@dataclass(frozen=True)
class LeadTime:
    quantity: Decimal
    unit: str  # day, week, month (a year is counted in months)
    days: int


def parse_lead_time(text: str) -> LeadTime | Invalid:
    """How long a first order takes. A number without a period is days ("15")."""
    words = _words(text)
    if not words:
        return Invalid(EMPTY)
    unit = dual = None
    for word in words:
        dual = _lookup(word, _DUAL)
        unit = dual or _lookup(word, _PERIOD)
        if unit:
            break
    number = parse_number(text)
    if number is None:
        if unit is None:
            return Invalid(NO_NUMBER)
        number = Decimal(2 if dual else 1)  # "chhar": a month; "أسبوعين": two weeks
    unit = unit or "day"
    if unit == "year":
        unit, number = "month", number * 12
    days = int(number * DAYS[unit])
    if number <= 0 or days < 1:
        return Invalid(NOT_POSITIVE)
    if days > MAX_LEAD_DAYS:
        return Invalid(NO_NUMBER)
    if number == number.to_integral_value():
        number = Decimal(int(number))
    return LeadTime(quantity=number, unit=unit, days=days)


# --- certificates -------------------------------------------------------------

# Bodies that certify Moroccan producers, as they are written on the certificate.
BODIES = ("ECOCERT", "ONSSA", "FLOCERT", "Fairtrade", "IMANOR", "Bureau Veritas", "SGS",
          "TÜV", "Control Union", "CCPB", "Intertek", "AFNOR", "Certisys", "Ecocert")
_BODY_KEYS = {fold(b).replace(" ", ""): b for b in BODIES}
_BODY_KEYS.update({"eco": "ECOCERT", "ecocert": "ECOCERT", "bv": "Bureau Veritas",
                   "tuv": "TÜV", "ايكوسيرت": "ECOCERT", "اونسا": "ONSSA", "اونصا": "ONSSA"})
_DATE_DMY = re.compile(r"(?<![0-9])([0-3]?[0-9])[/.\-]([01]?[0-9])[/.\-]((?:20)?[0-9]{2})(?![0-9])")
_DATE_MY = re.compile(r"(?<![0-9/.\-])([01]?[0-9])[/.\-]((?:20)[0-9]{2})(?![0-9])")
_YEAR = re.compile(r"(?<![0-9])(20[2-9][0-9])(?![0-9])")
# A certificate number: letters, digits and dashes with at least two digits in it.
_NUMBER = re.compile(r"(?<![\w/-])([A-Za-z0-9][A-Za-z0-9/_.\-]*[0-9][A-Za-z0-9/_.\-]*)")


@dataclass(frozen=True)
class Certificate:
    body: str | None
    number: str | None
    expires: date | None


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _expiry(text: str) -> tuple[date | None, str]:
    """The expiry date and the text without it (so it is not read as the number)."""
    for pattern in (_DATE_DMY, _DATE_MY):
        match = pattern.search(text)
        if match is None:
            continue
        parts = match.groups()
        try:
            if len(parts) == 3:
                when = date(_year(parts[2]), int(parts[1]), int(parts[0]))
            else:  # a month and a year: valid to the end of that month, read as its last day
                month, year = int(parts[0]), _year(parts[1])
                following = date(year + month // 12, month % 12 + 1, 1)
                when = date.fromordinal(following.toordinal() - 1)
        except ValueError:
            continue
        return when, text[:match.start()] + " " + text[match.end():]
    match = _YEAR.search(text)
    if match:
        return date(int(match.group(1)), 12, 31), text[:match.start()] + " " + text[match.end():]
    return None, text


def parse_certificate(text: str, *, kind_body: str | None = None) -> Certificate | Invalid:
    """A certificate's issuing body, number and expiry, from one message. `kind_body`: the
    body a kind of certificate always has (ONSSA issues ONSSA approvals)."""
    plain = " ".join((text or "").split())[:300]
    if not plain:
        return Invalid(EMPTY)
    plain = normalize_digits(plain)
    expires, rest = _expiry(plain)
    words = re.findall(r"\w+", fold(rest))
    # A body's name may be two words ("bureau veritas"): pairs first, then single words.
    candidates = [a + b for a, b in zip(words, words[1:], strict=False)] + words
    body = next((_BODY_KEYS[w] for w in candidates if w in _BODY_KEYS), None)
    numbers = [n.strip(".-/") for n in _NUMBER.findall(rest)
               if sum(ch.isdigit() for ch in n) >= 2]
    number = max(numbers, key=len) if numbers else None
    if number is None and expires is None and body is None:
        return Invalid(NO_NUMBER)
    return Certificate(body=body or kind_body, number=number[:64] if number else None,
                       expires=expires)
