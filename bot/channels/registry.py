"""The messaging channels this deployment has, from the settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.channels.base import Channel
from bot.settings import Settings


@asynccontextmanager
async def build_channels(settings: Settings) -> AsyncIterator[dict[str, Channel]]:
    """Each configured channel, opened for the lifetime of the block.

    The web chat and the terminal answer synchronously and are not here.
    """
    channels: dict[str, Channel] = {}
    yield channels
