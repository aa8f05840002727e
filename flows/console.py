"""A field agent's own chat: their menu, their businesses, the owner they are helping.

Pure like the engine:

    step(state, input, ctx, listings) -> (state, effects)

`state.console` says the chat is an agent's (set when they used their invite code).
`listings` are the agent's businesses, loaded by the caller (bot/assist.py) before
the turn; the effects ask the caller to open an owner's conversation or to make
the agent's referral link. While an owner's conversation is open, the agent's
messages go to the onboarding engine instead (`Context.assisting`), until they
say "menu".

| choice      | the agent gets                                          |
|-------------|---------------------------------------------------------|
| agent:new   | asked the owner's WhatsApp number, then `OpenNew`       |
| agent:list  | their businesses with status; a number opens one (`Open`) |
| agent:link  | `ShowReferral`: their referral link and its QR code     |
| agent:menu  | the menu (also the word "menu" while helping an owner)  |
"""

from __future__ import annotations

from dataclasses import dataclass

from flows.choices import LIST_ROWS, LIST_TITLE_MAX, read_choice
from flows.model import Context, ConversationState, Expect, Input, Msg, Reply
from flows.parsing.contact import parse_phone
from flows.parsing.result import Invalid
from flows.steps import btn, language_buttons, plain, shortened
from flows.text import normalise

# What typed words may name besides the open question's buttons, the first one winning.
UNDERSTOOD = ("agent:new", "agent:list", "agent:link", "agent:menu", "menu", "language", "help",
              "back", "greeting")
# A list longer than a phone screen is not read; the web pages have the rest. With the
# menu button it is one WhatsApp list (LIST_ROWS), each name cut to fit a row.
LIST_MAX = LIST_ROWS - 1


@dataclass(frozen=True)
class Listing:
    """One business an agent follows, as the list shows it."""

    conversation_id: int
    name: str
    status: str  # "draft", "waiting_owner" or a submission status ("submitted", "live"...)


@dataclass(frozen=True)
class OpenNew:
    """Start (or reopen) the draft of the owner with this WhatsApp number."""

    phone: str


@dataclass(frozen=True)
class Open:
    conversation_id: int


@dataclass(frozen=True)
class ShowReferral:
    pass


ConsoleEffect = Reply | OpenNew | Open | ShowReferral


def wants_menu(inp: Input, ctx: Context) -> bool:
    """Whether a message sent while helping an owner means "back to my menu"."""
    if inp.payload is not None:
        return inp.payload.strip() == "agent:menu"
    words = normalise(inp.text or "")
    return bool(words) and bool({"menu", "agent:menu"} & ctx.lexicon.intents_for(words))


def menu() -> Reply:
    return Reply(Msg("agent_menu"), (btn("btn_agent_new", "agent:new"),
                                     btn("btn_agent_list", "agent:list"),
                                     btn("btn_agent_link", "agent:link")), Expect.CHOICE)


def ask_language() -> Reply:
    return Reply(Msg("agent_ask_language"), language_buttons(), Expect.CHOICE)


def ask_phone() -> Reply:
    return Reply(Msg("agent_ask_phone"), (btn("btn_agent_menu", "agent:menu"),), Expect.TEXT)


def business_list(listings: list[Listing]) -> Reply:
    shown = listings[:LIST_MAX]
    lines = [Msg("agent_list_line", {"number": i + 1, "name": item.name,
                                     "status": Msg(f"agent_status_{item.status}")})
             for i, item in enumerate(shown)]
    buttons = tuple(plain(shortened(item.name, LIST_TITLE_MAX),
                          f"agent:open:{item.conversation_id}") for item in shown)
    return Reply(Msg("agent_list", {"lines": lines, "more": max(len(listings) - LIST_MAX, 0)}),
                 (*buttons, btn("btn_agent_menu", "agent:menu")), Expect.CHOICE)


def question(state: ConversationState, listings: list[Listing]) -> Reply:
    """What the agent is being asked now."""
    asking = state.console.asking if state.console else None
    if asking == "phone":
        return ask_phone()
    if asking == "language":
        return ask_language()
    if asking == "list" and listings:
        return business_list(listings)
    return menu()


def step(state: ConversationState, inp: Input, ctx: Context,
         listings: list[Listing]) -> tuple[ConversationState, list[ConsoleEffect]]:
    s = ConversationState.model_validate(state.model_dump())
    console = s.console
    assert console is not None, "flows.console runs only on an agent's chat"
    console.target = None  # whatever they say here, no owner's draft is open any more
    effects: list[ConsoleEffect] = []
    if inp.notice:
        effects.append(Reply(Msg(f"notice_{inp.notice}")))
    current = question(s, listings)
    choice = read_choice(inp, ctx.lexicon, lambda: current, UNDERSTOOD,
                         numbers=current.expects is Expect.CHOICE)

    if choice is not None and choice.startswith("lang:"):
        s.set_language(choice.removeprefix("lang:"))
        if console.asking == "language":
            console.asking = None
        effects.append(question(s, listings))
    elif choice == "language":
        console.asking = "language"  # so that "2" answers it, as everywhere
        effects.append(ask_language())
    elif choice == "help":
        console.asking = None
        effects += [Reply(Msg("agent_help")), menu()]
    elif choice in ("agent:menu", "menu", "back", "greeting") or (
            choice is None and not (inp.text or inp.payload or inp.contact_phone or inp.media)):
        console.asking = None
        effects.append(menu())
    elif choice == "agent:new":
        console.asking = "phone"
        effects.append(ask_phone())
    elif choice == "agent:list":
        if listings:
            console.asking = "list"
            effects.append(business_list(listings))
        else:
            console.asking = None
            effects += [Reply(Msg("agent_list_empty")), menu()]
    elif choice == "agent:link":
        console.asking = None
        effects.append(ShowReferral())
    elif choice is not None and choice.startswith("agent:open:"):
        wanted = choice.removeprefix("agent:open:")
        if any(str(item.conversation_id) == wanted for item in listings):
            console.asking = None
            effects.append(Open(int(wanted)))
        else:
            effects += [Reply(Msg("stale_button")), question(s, listings)]
    elif console.asking == "phone" and choice is None:
        phone = parse_phone(inp.contact_phone or inp.text or "")
        if isinstance(phone, Invalid):
            effects.append(_again("agent_phone_invalid", current))
        elif phone.kind == "landline":
            effects.append(_again("agent_phone_landline", current))
        else:
            console.asking = None
            effects.append(OpenNew(phone.e164))
    else:
        effects.append(_again("invalid_choice", current))
    return s, effects


def _again(key: str, current: Reply) -> Reply:
    """Explain what is expected, keeping the open question's buttons."""
    return Reply(Msg(key), current.buttons, current.expects)
