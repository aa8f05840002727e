"""Telegram inbound by webhook, and the webhook's registration.

`accept` is where every update comes in, from the webhook or from polling
(polling.py): it checks the update (updates.py), answers a button press, passes a
block/unblock to the receiver, and hands a message to the receiver (bot/receive.py),
which records it (deduplicated on its message id) and starts its turn. The webhook
answers 200 once the row is committed (Telegram holds a chat's later updates until
then); a malformed update is logged and answered 200 too, so it is not sent again and
again; a database failure answers 500, so Telegram retries and nothing acknowledged is
lost.
"""

from __future__ import annotations

import hmac
import logging
import re
from typing import Any

from aiohttp import web

from bot.channels.telegram.channel import TelegramChannel, make_bot
from bot.channels.telegram.menu import set_menu_button
from bot.channels.telegram.updates import CHANNEL, parse_update
from bot.channels.untrusted import Malformed, parse_json
from bot.i18n import catalog
from bot.keys import channels_key, receiver_key, settings_key
from bot.receive import Receiver
from bot.settings import Settings, reveal

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_FORMAT = re.compile(r"[A-Za-z0-9_-]{1,256}")
ALLOWED_UPDATES = ("message", "edited_message", "callback_query", "my_chat_member")

routes = web.RouteTableDef()


async def accept(update: Any, channel: TelegramChannel, receiver: Receiver) -> str:
    """One update in; returns what was done (for logs and tests).

    Raises only when the database fails: then the update must come again.
    """
    parsed = parse_update(update)
    if parsed is None:
        log.warning("malformed telegram update ignored: %s", _outline(update))
        return "malformed"
    if parsed.callback is not None:
        channel.spawn(channel.acknowledge(parsed.callback))
    if parsed.membership is not None:
        user_ref, change = parsed.membership
        await receiver.set_reachable(CHANNEL, user_ref, change == "unblocked")
        log.info("telegram chat %s %s the bot", _mask(user_ref), change)
        return change
    if parsed.message is None:
        log.debug("telegram update %s ignored: %s", parsed.update_id, parsed.ignored)
        return "ignored"
    return await receiver.receive(parsed.message)


@routes.post(WEBHOOK_PATH)
async def webhook(request: web.Request) -> web.Response:
    app = request.app
    secret = reveal(app[settings_key].telegram_webhook_secret)
    given = request.headers.get(SECRET_HEADER, "")
    if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
        log.warning("telegram webhook refused: %s secret token",
                    "no" if not given else "wrong")
        raise web.HTTPForbidden()
    try:
        update = parse_json(await request.read())
    except Malformed:  # not JSON, or nested absurdly deep: never sent again
        log.warning("telegram webhook body is not JSON; ignored")
        return web.Response(status=200)
    channel = app[channels_key].get(CHANNEL)
    if not isinstance(channel, TelegramChannel):
        raise web.HTTPServiceUnavailable()
    await accept(update, channel, app[receiver_key])
    return web.Response(status=200)


async def set_webhook(settings: Settings, drop_pending: bool = False) -> str:
    """`tijara telegram set-webhook`: PUBLIC_BASE_URL/telegram/webhook with the secret, and
    the menu button that opens the form (menu.py)."""
    secret = reveal(settings.telegram_webhook_secret)
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
        await set_menu_button(bot, settings.public_base_url, catalog())
    print(f"telegram webhook set to {url}")
    return url


# --- logs without personal data ----------------------------------------------------


def _outline(update: Any) -> str:
    if not isinstance(update, dict):
        return type(update).__name__
    return f"update_id={update.get('update_id')!r} keys={sorted(update)[:8]}"


def _mask(user_ref: str) -> str:
    return f"…{user_ref[-4:]}"
