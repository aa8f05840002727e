"""The composition root: every service of a process is built here, once.

`tijara serve` (bot/app.py), `tijara worker`, `tijara poll` and `tijara chat` all
start from `open_runtime`, which builds, from the settings alone: the database, the
catalog of sentences, the media store and export folder (local disk, or the bucket of
MEDIA_STORE=s3://... that every machine shares) and link signer, the turn service, the
configured channels (opened for the block's lifetime), the outbox handlers, the
dispatcher and the receiver every channel hands its messages to. Nothing else in the
code reads the environment or builds one of these.

    settings ─► Database ─► Turns(catalog) ─► channels ─► handlers ─► Dispatcher ─► Receiver
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.channels.base import Channel
from bot.channels.registry import build_channels
from bot.channels.telegram.polling import poll_loop
from bot.database import open_database
from bot.dispatch import Dispatcher
from bot.i18n import Catalog, catalog
from bot.outbox.handler import Handlers
from bot.outbox.worker import Heartbeat, handlers_for, work
from bot.probes import serving, worker_app
from bot.receive import Receiver
from bot.settings import Settings, reveal
from bot.signing import Signer
from bot.turns import Turns
from storage.db import Database, is_sqlite
from storage.exports import ExportFolder, LocalExportFolder
from storage.media import LocalMediaStore, MediaStore
from storage.migrate import upgrade_async
from storage.s3 import S3ExportFolder, S3MediaStore, open_bucket
from storage.spool import Spool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    db: Database
    catalog: Catalog
    media: MediaStore
    exports: ExportFolder
    signer: Signer
    turns: Turns
    channels: dict[str, Channel]
    handlers: Handlers
    dispatcher: Dispatcher
    receiver: Receiver


@asynccontextmanager
async def open_runtime(settings: Settings, *, db: Database | None = None,
                       channels: bool = True) -> AsyncIterator[Runtime]:
    """Every service, open for the block. A `db` passed in stays the caller's to close;
    `channels=False` opens no messaging channel (the terminal needs none)."""
    database = db or open_database(settings)
    try:
        async with open_files(settings) as (media, exports), \
                _channels(settings, media, channels) as opened:
            texts = catalog()
            turns = Turns(database, texts, settings)
            handlers = handlers_for(database, settings, opened, turns, media, exports)
            dispatcher = Dispatcher(database, turns, opened, handlers)
            yield Runtime(settings, database, texts, media, exports,
                          Signer(settings.secret, settings.public_base_url), turns, opened,
                          handlers, dispatcher,
                          Receiver(database, turns, dispatcher, Spool(settings.spool)))
    finally:
        if db is None:
            await database.close()


@asynccontextmanager
async def open_files(settings: Settings) -> AsyncIterator[tuple[MediaStore, ExportFolder]]:
    """The media store and the export folder: MEDIA_ROOT and VAR_DIR/exports on this
    machine, or with MEDIA_STORE=s3://bucket[/prefix] one bucket for every machine."""
    if not settings.media_store:
        yield LocalMediaStore(settings.media_root), LocalExportFolder(settings.var_dir / "exports")
        return
    async with open_bucket(settings.media_store, endpoint_url=settings.aws_endpoint_url,
                           region=settings.aws_region,
                           access_key_id=settings.aws_access_key_id,
                           secret_access_key=reveal(settings.aws_secret_access_key)) as bucket:
        yield S3MediaStore(bucket), S3ExportFolder(bucket)


@asynccontextmanager
async def _channels(settings: Settings, media: MediaStore,
                    wanted: bool) -> AsyncIterator[dict[str, Channel]]:
    if not wanted:
        yield {}
        return
    async with build_channels(settings, media) as channels:
        yield channels


@asynccontextmanager
async def background(rt: Runtime) -> AsyncIterator[asyncio.Event]:
    """What runs beside a process that receives messages: recovery of acknowledged turns
    never processed (a process died), the replay of messages spooled while the database
    was away (left by this process or one that died), and on the embedded setup the
    outbox worker. The event it yields stops them; leaving the block finishes the turns
    in hand."""
    stop = asyncio.Event()
    tasks = [asyncio.create_task(rt.dispatcher.recover_forever()),
             asyncio.create_task(rt.receiver.replay_forever())]
    if rt.settings.runs_embedded_worker:
        tasks.append(asyncio.create_task(work(rt.db, rt.handlers, stop)))
    try:
        yield stop
    finally:
        stop.set()
        await rt.dispatcher.drain()
        tasks[0].cancel()
        tasks[1].cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def run_worker(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """`tijara worker`: the outbox until SIGTERM/SIGINT or `stop` (the row in hand is
    finished), with its /healthz and /metrics on WORKER_PORT (bot/probes.py)."""
    stop = stop or _stop_on_signals()
    heartbeat = Heartbeat()
    async with open_runtime(settings) as rt, serving(
            worker_app(settings, rt.db, heartbeat), settings.worker_host, settings.worker_port):
        log.info("worker started")
        await work(rt.db, rt.handlers, stop, heartbeat=heartbeat)
    log.info("worker stopped")


async def run_polling(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """`tijara poll`: Telegram's getUpdates instead of a webhook, until Ctrl-C / SIGTERM
    (or `stop`), through the same receiver as the webhook."""
    if not settings.telegram_bot_token:
        raise SystemExit("TELEGRAM_BOT_TOKEN is not set")
    stop = stop or _stop_on_signals()
    if is_sqlite(settings.database_url):
        await upgrade_async(settings.database_url)  # like `tijara serve`
    async with open_runtime(settings) as rt, background(rt) as stopping:
        try:
            await poll_loop(rt.channels["telegram"], rt.receiver, stop)
        finally:
            stopping.set()


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Not every loop can take signal handlers (another thread's, another platform's):
        # there Ctrl-C still ends the process, only without finishing the row in hand.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop
