"""Personal data in the conversation (law 09-08): the consent, asked again when it changes.

| what          | when                               | the owner gets                      |
|---------------|------------------------------------|-------------------------------------|
| consent       | step "consent" (flows.steps)       | ask_consent: what is collected, who |
|               |                                    | sees it, how long, the words to     |
|               |                                    | type, whom to write to              |
| consent again | a turn of an owner who agreed to   | consent_updated + ask_consent       |
|               | an older text (CONSENT_VERSION),   | (pending "consent"); yes: thanks    |
|               | no other sub-question open         | and the question they were at       |
| terms         | owner_confirm, owner not agreed    | consent_terms, then owner_confirm   |
| my data       | privacy.tsv words, any step        | OwnerDataAsked: the caller sends    |
|               | (flows.commands)                   | flows.mydata.summary and a link     |

Nothing of the draft changes when the consent is asked again: the question they were
answering comes back once they agree.
"""

from __future__ import annotations

from flows.model import (
    CONSENT_VERSION,
    Button,
    ConfirmConsent,
    Context,
    ConversationState,
    Expect,
    Msg,
    Reply,
    Turn,
)

YES_NO = (Button(Msg("btn_yes"), "yes"), Button(Msg("btn_no"), "no"))


def terms_params(ctx: Context) -> dict:
    """consent_terms' values: how long things are kept, whom to write to."""
    terms = ctx.privacy
    contact = (Msg("consent_contact", {"contact": terms.contact}) if terms.contact
               else Msg("consent_contact_chat"))
    return {"draft_days": terms.draft_days, "rejected_days": terms.rejected_days,
            "contact": contact}


def consent_reply(t: Turn) -> Reply:
    return Reply(Msg("ask_consent", terms_params(t.ctx)), YES_NO, Expect.CHOICE)


def terms(ctx: Context) -> Reply:
    """The consent's terms alone: before an owner confirms a draft an agent filled in
    (their "yes" there is their consent)."""
    return Reply(Msg("consent_terms", terms_params(ctx)))


def agreed(t: Turn) -> None:
    """The owner agrees to the consent shown now: when, and to which text."""
    t.s.consent_at = t.ctx.now
    t.s.consent_version = CONSENT_VERSION


def outdated(state: ConversationState, ctx: Context) -> bool:
    """An owner (not an agent for them) who agreed to an older consent text."""
    return (not ctx.assisting and state.console is None and state.consent_at is not None
            and state.consent_version < CONSENT_VERSION)


def ask_again(t: Turn) -> None:
    """After this turn's replies: the new text, as a question inside the step (the step's
    own open sub-question, if any, goes first: asked at a later turn)."""
    if t.s.pending is not None or not outdated(t.s, t.ctx):
        return
    t.s.pending = ConfirmConsent()
    t.say(Reply(Msg("consent_updated")))
    t.say(t.question())


def answered_again(t: Turn) -> bool:
    """The answer to the consent asked again: True when it was yes or no."""
    if not isinstance(t.s.pending, ConfirmConsent):
        return False
    if t.choice == "yes":
        t.s.pending = None
        agreed(t)
        t.say(Reply(Msg("consent_thanks")))
        if t.s.step != "submitted":
            t.say(t.question())
        return True
    if t.choice == "no":
        t.say(Reply(Msg("consent_again_declined"), YES_NO, Expect.CHOICE))
        return True
    return False
