"""Everyday answers to a choice, as owners type them: "oui d'accord", "iyeh wakha",
"اه موافق", "نعم أوافق" (flows/langdata/answers.tsv, a table for every locale).

A message names an intent when it is a phrase of the table or of the locales' words, or
when it is made of such phrases that all say the same thing, with fillers ("merci",
"3afak", "عافاك") around them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from flows.language import DATA_DIR
from flows.model import Lexicon
from flows.text import normalise

FILLER = "filler"
# answers.tsv: yes, no, done...; privacy.tsv: what owners type to see their data.
TABLES = ("answers.tsv", "privacy.tsv")
MAX_WORDS = 8  # a longer message is a sentence, not a choice
PHRASE_WORDS = 4  # the longest phrase looked for inside a message


@cache
def table() -> dict[str, frozenset[str]]:
    """normalised words -> the intents they stand for (FILLER: none)."""
    words: dict[str, set[str]] = defaultdict(set)
    lines = [line for name in TABLES
             for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        intent, _locale, phrase = line.split("\t")
        key = normalise(phrase) or phrase.strip()  # "👍" has no letters to normalise
        words[key].add(intent)
    return {w: frozenset(i) for w, i in words.items()}


def intents_of(words: str, lexicon: Lexicon) -> frozenset[str]:
    """What a normalised message stands for; empty when it is not one answer."""
    known = table()

    def phrase(text: str) -> frozenset[str]:
        return lexicon.intents_for(text) | known.get(text, frozenset())

    exact = phrase(words) - {FILLER}
    if exact:
        return exact
    tokens = words.split()
    if not 1 < len(tokens) <= MAX_WORDS:
        return frozenset()
    # best[i]: the intents every phrase of tokens[i:] agrees on (None: fillers only).
    best: list[frozenset[str] | None] = [None] * (len(tokens) + 1)
    reachable = [False] * len(tokens) + [True]
    for i in range(len(tokens) - 1, -1, -1):
        found: set[str] = set()
        only_fillers = False
        for j in range(i + 1, min(len(tokens), i + PHRASE_WORDS) + 1):
            if not reachable[j]:
                continue
            said = phrase(" ".join(tokens[i:j]))
            if not said:
                continue
            rest = best[j]
            if said == {FILLER}:
                if rest is None:
                    only_fillers = True
                else:
                    found |= rest
            else:
                found |= (said - {FILLER}) if rest is None else (said & rest)
            reachable[i] = True
        best[i] = frozenset(found) if found or not only_fillers else None
    return best[0] or frozenset() if reachable[0] else frozenset()
