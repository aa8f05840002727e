"""The buyers' questions (flows.buyerq), one at a time: Darija in both scripts, French and
Arabic answers, the skip button, and input that cannot be read (a short example, the
question again, nothing lost)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.i18n import catalog
from flows.model import (
    Amount,
    BuyerAnswers,
    Certification,
    ConversationState,
    Draft,
    Input,
    ProductDraft,
)
from flows.parsing.periods import parse_certificate, parse_lead_time, period_of
from flows.parsing.result import Invalid
from tests.unit.test_engine import NOW, keys, talk

SKIP = Input(payload="skip")


def at(step: str, *, sector: str = "argan", products: int = 1, buyer: BuyerAnswers | None = None,
       language: str = "ary", script: str = "Latn") -> ConversationState:
    draft = Draft(business_name="Tifawin", sector=sector, buyer=buyer or BuyerAnswers(),
                  products=[ProductDraft(name=f"Mantoj {i + 1}", moq=Amount(amount=20, unit="l"),
                                         price=Amount(amount=150, unit="l"))
                            for i in range(products)])
    return ConversationState(step=step, language=language, script=script, consent_at=NOW,
                             draft=draft)


def text_of(replies, locale="fr") -> str:
    return catalog().render(locale, replies[-1]).text


# --- the opening question ----------------------------------------------------------------


def test_no_more_products_opens_the_buyers_questions_once():
    state = at("more_products", buyer=None)
    state.draft.buyer = None
    state, replies = talk("la", state=state)
    assert keys(replies) == ["ask_buyer_questions"]
    assert [b.payload for b in replies[0].buttons] == ["yes", "skip"]
    state, replies = talk("ndouz", state=state)  # the skip button's Darija label, typed
    assert keys(replies) == ["review_summary"] and state.draft.buyer == BuyerAnswers()
    # Another product added from the review: straight back to the review, not asked again.
    state.step = "more_products"
    state, replies = talk("non", state=state)
    assert keys(replies) == ["review_summary"]


@pytest.mark.parametrize("said", ["iyeh", "oui", "نعم", "واخا"])
def test_yes_starts_with_the_first_products_capacity(said):
    state = at("buyer_questions", products=2)
    state.product = 1  # the last product described
    state, replies = talk(said, state=state)
    assert keys(replies) == ["ask_capacity"] and state.product == 0
    assert "Mantoj 1" in text_of(replies) and "200 litres par mois" in text_of(replies)


# --- capacity ------------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "quantity", "unit", "per"), [
    ("chi 200 f chhar", "200", "l", "month"),  # no unit: the product's own (its minimum order)
    ("شي 200 لتر فالشهر", "200", "l", "month"),
    ("200 litres par mois", "200", "l", "month"),
    ("500 kg par semaine", "500", "kg", "week"),
    ("ألف لتر في الشهر", "1000", "l", "month"),
    ("alf kilo f l3am", "1000", "kg", "year"),
])
def test_capacity_is_read_like_a_quantity_with_its_period(said, quantity, unit, per):
    state, replies = talk(said, state=at("capacity"))
    assert keys(replies) == ["ask_lead_time"], said
    capacity = state.draft.products[0].capacity
    assert (str(capacity.quantity), capacity.unit, capacity.per) == (quantity, unit, per)


def test_capacity_asks_each_product_in_turn_and_skip_leaves_one_empty():
    state, replies = talk("300 litres", state=at("capacity", products=2))
    assert keys(replies) == ["ask_capacity"] and state.product == 1
    assert "Mantoj 2" in text_of(replies)
    state, replies = talk(SKIP, state=state)
    assert keys(replies) == ["ask_lead_time"] and state.product == 0
    assert [p.capacity and p.capacity.quantity for p in state.draft.products] == [
        Decimal(300), None]


@pytest.mark.parametrize("said", ["bzaf", "beaucoup", "كثير", "بزاف"])
def test_capacity_without_a_number_gets_an_example_and_stays(said):
    state, replies = talk(said, state=at("capacity"))
    assert keys(replies) == ["invalid_capacity"] and state.step == "capacity"
    assert state.draft.products[0].capacity is None
    assert [b.payload for b in replies[0].buttons] == ["skip"]  # still skippable


# --- lead time -----------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "quantity", "unit", "days"), [
    ("chi 3 simanat", "3", "week", 21),
    ("شي 3 سيمانات", "3", "week", 21),
    ("15 jours", "15", "day", 15),
    ("أسبوعين", "2", "week", 14),
    ("chhar", "1", "month", 30),
    ("شهرين", "2", "month", 60),
    ("10", "10", "day", 10),
])
def test_lead_time_is_read_in_days_weeks_or_months(said, quantity, unit, days):
    state, replies = talk(said, state=at("lead_time"))
    assert keys(replies) == ["ask_certifications"], said
    lead = state.draft.products[0].lead_time
    assert (str(lead.quantity), lead.unit, lead.days) == (quantity, unit, days)


@pytest.mark.parametrize("said", ["ghir mli nkmlo", "dès que possible", "0 jours", "500 ans"])
def test_a_lead_time_that_cannot_be_read_is_asked_again(said):
    state, replies = talk(said, state=at("lead_time"))
    assert keys(replies) == ["invalid_lead_time"]
    assert state.step == "lead_time" and state.draft.products[0].lead_time is None


def test_lead_time_skipped():
    state, replies = talk(SKIP, state=at("lead_time"))
    assert keys(replies) == ["ask_certifications"]
    assert state.draft.products[0].lead_time is None


# --- certifications ------------------------------------------------------------------------


@pytest.mark.parametrize(("said", "kinds"), [
    ("bio w onssa", ["organic", "onssa"]),
    ("عضوي و ISO", ["organic", "iso"]),
    ("بيو وأونسا", ["organic", "onssa"]),
    ("commerce équitable", ["fairtrade"]),
    ("ISO 22000", ["iso"]),
])
def test_typed_certifications_are_all_taken_at_once(said, kinds):
    state, replies = talk(said, state=at("certifications"))
    assert [c.kind for c in state.draft.buyer.certifications] == kinds, said
    assert keys(replies) == ["ask_certificate"]


@pytest.mark.parametrize("said", ["ma 3ndna 7ta chahada", "aucun certificat", "لا توجد شهادة",
                                  "ما عندنا حتى شهادة", "la"])
def test_no_certificate_goes_on_without_details(said):
    state, replies = talk(said, state=at("certifications"))
    assert state.draft.buyer.certified is False and state.draft.buyer.certifications == []
    assert keys(replies) == ["ask_fda"]  # argan: the FDA question


def test_buttons_add_certificates_one_by_one_then_done():
    state, replies = talk(Input(payload="cert:organic"), state=at("certifications"))
    assert keys(replies) == ["ask_certifications_more"]
    assert "Bio / ECOCERT" in text_of(replies)
    assert "cert:organic" not in [b.payload for b in replies[0].buttons]
    state, replies = talk(Input(payload="done"), state=state)
    assert keys(replies) == ["ask_certificate"] and state.draft.buyer.certified is True


def test_certifications_skipped_stays_unknown_not_none():
    state, replies = talk(SKIP, state=at("certifications"))
    assert keys(replies) == ["ask_fda"] and state.draft.buyer.certified is None


def test_words_naming_no_certificate_are_asked_again():
    state, replies = talk("chno hada", state=at("certifications"))
    assert keys(replies) == ["invalid_certifications"] and state.step == "certifications"


def with_certificates(*kinds: str) -> ConversationState:
    return at("certificate", buyer=BuyerAnswers(
        certified=True, certifications=[Certification(kind=k) for k in kinds]))


@pytest.mark.parametrize(("said", "body", "number", "expires"), [
    ("ECOCERT, n° MA-BIO-154, valable jusqu'au 12/2027", "ECOCERT", "MA-BIO-154",
     date(2027, 12, 31)),
    ("ecocert ra9m 88213 saliha 7ta 30/06/2026", "ECOCERT", "88213", date(2026, 6, 30)),
    ("إيكوسيرت رقم ٤٥٦٧٨ صالحة حتى ٣١/١٢/٢٠٢٧", "ECOCERT", "45678", date(2027, 12, 31)),
    ("Bureau Veritas 2027 certificat 45-7788", "Bureau Veritas", "45-7788", date(2027, 12, 31)),
])
def test_a_certificates_body_number_and_date_from_one_message(said, body, number, expires):
    state, replies = talk(said, state=with_certificates("organic", "iso"))
    cert = state.draft.buyer.certifications[0]
    assert (cert.body, cert.number, cert.expires) == (body, number, expires)
    assert keys(replies) == ["certificate_noted", "ask_doc_photo"]  # a photo of it, if at hand
    state, replies = talk(SKIP, state=state)
    assert state.draft.buyer.certifications[0].asked
    assert keys(replies) == ["ask_certificate"]  # then the ISO one


def test_onssa_is_its_own_body_and_a_bad_answer_keeps_the_question():
    state, replies = talk("ma3rftch", state=with_certificates("onssa"))
    assert keys(replies) == ["invalid_certificate"]
    assert "ECOCERT, MA-BIO-154, 31/12/2027" in text_of(replies)
    state, replies = talk("n 12.3456 / 2026", state=state)
    cert = state.draft.buyer.certifications[0]
    assert (cert.body, cert.number, cert.expires) == ("ONSSA", "12.3456", date(2026, 12, 31))
    assert keys(replies) == ["certificate_noted", "ask_doc_photo"]
    state, replies = talk("ndouz", state=state)
    assert keys(replies) == ["ask_fda"]


def test_a_certificates_details_skipped_keep_the_certificate():
    state, replies = talk(SKIP, state=with_certificates("fairtrade"))
    assert keys(replies) == ["ask_doc_photo"]  # its photo offered all the same
    state, replies = talk(SKIP, state=state)
    assert keys(replies) == ["ask_fda"]
    assert state.draft.buyer.certifications[0].kind == "fairtrade"
    assert state.draft.buyer.photos == []


# --- FDA, export, packaging ------------------------------------------------------------------


@pytest.mark.parametrize(("said", "answer"), [
    ("iyeh", "yes"), ("non", "no"), ("ma 3reftch", "unknown"), ("لا أعرف", "unknown"),
    ("ما عرفتش", "unknown"), ("je ne sais pas", "unknown"), ("نعم", "yes")])
def test_the_fda_question(said, answer):
    state, replies = talk(said, state=at("fda"))
    assert state.draft.buyer.fda == answer and keys(replies) == ["ask_export"]


def test_the_fda_question_is_only_for_food_and_cosmetics():
    state, replies = talk(SKIP, state=at("certifications", sector="carpets"))
    assert keys(replies) == ["ask_export"]
    state, replies = talk("ndouz", state=at("fda"))  # skip words: nothing recorded
    assert state.draft.buyer.fda is None and keys(replies) == ["ask_export"]


@pytest.mark.parametrize(("said", "level", "then"), [
    ("chi mrat", "few", "ask_export_countries"), ("dima", "regular", "ask_export_countries"),
    ("jamais", "never", "ask_packaging"), ("بانتظام", "regular", "ask_export_countries"),
    ("عمرنا", "never", "ask_packaging"), ("Quelques fois", "few", "ask_export_countries"),
    ("la", "never", "ask_packaging")])
def test_export_experience(said, level, then):
    state, replies = talk(said, state=at("export"))
    assert state.draft.buyer.export == level and keys(replies) == [then], said


def test_export_words_that_name_nothing_are_asked_again():
    state, replies = talk("ça dépend", state=at("export"))
    assert keys(replies) == ["invalid_choice"] and state.draft.buyer.export is None


@pytest.mark.parametrize(("said", "countries"), [
    ("France, Espagne et Canada", ["France", "Espagne", "Canada"]),
    ("fransa w lmerikan", ["fransa", "lmerikan"]),
    ("فرنسا وكندا", ["فرنسا", "كندا"]),
    ("Dubai", ["Dubai"]),
])
def test_export_countries(said, countries):
    state = at("export_countries", buyer=BuyerAnswers(export="few"))
    state, replies = talk(said, state=state)
    assert state.draft.buyer.export_countries == countries
    assert keys(replies) == ["ask_packaging"]


def test_packaging_then_the_review():
    state, replies = talk("9ra3i d zaj, 24 f carton", state=at("packaging"))
    assert state.draft.buyer.packaging == "9ra3i d zaj, 24 f carton"
    assert keys(replies) == ["ask_doc_photo"]  # a photo of it, if at hand
    state, replies = talk(SKIP, state=state)
    assert keys(replies) == ["review_summary"]
    state, replies = talk(SKIP, state=at("packaging"))
    assert state.draft.buyer.packaging is None and keys(replies) == ["review_summary"]


def test_back_from_a_buyers_question_returns_to_the_previous_one():
    state, _ = talk(Input(payload="yes"), "200 litres", state=at("buyer_questions"))
    assert state.step == "lead_time"
    state, replies = talk("retour", state=state)
    assert keys(replies) == ["ask_capacity"]
    assert state.draft.products[0].capacity.quantity == Decimal(200)  # kept


def test_a_state_that_never_saw_the_questions_is_stored_as_before():
    """Stored states and golden transcripts: no new keys until an answer exists."""
    draft = Draft(products=[ProductDraft(name="x")]).model_dump(mode="json")
    assert "buyer" not in draft and "capacity" not in draft["products"][0]


# --- the parsers on their own ------------------------------------------------------------------


def test_periods_and_lead_times():
    assert period_of("chi 200 f simana") == "week" and period_of("200") == "month"
    assert period_of("100 فالنهار") == "day"
    assert isinstance(parse_lead_time(""), Invalid)
    assert parse_lead_time("3 mois").days == 90
    assert parse_lead_time("un an").unit == "month"  # a year is counted in months
    assert parse_certificate("   ") == Invalid("empty")
