"""A field agent's chat (flows.console) and a draft filled in for an owner (assisting)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.i18n import catalog
from flows import console
from flows.engine import resume, step
from flows.model import (
    Console,
    Context,
    ConversationState,
    DraftSubmitted,
    Input,
    Reply,
)

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
PHONE = "+212612345678"


def ctx(*, assisting=False, channel="whatsapp", phone=PHONE) -> Context:
    return Context(now=NOW, channel=channel, lexicon=catalog().lexicon(),
                   channel_phone=phone, assisting=assisting)


def keys(effects) -> list[str]:
    return [e.key if isinstance(e, Reply) else type(e).__name__ for e in effects]


def drive(state, *inputs, context):
    effects = []
    for item in inputs:
        inp = Input(text=item) if isinstance(item, str) else item
        state, effects = step(state, inp, context)
    return state, effects


def assisted_draft() -> ConversationState:
    """What an agent has filled in at the review, for an owner who has not agreed yet."""
    state = ConversationState(step="language", language="fr", script="Latn", assisted_by=7)
    state, effects = drive(
        state, Input(payload="lang:ary"), "Tiznit Argan", "Fadma", "Tiznit",
        Input(payload="sector:argan"), Input(payload="skip"), Input(payload="skip"), "Zit argan",
        Input(media=(_photo(),)), Input(payload="done"), "Zit argan bldi m3sora b lyed",
        "200 dh l litre", "20 litre", Input(payload="no"), Input(payload="skip"),
        context=ctx(assisting=True))
    assert keys(effects) == ["review_summary"], keys(effects)
    return state


def _photo():
    from flows.model import MediaRef

    return MediaRef(1, "photo", "a" * 64, 1200, 900, phash="0f0f0f0f0f0f0f0f")


def test_an_agent_answering_for_an_owner_is_never_asked_consent_and_sets_the_owners_language():
    state = assisted_draft()
    assert state.language == "ary" and state.consent_at is None
    assert state.draft.phone == PHONE  # the number the agent gave: never asked again


def test_the_agent_submitting_asks_the_owner_instead_of_submitting():
    state, effects = drive(assisted_draft(), Input(payload="submit"),
                           context=ctx(assisting=True))
    assert keys(effects) == ["assist_sent", "OwnerConfirmation"]
    assert not any(isinstance(e, DraftSubmitted) for e in effects)
    assert state.step == "owner_confirm" and state.revision == 0
    # What the owner's phone shows: the whole draft and the consent question.
    owner_view = resume(state, ctx())
    # What agreeing means (collected, who sees it, how long, their rights), then the question.
    assert keys(owner_view) == ["consent_terms", "owner_confirm"]
    assert [b.payload for b in owner_view[1].buttons] == ["yes", "change", "no"]
    assert owner_view[1].msg.params["business_name"] == "Tiznit Argan"
    # And the agent, coming back to it, sees that it waits.
    assert keys(resume(state, ctx(assisting=True))) == ["assist_waiting_owner"]


def test_the_owner_agrees_and_the_draft_is_submitted_with_their_consent():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    state, effects = drive(state, "wakha", context=ctx())  # the owner, typing on WhatsApp
    assert keys(effects) == ["submitted", "DraftSubmitted", "TellAgent"]
    assert state.consent_at == NOW and state.revision == 1


def test_the_owner_who_says_no_is_not_submitted_and_can_still_agree_later():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    state, effects = drive(state, Input(payload="no"), context=ctx())
    assert keys(effects) == ["owner_confirm_declined", "TellAgent"]
    assert effects[1].msg.key == "agent_owner_declined" and state.consent_at is None
    state, effects = drive(state, Input(payload="yes"), context=ctx())
    assert keys(effects) == ["submitted", "DraftSubmitted", "TellAgent"]


def test_the_owner_who_changes_something_is_asked_to_agree_when_they_send():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    state, effects = drive(state, Input(payload="change"), context=ctx())
    assert keys(effects) == ["review_summary"]
    state, effects = drive(state, Input(payload="edit:owner_name"), "Fadma Ait Lahcen",
                           Input(payload="submit"), context=ctx())
    assert keys(effects) == ["consent_terms", "owner_confirm"]
    assert state.draft.owner_name == "Fadma Ait Lahcen"
    state, effects = drive(state, Input(payload="yes"), context=ctx())
    assert keys(effects) == ["submitted", "DraftSubmitted", "TellAgent"]


def test_an_owner_restarting_an_agents_draft_is_asked_consent_first():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    state, effects = drive(state, Input(payload="restart"), Input(payload="yes"), context=ctx())
    assert keys(effects) == ["restarted", "ask_consent"]
    assert state.assisted_by is None and state.draft.business_name is None


def test_the_agents_typing_does_not_change_the_owners_script():
    state = ConversationState(step="business_name", language="fr", script="Latn",
                              assisted_by=7)
    state, effects = drive(state, "Ta3awniya dyal argan", "فاطمة", context=ctx(assisting=True))
    assert state.language == "fr" and state.script == "Latn"
    assert keys(effects) == ["ask_city"]  # no offer to switch the owner's language


# --- the agent's menu ------------------------------------------------------------------


def agent_state(**console_fields) -> ConversationState:
    return ConversationState(language="fr", script="Latn",
                             console=Console(agent_id=7, **console_fields))


LISTINGS = [console.Listing(41, "Tiznit Argan", "waiting_owner"),
            console.Listing(40, "Zellige Fès", "live")]


def agent(state, item, listings=LISTINGS):
    inp = Input(text=item) if isinstance(item, str) else item
    return console.step(state, inp, ctx(channel="telegram", phone=None), listings)


def test_the_menu_offers_new_owner_businesses_and_link():
    state, effects = agent(agent_state(), Input(is_start=True))
    assert keys(effects) == ["agent_menu"]
    assert [b.payload for b in effects[0].buttons] == ["agent:new", "agent:list", "agent:link"]


def test_a_new_owner_needs_a_mobile_number():
    state, effects = agent(agent_state(), "1")
    assert keys(effects) == ["agent_ask_phone"] and state.console.asking == "phone"
    state, effects = agent(state, "le 0528 12 34 56")
    assert keys(effects) == ["agent_phone_landline"]
    state, effects = agent(state, "pas de numéro")
    assert keys(effects) == ["agent_phone_invalid"]
    state, effects = agent(state, "06 12 34 56 78")
    assert effects == [console.OpenNew(PHONE)] and state.console.asking is None


def test_the_list_shows_status_and_a_number_opens_one():
    state, effects = agent(agent_state(), Input(payload="agent:list"))
    assert keys(effects) == ["agent_list"]
    lines = effects[0].msg.params["lines"]
    assert [(m.params["name"], m.params["status"].key) for m in lines] == [
        ("Tiznit Argan", "agent_status_waiting_owner"), ("Zellige Fès", "agent_status_live")]
    state, effects = agent(state, "2")
    assert effects == [console.Open(40)]


def test_a_business_that_is_not_the_agents_cannot_be_opened():
    state, effects = agent(agent_state(), Input(payload="agent:open:99"))
    assert keys(effects) == ["stale_button", "agent_menu"]


def test_no_business_yet_says_so_and_shows_the_menu():
    _, effects = agent(agent_state(), Input(payload="agent:list"), listings=[])
    assert keys(effects) == ["agent_list_empty", "agent_menu"]


def test_menu_word_in_any_language_is_heard_while_helping_an_owner():
    context = ctx(channel="telegram", phone=None)
    for word in ("menu", "/menu", "المنيو", "القائمة", "Menu"):
        assert console.wants_menu(Input(text=word), context), word
    assert not console.wants_menu(Input(text="Menuiserie Atlas"), context)


def test_the_link_is_asked_of_the_caller():
    _, effects = agent(agent_state(), "Mon lien et QR")
    assert effects == [console.ShowReferral()]


def test_a_photo_instead_of_the_number_asks_for_the_number_again():
    state, effects = agent(agent_state(asking="phone"), Input(media=(_photo(),)))
    assert keys(effects) == ["agent_phone_invalid"] and state.console.asking == "phone"
    assert [b.payload for b in effects[0].buttons] == ["agent:menu"]


def test_words_that_are_no_choice_repeat_the_menu_with_its_buttons():
    state, effects = agent(agent_state(), "bonjour tout le monde")
    assert keys(effects) == ["invalid_choice"] and len(effects[0].buttons) == 3


def test_an_owner_greeting_at_the_confirmation_gets_the_short_question_not_the_draft_again():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    for first in ("salam", Input(is_start=True)):
        _, effects = drive(state, first, context=ctx())
        assert keys(effects) == ["owner_confirm_short"]
        assert [b.payload for b in effects[0].buttons] == ["yes", "change", "no"]


def test_an_agent_correcting_the_phone_is_not_offered_to_share_their_own_number():
    state, effects = drive(assisted_draft(), Input(payload="edit:business"),
                           Input(payload="edit:phone"), context=ctx(assisting=True))
    assert keys(effects) == ["ask_phone"] and not effects[0].asks_contact
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    _, effects = drive(state, Input(payload="change"), Input(payload="edit:business"),
                       Input(payload="edit:phone"), context=ctx())
    assert effects[0].asks_contact  # the owner themselves is


# --- one side at a time in a shared draft ---------------------------------------------


def test_an_owner_writing_while_the_agent_fills_in_is_asked_to_wait_and_nothing_changes():
    state = assisted_draft()  # the agent answered just now
    before = state.draft.model_dump()
    later, effects = drive(state, "salam chkoun nta?", context=ctx())
    assert keys(effects) == ["owner_agent_busy"]
    assert later.draft.model_dump() == before and later.step == "review"


def test_when_the_agent_has_stopped_the_owners_first_message_answers_nothing():
    from flows.engine import HOLD

    state = ConversationState(step="city", language="fr", script="Latn", assisted_by=7,
                              agent_at=NOW - HOLD)
    state.draft.business_name, state.draft.owner_name = "Poterie Safi", "Rachid"
    later, effects = drive(state, "salam chkoun nta?", context=ctx())
    assert keys(effects) == ["owner_joined", "ask_city"]  # not stored as the city
    assert later.draft.city is None and later.owner_at == NOW
    later, effects = drive(later, "Safi", context=ctx())
    assert later.draft.city_id == "safi"


def test_an_owner_who_came_alone_is_never_told_to_wait_for_nobody():
    # Consent given by the owner themselves: a referral owner an agent may help later.
    state = ConversationState(step="city", language="fr", script="Latn", assisted_by=7,
                              consent_at=NOW)
    later, effects = drive(state, "Safi", context=ctx())
    assert keys(effects) == ["ask_sector"]


def test_the_agent_finishing_hands_the_draft_to_the_owner_at_once():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    assert state.agent_at is None
    _, effects = drive(state, Input(payload="yes"), context=ctx())
    assert keys(effects)[0] == "submitted"


def test_who_holds_the_draft_expires():
    from flows.engine import HOLD, agent_holds, owner_holds

    state = ConversationState(step="city", agent_at=NOW, owner_at=NOW - HOLD)
    assert agent_holds(state, NOW) and not owner_holds(state, NOW)
    assert not agent_holds(state, NOW + HOLD)


# --- words people type -------------------------------------------------------------------


def owner_ctx():
    return ctx(channel="whatsapp")


def test_people_name_their_language_the_way_they_say_it():
    for said, language in (("darija", "ary"), ("b darija", "ary"), ("بالدارجة", "ary"),
                           ("l3arbia", "ar"), ("arabe", "ar"), ("الفرنسية", "fr"),
                           ("fr", "fr")):
        state = ConversationState(step="language")
        state, effects = drive(state, said, context=owner_ctx())
        assert state.language == language, said
        assert keys(effects) == ["ask_consent"], said


def test_a_sector_in_everyday_words_is_understood():
    for said, sector in (("zit argan", "argan"), ("زرابي", "carpets"), ("argane", "argan"),
                         ("babouches", "leather")):
        state = ConversationState(step="sector", language="fr", consent_at=NOW)
        state, _ = drive(state, said, context=owner_ctx())
        assert state.draft.sector == sector, said


def test_the_correction_menu_answers_to_its_labels_not_only_numbers():
    state, _ = drive(assisted_draft(), Input(payload="submit"), context=ctx(assisting=True))
    state, _ = drive(state, Input(payload="change"), context=ctx())
    state, effects = drive(state, "Corriger l'entreprise", "Ville", context=ctx())
    assert keys(effects) == ["ask_city"]


def test_no_to_an_optional_question_skips_it():
    state = ConversationState(step="email", language="fr", consent_at=NOW)
    for said in ("non", "je n'ai pas d'email", "ماعنديش ايميل", "لا"):
        later, effects = drive(state, said, context=owner_ctx())
        assert later.step == "product_name", said


def test_a_greeting_before_anything_is_answered_is_no_welcome_back():
    state = ConversationState(step="language")
    later, effects = drive(state, "slm", context=owner_ctx())  # a greeting in Darija: go on
    assert keys(effects) == ["language_found", "ask_consent"] and later.locale == "ary-Latn"
    _, effects = drive(later, "salam", context=owner_ctx())
    assert keys(effects) == ["greeting_hello", "ask_consent"]


def test_a_greeting_that_released_waiting_messages_needs_no_answer():
    state = ConversationState(step="city", language="fr", consent_at=NOW)
    _, effects = drive(state, Input(text="bonjour", released=True), context=owner_ctx())
    assert effects == []


def test_the_agent_menu_understands_words_and_explains_itself():
    _, effects = agent(agent_state(), "nouveau")
    assert keys(effects) == ["agent_ask_phone"]
    _, effects = agent(agent_state(), "aide")
    assert keys(effects) == ["agent_help", "agent_menu"]
    _, effects = agent(agent_state(), "langue")
    assert keys(effects) == ["agent_ask_language"]


def test_places_are_named_in_the_readers_script():
    from bot.i18n import catalog as cat

    state = assisted_draft()
    summary = resume(state, ctx(assisting=True))[0].msg
    assert "Tiznit" in cat().text("fr", summary)
    assert "تيزنيت" in cat().text("ary-Arab", summary)


def test_a_number_answers_the_agents_language_question():
    state, effects = agent(agent_state(), "langue")
    assert keys(effects) == ["agent_ask_language"] and state.console.asking == "language"
    state, effects = agent(state, "3")  # العربية (the menu's third item would be "link")
    assert state.language == "ar" and keys(effects) == ["agent_menu"]
    assert state.console.asking is None


def test_help_while_answering_for_an_owner_says_how_to_get_back_to_the_menu():
    state = ConversationState(step="city", language="fr", script="Latn", assisted_by=7)
    _, effects = drive(state, "aide", context=ctx(assisting=True))
    assert keys(effects) == ["help", "assist_help", "ask_city"]
