"""The form (flows.forms): derived from the conversation's steps, read by the same parsers,
ending in the same draft as the conversation."""

from __future__ import annotations

import hashlib

from bot.i18n import catalog
from flows import forms
from flows.model import BuyerAnswers, Context, Input, MediaRef
from tests.unit.test_engine import FR_START, NOW, keys, talk

CTX = Context(now=NOW, channel="web", lexicon=catalog().lexicon())

ANSWERS = {
    "business_name": "Coopérative Tifawin", "owner_name": "Fatima Amrani", "city": "Agadir",
    "sector": "sector:argan", "ice": "", "phone": "0612345678", "email": "",
    "product_name": "Huile d'argan", "description": "Huile pressée à froid, bio.",
    "price": "150 DH le litre", "moq": "20 litres",
}


def photo(n):
    return Input(media=(MediaRef(media_id=n, kind="photo", sha256=f"{n:064x}", width=900,
                                 height=700,
                                 phash=hashlib.sha256(bytes([n])).hexdigest()[:16]),))


def at_business_name(channel="web"):
    state, replies = talk(*FR_START, channel=channel)
    assert keys(replies) == ["ask_business_name"]
    return state


def submit(state, values, scope="all", product=None):
    state, replies = forms.step(state, Input(form={"scope": scope, "product": product,
                                                   "values": values}), CTX)
    return state, replies


def add_photos(state, *numbers, product=0):
    for n in numbers:
        inp = photo(n)
        state, replies = forms.step(state, Input(media=inp.media,
                                                 form={"scope": "photo", "product": product}),
                                    CTX)
        assert keys(replies) == ["form_photo_added"]
    return state


def test_the_form_has_the_conversations_fields_types_choices_and_questions():
    form = forms.definition(at_business_name(), CTX)
    by_name = {f.name: f for f in form.fields}
    assert list(by_name)[:8] == ["business_name", "owner_name", "city", "region", "sector",
                                 "ice", "phone", "email"]
    assert by_name["business_name"].help.key == "ask_business_name"
    assert by_name["sector"].kind == "choice"
    # Every sector, over every page the conversation shows one list at a time.
    assert len(by_name["sector"].choices) == 11 and "sector:other" in \
        [p for p, _ in by_name["sector"].choices]
    assert len(by_name["region"].choices) == 12
    assert by_name["photos"].kind == "photo"
    assert by_name["ice"].optional and by_name["email"].optional
    assert not by_name["business_name"].optional
    assert by_name["description"].multiline


def test_a_form_ends_in_the_same_draft_as_the_conversation():
    talked, replies = talk(ANSWERS["business_name"], ANSWERS["owner_name"], ANSWERS["city"],
                           Input(payload="sector:argan"), Input(payload="skip"),
                           ANSWERS["phone"], Input(payload="skip"), ANSWERS["product_name"],
                           photo(1), photo(2), photo(3), Input(payload="done"),
                           ANSWERS["description"], ANSWERS["price"], ANSWERS["moq"],
                           Input(payload="no"), Input(payload="skip"),
                           state=at_business_name())
    assert keys(replies) == ["review_summary"]  # the buyers' questions skipped
    state = add_photos(at_business_name(), 1, 2, 3)
    state, replies = submit(state, ANSWERS)
    assert keys(replies) == ["form_saved", "review_summary"]
    assert state.step == "review"
    # The form does not ask the buyers' questions; the conversation asked, all skipped.
    assert state.draft.buyer is None and talked.draft.buyer == BuyerAnswers()
    talked.draft.buyer = None
    assert state.draft == talked.draft


def test_errors_are_per_field_in_the_parsers_words_and_the_rest_is_kept():
    values = {**ANSWERS, "phone": "12", "ice": "123", "price": "pas cher"}
    errors = forms.check(at_business_name(), CTX, {"scope": "all", "values": values})
    assert {f: m.key for f, m in errors.items()} == {
        "phone": "invalid_phone", "ice": "invalid_ice_length", "price": "invalid_price"}
    state, replies = submit(add_photos(at_business_name(), 1), values)
    assert keys(replies)[0] == "form_not_saved"
    assert state.draft.business_name == "Coopérative Tifawin"
    # The conversation goes on at the first field still missing: the phone.
    assert state.step == "phone" and keys(replies)[-1] == "ask_phone"
    state, replies = talk("0612345678", state=state)
    assert keys(replies) == ["ask_price"]  # then the next gap, not every question again


def test_a_price_without_unit_takes_the_forms_unit_and_a_village_its_region():
    values = {**ANSWERS, "price": "150", "price_unit": "unit:kg", "moq": "30",
              "moq_unit": "unit:kg", "city": "Douar Tizi", "region": "region:souss-massa"}
    state, replies = submit(add_photos(at_business_name(), 1), values)
    product = state.draft.products[0]
    assert (product.price.amount, product.price.unit) == (150, "kg")
    assert (product.moq.amount, product.moq.unit) == (30, "kg")
    assert (state.draft.city, state.draft.region) == ("Douar Tizi", "souss-massa")
    # The unit alone changed (the price as shown, a number): read again with the new unit.
    state, _ = submit(state, {**values, "price_unit": "unit:l", "region": "region:oriental"})
    assert state.draft.products[0].price.unit == "l"
    assert state.draft.region == "oriental"
    errors = forms.check(at_business_name(), CTX, {"scope": "all", "values": {
        **values, "price_unit": None, "moq_unit": None, "region": None}})
    assert set(errors) == {"price_unit", "moq_unit", "region"}


def test_a_half_filled_form_saves_what_it_has_and_the_conversation_asks_the_rest():
    state, replies = submit(at_business_name(), {"business_name": "Atlas Zellige",
                                                 "owner_name": "Omar"}, scope="business")
    assert keys(replies) == ["form_saved", "ask_city"]
    state, replies = talk("Fès", Input(payload="sector:zellige"), state=state)
    assert keys(replies) == ["ask_phone"]  # not the names again
    state, replies = talk("0612345678", state=state)
    assert keys(replies) == ["ask_product_name"]


def test_the_form_is_prefilled_and_not_offered_before_consent():
    state, _ = submit(add_photos(at_business_name(), 1, 2), ANSWERS)
    values = {f.name: f.value for f in forms.definition(state, CTX).fields}
    assert values["city"] == "Agadir" and values["sector"] == "sector:argan"
    assert values["price"] == "150" and values["price_unit"] == "unit:l"
    assert values["photos"] == 2
    fresh, _ = talk(*FR_START[:2])
    assert not forms.available(fresh)
    _, replies = submit(fresh, ANSWERS)
    assert keys(replies)[0] == "form_closed"


def test_a_photo_from_the_form_leaves_the_chats_open_question_as_it_was():
    state, _ = talk("Atlas", "Omar", "Douar Tizi", state=at_business_name())
    pending = state.pending
    assert pending is not None  # the nearest big town, asked
    state = add_photos(state, 5)
    assert (state.step, state.pending) == ("city", pending)
    assert len(state.draft.products[0].photos) == 1
    state, replies = forms.step(state, Input(media=(MediaRef(media_id=None, kind="invalid",
                                                             reason="too_large"),),
                                             form={"scope": "photo", "product": 0}), CTX)
    assert keys(replies) == ["photo_too_large"]


def test_a_photo_is_taken_out_of_its_product_only_and_the_chat_question_stays():
    state = add_photos(at_business_name(), 1, 2)
    first, second = (p.sha256 for p in state.draft.products[0].photos)
    remove = {"scope": "photo_remove", "product": 0, "photo": first}
    state, replies = forms.step(state, Input(form=remove), CTX)
    assert keys(replies) == ["form_photo_removed"] and replies[0].msg.params["count"] == 1
    assert [p.sha256 for p in state.draft.products[0].photos] == [second]
    assert state.step == "business_name"  # the chat's question is still the open one
    for gone in (remove, {**remove, "product": 1}, {**remove, "product": 7, "photo": second}):
        state, replies = forms.step(state, Input(form=gone), CTX)
        assert keys(replies) == ["form_photo_gone"]
    assert len(state.draft.products[0].photos) == 1
    empty = at_business_name()
    _state, replies = forms.step(empty, Input(form={**remove, "product": 0}), CTX)
    assert keys(replies) == ["form_photo_gone"]


def test_a_flows_offer_is_taken_once_whole_and_never_an_older_one():
    state = at_business_name()
    offer = {"scope": "business", "values": {**ANSWERS, "phone": "12"}, "offered": 2000}
    state, replies = forms.step(state, Input(form=offer), CTX)
    assert keys(replies)[0] == "form_not_saved"  # a wrong phone: the offer may come again
    state, replies = forms.step(state, Input(form={**offer, "values": ANSWERS}), CTX)
    assert keys(replies)[0] == "form_saved" and state.draft.phone == "+212612345678"
    for again in (offer, {**offer, "offered": 1000}):
        state, replies = forms.step(state, Input(form=again), CTX)
        assert keys(replies)[0] == "form_taken" and state.draft.phone == "+212612345678"
    state, replies = forms.step(state, Input(form={**offer, "values": {
        "business_name": "Tifawin 2"}, "offered": 3000}), CTX)
    assert keys(replies)[0] == "form_saved" and state.draft.business_name == "Tifawin 2"
    assert forms.step(state, Input(form={**offer, "scope": "product", "values": {},
                                         "offered": 1000}), CTX)[1][0].key != "form_taken"
