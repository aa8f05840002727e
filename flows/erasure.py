""""Delete my data" (law 09-08), at any step, in every language.

| the owner                         | the bot                                      | state     |
|-----------------------------------|----------------------------------------------|-----------|
| words of flows/langdata/erase.tsv | what goes, that it cannot be undone: sure?   | "erase"   |
| yes                               | done (EraseOwner: bot/turns.py erases it)    | gone      |
| no                                | kept; the question open before               | as it was |
| anything else                     | the question closes; the words read as usual |           |

Read before anything else of an owner's turn, even while a field agent holds the draft
they fill in for the owner: the owner's right does not wait. A field agent's own chat
never gets here (bot/assist.py): an agent cannot erase an owner.
"""

from __future__ import annotations

from functools import cache

from flows.choices import read_choice
from flows.language import DATA_DIR
from flows.model import Button, ConfirmErase, EraseOwner, Expect, Msg, Reply, Turn
from flows.text import normalise

PAYLOAD = "erase"  # a button, or a channel's command, that asks for it
MAX_WORDS = 12  # a longer message is about something else


@cache
def phrases() -> tuple[tuple[str, ...], ...]:
    found = set()
    for line in (DATA_DIR / "erase.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _locale, phrase = line.split("\t")
            found.add(tuple(normalise(phrase).split()))
    return tuple(sorted(found))


def asks_erasure(text: str | None) -> bool:
    """Whether a message asks for the owner's data to be deleted."""
    words = normalise(text).split()
    if not words or len(words) > MAX_WORDS:
        return False
    return any(words[i:i + len(p)] == list(p) for p in phrases()
               for i in range(len(words) - len(p) + 1))


def erase_question(t: Turn) -> Reply:
    storefront = 1 if t.s.decision == "live" else 0  # a number: never isolated (bidi)
    return Reply(Msg("erase_confirm", {"storefront": storefront}),
                 (Button(Msg("btn_erase_yes"), "yes"), Button(Msg("btn_erase_no"), "no")),
                 Expect.CHOICE)


def handle(t: Turn) -> bool:
    """The erasure's part of an owner's turn; False: the turn goes on as usual."""
    s = t.s
    if isinstance(s.pending, ConfirmErase):
        choice = read_choice(t.inp, t.ctx.lexicon, t.question, ("yes", "no"))
        s.pending = None
        if choice == "yes":
            t.effects.append(EraseOwner())
            t.say(Reply(Msg("erase_done")))
            return True
        if choice == "no":
            t.say(Reply(Msg("erase_kept")))
            if s.step != "start":
                t.say(t.question())
            return True
        return False
    if t.inp.payload == PAYLOAD or (t.inp.payload is None and asks_erasure(t.inp.text)):
        s.pending = ConfirmErase()
        t.say(t.question())
        return True
    return False
