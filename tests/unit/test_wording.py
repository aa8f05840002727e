"""What owners read: one word per idea, no "press", everyone addressed, names capitalised."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.i18n import LOCALES, catalog
from flows.engine import Reading
from flows.model import Amount, Context, ConversationState, Draft, Input, Msg, ProductDraft
from tests.unit.test_locales import messages

# What a locale must not say outside the words owners may type (words_* keys).
NEVER = {
    "fr": [r"\bappuy", r"\bbrouillon", r"\bla page\b", r"(?<!place de )\bmarché\b"],
    "ary-Arab": [r"\bورك\b", r"واش موافق؟", r"\bنتا\b", r"الواجهة", r"السوق", r"المرافق",
                 r"\bخليه\b", r"\bبدلو\b"],
    "ary-Latn": [r"\bwrek\b", r"mwafe9\?", r"\bnta\b", r"\bsifet\b", r"\br9m\b", r"tilifoun",
                 r"mouchkil", r"vitrine", r"l marché", r"ma3loumat", r"moraja3a"],
    "ar": [r"اضغط", r"هل توافق؟", r"\bأنت\b", r"الواجهة", r"السوق", r"المرافق", r"مسود"],
}


def said(locale: str) -> dict[str, str]:
    """Every sentence of a locale as written (placeholders left in), words_* lists aside."""
    cat = catalog()
    return {key: cat.text(locale, Msg(key, {v: f"{{{v}}}" for v in variables}))
            for key, variables in messages(locale).items() if not key.startswith("words_")}


@pytest.mark.parametrize("locale", LOCALES)
def test_one_word_per_idea_and_everyone_addressed(locale):
    found = [(key, pattern) for key, text in said(locale).items()
             for pattern in NEVER[locale] if re.search(pattern, text)]
    assert not found


@pytest.mark.parametrize("locale", LOCALES)
def test_ice_is_explained_in_the_owners_language_with_where_to_find_it(locale):
    text = said(locale)["ask_ice"]
    assert "15" in text
    assert re.search(r"factur|فاتور|فواتير|فاكتور", text)
    assert re.search(r"registre du commerce|السجل التجاري|sijil tijari", text)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_rejection_says_what_the_owner_can_do_next(locale):
    """Not a dead end (issue 16): change and send again with the button named in the
    sentence, or type the help words to reach a person; never "final"."""
    cat = catalog()
    button = cat.text(locale, Msg("btn_revise"))
    help_word = cat.text(locale, Msg("words_help")).split(",")[0].strip()
    for key in ("decision_rejected", "status_rejected"):
        text = said(locale)[key]
        assert f"« {button} »" in text, key
        assert f"« {help_word} »" in text, key
        assert not re.search(r"définitive|نهائي|nihai", text), key


def test_names_are_stored_as_typed_and_shown_capitalised():
    draft = Draft(business_name="cooperative de tafraout", owner_name="karim bziz",
                  city="Tafraout", sector="argan",
                  products=[ProductDraft(name="zit argan", price=Amount(amount=150, unit="l"),
                                         moq=Amount(amount=5, unit="piece"))])
    state = ConversationState(step="review", language="fr", draft=draft)
    ctx = Context(now=datetime(2026, 11, 27, tzinfo=UTC), channel="web",
                  lexicon=catalog().lexicon())
    text = catalog().text("fr", Reading(state, Input(), ctx).ask().msg)
    assert "🏢 Cooperative de Tafraout" in text and "👤 Karim Bziz" in text
    assert "Quantité minimum par commande : 5 pièces" in text
    assert state.draft.owner_name == "karim bziz"
