"""What owners type, read the first time: the opening, everyday answers, names with a
lead-in, quantities in their own unit, photos after advice, short edits (issue 15)."""

from __future__ import annotations

import pytest

from bot.i18n import catalog
from flows.model import (
    Amount,
    ConversationState,
    Draft,
    Input,
    MediaRef,
    Msg,
    Photo,
    PhotoAdvice,
    ProductDraft,
    Reply,
)
from flows.names import drop_lead_in
from tests.unit.test_engine import NOW, keys, talk

FR = ConversationState(step="business_name", language="fr", script="Latn", consent_at=NOW)


def at(step: str, **fields) -> ConversationState:
    return FR.model_copy(update={"step": step, **fields}, deep=True)


# --- the first turn ---------------------------------------------------------------------

@pytest.mark.parametrize(("opening", "locale"), [
    ("Bonjour, je voudrais inscrire mon atelier de zellige", "fr"),
    ("salam bghit nsjl", "ary-Latn"),
    ("السلام عليكم بغيت نسجل الشركة ديالي", "ary-Arab"),
    ("مرحبا، أريد تسجيل شركتي في المنصة", "ar"),
    ("bonjour", "fr"),
    ("salam", "ary-Latn"),
])
def test_an_opening_in_a_known_language_goes_on_in_it(opening, locale):
    state, replies = talk(Input(is_start=True, text=opening))
    assert keys(replies) == ["welcome_found", "ask_consent"] and state.locale == locale
    assert [b.payload for b in replies[-1].buttons] == ["yes", "no", "language"]
    state, replies = talk(Input(payload="language"), state=state)  # the one button to change
    assert keys(replies) == ["ask_language"]
    state, replies = talk("2", state=state)
    assert state.locale == "fr" and keys(replies) == ["ask_consent"]


@pytest.mark.parametrize("said", ["ok", "Karim Bziz", "tapis berbère", "زيت أركان", "?", "123"])
def test_anything_else_at_the_language_question_gets_a_short_hint_not_the_welcome(said):
    state, _ = talk(Input(is_start=True))
    state, replies = talk(said, state=state)
    assert keys(replies) == ["language_hint"] and state.step == "language"
    texts = {catalog().render(loc, replies[0]).text for loc in ("fr", "ar", "ary-Arab")}
    assert len(texts) == 1 and len(texts.pop()) < 120  # the same three lines everywhere
    assert [b.payload for b in replies[0].buttons] == ["lang:ary", "lang:fr", "lang:ar"]


@pytest.mark.parametrize(("said", "locale"), [
    ("oui d'accord", "fr"), ("iyeh", "ary-Latn"), ("safi", "ary-Latn"), ("نعم", "ar"),
    ("Bonjour, je voudrais inscrire mon atelier", "fr"), ("salam", "ary-Latn")])
def test_words_in_a_language_at_the_language_question_choose_it(said, locale):
    state, _ = talk(Input(is_start=True))
    state, replies = talk(said, state=state)
    assert keys(replies) == ["language_found", "ask_consent"] and state.locale == locale


# --- everyday answers, for every question that takes a choice ------------------------------

YES = ["oui", "oui d'accord", "ok", "d'accord", "Oui, bien sûr", "oui merci", "👍",
       "iyeh", "wakha", "iyeh wakha", "safi", "wakha 3afak", "mwafe9", "ah wakha",
       "اه موافق", "واخا", "إيه", "موافق", "اه", "نعم", "نعم أوافق", "حسنا", "أوافق"]
NO = ["non", "non merci", "nan", "la", "la chokran", "lla", "لا", "لا شكرا", "ما بغيتش",
      "لا صافي", "كلا"]


@pytest.mark.parametrize("said", YES)
def test_consent_accepts_everyday_yes(said):
    state, replies = talk(said, state=at("consent", consent_at=None))
    assert state.consent_at is not None and keys(replies) == ["ask_business_name"], said


@pytest.mark.parametrize("said", NO)
def test_consent_hears_everyday_no(said):
    state, replies = talk(said, state=at("consent", consent_at=None))
    assert state.consent_at is None and keys(replies) == ["consent_declined"], said


def product_state(step: str, **product) -> ConversationState:
    draft = Draft(business_name="Atlas", products=[ProductDraft(name="Tapis", **product)])
    return at(step, draft=draft)


@pytest.mark.parametrize("said", YES)
def test_more_products_yes(said):
    state, replies = talk(said, state=product_state("more_products"))
    assert keys(replies) == ["ask_product_name"], said


@pytest.mark.parametrize("said", [*NO, "c'est tout", "hadchi kafi", "هادشي كافي"])
def test_more_products_no(said):
    state, replies = talk(said, state=product_state("more_products"))
    # The buyers' questions come once between the products and the review (flows.buyerq).
    assert keys(replies) == ["ask_buyer_questions"], said


@pytest.mark.parametrize(("said", "unit"), [
    ("lwe7da", "piece"), ("we7da", "piece"), ("100 we7da", "piece"), ("للزربية", "piece"),
    ("la pièce", "piece"), ("الحبة", "piece"), ("l7ebba", "piece"), ("kilo", "kg"),
    ("للكيلو", "kg"), ("le litre", "l"), ("m²", "m2"), ("lmetre mourabba3", "m2")])
def test_the_price_unit_question_understands_everyday_units(said, unit):
    state, replies = talk(said, state=product_state(
        "price_unit", price=Amount(amount=1500)))
    assert state.draft.products[0].price.unit == unit and keys(replies) == ["ask_moq"], said


@pytest.mark.parametrize(("said", "payload"), [
    ("khliha", "keep"), ("garder", "keep"), ("je la garde", "keep"), ("خليها", "keep"),
    ("احتفظ بها", "keep"), ("beddelha", "replace"), ("remplacer", "replace"),
    ("بدلها", "replace"), ("استبدلها", "replace")])
def test_photo_advice_understands_keep_and_replace(said, payload):
    state = product_state("photos", photos=[Photo(media_id=1)])
    state.pending = PhotoAdvice(media_id=1, tips=["blurry"])
    state, replies = talk(said, state=state)
    expected = "photo_received" if payload == "keep" else "photo_send_another"
    assert keys(replies) == [expected], said


@pytest.mark.parametrize("said", ["envoyer", "sift", "sifto", "صيفطو", "أرسل", "safi sift"])
def test_the_review_understands_send(said):
    state = product_state("review", price=Amount(amount=10, unit="piece"),
                          moq=Amount(amount=5, unit="piece"), photos=[Photo(media_id=1)])
    state, replies = talk(said, state=state)
    assert keys(replies) == ["submitted"], said


@pytest.mark.parametrize(("said", "sector"), [
    ("argan", "argan"), ("zit argan", "argan"), ("tapis", "carpets"), ("الزرابي", "carpets"),
    ("zellige", "zellige")])
def test_the_sector_question_understands_words(said, sector):
    state, _ = talk(said, state=at("sector"))
    assert state.draft.sector == sector, said


@pytest.mark.parametrize(("said", "yes"), [("oui", True), ("wakha", True), ("اه موافق", True),
                                           ("non", False), ("la", False)])
def test_a_converted_price_is_confirmed_in_everyday_words(said, yes):
    state, _ = talk("alf ryal l kilo", state=product_state("price"))
    state, replies = talk(said, state=state)
    assert keys(replies) == (["ask_moq"] if yes else ["ask_price"]), said


# --- names without their lead-in ----------------------------------------------------------

NAMES = [
    ("owner", "Je m'appelle Karim Bziz", "Karim Bziz"),
    ("owner", "Bonjour, je m'appelle Karim Bziz", "Karim Bziz"),
    ("owner", "moi c'est Aicha", "Aicha"),
    ("owner", "Mon nom est Fatima Zahra Amrani", "Fatima Zahra Amrani"),
    ("owner", "ana smiti Fatima", "Fatima"),
    ("owner", "smiti Youssef El Idrissi", "Youssef El Idrissi"),
    ("owner", "سميتي فاطمة الزهراء", "فاطمة الزهراء"),
    ("owner", "انا سميتي خديجة", "خديجة"),
    ("owner", "اسمي أحمد المنصوري", "أحمد المنصوري"),
    ("owner", "Karim Bziz", "Karim Bziz"),
    ("owner", "Anas Alaoui", "Anas Alaoui"),
    ("business", "smiya dyalha cooperative tafraout", "cooperative tafraout"),
    ("business", "Mon entreprise s'appelle « Atlas Argan ».", "Atlas Argan"),
    ("business", "ma coopérative s'appelle Tifawin", "Tifawin"),
    ("business", "c'est Dar Zellige", "Dar Zellige"),
    ("business", "الشركة ديالي سميتها تعاونية الأمل", "تعاونية الأمل"),
    ("business", "اسم الشركة: زيت الزيتون الذهبي", "زيت الزيتون الذهبي"),
    ("business", "Salam Argan", "Salam Argan"),
    ("business", "c'est", "c'est"),
    ("product", "le produit s'appelle Huile d'argan bio", "Huile d'argan bio"),
    ("product", "smito zit l3ar9an", "zit l3ar9an"),
    ("product", "اسم المنتج زيت زيتون بكر", "زيت زيتون بكر"),
]


@pytest.mark.parametrize(("kind", "typed", "name"), NAMES)
def test_lead_ins_are_dropped_from_names(kind, typed, name):
    assert drop_lead_in(typed, kind) == name


def test_the_name_questions_store_the_name_without_its_lead_in():
    state, _ = talk("Mon entreprise s'appelle Atlas Argan", "Je m'appelle Karim Bziz",
                    state=at("business_name"))
    assert (state.draft.business_name, state.draft.owner_name) == ("Atlas Argan", "Karim Bziz")


# --- quantities in their own unit -------------------------------------------------------

@pytest.mark.parametrize(("said", "unit"), [
    ("5 زرابي", "piece"), ("5 zrabi", "piece"), ("5 tapis", "piece"), ("٥ زرابي", "piece"),
    ("100 we7da", "piece"), ("20 m2", "m2"), ("50 kilo", "kg")])
def test_the_minimum_order_keeps_the_unit_typed_not_the_prices(said, unit):
    state = product_state("moq", price=Amount(amount=1500, unit="m"))
    state, replies = talk(said, state=state)
    assert state.draft.products[0].moq.unit == unit
    assert keys(replies) == ["readiness_tip", "ask_more_products"]


def test_the_products_own_name_counts_pieces():
    state = at("moq", draft=Draft(products=[ProductDraft(
        name="Sac en cuir", price=Amount(amount=300, unit="kg"))]))
    state, _ = talk("5 sacs", state=state)
    assert state.draft.products[0].moq.unit == "piece"


def test_a_bare_number_asks_its_unit_offering_the_prices_first():
    state = product_state("moq", price=Amount(amount=1500, unit="m"))
    state, replies = talk("10", state=state)
    assert keys(replies) == ["ask_moq_unit"] and replies[0].buttons[0].payload == "unit:m"
    state, replies = talk("7ebba", state=state)
    assert state.draft.products[0].moq == Amount(amount=10, unit="piece")
    assert keys(replies) == ["readiness_tip", "ask_more_products"]


def test_the_moq_example_and_summary_label_use_the_products_unit():
    state, replies = talk("1500 dh le litre", state=product_state("price"))
    assert "100 litres" in catalog().render("fr", replies[0]).text
    state, replies = talk("20 litres", "non", Input(payload="skip"), state=state)
    text = catalog().render("fr", replies[0]).text
    assert "Quantité minimum par commande : 20 litres" in text and "Minimum :" not in text


# --- photos after advice -----------------------------------------------------------------

def photo(n: int) -> Input:
    return Input(media=(MediaRef(n, "photo", f"{n:064x}", 1200, 900),))


def test_a_photo_after_advice_replaces_only_the_advised_one():
    state = product_state("photos", photos=[Photo(media_id=1), Photo(media_id=2)])
    blurry = Input(media=(MediaRef(3, "photo", "3" * 64, 1200, 900, advice=("blurry",)),))
    state, replies = talk(blurry, state=state)
    assert keys(replies) == ["photo_advice"]
    state, replies = talk(photo(4), state=state)
    assert [p.media_id for p in state.draft.products[0].photos] == [1, 2, 4]
    assert keys(replies) == ["photo_replaced", "photo_received"]
    assert "les 2 autres photos sont gardées" in catalog().render("fr", replies[0]).text


def test_after_the_reviews_photo_advice_the_owner_says_which_photo_is_replaced():
    state = product_state("review", photos=[Photo(media_id=i) for i in (1, 2, 3)],
                          price=Amount(amount=10, unit="piece"),
                          moq=Amount(amount=5, unit="piece"))
    state = state.model_copy(update={"step": "submitted", "revision": 1})
    event = {"kind": "changes_requested", "items": [
        {"field": "product:1:photos", "reason": "photo_blurry"}]}
    state, replies = talk(Input(event=event), state=state)
    assert keys(replies) == ["decision_changes_requested", "photo_fix"]
    assert len(state.draft.products[0].photos) == 3  # nothing thrown away yet
    state, replies = talk(photo(9), state=state)
    assert keys(replies) == ["photo_which"]
    assert [b.payload for b in replies[0].buttons] == ["photo:1", "photo:2", "photo:3", "keep"]
    state, replies = talk("2", state=state)
    assert [p.media_id for p in state.draft.products[0].photos] == [1, 3, 9]
    assert keys(replies) == ["photo_replaced", "photo_received"]


# --- shorter -------------------------------------------------------------------------------

def test_an_edit_from_the_review_is_one_line_and_the_summary_one_tap_away():
    state = product_state("review", description="x " * 200, photos=[Photo(media_id=1)],
                          price=Amount(amount=10, unit="piece"),
                          moq=Amount(amount=5, unit="piece"))
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:price"),
                          "12 dh la pièce", state=state)
    assert keys(replies) == ["review_changed"]
    assert [b.payload for b in replies[0].buttons][:2] == ["submit", "show_summary"]
    assert len(catalog().render("fr", replies[0]).text) < 120
    state, replies = talk(Input(payload="show_summary"), state=state)
    text = catalog().render("fr", replies[0]).text
    assert keys(replies) == ["review_summary"] and "x x x…" in text
    assert max(len(line) for line in text.splitlines()) < 100  # the description is cut


@pytest.mark.parametrize("locale", ["fr", "ar", "ary-Arab", "ary-Latn"])
def test_the_owners_confirmation_is_short_before_the_draft(locale):
    empty = {k: "" for k in ("business_name", "owner_name", "city", "region", "sector", "ice",
                             "phone", "email")}
    reply = Reply(Msg("owner_confirm", {**empty, "products": []}))
    assert len(catalog().render(locale, reply).text) < 300


@pytest.mark.parametrize("description", [
    "هذا الزيت مستخرج من أشجار الزيتون في منطقتنا ويتميز بجودة عالية",
    "Huile pressée à froid, bio, de nos arganiers."])
def test_no_language_switch_offer_after_a_description(description):
    state = product_state("description")
    state = state.model_copy(update={"language": "ary", "script": "Arab"})
    state, replies = talk(description, state=state)
    assert keys(replies) == ["ask_price"]  # no "continue in Arabic?" mid-product


def test_the_switch_is_still_offered_after_talk_at_a_questions_start():
    state, replies = talk("oui d'accord",
                          state=at("consent", consent_at=None, language="ary", script="Arab"))
    assert keys(replies) == ["ask_business_name", "offer_language_switch"]
