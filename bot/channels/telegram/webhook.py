"""Telegram inbound: the webhook, long polling, and webhook registration.

Both ways in feed `accept`: check the update, record it (one transaction,
deduplicated on its message id), then hand it to the dispatcher, which runs
the turn in order per chat and sends the reply through the channel. The
webhook answers 200 once the row is committed (Telegram holds a chat's later
updates until then); a malformed update is logged and answered 200 too, so it
is not sent again and again; a database failure answers 500, so Telegram
retries and nothing acknowledged is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import signal
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from telegram.error import Conflict, NetworkError, TelegramError, TimedOut

from bot.channels.telegram.channel import TelegramChannel, make_bot
from bot.channels.telegram.updates import CHANNEL, parse_update
from bot.dispatch import Dispatcher
from bot.i18n import catalog
from bot.keys import channels_key, db_key, dispatcher_key, settings_key, turns_key
from bot.settings import Settings
from bot.turns import Turns
from storage import conversations
from storage.db import Database

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")
POLL_TIMEOUT = 30  # seconds a getUpdates call waits for news
POLL_BACKOFF = 5.0

routes = web.RouteTableDef()


@dataclass(frozen=True)
class Pipeline:
    """What an update goes through once it is authentic."""

    db: Database
    turns: Turns
    dispatcher: Dispatcher
    channel: TelegramChannel


async def accept(update: Any, pipeline: Pipeline) -> str:
    """Record one update and start its turn; returns what was done (for logs and tests).

    Raises only when the database fails: then the update must come again.
    """
    parsed = parse_update(update)
    if parsed is None:
        log.warning("malformed telegram update ignored: %s", _outline(update))
        return "malformed"
    if parsed.callback is not None:
        pipeline.channel.spawn(pipeline.channel.acknowledge(parsed.callback))
    if parsed.membership is not None:
        user_ref, change = parsed.membership
        await set_reachable(pipeline.db, user_ref, change == "unblocked")
        log.info("telegram chat %s %s the bot", _mask(user_ref), change)
        return change
    msg = parsed.message
    if msg is None:
        log.debug("telegram update %s ignored: %s", parsed.update_id, parsed.ignored)
        return "ignored"
    if msg.is_start:  # /start is what Telegram sends when a blocked bot is restarted
        await set_reachable(pipeline.db, msg.user_ref, True)
    inbound_id = await pipeline.turns.record(msg)
    if inbound_id is None:
        return "duplicate"
    pipeline.dispatcher.submit(inbound_id, CHANNEL, msg.user_ref, grouped=bool(msg.group))
    return "recorded"


async def set_reachable(db: Database, user_ref: str, reachable: bool) -> None:
    """The owner blocked the bot (nothing more is sent) or came back."""
    async with db.transaction() as session:
        conv = await conversations.find(session, CHANNEL, user_ref)
        if conv is None:
            return
        if not reachable:
            await conversations.mark_unreachable(session, conv.id)
        else:
            await conversations.mark_reachable(session, conv.id)


@routes.post(WEBHOOK_PATH)
async def webhook(request: web.Request) -> web.Response:
    app = request.app
    secret = app[settings_key].telegram_webhook_secret or ""
    given = request.headers.get(SECRET_HEADER, "")
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        log.warning("telegram webhook refused: %s secret token",
                    "no" if not given else "wrong")
        raise web.HTTPForbidden()
    try:
        update = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError):
        log.warning("telegram webhook body is not JSON; ignored")
        return web.Response(status=200)
    channel = app[channels_key].get(CHANNEL)
    if not isinstance(channel, TelegramChannel):
        raise web.HTTPServiceUnavailable()
    await accept(update, Pipeline(app[db_key], app[turns_key], app[dispatcher_key], channel))
    return web.Response(status=200)


# --- long polling (development without a public URL) -----------------------------


async def poll(settings: Settings) -> None:
    """`tijara poll`: getUpdates until Ctrl-C / SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await run_polling(settings, stop)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def run_polling(settings: Settings, stop: asyncio.Event) -> None:
    """The same record-then-dispatch path as the webhook, fed by getUpdates.

    An update is confirmed to Telegram (the next offset) only once it is recorded.
    """
    from bot.channels.registry import build_channels
    from bot.outbox.worker import handlers_for, work
    from storage.db import is_sqlite
    from storage.migrate import upgrade_async

    if not settings.telegram_bot_token:
        raise SystemExit("TELEGRAM_BOT_TOKEN is not set")
    if is_sqlite(settings.database_url):
        await upgrade_async(settings.database_url)  # like `tijara serve`
    db = Database(settings.database_url)
    turns = Turns(db, catalog(), settings=settings)
    try:
        async with build_channels(settings) as channels:
            channel = channels[CHANNEL]
            assert isinstance(channel, TelegramChannel)
            handlers = handlers_for(db, settings, channels, turns)
            dispatcher = Dispatcher(db, turns, channels, handlers)
            background = [asyncio.create_task(dispatcher.recover_forever())]
            if settings.runs_embedded_worker:
                background.append(asyncio.create_task(work(db, handlers, stop)))
            try:
                await channel.bot.delete_webhook()
                log.info("polling Telegram for updates (Ctrl-C to stop)")
                await _poll_loop(Pipeline(db, turns, dispatcher, channel), stop)
            finally:
                stop.set()
                await dispatcher.drain()
                background[0].cancel()
                await asyncio.gather(*background, return_exceptions=True)
    finally:
        await db.close()


async def _poll_loop(pipeline: Pipeline, stop: asyncio.Event) -> None:
    bot = pipeline.channel.bot
    offset: int | None = None
    while not stop.is_set():
        fetch = asyncio.ensure_future(bot.get_updates(
            offset=offset, timeout=POLL_TIMEOUT, allowed_updates=list(ALLOWED_UPDATES)))
        stopping = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if fetch not in done:
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            return
        try:
            updates = fetch.result()
        except TimedOut:
            continue
        except Conflict as exc:  # another poller, or a webhook set again meanwhile
            log.error("getUpdates conflict: %s", exc.message)
            await _sleep(stop, POLL_BACKOFF)
            continue
        except NetworkError as exc:
            log.warning("getUpdates failed: %s", exc.message)
            await _sleep(stop, POLL_BACKOFF)
            continue
        for update in updates:
            try:
                await accept(json.loads(update.to_json()), pipeline)
            except Exception:  # noqa: BLE001 - the database is away: ask again later
                log.exception("could not record telegram update %s", update.update_id)
                await _sleep(stop, POLL_BACKOFF)
                break
            offset = update.update_id + 1


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


# --- registration ----------------------------------------------------------------


async def set_webhook(settings: Settings, drop_pending: bool = False) -> str:
    """`tijara telegram set-webhook`: PUBLIC_BASE_URL/telegram/webhook with the secret."""
    secret = settings.telegram_webhook_secret or ""
    if not settings.telegram_bot_token:
        raise SystemExit("TELEGRAM_BOT_TOKEN is not set")
    if not SECRET_FORMAT.fullmatch(secret):
        raise SystemExit("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")
    url = settings.public_base_url.rstrip("/") + WEBHOOK_PATH
    if not url.startswith("https://"):
        log.warning("Telegram only calls https webhooks; %s will be refused", url)
    bot = make_bot(settings)
    async with bot:
        await bot.set_webhook(url=url, secret_token=secret,
                              allowed_updates=list(ALLOWED_UPDATES),
                              drop_pending_updates=drop_pending)
    print(f"telegram webhook set to {url}")
    return url


# --- logs without personal data ----------------------------------------------------


def _outline(update: Any) -> str:
    if not isinstance(update, dict):
        return type(update).__name__
    return f"update_id={update.get('update_id')!r} keys={sorted(update)[:8]}"


def _mask(user_ref: str) -> str:
    return f"…{user_ref[-4:]}"
