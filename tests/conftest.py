"""Shared fixtures: a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import logging
import os
import uuid

import pytest
import sqlalchemy as sa

from bot import logs
from bot.app import create_app
from bot.settings import Settings
from storage.db import Database, is_sqlite
from storage.migrate import upgrade_async
from tests.fakes.s3 import CREDENTIALS, S3Server, S3Target
from tests.helpers import required

PG_URL = os.environ.get("TEST_DATABASE_URL")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the engine's current answers")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "db_url" in getattr(item, "fixturenames", ()) and "postgres" in item.nodeid:
            item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """CI asks for PostgreSQL: a run where its tests were skipped must not pass."""
    if not os.environ.get("REQUIRE_POSTGRES"):
        return
    ran = [r for r in terminalreporter.stats.get("passed", []) if "postgres" in r.nodeid]
    if not ran:
        terminalreporter.write_line("REQUIRE_POSTGRES is set but no PostgreSQL test ran",
                                    red=True)
        terminalreporter._session.exitstatus = 1


# Each test run gets a schema of its own, so runs side by side never see each other's rows.
PG_SCHEMA = f"tijara_test_{os.getpid()}"


async def _reset_postgres(url: str) -> None:
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        await conn.execute(sa.text(f"CREATE SCHEMA {PG_SCHEMA}"))
    await db.close()


def pytest_sessionfinish(session, exitstatus):
    if PG_URL:
        import asyncio

        async def drop():
            db = Database(PG_URL)
            async with db.engine.begin() as conn:
                await conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
            await db.close()

        asyncio.run(drop())


@pytest.fixture(autouse=True)
def _logging_as_pytest_set_it():
    """A test that runs `tijara` in-process (bot.cli.main) sets up the process's logging;
    the next test starts again with pytest's own."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if isinstance(h, logs.StderrHandler)]:
        root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture(params=["sqlite", "postgres"])
async def db_url(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'tijara.db'}"
    else:
        required("PostgreSQL", None if PG_URL else "TEST_DATABASE_URL is not set")
        await _reset_postgres(PG_URL)
        url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}search_path={PG_SCHEMA}"
    await upgrade_async(url)
    return url


@pytest.fixture
async def db(db_url):
    database = Database(db_url)
    yield database
    await database.close()


@pytest.fixture(scope="session")
def s3_server():
    """One S3-protocol server (moto's, on loopback) for the whole run."""
    try:
        server = S3Server()
    except ImportError as error:  # moto[server] is a test extra
        required("An S3 server", f"moto[server] not installed: {error}")
    yield server
    server.stop()


@pytest.fixture
def s3_store_url(s3_server, monkeypatch) -> S3Target:
    """A bucket of this test's own: `(endpoint_url, "s3://bucket/prefix")`, with the AWS_*
    credentials in the environment (for `tijara` processes a test starts); `.settings()`
    is the Settings update that points MEDIA_STORE at it."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    return s3_server.new_target()


@pytest.fixture
def settings(tmp_path, db_url) -> Settings:
    return Settings(database_url=db_url, media_root=tmp_path / "media", var_dir=tmp_path,
                    secret_key="test-secret", public_base_url="http://testserver")


@pytest.fixture
async def client(aiohttp_client, settings, db):
    return await aiohttp_client(create_app(settings, db))


@pytest.fixture
async def redis_prefix():
    """A Redis key prefix of the test's own (REDIS_URL: TEST_REDIS_URL, or the local one),
    its keys deleted afterwards. Redis away: the test fails under REQUIRE_POSTGRES or CI
    (shared limits must be tested there), else it is skipped."""
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        await client.ping()
    except Exception as error:  # noqa: BLE001 - any failure means no Redis
        await client.aclose()
        required("Redis", f"unreachable at {REDIS_URL}: {error}")
    prefix = f"tijara-test:{uuid.uuid4().hex}:"
    yield prefix
    keys = [key async for key in client.scan_iter(match=f"{prefix}*", count=500)]
    if keys:
        await client.delete(*keys)
    await client.aclose()


def sqlite_only(url: str) -> bool:
    return is_sqlite(url)
