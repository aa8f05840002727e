"""Changes after sending: an owner improves a draft already sent (under review, or live).

The post-submit message offers "Change something" (payload `change`); its words, and
words naming one change ("bghit nbdl lprix", "changer le prix", "zid produit"), open
the menu, step `change`. Each change is confirmed in one line with the menu again;
"Send the changes" makes a NEW REVISION under review (`DraftSubmitted`), and once an
admin approves it a live storefront gets an update (bot/outbox/handoff.py). The live
storefront keeps the approved version meanwhile.

```mermaid
flowchart LR
    submitted -->|change, change:kind| change
    change -->|price, description, moq| field[the field's step, editing] -->|change_done| change
    change -->|photos| change_photos -->|replace, add| photos -->|done| change
    change_photos -->|remove| photo_remove --> change
    change -->|add_product| product_name --> photos --> description --> price --> moq --> change
    change -->|remove_product| change
    change -->|send_changes| submitted
```

| choice               | of several products | then                                            |
|----------------------|---------------------|-------------------------------------------------|
| change:price         | which (`ChangeProduct`) | the price question, then `change_done_field`  |
| change:description   | which               | the description question, then the same        |
| change:moq           | which               | the minimum-order question, then the same      |
| change:photos        | which               | replace one / add / remove one (`ChangePhotos`) |
| change:add_product   |                     | the product questions, then `change_done_added` |
| change:remove_product| which               | removed (one product always stays)              |
| send_changes         |                     | a new revision; `changes_sent` with review time |
| change:none          |                     | (nothing changed yet) back to where it stands   |

After a rejection the owner revises from the summary instead (flows.steps); never from an
agent's console. The state keeps the session in
`state.change` (what was changed so far) until it is sent.
"""

from __future__ import annotations

from flows.choices import CHANGE_KINDS, LIST_ROWS, page
from flows.model import (
    MAX_PHOTOS,
    Button,
    ChangePhotos,
    ChangeProduct,
    ChangeSession,
    Expect,
    Msg,
    PhotoFix,
    PhotoRemove,
    Reply,
    Turn,
)

# What can be changed, in the menu's order; the payload is "change:<kind>".
KINDS = CHANGE_KINDS
FIELD_KINDS = ("price", "description", "moq")  # asked again by their own step
PAYLOADS = tuple(f"change:{k}" for k in KINDS)
PHOTO_CHOICES = ("photo_replace", "photo_add", "photo_remove")
LABEL_MAX = 20  # a product's name on a button (WhatsApp's quick reply)


def _btn(key: str, payload: str, **params) -> Button:
    return Button(Msg(key, params), payload)


def offer() -> tuple[Button, ...]:
    """The button under every "sent" message: the way into the menu."""
    return (_btn("btn_change_menu", "change"),)


def open_menu(t: Turn, choice: str) -> None:
    """From the submitted step: the menu, or straight to the change the words named."""
    if t.ctx.assisting:  # an agent's console changes nothing the owner sent
        t.invalid("invalid_choice")
        return
    if t.s.change is None:
        t.s.change = ChangeSession()
        t.s.history.clear()  # "back" never leads into the onboarding's questions
    t.s.editing = False
    t.goto("change", remember=False)
    kind = choice.removeprefix("change:")
    if kind in KINDS:
        t.effects.pop()  # the menu is skipped: the change named comes straight
        choose(t, kind)


def ask_menu(t: Turn) -> Reply:
    return Reply(Msg("change_menu"), menu_buttons(t), Expect.CHOICE)


def menu_buttons(t: Turn) -> tuple[Button, ...]:
    kinds = tuple(_btn(f"btn_change_{k}", f"change:{k}") for k in KINDS)
    if t.s.change is not None and t.s.change.made:
        return (_btn("btn_send_changes", "send_changes"), *kinds)
    return (*kinds, _btn("btn_change_none", "change:none"))


def product_question(t: Turn) -> Reply:
    pending = t.s.pending
    kind, number = (pending.change, pending.page) if isinstance(pending, ChangeProduct) \
        else ("price", 0)
    products = tuple(
        Button(Msg("label_plain", {"text": _short(p.name or "") or str(i + 1)}), f"product:{i + 1}")
        for i, p in enumerate(t.s.draft.products))
    # Its own "more" (the engine's would close this question): one WhatsApp list a page.
    buttons, more = page(products, number, _btn("btn_more", "product_page"))
    if len(buttons) < LIST_ROWS:
        buttons += (_btn("btn_back", "back"),)
    return Reply(Msg("change_which_product", {"change": Msg(f"btn_change_{kind}")}),
                 buttons, Expect.CHOICE, more=more)


def photos_question(t: Turn) -> Reply:
    product = t.s.current_product
    count = len(product.photos) if product else 0
    return Reply(Msg("change_photos", {**t.product_params(), "count": count}),
                 tuple(_btn(f"btn_{c}", c) for c in PHOTO_CHOICES) + (_btn("btn_back", "back"),),
                 Expect.CHOICE)


def photo_remove_question(t: Turn) -> Reply:
    product = t.s.current_product
    count = len(product.photos) if product else 0
    return Reply(Msg("change_photo_which", {"count": count}),
                 tuple(_btn("btn_photo_number", f"photo:{i + 1}", number=i + 1)
                       for i in range(count)) + (_btn("btn_back", "back"),), Expect.CHOICE)


def on_menu(t: Turn) -> None:
    """The menu's answer, or the answer to one of its sub-questions."""
    choice = t.choice or ""
    pending = t.s.pending
    made = t.s.change.made if t.s.change is not None else []
    if isinstance(pending, ChangeProduct) and choice == "product_page":
        pending.page += 1
        t.say(t.question())
    elif isinstance(pending, ChangeProduct) and choice.startswith("product:"):
        number = choice.removeprefix("product:")
        if number.isdigit() and 1 <= int(number) <= len(t.s.draft.products):
            apply(t, pending.change, int(number) - 1)
        else:
            t.invalid("stale_button")
    elif isinstance(pending, ChangePhotos) and choice in PHOTO_CHOICES:
        photos(t, choice)
    elif isinstance(pending, PhotoRemove) and choice.startswith("photo:"):
        remove_photo(t, choice.removeprefix("photo:"))
    elif choice == "send_changes" and made:
        send(t)
    elif choice == "change:none" and not made:
        t.s.change, t.s.pending, t.s.step = None, None, "submitted"
        t.say(Reply(Msg("change_nothing"), offer(), more=PAYLOADS))
    elif choice.removeprefix("change:") in KINDS:
        choose(t, choice.removeprefix("change:"))
    elif choice in ("change", "greeting", "where"):
        t.say(t.question())
    else:
        t.invalid("invalid_choice")


def choose(t: Turn, kind: str) -> None:
    products = t.s.draft.products
    t.s.pending = None
    if kind == "add_product":
        t.new_product()
        return
    if kind == "remove_product" and len(products) <= 1:
        t.say(Reply(Msg("change_last_product")))
        t.say(t.question())
        return
    if len(products) == 1:
        apply(t, kind, 0)
        return
    t.s.pending = ChangeProduct(change=kind)
    t.say(t.question())


def apply(t: Turn, kind: str, index: int) -> None:
    """A change to product `index` (the one named, or the only one)."""
    t.s.pending = None
    t.s.product = index
    if kind == "remove_product":
        removed = t.s.draft.products.pop(index)
        t.s.product = 0
        done(t, "removed", product=removed.name or "", number=index + 1)
    elif kind == "photos":
        t.s.pending = ChangePhotos()
        t.say(t.question())
    elif kind in FIELD_KINDS:
        t.edit(kind)


def photos(t: Turn, choice: str) -> None:
    product = t.product()
    t.s.pending = None
    if choice == "photo_remove":
        if len(product.photos) <= 1:
            t.s.pending = ChangePhotos()
            t.say(Reply(Msg("change_last_photo")))
            t.say(t.question())
            return
        t.s.pending = PhotoRemove()
        t.say(t.question())
        return
    if choice == "photo_add" and len(product.photos) >= MAX_PHOTOS:
        t.s.pending = ChangePhotos()
        t.invalid("photo_too_many", max=MAX_PHOTOS)
        return
    t.s.editing = True
    t.goto("photos", remember=False)
    if choice == "photo_replace" and product.photos:
        # The next photo replaces one of those kept (which one, if there are several).
        t.s.pending = PhotoFix()
        t.effects[-1] = t.question()


def remove_photo(t: Turn, number: str) -> None:
    product = t.product()
    if not (number.isdigit() and 1 <= int(number) <= len(product.photos)) \
            or len(product.photos) <= 1:
        t.invalid("stale_button")
        return
    product.photos.pop(int(number) - 1)
    t.s.pending = None
    done(t, "field", field=Msg("field_photos"), number=t.s.product + 1)


def done(t: Turn, what: str, **params) -> None:
    """One change made: noted, confirmed in one line, with the menu's buttons."""
    if t.s.change is None:
        t.s.change = ChangeSession()
    t.s.change.made.append(what if what != "field" else str(params["field"].key))
    t.s.editing = False
    t.goto("change", remember=False)
    t.effects[-1] = Reply(Msg(f"change_done_{what}", params), menu_buttons(t), Expect.CHOICE)


def field_done(t: Turn, field: str) -> None:
    """Back from a field's question (flows.engine `advance` while changing)."""
    done(t, "field", field=Msg(f"field_{field}"), number=t.s.product + 1)


def product_added(t: Turn) -> None:
    """The new product's questions are answered (instead of "one more product?")."""
    product = t.s.current_product
    done(t, "added", product=product.name if product else "", number=t.s.product + 1)


def incomplete(t: Turn) -> tuple[int, str] | None:
    """The first product missing what a storefront needs: (index, field)."""
    for i, p in enumerate(t.s.draft.products):
        if not p.name:
            return i, "product_name"
        if not p.photos:
            return i, "photos"
        if p.price is None or not p.price.unit:
            return i, "price"
        if p.moq is None:
            return i, "moq"
    return None


def send(t: Turn) -> None:
    """The changes become a new revision under review; the storefront stays as approved."""
    missing = incomplete(t)
    if missing is not None:
        index, field = missing
        t.s.product = index
        t.say(Reply(Msg("change_incomplete", {"number": index + 1,
                                              "field": Msg(f"field_{field}")})))
        t.edit(field)
        return
    url = t.s.decision_note if t.s.decision in ("live", "changes") else None
    t.s.change = None
    t.submit()
    t.s.decision, t.s.decision_note = "changes", url
    for i, effect in enumerate(t.effects):
        if isinstance(effect, Reply) and effect.key == "submitted":
            # Separate sentences, not a selector: Arabic text isolates a Latin "yes".
            t.effects[i] = Reply(Msg("changes_sent_live" if url else "changes_sent",
                                     {"time": review_time(t)}), offer(), more=PAYLOADS)


def review_time(t: Turn) -> Msg:
    """How long a review usually takes (REVIEW_TIME_HINT), as a sentence of its own."""
    if t.ctx.review_time is None:
        return Msg("review_time_unknown")
    count, unit = t.ctx.review_time
    return Msg(f"review_time_{unit}", {"count": count})


def under_review(t: Turn) -> Reply:
    """Where a sent change stands, for an owner asking later."""
    url = t.s.decision_note
    params = {"business_name": t.s.draft.business_name or "", "time": review_time(t)}
    if url:
        return Reply(Msg("changes_under_review_live", {**params, "url": url}), offer(),
                     more=PAYLOADS)
    return Reply(Msg("changes_under_review", params), offer(), more=PAYLOADS)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_MAX else text[:LABEL_MAX - 1].rstrip() + "…"
