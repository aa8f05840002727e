"""The onboarding as one form (web chat's form mode, the Telegram Mini App), derived from
the conversation's own step table (flows.steps.STEPS) so the two can never disagree.

- `definition(state, ctx, scope, product)`: the fields, in the conversation's order, each
  with its type and choices read off the step's own question (`Expect`, buttons, every page
  of a long list), the question itself as help text, and the value the draft holds now.
- `check(state, ctx, form)`: the per-field errors a submission would get (nothing stored).
- `step(state, ctx, form)`: the submission as a turn, like flows.engine.step: each field's
  answer goes through its step's own handler (the same parsers: prices, quantities, towns,
  phones, ICE), so the draft is the one the conversation would have made; then the
  conversation goes on at the first field still missing, or at the summary.

A form is `{"scope": "business"|"product"|"all", "product": n (0-based), "values": {...}}`;
a choice's value is its button payload ("sector:argan"). A WhatsApp Flow's answer also
carries `"offered"` (when its offer was made, ms): once an offer is taken whole, it and any
older one of that scope are refused (a replay, or a stale message); an answer with a wrong
value may come again from the same offer, corrected.
A photo is a form of scope "photo" with the file in `Input.media` (one at a time: Android
pickers drop `multiple`); `{"scope": "photo_remove", "product": n, "photo": sha256}`
takes one out. Empty fields are left as they are, so a half-filled form saves
what it has and the conversation asks the rest; an optional field emptied is cleared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flows.choices import BUSINESS_FIELDS, PRODUCT_FIELDS
from flows.engine import Reading
from flows.model import (
    CitySuggestions,
    ConfirmPrice,
    Context,
    ConversationState,
    Expect,
    Input,
    MoqUnit,
    MoreChoices,
    Msg,
    NearestTown,
    PhotoAdvice,
    ProductDraft,
    Reply,
)
from flows.parsing.places import CITIES
from flows.steps import STEPS, fmt_amount, set_city

SCOPES = ("business", "product", "all")
PHOTO_SCOPES = ("photo", "photo_remove")  # one photo added or taken out, from the form
# Steps a form does not show: "another product?" is the form's own "add a product".
NOT_FIELDS = frozenset({"more_products"})
BUSINESS = tuple(s for s in STEPS if STEPS[s].section == "business")
PRODUCT = tuple(s for s in STEPS if STEPS[s].section == "product" and s not in NOT_FIELDS)
# Asked inside a step in the conversation (a pending question), a field of its own here.
MOQ_UNIT = "moq_unit"
# Buttons that are commands, not choices of the field.
NOT_CHOICES = frozenset({"more", "skip", "done", "clear_photos", "profile_name", "language"})
# Where the form sends the owner back when a required field is still empty.
REQUIRED_BUSINESS = ("business_name", "owner_name", "city", "sector", "phone")
REQUIRED_PRODUCT = ("product_name", "photos", "description", "price", "moq")
UNNAMED = "…"
# A text field -> the choice beside it that answers its follow-up question.
FOLLOWS = {"city": "region", "price": "price_unit", "moq": MOQ_UNIT}
# Steps a form is offered at: after consent, before sending.
OPEN_STEPS = frozenset(BUSINESS + PRODUCT) | {"more_products", "review"}
# The questions a channel offers the form under (a Mini App button, a WhatsApp Flow), and
# the form's scope there.
OFFERS = {"ask_business_name": "business", "ask_product_name": "product"}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text", "choice", "photo"
    label: Msg
    help: Msg
    optional: bool = False
    choices: tuple[tuple[str, Msg], ...] = ()  # (payload, label)
    value: Any = None
    multiline: bool = False


@dataclass
class Form:
    scope: str
    product: int  # the product shown (0-based; == len(products) for a new one)
    products: int = 0  # how many the draft has (the page links to each, and to a new one)
    fields: list[Field] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)  # the shown product's, by sha256


def available(state: ConversationState, assisting: bool = False) -> bool:
    """A form is for an owner who agreed, filling in their own draft before sending it."""
    return (state.consent_at is not None and state.step in OPEN_STEPS and not assisting
            and state.support is None and state.console is None and state.change is None)


def _turn(state: ConversationState, ctx: Context, inp: Input | None = None) -> Reading:
    return Reading(ConversationState.model_validate(state.model_dump()), inp or Input(), ctx)


def _question(t: Reading, step_id: str) -> tuple[Reply, tuple[tuple[str, Msg], ...]]:
    """The step's question, and its choices over every page of a long list."""
    t.s.step, t.s.pending = step_id, None
    reply = STEPS[step_id].ask(t)
    choices: dict[str, Msg] = {}
    page, current = 0, reply
    while True:  # the last page's "more" starts again at the first
        fresh = {b.payload: b.label for b in current.buttons
                 if b.payload not in NOT_CHOICES and b.payload not in choices}
        choices |= fresh
        if not fresh or not any(b.payload == "more" for b in current.buttons):
            break
        page += 1
        t.s.pending = MoreChoices(page=page)
        current = STEPS[step_id].ask(t)
    t.s.pending = None
    return reply, tuple(choices.items())


def _label(step_id: str) -> Msg:
    """The review's name for a field it can correct; the form's own for a follow-up."""
    named = step_id in BUSINESS_FIELDS + PRODUCT_FIELDS
    return Msg(f"field_{step_id}") if named else Msg(f"form_field_{step_id}")


def definition(state: ConversationState, ctx: Context, scope: str = "all",
               product: int | None = None) -> Form:
    """The form for `scope`, prefilled from the draft (a new product when `product` is
    one past the last)."""
    t = _turn(state, ctx)
    index = _product_index(t.s, product)
    if index == len(t.s.draft.products):
        t.s.draft.products.append(ProductDraft())
    t.s.product = index
    # Questions name the product and the town; not given yet, they read "…" (a copy's).
    t.s.draft.products[index].name = t.s.draft.products[index].name or UNNAMED
    t.s.draft.city = t.s.draft.city or UNNAMED
    form = Form(scope=scope, product=index,
                products=len([p for p in state.draft.products if p.name or p.photos]),
                photos=[p.sha256 for p in t.s.draft.products[index].photos])
    steps = (BUSINESS if scope != "product" else ()) + (PRODUCT if scope != "business" else ())
    for step_id in steps:
        if step_id == "phone" and ctx.channel_phone:
            continue  # the channel vouches for it (WhatsApp): never asked
        reply, choices = _question(t, step_id)
        skippable = any(b.payload == "skip" for b in reply.buttons)
        kind = {Expect.CHOICE: "choice", Expect.PHOTO: "photo"}.get(reply.expects, "text")
        form.fields.append(Field(
            name=step_id, kind=kind, label=_label(step_id),
            # The chat asks the region of a town it does not know; a form asks it beside.
            help=Msg("form_help_region") if step_id == "region" else reply.msg,
            optional=STEPS[step_id].optional or skippable or step_id in FOLLOWS.values(),
            choices=choices, value=_value(t.s, step_id),
            multiline=step_id == "description"))
        if step_id == "moq":  # the quantity's unit: a choice of the price's units
            units = next(f.choices for f in form.fields if f.name == "price_unit")
            form.fields.append(Field(name=MOQ_UNIT, kind="choice", label=_label(MOQ_UNIT),
                                     help=Msg("form_help_moq_unit"), optional=True,
                                     choices=units, value=_value(t.s, MOQ_UNIT)))
    return form


def _product_index(state: ConversationState, product: int | None) -> int:
    count = len(state.draft.products)
    if product is None:
        return state.product if 0 <= state.product < count else count
    return max(0, min(product, count))


def _value(state: ConversationState, name: str) -> Any:
    """What the draft holds for a field, as the form shows it (a choice: its payload)."""
    d = state.draft
    p = state.current_product
    values = {
        "business_name": d.business_name, "owner_name": d.owner_name,
        "city": d.city if d.city != UNNAMED else None,
        "region": f"region:{d.region}" if d.region else None,
        "sector": f"sector:{d.sector}" if d.sector else None,
        "ice": d.ice, "phone": d.phone, "email": d.email,
    }
    if p is not None:
        values |= {
            "product_name": p.name if p.name != UNNAMED else None, "description": p.description,
            "photos": len(p.photos),
            "price": _amount_text(p.price),
            "price_unit": f"unit:{p.price.unit}" if p.price and p.price.unit else None,
            "moq": _amount_text(p.moq),
            MOQ_UNIT: f"unit:{p.moq.unit}" if p.moq and p.moq.unit else None,
        }
    return values.get(name)


def _amount_text(amount) -> str | None:
    if amount is None:
        return None
    low = fmt_amount(amount.amount)
    return f"{low}-{fmt_amount(amount.amount_max)}" if amount.amount_max is not None else low


# --- applying a submission ------------------------------------------------------------


def check(state: ConversationState, ctx: Context, form: dict) -> dict[str, Msg]:
    """The errors `form` would get, per field, in the state as it is (nothing kept)."""
    return _apply(_turn(state, ctx), form)


def step(state: ConversationState, inp: Input, ctx: Context,
         ) -> tuple[ConversationState, list[Reply]]:
    """A form submission (`inp.form`) as a turn: the new state and what the chat shows."""
    t = _turn(state, ctx, inp)
    form = inp.form or {}
    if not available(t.s, ctx.assisting):
        return t.s, [Reply(Msg("form_closed")), t.question()]
    offered, scope = form.get("offered"), form.get("scope")
    flow = isinstance(offered, int) and isinstance(scope, str)
    if flow and offered <= t.s.forms_taken.get(scope, -1):
        return t.s, [Reply(Msg("form_taken")), t.question()]
    where = (t.s.step, t.s.product, t.s.pending, t.s.editing)
    history = list(t.s.history)
    errors = _apply(t, form)
    t.s.history = history  # "back" after a form goes where it went before
    t.effects = []
    if form.get("scope") in PHOTO_SCOPES:  # the form shows it; the chat's question stays
        shown = t.s.current_product
        count = len(shown.photos) if shown is not None else 0
        t.s.step, t.s.product, t.s.pending, t.s.editing = where
        done = "form_photo_added" if form["scope"] == "photo" else "form_photo_removed"
        return t.s, [Reply(errors["photos"] if errors else Msg(done, {"count": count}))]
    if errors:  # each field with what is wrong (a Flow has no page to show it on)
        wrong = [Msg("form_field_error", {"field": _label(f), "error": e})
                 for f, e in errors.items()]
        t.say(Reply(Msg("form_not_saved", {"fields": wrong})))
    else:
        t.say(Reply(Msg("form_saved")))
        if flow:  # taken whole: sent again, it changes nothing (corrected, it may be)
            t.s.forms_taken[scope] = offered
    _continue(t)
    return t.s, t.effects


def _apply(t: Reading, form: dict) -> dict[str, Msg]:
    scope = form.get("scope")
    values = form.get("values") or {}
    index = _product_index(t.s, form.get("product"))
    errors: dict[str, Msg] = {}
    if scope == "photo":
        if index == len(t.s.draft.products):
            t.s.draft.products.append(ProductDraft())  # photos first, the name later
        t.s.product = index
        _photo(t, errors)
        return errors
    if scope == "photo_remove":
        product = t.s.draft.products[index] if index < len(t.s.draft.products) else None
        t.s.product = index if product is not None else t.s.product
        shas = [p.sha256 for p in product.photos] if product else []
        if product is None or form.get("photo") not in shas:
            errors["photos"] = Msg("form_photo_gone")  # taken out already (another tab)
        else:
            del product.photos[shas.index(form["photo"])]
        return errors
    if scope not in SCOPES or not isinstance(values, dict):
        return {"form": Msg("form_closed")}
    steps = (BUSINESS if scope != "product" else ()) + (PRODUCT if scope != "business" else ())
    shown = {name: _value(t.s, name) for name in (*BUSINESS, *PRODUCT, MOQ_UNIT)}
    product_fields = [s for s in PRODUCT if s != "photos" and _given(values.get(s))]
    if index == len(t.s.draft.products):
        if not product_fields:
            steps = tuple(s for s in steps if s not in PRODUCT)
        else:
            t.s.draft.products.append(ProductDraft())
    t.s.product = index
    shown |= {name: _value(t.s, name) for name in (*PRODUCT, MOQ_UNIT)}
    for step_id in steps:
        if step_id in ("photos", "region", "price_unit"):
            continue  # photos come one by one; the others follow their text field
        value = values.get(step_id)
        value = value.strip() if isinstance(value, str) else value
        if not _given(value):
            if STEPS[step_id].optional and shown.get(step_id):
                setattr(t.s.draft, step_id, None)  # emptied: no ICE, no e-mail after all
            continue
        if not isinstance(value, str):
            errors[step_id] = Msg("invalid_empty")
            continue
        beside = FOLLOWS.get(step_id, "")
        follow = values.get(beside)
        if value == shown.get(step_id) and (not follow or follow == shown.get(beside)):
            continue  # unchanged (and its follow-up too): it was read when first given
        _answer(t, step_id, value, follow if isinstance(follow, str) else None, errors)
    return errors


def _given(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _run(t: Reading, step_id: str, text: str | None = None, choice: str | None = None) -> bool:
    """The step's own handler on one answer; True when it took it (the step moved on)."""
    t.s.step, t.s.editing = step_id, False
    t.inp = Input(text=text, payload=choice)
    t.choice = choice
    t.effects = []
    STEPS[step_id].handle(t)
    return t.s.step != step_id


def _error(t: Reading) -> Msg:
    replies = [e for e in t.effects if isinstance(e, Reply)]
    return replies[-1].msg if replies else Msg("invalid_choice")


def _answer(t: Reading, step_id: str, value: str, follow: str | None,
            errors: dict[str, Msg]) -> None:
    if value.startswith(f"{step_id}:"):  # a choice: its button, as if pressed
        took = _run(t, step_id, choice=value)
    else:
        took = _run(t, step_id, text=value)
    pending = t.s.pending
    if isinstance(pending, ConfirmPrice):  # another currency: the form shows the dirhams
        took = _run(t, step_id, choice="yes")
    elif step_id == "city" and isinstance(pending, NearestTown):
        if follow and follow.startswith("region:"):
            set_city(t, pending.typed, None, follow.removeprefix("region:"))
            return
        errors["region"] = Msg("form_need_region", {"city": pending.typed})
        t.s.pending = None
        return
    elif step_id == "city" and isinstance(pending, CitySuggestions):
        arabic = t.s.locale in ("ar", "ary-Arab")
        names = ", ".join(CITIES[c].name_ar if arabic else CITIES[c].name_fr
                          for c in pending.suggested if c in CITIES)
        errors["city"] = Msg("form_city_suggest", {"city": pending.typed, "names": names})
        t.s.pending = None
        return
    elif step_id == "moq" and isinstance(pending, MoqUnit):
        if follow:
            took = _run(t, step_id, choice=follow)
        if not took:
            errors[MOQ_UNIT] = Msg("form_need_unit")
            t.s.pending = None
        return
    if not took:
        errors[step_id] = _error(t)
        t.s.pending = None
        return
    # A follow-up the conversation would ask next, answered by the form's own choice.
    after = {"city": "region", "price": "price_unit"}.get(step_id)
    if after and t.s.step == after:
        if follow and _run(t, after, choice=follow):
            return
        errors[after] = Msg("form_need_region" if after == "region" else "form_need_unit",
                            {"city": t.s.draft.city or ""})
        t.s.pending = None


def _photo(t: Reading, errors: dict[str, Msg]) -> None:
    product = t.s.draft.products[t.s.product]
    count = len(product.photos)
    t.s.step, t.s.editing, t.s.pending = "photos", False, None
    t.choice, t.effects = None, []
    STEPS["photos"].handle(t)
    if isinstance(t.s.pending, PhotoAdvice):
        t.s.pending = None  # kept: the form shows the photo, and the owner may add a better
    elif len(product.photos) == count:
        errors["photos"] = _error(t)
    t.s.pending = None


# --- where the conversation goes on ---------------------------------------------------


def missing(state: ConversationState, ctx: Context) -> list[str]:
    """Required fields still empty, as flows.events fix fields ("city", "product:1:price")."""
    d = state.draft
    gaps = [f for f in REQUIRED_BUSINESS if not getattr(d, f)
            and not (f == "phone" and ctx.channel_phone)]
    if d.city and d.city_id is None and d.region is None:
        gaps.append("city")  # the region is asked with the town
    for i, p in enumerate(d.products):
        have = {"product_name": p.name, "photos": p.photos, "description": p.description
                or p.voice_media_id, "price": p.price and p.price.unit, "moq": p.moq}
        gaps += [f"product:{i + 1}:{f}" for f in REQUIRED_PRODUCT if not have[f]]
    return gaps


def _continue(t: Reading) -> None:
    """Into the conversation again: the first required field still empty (then the next,
    as fields sent back by a reviewer are), or the summary when nothing is; with no
    product yet, the first product's name once the business is complete."""
    t.s.draft.products = [p for p in t.s.draft.products if p.name or p.photos]
    t.s.pending, t.s.editing = None, False
    if not t.s.draft.products:
        t.s.draft.products.append(ProductDraft())  # its fields are asked after the gaps
    t.s.fix = missing(t.s, t.ctx)
    if not t.next_fix():
        t.goto("review", remember=False)
