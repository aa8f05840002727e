"""Phone numbers and e-mail addresses.

Moroccan numbers are 0 + 9 digits nationally (06/07 mobile, 05/08 fixed lines)
and +212 + 9 digits internationally; owners separate the pairs with spaces, dots
or dashes and may type Arabic-Indic digits. A foreign number is accepted only with
its "+" or "00" international prefix, since without it its country is unknown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flows.parsing.numbers import normalize_digits
from flows.parsing.result import INVALID, Invalid

_MAX_PHONE_INPUT = 200
_MAX_EMAIL_INPUT = 400

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2066\u2067\u2068\u2069\ufeff"),
    None,
)


@dataclass(frozen=True)
class Phone:
    e164: str   # "+212612345678"
    kind: str   # "mobile", "landline" or "foreign"


def _clean(text: str, limit: int) -> str:
    if not isinstance(text, str):
        return ""
    s = normalize_digits(text[:limit]).translate(_INVISIBLE)
    # Fullwidth "＋", "＠" and digits typed from some Asian or Arabic keyboards.
    return normalize_digits(unicodedata.normalize("NFKC", s))


# A run of digits with the separators people put between pairs: "06 12-34.56 78",
# "+212 (0)6 12 34 56 78". Letters and slashes end a run ("06... / 07...").
_PHONE_RUN = re.compile(r"(?:\+\s*|\b00)?\(?[0-9][0-9 .\-()\u00a0]*[0-9]")
_MOROCCAN_KINDS = {"5": "landline", "6": "mobile", "7": "mobile", "8": "landline"}


def _moroccan(national: str) -> Phone | None:
    """`national`: the 9 digits after 0 or +212."""
    if len(national) == 9 and national[0] in _MOROCCAN_KINDS:
        return Phone("+212" + national, _MOROCCAN_KINDS[national[0]])
    return None


def _read(run: str) -> Phone | None:
    digits = re.sub(r"[^0-9]", "", run)
    international = run.startswith("+") or digits.startswith("00")
    if international:
        full = digits if run.startswith("+") else digits[2:]
        if full.startswith("212"):
            national = full[3:]
            if len(national) == 10 and national.startswith("0"):
                national = national[1:]  # "+212 (0)6..."
            return _moroccan(national)
        # E.164 numbers have at most 15 digits and a country code never starts with 0;
        # below 9 digits no country we trade with has a reachable number.
        if 9 <= len(full) <= 15 and full[0] != "0":
            return Phone("+" + full, "foreign")
        return None
    if len(digits) == 12 and digits.startswith("212"):
        return _moroccan(digits[3:])
    if len(digits) == 10 and digits.startswith("0"):
        return _moroccan(digits[1:])
    if len(digits) == 9:
        return _moroccan(digits)
    return None


def parse_phone(text: str) -> Phone | Invalid:
    """A phone number: "+212 6 12 34 56 78", "00212612345678", "0612345678",
    "06.12.34.56.78", "06-12-34-56-78", "٠٦١٢٣٤٥٦٧٨", "+33 6 12 34 56 78" (foreign),
    also inside a short sentence ("tel: 0612345678"). Reason: "invalid"."""
    s = _clean(text, _MAX_PHONE_INPUT)
    for m in _PHONE_RUN.finditer(s):
        phone = _read(m.group())
        if phone is not None:
            return phone
    return Invalid(INVALID)


_LOCAL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL_RE = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_TLD_RE = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_EMAIL_TOKEN = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+")


def _email(candidate: str) -> str | None:
    candidate = candidate.strip().rstrip(".")
    if candidate.lower().startswith("mailto:"):
        candidate = candidate[7:]
    if candidate.count("@") != 1:
        return None
    local, domain = candidate.split("@")
    if not (1 <= len(local) <= 64) or not _LOCAL_RE.fullmatch(local):
        return None
    domain = domain.lower().rstrip(".")
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except (UnicodeError, ValueError):
            return None
    labels = domain.split(".")
    if len(labels) < 2 or len(domain) > 253:
        return None
    if not all(_LABEL_RE.fullmatch(label) for label in labels):
        return None
    if not _TLD_RE.fullmatch(labels[-1]):
        return None
    address = f"{local}@{domain}"
    return address if len(address) <= 254 else None


def parse_email(text: str) -> str | Invalid:
    """An e-mail address, trimmed, its domain lower-cased ("Ali.B@Gmail.COM " ->
    "Ali.B@gmail.com"), also inside a short sentence when it is the only address in
    it ("mon email: ali@x.ma"). Reason: "invalid"."""
    s = _clean(text, _MAX_EMAIL_INPUT).strip().strip("<>")
    found = _email(s)
    if found is not None:
        return found
    candidates = _EMAIL_TOKEN.findall(s)
    if len(candidates) == 1:
        found = _email(candidates[0].rstrip(".!?"))
        if found is not None:
            return found
    return Invalid(INVALID)
