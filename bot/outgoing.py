"""Replies leaving a turn: rendered in the reader's language and queued in the outbox,
inside the caller's transaction, so they exist exactly when the turn's state does.

The web chat and the terminal answer in the HTTP response (or on screen); what comes
for them later (a review decision, an agent's news) waits in their inbox until the
page asks. Every other channel's replies are sent by the outbox (bot/dispatch.py right
after the turn, else any worker).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Catalog
from flows.choices import LABELS
from flows.model import Msg, Reply
from storage import outbox
from storage.models import Conversation

# Channels that answer in the HTTP response; their later messages wait in an inbox.
SYNCHRONOUS = ("web", "terminal")


class Outgoing:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    async def queue(self, session: AsyncSession, conv: Conversation, locale: str,
                    replies: list[Reply], key: str, *, tapped: bool = False) -> int | None:
        """One "send" row for these replies (once per `key`); its id, None if queued before.
        `tapped`: they answer a message a reply keyboard's button sends (`tapped`)."""
        rendered = [self.catalog.render(locale, r).as_json() for r in replies]
        status = outbox.INBOX if conv.channel in SYNCHRONOUS else outbox.PENDING
        payload = {"conversation_id": conv.id, "channel": conv.channel,
                   "user_ref": conv.user_ref, "locale": locale, "replies": rendered}
        if tapped:
            payload["tapped"] = True
        return await outbox.enqueue(session, "send", key, payload, status=status,
                                    conversation_id=conv.id)

    def tapped(self, locale: str, text: str | None, *, shared: bool) -> bool:
        """Whether an owner's message is what a reply keyboard's button sends: a shared
        contact or location, or exactly a choice's label. A one-time keyboard hides itself
        once used (Telegram), so no message is spent closing it."""
        return shared or bool(text) and " ".join(text.split()) in self._labels(locale)

    @cache  # noqa: B019 - one catalog per process, a few hundred labels
    def _labels(self, locale: str) -> frozenset[str]:
        return frozenset(" ".join(self.catalog.text(locale, Msg(key)).split())
                         for key in LABELS if self.catalog.has(locale, key))

    async def farewell(self, session: AsyncSession, conv: Conversation, locale: str,
                       replies: list[Reply], now: datetime) -> int | None:
        """The last replies to an owner just erased: a "send" row that names no
        conversation (there is none), dropped once delivered or given up
        (bot/outbox/send.py). The synchronous channels answered in the response already."""
        if conv.channel in SYNCHRONOUS or not replies:
            return None
        rendered = [self.catalog.render(locale, r).as_json() for r in replies]
        return await outbox.enqueue(session, "send", f"farewell:{conv.channel}:{now.timestamp()}:"
                                    f"{conv.id}", {
            "farewell": True, "channel": conv.channel, "user_ref": conv.user_ref,
            "locale": locale, "replies": rendered, "last_inbound_at": now.timestamp()})
