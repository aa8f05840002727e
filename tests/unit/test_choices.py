"""The one choice reader shared by the owner's flow and the agent's console."""

from __future__ import annotations

from flows.choices import read_choice
from flows.model import Button, ConversationState, Expect, Input, Lexicon, Msg, Reply

LEXICON = Lexicon({"oui": frozenset({"yes"}), "aide": frozenset({"help"}),
                   "menu": frozenset({"menu", "agent:menu"}), "darija": frozenset({"lang:ary"}),
                   "retour": frozenset({"back", "agent:menu"})})
SECTORS = Reply(Msg("ask_sector"), (Button(Msg("sector_food"), "sector:food"),
                                    Button(Msg("sector_argan"), "sector:argan")), Expect.CHOICE)
PHONE = Reply(Msg("agent_ask_phone"), (Button(Msg("btn_agent_menu"), "agent:menu"),),
              Expect.TEXT)


def read(question: Reply, *, payload=None, text=None, understood=("yes", "help", "back"),
         numbers=True):
    return read_choice(Input(text=text, payload=payload), LEXICON, lambda: question, understood,
                       numbers=numbers)


def test_a_payload_is_the_choice_when_it_can_be_ours():
    assert read(SECTORS, payload=" sector:argan ") == "sector:argan"
    assert read(SECTORS, payload="x" * 65) is None
    assert read(SECTORS, payload="é") is None
    assert read(SECTORS, payload="  ") is None


def test_a_number_picks_a_button_in_order():
    assert read(SECTORS, text="2") == "sector:argan"
    assert read(SECTORS, text="٢") == "sector:argan"  # Arabic-Indic digits too
    assert read(SECTORS, text="3") is None


def test_under_a_text_question_a_number_may_be_the_answer():
    assert read(PHONE, text="1") == "agent:menu"
    assert read(PHONE, text="1", numbers=False) is None


def test_words_name_a_button_first_then_a_command_then_a_language():
    assert read(PHONE, text="Retour") == "agent:menu"  # the question's own button wins
    assert read(SECTORS, text="retour") == "back"
    assert read(SECTORS, text="oui") == "yes"
    assert read(SECTORS, text="oui", understood=()) is None
    assert read(SECTORS, text="darija") == "lang:ary"
    assert read(SECTORS, text="") is None


def test_setting_the_language_keeps_darija_in_the_owners_script():
    state = ConversationState(language="ary", script="Latn")
    assert state.set_language("fr") and (state.language, state.script) == ("fr", "Latn")
    assert state.set_language("ar") and state.script == "Arab"
    state.script = "Latn"
    assert state.set_language("ary") and (state.language, state.script) == ("ary", "Latn")
    assert not state.set_language("en") and state.language == "ary"
