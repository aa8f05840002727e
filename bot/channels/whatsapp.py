"""WhatsApp through Twilio: signed webhooks in, the Messages API out. Only translates.

Inbound (`POST /whatsapp/twilio`): the `X-Twilio-Signature` is checked against
PUBLIC_BASE_URL + the request path (never the Host header: behind a proxy it is
not the URL Twilio signed), the form becomes ONE `InboundMessage`, recorded
durably, then Twilio gets an empty TwiML `<Response/>` and the turn runs in
the dispatcher. The owner's address is `From` ("whatsapp:+2126...") and stays
the conversation's `user_ref`; the phone number the channel vouches for comes
from `WaId` (so registration never asks for it), the display name from
`ProfileName`.

Photos: WhatsApp sends a multi-photo pick as one webhook per photo, with no
album id. Every message made only of images is grouped under one key per
conversation (`PHOTO_GROUP`), so the dispatcher waits a moment (ALBUM_WAIT),
keeps every photo, and only the last of a burst answers. A message with
`NumMedia` > 1 is one inbound already (one turn, one answer).

Outbound: the replies of one delivery are joined into one body (WhatsApp does
not promise the order of separate messages), choices become a numbered list
(plain WhatsApp has no buttons here; the engine reads a number, a label or the
words of a choice back), and a body over 1600 characters is split. A reply's
image (an agent's QR code, a URL under PUBLIC_BASE_URL that Twilio fetches) rides
as `MediaUrl` on the part that carries the start of that reply's text (see
`messages`). Outside the 24-hour customer-service window nothing free-form is
sent (Twilio error 63016): the delivery waits for the owner to write again
(`OutsideWindow`).

Media: fetched with Basic auth only from TWILIO_MEDIA_HOSTS, redirects followed
by hand (credentials never leave the first origin), size capped while reading.

An owner we could not reach (Twilio 21610: they unsubscribed) who writes again is
answered again. Status callbacks (`POST /whatsapp/twilio/status`): same signature check; kept
per message (the latest status never goes back: a late "sent" does not hide
"read") and logged; failures with their ErrorCode at WARNING.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import re
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import aiohttp
from aiohttp import web
from twilio.request_validator import RequestValidator
from yarl import URL

from bot.channels.base import Delivery, InboundMessage, SendError, own_url
from bot.channels.text import split_text, units
from bot.i18n import Rendered, catalog
from bot.keys import channels_key, db_key, receiver_key, settings_key
from bot.settings import TWILIO_MEDIA_HOSTS, Settings
from flows.model import Msg
from storage import deliveries
from storage import media as media_pipeline
from storage.media import MAX_PHOTO_BYTES, MediaStore, Refused, StoredFile

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
WEBHOOK_PATH = "/whatsapp/twilio"
STATUS_PATH = "/whatsapp/twilio/status"
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>'

MAX_FORM_BYTES = 256 * 1024  # a Twilio webhook is a few kB
MAX_MEDIA = 10  # MediaUrl0..9: Twilio's own bound
TEXT_LIMIT = 4096
PHOTO_GROUP = "wa-photos"  # one debounce key per conversation for photo-only messages

BODY_LIMIT = 1600  # Twilio's Body limit, counted in UTF-16 code units to be safe
CAPTION_LIMIT = 1024  # with a MediaUrl the Body is the image's caption: WhatsApp takes 1024
WINDOW = 24 * 3600 - 120  # the customer-service window, with a margin for clock and queue
WINDOW_RECHECK = 30 * 60.0  # seconds before a held delivery looks at the window again
CONFIG_RETRY = 600.0  # a 4xx that an operator must fix (credentials, sender): try later
RATE_LIMIT_RETRY = 2.0

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
STATUS_RANK = {"accepted": 0, "scheduled": 0, "queued": 1, "sending": 2, "sent": 3,
               "delivered": 4, "read": 5, "undelivered": 6, "failed": 6, "canceled": 6}

routes = web.RouteTableDef()


class OutsideWindow(SendError):
    """The owner last wrote more than 24 hours ago: hold the message until they write again.

    `wait_for_inbound` asks bot/outbox/send.py to park the row until the owner's next
    message; an outbox that does not know it yet looks again after `retry_after`.
    """

    def __init__(self) -> None:
        super().__init__("outside 24h window", retry_after=WINDOW_RECHECK,
                         wait_for_inbound=True)


# --- inbound: form -> InboundMessage ----------------------------------------


def public_url(settings: Settings, request: web.Request) -> str:
    """The URL Twilio signed: the configured public base plus the path as sent (with query)."""
    return settings.public_base_url.rstrip("/") + request.raw_path


def channel_phone(form: Mapping[str, str]) -> str | None:
    """The sender's number in E.164, as WhatsApp vouches for it (WaId, else From)."""
    wa_id = (form.get("WaId") or "").strip()
    if re.fullmatch(r"\d{6,15}", wa_id):
        return f"+{wa_id}"
    sender = (form.get("From") or "").strip().removeprefix("whatsapp:")
    return sender if re.fullmatch(r"\+\d{6,15}", sender) else None


def media_refs(form: Mapping[str, str]) -> tuple[tuple[dict, ...], bool]:
    """The images and voice notes of a message, and whether something else came too."""
    try:
        count = int(form.get("NumMedia") or 0)
    except ValueError:
        count = 0
    refs: list[dict] = []
    other = False
    for i in range(max(0, min(count, MAX_MEDIA))):
        url = (form.get(f"MediaUrl{i}") or "").strip()
        kind = (form.get(f"MediaContentType{i}") or "").split(";")[0].strip().lower()
        if not url:
            continue
        if kind.startswith(("image/", "audio/")):
            refs.append({"url": url, "content_type": kind})
        else:  # video, documents, vCards: nothing the onboarding can use
            other = True
    return tuple(refs), other


def parse_inbound(form: Mapping[str, str]) -> tuple[InboundMessage, bool] | None:
    """One Twilio webhook form as (message, grouped), or None when it names no message."""
    sid = (form.get("MessageSid") or form.get("SmsMessageSid") or "").strip()
    sender = (form.get("From") or "").strip()
    if not sid or not sender or len(sid) > 64 or len(sender) > 128:
        return None
    media, other = media_refs(form)
    text = (form.get("Body") or "")[:TEXT_LIMIT] or None
    payload = (form.get("ButtonPayload") or form.get("ListId") or "").strip() or None
    notice = None
    if not text and not payload and not media:
        # A location, a video, a contact card...: the owner hears what we can read.
        notice = "unsupported"
        log.info("whatsapp message %s with nothing we read (%s%s)", sid,
                 form.get("MessageType", "?"), ", media" if other else "")
    photos_only = bool(media) and all(m["content_type"].startswith("image/") for m in media)
    profile = (form.get("ProfileName") or "").strip() or None
    msg = InboundMessage(
        channel=CHANNEL, user_ref=sender, external_id=sid, text=text, payload=payload,
        media=media, channel_phone=channel_phone(form), profile_name=profile,
        group=PHOTO_GROUP if photos_only else None, notice=notice,
        reopens=True,  # an owner who unsubscribed (Twilio 21610) and writes is answered again
        raw={key: form[key] for key in form},
    )
    return msg, photos_only


async def verified_form(request: web.Request) -> Mapping[str, str]:
    """The webhook's form, if Twilio signed it for our public URL; 403 otherwise."""
    settings = request.app[settings_key]
    if request.content_length is not None and request.content_length > MAX_FORM_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_FORM_BYTES,
                                            actual_size=request.content_length)
    form = await request.post()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not all(isinstance(v, str) for v in form.values()):
        raise web.HTTPForbidden()
    url = public_url(settings, request)
    if not RequestValidator(settings.twilio_auth_token or "").validate(url, form, signature):
        log.warning("whatsapp webhook with a bad signature for %s", url)
        raise web.HTTPForbidden()
    account = form.get("AccountSid")
    if account and account != settings.twilio_account_sid:
        log.warning("whatsapp webhook for another account %s", account)
    return form  # type: ignore[return-value]


def twiml() -> web.Response:
    return web.Response(text=TWIML_EMPTY, content_type="text/xml")


@routes.post(WEBHOOK_PATH)
async def webhook(request: web.Request) -> web.Response:
    form = await verified_form(request)
    parsed = parse_inbound(form)
    if parsed is None:
        log.warning("whatsapp webhook without MessageSid or From: ignored")
        return twiml()
    msg, _grouped = parsed
    await request.app[receiver_key].receive(msg)  # committed when this returns
    return twiml()


@routes.post(STATUS_PATH)
async def status_callback(request: web.Request) -> web.Response:
    form = await verified_form(request)
    channel = request.app[channels_key].get(CHANNEL)
    status = MessageStatus.from_form(form)
    if status is None:
        log.warning("whatsapp status callback without MessageSid or MessageStatus")
    else:
        if isinstance(channel, WhatsAppChannel):
            channel.record_status(status)
        async with request.app[db_key].transaction() as session:
            await deliveries.record_whatsapp_status(
                session, message_sid=status.message_sid, status=status.status,
                recipient=status.to, error_code=status.error_code,
                error_message=status.error_message,
                at=datetime.fromtimestamp(status.at, UTC))
    return twiml()


# --- outbound: replies -> bodies ----------------------------------------------


def split_body(text: str, limit: int = BODY_LIMIT) -> list[str]:
    """A body in parts of at most `limit`, each marked "(i/n)" so the order is clear."""
    return _mark(_cut(text, limit))


def _cut(text: str, limit: int = BODY_LIMIT) -> list[str]:
    text = text.strip()
    if units(text) <= limit:
        return [text] if text else []
    return split_text(text, limit - 10)  # room for "\n(12/34)"


def _mark(parts: list[str]) -> list[str]:
    if len(parts) <= 1:
        return parts
    return [f"{part}\n({i}/{len(parts)})" for i, part in enumerate(parts, 1)]


def _ink(text: str) -> int:
    """Characters other than white space: the cuts only ever drop white space."""
    return sum(not ch.isspace() for ch in text)


def choices(reply: Rendered, locale: str) -> str:
    """A reply's buttons as text. Numbered, since the engine reads the number back.

    The offer to switch language is the exception: it comes after the open
    question, whose numbers the engine would read, so it lists words to type.
    """
    cat = catalog()
    if reply.key == "offer_language_switch":
        return "\n".join(f"• {label}" for label, _payload in reply.buttons)
    lines = "\n".join(f"{i}. {label}" for i, (label, _payload) in enumerate(reply.buttons, 1))
    if reply.expects == "choice":
        return f"{lines}\n\n_{cat.text(locale, Msg('whatsapp_choose_by_number'))}_"
    return f"_{cat.text(locale, Msg('whatsapp_or_choose_by_number'))}_\n{lines}"


def _blocks(replies: tuple[Rendered, ...], locale: str) -> list[str]:
    """Each reply's text with its choices ("" for a reply with neither)."""
    blocks = []
    for reply in replies:
        block = reply.text.strip()
        if reply.buttons:
            block = f"{block}\n\n{choices(reply, locale)}" if block else choices(reply, locale)
        blocks.append(block)
    return blocks


def compose(replies: tuple[Rendered, ...], locale: str) -> str:
    """The replies of one turn as one WhatsApp body (the order of separate messages may vary)."""
    return "\n\n".join(block for block in _blocks(replies, locale) if block)


def bodies(delivery: Delivery) -> list[str]:
    return split_body(compose(delivery.replies, delivery.locale))


@dataclass(frozen=True)
class WithMedia:
    """One message with one image (`MediaUrl`); its body, if any, shows as the caption."""

    body: str
    url: str


Part = str | tuple[str, str] | WithMedia  # a body, a Content API template, or with an image


def messages(replies: tuple[Rendered, ...], locale: str) -> list[str | WithMedia]:
    """The bodies of `bodies`, each reply's image attached to the part where that reply's
    text begins.

    Attached rather than sent on its own: WhatsApp does not promise the order of
    separate messages (the reason the replies are joined), and a picture in the
    message of its own words cannot drift away from them. With a `MediaUrl` the Body
    is the image's caption, which WhatsApp caps at 1024 characters: a longer part keeps
    its text and the image follows as a message of its own, right after it (so does a
    second image landing on the same part: one medium per WhatsApp message).
    """
    blocks = _blocks(replies, locale)
    raw = _cut("\n\n".join(block for block in blocks if block))
    # Where each reply begins, counted in non-space characters: the parts keep them all.
    ends, total = [], 0
    for part in raw:
        total += _ink(part)
        ends.append(total)
    images: dict[int, list[str]] = {}
    start = 0
    for reply, block in zip(replies, blocks, strict=True):
        if reply.image:
            at = next((k for k, end in enumerate(ends) if end > start), len(raw) - 1)
            images.setdefault(at, []).append(reply.image)
        start += _ink(block)
    out: list[str | WithMedia] = []
    for k, body in enumerate(_mark(raw)):
        urls = images.get(k, [])
        if urls and units(body) <= CAPTION_LIMIT:
            out.append(WithMedia(body, urls[0]))
            urls = urls[1:]
        else:
            out.append(body)
        out.extend(WithMedia("", url) for url in urls)
    out.extend(WithMedia("", url) for url in images.get(-1, []))  # no text at all
    return out


def template_variable(text: str) -> str:
    """Text for a template variable: WhatsApp refuses new lines, tabs and runs of spaces in
    one, and a template body is at most 1024 characters."""
    flat = " ".join(text.replace("_", "").split())
    return flat if len(flat) <= 900 else flat[:899] + "…"


# --- status callbacks -----------------------------------------------------------


@dataclass(frozen=True)
class MessageStatus:
    """One Twilio status callback (see the proposed `whatsapp_status` table)."""

    message_sid: str
    status: str
    to: str = ""
    error_code: str | None = None
    error_message: str = ""
    at: float = 0.0

    @classmethod
    def from_form(cls, form: Mapping[str, str]) -> MessageStatus | None:
        sid = (form.get("MessageSid") or form.get("SmsSid") or "").strip()
        status = (form.get("MessageStatus") or form.get("SmsStatus") or "").strip().lower()
        if not sid or not status:
            return None
        return cls(sid[:64], status[:24], (form.get("To") or "")[:128],
                   (form.get("ErrorCode") or "").strip()[:16] or None,
                   (form.get("ErrorMessage") or "")[:500], time.time())


# --- the channel ---------------------------------------------------------------


class WhatsAppChannel:
    name = CHANNEL

    def __init__(self, settings: Settings, store: MediaStore, session: aiohttp.ClientSession):
        self.settings, self.store, self.session = settings, store, session
        sid, token = settings.twilio_account_sid or "", settings.twilio_auth_token or ""
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
        # Delivery progress: parts Twilio accepted before a failure are not sent again
        # when the outbox retries the delivery (in this process).
        self._progress: OrderedDict[tuple[int, str], int] = OrderedDict()
        # Status callbacks, until the whatsapp_status table exists: the latest per message.
        self.statuses: OrderedDict[str, MessageStatus] = OrderedDict()
        self.status_log: deque[MessageStatus] = deque(maxlen=1000)
        self.sent: OrderedDict[str, int] = OrderedDict()  # message sid -> conversation id
        if not self.sender:
            log.error("TWILIO_WHATSAPP_FROM is not set: WhatsApp replies cannot be sent")

    # --- sending ---

    async def send(self, delivery: Delivery) -> None:
        replies = tuple(r if not r.image or self._image_ok(r) else replace(r, image=None)
                        for r in delivery.replies)
        parts: list[Part] = list(messages(replies, delivery.locale))
        if not parts:
            return
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
        if not self.sender:
            raise SendError("TWILIO_WHATSAPP_FROM is not set", retry_after=CONFIG_RETRY)
        key = (delivery.conversation_id, hashlib.sha256(repr(parts).encode()).hexdigest())
        for i in range(self._progress.get(key, 0), len(parts)):
            await self._create(delivery.user_ref, parts[i], delivery.conversation_id)
            self._progress[key] = i + 1
            self._progress.move_to_end(key)
            while len(self._progress) > 1000:
                self._progress.popitem(last=False)
        self._progress.pop(key, None)

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

    async def _create(self, to: str, body: Part, conversation_id: int) -> None:
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
        try:
            async with self.session.post(self.messages_url, data=form, headers=headers,
                                         timeout=SEND_TIMEOUT, allow_redirects=False) as resp:
                status = resp.status
                info = await _json_body(resp)
                retry_after = resp.headers.get("Retry-After")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise SendError(f"twilio unreachable: {exc!r}") from exc
        if status in (200, 201):
            sid = str(info.get("sid") or "")
            if sid:
                self.sent[sid] = conversation_id
                while len(self.sent) > 10_000:
                    self.sent.popitem(last=False)
            return
        code = _int(info.get("code"))
        reason = f"twilio {status} {code or ''}: {str(info.get('message') or '')[:200]}"
        if status == 429 or code == 20429:
            raise SendError(reason, retry_after=_float(retry_after) or RATE_LIMIT_RETRY)
        if status >= 500:
            raise SendError(reason)  # the outbox backs off and tries again
        if code in UNREACHABLE_CODES:
            log.warning("whatsapp %s cannot be reached: %s", _mask(to), reason)
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
            except _Transient as exc:
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
                        raise _Transient(f"HTTP {resp.status}")
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
                raise _Transient(repr(exc)) from exc
        log.warning("whatsapp media %s: too many redirects", _short(url))
        return Refused("unavailable")

    # --- status callbacks ---

    def record_status(self, status: MessageStatus) -> None:
        """Keep the latest status of a message (never going back) and log it."""
        self.status_log.append(status)
        previous = self.statuses.get(status.message_sid)
        if previous is None or STATUS_RANK.get(status.status, 0) >= \
                STATUS_RANK.get(previous.status, 0):
            self.statuses[status.message_sid] = status
            self.statuses.move_to_end(status.message_sid)
            while len(self.statuses) > 10_000:
                self.statuses.popitem(last=False)
        if status.status in ("failed", "undelivered"):
            hint = " (outside the 24-hour window)" if status.error_code == "63016" else ""
            log.warning("whatsapp message %s to %s %s: error %s %s%s", status.message_sid,
                        _mask(status.to), status.status, status.error_code,
                        status.error_message, hint)
        else:
            log.info("whatsapp message %s %s", status.message_sid, status.status)


class _Transient(Exception):
    """A media download that may work if tried again (5xx, timeout, connection)."""


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


def _mask(address: str) -> str:
    """An owner's number in the logs, without its middle digits."""
    return re.sub(r"(\+?\d{4})\d+(\d{2})", r"\1…\2", address)


@asynccontextmanager
async def open_whatsapp(settings: Settings, store: MediaStore) -> AsyncIterator[WhatsAppChannel]:
    """The channel, with one HTTP session (Messages API and media) for its lifetime."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(),
                                     headers={"User-Agent": "tijara-whatsapp"}) as session:
        yield WhatsAppChannel(settings, store, session)
