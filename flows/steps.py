"""The onboarding flow as data: each step's question and how it reads the answer.

```mermaid
flowchart LR
    start --> language --> consent --> business_name --> owner_name --> city
    city -->|unknown town: the nearest big town?| region --> sector
    city --> sector --> ice --> phone --> email --> product_name
    product_name --> photos --> description --> price
    price -->|no unit| price_unit --> moq
    price --> moq --> more_products
    more_products -->|yes| product_name
    more_products -->|no| buyer_questions -->|flows.buyerq| review
    review -->|edit:field| business_name
    review -->|submit| submitted
    review -->|submit, agent or no consent| owner_confirm -->|owner: yes| submitted
    submitted -->|change| change -->|send_changes| submitted
```

| step          | key                 | expects | optional | stored in            |
|---------------|---------------------|---------|----------|----------------------|
| language      | ask_language        | choice  |          | state.language       |
| consent       | ask_consent         | choice  |          | state.consent_at     |
| business_name | ask_business_name   | text    |          | draft.business_name  |
| owner_name    | ask_owner_name      | text    |          | draft.owner_name     |
| city          | ask_city            | text    |          | draft.city, region   |
| region        | ask_region          | choice  |          | draft.region         |
| sector        | ask_sector          | choice  |          | draft.sector         |
| ice           | ask_ice             | text    | yes      | draft.ice            |
| phone         | ask_phone           | text    |          | draft.phone          |
| email         | ask_email           | text    | yes      | draft.email          |
| product_name  | ask_product_name    | text    |          | product.name         |
| photos        | ask_photos          | photo   |          | product.photos (1-8) |
| description   | ask_description     | text    |          | product.description  |
| price         | ask_price           | text    |          | product.price        |
| price_unit    | ask_price_unit      | choice  |          | product.price.unit   |
| moq           | ask_moq             | text    |          | product.moq          |
| more_products | ask_more_products   | choice  |          | (a new product)      |
| capacity...   | flows.buyerq        |         | yes      | draft.buyer, product |
| review        | review_summary      | choice  |          | edit:<field>, submit |
| owner_confirm | owner_confirm       | choice  |          | state.consent_at     |
| submitted     | submitted           | none    |          | a submission         |
| change        | change_menu         | choice  |          | a new revision (flows.changes) |

A first message in a language we are sure of skips the language question (flows.engine
`language_found`). A minimum order without its unit asks it (pending `moq_unit`), never
taking the price's. A photo sent after advice replaces the advised one (`photo_fix`,
`photo_choice` when the review did not say which). Names lose their lead-in (flows.names).
A step's id is the suffix of its question's locale key, so grep finds both.
What works at any step (help, back, skip, restart...) is the table flows.commands.COMMANDS.
A town nobody listed asks the nearest big town first (pending `nearest_town`); a town found
there gives the region, and the region step is skipped. A shared location (`Input.place`,
already the nearest town) is confirmed first (pending `place`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from flows import buyerq, changes, producttype
from flows.choices import (
    BUSINESS_FIELDS,
    LANGUAGE_BUTTONS,
    PRODUCT_FIELDS,
    QUICK_TITLE_MAX,
    SECTORS,
    UNIT_BUTTONS,
    language_label,
    page,
    sector_label,
    unit_label,
)
from flows.erasure import erase_question
from flows.language import opening_language
from flows.model import (
    MAX_PHOTOS,
    Amount,
    Button,
    CitySuggestions,
    ConfirmPlace,
    ConfirmPrice,
    ConversationState,
    EditMenu,
    Expect,
    MoqUnit,
    MoreChoices,
    Msg,
    NearestTown,
    Photo,
    PhotoAdvice,
    PhotoChoice,
    PhotoFix,
    ProductDraft,
    Reply,
    TellAgent,
    Turn,
    TypeChoice,
)
from flows.names import drop_lead_in
from flows.parsing.contact import parse_email, parse_phone
from flows.parsing.ice import parse_ice
from flows.parsing.nearby import ABROAD, UNREADABLE
from flows.parsing.places import CITIES, REGIONS, match_city, match_region, names_a_place
from flows.parsing.prices import parse_price, parse_quantity, parse_unit
from flows.parsing.result import Invalid
from flows.photos import ADVICE, is_near_duplicate, refusal
from flows.privacy import agreed, consent_reply
from flows.readiness import readiness
from flows.reasons import rejected
from flows.text import normalise, shorten, shown_name

NAME_MAX = 120
DESCRIPTION_MAX = 2000
# A description in a summary: its start, enough to recognise it (the whole is kept).
SUMMARY_DESCRIPTION = 80


def btn(key: str, payload: str, **params) -> Button:
    return Button(Msg(key, params), payload)


def plain(text: str | Msg, payload: str) -> Button:
    return Button(Msg("label_plain", {"text": text}), payload)


YES_NO = (btn("btn_yes", "yes"), btn("btn_no", "no"))


def fmt_amount(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def amount_msg(amount: Amount | None) -> Msg:
    if amount is None:
        return Msg("value_missing")
    low = fmt_amount(amount.amount)
    if amount.amount_max is not None:
        high = fmt_amount(amount.amount_max)
        if not amount.unit:
            return Msg("price_range_only", {"low": low, "high": high})
        return Msg("price_range", {"low": low, "high": high, "unit": Msg(unit_label(amount.unit))})
    if not amount.unit:
        return Msg("amount_only", {"amount": low})
    return Msg("amount_value", {"amount": low, "unit": Msg(unit_label(amount.unit))})


def quantity_msg(amount: Amount | None) -> Msg:
    """A minimum order: a quantity of a unit, not a price."""
    if amount is None:
        return Msg("value_missing")
    top = amount.amount_max if amount.amount_max is not None else amount.amount
    count = int(top) if top == top.to_integral_value() else float(top)
    params = {"amount": fmt_amount(amount.amount),
              "unit": Msg(f"units_{amount.unit}", {"count": count}) if amount.unit else ""}
    if amount.amount_max is not None:
        params["amount"] = f"{params['amount']}–{fmt_amount(amount.amount_max)}"
    return Msg("quantity_value" if amount.unit else "quantity_only", params)


def place_name(fr: str, ar: str) -> Msg:
    """A town or region in the script of whoever reads it (an agent may read an owner's
    draft in another locale): each locale's `place_name` picks one."""
    return Msg("place_name", {"fr": fr, "ar": ar})


# --- questions -----------------------------------------------------------


def language_buttons() -> tuple[Button, ...]:
    return tuple(btn(language_label(lang), f"lang:{lang}") for lang in LANGUAGE_BUTTONS)


def ask_language(t: Turn) -> Reply:
    key = "assist_ask_language" if t.ctx.assisting else "ask_language"
    return Reply(Msg(key), language_buttons(), Expect.CHOICE)


def ask_consent(t: Turn) -> Reply:
    return consent_reply(t)


def ask_text(key: str, *, skippable: bool = False) -> Callable[[Turn], Reply]:
    def ask(t: Turn) -> Reply:
        buttons = (btn("btn_skip", "skip"),) if skippable else ()
        return Reply(Msg(key, t.product_params()), buttons, Expect.TEXT)

    return ask


def ask_owner_name(t: Turn) -> Reply:
    name = t.s.profile_name
    buttons = (plain(shortened(name), "profile_name"),) if name else ()
    return Reply(Msg("ask_owner_name"), buttons, Expect.TEXT)


def on_owner_name(t: Turn) -> None:
    if t.choice == "profile_name" and t.s.profile_name:
        t.s.draft.owner_name = t.s.profile_name
        t.advance()
        return
    text_field("owner_name")(t)


def ask_phone(t: Turn) -> Reply:
    # "Share my number" would share the agent's own number when an agent is answering.
    return Reply(Msg("ask_phone"), (), Expect.TEXT, asks_contact=not t.ctx.assisting)


def ask_description(t: Turn) -> Reply:
    product = t.s.current_product
    buttons = (btn("btn_skip", "skip"),) if product and product.voice_media_id else ()
    return Reply(Msg("ask_description", t.product_params()), buttons, Expect.TEXT)


def shortened(text: str, limit: int = QUICK_TITLE_MAX) -> str:
    """A label the owner did not write for a button (a profile name): cut to fit one."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def paged(t: Turn, buttons: tuple[Button, ...]) -> tuple[tuple[Button, ...], tuple[str, ...]]:
    """A long list one WhatsApp list at a time: the page open now, and the rest."""
    number = t.s.pending.page if isinstance(t.s.pending, MoreChoices) else 0
    return page(buttons, number, btn("btn_more", "more"))


# The regions offered, the most populous first (one list, then "other choices…"), each
# named to fit a list row: "Tanger-Tétouan-Al Hoceïma" has 25 characters, a row holds 24.
REGION_CHOICES = (
    "casablanca-settat", "rabat-sale-kenitra", "marrakech-safi", "fes-meknes",
    "tanger-tetouan-al-hoceima", "souss-massa", "beni-mellal-khenifra", "oriental",
    "draa-tafilalet", "guelmim-oued-noun", "laayoune-sakia-el-hamra", "dakhla-oued-ed-dahab",
)
REGION_LABELS = {"tanger-tetouan-al-hoceima": "Tanger-Tétouan-Hoceïma"}


def ask_region(t: Turn) -> Reply:
    regions = [REGIONS[r] for r in REGION_CHOICES]
    buttons, more = paged(t, tuple(
        plain(place_name(REGION_LABELS.get(r.id, r.name_fr), r.name_ar), f"region:{r.id}")
        for r in regions))
    return Reply(Msg("ask_region", {"city": t.s.draft.city or ""}), buttons, Expect.CHOICE,
                 more=more)


def ask_sector(t: Turn) -> Reply:
    buttons, more = paged(t, tuple(btn(sector_label(s), f"sector:{s}") for s in SECTORS))
    return Reply(Msg("ask_sector"), buttons, Expect.CHOICE, more=more)


def ask_photos(t: Turn) -> Reply:
    product = t.s.current_product
    count = len(product.photos) if product else 0
    buttons = (btn("btn_done", "done"),) if count else ()
    if count and t.s.editing:  # back from the review: a kept photo can still be let go
        buttons += (btn("btn_photos_clear", "clear_photos"),)
    return Reply(Msg("ask_photos", {**t.product_params(), "count": count, "max": MAX_PHOTOS}),
                 buttons, Expect.PHOTO)


def ask_price_unit(t: Turn) -> Reply:
    buttons = tuple(btn(unit_label(u), f"unit:{u}") for u in UNIT_BUTTONS)
    return Reply(Msg("ask_price_unit", t.product_params()), buttons, Expect.CHOICE)


def ask_more_products(t: Turn) -> Reply:
    return Reply(Msg("ask_more_products", {"count": len(t.s.draft.products)}), YES_NO,
                 Expect.CHOICE)


def review_buttons(t: Turn, *, changed: bool = False) -> tuple[tuple[Button, ...], tuple[str, ...]]:
    """The review's choices, paged; after an edit (`changed`) the summary is one of them."""
    # Products by number: a name (up to 120 characters) fits no button.
    products = tuple(btn("btn_edit_product", f"edit:product:{i + 1}", number=i + 1)
                     for i in range(len(t.s.draft.products)))
    summary = (btn("btn_show_summary", "show_summary"),) if changed else ()
    return paged(t, (btn("btn_submit", "submit"), *summary,
                     btn("btn_edit_business", "edit:business"),
                     *products, btn("btn_add_product", "add_product")))


def draft_params(t: Turn) -> dict:
    """The whole draft as message parameters (the review, the owner's confirmation)."""
    return draft_params_of(t.s)


def draft_params_of(state: ConversationState) -> dict:
    """draft_params for a state read outside a turn (flows.privacy: "my data")."""
    d = state.draft
    region = REGIONS.get(d.region or "")
    city = CITIES.get(d.city_id or "")
    products = [
        Msg("review_product", {
            "number": i + 1,
            "name": p.name or "",
            "photos": len(p.photos),
            "description": shorten(p.description or "", SUMMARY_DESCRIPTION),
            "price": amount_msg(p.price),
            "moq": quantity_msg(p.moq),
        })
        for i, p in enumerate(d.products)
    ]
    # The buyers' answers follow the products, a short line each (none when nothing was said).
    products += buyerq.summary_lines(d)
    return {
        "business_name": shown_name(d.business_name or ""),
        "owner_name": shown_name(d.owner_name or ""),
        "city": place_name(city.name_fr, city.name_ar) if city else shown_name(d.city or ""),
        "region": place_name(region.name_fr, region.name_ar) if region else "",
        "sector": Msg(sector_label(d.sector)) if d.sector else Msg("value_missing"),
        "ice": d.ice or Msg("value_none"),
        "phone": d.phone or Msg("value_none"),
        "email": d.email or Msg("value_none"),
        "products": products,
    }


def ask_review(t: Turn) -> Reply:
    buttons, more = review_buttons(t)
    if t.s.revision and not t.ctx.assisting:
        # Sent before (changes were asked for): words naming a change open its menu too.
        more += ("change", *changes.PAYLOADS)
    return Reply(Msg("review_summary", draft_params(t)), buttons, Expect.CHOICE, more=more)


def ask_owner_confirm(t: Turn) -> Reply:
    if t.ctx.assisting:  # the agent who filled it in sees that it waits for the owner
        reach = t.ctx.owner_reach
        if reach is not None and not reach.whatsapp:
            return owner_link_reply(t)
        resend, change = btn("btn_resend", "resend"), btn("btn_change", "change")
        # Numbered as under "sent" (flows.engine submit): link and QR first, then change.
        buttons = (btn("btn_owner_link", "owner_link"), change, resend) \
            if reach is not None else (resend, change)
        return Reply(Msg("assist_waiting_owner", {"phone": t.s.draft.phone or ""}), buttons,
                     Expect.CHOICE)
    return Reply(Msg("owner_confirm", draft_params(t)),
                 (btn("btn_confirm_send", "yes"), btn("btn_change", "change"), btn("btn_no", "no")),
                 Expect.CHOICE)


def owner_link_reply(t: Turn) -> Reply:
    """For the agent: the owner's link and its QR code, to show them (they open it, read the
    summary in their language and agree in their own chat)."""
    reach = t.ctx.owner_reach
    assert reach is not None  # only asked with a way to the owner
    key = "assist_owner_link_also" if reach.whatsapp else "assist_owner_link"
    return Reply(Msg(key, {"phone": t.s.draft.phone or "", "link": reach.link,
                           "days": reach.days}),
                 (btn("btn_change", "change"),), Expect.CHOICE, image=reach.qr, link=reach.link)


def ask_submitted(t: Turn) -> Reply:
    if t.ctx.assisting:
        return Reply(Msg("assist_submitted", {"business_name": t.s.draft.business_name or ""}))
    if t.s.decision == "rejected":  # its button opens the summary again; change words too
        return replace(rejected(t, "status_rejected"), more=changes.PAYLOADS)
    # "Change something" opens flows.changes; words naming a change go straight to it.
    return Reply(Msg("submitted", {"business_name": t.s.draft.business_name or ""}),
                 changes.offer(), more=changes.PAYLOADS)


# --- answers -------------------------------------------------------------
# A handler reads the owner's answer into the state and calls t.advance(),
# or explains with t.invalid(key) and stays.


def on_language(t: Turn) -> None:
    # A button is read globally (lang:* works anywhere). Words written in a language we
    # are sure of choose it ("Bonjour, je voudrais m'inscrire", "iyeh"); anything else gets
    # a short hint in the three languages, never the whole welcome again.
    found = opening_language(t.inp.text) if t.inp.text else None
    if found is not None:
        t.language_found(found.language, found.script)
    else:
        t.say(Reply(Msg("language_hint"), language_buttons(), Expect.CHOICE))


def on_consent(t: Turn) -> None:
    if t.choice == "yes":
        agreed(t)
        t.advance()
    elif t.choice == "no":
        t.invalid("consent_declined")
    else:
        t.invalid("invalid_choice")


# A name's field -> the kind of lead-in dropped before it ("je m'appelle", "سميتي").
NAME_KINDS = {"owner_name": "owner", "business_name": "business", "product_name": "product"}


def text_field(field: str, limit: int = NAME_MAX) -> Callable[[Turn], None]:
    def on_text(t: Turn) -> None:
        value = t.text_answer(limit)
        if value is not None:
            if field in NAME_KINDS:
                value = drop_lead_in(value, NAME_KINDS[field])
            setattr(t.target(field), field.removeprefix("product_"), value)
            t.advance()

    return on_text


def on_city(t: Turn) -> None:
    pending = t.s.pending
    if isinstance(pending, ConfirmPlace) and t.choice in ("yes", "no"):
        confirmed_place(t, pending)
        return
    if isinstance(pending, NearestTown):
        on_nearest_town(t, pending)
        return
    pending = pending if isinstance(pending, CitySuggestions) else CitySuggestions()
    if t.choice and t.choice.startswith("city:"):
        city = CITIES.get(t.choice.removeprefix("city:"))
        if city and city.id in pending.suggested:
            set_city(t, city.name_fr, city.id, city.region_id)
        elif t.choice == "city:other" and pending.typed:
            ask_nearest_town(t, pending.typed)
            return
        else:
            t.invalid("stale_button")
            return
        t.advance()
        return
    value = t.text_answer(NAME_MAX)
    if value is None:
        return
    match = match_city(value)
    if match.city:
        set_city(t, match.city.name_fr, match.city.id, match.city.region_id)
        t.advance()
    elif match.suggestions:
        t.s.pending = CitySuggestions(typed=value, suggested=[c.id for c in match.suggestions])
        t.say(t.question())
    elif not names_a_place(value):  # "chkoun?": a question, not a village nobody listed
        t.invalid("city_not_a_place", typed=value)
    else:
        ask_nearest_town(t, value)


def city_question(t: Turn) -> Reply:
    pending = t.s.pending if isinstance(t.s.pending, CitySuggestions) else CitySuggestions()
    buttons = tuple(plain(place_name(CITIES[c].name_fr, CITIES[c].name_ar), f"city:{c}")
                    for c in pending.suggested if c in CITIES)
    return Reply(Msg("city_did_you_mean", {"city": pending.typed}),
                 (*buttons, btn("btn_none_of_these", "city:other")), Expect.CHOICE)


def set_city(t: Turn, name: str, city_id: str | None, region: str | None) -> None:
    t.s.pending = None
    t.s.draft.city, t.s.draft.city_id, t.s.draft.region = name, city_id, region


# --- places people know: the nearest big town, a shared location ------------------
# A village nobody listed gets one more question (the nearest big town, or a shared
# location) before the 12 regions, which many villagers do not know.

LOCATION_CHANNELS = ("telegram", "whatsapp", "web")  # each says how in share_location_<channel>
LOCATION_BUTTON_CHANNELS = ("telegram", "web")  # a button that shares it


def ask_nearest_town(t: Turn, typed: str) -> None:
    set_city(t, typed, None, None)  # kept as typed, whatever comes next
    t.s.pending = NearestTown(typed=typed)
    t.say(t.question())


def nearest_town_question(t: Turn) -> Reply:
    pending = t.s.pending
    typed = pending.typed if isinstance(pending, NearestTown) else (t.s.draft.city or "")
    channel = t.ctx.channel
    how = Msg(f"share_location_{channel}") if channel in LOCATION_CHANNELS else ""
    return Reply(Msg("ask_nearest_town", {"city": typed, "how": how}), (), Expect.TEXT,
                 asks_location=channel in LOCATION_BUTTON_CHANNELS)


def on_nearest_town(t: Turn, pending: NearestTown) -> None:
    value = t.text_answer(NAME_MAX)
    if value is None:
        return
    match = match_city(value)
    if match.city:  # the village stays the city; the town it is near gives the region
        set_city(t, pending.typed, None, match.city.region_id)
        t.say(Reply(Msg("place_near_noted", near_params(pending.typed, match.city))))
        t.advance()
    elif not names_a_place(value) and not match.suggestions:
        t.invalid("city_not_a_place", typed=value)
    else:  # the second place we do not know either: the regions, as before
        set_city(t, pending.typed, None, None)
        t.advance()


def near_params(typed: str, city) -> dict:
    region = REGIONS[city.region_id]
    return {"village": shown_name(typed), "city": place_name(city.name_fr, city.name_ar),
            "region": place_name(region.name_fr, region.name_ar)}


def on_place(t: Turn) -> None:
    """A location shared (already the nearest town, flows.parsing.nearby.place_of): at the
    town's questions, ask to confirm the town; elsewhere it answers nothing."""
    place = t.inp.place or ""
    if t.s.step not in ("city", "region"):
        t.say(Reply(Msg("place_not_asked")))
        t.say(t.question())
        return
    if place == UNREADABLE:
        t.invalid("place_unreadable")
        return
    if place == ABROAD:
        t.invalid("place_abroad")
        return
    city = CITIES.get(place)
    if city is None:  # pragma: no cover - the channel only passes gazetteer ids
        t.invalid("place_unreadable")
        return
    pending = t.s.pending
    typed = pending.typed if isinstance(pending, NearestTown | ConfirmPlace) else ""
    if t.s.step == "region":
        typed = t.s.draft.city or ""
    t.s.pending = ConfirmPlace(city_id=city.id, typed=typed)
    t.say(t.question())


def place_question(t: Turn) -> Reply:
    pending = t.s.pending
    assert isinstance(pending, ConfirmPlace), "asked only while a shared place waits"
    city = CITIES[pending.city_id]
    key = "place_confirm_village" if pending.typed else "place_confirm"
    return Reply(Msg(key, near_params(pending.typed, city)), YES_NO, Expect.CHOICE)


def confirmed_place(t: Turn, pending: ConfirmPlace) -> None:
    city = CITIES[pending.city_id]
    if t.choice == "no":
        if pending.typed and t.s.step == "city":
            ask_nearest_town(t, pending.typed)
        else:
            t.s.pending = None
            t.say(t.ask())
        return
    if pending.typed:
        set_city(t, pending.typed, None, city.region_id)
    else:
        set_city(t, city.name_fr, city.id, city.region_id)
    t.advance()


def on_region(t: Turn) -> None:
    pending = t.s.pending
    if isinstance(pending, ConfirmPlace) and t.choice in ("yes", "no"):
        if t.choice == "yes":
            t.s.pending = None
            t.s.draft.region = CITIES[pending.city_id].region_id
            t.advance()
        else:
            t.s.pending = None
            t.say(t.ask())
        return
    region = None
    if t.choice and t.choice.startswith("region:"):
        region = REGIONS.get(t.choice.removeprefix("region:"))
    elif t.inp.text:
        region = match_region(t.inp.text)
    if region is None:
        t.invalid("invalid_choice")
        return
    t.s.pending = None
    t.s.draft.region = region.id
    t.advance()


def on_sector(t: Turn) -> None:
    if t.choice and t.choice.startswith("sector:"):
        t.s.draft.sector = t.choice.removeprefix("sector:")
        t.advance()
    else:
        t.invalid("invalid_choice")


def parsed_field(field: str, parse, errors: dict[str, str]) -> Callable[[Turn], None]:
    """A text answer read by one of flows.parsing's parsers."""

    def on_text(t: Turn) -> None:
        value = t.text_answer(200, letters=False)
        if value is None:
            return
        result = parse(value)
        if isinstance(result, Invalid):
            t.invalid(errors.get(result.reason, errors["*"]), **result.params)
            return
        setattr(t.s.draft, field, getattr(result, "e164", result))
        t.advance()

    return on_text


on_ice = parsed_field("ice", parse_ice, {"wrong_length": "invalid_ice_length",
                                         "*": "invalid_ice"})
on_email = parsed_field("email", parse_email, {"*": "invalid_email"})
_on_phone_text = parsed_field("phone", parse_phone, {"*": "invalid_phone"})


def on_phone(t: Turn) -> None:
    if t.inp.contact_phone:
        phone = parse_phone(t.inp.contact_phone)
        if not isinstance(phone, Invalid):
            t.s.draft.phone = phone.e164
            t.advance()
            return
    _on_phone_text(t)


def on_photos(t: Turn) -> None:
    product = t.s.current_product
    assert product is not None
    pending = t.s.pending
    if isinstance(pending, PhotoAdvice) and t.choice in ("replace", "keep"):
        t.s.pending = None
        if t.choice == "replace":  # the stored file stays; only the draft lets go of it
            product.photos = [p for p in product.photos if p.media_id != pending.media_id]
            t.say(Reply(Msg("photo_send_another"), photo_buttons(product), Expect.PHOTO))
        else:
            t.say(received(product))
        return
    if isinstance(pending, PhotoChoice) and t.choice and \
            (t.choice == "keep" or t.choice.startswith("photo:")):
        t.s.pending = None
        replaced = replaced_photo(product, pending, t.choice)
        if replaced is not None:
            product.photos.remove(replaced)
            t.say(Reply(Msg("photo_replaced", {"kept": len(product.photos) - 1})))
        t.say(received(product))
        return
    t.s.pending = None
    if t.choice == "clear_photos":  # the stored files stay; only the draft lets go of them
        product.photos.clear()
        t.say(Reply(Msg("photos_cleared")))
        t.say(t.ask())
        return
    if t.choice == "done":
        if product.photos:
            t.advance()
        else:
            t.invalid("photos_need_one")
        return
    if not t.inp.media:
        t.invalid("expected_photo")
        return
    problems: list[str] = []
    added = 0
    tips: tuple[str, ...] = ()
    for media in t.inp.media:
        if media.kind != "photo" or media.media_id is None:
            problems.append(refusal(media))
        elif any(p.media_id == media.media_id for p in product.photos):
            continue  # the same upload seen twice
        elif len(product.photos) >= MAX_PHOTOS:
            problems.append("photo_too_many")
        else:
            tips = advice_for(t, product, media)
            product.photos.append(Photo(media_id=media.media_id, sha256=media.sha256,
                                        width=media.width, height=media.height,
                                        phash=media.phash))
            added += 1
    problems = list(dict.fromkeys(problems))
    if added and isinstance(pending, PhotoAdvice | PhotoFix):
        # A photo sent after advice replaces the photo the advice was about, not the others.
        before = product.photos[:-added]
        target = next((p for p in before if isinstance(pending, PhotoAdvice)
                       and p.media_id == pending.media_id), None)
        if target is None and isinstance(pending, PhotoFix) and len(before) == 1:
            target = before[0]
        if target is not None:
            product.photos.remove(target)
            t.say(Reply(Msg("photo_replaced", {"kept": len(before) - 1})))
        elif isinstance(pending, PhotoFix) and before:
            t.s.pending = PhotoChoice(media_id=product.photos[-1].media_id)
            t.say(t.question())
            return
    if not added:
        for key in problems[:-1]:
            t.say(Reply(Msg(key, {"max": MAX_PHOTOS})))
        if problems:
            t.invalid(problems[-1], max=MAX_PHOTOS)
        else:
            t.say(t.ask())
        return
    for key in problems:
        t.say(Reply(Msg(key, {"max": MAX_PHOTOS})))
    if tips:  # about the newest photo: kept, with what would make it better
        t.s.pending = PhotoAdvice(media_id=product.photos[-1].media_id, tips=list(tips))
        t.say(t.question())
        return
    t.say(received(product))


def advice_for(t: Turn, product, media) -> tuple[str, ...]:
    """What would make this photo better, as advice ids (each has a locale key advice_<id>)."""
    tips = [a for a in media.advice if a in ADVICE]
    if any(is_near_duplicate(media.phash, p.phash) for p in product.photos):
        tips.append("duplicate")
    if t.ctx.channel == "telegram" and {"blurry", "too_small"} & set(tips):
        tips.append("send_as_file")  # Telegram compresses photos, not files
    return tuple(tips)


def photo_buttons(product) -> tuple[Button, ...]:
    return (btn("btn_done", "done"),) if product.photos else ()


def received(product) -> Reply:
    count = len(product.photos)
    key = "photos_full" if count >= MAX_PHOTOS else "photo_received"
    return Reply(Msg(key, {"count": count, "max": MAX_PHOTOS}), photo_buttons(product),
                 Expect.PHOTO)


def replaced_photo(product, pending: PhotoChoice, choice: str):
    """The earlier photo the owner says the new one replaces (None: keep them all)."""
    number = choice.removeprefix("photo:")
    earlier = [p for p in product.photos if p.media_id != pending.media_id]
    if number.isdigit() and 1 <= int(number) <= len(earlier):
        return earlier[int(number) - 1]
    return None


def photo_choice_question(t: Turn) -> Reply:
    pending = t.s.pending
    product = t.s.current_product
    assert isinstance(pending, PhotoChoice) and product is not None
    earlier = [p for p in product.photos if p.media_id != pending.media_id]
    buttons = tuple(btn("btn_photo_number", f"photo:{i + 1}", number=i + 1)
                    for i in range(len(earlier)))
    return Reply(Msg("photo_which", {"count": len(earlier)}),
                 (*buttons, btn("btn_keep_all", "keep")), Expect.CHOICE)


def photo_fix_question(t: Turn) -> Reply:
    product = t.s.current_product
    count = len(product.photos) if product else 0
    return Reply(Msg("photo_fix", {**t.product_params(), "count": count}),
                 (btn("btn_done", "done"),) if count else (), Expect.PHOTO)


def photo_advice_question(t: Turn) -> Reply:
    tips = t.s.pending.tips if isinstance(t.s.pending, PhotoAdvice) else []
    return Reply(Msg("photo_advice", {"tips": [Msg(f"advice_{a}") for a in tips]}),
                 (btn("btn_replace", "replace"), btn("btn_keep", "keep")), Expect.CHOICE)


def on_description(t: Turn) -> None:
    product = t.product()
    if isinstance(t.s.pending, TypeChoice):
        producttype.on_type_choice(t)
        return
    voice = next((m for m in t.inp.media if m.kind == "audio" and m.media_id), None)
    if voice is not None:
        # A spoken description is kept for the admins; a short typed line still helps buyers.
        product.voice_media_id = voice.media_id
        t.say(Reply(Msg("voice_received", t.product_params()), (btn("btn_skip", "skip"),),
                    Expect.TEXT))
        return
    if t.choice == "skip" and product.voice_media_id:
        t.advance()
        return
    value = t.text_answer(DESCRIPTION_MAX)
    if value is not None:
        product.description = value
        if not producttype.wants_type(t, product):  # unsure which product it is: ask once
            t.advance()


def on_product_name(t: Turn) -> None:
    """The name; a new one from the review may leave the matcher unsure (asked once)."""
    if isinstance(t.s.pending, TypeChoice):
        producttype.on_type_choice(t)
        return
    value = t.text_answer(NAME_MAX)
    if value is None:
        return
    product = t.product()
    product.name = drop_lead_in(value, NAME_KINDS["product_name"])
    if not (product.description and producttype.wants_type(t, product)):
        t.advance()


def on_price(t: Turn) -> None:
    pending = t.s.pending
    if isinstance(pending, ConfirmPrice) and t.choice in ("yes", "no"):
        t.s.pending = None
        if t.choice == "no":
            t.say(t.ask())
            return
        t.product().price = pending.price
        t.advance()
        return
    value = t.text_answer(200, letters=False)
    if value is None:
        return
    price = parse_price(value)
    if isinstance(price, Invalid):
        t.invalid("invalid_price")
        return
    amount = Amount(amount=price.amount, amount_max=price.amount_max, unit=price.unit)
    if price.converted:
        t.s.pending = ConfirmPrice(price=amount, said=fmt_amount(price.said_amount),
                                   currency=price.said_currency)
        t.say(t.question())
        return
    t.product().price = amount
    t.advance()


def on_price_unit(t: Turn) -> None:
    unit = None
    if t.choice and t.choice.startswith("unit:"):
        unit = t.choice.removeprefix("unit:")
    elif t.inp.text:
        unit = parse_unit(t.inp.text)
    price = t.product().price
    if unit is None or price is None:
        t.invalid("invalid_choice")
        return
    price.unit = unit
    t.advance()


# The example under the minimum-order question, in the unit the product is priced in.
MOQ_EXAMPLES = {"kg": 50, "g": 500, "ml": 500, "l": 100, "ton": 1, "m": 50, "m2": 20}


def priced_unit(t: Turn) -> str | None:
    price = t.s.current_product.price if t.s.current_product else None
    return price.unit if price else None


def ask_moq(t: Turn) -> Reply:
    unit = priced_unit(t) or "piece"
    example = Amount(amount=Decimal(MOQ_EXAMPLES.get(unit, 20)), unit=unit)
    return Reply(Msg("ask_moq", {**t.product_params(), "example": quantity_msg(example)}), (),
                 Expect.TEXT)


def moq_unit_question(t: Turn) -> Reply:
    pending = t.s.pending
    assert isinstance(pending, MoqUnit), "asked only while a quantity waits for its unit"
    first = priced_unit(t)
    units = ((first,) if first else ()) + tuple(u for u in UNIT_BUTTONS if u != first)
    return Reply(Msg("ask_moq_unit", {"amount": fmt_amount(pending.amount)}),
                 tuple(btn(unit_label(u), f"unit:{u}") for u in units[:6]), Expect.CHOICE)


def counts_the_product(text: str, name: str | None) -> bool:
    """ "5 sacs" for "Sac en cuir": the product's own name used as the unit (pieces)."""
    def stems(words: str) -> set[str]:
        return {w.rstrip("s") for w in normalise(words).split() if len(w) >= 3
                and not w.isdigit()}
    return bool(name) and bool(stems(text) & stems(name or ""))


def on_moq(t: Turn) -> None:
    product = t.product()
    pending = t.s.pending
    if isinstance(pending, MoqUnit):
        unit = t.choice.removeprefix("unit:") if t.choice and t.choice.startswith("unit:") \
            else parse_unit(t.inp.text or "")
        if unit is not None:
            t.s.pending = None
            product.moq = Amount(amount=pending.amount, unit=unit)
            tell_readiness(t, product)
            t.advance()
            return
    value = t.text_answer(200, letters=False)
    if value is None:
        return
    quantity = parse_quantity(value)
    if isinstance(quantity, Invalid):
        t.invalid("invalid_moq")
        return
    # The unit the owner typed, never the price's: "5 زرابي" after "1500 درهم للمتر" is
    # five carpets, not five metres. None typed: ask which.
    unit = quantity.unit or ("piece" if counts_the_product(value, product.name) else None)
    if unit is None:
        t.s.pending = MoqUnit(amount=quantity.amount)
        t.say(t.question())
        return
    t.s.pending = None
    product.moq = Amount(amount=quantity.amount, unit=unit)
    tell_readiness(t, product)
    t.advance()


def tell_readiness(t: Turn, product: ProductDraft) -> None:
    """Once a product is described (not while editing one field): one line on how ready it
    is for buyers and the most valuable thing to add (flows.readiness)."""
    if t.s.editing or t.s.change is not None:
        return
    ready = readiness(product, t.s.draft.sector, t.s.draft.buyer)
    if ready.next is None:
        t.say(Reply(Msg("readiness_tip_done")))
    else:
        t.say(Reply(Msg("readiness_tip", {"score": ready.score, "next": Msg(
            f"readiness_next_{ready.next}", {"count": ready.photos_wanted})})))


def on_more_products(t: Turn) -> None:
    if t.choice == "yes":
        t.new_product()
    elif t.choice == "no":
        # The buyers' questions, once (flows.buyerq), then the review.
        t.goto("buyer_questions" if buyerq.to_ask(t) else "review")
    else:
        t.invalid("invalid_choice")


def price_question(t: Turn) -> Reply:
    pending = t.s.pending
    assert isinstance(pending, ConfirmPrice), "asked only while a price waits to be confirmed"
    return Reply(Msg("confirm_price_conversion", {
        "said": pending.said,
        "currency": Msg(f"currency_{pending.currency}"),
        "price": amount_msg(pending.price),
    }), YES_NO, Expect.CHOICE)


def restart_question(t: Turn) -> Reply:
    return Reply(Msg("confirm_restart"), YES_NO, Expect.CHOICE)


def edit_menu_question(t: Turn) -> Reply:
    product = isinstance(t.s.pending, EditMenu) and t.s.pending.scope == "product"
    fields = PRODUCT_FIELDS if product else BUSINESS_FIELDS
    buttons = tuple(btn(f"field_{f}", f"edit:{f}") for f in fields)
    params = t.product_params() if fields is PRODUCT_FIELDS else {}
    return Reply(Msg("ask_edit_field", params), (*buttons, btn("btn_back", "back")),
                 Expect.CHOICE)


def on_review(t: Turn) -> None:
    choice = t.choice or ""
    if choice == "submit":
        t.submit()
    elif t.s.revision and (choice == "change" or choice in changes.PAYLOADS):
        changes.open_menu(t, choice)  # changes were asked for: any change, the same menu
    elif choice == "show_summary":
        t.say(t.ask())
    elif choice == "add_product":
        t.new_product()
    elif choice == "edit:business":
        t.s.pending = EditMenu(scope="business")
        t.say(t.question())
    elif choice.startswith("edit:product:"):
        number = choice.removeprefix("edit:product:")
        if not (number.isdigit() and 1 <= int(number) <= len(t.s.draft.products)):
            t.invalid("stale_button")
            return
        t.s.product = int(number) - 1
        t.s.pending = EditMenu(scope="product")
        t.say(t.question())
    elif choice.startswith("edit:") and choice[5:] in BUSINESS_FIELDS + PRODUCT_FIELDS:
        t.edit(choice[5:])
    else:
        t.invalid("invalid_choice")


def on_owner_confirm(t: Turn) -> None:
    if t.choice == "change":
        t.goto("review", remember=False)
    elif t.ctx.assisting:
        if t.choice == "resend":
            t.submit()
        elif t.choice == "owner_link" and t.ctx.owner_reach is not None:
            t.say(owner_link_reply(t))
        else:
            t.invalid("invalid_choice")
    elif t.choice == "yes":
        agreed(t)
        t.submit()
    elif t.choice == "no":
        t.invalid("owner_confirm_declined")
        t.effects.append(TellAgent(Msg("agent_owner_declined",
                                       {"name": t.s.draft.business_name or ""})))
    else:
        t.invalid("invalid_choice")


def on_submitted(t: Turn) -> None:
    """Where the submitted draft stands, for an owner (or their agent) asking later; the
    owner may change it from here (flows.changes; after a rejection, from the summary)."""
    name = t.s.draft.business_name or ""
    choice = t.choice or ""
    changing = choice == "change" or choice in changes.PAYLOADS
    if t.ctx.assisting:
        t.say(Reply(Msg("assist_submitted", {"business_name": name})))
    elif t.s.decision == "rejected" and changing:
        t.goto("review", remember=False)  # change what was sent, and send it again
    elif changing:
        changes.open_menu(t, choice)
    elif t.s.decision == "changes":
        t.say(changes.under_review(t))
    elif t.s.decision == "approved":
        t.say(Reply(Msg("status_approved", {"business_name": name}), changes.offer(),
                    more=changes.PAYLOADS))
    elif t.s.decision == "rejected":
        t.say(rejected(t, "status_rejected"))
    elif t.s.decision == "live":
        t.say(Reply(Msg("status_live", {"business_name": name,
                                         "url": t.s.decision_note or ""}), changes.offer(),
                    more=changes.PAYLOADS))
    else:
        t.say(Reply(Msg("already_submitted", {"business_name": name}), changes.offer(),
                    more=changes.PAYLOADS))


@dataclass(frozen=True)
class Step:
    id: str
    section: str
    ask: Callable[[Turn], Reply]
    handle: Callable[[Turn], None]
    optional: bool = False
    # Whether the step is asked at all in this state (None: always).
    applies: Callable[[Turn], bool] | None = None


STEPS: dict[str, Step] = {s.id: s for s in (
    Step("language", "start", ask_language, on_language),
    Step("consent", "start", ask_consent, on_consent, applies=lambda t: not t.ctx.assisting),
    Step("business_name", "business", ask_text("ask_business_name"),
         text_field("business_name")),
    Step("owner_name", "business", ask_owner_name, on_owner_name),
    Step("city", "business", ask_text("ask_city"), on_city),
    Step("region", "business", ask_region, on_region,  # not when a nearby town gave it
         applies=lambda t: bool(t.s.draft.city) and t.s.draft.city_id is None
         and t.s.draft.region is None),
    Step("sector", "business", ask_sector, on_sector),
    Step("ice", "business", ask_text("ask_ice", skippable=True), on_ice, optional=True),
    Step("phone", "business", ask_phone, on_phone,
         applies=lambda t: t.ctx.channel_phone is None),
    Step("email", "business", ask_text("ask_email", skippable=True), on_email, optional=True),
    Step("product_name", "product", ask_text("ask_product_name"), on_product_name),
    Step("photos", "product", ask_photos, on_photos),
    Step("description", "product", ask_description, on_description),
    Step("price", "product", ask_text("ask_price"), on_price),
    Step("price_unit", "product", ask_price_unit, on_price_unit,
         applies=lambda t: t.product().price is not None and t.product().price.unit is None),
    Step("moq", "product", ask_moq, on_moq),
    Step("more_products", "product", ask_more_products, on_more_products),
    # The buyers' questions (flows.buyerq): reached from more_products, each skippable.
    Step("buyer_questions", "buyer", buyerq.ask_buyer_questions, buyerq.on_buyer_questions,
         applies=lambda t: False),
    Step("capacity", "buyer", buyerq.ask_capacity, buyerq.on_capacity),
    Step("lead_time", "buyer", buyerq.ask_lead_time, buyerq.on_lead_time),
    Step("certifications", "buyer", buyerq.ask_certifications, buyerq.on_certifications),
    Step("certificate", "buyer", buyerq.ask_certificate, buyerq.on_certificate,
         applies=lambda t: buyerq.open_certificate(t) is not None),
    Step("fda", "buyer", buyerq.ask_fda, buyerq.on_fda, applies=buyerq.sells_food_or_cosmetics),
    Step("export", "buyer", buyerq.ask_export, buyerq.on_export),
    Step("export_countries", "buyer", buyerq.ask_export_countries, buyerq.on_export_countries,
         applies=buyerq.exports),
    Step("packaging", "buyer", buyerq.ask_packaging, buyerq.on_packaging),
    Step("review", "review", ask_review, on_review),
    # Only reached by submitting a draft the owner has not agreed to (an agent filled it in).
    Step("owner_confirm", "review", ask_owner_confirm, on_owner_confirm,
         applies=lambda t: False),
    Step("submitted", "done", ask_submitted, on_submitted),
    # Changes after sending (flows.changes): only reached from the submitted step.
    Step("change", "review", changes.ask_menu, changes.on_menu, applies=lambda t: False),
)}
ORDER = tuple(STEPS)
# After an edit from the review, these steps may need their follow-up question.
FOLLOW_UPS = {"city": "region", "price": "price_unit"}
# An edit button names the field; this is the step that asks it.
FIELD_STEP = {"photos": "photos", **{f: f for f in ("business_name", "owner_name", "city",
              "sector", "ice", "phone", "email", "product_name", "description", "price", "moq")}}


# Sub-questions asked inside a step (flows.model.Pending); state.pending.kind names the one open.
PENDING: dict[str, Callable[[Turn], Reply]] = {
    "city": city_question,
    "nearest_town": nearest_town_question,
    "place": place_question,
    "price": price_question,
    "restart": restart_question,
    "erase": erase_question,
    "consent": consent_reply,
    "edit_menu": edit_menu_question,
    "language": ask_language,
    "photo_advice": photo_advice_question,
    "moq_unit": moq_unit_question,
    "photo_choice": photo_choice_question,
    "photo_fix": photo_fix_question,
    "more": lambda t: STEPS[t.s.step].ask(t),  # the step's own list, at another page
    "change_product": changes.product_question,
    "change_photos": changes.photos_question,
    "photo_remove": changes.photo_remove_question,
    "product_type": producttype.type_question,
    "doc_photo": buyerq.doc_photo_question,
}
