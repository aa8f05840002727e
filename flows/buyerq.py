"""The questions business buyers ask first, after the products: short, each skippable,
asked once per business (capacity and lead time once per product).

```mermaid
flowchart LR
    more_products -->|no, not asked yet| buyer_questions
    buyer_questions -->|skip| review
    buyer_questions -->|yes| capacity -->|each product| lead_time -->|each product| certifications
    certifications -->|one or more| certificate -->|each certificate| fda
    certifications -->|none, skip| fda
    fda -->|not food or cosmetics| export
    fda --> export -->|a few times, regularly| export_countries --> packaging
    export -->|never, skip| packaging --> review
```

| step             | key                    | expects | stored in                          |
|------------------|------------------------|---------|------------------------------------|
| buyer_questions  | ask_buyer_questions    | choice  | draft.buyer (an empty one: asked)  |
| capacity         | ask_capacity           | text    | product.capacity (per product)     |
| lead_time        | ask_lead_time          | text    | product.lead_time (per product)    |
| certifications   | ask_certifications     | choice  | buyer.certifications, certified    |
| certificate      | ask_certificate        | text    | certification body, number, expiry |
| fda              | ask_fda                | choice  | buyer.fda (food and cosmetics)     |
| export           | ask_export             | choice  | buyer.export                       |
| export_countries | ask_export_countries   | text    | buyer.export_countries             |
| packaging        | ask_packaging          | text    | buyer.packaging                    |

Every question has a skip button (the answer stays empty, nothing blocks the review);
an answer that cannot be read gets a short example and the question stays. Quantities
and spans of time are read like prices and minimum orders (flows.parsing.prices,
flows.parsing.periods): "chi 200 f chhar", "200 litres par mois", "شي 3 سيمانات".
The steps themselves are rows of flows.steps.STEPS (section "buyer").
"""

from __future__ import annotations

import re
from decimal import Decimal

from flows.model import (
    Button,
    BuyerAnswers,
    Capacity,
    Certification,
    DocPhoto,
    DocPhotoWanted,
    Draft,
    Expect,
    LeadTime,
    Msg,
    Reply,
    Turn,
)
from flows.parsing.periods import parse_certificate, parse_lead_time, period_of
from flows.parsing.prices import parse_quantity
from flows.parsing.result import Invalid
from flows.photos import refusal
from flows.text import normalise, shorten

STEP_IDS = ("buyer_questions", "capacity", "lead_time", "certifications", "certificate", "fda",
            "export", "export_countries", "packaging")
CERTIFICATIONS = ("organic", "fairtrade", "onssa", "iso")
# A kind of certificate only one body issues.
KIND_BODY = {"onssa": "ONSSA"}
# Sectors whose products a US importer must see registered with the FDA (food facility
# registration; cosmetics facility registration and product listing).
FDA_SECTORS = frozenset({"argan", "olive_oil", "food", "cosmetics"})
FDA_ANSWERS = {"yes": "yes", "no": "no", "fda:unknown": "unknown"}
EXPORT = ("never", "few", "regular")
COUNTRIES_MAX = 20
COUNTRY_MAX = 60
PACKAGING_MAX = 500
DOC_PHOTOS_MAX = 4  # photos of one certificate, or of the packaging
SUMMARY_PACKAGING = 60  # the packaging in the summary: its start (the whole is kept)
# The example under the capacity question, in the unit the product is counted in.
# What a certificate's details look like, as written on one (Latin: a parameter, so an
# Arabic sentence keeps it in one left-to-right piece).
CERTIFICATE_EXAMPLE = "ECOCERT, MA-BIO-154, 31/12/2027"
CAPACITY_EXAMPLES = {"kg": 200, "g": 5000, "l": 200, "ml": 5000, "ton": 2, "m": 300, "m2": 100}

# label key -> payload, and words key -> payload (flows.choices reads both).
LABELS = {
    "btn_buyerq_start": "yes",
    "btn_buyerq_later": "skip",
    **{f"cert_{k}": f"cert:{k}" for k in CERTIFICATIONS},
    "btn_cert_none": "cert:none",
    "btn_fda_unknown": "fda:unknown",
    **{f"export_{e}": f"export:{e}" for e in EXPORT},
}
WORDS = {
    **{f"words_cert_{k}": f"cert:{k}" for k in CERTIFICATIONS},
    "words_cert_none": "cert:none",
    "words_fda_unknown": "fda:unknown",
    **{f"words_export_{e}": f"export:{e}" for e in EXPORT},
}


def _btn(key: str, payload: str) -> Button:
    return Button(Msg(key), payload)


SKIP = _btn("btn_skip", "skip")


def answers(t: Turn) -> BuyerAnswers:
    if t.s.draft.buyer is None:
        t.s.draft.buyer = BuyerAnswers()
    return t.s.draft.buyer


def to_ask(t: Turn) -> bool:
    """After the products: asked once (an answer or a skip leaves draft.buyer set)."""
    return t.s.draft.buyer is None and bool(t.s.draft.products)


def skipped(t: Turn) -> bool:
    return t.choice in ("skip", "no")


def amount_text(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def quantity(amount: Decimal, unit: str) -> Msg:
    return Msg("quantity_value", {"amount": amount_text(amount),
                                  "unit": Msg(f"units_{unit}", {"count": count_of(amount)})})


# --- the opening question --------------------------------------------------


def ask_buyer_questions(t: Turn) -> Reply:
    return Reply(Msg("ask_buyer_questions"),
                 (_btn("btn_buyerq_start", "yes"), _btn("btn_buyerq_later", "skip")),
                 Expect.CHOICE)


def on_buyer_questions(t: Turn) -> None:
    if t.choice == "yes":
        answers(t)
        t.s.product = 0
        t.advance()
    elif skipped(t):
        answers(t)  # asked: not again after another product
        t.goto("review")
    else:
        t.invalid("invalid_choice")


def next_product(t: Turn, step: str) -> None:
    """The same question for the next product, or on to the next step."""
    if t.s.product + 1 < len(t.s.draft.products):
        t.s.history.append(f"{step}#{t.s.product}")
        t.s.product += 1
        t.say(t.ask())
    else:
        t.s.product = 0
        t.advance()


# --- capacity and lead time, per product ------------------------------------


def counted_in(t: Turn) -> str | None:
    """The unit the product's minimum order (else its price) is counted in."""
    product = t.s.current_product
    for amount in (product.moq, product.price) if product else ():
        if amount is not None and amount.unit:
            return amount.unit
    return None


def ask_capacity(t: Turn) -> Reply:
    unit = counted_in(t) or "piece"
    example = quantity(Decimal(CAPACITY_EXAMPLES.get(unit, 300)), unit)
    return Reply(Msg("ask_capacity", {**t.product_params(), "example": example}), (SKIP,),
                 Expect.TEXT)


def on_capacity(t: Turn) -> None:
    if skipped(t):
        next_product(t, "capacity")
        return
    value = t.text_answer(200, letters=False)
    if value is None:
        return
    said = parse_quantity(value)
    if isinstance(said, Invalid):
        t.invalid("invalid_capacity")
        return
    unit = said.unit or counted_in(t)
    if unit is None:  # pragma: no cover - every product has a price unit or a minimum order
        t.invalid("invalid_capacity")
        return
    t.product().capacity = Capacity(quantity=said.amount, unit=unit, per=period_of(value))
    next_product(t, "capacity")


def ask_lead_time(t: Turn) -> Reply:
    return Reply(Msg("ask_lead_time", t.product_params()), (SKIP,), Expect.TEXT)


def on_lead_time(t: Turn) -> None:
    if skipped(t):
        next_product(t, "lead_time")
        return
    value = t.text_answer(200, letters=False)
    if value is None:
        return
    said = parse_lead_time(value)
    if isinstance(said, Invalid):
        t.invalid("invalid_lead_time")
        return
    t.product().lead_time = LeadTime(quantity=said.quantity, unit=said.unit, days=said.days)
    next_product(t, "lead_time")


# --- certifications ---------------------------------------------------------


def ask_certifications(t: Turn) -> Reply:
    a = t.s.draft.buyer
    chosen = [c.kind for c in a.certifications] if a else []
    buttons = tuple(_btn(f"cert_{k}", f"cert:{k}") for k in CERTIFICATIONS if k not in chosen)
    if chosen:
        return Reply(Msg("ask_certifications_more", {"chosen": [Msg(f"cert_{k}") for k in chosen]}),
                     (*buttons, _btn("btn_done", "done")), Expect.CHOICE, more=("skip",))
    return Reply(Msg("ask_certifications"), (*buttons, _btn("btn_cert_none", "cert:none"), SKIP),
                 Expect.CHOICE)


def typed_certifications(t: Turn) -> list[str]:
    """Every certification the owner's words name ("bio w onssa", "ISO 22000 و ONSSA")."""
    # "وأونسا": the Arabic "and" written onto the word it joins.
    words = [w[1:] if w.startswith("و") and len(w) > 3 else w
             for w in normalise(t.inp.text or "").split()[:40]]
    found: list[str] = []
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            for intent in t.ctx.lexicon.intents_for(" ".join(words[i:i + size])):
                kind = intent.removeprefix("cert:")
                if intent.startswith("cert:") and kind in CERTIFICATIONS and kind not in found:
                    found.append(kind)
    return [k for k in CERTIFICATIONS if k in found]


def add_certification(a: BuyerAnswers, kind: str) -> None:
    if all(c.kind != kind for c in a.certifications):
        a.certifications.append(Certification(kind=kind, body=KIND_BODY.get(kind)))
    a.certified = True


def on_certifications(t: Turn) -> None:
    a = answers(t)
    choice = t.choice or ""
    typed = typed_certifications(t) if t.inp.payload is None and t.inp.text else []
    if typed:  # typed: all of them at once
        for kind in typed:
            add_certification(a, kind)
        t.advance()
    elif choice in ("cert:none", "no"):
        a.certifications, a.certified = [], False
        t.advance()
    elif choice in ("skip", "done"):
        a.certified = True if a.certifications else None
        t.advance()
    elif choice.removeprefix("cert:") in CERTIFICATIONS:
        add_certification(a, choice.removeprefix("cert:"))
        if len(a.certifications) == len(CERTIFICATIONS):
            t.advance()
        else:
            t.say(t.ask())
    else:
        t.invalid("invalid_certifications")


def open_certificate(t: Turn) -> Certification | None:
    a = t.s.draft.buyer
    return next((c for c in a.certifications if not c.asked), None) if a else None


def ask_certificate(t: Turn) -> Reply:
    cert = open_certificate(t)
    kind = cert.kind if cert else CERTIFICATIONS[0]
    return Reply(Msg("ask_certificate", {"cert": Msg(f"cert_{kind}"),
                                          "example": CERTIFICATE_EXAMPLE}), (SKIP,), Expect.TEXT)


def on_certificate(t: Turn) -> None:
    cert = open_certificate(t)
    if cert is None:  # pragma: no cover - the step applies only with one open
        t.advance()
        return
    of = f"certificate:{cert.kind}"
    if isinstance(t.s.pending, DocPhotoWanted):
        if took_doc_photo(t):
            cert.asked = True
            next_certificate(t)
        return
    if t.inp.media and not t.inp.text:  # a photo of it instead of its details
        if took_doc_photo(t, of):
            cert.asked = True
            next_certificate(t)
        return
    if not skipped(t):
        value = t.text_answer(300, letters=False)
        if value is None:
            return
        said = parse_certificate(value, kind_body=KIND_BODY.get(cert.kind))
        if isinstance(said, Invalid):
            t.invalid("invalid_certificate", example=CERTIFICATE_EXAMPLE)
            return
        cert.body, cert.number, cert.expires = said.body, said.number, said.expires
        t.say(Reply(Msg("certificate_noted", certificate_params(cert))))
    # Asked (cert.asked) once the photo is sent or skipped: "back" asks its details again.
    offer_photo(t, of)


def next_certificate(t: Turn) -> None:
    if open_certificate(t) is not None:
        t.say(t.ask())
    else:
        t.advance()


def certificate_params(cert: Certification) -> dict:
    missing = Msg("value_missing")
    return {"cert": Msg(f"cert_{cert.kind}"), "body": cert.body or missing,
            "number": cert.number or missing,
            "expires": cert.expires.strftime("%d/%m/%Y") if cert.expires else missing}


# --- the FDA, export, packaging ---------------------------------------------


def ask_fda(t: Turn) -> Reply:
    return Reply(Msg("ask_fda"), (_btn("btn_yes", "yes"), _btn("btn_no", "no"),
                                  _btn("btn_fda_unknown", "fda:unknown"), SKIP), Expect.CHOICE)


def on_fda(t: Turn) -> None:
    choice = t.choice or ""
    if choice in FDA_ANSWERS:
        answers(t).fda = FDA_ANSWERS[choice]
        t.advance()
    elif choice == "skip":
        t.advance()
    else:
        t.invalid("invalid_choice")


def ask_export(t: Turn) -> Reply:
    return Reply(Msg("ask_export"),
                 (*(_btn(f"export_{e}", f"export:{e}") for e in EXPORT), SKIP), Expect.CHOICE)


def on_export(t: Turn) -> None:
    choice = t.choice or ""
    if choice.removeprefix("export:") in EXPORT:
        answers(t).export = choice.removeprefix("export:")
        t.advance()
    elif choice == "no":  # "never exported?" - "no"
        answers(t).export = "never"
        t.advance()
    elif choice == "skip":
        t.advance()
    else:
        t.invalid("invalid_choice")


def ask_export_countries(t: Turn) -> Reply:
    return Reply(Msg("ask_export_countries"), (SKIP,), Expect.TEXT)


# "France, Espagne et Canada", "fransa w lmerikan", "فرنسا وكندا".
_LIST_SEPARATORS = re.compile(r"[,;/\n&،+]+|\s+(?:w|et|and|ou|o|y)\s+|\s+و\s*", re.IGNORECASE)


def on_export_countries(t: Turn) -> None:
    if skipped(t):
        t.advance()
        return
    value = t.text_answer(COUNTRIES_MAX * COUNTRY_MAX)
    if value is None:
        return
    countries = [c.strip(" .-") for c in _LIST_SEPARATORS.split(value)]
    answers(t).export_countries = [c[:COUNTRY_MAX] for c in countries if c][:COUNTRIES_MAX]
    t.advance()


def ask_packaging(t: Turn) -> Reply:
    return Reply(Msg("ask_packaging"), (SKIP,), Expect.TEXT)


def on_packaging(t: Turn) -> None:
    if isinstance(t.s.pending, DocPhotoWanted):
        if took_doc_photo(t):
            t.advance()
        return
    if t.inp.media and not t.inp.text:  # the packaging shown, not described
        if took_doc_photo(t, "packaging"):
            t.advance()
        return
    if skipped(t):
        t.advance()
        return
    value = t.text_answer(PACKAGING_MAX)
    if value is not None:
        answers(t).packaging = value
        offer_photo(t, "packaging")


# --- photos of the certificates and of the packaging -------------------------
# Offered once a certification is named (after its details) and once the packaging is
# described; optional. They come through the same media pipeline as the products' photos
# and are kept with what they show (DocPhoto.of).


def doc_label(of: str) -> Msg:
    """What a paper's photo shows, for the owner: "the Organic certificate", "the packaging"."""
    kind = of.removeprefix("certificate:")
    if kind != of:
        return Msg("doc_certificate", {"cert": Msg(f"cert_{kind}")})
    return Msg("doc_packaging")


def offer_photo(t: Turn, of: str) -> None:
    t.s.pending = DocPhotoWanted(of=of)
    t.say(t.question())


def doc_photo_question(t: Turn) -> Reply:
    pending = t.s.pending
    of = pending.of if isinstance(pending, DocPhotoWanted) else "packaging"
    return Reply(Msg("ask_doc_photo", {"doc": doc_label(of)}), (SKIP,), Expect.PHOTO)


def took_doc_photo(t: Turn, of: str | None = None) -> bool:
    """Read the answer to the photo question (`of`: a photo sent unasked, in place of
    the answer): True once it is kept or skipped, False after saying what is expected."""
    pending = t.s.pending
    of = of or (pending.of if isinstance(pending, DocPhotoWanted) else "packaging")
    if skipped(t) or t.choice == "done":
        t.s.pending = None
        return True
    media = [m for m in t.inp.media if m.kind == "photo" and m.media_id is not None]
    if not media:
        refused = next((m for m in t.inp.media if m.kind == "invalid"), None)
        t.invalid(refusal(refused) if refused else "expected_doc_photo", doc=doc_label(of))
        return False
    a = answers(t)
    kept = a.photos_of(of)
    for m in media[:DOC_PHOTOS_MAX - len(kept)]:
        if all(p.media_id != m.media_id for p in a.photos):  # the same upload seen twice
            a.photos.append(DocPhoto(of=of, media_id=m.media_id, sha256=m.sha256,
                                     width=m.width, height=m.height, phash=m.phash))
    t.s.pending = None
    t.say(Reply(Msg("doc_photo_received", {"doc": doc_label(of)})))
    return True


def exports(t: Turn) -> bool:
    a = t.s.draft.buyer
    return a is not None and a.export in ("few", "regular")


def sells_food_or_cosmetics(t: Turn) -> bool:
    return (t.s.draft.sector or "") in FDA_SECTORS



# --- the buyers' answers in the owner's summary (flows.steps.draft_params) -----

PHOTO_MARK = " 📷"  # a photo of it was sent


def summary_lines(draft: Draft) -> list[Msg]:
    """One short line per answer given (none for a question skipped or not asked), under
    a title; nothing at all when nothing was said."""
    a = draft.buyer
    if a is None:
        return []
    lines = []
    for i, p in enumerate(draft.products):
        if p.capacity is None and p.lead_time is None:
            continue
        capacity = Msg("buyer_capacity", {"quantity": quantity(p.capacity.quantity,
                                                               p.capacity.unit),
                                          "per": Msg(f"buyer_per_{p.capacity.per}")}) \
            if p.capacity else Msg("value_missing")
        lead = Msg(f"buyer_lead_{p.lead_time.unit}", {"count": count_of(p.lead_time.quantity)}) \
            if p.lead_time else Msg("value_missing")
        lines.append(Msg("review_buyer_product", {"number": i + 1, "capacity": capacity,
                                                  "lead": lead}))
    if a.certified is False:
        lines.append(Msg("review_buyer_no_certificate"))
    for c in a.certifications:
        photo = PHOTO_MARK if a.photos_of(f"certificate:{c.kind}") else ""
        if c.number or c.expires:  # ONSSA alone names its body: no details yet
            lines.append(Msg("review_buyer_certificate", {**certificate_params(c),
                                                          "photo": photo}))
        else:
            lines.append(Msg("review_buyer_certificate_only", {"cert": Msg(f"cert_{c.kind}"),
                                                               "photo": photo}))
    if a.fda is not None:
        answer = {"yes": "btn_yes", "no": "btn_no"}.get(a.fda, "btn_fda_unknown")
        lines.append(Msg("review_buyer_fda", {"answer": Msg(answer)}))
    if a.export is not None:
        export = Msg(f"export_{a.export}")
        lines.append(Msg("review_buyer_export_to", {"export": export,
                                                    "countries": listed(a.export_countries)})
                     if a.export_countries else Msg("review_buyer_export", {"export": export}))
    packaging_photo = PHOTO_MARK if a.photos_of("packaging") else ""
    if a.packaging or packaging_photo:
        lines.append(Msg("review_buyer_packaging", {
            "packaging": shorten(a.packaging or "", SUMMARY_PACKAGING), "photo": packaging_photo}))
    return [Msg("review_buyer_title"), *lines] if lines else []


def listed(items: list[str]) -> Msg | str:
    """Items joined by the locale's comma, each placed on its own: in an Arabic line,
    "France" and "Canada" are each kept left to right, and read in the order written."""
    if len(items) == 1:
        return items[0]
    return Msg("buyer_list_more", {"first": items[0], "rest": listed(items[1:])})


def count_of(value: Decimal) -> int | float:
    """A number for a plural form: 3, or 1.5."""
    return int(value) if value == value.to_integral_value() else float(value)
