"""A person to talk to (flows.support): the words that ask, the bot's silence, the return."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import LOCALES, catalog
from flows.engine import resume, step
from flows.hours import BadHours, is_open, next_opening, parse
from flows.model import Context, ConversationState, Input, Msg, Reply, SupportRequested

# A Wednesday, 10:00 UTC = 11:00 in Casablanca (UTC+1).
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
FR_START = (Input(is_start=True), Input(payload="lang:fr"), Input(payload="yes"))


def talk(*inputs, state=None, now=NOW, hours=None, assisting=False):
    ctx = Context(now=now, channel="web", lexicon=catalog().lexicon(),
                  support_hours=hours, assisting=assisting)
    state = state or ConversationState()
    effects: list = []
    for item in inputs:
        inp = Input(text=item) if isinstance(item, str) else item
        state, effects = step(state, inp, ctx)
    return state, effects


def keys(effects) -> list[str]:
    return [e.key for e in effects if isinstance(e, Reply)]


@pytest.mark.parametrize("words", [
    "bghit nhder m3a chi wa7ed", "Bghit nhder m3a chi wa7ed 3afak", "بغيت نهضر مع شي حد",
    "بغيت نهضر مع شي حد عافاك", "parler à quelqu'un", "Je voudrais parler à un conseiller svp",
    "أريد التحدث مع شخص", "agent", "Support", "conseiller", "شي حد يعاوني",
])
def test_the_words_of_each_language_reach_a_person(words):
    state, _ = talk(*FR_START, "Atlas Argan")
    state, effects = talk(words, state=state)
    assert keys(effects) == ["support_opened"]
    assert any(isinstance(e, SupportRequested) for e in effects)
    assert state.support == NOW


def test_the_words_inside_a_description_do_not():
    state, _ = talk(*FR_START, "Atlas Argan")
    state, effects = talk("un support en bois de cèdre pour parler à quelqu'un", state=state)
    assert state.support is None
    assert "support_opened" not in keys(effects)


def test_help_says_how_to_reach_a_person_in_every_locale():
    state, effects = talk(*FR_START, "aide")
    assert keys(effects) == ["help", "help_support", "help_erase", "ask_business_name"]
    for locale in LOCALES:
        text = catalog().text(locale, Msg("help_support"))
        assert text and "help_support" not in text


def test_the_bot_is_quiet_while_a_person_is_on_and_the_draft_is_kept():
    state, _ = talk(*FR_START, "Atlas Argan", "Hassan Ouali")
    asked = resume(state, Context(now=NOW, channel="web", lexicon=catalog().lexicon()))
    state, _ = talk("parler à quelqu'un", state=state)
    before = state.model_dump()
    for words in ("Rabat", "j'ai une question sur les prix", "aide", "recommencer",
                  "parler à quelqu'un"):
        state, effects = talk(words, state=state)
        assert effects == [], words
    assert state.model_dump() == before  # nothing read as an answer
    # The chat reopened: only the reminder that a person will answer.
    _, effects = talk(Input(is_start=True), state=state)
    assert keys(effects) == ["support_waiting"]
    # Staff answer: the owner reads their words as typed.
    state, effects = talk(Input(event={"kind": "support_answer", "text": "Bonjour Hassan !",
                                       "name": "Samira"}), state=state)
    assert keys(effects) == ["support_answer"]
    assert effects[0].msg.params["text"] == "Bonjour Hassan !"
    # A reminder would talk over the person: none.
    state, effects = talk(Input(event={"kind": "reminder", "n": 1}), state=state)
    assert effects == []
    # Closed: the owner is told, the question they were at comes again, and it is answered.
    state, effects = talk(Input(event={"kind": "support_closed"}), state=state)
    assert state.support is None
    assert keys(effects) == ["support_closed", asked[0].key] == ["support_closed", "ask_city"]
    state, effects = talk("Rabat", state=state)
    assert state.draft.city == "Rabat" and state.draft.business_name == "Atlas Argan"
    assert keys(effects)[-1] == "ask_sector"


def test_closing_twice_says_it_once():
    state, _ = talk(*FR_START, "agent")
    state, effects = talk(Input(event={"kind": "support_closed"}), state=state)
    assert keys(effects)[0] == "support_closed"
    _, effects = talk(Input(event={"kind": "support_closed"}), state=state)
    assert effects == []


def test_an_agent_typing_for_the_owner_opens_nothing():
    state, _ = talk(*FR_START)
    state, effects = talk("support", state=state, assisting=True)
    assert state.support is None
    assert not any(isinstance(e, SupportRequested) for e in effects)


HOURS = parse("Mon-Fri 09:00-18:00")


@pytest.mark.parametrize(("now", "key", "params"), [
    (NOW, "support_when_soon", {}),  # Wednesday 11:00
    (datetime(2026, 11, 25, 5, 0, tzinfo=UTC), "support_when_today", {"time": "09:00"}),
    (datetime(2026, 11, 25, 19, 0, tzinfo=UTC), "support_when_tomorrow", {"time": "09:00"}),
    (datetime(2026, 11, 27, 19, 0, tzinfo=UTC), "support_when_day", {"time": "09:00"}),  # Fri
])
def test_the_owner_is_told_when_a_person_answers(now, key, params):
    state, _ = talk(*FR_START, now=now, hours=HOURS)
    _, effects = talk("parler à quelqu'un", state=state, now=now, hours=HOURS)
    when = effects[0].msg.params["when"]
    assert when.key == key
    for name, value in params.items():
        assert when.params[name] == value
    if key == "support_when_day":
        assert when.params["day"].key == "support_day_0"  # Monday
    text = catalog().text("fr", effects[0].msg)
    assert "support_" not in text


def test_without_hours_as_soon_as_possible():
    state, _ = talk(*FR_START)
    _, effects = talk("parler à quelqu'un", state=state)
    assert effects[0].msg.params["when"].key == "support_when_unknown"


@pytest.mark.parametrize("text", [
    "Mon-Fri 09:00-18:00", "mon-fri 9h-18h", "lun-ven 9h-18h; sam 9h-13h",
    "Mon-Thu 09:00-12:30, 14:00-18:00; Fri 09:00-12:00 Africa/Casablanca",
    "  Lundi-Vendredi 09:00 - 18:00 ", "Sat-Mon 10:00-24:00", "mon,wed/fri 8-12",
])
def test_hours_are_read_robustly(text):
    assert parse(text).windows


@pytest.mark.parametrize(("text", "says"), [
    ("", "empty"), ("9-18", "days then hours"), ("Mon-Fry 09:00-18:00", "not a day"),
    ("Mon-Fri 18:00-09:00", "before the start"), ("Mon-Fri 09:00-25:00", "00:00 to 24:00"),
    ("Mon-Fri nine to six", "days then hours"), ("Mon-Fri 09:00-18:00 Mars/Olympus",
                                                 "unknown time zone"),
])
def test_bad_hours_say_what_was_expected(text, says):
    with pytest.raises(BadHours, match=says):
        parse(text)


def test_hours_follow_casablanca_time():
    hours = parse("Mon-Fri 09:00-18:00")
    assert not is_open(hours, datetime(2026, 11, 25, 7, 30, tzinfo=UTC))  # 08:30 there
    assert is_open(hours, datetime(2026, 11, 25, 8, 30, tzinfo=UTC))  # 09:30 there
    # Saturday noon: Monday 09:00 next.
    at = next_opening(hours, datetime(2026, 11, 28, 11, 0, tzinfo=UTC))
    assert (at.weekday(), at.hour, at.minute) == (0, 9, 0)
    # A range round the week's end: Saturday to Monday.
    wraps = parse("Sat-Mon 10:00-12:00")
    assert {w.day for w in wraps.windows} == {5, 6, 0}


def test_a_wrong_setting_is_one_clear_line():
    from pydantic import ValidationError

    from bot.preflight import setting_errors
    from bot.settings import Settings

    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, support_hours="Mon-Fry 09:00-18:00")
    assert setting_errors(refused.value) == [
        "SUPPORT_HOURS: 'mon-fry' is not a day (Mon..Sun or lun..dim) "
        "(got 'Mon-Fry 09:00-18:00')"]
    assert Settings(_env_file=None, support_hours="  ").support_hours is None
    assert Settings(_env_file=None, support_hours=" lun-ven 9h-18h ").support_hours \
        == "lun-ven 9h-18h"


@pytest.mark.parametrize("words", [
    "salam, bghit nhder m3a chi wa7ed", "Bonjour, parler à un conseiller svp",
    "السلام عليكم بغيت نهضر مع شي حد"])
def test_a_greeting_first_changes_nothing(words):
    state, _ = talk(*FR_START)
    _, effects = talk(words, state=state)
    assert keys(effects) == ["support_opened"]


def test_a_first_message_asking_for_a_person_gets_one_in_its_language():
    state, effects = talk(Input(text="salam, bghit nhder m3a chi wa7ed", is_start=True))
    assert keys(effects) == ["support_opened"] and state.locale == "ary-Latn"
    assert any(isinstance(e, SupportRequested) for e in effects)
    state, effects = talk(Input(event={"kind": "support_closed"}), state=state)
    assert keys(effects) == ["support_closed"]  # nothing was asked yet
    _, effects = talk("salam", state=state)
    assert keys(effects)[-1] in ("ask_consent", "ask_language")  # onboarding begins
