"""The conversation engine: `step(state, input, ctx) -> (state, effects)`.

Pure: no I/O, no clock (the time comes in `ctx.now`), no randomness. The
caller loads the state under a lock, calls `step`, stores the new state and
carries out the effects, all in one transaction.

Order of reading one input:
0. in a draft a field agent helps with (`assisted_by`), one side types at a time
   (`HOLD`), and the owner's first message there answers no question;
1. a pending consent asked again (flows.privacy), then a pending "start again?", get
   the first look; while a person is on (`support`, flows.support) the bot says nothing
   (but "delete my data" is still heard);
2. commands that work anywhere (the table flows.commands.COMMANDS): help, back,
   skip, restart, where, language, greeting, lang:*;
3. the current step's handler (the table flows.steps.STEPS) reads the answer.
4. an owner who agreed to an older consent text is asked the new one after the replies
   (flows.privacy.ask_again), unless a question inside the step is open.

With `ctx.assisting` (an agent answering for the owner) consent is not asked and
submitting asks the owner instead (`OwnerConfirmation`, step "owner_confirm").
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows import changes, erasure, events, privacy, support
from flows.choices import language_label, read_choice
from flows.commands import COMMANDS, answered_restart, run_command
from flows.language import analyse, opening_language
from flows.model import (
    LANGUAGES,
    NOTICES,
    ConfirmConsent,
    Context,
    ConversationState,
    DraftSubmitted,
    Effect,
    Expect,
    Input,
    MoreChoices,
    Msg,
    OwnerConfirmation,
    ProductDraft,
    Reply,
    TellAgent,
)
from flows.steps import (
    FIELD_STEP,
    FOLLOW_UPS,
    ORDER,
    PENDING,
    STEPS,
    btn,
    on_place,
    owner_link_reply,
    review_buttons,
)
from flows.text import clean, has_letters, word_count

# What typed words may name besides the open question's buttons, the first one winning.
UNDERSTOOD = ("yes", "no", "done", "submit", *COMMANDS)
# Answers here are names and numbers, which say nothing about the owner's language:
# "Fatima Zahra Amrani" must not flip a conversation to Latin-script Darija.
NAME_STEPS = frozenset({"business_name", "owner_name", "ice", "phone", "email",
                        "product_name"})
# A free-text message must be at least this long before we offer to switch language.
SWITCH_MIN_WORDS = 3
# The switch is offered only after answers that are talk, not content: a description or a
# product's name may well be written in the buyers' language, mid-product.
SWITCH_STEPS = frozenset({"consent", "city", "region", "sector"})
# A step answered from the review -> the field it changed (for "Price changed").
EDITED_FIELD = {"price_unit": "price", "region": "city"}
# In a draft an agent helps with, whoever typed last holds it this long: an owner's "salam"
# must not become the answer to the question the agent is on, nor the other way round.
HOLD = timedelta(minutes=20)


def agent_holds(state: ConversationState, now: datetime) -> bool:
    """An agent is filling the draft in right now: the owner waits (not at the confirmation)."""
    return state.agent_at is not None and now - state.agent_at < HOLD \
        and state.step not in ("owner_confirm", "submitted")


def owner_holds(state: ConversationState, now: datetime) -> bool:
    """The owner has been answering themselves just now: the agent leaves it to them."""
    return state.owner_at is not None and now - state.owner_at < HOLD


def step(
    state: ConversationState, inp: Input, ctx: Context
) -> tuple[ConversationState, list[Effect]]:
    # A copy, so the caller's state is never changed (validating a dump is 4x a deepcopy's speed).
    turn = Reading(ConversationState.model_validate(state.model_dump()), inp, ctx)
    turn.run()
    if not inp.event:  # an owner's own turn: a consent they agreed to in an older text
        privacy.ask_again(turn)
    return turn.s, turn.effects


def resume(state: ConversationState, ctx: Context) -> list[Effect]:
    """What to show an owner who comes back: the current question again."""
    turn = Reading(state.model_copy(deep=True), Input(), ctx)
    if state.support is not None:
        return [Reply(Msg("support_waiting"))]  # a person is on: their words come next
    if state.step == "start":
        return []
    if state.step == "submitted":
        STEPS["submitted"].handle(turn)
        return turn.effects
    if state.step == "owner_confirm" and state.consent_at is None and not ctx.assisting:
        return [privacy.terms(ctx), turn.question()]  # what agreeing there means
    return [turn.question()]


class Reading:
    """One input being read: the engine's `flows.model.Turn`, which the handlers in
    flows.steps, flows.commands and flows.events call back into."""

    def __init__(self, s: ConversationState, inp: Input, ctx: Context):
        self.s, self.inp, self.ctx = s, inp, ctx
        self.effects: list[Effect] = []
        self.choice: str | None = None

    # --- helpers for the step handlers -----------------------------------

    def say(self, reply: Reply) -> None:
        self.effects.append(reply)

    def ask(self) -> Reply:
        return STEPS[self.s.step].ask(self)

    def question(self) -> Reply:
        """The question the owner is answering now: a pending sub-question, or the step's."""
        pending = self.s.pending
        return PENDING[pending.kind](self) if pending is not None else self.ask()

    def invalid(self, key: str, **params) -> None:
        """Explain what is expected, keeping the question's buttons, and stay."""
        question = self.question()
        self.say(Reply(Msg(key, params), question.buttons, question.expects,
                       asks_contact=question.asks_contact, asks_location=question.asks_location,
                       more=question.more))

    def text_answer(self, limit: int, *, letters: bool = True) -> str | None:
        """The owner's free text, or None after explaining why it can't be used."""
        if self.inp.media and not self.inp.text:
            self.invalid("expected_text", question=self.question().msg)  # ask it again
            return None
        raw = self.inp.text or ""
        value = clean(raw, limit + 1)
        if not value:
            self.invalid("invalid_empty")
        elif len(value) > limit:
            self.invalid("invalid_too_long", max=limit)
        elif letters and not has_letters(value):
            self.invalid("invalid_no_letters")
        else:
            return value
        return None

    def product(self) -> ProductDraft:
        if self.s.current_product is None:
            self.s.draft.products.append(ProductDraft())
            self.s.product = len(self.s.draft.products) - 1
        return self.s.draft.products[self.s.product]

    def target(self, field: str):
        return self.product() if field.startswith("product_") else self.s.draft

    def product_params(self) -> dict:
        product = self.s.current_product
        return {"number": self.s.product + 1, "product": (product.name if product else "") or ""}

    def goto(self, target: str, *, remember: bool = True) -> None:
        if remember:
            self.s.history.append(f"{self.s.step}#{self.s.product}")
            del self.s.history[:-50]
        if target == "review" and self.s.change is not None:
            target = "change"  # changing a sent draft: its menu is the review (flows.changes)
        self.s.pending = None
        self.s.step = target
        if target in ("review", "more_products", "change"):
            # A product started and abandoned (back, or "no more") is not a product.
            self.s.editing = self.s.editing and target not in ("review", "change")
            self.s.draft.products = [p for p in self.s.draft.products if p.name or p.photos]
            self.s.product = min(self.s.product, max(len(self.s.draft.products) - 1, 0))
        self.say(self.ask())

    def next_fix(self) -> bool:
        """Open the next field an admin sent back; False when none is left."""
        while self.s.fix:
            field = self.s.fix.pop(0)
            if events.valid_field(self, field):
                events.open_fix(self, field)
                return True
        return False

    def advance(self) -> None:
        current = self.s.step
        if self.s.editing:
            follow_up = FOLLOW_UPS.get(current)
            if follow_up and self._applies(follow_up):
                self.goto(follow_up, remember=False)
            elif self.s.change is not None and not self.s.fix:
                changes.field_done(self, EDITED_FIELD.get(current, current))
            elif not self.next_fix():
                self.goto("review", remember=False)
                # One line, not the whole summary again: it stays one button away.
                field = EDITED_FIELD.get(current, current)
                buttons, more = review_buttons(self, changed=True)
                self.effects[-1] = Reply(Msg("review_changed", {"field": Msg(f"field_{field}")}),
                                         buttons, Expect.CHOICE, more=more)
            return
        for candidate in ORDER[ORDER.index(current) + 1:]:
            if candidate == "more_products" and self.s.change is not None:
                changes.product_added(self)  # one product added to a sent draft
                return
            if self._applies(candidate):
                self.goto(candidate)
                return

    def new_product(self) -> None:
        self.s.draft.products.append(ProductDraft())
        self.s.product = len(self.s.draft.products) - 1
        self.goto("product_name")

    def edit(self, field: str) -> None:
        self.s.editing = True
        self.goto(FIELD_STEP[field])

    def submit(self) -> None:
        if self.ctx.assisting:
            # An agent cannot agree for the owner: the owner confirms on their own phone.
            self.s.pending, self.s.editing, self.s.agent_at = None, False, None
            self.s.step = "owner_confirm"
            reach = self.ctx.owner_reach
            if reach is None or reach.whatsapp:
                # The link stays one choice away: the owner may not be on WhatsApp after all.
                shown = (btn("btn_owner_link", "owner_link"), btn("btn_change", "change")) \
                    if reach is not None else ()
                self.say(Reply(Msg("assist_sent", {"phone": self.s.draft.phone or ""}), shown,
                               Expect.CHOICE if shown else Expect.NONE))
            else:  # nothing reaches the owner by itself: the agent shows them the link
                self.say(owner_link_reply(self))
            self.effects.append(OwnerConfirmation(whatsapp=reach is None or reach.whatsapp))
            return
        if self.s.consent_at is None:  # a draft an agent filled in: agree and send at once
            self.say(privacy.terms(self.ctx))
            self.goto("owner_confirm", remember=False)
            return
        self.s.revision += 1
        self.s.decision = self.s.decision_note = None  # a new revision waits for its review
        self.goto("submitted")
        self.effects.append(DraftSubmitted(revision=self.s.revision))
        if self.s.assisted_by is not None:
            self.effects.append(TellAgent(Msg("agent_owner_confirmed",
                                              {"name": self.s.draft.business_name or ""})))

    def _applies(self, step_id: str) -> bool:
        if step_id == "phone" and self.ctx.channel_phone and not self.s.draft.phone:
            self.s.draft.phone = self.ctx.channel_phone
        applies = STEPS[step_id].applies
        return applies is None or applies(self)

    # --- reading one input -----------------------------------------------

    def run(self) -> None:
        if self.inp.event:
            events.apply(self, self.inp.event)
            return
        if not self.ctx.assisting and erasure.handle(self):
            return
        if self.s.support is not None and not self.ctx.assisting:
            support.quiet(self)  # a person is on: what the owner writes is for them
            return
        if self.s.assisted_by is not None and self._shared_draft():
            return
        if self.inp.profile_name and not self.s.profile_name:
            self.s.profile_name = clean(self.inp.profile_name, 120) or None
        if self.inp.referral and not self.s.referral:
            self.s.referral = self.inp.referral[:64]
        if self.inp.notice in NOTICES:
            self.say(Reply(Msg(f"notice_{self.inp.notice}")))
            if self.s.step != "start":
                self.say(self.question())
                return
        if self.s.step == "start":
            self._first_contact()
            return
        inp = self.inp
        if inp.is_start and not (inp.text or inp.payload or inp.media):
            # /start (or the page reopened) on a conversation under way: say where we are.
            if self.s.step == "submitted":
                STEPS["submitted"].handle(self)
            else:
                self.choice = "greeting"
                run_command(self)
            return
        if inp.place is not None:
            on_place(self)
            return
        if inp.text is None and inp.payload is None and not inp.media and not inp.contact_phone:
            self.say(self.question())  # nothing to read (a deep-link code alone): show where we are
            return
        # The words of an agent typing for an owner say nothing about the owner's language.
        speaks = self.s.step not in NAME_STEPS and not self.ctx.assisting
        if speaks:
            self._follow_script()
        self.choice = read_choice(self.inp, self.ctx.lexicon, self.question, UNDERSTOOD)
        if self.choice is None and self.inp.payload:
            self._stale()
            return
        if privacy.answered_again(self) or answered_restart(self) or run_command(self):
            return
        if isinstance(self.s.pending, ConfirmConsent):  # yes or no first (or a command)
            self.invalid("invalid_choice")
            return
        if self.inp.payload and not self._payload_belongs():
            self._stale()
            return
        if self.choice == "more":  # the next page of a list longer than WhatsApp shows
            at = self.s.pending.page if isinstance(self.s.pending, MoreChoices) else 0
            self.s.pending = MoreChoices(page=at + 1)
            self.say(self.question())
            return
        answered = self.s.step
        STEPS[answered].handle(self)
        last = self.effects[-1] if self.effects else None
        # Offered only under a question without buttons: the newest buttons are the live ones.
        if speaks and isinstance(last, Reply) and not last.buttons and answered in SWITCH_STEPS:
            self._offer_language_switch()

    def _shared_draft(self) -> bool:
        """A draft an agent helps with: note who is typing; True when this input is done."""
        now = self.ctx.now
        if self.ctx.assisting:
            self.s.agent_at = now
            return False
        if agent_holds(self.s, now):
            self.say(Reply(Msg("owner_agent_busy")))
            return True
        joining = self.s.owner_at is None and self.s.consent_at is None
        self.s.owner_at = now
        if joining and self.s.step not in ("owner_confirm", "submitted"):
            # Their first message here: what they wrote answers no question they have seen.
            self.say(Reply(Msg("owner_joined")))
            self.say(self.question())
            return True
        return False

    def _first_contact(self) -> None:
        """First words in a language we are sure of: answer in it and go on (one button
        offers another). Otherwise guess the welcome's language and ask with three buttons.
        A first message that asks for a person gets one (flows.support)."""
        if support.asks_at_once(self):
            return
        sure = opening_language(self.inp.text) if self.inp.text else None
        if sure is not None and not self.ctx.assisting:
            self.s.step = "language"
            self.language_found(sure.language, sure.script, welcome=True)
            return
        guess = analyse(self.inp.text or "") if self.inp.text else None
        if guess and guess.language in LANGUAGES:
            self.s.language = guess.language
        elif self.inp.locale_hint:
            hint = self.inp.locale_hint.split("-")[0].lower()
            self.s.language = hint if hint in ("fr", "ar") else None
        if guess and guess.script in ("Arab", "Latn"):
            self.s.script = guess.script
        self.goto("language", remember=False)

    def language_found(self, language: str, script: str, *, welcome: bool = False) -> None:
        """Go on in the language the owner writes in, past the language question (with the
        welcome they have not read yet, on a first message); the next question offers
        "another language" (payload `language`) beside its own buttons."""
        self.s.set_language(language)
        if language == "ary" and script in ("Arab", "Latn"):
            self.s.script = script
        self.say(Reply(Msg("welcome_found" if welcome else "language_found")))
        self.advance()
        question = self.effects[-1]
        if isinstance(question, Reply) and len(question.buttons) < 3:
            self.effects[-1] = Reply(question.msg,
                                     (*question.buttons, btn("btn_other_language", "language")),
                                     question.expects, question.asks_contact, question.image)

    def _follow_script(self) -> None:
        """Darija is answered in the script the owner writes in."""
        text = self.inp.text
        if not text or self.inp.payload or not has_letters(text):
            return
        detected = analyse(text)
        if detected.language == "ary" and detected.script in ("Arab", "Latn"):
            self.s.script = detected.script

    def _offer_language_switch(self) -> None:
        text = self.inp.text
        if not text or self.inp.payload or word_count(text) < SWITCH_MIN_WORDS:
            return
        detected = analyse(text)
        if detected.language in LANGUAGES and detected.language != self.s.language \
                and detected.confidence >= 0.9:
            current = self.s.language or "ary"
            buttons = (btn(language_label(detected.language), f"lang:{detected.language}"),
                       btn(language_label(current), f"lang:{current}"))
            self.say(Reply(Msg("offer_language_switch",
                               {"language": Msg(language_label(detected.language))}),
                           buttons, Expect.CHOICE))

    def _stale(self) -> None:
        """A button from an old message: say so, and show the question that is open now."""
        self.say(Reply(Msg("stale_button")))
        self.say(self.question())

    def _payload_belongs(self) -> bool:
        """A pressed button belongs to the question now open (else it is from an old message)."""
        choice = self.choice or ""
        if self.s.step == "review" and choice.startswith(("edit:", "add_product", "submit",
                                                          "show_summary")):
            return True
        question = self.question()
        return choice in {b.payload for b in question.buttons} | set(question.more)
