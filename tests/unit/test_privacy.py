"""The consent and "my data" in the engine alone (no I/O): the words in every locale, the
terms from the settings, the consent asked again, the summary's statuses and audience."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import catalog
from flows.engine import step
from flows.model import (
    CONSENT_VERSION,
    ConfirmConsent,
    Context,
    ConversationState,
    Draft,
    Input,
    OwnerDataAsked,
    PrivacyTerms,
    Reply,
)
from flows.mydata import Held, summary

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def ctx(**terms) -> Context:
    return Context(now=NOW, channel="web", lexicon=catalog().lexicon(),
                   privacy=PrivacyTerms(**terms))


def at_city(language="fr", script="Latn", **state) -> ConversationState:
    return ConversationState(step="city", language=language, script=script, consent_at=NOW,
                             draft=Draft(business_name="Atlas Argan", owner_name="Hassan"),
                             **state)


def keys(effects) -> list[str]:
    return [e.key if isinstance(e, Reply) else type(e).__name__ for e in effects]


@pytest.mark.parametrize(("words", "language", "script"), [
    ("mes données", "fr", "Latn"), ("Mes infos svp", "fr", "Latn"),
    ("les données dyali", "ary", "Latn"), ("l ma3lomat dyali 3afak", "ary", "Latn"),
    ("المعلومات ديالي", "ary", "Arab"), ("بغيت نشوف المعلومات ديالي", "ary", "Arab"),
    ("بياناتي", "ar", "Arab"), ("أريد الاطلاع على بياناتي", "ar", "Arab"),
])
def test_my_data_words_in_every_language_ask_for_the_data_then_the_question(words, language,
                                                                          script):
    state, effects = step(at_city(language, script), Input(text=words), ctx())
    assert keys(effects) == ["OwnerDataAsked", "ask_city"]
    assert state.draft == at_city().draft  # nothing changed


def test_an_agent_typing_the_words_for_an_owner_is_not_asking_for_the_owners_data():
    assisting = Context(now=NOW, channel="web", lexicon=catalog().lexicon(), assisting=True)
    _, effects = step(at_city(), Input(text="mes données"), assisting)
    assert not any(isinstance(e, OwnerDataAsked) for e in effects)


def test_the_consent_says_how_long_and_whom_to_write_to_from_the_settings():
    state = ConversationState(step="language", language="fr", script="Latn")
    _, effects = step(state, Input(payload="lang:fr"), ctx(contact="dpo@tijara.ma",
                                                             draft_days=90, rejected_days=200))
    (consent,) = [e for e in effects if e.key == "ask_consent"]
    text = catalog().text("fr", consent.msg)
    for said in ("ICE", "e-mail", "messages vocaux", "90 jours", "200 jours", "dpo@tijara.ma",
                 "« mes données »", "place de marché", "vitrine publique"):
        assert said in text, said
    # The same terms in every locale: the same numbers and the contact.
    for locale in ("ar", "ary-Arab", "ary-Latn"):
        other = catalog().text(locale, consent.msg)
        assert "90" in other and "200" in other and "dpo@tijara.ma" in other, locale


def test_an_older_consent_is_asked_again_after_the_answer_and_once():
    old = at_city(consent_version=1)
    state, effects = step(old, Input(text="Agadir"), ctx())
    assert keys(effects) == ["ask_sector", "consent_updated", "ask_consent"]
    assert state.draft.city == "Agadir" and isinstance(state.pending, ConfirmConsent)
    state, effects = step(state, Input(payload="no"), ctx())
    assert keys(effects) == ["consent_again_declined"] and state.consent_version == 1
    state, effects = step(state, Input(text="oui"), ctx())
    assert keys(effects) == ["consent_thanks", "ask_sector"]
    assert (state.consent_version, state.pending) == (CONSENT_VERSION, None)
    _, effects = step(state, Input(payload="sector:argan"), ctx())
    assert keys(effects) == ["ask_ice"]


def test_the_current_consent_is_not_asked_again():
    _, effects = step(at_city(), Input(text="Agadir"), ctx())
    assert keys(effects) == ["ask_sector"]


@pytest.mark.parametrize(("status", "seen", "status_key"), [
    (None, ["my_data_seen_nobody"], "my_data_status_draft"),
    ("submitted", ["my_data_seen_team", "my_data_seen_agent"], "my_data_status_review"),
    ("approved", ["my_data_seen_team", "my_data_seen_agent", "my_data_seen_marketplace"],
     "my_data_status_approved"),
    ("live", ["my_data_seen_team", "my_data_seen_agent", "my_data_seen_marketplace",
              "my_data_seen_public"], "my_data_status_live"),
])
def test_the_summary_says_who_has_seen_the_data_at_each_status(status, seen, status_key):
    held = Held(status=status, revision=2, agent="Samira" if status else None,
                storefront_url="https://shop.example/atlas", voice_notes=1)
    text_reply, link = summary(at_city(), held, "http://testserver/my-data/1?x", 7)
    params = text_reply.msg.params
    assert [m.key for m in params["seen_by"]] == seen
    assert params["status"].key == status_key and params["voice_count"] == 1
    text = catalog().text("fr", text_reply.msg)
    assert "Atlas Argan" in text and "Hassan" in text
    if status == "live":
        assert "https://shop.example/atlas" in text
    assert link.key == "my_data_link" and "7 jours" in catalog().text("fr", link.msg)
