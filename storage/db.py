"""The database: one async engine, and the unit of work every change goes through.

Repository functions (storage/*.py) take a session and never commit; the
unit of work commits once, so the inbound dedupe row, the conversation
state, the draft and any outbox rows land together or not at all.

SQLite (the embedded default) runs every transaction as BEGIN IMMEDIATE:
writers queue on the database lock instead of failing halfway through a
turn, which is what a row lock gives us on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import Session

from storage.funnel import keep_stages

T = TypeVar("T")

# Every unit of work keeps the funnel's columns of the conversations it touches.
event.listen(Session, "after_flush", keep_stages)


def async_url(url: str) -> str:
    """Accept the plain URLs people write and pick the async driver."""
    parsed = make_url(url)
    driver = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg",
              "postgres": "postgresql+asyncpg"}.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def shown(url: str) -> str:
    """A database URL fit for a log or an error line: its password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


@dataclass(frozen=True)
class Limits:
    """How long to wait for the database, and how many connections to hold (PostgreSQL).

    Each process holds up to `pool_size + max_overflow` connections: keep that times the
    number of processes under the server's `max_connections` (100 by default).
    """

    connect_timeout: float = 5.0  # seconds to open a connection
    statement_timeout: float = 15.0  # seconds one statement may take, stalls included
    pool_timeout: float = 10.0  # seconds to wait for a free connection of the pool
    pool_size: int = 10
    max_overflow: int = 10


def make_engine(url: str, limits: Limits = Limits(), **kwargs) -> AsyncEngine:
    url = async_url(url)
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        _serialise_sqlite_writers(engine)
        return engine
    parsed = make_url(url)
    connect_args = kwargs.setdefault("connect_args", {})
    schema = parsed.query.get("search_path")
    if schema:  # our own URL parameter: a schema of one's own (tests running side by side)
        url = parsed.difference_update_query(["search_path"]).render_as_string(
            hide_password=False)
        connect_args["server_settings"] = {"search_path": schema}
    # asyncpg's own clocks: a refused or stalled server fails the statement, it does not
    # hang the request (or the worker) for as long as the stall lasts.
    connect_args.setdefault("timeout", limits.connect_timeout)
    connect_args.setdefault("command_timeout", limits.statement_timeout)
    kwargs.setdefault("pool_size", limits.pool_size)
    kwargs.setdefault("max_overflow", limits.max_overflow)
    kwargs.setdefault("pool_timeout", limits.pool_timeout)
    # No pre-ping (it costs a BEGIN/ROLLBACK per checkout, a third of a turn's CPU): a
    # connection the server dropped fails its statement once, SQLAlchemy then throws away
    # every pooled connection older than that failure, and the caller that can wait (the
    # webhook's spool, the dispatcher, the worker, the web chat's 503) asks again.
    kwargs.setdefault("pool_recycle", 300)
    return create_async_engine(url, **kwargs)


def _serialise_sqlite_writers(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def unavailable(error: BaseException) -> bool:
    """Whether an error means the database is away (no connection, a dropped one, a stall
    that ran out its clock) rather than a statement it refused: callers that can wait (the
    worker, a webhook's spool) wait on these and only these."""
    if isinstance(error, exc.DBAPIError):
        return error.connection_invalidated or isinstance(
            error, exc.OperationalError | exc.InterfaceError) or unavailable_cause(error)
    return isinstance(error, exc.TimeoutError | TimeoutError | OSError)


def unavailable_cause(error: exc.DBAPIError) -> bool:
    cause = error.orig.__cause__ if error.orig is not None else None
    return isinstance(cause, TimeoutError | OSError) or type(error.orig).__name__ in (
        "ConnectionDoesNotExistError", "InterfaceError", "CannotConnectNowError",
        "ConnectionFailureError", "TooManyConnectionsError")


class Database:
    def __init__(self, url: str, limits: Limits = Limits(), **engine_kwargs):
        self.url = url
        self.engine = make_engine(url, limits, **engine_kwargs)
        self.sqlite = is_sqlite(url)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commits when the block ends normally, rolls back otherwise."""
        async with self.sessions() as session, session.begin():
            yield session

    async def ping(self, timeout: float = 1.0) -> bool:
        """Whether the database answers within `timeout` seconds (a stalled one does not)."""
        try:
            await self.probe(timeout)
            return True
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return False

    async def probe(self, timeout: float) -> None:
        """SELECT 1 within `timeout` seconds, or the error that prevented it."""
        await within(self._select_one(), timeout)

    async def _select_one(self) -> None:
        async with self.engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")

    async def close(self) -> None:
        await self.engine.dispose()


async def within(work: Awaitable[T], timeout: float) -> T:
    """`work`'s result, or TimeoutError after `timeout` seconds, at once: unlike
    `asyncio.wait_for`, it does not wait for the cancelled work to wind down (a driver
    cancelling a statement on a stalled connection waits on that connection too).
    Work that overruns finishes in the background, on its own clocks."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=timeout)
    if task in done:
        return task.result()
    task.add_done_callback(_forget)
    raise TimeoutError(f"no answer from the database within {timeout:g} s")


def _forget(task: asyncio.Future) -> None:
    if not task.cancelled():
        task.exception()  # retrieved: an overrun's failure was already reported as a timeout
