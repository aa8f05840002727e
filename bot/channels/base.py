"""What every messaging channel provides. Channels only translate:

- inbound: a webhook or poll result -> `InboundMessage` (bot/turns.py), checked first;
- media: a channel's media reference -> bytes through the media pipeline;
- outbound: a rendered reply -> the platform's API call.

The only modules importing `telegram` or `twilio` are the channel modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.i18n import Rendered
from storage.media import Refused, StoredFile


class SendError(Exception):
    """A message could not be sent. `retry_after` (seconds) when trying again may work."""

    def __init__(self, reason: str, *, retry_after: float | None = None,
                 unreachable: bool = False, wait_for_inbound: bool = False):
        super().__init__(reason)
        self.retry_after = retry_after
        self.unreachable = unreachable  # the owner blocked us: stop writing to them
        # Not allowed now, allowed once the owner writes again (WhatsApp's 24-hour window).
        self.wait_for_inbound = wait_for_inbound


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


class Channel(Protocol):
    name: str

    async def send(self, delivery: Delivery) -> None:
        """Send the replies in order, or raise SendError."""

    async def fetch_media(self, ref: dict) -> StoredFile | Refused:
        """Download one media item named by the channel and pass it through the pipeline."""
