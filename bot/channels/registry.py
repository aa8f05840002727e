"""The messaging channels this deployment has, from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from aiohttp import web

from bot.channels.base import Channel
from bot.settings import Settings
from storage.media import LocalMediaStore


@asynccontextmanager
async def build_channels(settings: Settings) -> AsyncIterator[dict[str, Channel]]:
    """Each configured channel, opened for the lifetime of the block.

    The web chat and the terminal answer synchronously and are not here.
    """
    channels: dict[str, Channel] = {}
    store = LocalMediaStore(settings.media_root)
    async with AsyncExitStack() as stack:
        if settings.telegram_bot_token:
            from bot.channels.telegram import open_telegram

            channels["telegram"] = await stack.enter_async_context(open_telegram(settings, store))
        if settings.twilio_account_sid and settings.twilio_auth_token:
            from bot.channels.whatsapp import open_whatsapp

            channels["whatsapp"] = await stack.enter_async_context(open_whatsapp(settings, store))
        yield channels


def channel_routes(settings: Settings) -> list[web.RouteDef]:
    """The webhook routes of the configured channels."""
    routes: list[web.RouteDef] = []
    if settings.telegram_bot_token:
        from bot.channels import telegram

        routes.extend(telegram.routes)
    if settings.twilio_account_sid and settings.twilio_auth_token:
        from bot.channels import whatsapp

        routes.extend(whatsapp.routes)
    return routes
