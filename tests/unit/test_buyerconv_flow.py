"""Issue 18 in the conversation: which product it is when the words leave a doubt
(flows.producttype), photos of the certificates and of the packaging (flows.buyerq), and
the buyers' answers in the owner's summary, in the four locales."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.i18n import catalog
from flows.choices import QUICK_TITLE_MAX
from flows.listing import build_listing
from flows.model import (
    Amount,
    BuyerAnswers,
    Capacity,
    Certification,
    ConversationState,
    DocPhoto,
    Draft,
    Input,
    LeadTime,
    MediaRef,
    ProductDraft,
)
from flows.producttype import product_match
from flows.readiness import readiness
from flows.taxonomy import types
from tests.unit.test_buyerq_flow import at
from tests.unit.test_engine import NOW, keys, talk

SKIP = Input(payload="skip")


def photo(n: int, kind: str = "photo", reason: str = "") -> Input:
    return Input(media=(MediaRef(None if kind == "invalid" else 500 + n, kind, f"{n:064x}",
                                 1200, 900, reason=reason),))


def describing(name: str, *, language: str = "fr", script: str = "Latn",
               sector: str = "leather") -> ConversationState:
    """At the description of a product with this name, photos sent."""
    product = ProductDraft(name=name, photos=[{"media_id": 1}])
    return ConversationState(step="description", language=language, script=script,
                             consent_at=NOW, draft=Draft(business_name="Atelier",
                                                         sector=sector, products=[product]))


def labels(reply, locale: str) -> list[str]:
    return [catalog().label(locale, b) for b in reply.buttons]


# --- which product it is ---------------------------------------------------------------------


def test_a_sure_match_asks_nothing():
    state, replies = talk("Sac en cuir de chèvre tanné à Chouara.",
                          state=describing("Sac en cuir"))
    assert keys(replies) == ["ask_price"]
    assert state.draft.products[0].type_asked is None


def test_an_unsure_match_asks_once_with_the_likeliest_types_in_the_owners_words():
    state, replies = talk("Babouches brodées à la main.", state=describing("Babouches"))
    assert keys(replies) == ["ask_product_type"] and state.step == "description"
    assert [b.payload for b in replies[0].buttons] == [
        "type:babouches_embroidered", "type:babouches_leather", "type:none"]
    assert labels(replies[0], "fr") == ["Babouches brodées", "Babouches", "Aucun de ceux-là"]
    assert "« Babouches »" in catalog().render("fr", replies[0]).text
    state, replies = talk(Input(payload="type:babouches_leather"), state=state)
    assert keys(replies) == ["ask_price"]
    product = state.draft.products[0]
    assert product.type == "babouches_leather"
    # The owner's answer wins over the matcher, for readiness and for the English listing.
    assert product_match(product, "leather").type.key == "babouches_leather"
    assert build_listing(product, "leather").title == types()["babouches_leather"].en
    assert readiness(product, "leather").next != "type"


@pytest.mark.parametrize(("locale", "language", "script"), [
    ("ary-Latn", "ary", "Latn"), ("ary-Arab", "ary", "Arab"), ("ar", "ar", "Arab")])
def test_the_types_are_named_in_the_owners_locale(locale, language, script):
    state = describing("Babouches", language=language, script=script)
    state, replies = talk("Babouches brodées à la main.", state=state)
    assert state.locale == locale and keys(replies) == ["ask_product_type"]
    shown = labels(replies[0], locale)
    expected = {"ary-Latn": ["Cherbil", "Bel9a"], "ary-Arab": ["شربيل", "بلغة"],
                "ar": ["شربيل", "بلغة"]}[locale]
    assert shown[:2] == expected
    assert all(len(label) <= QUICK_TITLE_MAX for label in shown)  # WhatsApp quick replies


@pytest.mark.parametrize("answer", [Input(payload="type:none"), SKIP, Input(text="passer"),
                                    Input(text="3")])
def test_none_of_these_leaves_the_type_unknown_and_is_not_asked_again(answer):
    state, _ = talk("Babouches brodées à la main.", state=describing("Babouches"))
    state, replies = talk(answer, state=state)
    assert keys(replies) == ["ask_price"]
    product = state.draft.products[0]
    assert product.type is None and product.type_asked is not None
    assert product_match(product, "leather").type is None  # not the matcher's guess
    assert readiness(product, "leather").next != "attr_size"


def test_the_type_typed_in_words_is_taken():
    state, _ = talk("Babouches brodées à la main.", state=describing("Babouches"))
    state, replies = talk("cherbil", state=state)
    assert keys(replies) == ["ask_price"]
    assert state.draft.products[0].type == "babouches_embroidered"


def test_words_naming_no_type_keep_the_question_and_lose_nothing():
    state, _ = talk("Babouches brodées à la main.", state=describing("Babouches"))
    state, replies = talk("euh", state=state)
    assert keys(replies) == ["invalid_choice"]
    assert [b.payload for b in replies[0].buttons][-1] == "type:none"
    assert state.draft.products[0].description == "Babouches brodées à la main."


def test_asked_again_only_when_the_name_or_description_changes():
    state, _ = talk("Babouches brodées à la main.", Input(payload="type:babouches_leather"),
                    state=describing("Babouches"))
    state.step = "review"
    # The same words again from the review: the answer stands, nothing asked.
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:description"),
                          "Babouches brodées à la main.", state=state)
    assert keys(replies) == ["review_changed"]
    assert state.draft.products[0].type == "babouches_leather"
    # The price changed: not asked either.
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:price"),
                          "120 dh la paire", state=state)
    assert "ask_product_type" not in keys(replies)
    # New words: asked again (the old answer was about other words).
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:description"),
                          "Babouches brodées au fil d'or.", state=state)
    assert keys(replies) == ["ask_product_type"]
    state, replies = talk(Input(payload="type:babouches_embroidered"), state=state)
    assert keys(replies) == ["review_changed"]


def test_a_new_name_from_the_review_may_ask():
    state, _ = talk("Babouches brodées à la main.", Input(payload="type:babouches_embroidered"),
                    state=describing("Babouches"))
    state.step = "review"
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:product_name"),
                          "Babouches de Fès", state=state)
    assert keys(replies) == ["ask_product_type"]  # other words: the old answer is not theirs
    state, replies = talk("1", state=state)
    assert keys(replies) == ["review_changed"]
    assert state.draft.products[0].type == "babouches_embroidered"
    # A new name the matcher is sure of asks nothing: the matcher decides again.
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:product_name"),
                          "Sac en cuir", state=state)
    assert keys(replies) == ["review_changed"]
    assert product_match(state.draft.products[0], "leather").type.key == "leather_handbag"


# --- photos of the certificates and of the packaging ---------------------------------------


def with_certificates(*kinds: str) -> ConversationState:
    return at("certificate", buyer=BuyerAnswers(
        certified=True, certifications=[Certification(kind=k) for k in kinds]))


def test_a_certificates_photo_is_kept_with_what_it_shows():
    state, replies = talk("ECOCERT, MA-BIO-154, 31/12/2027", state=with_certificates("organic",
                                                                                     "onssa"))
    assert keys(replies) == ["certificate_noted", "ask_doc_photo"]
    assert [b.payload for b in replies[-1].buttons] == ["skip"]
    assert "chahada Bio / ECOCERT" in catalog().render("ary-Latn", replies[-1]).text
    state, replies = talk(photo(1), state=state)
    assert keys(replies) == ["doc_photo_received", "ask_certificate"]  # then the ONSSA one
    kept = state.draft.buyer.photos
    assert [(p.of, p.media_id, p.sha256) for p in kept] == [
        ("certificate:organic", 501, f"{1:064x}")]
    assert state.draft.buyer.certifications[0].asked


def test_text_when_a_photo_is_awaited_gets_a_kind_word_and_the_same_question():
    state, _ = talk("ECOCERT, MA-BIO-154, 31/12/2027", state=with_certificates("organic"))
    before = state.draft.buyer.model_dump()
    state, replies = talk("wach daroori?", state=state)
    assert keys(replies) == ["expected_doc_photo"]
    assert [b.payload for b in replies[0].buttons] == ["skip"]
    assert "Bio / ECOCERT" in catalog().render("ary-Latn", replies[0]).text
    assert state.draft.buyer.model_dump() == before and state.pending.of == "certificate:organic"
    state, replies = talk(photo(2, "invalid", "not_image"), state=state)
    assert keys(replies) == ["photo_not_image"] and state.pending is not None
    state, replies = talk(photo(3), state=state)
    assert keys(replies) == ["doc_photo_received", "ask_fda"]


def test_back_from_the_photo_asks_the_certificates_details_again():
    state, _ = talk("ECOCERT, MA-BIO-154, 31/12/2027", state=with_certificates("organic"))
    state, replies = talk("rje3", state=state)
    assert keys(replies) == ["ask_certificate"] and state.pending is None
    assert state.draft.buyer.certifications[0].number == "MA-BIO-154"


def test_a_photo_instead_of_the_certificates_details():
    state, replies = talk(photo(4), state=with_certificates("onssa", "iso"))
    assert keys(replies) == ["doc_photo_received", "ask_certificate"]  # the ISO one
    assert [p.of for p in state.draft.buyer.photos] == ["certificate:onssa"]


def test_the_packagings_photo_after_its_words_or_instead_of_them():
    state, replies = talk("9ra3i d zaj, 24 f carton", photo(5), state=at("packaging"))
    assert keys(replies) == ["doc_photo_received", "review_summary"]
    assert [p.of for p in state.draft.buyer.photos] == ["packaging"]
    state, replies = talk(photo(6), state=at("packaging"))
    assert keys(replies) == ["doc_photo_received", "review_summary"]
    assert state.draft.buyer.packaging is None
    assert [p.of for p in state.draft.buyer.photos] == ["packaging"]


def test_readiness_counts_the_certificates_and_packagings_photos():
    product = ProductDraft(name="Huile d'argan cosmétique", description="Huile bio 250 ml",
                           photos=[{"media_id": i} for i in range(2)],
                           price=Amount(amount=150, unit="l"), moq=Amount(amount=20, unit="l"))
    assert readiness(product, "argan").score == 100  # before the buyers' questions
    buyer = BuyerAnswers(certified=True, certifications=[Certification(kind="organic")],
                         packaging="verre")
    asked = readiness(product, "argan", buyer)
    assert asked.score < 100 and asked.next in ("packaging_photo", "certificate_photo")
    buyer.photos.append(DocPhoto(of="packaging", media_id=9))
    with_packaging = readiness(product, "argan", buyer)
    assert asked.score < with_packaging.score < 100
    assert with_packaging.next == "certificate_photo"
    buyer.photos.append(DocPhoto(of="certificate:organic", media_id=10))
    assert readiness(product, "argan", buyer).score == 100
    tip = catalog().text("ary-Latn", readiness_tip(with_packaging))
    assert "tswira dyal chahadat" in tip


def readiness_tip(ready):
    from flows.model import Msg
    return Msg("readiness_tip", {"score": ready.score,
                                 "next": Msg(f"readiness_next_{ready.next}", {"count": 2})})


# --- the buyers' answers in the summary --------------------------------------------------------


def summary_state(locale: tuple[str, str]) -> ConversationState:
    state = at("review", language=locale[0], script=locale[1])
    product = state.draft.products[0]
    product.capacity = Capacity(quantity=Decimal(200), unit="l", per="month")
    product.lead_time = LeadTime(quantity=Decimal(3), unit="week", days=21)
    state.draft.buyer = BuyerAnswers(
        certified=True, fda="yes", export="few", export_countries=["France", "Canada"],
        packaging="Bouteilles en verre de 250 ml, 24 par carton",
        certifications=[Certification(kind="organic", body="ECOCERT", number="MA-BIO-154",
                                      expires=date(2027, 12, 31), asked=True),
                        Certification(kind="onssa", body="ONSSA", asked=True)],
        photos=[DocPhoto(of="certificate:organic", media_id=7)])
    return state


@pytest.mark.parametrize(("language", "script", "expected"), [
    ("fr", "Latn", ["🤝 Pour les acheteurs :",
                    "• Produit 1 : 200 litres par mois, délai 3 semaines",
                    "• 🏅 Bio / ECOCERT : ECOCERT, n° MA-BIO-154, valable jusqu'au 31/12/2027 📷",
                    "• 🏅 Certificat ONSSA",
                    "• Enregistré auprès de la FDA : Oui",
                    "• Export : Quelques fois (France, Canada)",
                    "• Emballage : Bouteilles en verre de 250 ml, 24 par carton"]),
    ("ary", "Latn", ["🤝 L clients:", "• Mantoj 1: 200 litre f chhar, lmodda 3 simanat"]),
    ("ary", "Arab", ["🤝 للكليان:", "• المنتوج 1: 200 لتر ف الشهر، المدة 3 سيمانات"]),
    ("ar", "Arab", ["🤝 للمشترين:", "• المنتج 1: 200 لتر في الشهر، مدة التجهيز 3 أسابيع"]),
])
def test_the_buyers_answers_in_the_summary(language, script, expected):
    state = summary_state((language, script))
    state, replies = talk(Input(payload="show_summary"), state=state)
    text = catalog().render(state.locale, replies[-1]).text
    lines = [line.translate(str.maketrans("", "", "\u2066\u2067\u2068\u2069"))
             for line in text.split("\n")]
    start = lines.index(expected[0])
    assert lines[start:start + len(expected)] == expected


def test_no_buyers_lines_when_nothing_was_said():
    state = at("review")
    state.draft.buyer = BuyerAnswers()
    state, replies = talk(Input(payload="show_summary"), state=state)
    assert "🤝" not in catalog().render("fr", replies[-1]).text
