"""Telegram outbound: replies through python-telegram-bot's `Bot`, paced; media in.

Replies
- Replies in order, one `sendMessage` each, except that a reply with no keyboard,
  image or contact request is joined to the next one (a blank line between) when
  the two fit one message: fewer messages, so an owner's next answer finds the
  chat's pace unspent. A text over 4096 UTF-16 units is split at a line or word
  boundary, the keyboard going on the last part. Never a `parse_mode`: owners'
  words are sent back as plain text, `<b>` and all.
- Buttons become an inline keyboard (`callback_data` = payload, at most 64
  bytes; two per row, a long label alone on its row).
- A reply with an image (an agent's QR code) goes with `sendPhoto`: the PNG is fetched
  here from our own server (only a URL under PUBLIC_BASE_URL; any other is dropped and
  the text goes alone) and uploaded, so it works when Telegram cannot reach us (polling,
  local dev). The text is the caption when it fits (1024 units), else the text goes
  first and the photo after it; the keyboard is on the reply's last message either way.
  An image that cannot be had (after a short retry) never holds the words back: the
  text goes alone, or the link when there is no text.
- `asks_contact` (the phone question) shows a one-time reply keyboard with a
  "share my number" button; `asks_location` (the nearest town's question) one with a
  "send my location" button, handled alike ("the contact keyboard" below). Every
  later message without inline buttons carries `ReplyKeyboardRemove`. An inline
  keyboard cannot travel with that, so when the contact keyboard is open the next
  message's choices come as a one-time reply keyboard instead, replacing it in the
  same message, if each is a choice whose label typed back picks it
  (`flows.choices.LABELS`: "Passer" under the e-mail question). Otherwise (a web_app
  button, a profile name) a short "noted" line goes first to close it. A one-time
  keyboard hides itself once one of its buttons is used: a delivery answering such a
  use (`Delivery.tapped`) counts it closed.

Progress: a delivery's record (kept in its outbox row, `Delivery.progress`) is
`{"sent": parts sent, "keyboard": whether the contact keyboard was open before it,
"open": whether it is open after the parts sent, "joined": replies joined as above,
"typed": choices as a reply keyboard as above}`,
saved after each part that has another after it (the last one's record is returned,
and kept with the row's end: a single message costs no save). "keyboard" is the one
fact `plan` depends on besides the replies: taken from the previous delivery's "open"
on the first attempt and kept, so every process makes the same plan and a retry
anywhere sends only the parts not sent ("joined" or "typed" missing: a record from
before that was done, planned as then).

Pacing and errors (bot/channels/pacing.py: per process, or for all with REDIS_URL)
- Per chat about 1 message/s with short bursts (CHAT_LIMITS); per bot at most 30 in
  any 1.05 s (BOT_LIMITS): Telegram counts what arrives in a second, and 31 messages
  granted over more than 1.05 s cannot arrive within one second unless one is held up
  on the way over 50 ms; once 16 are booked in the window, at most 4 in any 0.125 s,
  so a full window never goes at one instant (clumps of 8 arrived with jitter enough
  to break 30/s on a loaded machine: tests/integration/test_pacing.py). A bot far
  from its limit sends at once.
  The keyboard taken off a pressed message (editMessageReplyMarkup) is paced alike
  under a key of its own: it is no message, and a reply must not wait for it. The
  waits happen here, never inside a database transaction.
- 429: the chat is held for `retry_after` (in every process; 429s on FLOOD_KEYS chats
  within 2 s hold the whole bot: that is Telegram's bot-wide limit). A short wait
  (<= 3 s) is taken in place so the delivery keeps its order, a longer one raises
  `SendError(retry_after=...)` and the outbox tries again then.
- 403 (blocked, deactivated) and "chat not found": `SendError(unreachable=True)`.
- Network errors and timeouts: `SendError`, retried by the outbox with backoff.
- Another 400 on a message with a keyboard: sent once more without it (the
  owner can type the choice); without a keyboard, `SendError`.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import warnings
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import aiohttp
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    WebAppInfo,
)
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from yarl import URL

from bot.channels.base import Delivery, SendError, Transient, own_url
from bot.channels.pacing import LocalPacer, Pacer
from bot.channels.telegram.request import AiohttpRequest
from bot.channels.telegram.updates import CALLBACK_DATA_MAX, CHANNEL, FILE_LIMIT, Callback
from bot.channels.text import split_text, units
from bot.i18n import Catalog, Rendered, catalog
from bot.settings import Settings, reveal
from flows.choices import LABELS
from flows.forms import OFFERS
from flows.model import Msg
from storage import media as media_pipeline
from storage.media import MediaStore, Refused, StoredFile

log = logging.getLogger(__name__)

TEXT_LIMIT = 4096  # UTF-16 code units per message
CAPTION_LIMIT = 1024  # UTF-16 code units per photo caption
PHOTO_LIMIT = 10 * 1024 * 1024  # sendPhoto's upload limit
IMAGE_TIMEOUT = aiohttp.ClientTimeout(total=20, connect=5)
IMAGE_ATTEMPTS = 2
# (count, seconds): at most count messages in any seconds (bot/channels/pacing.py).
# Per chat: Telegram allows about 1/s with short bursts: a burst of 4, 6 in 3 s (within a
# bucket of 1/s and 5 at once), 10 in 10 s.
CHAT_LIMITS = ((4, 1.1), (6, 3.0), (10, 10.0))
# Per bot: Telegram's 30/s, the window 50 ms longer than a second for the jitter of the
# way there (measured: benchmarks/pacing.py); drains at 30/1.05 = 28.6/s when saturated
# (a window of 1.1 s drained at 26.9/s in the fleet test, under the 27/s it asks). The
# 4-in-0.125 s smoothing only once 24 are booked in the window: below that at most 24 go
# at one instant, and replies to owners are never spaced out for a limit they are far
# from (at 16, 30 chats at a human pace, about 15 messages/s, already waited up to
# 125 ms: first reply p99, README, benchmarks/channels.py). Sends up to 50 ms late still
# keep 30 in any second (tests/unit/test_pacing_window.py).
BOT_LIMITS = ((30, 1.05), (4, 0.125, 24))
MAX_WAIT_IN_PLACE = 3.0  # seconds: a longer 429 goes back to the outbox
IN_PLACE_RETRIES = 2
WIDE_LABEL = 16  # characters: a longer button label gets a row of its own
DOWNLOAD_TIMEOUT = 60.0
DOWNLOAD_ATTEMPTS = 3

SHARE_CONTACT_KEY = "tg_share_contact"
SHARE_LOCATION_KEY = "tg_share_location"
NOTED_KEY = "tg_noted"


@dataclass(frozen=True)
class Outgoing:
    """One sendMessage call of a delivery."""

    text: str
    markup: Any = None  # InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None
    photo: str | None = None  # an image URL of ours: sendPhoto, with `text` as its caption


# --- texts and keyboards ----------------------------------------------------------

# Questions under which the Mini App's form is offered (a web_app button).
FORM_OFFERS = frozenset(OFFERS)
# Choices whose every label, typed, picks them (flows.choices.read_choice): these can
# be reply-keyboard buttons, which send their label as text.
TYPED_BACK = frozenset(LABELS.values())


def inline_keyboard(buttons: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup | None:
    rows = _rows(buttons, lambda label, payload: InlineKeyboardButton(
        label, callback_data=payload))
    return InlineKeyboardMarkup(rows) if rows else None


def typed_keyboard(buttons: tuple[tuple[str, str], ...]) -> ReplyKeyboardMarkup | None:
    """The choices as a one-time reply keyboard (each button sends its label), or None
    if one of them would not be read back as its choice."""
    if not buttons or any(payload not in TYPED_BACK for _, payload in buttons):
        return None
    rows = _rows(buttons, lambda label, payload: KeyboardButton(label))
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)


def _rows(buttons: tuple[tuple[str, str], ...], make: Callable[[str, str], Any]) -> list[list]:
    """Two buttons a row, a long label alone on its row."""
    rows: list[list] = []
    row: list = []
    for label, payload in buttons:
        if not payload or len(payload.encode()) > CALLBACK_DATA_MAX:
            log.warning("button %r dropped: its payload is over %d bytes", payload[:80],
                        CALLBACK_DATA_MAX)
            continue
        label = " ".join((label or payload).split())
        button = make(label, payload)
        if len(label) > WIDE_LABEL:
            if row:
                rows.append(row)
                row = []
            rows.append([button])
            continue
        row.append(button)
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def contact_keyboard(label: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup([[KeyboardButton(label, request_contact=True)]],
                               resize_keyboard=True, one_time_keyboard=True)


def location_keyboard(label: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup([[KeyboardButton(label, request_location=True)]],
                               resize_keyboard=True, one_time_keyboard=True)


def retry_seconds(exc: RetryAfter) -> float:
    value = getattr(exc, "_retry_after", None)  # PTB >= 22.2 keeps a timedelta
    if value is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# --- the channel -------------------------------------------------------------------


class TelegramChannel:
    name = CHANNEL

    def __init__(self, bot: Bot, store: MediaStore, words: Catalog | None = None, *,
                 public_base_url: str | None = None,
                 http: aiohttp.ClientSession | None = None, pacer: Pacer | None = None):
        self.bot, self.store = bot, store
        self.catalog = words or catalog()
        # Images are fetched only from here (None: no image is ever fetched).
        self.public_base_url = public_base_url
        self._http, self._owns_http = http, False
        self.pacer = pacer or LocalPacer()
        # The bot's pacing key: its token's hash (several bots may share a Redis).
        self.bot_key = "tg:" + hashlib.sha256(bot.token.encode()).hexdigest()[:16]
        self._bot_pace, self._chat_pace = BOT_LIMITS, CHAT_LIMITS
        self._tasks: set[asyncio.Task] = set()

    # --- sending ---

    async def send(self, delivery: Delivery) -> dict:
        try:
            chat_id = int(delivery.user_ref)
        except ValueError:
            raise SendError(f"not a Telegram chat id: {delivery.user_ref[:40]!r}",
                            unreachable=True) from None
        progress = dict(delivery.progress or {})
        if "keyboard" not in progress:  # the first attempt: the plan's facts, kept from now
            progress["keyboard"] = bool((delivery.previous or {}).get("open")) \
                and not delivery.tapped
            progress["joined"] = progress["typed"] = True
        plan = self.plan(delivery, keyboard_open=progress["keyboard"],
                         join=bool(progress.get("joined")), typed=bool(progress.get("typed")))
        chat_key = f"{self.bot_key}:chat:{chat_id}"
        first = progress.get("sent", 0)
        for index in range(first, len(plan)):
            if index > first and delivery.save is not None:
                await delivery.save(dict(progress))  # before the next part: never sent twice
            await self._deliver(chat_id, chat_key, plan[index])
            markup = plan[index].markup
            progress["sent"] = index + 1
            progress["open"] = isinstance(markup, ReplyKeyboardMarkup) or (
                progress.get("open", progress["keyboard"])
                and not isinstance(markup, ReplyKeyboardRemove))
        return progress

    def plan(self, delivery: Delivery, *, keyboard_open: bool = False, join: bool = True,
             typed: bool = True) -> list[Outgoing]:
        """The sendMessage / sendPhoto calls for a delivery: the same in every process for
        the same replies, `keyboard_open` (whether the contact keyboard shows), `join`
        (replies joined) and `typed` (choices replacing it as a reply keyboard)."""
        out: list[Outgoing] = []
        shown = keyboard_open
        replies = _joined(delivery.replies, keyboard_open, typed) if join else delivery.replies
        asking = [i for i, r in enumerate(replies) if r.asks_contact or r.asks_location]
        for i, reply in enumerate(replies):
            markup = self._markup(reply, delivery.locale)
            if isinstance(markup, ReplyKeyboardRemove) and asking and asking[-1] > i:
                markup = None  # the contact keyboard comes again in this delivery
            if isinstance(markup, InlineKeyboardMarkup) and shown and typed:
                markup = self._typed_markup(reply) or markup
            if isinstance(markup, InlineKeyboardMarkup) and shown:
                out.append(Outgoing(self.catalog.text(delivery.locale, Msg(NOTED_KEY)),
                                    ReplyKeyboardRemove()))
                shown = False
            if isinstance(markup, ReplyKeyboardMarkup):
                shown = True
            elif isinstance(markup, ReplyKeyboardRemove):
                shown = False
            image = self._image_url(reply)
            if image is not None:
                caption = split_text(reply.text, CAPTION_LIMIT)
                if len(caption) <= 1:  # the text fits under the photo
                    out.append(Outgoing(caption[0] if caption else "", markup, image))
                else:  # the text first, then the photo, carrying the keyboard
                    out.extend(Outgoing(part) for part in split_text(reply.text, TEXT_LIMIT))
                    out.append(Outgoing("", markup, image))
                continue
            parts = split_text(reply.text, TEXT_LIMIT) or ["…"]
            out.extend(Outgoing(part) for part in parts[:-1])
            out.append(Outgoing(parts[-1], markup))
        return out

    def _image_url(self, reply: Rendered) -> str | None:
        if not reply.image:
            return None
        if self.public_base_url and own_url(self.public_base_url, reply.image):
            return reply.image
        log.warning("reply %s: image %s is not under PUBLIC_BASE_URL; text only", reply.key,
                    reply.image[:200])
        return None

    def _markup(self, reply: Rendered, locale: str):
        if reply.asks_contact:
            label = self.catalog.text(locale, Msg(SHARE_CONTACT_KEY))
            return contact_keyboard(label)  # choices, if any, can still be typed
        if reply.asks_location:
            return location_keyboard(self.catalog.text(locale, Msg(SHARE_LOCATION_KEY)))
        markup = inline_keyboard(reply.buttons)
        form = self._form_button(reply, locale)
        if form is not None:  # the Mini App (bot/channels/forms.py), under the choices
            return InlineKeyboardMarkup([*(markup.inline_keyboard if markup else ()), [form]])
        return markup or ReplyKeyboardRemove()

    def _typed_markup(self, reply: Rendered) -> ReplyKeyboardMarkup | None:
        """The choices of a reply that replaces the contact keyboard in its own message."""
        if self._form_button(reply, "fr") is not None:
            return None  # a web_app button: inline only here
        return typed_keyboard(reply.buttons)

    def _form_button(self, reply: Rendered, locale: str) -> InlineKeyboardButton | None:
        """The first question of the business and of a product also opens the form; a Mini
        App needs an https address, so only where PUBLIC_BASE_URL is one."""
        base = self.public_base_url or ""
        if reply.key not in FORM_OFFERS or not base.startswith("https://"):
            return None
        return InlineKeyboardButton(self.catalog.text(locale, Msg("form_ui_open")),
                                    web_app=WebAppInfo(f"{base.rstrip('/')}/telegram/form"))

    async def _deliver(self, chat_id: int, chat_key: str, item: Outgoing) -> None:
        waited = 0
        photo = await self._fetch_image(item.photo) if item.photo else None
        if item.photo and photo is None:
            item = _without_photo(item)
        while True:
            await self.pacer.take(chat_key, self._chat_pace)
            await self.pacer.take(self.bot_key, self._bot_pace)
            try:
                if photo is not None:
                    await self.bot.send_photo(
                        chat_id, InputFile(photo, filename=URL(item.photo or "").name
                                           or "image.png"),
                        caption=item.text or None, reply_markup=item.markup)
                else:
                    await self.bot.send_message(chat_id, item.text, reply_markup=item.markup)
                return
            except RetryAfter as exc:
                seconds = retry_seconds(exc)
                await self.pacer.hold(chat_key, seconds, flood=self.bot_key)
                if seconds <= MAX_WAIT_IN_PLACE and waited < IN_PLACE_RETRIES:
                    waited += 1
                    log.info("telegram 429 for a chat: waiting %.1f s in place", seconds)
                    continue
                raise SendError(f"telegram 429: retry after {seconds:g} s",
                                retry_after=seconds) from exc
            except Forbidden as exc:
                raise SendError(f"telegram 403: {exc.message}", unreachable=True) from exc
            except BadRequest as exc:
                text = exc.message.lower()
                if "chat not found" in text or "user not found" in text:
                    raise SendError(f"telegram 400: {exc.message}", unreachable=True) from exc
                if photo is not None:
                    log.error("telegram refused a photo (%s); sending the text alone",
                              exc.message)
                    photo, item = None, _without_photo(item)
                    continue
                if item.markup is not None and not isinstance(item.markup, ReplyKeyboardRemove):
                    log.error("telegram refused a keyboard (%s); sending the text alone",
                              exc.message)
                    item = replace(item, markup=None)
                    continue
                raise SendError(f"telegram 400: {exc.message}") from exc
            except NetworkError as exc:  # includes TimedOut; the outbox backs off
                raise SendError(f"telegram network error: {exc.message}") from exc
            except TelegramError as exc:
                raise SendError(f"telegram error: {exc.message}") from exc

    async def _fetch_image(self, url: str) -> bytes | None:
        """An image's bytes from our own server (checked in `plan`), or None if it cannot
        be had: then the words go without it rather than wait for it."""
        for attempt in range(1, IMAGE_ATTEMPTS + 1):
            try:
                async with self._session().get(url, allow_redirects=False,
                                               timeout=IMAGE_TIMEOUT) as resp:
                    if resp.status >= 500 or resp.status == 429:
                        raise Transient(f"HTTP {resp.status}")
                    if resp.status != 200 or not resp.content_type.startswith("image/"):
                        log.error("image %s: HTTP %s %s; text only", url[:200], resp.status,
                                  resp.content_type)
                        return None
                    chunks, size = [], 0
                    async for chunk in resp.content.iter_chunked(64 * 1024):
                        size += len(chunk)
                        if size > PHOTO_LIMIT:
                            log.error("image %s: over %d bytes; text only", url[:200],
                                      PHOTO_LIMIT)
                            return None
                        chunks.append(chunk)
                    return b"".join(chunks) or None
            except (Transient, aiohttp.ClientError, TimeoutError) as exc:
                log.warning("image %s: %r (attempt %d)", url[:200], exc, attempt)
                if attempt < IMAGE_ATTEMPTS:
                    await asyncio.sleep(0.5 * attempt)
        log.error("image %s could not be fetched; text only", url[:200])
        return None

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar(),
                                               headers={"User-Agent": "tijara-telegram"})
            self._owns_http = True
        return self._http

    # --- button presses ---

    async def acknowledge(self, callback: Callback) -> None:
        """Answer a button press (always: the client shows a spinner until we do), and take
        the keyboard off the message it came from, so a passed question cannot be answered
        twice."""
        try:
            await self.bot.answer_callback_query(callback.query_id)
        except TelegramError as exc:  # too old, or answered already
            log.info("answerCallbackQuery failed: %s", exc)
        if callback.chat_id is None or callback.message_id is None:
            return
        try:
            # Paced apart from the messages (Telegram's 30/s counts messages; the stand-in
            # likewise): a reply never queues behind the keyboard taken off the last one.
            await self.pacer.take(f"{self.bot_key}:edits", self._bot_pace)
            await self.bot.edit_message_reply_markup(chat_id=callback.chat_id,
                                                     message_id=callback.message_id)
        except TelegramError as exc:  # "message is not modified", too old...
            log.debug("editMessageReplyMarkup failed: %s", exc)

    def spawn(self, coro: Coroutine) -> asyncio.Task:
        """Run side work (answering a button) without holding up the webhook's answer."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # --- media ---

    async def fetch_media(self, ref: dict) -> StoredFile | Refused:
        kind, file_id = ref.get("kind"), ref.get("file_id")
        if not isinstance(file_id, str) or not file_id or kind not in ("photo", "audio"):
            return Refused("not_image")
        ingest_audio = getattr(media_pipeline, "ingest_audio", None)
        if kind == "audio" and ingest_audio is None:
            return Refused("not_image")  # this deployment keeps no voice notes yet
        size = ref.get("size")
        if isinstance(size, int) and size > FILE_LIMIT:
            return Refused("too_large")
        data = await self._download(file_id)
        if isinstance(data, Refused):
            return data
        if kind == "photo":
            return await media_pipeline.ingest_photo(self.store, data)
        return await ingest_audio(self.store, data, ref.get("mime") or None)

    async def _download(self, file_id: str) -> bytes | Refused:
        for attempt in range(1, DOWNLOAD_ATTEMPTS + 1):
            try:
                file = await self.bot.get_file(file_id)
                if file.file_size and file.file_size > FILE_LIMIT:
                    return Refused("too_large")
                return bytes(await file.download_as_bytearray(read_timeout=DOWNLOAD_TIMEOUT))
            except BadRequest as exc:  # "file is too big", "wrong file_id"...
                log.info("telegram file not downloadable: %s", exc.message)
                return Refused("too_large" if "too big" in exc.message.lower()
                               else "not_image")
            except RetryAfter as exc:
                if attempt == DOWNLOAD_ATTEMPTS:
                    raise
                await asyncio.sleep(min(retry_seconds(exc), MAX_WAIT_IN_PLACE))
            except NetworkError:
                if attempt == DOWNLOAD_ATTEMPTS:
                    raise  # the turn is not processed; recovery tries it again later
                await asyncio.sleep(0.5 * attempt)
        raise AssertionError("unreachable")

    # --- lifecycle ---

    async def close(self) -> None:
        if self._tasks:
            _, late = await asyncio.wait(list(self._tasks), timeout=5)
            for task in late:
                task.cancel()
            with suppress(asyncio.CancelledError):
                await asyncio.gather(*late, return_exceptions=True)
        if self._owns_http and self._http is not None:
            await self._http.close()


def _joined(replies: tuple[Rendered, ...], keyboard_open: bool, typed: bool = True,
            ) -> tuple[Rendered, ...]:
    """The replies with each plain one (no keyboard, image or contact request) joined to
    the next, a blank line between, when the text fits one message and the next carries
    no image. Never to inline buttons while the contact keyboard may show: there the
    plain reply is what closes it (see `plan`); choices that replace it as a reply
    keyboard (`typed`) are no such buttons."""
    out: list[Rendered] = []
    contact = keyboard_open
    for reply in replies:
        last = out[-1] if out else None
        inline = bool(reply.buttons) and not (
            typed and reply.key not in FORM_OFFERS and typed_keyboard(reply.buttons))
        if (last is not None and _plain(last) and not reply.image
                and not (contact and inline)):
            text = "\n\n".join(t for t in (last.text, reply.text) if t)
            if units(text) <= TEXT_LIMIT:
                out[-1] = replace(reply, text=text)
                contact = contact or reply.asks_contact or reply.asks_location
                continue
        contact = contact or reply.asks_contact or reply.asks_location
        out.append(reply)
    return tuple(out)


def _plain(reply: Rendered) -> bool:
    return not (reply.buttons or reply.image or reply.asks_contact or reply.asks_location)


def _without_photo(item: Outgoing) -> Outgoing:
    """The message without its image: its caption as text, or the link when it had none."""
    return Outgoing(item.text or item.photo or "…", item.markup)


def make_bot(settings: Settings) -> Bot:
    if not settings.telegram_bot_token:
        raise RuntimeError("TELEGRAM_BOT_TOKEN is not set")
    return Bot(reveal(settings.telegram_bot_token),
               base_url=settings.telegram_api_base_url,
               base_file_url=settings.telegram_file_base_url,
               request=AiohttpRequest(pool_size=64, read_timeout=10.0),
               get_updates_request=AiohttpRequest(pool_size=2, read_timeout=5.0))


@asynccontextmanager
async def open_telegram(settings: Settings, store: MediaStore, pacer: Pacer | None = None,
                        ) -> AsyncIterator[TelegramChannel]:
    """The channel for the lifetime of the block: the Bot initialised (getMe) and shut down;
    paced by `pacer` (shared with the other channels), this process's own if None."""
    bot = make_bot(settings)
    try:
        await bot.initialize()
    except InvalidToken:
        await bot.shutdown()
        raise
    except TelegramError as exc:  # Telegram unreachable right now: requests will retry
        log.warning("telegram getMe failed at start (%s); continuing", exc)
    channel = TelegramChannel(bot, store, public_base_url=settings.public_base_url,
                              pacer=pacer)
    try:
        yield channel
    finally:
        await channel.close()
        await bot.shutdown()
