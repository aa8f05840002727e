"""Names as owners type them: "Je m'appelle Karim Bziz" is the name "Karim Bziz".

A lead-in ("je m'appelle", "smiya dyalha", "سميتي", "اسم الشركة"...) is the start of
a sentence, not of the name, so it is dropped; what follows is kept exactly as typed.
The lead-ins are data (flows/langdata/lead_ins.tsv), one table for every locale.
"""

from __future__ import annotations

import re
from functools import cache

from flows.language import DATA_DIR
from flows.text import normalise

KINDS = ("owner", "business", "product")
_WORD = re.compile(r"\w+", re.UNICODE)
# Left between a lead-in and the name: "Nom : Karim", "smiti - Karim", "c'est « Atlas »".
_SEPARATORS = " \t:：,،.-–—=«»\"'“”"


@cache
def _lead_ins() -> dict[str, tuple[tuple[str, ...], ...]]:
    """kind -> lead-ins as word tuples, longest first."""
    table: dict[str, set[tuple[str, ...]]] = {kind: set() for kind in (*KINDS, "greeting")}
    for line in (DATA_DIR / "lead_ins.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _locale, phrase = line.split("\t")
        words = tuple(normalise(phrase).split())
        if words:
            table[kind].add(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def _words(text: str) -> list[tuple[str, int]]:
    """The text's words in their normal form, each with where it ends in the text."""
    out: list[tuple[str, int]] = []
    for match in _WORD.finditer(text):
        out.extend((w, match.end()) for w in normalise(match.group()).split())
    return out


def _strip(words: list[tuple[str, int]], at: int, phrases) -> int:
    """How many words from `at` one of `phrases` covers (0: none)."""
    for phrase in phrases:
        n = len(phrase)
        if tuple(w for w, _ in words[at:at + n]) == phrase:
            return n
    return 0


def drop_lead_in(text: str, kind: str) -> str:
    """`text` without the lead-in before a name of this kind ("owner", "business",
    "product"); the text unchanged when there is none, or when nothing would be left."""
    tables = _lead_ins()
    words = _words(text)
    # A greeting counts only before a lead-in: "Salam Argan" may well be a shop's name.
    at = _strip(words, 0, tables["greeting"])
    lead = _strip(words, at, tables[kind])
    if not lead or at + lead >= len(words):
        return text
    rest = text[words[at + lead - 1][1]:].lstrip(_SEPARATORS)
    if rest[:1] != text[words[at + lead - 1][1]:].lstrip(" \t:：,،.-–—=")[:1]:
        rest = rest.rstrip(" \t.!»\"”'")  # it was quoted: « Atlas Argan ».
    rest = rest.rstrip(" \t.!")
    return rest if any(ch.isalnum() for ch in rest) else text
