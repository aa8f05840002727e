"""The turn service: one inbound message (or event) through the engine, in one transaction.

A turn locks the conversation (`SELECT … FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE`
on SQLite, plus a version check), runs the pure engine (flows/), stores the state, the
draft and any submission, and queues the replies (bot/outgoing.py); all of it commits
together or not at all. A field agent's chat turns go through bot/assist.py, inside
the same transaction.

- `handle`: the synchronous channels (web chat, terminal): record and run at once, the
  replies come back in the result.
- `process`: a message a webhook already recorded (bot/receive.py), run by the
  dispatcher; the replies go to the outbox.
- `apply_event`: a review decision or a reminder, as a turn of its own.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.assist import Assist
from bot.channels.base import InboundMessage
from bot.i18n import Catalog, Rendered
from bot.outgoing import Outgoing
from bot.settings import Settings
from flows import engine
from flows.model import (
    Console,
    Context,
    ConversationState,
    DraftSubmitted,
    Input,
    Reply,
    TellAgent,
)
from storage import agents, conversations, outbox, submissions
from storage.conversations import state_of
from storage.db import Database
from storage.media import Refused, StoredFile, media_refs
from storage.models import Conversation, Inbound, utcnow

log = logging.getLogger(__name__)
RETRIES = 5  # a turn whose conversation changed under it is run again, this many times
T = TypeVar("T")
Admit = Callable[[AsyncSession], Awaitable[None]]


@dataclass(frozen=True)
class TurnResult:
    conversation_id: int
    locale: str
    replies: tuple[Rendered, ...]
    duplicate: bool = False
    waiting: tuple[Rendered, ...] = ()  # web chat: messages that came while the owner was away


class Turns:
    def __init__(self, db: Database, catalog: Catalog, settings: Settings):
        self.db, self.catalog = db, catalog
        self.lexicon = catalog.lexicon()
        self.outgoing = Outgoing(catalog)
        self.assist = Assist(self.lexicon, settings, self.outgoing)

    def context(self, channel: str, channel_phone: str | None, now: datetime) -> Context:
        return Context(now=now, channel=channel, lexicon=self.lexicon, channel_phone=channel_phone)

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
            new_state, replies = await self._step(session, conv, msg, msg.files, now)
            waiting = await outbox.take_inbox(session, conv.id)
        return replace(self._result(conv.id, new_state, replies), waiting=_rendered(waiting))

    async def process(self, inbound_id: int,
                      fetch: Callable[[dict], Awaitable[StoredFile | Refused]] | None = None,
                      msg: InboundMessage | None = None) -> list[int]:
        """Run a recorded inbound's turn. Returns the outbox rows to send now, in order:
        messages that were held for this owner (their window reopened), then the replies.
        `msg` is the message as the receiver just recorded it (else it is read back); the
        turn's own transaction checks the row is still unprocessed either way."""
        if msg is not None:  # exactly what a read back would give
            msg = InboundMessage.from_record(msg.channel, msg.external_id, msg.to_record())
        else:
            async with self.db.transaction() as session:
                row = await session.get(Inbound, inbound_id)
                if row is None or row.processed_at is not None:
                    return []
                msg = InboundMessage.from_record(row.channel, row.external_id, row.raw)
        # Downloads happen before the lock: a slow media server must not block the owner.
        files = tuple([await fetch(ref) for ref in msg.media]) if fetch else ()
        return await _retrying(self._process_once, inbound_id, msg, files)

    async def _process_once(self, inbound_id: int, msg: InboundMessage,
                            files: tuple[StoredFile | Refused, ...]) -> list[int]:
        now = utcnow()
        async with self.db.transaction() as session:
            conv = await conversations.lock(session, msg.channel, msg.user_ref)
            row = await session.get(Inbound, inbound_id, populate_existing=True)
            if row.processed_at is not None:  # another process got here first
                return []
            # They wrote: the window is open again, and what waited goes first.
            rows = await outbox.release_held(session, conv.id)
            new_state, replies = await self._step(session, conv, msg, files, now,
                                                  released=bool(rows))
            await conversations.mark_processed(session, inbound_id)
            if not replies or msg.group and await conversations.more_of_group(
                    session, conv.id, msg.group, inbound_id):
                return rows
            reply = await self.outgoing.queue(session, conv, new_state.locale, replies,
                                              f"reply:{inbound_id}")
            return [*rows, reply] if reply else rows

    async def apply_event(self, conversation_id: int, event: dict, key: str) -> int | None:
        """A decision or reminder from outside the chat, as a turn of its own (once per key).

        Returns the outbox row of the replies, or None when there is nothing to send.
        """
        return await _retrying(self._apply_event_once, conversation_id, event, key)

    async def _apply_event_once(self, conversation_id: int, event: dict, key: str) -> int | None:
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
            return new_state, replies
        inp = Input(text=text, payload=msg.payload,
                    media=await media_refs(session, conv.id, files),
                    contact_phone=msg.contact_phone, locale_hint=msg.locale_hint,
                    is_start=msg.is_start or bool(referral and state.step == "start"),
                    profile_name=msg.profile_name, referral=referral, notice=notice,
                    released=released)
        new_state, effects = engine.step(state, inp, ctx)
        for i, effect in enumerate(effects):
            if isinstance(effect, DraftSubmitted):
                await submissions.record(session, conv, new_state, now)
            elif isinstance(effect, TellAgent) and new_state.assisted_by is not None:
                source = hashlib.sha256(f"{msg.channel}:{msg.external_id}".encode()).hexdigest()
                await self.assist.tell_agent(session, new_state.assisted_by, Reply(effect.msg),
                                             f"agent:{source[:32]}:{i}")
        await conversations.save(session, conv, new_state, inbound_at=now)
        return new_state, [e for e in effects if isinstance(e, Reply)]

    async def _resume(self, session, state: ConversationState, channel: str,
                      now: datetime) -> list[Reply]:
        if state.console is not None:
            return await self.assist.resume(session, state, now)
        return engine.resume(state, self.context(channel, None, now))

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
        return TurnResult(conversation_id, state.locale, rendered, duplicate)


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
