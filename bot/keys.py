"""Typed keys for what the aiohttp application holds (all of it built by bot/runtime.py)."""

from aiohttp import web

from bot.channels.base import Channel
from bot.dispatch import Dispatcher
from bot.i18n import Catalog
from bot.receive import Receiver
from bot.settings import Settings
from bot.signing import Signer
from bot.turns import Turns
from storage.db import Database
from storage.media import MediaStore

settings_key = web.AppKey("settings", Settings)
db_key = web.AppKey("db", Database)
catalog_key = web.AppKey("catalog", Catalog)
turns_key = web.AppKey("turns", Turns)
media_key = web.AppKey("media", MediaStore)
signer_key = web.AppKey("signer", Signer)
channels_key = web.AppKey("channels", dict[str, Channel])
dispatcher_key = web.AppKey("dispatcher", Dispatcher)
receiver_key = web.AppKey("receiver", Receiver)
