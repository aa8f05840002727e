"""A person to talk to: the owner asks, staff answer from /admin, the bot waits meanwhile.

| what                        | the owner gets                              | state          |
|-----------------------------|---------------------------------------------|----------------|
| "talk to someone" (command, | support_opened, with when a person answers  | support = now  |
|   or a first message)       |                                             |                |
| anything while support is on| nothing: it lands in the staff's inbox      | unchanged      |
| the chat reopened meanwhile | support_waiting                             | unchanged      |
| event support_answer        | support_answer: the staff's words as typed, | unchanged      |
|   {text, name}              |   marked as a person's                      |                |
| event support_closed        | support_closed, then the open question      | support = None |

The words that ask for a person are `words_support` in the locales and the phrases of
flows/langdata/support.tsv (read by flows.answers, like every typed answer). Nothing of
the draft changes while a person is on: the conversation resumes where it was.
"""

from __future__ import annotations

from datetime import timedelta

from flows.answers import intents_of
from flows.hours import is_open, next_opening
from flows.language import analyse
from flows.model import Msg, Reply, SupportRequested, Turn
from flows.steps import STEPS
from flows.text import normalise

SUPPORT = "support"  # the command's payload and intent (flows.commands)
EVENTS = ("support_answer", "support_closed")
TEXT_MAX = 2000  # what one staff answer may hold (the admin form says so too)


def ask_person(t: Turn, choice: str) -> bool:
    """The "support" command: open a request (an agent typing for the owner cannot)."""
    if t.ctx.assisting:
        return False
    t.s.support = t.ctx.now
    t.say(Reply(Msg("support_opened", {"when": when(t)})))
    t.effects.append(SupportRequested())
    return True


def asks_at_once(t: Turn) -> bool:
    """A first message that asks for a person ("salam, bghit nhder m3a chi wa7ed"): a
    person answers first, in the language it is written in; onboarding waits for after."""
    text = t.inp.text
    if not text or t.ctx.assisting or SUPPORT not in intents_of(normalise(text), t.ctx.lexicon):
        return False
    guess = analyse(text)
    t.s.set_language(guess.language)  # Darija, French or Arabic; anything else: the default
    if t.s.language in (None, "ary") and guess.script in ("Arab", "Latn"):
        t.s.script = guess.script  # Darija is answered in the script it is written in
    return ask_person(t, SUPPORT)


def when(t: Turn) -> Msg:
    """When a person will answer, from SUPPORT_HOURS (unset: as soon as they can)."""
    hours = t.ctx.support_hours
    if hours is None:
        return Msg("support_when_unknown")
    if is_open(hours, t.ctx.now):
        return Msg("support_when_soon")
    at = next_opening(hours, t.ctx.now)
    today = t.ctx.now.astimezone(hours.zone).date()
    clock = at.strftime("%H:%M")
    if at.date() == today:
        return Msg("support_when_today", {"time": clock})
    if at.date() == today + timedelta(days=1):
        return Msg("support_when_tomorrow", {"time": clock})
    return Msg("support_when_day", {"day": Msg(f"support_day_{at.weekday()}"), "time": clock})


def quiet(t: Turn) -> None:
    """A person is on: the owner's message is for them. Only a reopened chat (no words of
    the owner's) is reminded that a person will answer."""
    inp = t.inp
    if inp.is_start and not (inp.text or inp.payload or inp.media):
        t.say(Reply(Msg("support_waiting")))


def apply(t: Turn, event: dict) -> None:
    kind = event.get("kind")
    if kind == "support_answer":
        text = str(event.get("text") or "").strip()[:TEXT_MAX]
        if text:
            t.say(Reply(Msg("support_answer", {"text": text,
                                               "name": str(event.get("name") or "")[:120]})))
    elif kind == "support_closed" and t.s.support is not None:
        t.s.support = None
        t.say(Reply(Msg("support_closed")))
        resume(t)


def resume(t: Turn) -> None:
    """The conversation where it was: the question open before the person came in."""
    step = t.s.step
    if step == "start":
        return
    if step == "submitted":
        STEPS["submitted"].handle(t)
        return
    t.say(t.question())
