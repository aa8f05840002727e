"""One inbound message, end to end: record, lock, step the engine, store, render.

Every channel calls `Turns.handle` with a channel-neutral `InboundMessage`;
everything about the turn commits in one transaction, then the caller sends
the rendered replies.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from bot.i18n import Catalog, Rendered
from flows import engine
from flows.model import (
    Context,
    ConversationState,
    DraftSubmitted,
    Input,
    Lexicon,
    MediaRef,
    Reply,
)
from storage import conversations, submissions
from storage.db import Database
from storage.media import Refused, StoredFile, add_media
from storage.models import utcnow

log = logging.getLogger(__name__)
RETRIES = 5


@dataclass(frozen=True)
class InboundMessage:
    """What a channel adapter makes of one webhook, poll result or web-chat request."""

    channel: str
    user_ref: str
    external_id: str
    text: str | None = None
    payload: str | None = None
    files: tuple[StoredFile | Refused, ...] = ()
    contact_phone: str | None = None
    channel_phone: str | None = None  # the number the channel itself vouches for
    locale_hint: str | None = None
    is_start: bool = False
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TurnResult:
    conversation_id: int
    locale: str
    replies: tuple[Rendered, ...]
    duplicate: bool = False


class Turns:
    def __init__(self, db: Database, catalog: Catalog, lexicon: Lexicon | None = None):
        self.db, self.catalog = db, catalog
        self.lexicon = lexicon or catalog.lexicon()

    def context(self, channel: str, channel_phone: str | None, now: datetime) -> Context:
        return Context(now=now, channel=channel, lexicon=self.lexicon, channel_phone=channel_phone)

    async def handle(self, msg: InboundMessage) -> TurnResult:
        for attempt in range(RETRIES):
            try:
                return await self._handle_once(msg)
            except conversations.StaleConversation:
                log.info("conversation changed under turn, retrying (%d)", attempt + 1)
        raise RuntimeError("conversation kept changing; giving up this turn")

    async def _handle_once(self, msg: InboundMessage) -> TurnResult:
        now = utcnow()
        async with self.db.transaction() as session:
            conv = await conversations.lock(session, msg.channel, msg.user_ref)
            state = ConversationState.model_validate(conv.state or {})
            ctx = self.context(msg.channel, msg.channel_phone, now)
            inbound_id = await conversations.record_inbound(
                session, conv.id, msg.channel, msg.external_id, msg.raw)
            if inbound_id is None:  # seen before: no second effect, show where we are
                replies = engine.resume(state, ctx)
                return self._result(conv.id, state, replies, duplicate=True)

            refs = []
            for f in msg.files:
                if isinstance(f, StoredFile):
                    media = await add_media(session, conv.id, f)
                    refs.append(MediaRef(media.id, f.kind, f.sha256, f.width, f.height))
                else:
                    refs.append(MediaRef(None, "invalid", reason=f.reason))
            inp = Input(text=msg.text, payload=msg.payload, media=tuple(refs),
                        contact_phone=msg.contact_phone, locale_hint=msg.locale_hint,
                        is_start=msg.is_start)
            new_state, effects = engine.step(state, inp, ctx)

            for effect in effects:
                if isinstance(effect, DraftSubmitted):
                    await submissions.record(session, conv, new_state, now)
            await conversations.save(
                session, conv, state=new_state.model_dump(mode="json"), step=new_state.step,
                language=new_state.language, script=new_state.script, locale=new_state.locale,
                status="submitted" if new_state.step == "submitted" else "active",
                inbound_at=now)
            await conversations.mark_processed(session, inbound_id)
        replies = [e for e in effects if isinstance(e, Reply)]
        return self._result(conv.id, new_state, replies)

    async def current(self, channel: str, user_ref: str) -> TurnResult | None:
        """The question an owner coming back should see, without changing anything."""
        async with self.db.transaction() as session:
            conv = await conversations.find(session, channel, user_ref)
            if conv is None:
                return None
            state = ConversationState.model_validate(conv.state or {})
            replies = engine.resume(state, self.context(channel, None, utcnow()))
            return self._result(conv.id, state, replies)

    def _result(self, conversation_id: int, state: ConversationState, replies,
                duplicate: bool = False) -> TurnResult:
        rendered = tuple(self.catalog.render(state.locale, r) for r in replies)
        return TurnResult(conversation_id, state.locale, rendered, duplicate)
