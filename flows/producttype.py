"""Which product type a product is: the owner's choice when the matcher was unsure, else
the matcher (flows.taxonomy). Pure.

After the description (or a new name from the review), a product the matcher is unsure of
gets one short question: its two or three likeliest types as buttons, named in the
owner's words (the taxonomy's phrases for their locale), and "none of these". The answer
is kept on the product with the words it answered (`ProductDraft.type_asked`): it wins
over the matcher until the name or description changes, and the question is never asked
twice for the same words. A confident match asks nothing.

    product_match(product, sector) -> TypeMatch   # what readiness and the listing use
    wants_type(t, product) -> bool                # asked the question (pending product_type)
    on_type_choice(t) -> None                     # reads its answer, then goes on
"""

from __future__ import annotations

import hashlib

from flows.choices import LIST_TITLE_MAX, QUICK_REPLIES, QUICK_TITLE_MAX
from flows.model import Button, Expect, Msg, ProductDraft, Reply, Turn, TypeChoice
from flows.taxonomy import ProductType, TypeMatch, match_type, types

NONE = "type:none"


def words_of(product: ProductDraft) -> str:
    """What the owner's answer is about: a digest of the name and description it was
    given for (the words themselves are already in the draft)."""
    said = f"{product.name or ''}\n{product.description or ''}"
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]


def chose(product: ProductDraft) -> bool:
    """The owner answered the question for the product's words as they are now."""
    return product.type_asked is not None and product.type_asked == words_of(product)


def product_match(product: ProductDraft, sector: str | None = None) -> TypeMatch:
    if chose(product):
        chosen = types().get(product.type or "")
        if chosen is None:  # "none of these": no type, whatever the matcher thinks
            return TypeMatch(None, 1.0)
        return TypeMatch(chosen, 1.0, (chosen,), (product.name or "",))
    return match_type(product.name, product.description, sector)


def display_name(ptype: ProductType, locale: str, limit: int) -> str:
    """What owners in this locale call the type: the first of their phrases that fits a
    button (the taxonomy lists the usual word first), else the first one cut."""
    phrases = ptype.words.get(locale) or ptype.words.get("fr") or (ptype.en,)
    name = next((p for p in phrases if len(p) <= limit), phrases[0][:limit - 1] + "…")
    return name[:1].upper() + name[1:]


def wants_type(t: Turn, product: ProductDraft) -> bool:
    """Ask which type it is (True) when the matcher is unsure and the owner has not
    answered for these words; a confident match, or no candidate at all, asks nothing."""
    if chose(product):
        return False
    match = match_type(product.name, product.description, t.s.draft.sector)
    if match.sure or not match.candidates:
        return False
    t.s.pending = TypeChoice(options=[c.key for c in match.candidates])
    t.say(t.question())
    return True


def type_question(t: Turn) -> Reply:
    pending = t.s.pending
    options = pending.options if isinstance(pending, TypeChoice) else []
    catalogue = types()
    shown = [catalogue[k] for k in options if k in catalogue]
    # Up to three buttons are WhatsApp quick replies (20 characters), more a list (24).
    limit = QUICK_TITLE_MAX if len(shown) + 1 <= QUICK_REPLIES else LIST_TITLE_MAX
    buttons = tuple(Button(Msg("label_plain", {"text": display_name(p, t.s.locale, limit)}),
                           f"type:{p.key}") for p in shown)
    product = t.s.current_product
    return Reply(Msg("ask_product_type", {"product": (product.name if product else "") or ""}),
                 (*buttons, Button(Msg("btn_type_none"), NONE)), Expect.CHOICE,
                 more=("skip",))  # skipping it is "none of these"


def on_type_choice(t: Turn) -> None:
    """The answer: a button, a number, "none"/"skip"/"no", or the type's name typed."""
    pending = t.s.pending
    assert isinstance(pending, TypeChoice), "read only while the question is open"
    product = t.product()
    choice = t.choice or ""
    key: str | None
    if choice.startswith("type:") and (choice[5:] in pending.options or choice == NONE):
        key = None if choice == NONE else choice[5:]
    elif choice in ("skip", "no"):
        key = None
    elif t.inp.text and (typed := match_type(t.inp.text)).sure:
        key = typed.type.key  # "zarbiya": the owner named it in their own words
    else:
        t.invalid("invalid_choice")
        return
    t.s.pending = None
    product.type, product.type_asked = key, words_of(product)
    t.advance()
