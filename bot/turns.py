"""The turn service: one inbound message (or event) through the engine, in one transaction.

A turn locks the conversation (`SELECT … FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE`
on SQLite, plus a version check), runs the pure engine (flows/), stores the state, the
draft and any submission, and queues the replies (bot/outgoing.py); all of it commits
together or not at all. A field agent's chat turns go through bot/assist.py, inside
the same transaction.

- `handle`: the synchronous channels (web chat, terminal): record and run at once, the
  replies come back in the result.
- `advance`: a message a webhook already recorded (bot/receive.py), run by the
  dispatcher after any older message of the conversation (one step at a time: media
  downloads and an album's wait happen outside the lock); the replies go to the outbox.
- `apply_event`: a review decision or a reminder, as a turn of its own.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.assist import Assist, privacy_terms
from bot.channels.base import InboundMessage
from bot.i18n import Catalog, Rendered
from bot.outgoing import Outgoing
from bot.settings import Settings
from bot.signing import Signer
from flows import engine, forms
from flows.hours import parse as parse_hours
from flows.model import (
    Console,
    Context,
    ConversationState,
    DraftSubmitted,
    EraseOwner,
    Input,
    OwnerDataAsked,
    Reply,
    SupportRequested,
    TellAgent,
)
from flows.mydata import Held, summary
from storage import agents, conversations, erasure, outbox, submissions, support
from storage.conversations import state_of
from storage.db import Database, unavailable
from storage.media import Refused, StoredFile, media_refs, voice_notes
from storage.models import Conversation, Outbox, utcnow

log = logging.getLogger(__name__)
RETRIES = 5  # a turn whose conversation changed under it is run again, this many times
DATA_LINK_DAYS = 7  # how long an owner's "my data" link works
T = TypeVar("T")
Admit = Callable[[AsyncSession], Awaitable[None]]
# What happens beside an event, in its transaction (a staff reply recorded with it).
Beside = Callable[[AsyncSession, Conversation], Awaitable[None]]


class OlderTurnFailed(Exception):
    """The turn of an older message (run before the one asked for) failed, not for want of
    the database: a bug that would fail it again. The caller may go on without it."""

    def __init__(self, inbound_id: int):
        super().__init__(inbound_id)
        self.inbound_id = inbound_id


@dataclass(frozen=True)
class Next:
    """What a step of `Turns.advance` did, or what it needs before it can go on."""

    rows: tuple[int, ...] = ()  # a turn ran: its outbox rows, to send now in order
    claimed: tuple[Outbox, ...] = ()  # ... those of them already claimed (next in line)
    context: outbox.SendContext | None = None  # the first claimed one's, if a "send"
    done: bool = False  # the message asked for is processed (here or by another process)
    fetch: tuple[int, InboundMessage] | None = None  # download this message's media first
    wait: float = 0.0  # seconds until the album being received is complete


@dataclass(frozen=True)
class TurnResult:
    conversation_id: int
    locale: str
    replies: tuple[Rendered, ...]
    duplicate: bool = False
    waiting: tuple[Rendered, ...] = ()  # web chat: messages that came while the owner was away
    console: bool = False  # a field agent's console: the page offers no "new conversation"
    form: bool = False  # the owner may fill the rest in as a form (flows.forms)


@dataclass(frozen=True)
class FormView:
    locale: str
    available: bool
    form: forms.Form
    errors: dict[str, str]  # field -> what is wrong, in the owner's words


class Turns:
    def __init__(self, db: Database, catalog: Catalog, settings: Settings):
        self.db, self.catalog = db, catalog
        self.lexicon = catalog.lexicon()
        self.outgoing = Outgoing(catalog)
        self.assist = Assist(self.lexicon, settings, self.outgoing)
        self.signer = Signer(settings.secret, settings.public_base_url)
        self.privacy = privacy_terms(settings)
        self.hours = parse_hours(settings.support_hours) if settings.support_hours else None
        self.review_time = settings.review_time  # REVIEW_TIME_HINT, told to owners

    def context(self, channel: str, channel_phone: str | None, now: datetime) -> Context:
        return Context(now=now, channel=channel, lexicon=self.lexicon, channel_phone=channel_phone,
                       privacy=self.privacy, support_hours=self.hours,
                       review_time=self.review_time)

    async def handle(self, msg: InboundMessage, *, create: bool = True,
                     admit: Admit | None = None) -> TurnResult | None:
        """A synchronous turn (web chat, terminal): all in one transaction, replies returned.

        None when the conversation does not exist and `create` is false. `admit` runs first
        in the same transaction (the web chat's throttle) and may refuse by raising.
        """
        return await _retrying(self._handle_once, msg, create, admit)

    async def _handle_once(self, msg: InboundMessage, create: bool,
                           admit: Admit | None) -> TurnResult | None:
        now = utcnow()
        async with self.db.transaction() as session:
            if admit is not None:
                await admit(session)
            conv = await conversations.lock(session, msg.channel, msg.user_ref, create=create)
            if conv is None:
                return None
            inbound_id = await conversations.record_inbound(
                session, conv.id, msg.channel, msg.external_id, msg.to_record(), msg.group,
                processed=True)
            if inbound_id is None:  # seen before: no second effect, show where we are
                state = state_of(conv)
                replies = await self._resume(session, state, msg.channel, now)
                return self._result(conv.id, state, replies, duplicate=True)
            new_state, replies, erased = await self._step(session, conv, msg, msg.files, now)
            waiting = () if erased else await outbox.take_inbox(session, conv.id)
        return replace(self._result(conv.id, new_state, replies), waiting=_rendered(waiting))

    async def advance(self, inbound_id: int, channel: str, user_ref: str,
                      files: Mapping[int, tuple[StoredFile | Refused, ...]], *,
                      skip: Collection[int] = (), album_wait: float = 0.0,
                      part_coming_at: datetime | None = None) -> Next:
        """One step towards running a recorded inbound's turn (bot/dispatch.py loops on it).

        Under the conversation's lock, the oldest message still waiting goes first, whichever
        process received it: this one's turn runs only once the older ones have. A step runs
        at most one turn; or it says what must happen first, outside the lock: the media of
        the next message downloaded (`files` holds what was), or an album that is still
        arriving waited for (its newest part, recorded by any process or `part_coming_at`
        here, must be `album_wait` seconds old: the last part processed answers). `skip`:
        older messages whose turn failed (OlderTurnFailed), not waited for again.
        """
        return await _retrying(self._advance_once, inbound_id, channel, user_ref, files,
                               skip, album_wait, part_coming_at)

    async def _advance_once(self, inbound_id: int, channel: str, user_ref: str,
                            files: Mapping[int, tuple[StoredFile | Refused, ...]],
                            skip: Collection[int], album_wait: float,
                            part_coming_at: datetime | None) -> Next:
        now = utcnow()
        async with self.db.transaction() as session:
            conv = await conversations.lock(session, channel, user_ref, create=False)
            head = conv and await conversations.oldest_waiting(session, conv.id, skip)
            if head is None or head.id != inbound_id and not await conversations.is_waiting(
                    session, inbound_id):
                return Next(done=True)  # processed, here or by another process (or erased)
            msg = InboundMessage.from_record(channel, head.external_id, head.raw)
            if head.group_key:
                last = await conversations.last_part_at(session, conv.id, head.group_key)
                last = max(last, part_coming_at) if part_coming_at else last
                rest = (last - now).total_seconds() + album_wait
                if rest > 0:
                    return Next(wait=rest)
            if msg.media and head.id not in files:
                return Next(fetch=(head.id, msg))
            try:
                rows = await self._process(session, conv, head.id, msg, files.get(head.id, ()),
                                           now)
            except Exception as error:
                if head.id == inbound_id or unavailable(error) or isinstance(
                        error, conversations.StaleConversation):
                    raise
                raise OlderTurnFailed(head.id) from error
            # Claimed in the turn's own commit, not in one more before the first reply
            # can go: a commit is a disk flush, and the reply waits for each.
            claimed = await outbox.claim(session, ids=rows, limit=len(rows)) if rows else []
            # And what its delivery reads first: one statement here, not one more
            # transaction there. Only the first's: the next one's depends on it.
            context = await outbox.send_context(session, claimed[0]) \
                if claimed and claimed[0].kind == "send" else None
        return Next(rows=tuple(rows), claimed=tuple(claimed), context=context,
                    done=head.id == inbound_id)

    async def _process(self, session, conv: Conversation, inbound_id: int, msg: InboundMessage,
                       files: tuple[StoredFile | Refused, ...], now: datetime) -> list[int]:
        """A recorded message's turn: the outbox rows to send now, in order: messages that
        were held for this owner (their window reopened), then the replies."""
        # They wrote: the window is open again, and what waited goes first.
        rows = await outbox.release_held(session, conv.id)
        new_state, replies, erased = await self._step(session, conv, msg, files, now,
                                                      released=bool(rows))
        if erased:  # the owner's last message from us: it names no conversation any more
            reply = await self.outgoing.farewell(session, conv, new_state.locale, replies, now)
            return [reply] if reply else []
        await conversations.mark_processed(session, inbound_id)
        if not replies or msg.group and await conversations.more_of_group(
                session, conv.id, msg.group, inbound_id):
            return rows
        tapped = self.outgoing.tapped(new_state.locale, msg.text, shared=bool(
            msg.contact_phone or msg.place))
        reply = await self.outgoing.queue(session, conv, new_state.locale, replies,
                                          f"reply:{inbound_id}", tapped=tapped)
        return [*rows, reply] if reply else rows

    async def apply_event(self, conversation_id: int, event: dict, key: str, *,
                          beside: Beside | None = None) -> int | None:
        """A decision or reminder from outside the chat, as a turn of its own (once per key).

        Returns the outbox row of the replies, or None when there is nothing to send.
        `beside` runs in the same transaction, under the conversation's lock, before the turn
        (it may refuse by raising: nothing is then sent).
        """
        return await _retrying(self._apply_event_once, conversation_id, event, key, beside)

    async def _apply_event_once(self, conversation_id: int, event: dict, key: str,
                                beside: Beside | None = None) -> int | None:
        now = utcnow()
        async with self.db.transaction() as session:
            found = await session.get(Conversation, conversation_id)
            if found is None:
                return None
            conv = await conversations.lock(session, found.channel, found.user_ref)
            # The inbound log makes an event, like a message, count once.
            inbound_id = await conversations.record_inbound(
                session, conv.id, conv.channel, f"event:{key}", {"event": event})
            if inbound_id is None:
                return None
            if beside is not None:
                await beside(session, conv)
            new_state, effects = engine.step(state_of(conv), Input(event=event),
                                             self.context(conv.channel, None, now))
            await conversations.save(session, conv, new_state, inbound_at=None)
            await conversations.mark_processed(session, inbound_id)
            replies = [e for e in effects if isinstance(e, Reply)]
            if not replies:
                return None
            return await self.outgoing.queue(session, conv, new_state.locale, replies,
                                             f"event:{key}")

    async def _step(self, session, conv, msg: InboundMessage,
                    files: tuple[StoredFile | Refused, ...], now: datetime, *,
                    released: bool = False):
        """The engine's turn inside the caller's transaction: media rows, state, submission."""
        state = state_of(conv)
        ctx = self.context(msg.channel, msg.channel_phone, now)
        text, notice, referral = msg.text, msg.notice, msg.referral
        if not referral and text and agents.REFERRAL.match(text.strip().lower()):
            referral, text = text.strip(), None  # wa.me prefilled text: "ref-<code>"
        if referral:
            notice = notice or await agents.apply_referral(session, conv, referral)
        if notice == "agent_linked":  # from now on this chat is the agent's console
            state.console = Console(agent_id=await agents.chat_agent(
                session, conv.channel, conv.user_ref))
            if state.language is None and msg.locale_hint:
                hint = msg.locale_hint.split("-")[0].lower()
                state.language = hint if hint in ("fr", "ar") else None
        if state.console is not None:
            new_state, replies = await self.assist.turn(
                session, conv, state, replace(msg, text=text), files, now, notice)
            await conversations.save(session, conv, new_state, inbound_at=now)
            return new_state, replies, False
        inp = Input(text=text, payload=msg.payload,
                    media=await media_refs(session, conv.id, files),
                    contact_phone=msg.contact_phone, locale_hint=msg.locale_hint,
                    is_start=msg.is_start or bool(referral and state.step == "start"),
                    profile_name=msg.profile_name, referral=referral, notice=notice,
                    released=released, place=msg.place, form=msg.form)
        if msg.form is not None:
            new_state, effects = forms.step(state, inp, ctx)
        else:
            new_state, effects = engine.step(state, inp, ctx)
        if any(isinstance(e, EraseOwner) for e in effects):  # nothing else of theirs stays
            replies = [e for e in effects if isinstance(e, Reply)]
            await erasure.erase(session, [conv.id], cause="owner", actor="owner")
            return new_state, replies, True
        if state.support is not None and new_state.support is not None:
            await support.owner_wrote(session, conv.id, now)  # for the person, not the bot
        replies: list[Reply] = []
        for i, effect in enumerate(effects):
            if isinstance(effect, Reply):
                replies.append(effect)
            elif isinstance(effect, OwnerDataAsked):
                replies.extend(await self._owner_data(session, conv, new_state))
            elif isinstance(effect, SupportRequested):
                await support.open_request(session, conv.id, now)
            elif isinstance(effect, DraftSubmitted):
                await submissions.record(session, conv, new_state, now)
            elif isinstance(effect, TellAgent) and new_state.assisted_by is not None:
                source = hashlib.sha256(f"{msg.channel}:{msg.external_id}".encode()).hexdigest()
                await self.assist.tell_agent(session, new_state.assisted_by, Reply(effect.msg),
                                             f"agent:{source[:32]}:{i}")
        if new_state.consent_at != state.consent_at:  # e.g. agreed to a new text, once sent
            await submissions.note_consent(session, conv.id, new_state.consent_at,
                                           new_state.consent_version)
        await conversations.save(session, conv, new_state, inbound_at=now)
        return new_state, replies, False

    async def _owner_data(self, session, conv: Conversation,
                          state: ConversationState) -> list[Reply]:
        """"My data": the summary of everything held and a signed link to all of it."""
        business, submission, agent_name = await submissions.owner_summary(
            session, conv.id, conv.agent_id or state.assisted_by)
        voices = len(await voice_notes(session, conv.id))
        held = Held(status=submission.status if submission else None,
                    revision=submission.revision if submission else state.revision,
                    agent=agent_name,
                    storefront_url=submission.storefront_url if submission else None,
                    voice_notes=voices)
        link = self.signer.data_url(conv.id, ttl=DATA_LINK_DAYS * 86400)
        return summary(state, held, link, DATA_LINK_DAYS)

    async def _resume(self, session, state: ConversationState, channel: str,
                      now: datetime) -> list[Reply]:
        if state.console is not None:
            return await self.assist.resume(session, state, now)
        return engine.resume(state, self.context(channel, None, now))

    async def open_owner_link(self, token: str, channel: str, user_ref: str,
                              ) -> tuple[TurnResult | None, Reply | None]:
        """An owner opened their link in a new chat (bot/assist.py `open_link`): their draft,
        now in this chat, shown as its open question; or (None, why) when it opens nothing."""
        return await _retrying(self._open_owner_link_once, token, channel, user_ref)

    async def _open_owner_link_once(self, token: str, channel: str, user_ref: str,
                                    ) -> tuple[TurnResult | None, Reply | None]:
        now = utcnow()
        async with self.db.transaction() as session:
            opened = await self.assist.open_link(session, token, channel, user_ref, now)
            if opened.conversation is None:
                return None, opened.notice
            state = state_of(opened.conversation)
            replies = engine.resume(state, self.context(channel, None, now))
        return self._result(opened.conversation.id, state, replies), None

    async def form(self, channel: str, user_ref: str, scope: str, product: int | None,
                   values: dict | None = None) -> FormView | None:
        """The form as the owner would see it now (`values`: the errors a submission of
        them would get, nothing stored); None when there is no such conversation."""
        async with self.db.transaction() as session:
            conv = await conversations.find(session, channel, user_ref)
            if conv is None:
                return None
            state = state_of(conv)
        ctx = self.context(channel, None, utcnow())
        errors = forms.check(state, ctx, {"scope": scope, "product": product,
                                          "values": values}) if values is not None else {}
        return FormView(state.locale, forms.available(state),
                        forms.definition(state, ctx, scope, product),
                        {f: self.catalog.text(state.locale, m) for f, m in errors.items()})

    async def current(self, channel: str, user_ref: str) -> TurnResult | None:
        """The question an owner coming back should see, without changing anything."""
        async with self.db.transaction() as session:
            conv = await conversations.find(session, channel, user_ref)
            if conv is None:
                return None
            state = state_of(conv)
            replies = await self._resume(session, state, channel, utcnow())
            waiting = _rendered(await outbox.take_inbox(session, conv.id))
            if waiting:  # they end with the question that is open now
                replies = []
            return replace(self._result(conv.id, state, replies), waiting=waiting)

    async def waiting(self, channel: str, user_ref: str) -> TurnResult | None:
        """Messages that came while the page was open (a decision, an agent's news), taken
        once; None when there is no such conversation."""
        async with self.db.transaction() as session:
            conv = await conversations.find(session, channel, user_ref)
            if conv is None:
                return None
            waiting: tuple[Rendered, ...] = ()
            # Most looks find nothing: only then take the lock a turn takes.
            if await outbox.has_inbox(session, conv.id):
                await conversations.lock(session, channel, user_ref)
                waiting = _rendered(await outbox.take_inbox(session, conv.id))
        return TurnResult(conv.id, conv.locale, (), waiting=waiting)

    def _result(self, conversation_id: int, state: ConversationState, replies,
                duplicate: bool = False) -> TurnResult:
        rendered = tuple(self.catalog.render(state.locale, r) for r in replies)
        return TurnResult(conversation_id, state.locale, rendered, duplicate,
                          console=state.console is not None, form=forms.available(state))


async def _retrying(once: Callable[..., Awaitable[T]], *args) -> T:
    """Run a turn again while the conversation changed under it (another process's turn)."""
    for attempt in range(RETRIES):
        try:
            return await once(*args)
        except conversations.StaleConversation:
            log.info("conversation changed under turn, retrying (%d)", attempt + 1)
    raise RuntimeError("conversation kept changing; giving up this turn")


def _rendered(replies: list[dict]) -> tuple[Rendered, ...]:
    return tuple(Rendered.from_json(r) for r in replies)
