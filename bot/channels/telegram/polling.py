"""Telegram inbound by long polling (`tijara poll`, development without a public URL).

getUpdates feeds the same `accept` as the webhook. An update is confirmed to Telegram
(the next offset) only once it is recorded; while the database is away the same
updates are asked for again after a pause.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from telegram.error import Conflict, NetworkError, TelegramError, TimedOut

from bot.channels.base import Channel
from bot.channels.telegram.channel import TelegramChannel
from bot.channels.telegram.menu import set_menu_button
from bot.channels.telegram.webhook import ALLOWED_UPDATES, accept
from bot.receive import Receiver

log = logging.getLogger(__name__)
POLL_TIMEOUT = 30  # seconds a getUpdates call waits for news
POLL_BACKOFF = 5.0


async def poll_loop(channel: Channel, receiver: Receiver, stop: asyncio.Event) -> None:
    """getUpdates until `stop`; the webhook is deleted first (Telegram allows one or the
    other), and the menu button set (menu.py)."""
    assert isinstance(channel, TelegramChannel)
    bot = channel.bot
    await bot.delete_webhook()
    try:
        await set_menu_button(bot, channel.public_base_url or "", channel.catalog)
    except TelegramError as exc:  # the menu is a convenience: polling goes on without it
        log.warning("telegram menu button not set: %s", exc)
    log.info("polling Telegram for updates (Ctrl-C to stop)")
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
                await accept(json.loads(update.to_json()), channel, receiver)
            except Exception:  # noqa: BLE001 - the database is away: ask again later
                log.exception("could not record telegram update %s", update.update_id)
                await _sleep(stop, POLL_BACKOFF)
                break
            offset = update.update_id + 1


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
