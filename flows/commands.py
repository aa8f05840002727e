"""What the owner may say at any step, as a table beside flows.steps.STEPS.

| command   | words                    | the owner gets                                         |
|-----------|--------------------------|--------------------------------------------------------|
| help      | words_help               | help for this part, then the question again            |
| back      | words_back               | out of a sub-question, or the question before          |
| skip      | words_skip; "no" if opt. | the next question, when this one may stay empty        |
| restart   | words_restart            | "start again?" (ConfirmRestart); yes: a fresh draft    |
| where     | words_where              | how far along they are, then the question again        |
| language  | words_language           | the language question inside the step (ChooseLanguage) |
| greeting  | words_greeting           | hello at the start, else "welcome back" and where      |
| lang:<id> | lang_<id>, words_lang_*  | the conversation in that language from now on          |
| my_data   | langdata/privacy.tsv     | all we hold and a download link, then the question     |
| support   | words_support, support.tsv | a person answers (flows.support); the bot waits      |

A command's payload is also its intent: the words in `words_<payload>` name it (bot.i18n
builds the lexicon from this table). A handler returns False when it does not apply
here, and the current step reads the choice instead (skip at the review, "where" once
submitted, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flows import buyerq
from flows.model import (
    ChooseLanguage,
    ConfirmRestart,
    ConversationState,
    Msg,
    OwnerDataAsked,
    Reply,
    Turn,
    TypeChoice,
)
from flows.steps import ORDER, STEPS
from flows.support import ask_person


@dataclass(frozen=True)
class Command:
    payload: str  # what its button sends, and the intent its typed words stand for
    handle: Callable[[Turn, str], bool]  # (turn, choice) -> False: the step reads the choice


def show_help(t: Turn, choice: str) -> bool:
    t.say(Reply(Msg("help", {"section": section(t)})))
    if t.ctx.assisting:
        t.say(Reply(Msg("assist_help")))  # and how to get back to their menu
    else:
        t.say(Reply(Msg("help_support")))  # a person is one sentence away
        t.say(Reply(Msg("help_erase")))  # the owner's right, and the words for it
    t.say(t.question())
    return True


def go_back(t: Turn, choice: str) -> bool:
    s = t.s
    if s.pending is not None:
        s.pending = None
        t.say(t.ask())
    elif s.step == "submitted" or not s.history:
        t.invalid("cannot_go_back")
    elif s.editing:
        t.goto("review", remember=False)
    else:
        previous, _, product = s.history.pop().partition("#")
        if previous in ("start", "language"):
            s.history.append(f"{previous}#{product}")
            t.invalid("cannot_go_back")
        else:
            s.product = int(product or 0)
            t.goto(previous, remember=False)
    return True


def skip(t: Turn, choice: str) -> bool:
    s = t.s
    product = s.current_product
    voice = s.step == "description" and product is not None and product.voice_media_id
    if s.step == "review" or voice or s.step in buyerq.STEP_IDS \
            or isinstance(s.pending, TypeChoice):
        # The review's buttons; a description spoken, not typed (flows.steps); a buyer's
        # question, whose answers live where its step keeps them (flows.buyerq); "which
        # product is it?", where skipping is "none of these" (flows.producttype).
        return False
    if STEPS[s.step].optional:
        setattr(s.draft, s.step, None)
        t.advance()
    else:
        t.invalid("cannot_skip")
    return True


def ask_restart(t: Turn, choice: str) -> bool:
    if t.s.step == "submitted" or t.s.change is not None:  # sent: changed, never wiped
        t.invalid("cannot_restart_submitted")
        return True
    t.s.pending = ConfirmRestart()
    t.say(t.question())
    return True


def answered_restart(t: Turn) -> bool:
    """The answer to "start again?": True when it was yes or no. Anything else closes
    the question and is read as usual."""
    if not isinstance(t.s.pending, ConfirmRestart):
        return False
    t.s.pending = None
    if t.choice == "yes":
        start_again(t)
        return True
    if t.choice == "no":
        t.say(t.ask())
        return True
    return False


def start_again(t: Turn) -> None:
    old = t.s
    t.s = ConversationState(language=old.language, script=old.script, consent_at=old.consent_at,
                            consent_version=old.consent_version, revision=old.revision,
                            assisted_by=old.assisted_by if t.ctx.assisting else None)
    t.say(Reply(Msg("restarted")))
    if t.s.consent_at is None and not t.ctx.assisting:
        t.goto("consent", remember=False)  # never agreed themselves (an agent began)
        return
    t.s.step = "consent"
    t.advance()


def where_am_i(t: Turn, choice: str) -> bool:
    return progress(t, "where_am_i")


def greet(t: Turn, choice: str) -> bool:
    if t.inp.released:
        return True  # what waited for them goes out now and ends with the question
    if t.s.step == "language" and t.s.pending is None:
        return False  # "salam", "bonjour": the language question reads the language in it
    if t.s.step == "consent":
        t.say(Reply(Msg("greeting_hello")))  # they just arrived: no "welcome back"
        t.say(t.question())
        return True
    return progress(t, "welcome_back")


def progress(t: Turn, key: str) -> bool:
    """Where the owner stands, then the question again (once submitted, the step says)."""
    if t.s.step == "owner_confirm" and not t.ctx.assisting:
        # The whole draft came just before (held until they wrote): ask, don't repeat it.
        question = t.question()
        t.say(Reply(Msg("owner_confirm_short"), question.buttons, question.expects))
        return True
    if t.s.step in ("submitted", "change"):
        return False
    asked = [s for s in ORDER if s not in ("owner_confirm", "submitted", "change")]
    done = asked.index(t.s.step) if t.s.step in asked else len(asked)
    t.say(Reply(Msg(key, {"section": section(t), "done": done, "total": len(asked)})))
    t.say(t.question())
    return True


def ask_language(t: Turn, choice: str) -> bool:
    # Asked as a sub-question, so "2" or "français" answers it on any channel.
    t.s.pending = ChooseLanguage()
    t.say(t.question())
    return True


def choose_language(t: Turn, choice: str) -> bool:
    if not t.s.set_language(choice.removeprefix(CHOOSE_LANGUAGE.payload)):
        t.invalid("stale_button")
        return True
    if isinstance(t.s.pending, ChooseLanguage):
        t.s.pending = None
    if t.s.step == "language":
        t.advance()
    else:
        t.say(t.question())
    return True


def my_data(t: Turn, choice: str) -> bool:
    """Everything held about the owner: the caller writes it where OwnerDataAsked stands."""
    if t.ctx.assisting:
        return False  # an agent's words for the owner: the owner asks on their own phone
    t.effects.append(OwnerDataAsked())
    if t.s.step != "submitted":
        t.say(t.question())
    return True


def section(t: Turn) -> Msg:
    return Msg(f"section_{STEPS[t.s.step].section}")


# In this order, typed words that name two commands mean the first.
COMMANDS: dict[str, Command] = {c.payload: c for c in (
    Command("help", show_help),
    Command("back", go_back),
    Command("skip", skip),
    Command("restart", ask_restart),
    Command("where", where_am_i),
    Command("language", ask_language),
    Command("greeting", greet),
    Command("my_data", my_data),
    Command("support", ask_person),
)}
# A language's button ("lang:fr") works at any step; its words are the language's names.
CHOOSE_LANGUAGE = Command("lang:", choose_language)


def run_command(t: Turn) -> bool:
    """Carry out the command the input chose, if it is one; False: the step reads it."""
    choice = t.choice
    if choice is None:
        return False
    if choice == "no" and STEPS[t.s.step].optional and t.s.pending is None:
        choice = "skip"  # "Your e-mail? (optional)" - "no": they have none
    if choice.startswith(CHOOSE_LANGUAGE.payload):
        return CHOOSE_LANGUAGE.handle(t, choice)
    command = COMMANDS.get(choice)
    return command is not None and command.handle(t, choice)
