"""The ICE (Identifiant Commun de l'Entreprise): 15 digits on every Moroccan invoice.

Owners copy it with spaces, dots or dashes, sometimes after its label ("ICE:"),
and may type Arabic-Indic digits. Only the length is checked: the ICE's control
digits follow no published algorithm we could verify.
"""

from __future__ import annotations

import re
import unicodedata

from flows.parsing.numbers import normalize_digits
from flows.parsing.result import NOT_DIGITS, WRONG_LENGTH, Invalid

ICE_LENGTH = 15
_MAX_ICE_INPUT = 200

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
# "ICE", "I.C.E", "ICE n°", "رقم ICE", "التعريف الموحد للمقاولة" before the digits.
_LABEL = re.compile(
    r"^\s*(?:رقم\s*)?(?:i\s*\.?\s*c\s*\.?\s*e\s*\.?|ال?تعريف\s+الموحد(?:\s+للمقاول[ةه])?|"
    r"identifiant\s+commun\s+de\s+l\W?entreprise)"
    r"\s*(?:n\s*[°o]\.?|num(?:[eé]ro)?\.?|#|رقم)?\s*[:=\-]?",
    re.IGNORECASE,
)
_SEPARATORS = frozenset(" .-_/,·•\u00a0\t\n\r\u2010\u2011\u2012\u2013\u2014\u2212'")


def parse_ice(text: str) -> str | Invalid:
    """The 15 digits of an ICE, whatever the separators ("001 234 567 000 089",
    "001.234.567.000.089", "٠٠١٢٣٤٥٦٧٠٠٠٠٨٩", "ICE: 001234567000089"). Reasons:
    "not_digits" (letters or other symbols in it), "wrong_length" with params
    {"count": n} for any other number of digits (0 for an empty answer)."""
    if not isinstance(text, str):
        return Invalid(WRONG_LENGTH, {"count": 0})
    text = text[:_MAX_ICE_INPUT * 5].strip()
    s = normalize_digits(text[:_MAX_ICE_INPUT]).translate(_INVISIBLE)
    s = normalize_digits(unicodedata.normalize("NFKC", s))
    s = _LABEL.sub("", s, count=1)
    digits: list[str] = []
    for ch in s:
        if "0" <= ch <= "9":
            digits.append(ch)
        elif ch not in _SEPARATORS:
            return Invalid(NOT_DIGITS)
    if len(text) > _MAX_ICE_INPUT:
        # Only the start was read: the answer holds at least these digits, and far
        # more characters than any ICE.
        return Invalid(WRONG_LENGTH, {"count": max(len(digits), ICE_LENGTH + 1)})
    if len(digits) != ICE_LENGTH:
        return Invalid(WRONG_LENGTH, {"count": len(digits)})
    return "".join(digits)
