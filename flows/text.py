"""Cleaning what owners type, and the normal form used to match words.

Owners' text is stored as given (bounded), never interpreted; only the
invisible bidi controls are dropped, because a right-to-left override in a
shop name would scramble every page that shows it.
"""

from __future__ import annotations

import re
import unicodedata

# LRE RLE PDF LRO RLO, LRI RLI FSI PDI, and the zero-width marks used to spoof text.
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"), None
)
_TASHKEEL = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                              "ئ": "ي", "ک": "ك", "ی": "ي", "گ": "ك", "ڭ": "ك"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)


def clean(text: str | None, limit: int) -> str:
    """The owner's text as it will be stored: bidi controls out, whitespace trimmed, bounded."""
    if not text:
        return ""
    text = text.translate(_BIDI_CONTROLS).replace("\x00", "")
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()
    return text[:limit]


def normalise(text: str | None) -> str:
    """A matching key: case, accents, Arabic letter variants and punctuation folded."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text[:200].translate(_BIDI_CONTROLS).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    text = unicodedata.normalize("NFC", text)
    text = _TASHKEEL.sub("", text).translate(_ARABIC_FOLD).translate(_DIGITS)
    return " ".join(_NOT_WORD.sub(" ", text).replace("_", " ").split())


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def word_count(text: str) -> int:
    return len(normalise(text).split())


# Words a capitalised name keeps in lower case ("Coopérative de Tafraout", "Dar el Makhzen").
_PARTICLES = {"de", "du", "des", "d", "la", "le", "les", "l", "el", "al", "et", "w", "ou", "of"}


def shown_name(name: str) -> str:
    """A name as shown, stored as typed: "karim bziz" reads "Karim Bziz". Only words typed
    all in lower case change ("iPhone", "ZELLIGE" and Arabic script stay as they are)."""
    words = name.split(" ")
    for i, word in enumerate(words):
        if word.islower():  # Arabic letters have no case: never "lower"
            if i and word in _PARTICLES:
                continue
            words[i] = word[:1].upper() + word[1:]
    return " ".join(words)


def shorten(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters at a word's end, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:،") + "…"
