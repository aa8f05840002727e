"""The database as the settings describe it: a module of its own, so that a command that
needs nothing else (`tijara submissions list`, the start-up checks) does not import the
whole runtime (bot/runtime.py, which re-exports it)."""

from __future__ import annotations

from bot.settings import Settings
from storage.db import Database, Limits


def open_database(settings: Settings) -> Database:
    """The database with the settings' timeouts and pool size (close it when done)."""
    return Database(settings.database_url, Limits(
        connect_timeout=settings.db_connect_timeout,
        statement_timeout=settings.db_statement_timeout,
        pool_timeout=settings.db_pool_timeout, pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow))
