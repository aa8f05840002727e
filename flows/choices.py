"""The fixed choices offered as buttons, the words that pick them, and how an
input is read as a choice (`read_choice`, for the owner's flow and the agent's console).

A button payload is a short stable ASCII id, the same on every channel;
its label is a locale key, so every locale's label is also a word the
owner may type back (see `LABELS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flows import buyerq
from flows.answers import intents_of
from flows.model import Button, Expect, Input, Lexicon, Reply
from flows.text import normalise

PAYLOAD_MAX = 64  # Telegram's callback_data, in bytes (payloads are ASCII)
# What WhatsApp's interactive messages hold: a list picker at most 10 rows of at most 24
# characters, quick replies at most 3 buttons of at most 20. A question offers at most
# LIST_ROWS choices at once (`page`); tests/unit/test_channel_limits.py checks every label.
LIST_ROWS = 10
LIST_TITLE_MAX = 24
QUICK_REPLIES = 3
QUICK_TITLE_MAX = 20

# The most common first: a list longer than LIST_ROWS shows its head, then "other…".
SECTORS = (
    "argan", "olive_oil", "food", "cosmetics", "carpets", "textiles",
    "leather", "zellige", "pottery", "wood_metal", "other",
)
# The units a price or a minimum order applies to (ids shared with flows.parsing.prices).
UNITS = ("piece", "kg", "l", "m2", "box", "set", "pair", "dozen", "ton", "g", "ml", "m",
         "carton", "bottle")
UNIT_BUTTONS = ("piece", "kg", "l", "m2", "box", "set")
LANGUAGE_BUTTONS = ("ary", "fr", "ar")

# What an owner may change after sending (flows.changes.KINDS; payloads "change:<kind>").
CHANGE_KINDS = ("price", "photos", "description", "moq", "add_product", "remove_product")

# Commands the owner may type at any step: flows.commands.COMMANDS.
# Answers that belong to particular questions (words in locales: words_<intent>).
ANSWERS = ("yes", "no", "done", "submit", "menu")


def sector_label(sector: str) -> str:
    return f"sector_{sector}"


def unit_label(unit: str) -> str:
    return f"unit_{unit}"


def language_label(language: str) -> str:
    return f"lang_{language}"


# What the review's correction menu offers (flows.steps reads and asks them).
BUSINESS_FIELDS = ("business_name", "owner_name", "city", "sector", "ice", "phone", "email")
PRODUCT_FIELDS = ("product_name", "photos", "description", "price", "moq")

# label key -> payload: the labels owners may type instead of pressing the button.
LABELS: dict[str, str] = {
    **{language_label(lang): f"lang:{lang}" for lang in LANGUAGE_BUTTONS},
    **{sector_label(s): f"sector:{s}" for s in SECTORS},
    **{unit_label(u): f"unit:{u}" for u in UNITS},
    "btn_yes": "yes",
    "btn_no": "no",
    "btn_done": "done",
    "btn_skip": "skip",
    "btn_back": "back",
    "btn_submit": "submit",
    "btn_add_product": "add_product",
    "btn_keep": "keep",
    "btn_replace": "replace",
    "btn_confirm_send": "yes",
    "btn_change": "change",
    "btn_resend": "resend",
    "btn_revise": "change",
    "btn_photos_clear": "clear_photos",
    "btn_show_summary": "show_summary",
    "btn_other_language": "language",
    "btn_keep_all": "keep",
    "btn_agent_new": "agent:new",
    "btn_agent_list": "agent:list",
    "btn_agent_link": "agent:link",
    "btn_agent_menu": "agent:menu",
    "btn_edit_business": "edit:business",
    "btn_more": "more",
    # Changes after sending (flows.changes).
    "btn_change_menu": "change",
    **{f"btn_change_{k}": f"change:{k}" for k in CHANGE_KINDS},
    "btn_change_none": "change:none",
    "btn_send_changes": "send_changes",
    **{f"btn_{c}": c for c in ("photo_replace", "photo_add", "photo_remove")},
    **{f"field_{f}": f"edit:{f}" for f in BUSINESS_FIELDS + PRODUCT_FIELDS},
    "btn_type_none": "type:none",  # flows.producttype
    **buyerq.LABELS,
}
# words key -> payload: what people type for a choice besides its label
# ("darija", "zit argan", "nouveau"), in locales as words_<...>.
WORD_CHOICES: dict[str, str] = {
    **{f"words_lang_{lang}": f"lang:{lang}" for lang in LANGUAGE_BUTTONS},
    **{f"words_sector_{s}": f"sector:{s}" for s in SECTORS},
    "words_agent_new": "agent:new",
    "words_agent_list": "agent:list",
    "words_agent_link": "agent:link",
    "words_change": "change",
    **{f"words_change_{k}": f"change:{k}" for k in CHANGE_KINDS},
    **buyerq.WORDS,
}


def page(buttons: tuple[Button, ...], number: int = 0,
         more: Button | None = None) -> tuple[tuple[Button, ...], tuple[str, ...]]:
    """A long list cut to what one WhatsApp list shows: (the buttons of page `number`,
    the payloads left on other pages). Each page but the last ends with `more`
    (payload "more"), the last one leads back to the first."""
    if len(buttons) <= LIST_ROWS or more is None:
        return buttons, ()
    size = LIST_ROWS - 1
    pages = [buttons[i:i + size] for i in range(0, len(buttons), size)]
    number %= len(pages)
    shown = (*pages[number], more)
    return shown, tuple(b.payload for b in buttons if b not in pages[number])


def read_choice(inp: Input, lexicon: Lexicon, question: Callable[[], Reply],
                understood: Iterable[str], *, numbers: bool = True) -> str | None:
    """What an input chose: a button's payload, or typed words that name a choice.

    Typed, a number picks the open question's buttons in order (plain WhatsApp and the
    terminal show them numbered; `numbers=False`: only under a question that waits for a
    choice, so a typed phone stays a phone). Words name one of the question's buttons
    first (or one on another page of its list), then one of `understood` (commands and
    answers, the first wins), then a language; everyday variants and answers of several
    words are read by flows.answers.
    A payload that cannot be ours (empty, too long, not ASCII) is no choice.
    """
    if inp.payload is not None:
        payload = inp.payload.strip()
        return payload if payload and len(payload) <= PAYLOAD_MAX and payload.isascii() else None
    # An emoji alone ("👍") has nothing to normalise: it is looked up as sent.
    words = normalise(inp.text or "") or (inp.text or "").strip()[:8]
    if not words:
        return None
    open_question = question()
    payloads = [b.payload for b in open_question.buttons]
    if words.isdigit() and (numbers or open_question.expects is Expect.CHOICE) \
            and 1 <= int(words) <= len(payloads):
        return payloads[int(words) - 1]
    intents = intents_of(words, lexicon)
    for payload in (*payloads, *open_question.more):
        if payload in intents:
            return payload
    for intent in understood:
        if intent in intents:
            return intent
    return next((i for i in intents if i.startswith("lang:")), None)
