"""WhatsApp outbound through Twilio's Messages API, and inbound media downloads.

Sending
- The parts of a delivery come from `compose.messages` (one body, split, images
  as `MediaUrl`); each part is one `POST .../Messages.json` with Basic auth, in
  order, paced per sender (SENDER_RATE; bot/channels/pacing.py, shared by every
  process with REDIS_URL; a 429 holds the sender for all of them). The delivery's
  record (`{"sent": n, "parts": [...]}`, kept in its outbox row) is saved before each
  further part once Twilio accepted one (the last one's record is kept with the row's
  end): a retry in any process sends the same parts (the window may have changed the
  plan meanwhile) from the next one.
- Outside the 24-hour customer-service window nothing free-form is sent (Twilio
  error 63016): the delivery waits for the owner to write again
  (`OutsideWindow`), unless an approved `notice:<locale>` template is configured,
  which then carries the words. A question with a configured Content API
  template (`<key>:<locale>`) goes as that template.
- The first question of the business and of a product is followed, inside the window,
  by its WhatsApp Flow when TWILIO_FLOW_SIDS names one for that form and locale (a
  `whatsapp/flows` content whose `flow_token` is its variable `{{1}}`): the whole form
  in one screen (docs/whatsapp-flows/). Its token is signed for this chat
  (bot/signing.FlowSigner) and kept in the delivery's record, so a retry sends the same.
- A reply's image must be under a public PUBLIC_BASE_URL: Twilio fetches it itself.
- Errors: 429 and 5xx are retried by the outbox; the "cannot be reached" codes
  (21610: they unsubscribed...) make the owner unreachable; another 4xx is an
  operator's to fix and is tried again much later.
- Every message asks Twilio for status callbacks at STATUS_PATH (served by
  `webhook`), unless PUBLIC_BASE_URL is a loopback address.

Media: fetched with Basic auth only from TWILIO_MEDIA_HOSTS, redirects followed
by hand (credentials never leave the first origin), size capped while reading.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

import aiohttp
from yarl import URL

from bot.channels.base import Delivery, SendError, Transient, own_url
from bot.channels.pacing import LocalPacer, Pacer, per_second
from bot.channels.whatsapp.compose import (
    Part,
    WithMedia,
    compose,
    messages,
    template_variable,
)
from bot.channels.whatsapp.form import CHANNEL
from bot.i18n import Rendered
from bot.settings import TWILIO_MEDIA_HOSTS, Settings, reveal
from bot.signing import FlowSigner
from flows.forms import OFFERS
from storage import media as media_pipeline
from storage.media import MAX_PHOTO_BYTES, MediaStore, Refused, StoredFile

log = logging.getLogger(__name__)

STATUS_PATH = "/whatsapp/twilio/status"  # where Twilio reports on what we sent
WINDOW = 24 * 3600 - 120  # the customer-service window, with a margin for clock and queue
WINDOW_RECHECK = 30 * 60.0  # seconds before a held delivery looks at the window again
CONFIG_RETRY = 600.0  # a 4xx that an operator must fix (credentials, sender): try later
RATE_LIMIT_RETRY = 2.0
SENDER_RATE, SENDER_BURST = 80.0, 4  # messages per second per WhatsApp sender (Twilio)

MAX_AUDIO_BYTES = 16 * 1024 * 1024  # WhatsApp's own media limit
MAX_REDIRECTS = 3
MEDIA_ATTEMPTS = 3
MEDIA_TIMEOUT = aiohttp.ClientTimeout(total=90, connect=10, sock_read=30)
SEND_TIMEOUT = aiohttp.ClientTimeout(total=20, connect=5)

# Twilio error codes meaning "this person cannot be written to", for good.
UNREACHABLE_CODES = frozenset({
    21211,  # invalid 'To' number
    21610,  # the recipient unsubscribed (STOP)
    21614,  # 'To' is not a mobile number
    63024,  # invalid message recipient
})
WINDOW_CODES = frozenset({63016})  # outside the 24-hour window: free-form not allowed


class OutsideWindow(SendError):
    """The owner last wrote more than 24 hours ago: hold the message until they write again.

    `wait_for_inbound` asks bot/delivery.py to park the row until the owner's next
    message; an outbox that does not know it yet looks again after `retry_after`.
    """

    def __init__(self) -> None:
        super().__init__("outside 24h window", retry_after=WINDOW_RECHECK,
                         wait_for_inbound=True)



class WhatsAppChannel:
    name = CHANNEL

    def __init__(self, settings: Settings, store: MediaStore, session: aiohttp.ClientSession,
                 pacer: Pacer | None = None):
        self.settings, self.store, self.session = settings, store, session
        self.pacer = pacer or LocalPacer()
        sid, token = settings.twilio_account_sid or "", reveal(settings.twilio_auth_token)
        self.account_sid = sid
        self.auth = "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode("ascii")
        self.messages_url = (f"{settings.twilio_api_base_url.rstrip('/')}"
                             f"/2010-04-01/Accounts/{sid}/Messages.json")
        sender = (settings.twilio_whatsapp_from or "").strip()
        self.sender = sender if not sender or sender.startswith("whatsapp:") \
            else f"whatsapp:{sender}"
        base = URL(settings.public_base_url)
        local = base.host in ("127.0.0.1", "localhost", "::1", None)
        # Twilio fetches a reply's image itself: never from a loopback address, and a
        # message whose media it cannot fetch fails whole (its text too).
        self.sends_images = not local
        self.status_callback = None if local else settings.public_base_url.rstrip("/") \
            + STATUS_PATH
        self.media_hosts = {h.strip().lower() for h in settings.twilio_media_hosts if h.strip()}
        self.flow_signer = FlowSigner(settings.secret)
        if not self.sender:
            log.error("TWILIO_WHATSAPP_FROM is not set: WhatsApp replies cannot be sent")

    # --- sending ---

    async def send(self, delivery: Delivery) -> dict | None:
        done = delivery.progress or {}
        parts = [_part(p) for p in done.get("parts", ())] or self._plan(delivery)
        if parts and not self.sender:
            raise SendError("TWILIO_WHATSAPP_FROM is not set", retry_after=CONFIG_RETRY)
        first, record = done.get("sent", 0), None
        for i in range(first, len(parts)):
            if record is not None and delivery.save is not None:
                await delivery.save(record)  # before the next part: never sent twice
            await self._create(delivery.user_ref, parts[i])
            record = {"sent": i + 1, "parts": [_record(p) for p in parts]}
        return record

    def _plan(self, delivery: Delivery) -> list[Part]:
        """The messages of a delivery (raises OutsideWindow when none may go now)."""
        replies = tuple(r if not r.image or self._image_ok(r) else replace(r, image=None)
                        for r in delivery.replies)
        parts: list[Part] = list(messages(replies, delivery.locale))
        if not parts:
            return []
        sids = self.settings.twilio_content_sids
        if not self.in_window(delivery.last_inbound_at):
            notice = sids.get(f"notice:{delivery.locale}")
            if not notice:
                log.info("conversation %s: outside the 24-hour window, message held",
                         delivery.conversation_id)
                raise OutsideWindow()
            # Only an approved template may open the conversation again (its words, no
            # image: a template goes without Body or MediaUrl).
            parts = [(notice, template_variable(compose(replies, delivery.locale)))]
        elif (content := sids.get(f"{replies[-1].key}:{delivery.locale}")) \
                and replies[-1].buttons:
            # The question as a quick-reply or list-picker content, the rest as text before it
            # (and the question's image just before it: a template carries no MediaUrl).
            last = replies[-1]
            parts = [*messages(replies[:-1], delivery.locale),
                     *([WithMedia("", last.image)] if last.image else []),
                     (content, template_variable(last.text))]
        return parts + self._flow(delivery, replies[-1].key)

    def _flow(self, delivery: Delivery, key: str) -> list[Part]:
        """The form's Flow after its first question, when one is configured (in the window
        only: `_plan` sends nothing but the notice template outside it)."""
        scope = OFFERS.get(key)
        sid = self.settings.twilio_flow_sids.get(f"{scope}:{delivery.locale}") if scope else None
        if not sid:
            return []
        return [(sid, self.flow_signer.token(delivery.user_ref, scope, time.time()))]

    @property
    def pace_key(self) -> str:
        return f"wa:{self.sender}"

    def _image_ok(self, reply: Rendered) -> bool:
        if self.sends_images and reply.image \
                and own_url(self.settings.public_base_url, reply.image):
            return True
        log.warning("reply %s: image %s not sent (not under a public PUBLIC_BASE_URL)",
                    reply.key, (reply.image or "")[:200])
        return False

    @staticmethod
    def in_window(last_inbound_at: float | None, now: float | None = None) -> bool:
        if last_inbound_at is None:
            return False
        return (now if now is not None else time.time()) - last_inbound_at < WINDOW

    async def _create(self, to: str, body: Part) -> None:
        form = {"To": to, "From": self.sender}
        if isinstance(body, tuple):  # a Content API template: no Body with it
            form["ContentSid"], form["ContentVariables"] = body[0], json.dumps(
                {"1": body[1]}, ensure_ascii=False)
        elif isinstance(body, WithMedia):
            form["MediaUrl"] = body.url
            if body.body:
                form["Body"] = body.body
        else:
            form["Body"] = body
        if self.status_callback:
            form["StatusCallback"] = self.status_callback
        headers = {"Authorization": self.auth, "Accept": "application/json"}
        await self.pacer.take(self.pace_key, per_second(SENDER_RATE, SENDER_BURST))
        try:
            async with self.session.post(self.messages_url, data=form, headers=headers,
                                         timeout=SEND_TIMEOUT, allow_redirects=False) as resp:
                status = resp.status
                info = await _json_body(resp)
                retry_after = resp.headers.get("Retry-After")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise SendError(f"twilio unreachable: {exc!r}") from exc
        if status in (200, 201):
            return
        code = _int(info.get("code"))
        reason = f"twilio {status} {code or ''}: {str(info.get('message') or '')[:200]}"
        if status == 429 or code == 20429:
            seconds = _float(retry_after) or RATE_LIMIT_RETRY
            await self.pacer.hold(self.pace_key, seconds)
            raise SendError(reason, retry_after=seconds)
        if status >= 500:
            raise SendError(reason)  # the outbox backs off and tries again
        if code in UNREACHABLE_CODES:
            log.warning("whatsapp %s cannot be reached: %s", masked(to), reason)
            raise SendError(reason, unreachable=True)
        if code in WINDOW_CODES:
            raise OutsideWindow()
        log.error("whatsapp send refused (%s); check the Twilio settings", reason)
        raise SendError(reason, retry_after=CONFIG_RETRY)

    # --- media ---

    async def fetch_media(self, ref: dict) -> StoredFile | Refused:
        url = str(ref.get("url") or "")
        declared = str(ref.get("content_type") or "").lower()
        if declared.startswith("image/"):
            limit = MAX_PHOTO_BYTES
        elif declared.startswith("audio/"):
            ingest_audio = getattr(media_pipeline, "ingest_audio", None)
            if ingest_audio is None:  # voice notes not supported by this deployment yet
                return Refused("not_image")
            limit = getattr(media_pipeline, "MAX_AUDIO_BYTES", MAX_AUDIO_BYTES)
        else:
            return Refused("not_image")
        data = await self.download(url, limit)
        if isinstance(data, Refused):
            return data
        if declared.startswith("image/"):
            return await media_pipeline.ingest_photo(self.store, data)
        return await media_pipeline.ingest_audio(self.store, data, declared)

    def allowed(self, url: URL) -> bool:
        """Only Twilio's media hosts; plain http only for a host listed beyond Twilio's own."""
        host = (url.host or "").lower()
        listed = host in self.media_hosts or f"{host}:{url.port}" in self.media_hosts
        if not listed or url.user or url.password:
            return False
        if url.scheme == "https":
            return True
        return url.scheme == "http" and host not in TWILIO_MEDIA_HOSTS

    async def download(self, url: str, limit: int) -> bytes | Refused:
        """The media's bytes, at most `limit`; transient failures are tried again briefly."""
        for attempt in range(1, MEDIA_ATTEMPTS + 1):
            try:
                return await self._download_once(url, limit)
            except Transient as exc:
                log.warning("whatsapp media %s: %s (attempt %d)", _short(url), exc, attempt)
                if attempt < MEDIA_ATTEMPTS:
                    await asyncio.sleep(0.5 * 2 ** (attempt - 1))
        return Refused("unavailable")

    async def _download_once(self, url: str, limit: int) -> bytes | Refused:
        try:
            target = URL(url)
        except ValueError:
            target = URL()
        if not target.is_absolute() or not self.allowed(target):
            log.warning("whatsapp media URL refused, host not in TWILIO_MEDIA_HOSTS: %s",
                        _short(url))
            return Refused("not_image")
        origin = target.origin()
        for _hop in range(MAX_REDIRECTS + 1):
            # Credentials only to the origin Twilio named; a CDN link is signed already.
            headers = {"Authorization": self.auth} if target.origin() == origin else {}
            try:
                async with self.session.get(target, headers=headers, allow_redirects=False,
                                            timeout=MEDIA_TIMEOUT) as resp:
                    if resp.status in (301, 302, 303, 307, 308):
                        location = resp.headers.get("Location", "")
                        try:
                            following = target.join(URL(location))
                        except ValueError:
                            following = URL()
                        if not location or not following.is_absolute() \
                                or not self.allowed(following):
                            log.warning("whatsapp media redirect refused: %s -> %s",
                                        _short(str(target)), _short(location))
                            return Refused("not_image")
                        target = following
                        continue
                    if resp.status >= 500 or resp.status == 429:
                        raise Transient(f"HTTP {resp.status}")
                    if resp.status != 200:
                        log.warning("whatsapp media %s: HTTP %s", _short(str(target)),
                                    resp.status)
                        return Refused("unavailable")
                    if resp.content_length is not None and resp.content_length > limit:
                        return Refused("too_large")
                    chunks, size = [], 0
                    async for chunk in resp.content.iter_chunked(64 * 1024):
                        size += len(chunk)
                        if size > limit:
                            return Refused("too_large")
                        chunks.append(chunk)
                    return b"".join(chunks)
            except (aiohttp.ClientError, TimeoutError) as exc:
                raise Transient(repr(exc)) from exc
        log.warning("whatsapp media %s: too many redirects", _short(url))
        return Refused("unavailable")


def _record(part: Part) -> dict:
    """A part as the outbox row keeps it (JSON)."""
    if isinstance(part, tuple):
        return {"content": part[0], "variable": part[1]}
    if isinstance(part, WithMedia):
        return {"body": part.body, "media": part.url}
    return {"body": part}


def _part(record: dict) -> Part:
    if "content" in record:
        return (record["content"], record["variable"])
    if "media" in record:
        return WithMedia(record["body"], record["media"])
    return record["body"]


async def _json_body(resp: aiohttp.ClientResponse) -> dict[str, Any]:
    try:
        body = await resp.json(content_type=None)
    except (ValueError, aiohttp.ContentTypeError):
        return {}
    return body if isinstance(body, dict) else {}


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _float(value) -> float | None:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None


def _short(url: str) -> str:
    return url[:200]


def masked(address: str) -> str:
    """An owner's number in the logs, without its middle digits."""
    return re.sub(r"(\+?\d{4})\d+(\d{2})", r"\1…\2", address)


@asynccontextmanager
async def open_whatsapp(settings: Settings, store: MediaStore, pacer: Pacer | None = None,
                        ) -> AsyncIterator[WhatsAppChannel]:
    """The channel, with one HTTP session (Messages API and media) for its lifetime."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(),
                                     headers={"User-Agent": "tijara-whatsapp"}) as session:
        yield WhatsAppChannel(settings, store, session, pacer)
