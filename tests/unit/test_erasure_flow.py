"""'Delete my data' in the chat (flows/erasure.py): asked, confirmed, then EraseOwner; and
the table of where a person's data lives (storage/erasure.py) covers every table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import SQLModel

import storage.models  # noqa: F401 - every table in the metadata
from bot.i18n import catalog
from flows.engine import step
from flows.erasure import asks_erasure
from flows.model import Context, ConversationState, EraseOwner, Input, Reply
from storage.erasure import KEY_COLUMNS, KEY_TABLES, NOT_PERSONAL, WHERE

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def turn(state, item, *, assisting=False):
    ctx = Context(now=NOW, channel="whatsapp", lexicon=catalog().lexicon(),
                  assisting=assisting)
    state, effects = step(state, Input(text=item) if isinstance(item, str) else item, ctx)
    return state, [e.key for e in effects if isinstance(e, Reply)], effects


def at_business_name(language="fr", script="Latn"):
    return ConversationState(step="business_name", language=language, script=script,
                             consent_at=NOW)


@pytest.mark.parametrize("text", [
    "supprimer mes données", "Supprimez mes données svp", "mse7 les données dyali",
    "ms7 les donnees dyali",
    "bghit nms7 lma3lomat dyali", "امسح المعلومات ديالي", "احذف بياناتي",
    "أريد حذف بياناتي من فضلك"])
def test_the_words_people_type_ask_for_erasure(text):
    assert asks_erasure(text)


@pytest.mark.parametrize("text", [
    "Atelier des données", "mes données sont correctes", "احذف الصورة",
    "supprimer mes données " + "et encore des mots " * 4])
def test_other_sentences_do_not(text):
    assert not asks_erasure(text)


@pytest.mark.parametrize("said,language,script", [
    ("supprimer mes données", "fr", "Latn"), ("mse7 les données dyali", "ary", "Latn"),
    ("امسح المعلومات ديالي", "ary", "Arab"), ("احذف بياناتي", "ar", "Arab")])
def test_asked_then_confirmed_the_owner_is_erased_with_a_last_word(said, language, script):
    state, keys, effects = turn(at_business_name(language, script), said)
    assert keys == ["erase_confirm"] and state.step == "business_name"
    assert not any(isinstance(e, EraseOwner) for e in effects)
    state, keys, effects = turn(state, Input(payload="yes"))
    assert keys == ["erase_done"]
    assert [e for e in effects if isinstance(e, EraseOwner)] == [EraseOwner()]


def test_no_keeps_everything_and_asks_the_open_question_again():
    state = at_business_name()
    state.draft.business_name = "Atelier Cuir"
    state, keys, _ = turn(state, "supprimer mes données")
    state, keys, effects = turn(state, "non")
    assert keys == ["erase_kept", "ask_business_name"]
    assert not any(isinstance(e, EraseOwner) for e in effects) and state.pending is None
    assert state.draft.business_name == "Atelier Cuir"


def test_something_else_closes_the_question_and_is_read_as_an_answer():
    state, _, _ = turn(at_business_name(), "supprimer mes données")
    state, keys, effects = turn(state, "Atelier Cuir Fès")
    assert not any(isinstance(e, EraseOwner) for e in effects)
    assert state.draft.business_name == "Atelier Cuir Fès" and keys == ["ask_owner_name"]


def test_a_live_storefront_is_said_to_come_down():
    state = at_business_name()
    state.step, state.decision = "submitted", "live"
    _, _, effects = turn(state, "supprimer mes données")
    assert effects[0].msg.params == {"storefront": 1}
    assert "vitrine" in catalog().render("fr", effects[0]).text


def test_an_owner_whose_draft_an_agent_holds_is_not_kept_waiting():
    state = at_business_name()
    state.assisted_by, state.agent_at, state.consent_at = 7, NOW, None
    state, keys, _ = turn(state, "احذف بياناتي")
    assert keys == ["erase_confirm"]
    _, keys, effects = turn(state, "نعم")
    assert keys == ["erase_done"] and any(isinstance(e, EraseOwner) for e in effects)


def test_an_agent_typing_the_words_for_an_owner_erases_nothing():
    _, keys, effects = turn(at_business_name(), "supprimer mes données", assisting=True)
    assert "erase_confirm" not in keys and not any(isinstance(e, EraseOwner) for e in effects)


def test_help_says_how_to_erase():
    _, keys, _ = turn(at_business_name(), "aide")
    assert keys[:2] == ["help", "help_erase"]


def test_every_table_that_names_a_persons_things_is_registered():
    """A new table with a conversation, business, submission, product or media column (or
    a foreign key to one of those tables) must say where the erasure finds it."""
    registered = {h.table for h in WHERE} | set(NOT_PERSONAL)
    missing = []
    for name, table in SQLModel.metadata.tables.items():
        if name in registered or name in KEY_TABLES:
            continue
        names_one = any(c.name in KEY_COLUMNS for c in table.columns) or any(
            fk.column.table.name in KEY_TABLES for fk in table.foreign_keys)
        if names_one:
            missing.append(name)
    assert not missing, f"add these to storage.erasure.WHERE (or NOT_PERSONAL): {missing}"
    for holds in WHERE:  # and every entry names a real column
        assert holds.column in SQLModel.metadata.tables[holds.table].columns, holds
    assert {h.table for h in WHERE} >= KEY_TABLES


@pytest.mark.parametrize("locale", ["fr", "ar", "ary-Arab", "ary-Latn"])
def test_the_words_the_bot_tells_owners_to_type_do_erase(locale):
    """What help and the consent say to type for erasure is what the bot understands."""
    import re

    from flows.model import Msg

    words = catalog()
    texts = [words.text(locale, Msg("help_erase")),
             words.text(locale, Msg("consent_again_declined"))]
    quoted = [q for text in texts for q in re.findall(r"«\s*([^»]+?)\s*»", text)]
    said = [q for q in quoted if asks_erasure(q)]
    assert len(said) == len(texts), (quoted, said)
