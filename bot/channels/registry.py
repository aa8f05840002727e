"""The messaging channels this deployment has, from the settings.

The web chat and the terminal answer synchronously and are not here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from aiohttp import web

from bot.channels import telegram, whatsapp
from bot.channels.base import Channel
from bot.settings import Settings
from storage.media import MediaStore


def _configured(settings: Settings) -> list:
    """The channel packages whose credentials are set."""
    found = []
    if settings.telegram_bot_token:
        found.append(telegram)
    if settings.twilio_account_sid and settings.twilio_auth_token:
        found.append(whatsapp)
    return found


@asynccontextmanager
async def build_channels(settings: Settings, store: MediaStore,
                         ) -> AsyncIterator[dict[str, Channel]]:
    """Each configured channel, opened for the lifetime of the block."""
    channels: dict[str, Channel] = {}
    async with AsyncExitStack() as stack:
        if settings.telegram_bot_token:
            channels[telegram.CHANNEL] = await stack.enter_async_context(
                telegram.open_telegram(settings, store))
        if settings.twilio_account_sid and settings.twilio_auth_token:
            channels[whatsapp.CHANNEL] = await stack.enter_async_context(
                whatsapp.open_whatsapp(settings, store))
        yield channels


def channel_routes(settings: Settings) -> list[web.RouteDef]:
    """The webhook routes of the configured channels."""
    return [route for package in _configured(settings) for route in package.routes]
