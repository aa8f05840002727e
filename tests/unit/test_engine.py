"""Engine behaviours owners notice, one at a time (the golden transcripts cover whole talks)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.i18n import catalog
from flows.engine import Reading, step
from flows.model import (
    Context,
    ConversationState,
    DraftSubmitted,
    Input,
    MediaRef,
    Reply,
    Turn,
)

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def talk(*inputs, channel="web", channel_phone=None, state=None):
    ctx = Context(now=NOW, channel=channel, lexicon=catalog().lexicon(),
                  channel_phone=channel_phone)
    state = state or ConversationState()
    replies: list[Reply] = []
    for item in inputs:
        inp = Input(text=item) if isinstance(item, str) else item
        state, effects = step(state, inp, ctx)
        replies = [e for e in effects if isinstance(e, Reply)]
    return state, replies


def keys(replies) -> list[str]:
    return [r.key for r in replies]


FR_START = (Input(is_start=True), Input(payload="lang:fr"), Input(payload="yes"))


def test_whatsapp_profile_name_is_offered_as_the_owners_name():
    state, replies = talk(Input(is_start=True, profile_name="Hassan Ouali"),
                          Input(payload="lang:fr"), "oui", "Atlas Argan")
    assert keys(replies) == ["ask_owner_name"]
    assert [b.payload for b in replies[0].buttons] == ["profile_name"]
    state, replies = talk(Input(payload="profile_name"), state=state)
    assert state.draft.owner_name == "Hassan Ouali"
    assert keys(replies) == ["ask_city"]


def test_a_channel_that_knows_the_phone_never_asks_for_it():
    state, replies = talk(*FR_START, "Atlas", "Hassan", "Rabat", Input(payload="sector:food"),
                          Input(payload="skip"), channel="whatsapp",
                          channel_phone="+212612345678")
    assert keys(replies) == ["ask_email"]
    assert state.draft.phone == "+212612345678"


def test_phone_question_offers_contact_sharing():
    _, replies = talk(*FR_START, "Atlas", "Hassan", "Rabat", Input(payload="sector:food"),
                      Input(payload="skip"))
    assert keys(replies) == ["ask_phone"] and replies[0].asks_contact


def test_a_numbered_choice_picks_the_button():
    state, replies = talk(*FR_START, "Atlas", "Hassan", "Rabat", "3")
    assert state.draft.sector == "food"
    state, replies = talk("1", state=state)  # "1. Passer" under the ICE question
    assert keys(replies) == ["ask_phone"] and state.draft.ice is None


def test_channel_notices_are_explained_and_the_question_repeated():
    state, replies = talk(*FR_START, Input(notice="edited"))
    assert keys(replies) == ["notice_edited", "ask_business_name"]
    assert state.step == "business_name"


def test_a_name_in_latin_letters_does_not_switch_arabic_script_darija():
    state, _ = talk(Input(is_start=True, text="السلام عليكم"), Input(payload="lang:ary"),
                    "واخا", "Cooperative Tifawin", "Fatima Zahra Amrani")
    assert state.locale == "ary-Arab"
    state, _ = talk("ana f casa", state=state)  # a real Darija sentence in Latin letters
    assert state.locale == "ary-Latn"


def test_a_sentence_in_another_language_offers_to_switch_but_a_name_does_not():
    state, replies = talk(*FR_START, "Cooperative Tifawin Amazigh")
    assert "offer_language_switch" not in keys(replies)
    state, replies = talk("Fatima", "Agadir", Input(payload="sector:argan"), "douz",
                          "0612345678", "douz", "Zit argan", Input(payload="back"),
                          state=state)
    state, replies = talk("Zit argan", state=state)
    assert keys(replies) == ["ask_photos"]


def test_restart_asks_first_and_keeps_nothing_of_the_old_draft():
    state, replies = talk(*FR_START, "Atlas", "recommencer")
    assert keys(replies) == ["confirm_restart"]
    state, replies = talk("oui", state=state)
    assert keys(replies) == ["restarted", "ask_business_name"]
    assert state.draft.business_name is None and state.language == "fr"


def submitted_state():
    state, replies = talk(*FR_START, "Atlas Tapis", "Aicha", "Marrakech",
                          Input(payload="sector:carpets"), "passer", "0612345678", "passer",
                          "Tapis berbère", Input(media=(MediaRef(1, "photo"),)),
                          Input(payload="done"), "Tapis en laine", "900 DH la pièce", "5 tapis",
                          "non", "passer", Input(payload="submit"))
    assert keys(replies) == ["submitted"] and state.revision == 1
    return state


def test_changes_requested_takes_the_owner_to_those_fields_only_then_resubmits():
    state = submitted_state()
    event = {"kind": "changes_requested", "note": "Merci !", "items": [
        {"field": "product:1:photos", "reason": "photo_dark"},
        {"field": "city", "reason": "city_unclear"}]}
    state, replies = talk(Input(event=event), state=state)
    assert keys(replies) == ["decision_changes_requested", "photo_fix"]
    text = catalog().render("fr", replies[0]).text
    assert "trop sombre" in text and "Ville" in text and "Merci !" in text
    kept = [p.media_id for p in state.draft.products[0].photos]
    assert kept  # kept until the better photo comes
    state, replies = talk(Input(media=(MediaRef(2, "photo"),)), state=state)
    assert keys(replies) == ["photo_replaced", "photo_received"]
    state, replies = talk(Input(payload="done"), state=state)
    assert keys(replies) == ["ask_city"]
    state, replies = talk("Fès", state=state)
    assert keys(replies) == ["review_changed"]  # one line, the summary one button away
    ctx = Context(now=NOW, channel="web", lexicon=catalog().lexicon())
    state, effects = step(state, Input(payload="submit"), ctx)
    assert any(isinstance(e, DraftSubmitted) and e.revision == 2 for e in effects)
    assert state.draft.city_id == "fes" and [p.media_id for p in
                                             state.draft.products[0].photos] == [2]


def test_decisions_and_reminders_are_told_in_the_owners_language():
    state = submitted_state()
    _, replies = talk(Input(event={"kind": "live", "url": "https://shop.example/atlas"}),
                      state=state)
    assert keys(replies) == ["decision_live"]
    assert "https://shop.example/atlas" in catalog().render("fr", replies[0]).text
    _, replies = talk(Input(event={"kind": "reminder", "n": 1}), state=state)
    assert replies == []  # nothing to remind once submitted
    half, _ = talk(*FR_START, "Atlas")
    _, replies = talk(Input(event={"kind": "reminder", "n": 1}), state=half)
    assert keys(replies) == ["reminder", "ask_owner_name"]


def test_changing_language_mid_way_answers_by_number_too():
    state, replies = talk(*FR_START, "Atlas", "langue")
    assert keys(replies) == ["ask_language"]
    state, replies = talk("3", state=state)  # 3. العربية, on a channel without buttons
    assert state.language == "ar" and keys(replies) == ["ask_owner_name"]


def test_a_refused_photo_says_why():
    state, _ = talk(*FR_START, "Atlas", "Hassan", "Rabat", Input(payload="sector:food"),
                    "passer", "0612345678", "passer", "Amlou")
    _, replies = talk(Input(media=(MediaRef(None, "invalid", reason="too_large"),)),
                      state=state)
    assert keys(replies) == ["photo_too_large"]


def test_start_again_mid_way_says_where_we_are_and_changes_nothing():
    state, _ = talk(*FR_START, "Atlas")
    again, replies = talk(Input(is_start=True), state=state)
    assert keys(replies) == ["welcome_back", "ask_owner_name"]
    assert again.draft == state.draft


def test_a_mistyped_phone_keeps_the_share_contact_button():
    state, replies = talk(*FR_START, "Atlas", "Hassan", "Rabat", Input(payload="sector:food"),
                          "passer", "pas un numéro")
    assert keys(replies) == ["invalid_phone"] and replies[0].asks_contact


def at_photos(channel="web"):
    state, replies = talk(*FR_START, "Atlas", "Hassan", "Rabat", Input(payload="sector:food"),
                          "passer", "0612345678", "passer", "Amlou", channel=channel)
    assert keys(replies) == ["ask_photos"]
    return state


def photo(n, advice=(), phash="8f3a5c7e9b1d2f40"):
    return Input(media=(MediaRef(n, "photo", advice=advice, phash=phash),))


def test_a_dark_photo_is_kept_with_advice_and_can_be_replaced():
    state, replies = talk(photo(1, advice=("dark",)), state=at_photos())
    assert keys(replies) == ["photo_advice"]
    assert "sombre" in catalog().render("fr", replies[0]).text
    assert [b.payload for b in replies[0].buttons] == ["replace", "keep"]
    assert [p.media_id for p in state.draft.products[0].photos] == [1]
    state, replies = talk(Input(payload="replace"), state=state)
    assert keys(replies) == ["photo_send_another"] and state.draft.products[0].photos == []
    state, replies = talk(photo(2), state=state)
    assert keys(replies) == ["photo_received"]
    assert [p.media_id for p in state.draft.products[0].photos] == [2]


def test_the_same_photo_twice_is_pointed_out_and_telegram_owners_hear_about_files():
    state, _ = talk(photo(1), state=at_photos("telegram"), channel="telegram")
    state, replies = talk(photo(2, advice=("blurry",), phash="8f3a5c7e9b1d2f4f"), state=state,
                          channel="telegram")
    text = catalog().render("fr", replies[0]).text
    assert "autre angle" in text and "fichier" in text
    state, replies = talk(Input(payload="keep"), state=state, channel="telegram")
    assert keys(replies) == ["photo_received"] and len(state.draft.products[0].photos) == 2


def test_a_voice_note_describes_the_product_and_a_typed_line_is_still_invited():
    state, _ = talk(photo(1), Input(payload="done"), state=at_photos())
    assert state.step == "description"
    state, replies = talk(Input(media=(MediaRef(9, "audio"),)), state=state)
    assert keys(replies) == ["voice_received"] and state.step == "description"
    assert state.draft.products[0].voice_media_id == 9
    state, replies = talk(Input(payload="skip"), state=state)  # the voice note is enough
    assert keys(replies) == ["ask_price"]


def test_a_kept_photo_can_be_let_go_when_correcting_the_photos():
    from flows.model import Photo, ProductDraft

    state = ConversationState(step="review", language="fr", consent_at=NOW)
    state.draft.products = [ProductDraft(name="Tapis", photos=[Photo(media_id=1),
                                                               Photo(media_id=2)])]
    state, replies = talk(Input(payload="edit:product:1"), Input(payload="edit:photos"),
                          state=state)
    assert keys(replies) == ["ask_photos"]
    assert [b.payload for b in replies[0].buttons] == ["done", "clear_photos"]
    state, replies = talk("Remplacer les photos", state=state)
    assert keys(replies) == ["photos_cleared", "ask_photos"]
    assert state.draft.products[0].photos == []
    state, replies = talk(Input(media=(MediaRef(3, "photo", "c" * 64, 1200, 900),)),
                          state=state)
    assert [p.media_id for p in state.draft.products[0].photos] == [3]


def test_an_owner_asking_after_the_decision_hears_the_decision_not_under_review():
    state = ConversationState(step="submitted", language="fr", consent_at=NOW, revision=1)
    state.draft.business_name = "Tapis Atlas"
    ctx = Context(now=NOW, channel="web", lexicon=catalog().lexicon())
    assert keys(step(state, Input(text="où en est mon dossier ?"), ctx)[1]) == [
        "already_submitted"]
    for event, key in (({"kind": "approved"}, "status_approved"),
                       ({"kind": "rejected", "note": "Produit hors catalogue"},
                        "status_rejected"),
                       ({"kind": "live", "url": "https://souk.example/s/1"}, "status_live")):
        decided, _ = step(state, Input(event=event), ctx)
        later, replies = step(decided, Input(text="Bonjour, où en est mon dossier ?"), ctx)
        assert keys(replies) == [key]
        text = catalog().text("fr", replies[0].msg)
        assert "Tapis Atlas" in text
        if key != "status_approved":
            assert (event.get("note") or event.get("url")) in text
    # Changes asked and sent again: under review again.
    asked, _ = step(state, Input(event={"kind": "changes_requested", "items": [
        {"field": "business_name", "reason": "name_unclear"}]}), ctx)
    fixed, _ = step(asked, Input(text="Tapis Atlas Berbère"), ctx)
    sent, _ = step(fixed, Input(payload="submit"), ctx)
    assert sent.decision is None and sent.revision == 2


def test_a_question_at_the_city_question_is_not_stored_as_a_village():
    state = ConversationState(step="city", language="fr", consent_at=NOW)
    for said in ("chkoun", "شكون", "chkoun nta?"):
        later, replies = talk(said, state=state)
        assert keys(replies) == ["city_not_a_place"] and later.draft.city is None, said
    later, replies = talk("Douar Tizi", state=state)  # a village nobody listed: kept
    assert keys(replies) == ["ask_nearest_town"] and later.draft.city == "Douar Tizi"


def test_the_engine_reads_an_input_as_the_turn_the_handlers_know():
    ctx = Context(now=NOW, channel="web", lexicon=catalog().lexicon())
    turn = Reading(ConversationState(), Input(), ctx)
    assert isinstance(turn, Turn)  # flows.steps and flows.events see only flows.model.Turn
