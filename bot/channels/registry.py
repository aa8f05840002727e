"""The messaging channels this deployment has, from the settings.

Each messaging channel is a package built the same way (`bot/channels/<name>/`):
it exports `CHANNEL`, its webhook `routes` and `open_<name>(settings, store, pacer)`,
an async context manager yielding the `Channel` for the lifetime of the server. One
pacer (bot/channels/pacing.py) is opened here for all of them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from aiohttp import web

from bot.channels import telegram, whatsapp
from bot.channels.base import Channel
from bot.channels.pacing import Pacer, open_pacer
from bot.settings import Settings
from storage.media import MediaStore


@dataclass(frozen=True)
class Package:
    """What the registry needs of a channel package."""

    name: str
    routes: web.RouteTableDef
    open: Callable[[Settings, MediaStore, Pacer], AbstractAsyncContextManager[Channel]]


def configured(settings: Settings) -> list[Package]:
    """The channels whose credentials are set."""
    packages = []
    if settings.telegram_bot_token:
        packages.append(Package(telegram.CHANNEL, telegram.routes, telegram.open_telegram))
    if settings.twilio_account_sid and settings.twilio_auth_token:
        packages.append(Package(whatsapp.CHANNEL, whatsapp.routes, whatsapp.open_whatsapp))
    return packages


@asynccontextmanager
async def build_channels(settings: Settings, store: MediaStore,
                         ) -> AsyncIterator[dict[str, Channel]]:
    """Each configured channel, opened for the lifetime of the block.

    The web chat and the terminal answer synchronously and are not here.
    """
    async with AsyncExitStack() as stack:
        pacer = await stack.enter_async_context(open_pacer(settings))
        yield {package.name: await stack.enter_async_context(
                   package.open(settings, store, pacer))
               for package in configured(settings)}


def channel_routes(settings: Settings) -> list[web.RouteDef]:
    """The webhook routes of the configured channels."""
    return [route for package in configured(settings) for route in package.routes]
