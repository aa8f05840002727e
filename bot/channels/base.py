"""What every messaging channel provides. Channels only translate:

- inbound: a webhook or poll result -> `InboundMessage` (below), checked first;
- media: a channel's media reference -> bytes through the media pipeline;
- outbound: a rendered reply -> the platform's API call.

The only modules importing `telegram` or `twilio` are the channel modules.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.channels.untrusted import clean_text, clean_tree
from bot.i18n import Rendered
from storage.media import Refused, StoredFile


@dataclass(frozen=True)
class InboundMessage:
    """What a channel adapter makes of one webhook, poll result or web-chat request."""

    channel: str
    user_ref: str
    external_id: str
    text: str | None = None
    payload: str | None = None
    files: tuple[StoredFile | Refused, ...] = ()  # already through the media pipeline
    media: tuple[dict, ...] = ()  # channel references, fetched when the turn is processed
    contact_phone: str | None = None
    channel_phone: str | None = None  # the number the channel itself vouches for
    locale_hint: str | None = None
    is_start: bool = False
    group: str | None = None  # an album: several messages answered once
    profile_name: str | None = None
    referral: str | None = None  # deep-link code, validated by the channel
    notice: str | None = None  # see flows.model.NOTICES
    # A shared location as the nearest town's id, "abroad" or "unreadable"
    # (bot.channels.location.shared_place): its coordinates are never kept, here or in raw.
    place: str | None = None
    # The owner can be written to again, if they could not (Telegram: /start after
    # unblocking the bot; WhatsApp: any message after they unsubscribed).
    reopens: bool = False
    # A form's submission (flows.forms), already bounded by the route that took it.
    form: dict | None = None
    raw: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The one place every channel's message passes: nothing a stranger typed reaches
        # the database or a screen with NUL, a lone surrogate or a bidi override in it.
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, clean_text(value))
        object.__setattr__(self, "media", tuple(clean_tree(list(self.media))))
        object.__setattr__(self, "raw", clean_tree(self.raw))

    def to_record(self) -> dict:
        """What the inbound log keeps: enough to process the turn again after a crash."""
        return {
            "user_ref": self.user_ref, "text": self.text, "payload": self.payload,
            "media": list(self.media), "contact_phone": self.contact_phone,
            "channel_phone": self.channel_phone, "locale_hint": self.locale_hint,
            "is_start": self.is_start, "group": self.group, "profile_name": self.profile_name,
            "referral": self.referral, "notice": self.notice, "reopens": self.reopens,
            "place": self.place, "form": self.form, "original": self.raw,
        }

    @classmethod
    def from_record(cls, channel: str, external_id: str, record: dict) -> InboundMessage:
        return cls(
            channel=channel, user_ref=record["user_ref"], external_id=external_id,
            text=record.get("text"), payload=record.get("payload"),
            media=tuple(record.get("media") or ()), contact_phone=record.get("contact_phone"),
            channel_phone=record.get("channel_phone"), locale_hint=record.get("locale_hint"),
            is_start=bool(record.get("is_start")), group=record.get("group"),
            profile_name=record.get("profile_name"), referral=record.get("referral"),
            notice=record.get("notice"), reopens=bool(record.get("reopens")),
            place=record.get("place"), form=record.get("form"),
            raw=record.get("original") or {},
        )


_TEXT_FIELDS = ("user_ref", "external_id", "text", "payload", "contact_phone", "channel_phone",
                "locale_hint", "group", "profile_name", "referral", "notice", "place")


class SendError(Exception):
    """A message could not be sent. `retry_after` (seconds) when trying again may work."""

    def __init__(self, reason: str, *, retry_after: float | None = None,
                 unreachable: bool = False, wait_for_inbound: bool = False):
        super().__init__(reason)
        self.retry_after = retry_after
        self.unreachable = unreachable  # the owner blocked us: stop writing to them
        # Not allowed now, allowed once the owner writes again (WhatsApp's 24-hour window).
        self.wait_for_inbound = wait_for_inbound


class Transient(Exception):
    """An HTTP fetch that may work if tried again (5xx, 429, a timeout, a lost connection).

    Raised and caught inside a channel's own retry loop; never reaches the outbox.
    """


def own_url(public_base_url: str, url: str) -> bool:
    """Whether `url` is under this app's PUBLIC_BASE_URL: the only images a reply may carry
    (a channel never fetches, nor hands on, any other URL)."""
    return url.startswith(public_base_url.rstrip("/") + "/")


@dataclass(frozen=True)
class Delivery:
    conversation_id: int
    user_ref: str
    locale: str
    replies: tuple[Rendered, ...]
    last_inbound_at: float | None = None  # epoch seconds, for WhatsApp's 24-hour window
    # What an earlier attempt of this delivery sent (the channel's own record, kept in
    # the outbox row: any process goes on from there), the record of the conversation's
    # previous delivery (where it left the chat), and `save`, awaited with the new record
    # before each further part goes (None: the progress is not kept); the record after
    # the last part is `send`'s result.
    progress: dict | None = None
    previous: dict | None = None
    save: Callable[[dict], Awaitable[None]] | None = field(default=None, compare=False)
    # They answer what a reply keyboard's button sends (bot/outgoing.py `tapped`): a
    # one-time keyboard the previous delivery left open has hidden itself.
    tapped: bool = False


class Channel(Protocol):
    name: str

    async def send(self, delivery: Delivery) -> dict | None:
        """Send the replies in order, or raise SendError. Returns the channel's record of
        what went (kept with the row's end, as `previous` for the next delivery), if any."""

    async def fetch_media(self, ref: dict) -> StoredFile | Refused:
        """Download one media item named by the channel and pass it through the pipeline."""
