"""The aiohttp application: one factory, every route, the resources it owns."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from aiohttp import web
from aiohttp_remotes import XForwardedRelaxed
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest

from bot import agent_routes
from bot.admin import admin_app
from bot.channels import web as webchat
from bot.channels.registry import build_channels, channel_routes
from bot.dispatch import Dispatcher
from bot.i18n import catalog
from bot.keys import (
    catalog_key,
    channels_key,
    db_key,
    dispatcher_key,
    media_key,
    settings_key,
    signer_key,
    turns_key,
)
from bot.outbox.metrics import refresh_metrics
from bot.outbox.worker import handlers_for, work
from bot.settings import Settings
from bot.signing import Signer
from bot.turns import Turns
from storage.db import Database
from storage.media import LocalMediaStore, media_type

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
MAX_UPLOAD = 21 * 1024 * 1024  # a 20 MB photo plus the form around it

REQUESTS = Counter("tijara_http_requests_total", "HTTP requests", ["route", "status"])
LATENCY = Histogram("tijara_http_request_seconds", "HTTP request latency", ["route"])
routes = web.RouteTableDef()


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


@routes.get("/readyz")
async def readyz(request: web.Request) -> web.Response:
    if await request.app[db_key].ping():
        return web.json_response({"status": "ready"})
    return web.json_response({"status": "database unavailable"}, status=503)


@routes.get("/metrics")
async def metrics(request: web.Request) -> web.Response:
    await refresh_metrics(request.app[db_key])  # outbox and handoff figures, from the database
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


@routes.get("/media/{sha256}")
async def media(request: web.Request) -> web.Response:
    """A stored file, only through a signed link that has not expired."""
    sha256 = request.match_info["sha256"]
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise web.HTTPNotFound()
    q = request.query
    if not request.app[signer_key].check(sha256, q.get("exp", ""), q.get("sig", "")):
        raise web.HTTPForbidden()
    store = request.app[media_key]
    if not store.exists(sha256):
        raise web.HTTPNotFound()
    async with request.app[db_key].transaction() as session:
        content_type = await media_type(session, sha256)
    return web.Response(body=store.open(sha256), content_type=content_type,
                        headers={"Cache-Control": "private, max-age=3600"})


@web.middleware
async def observe(request: web.Request, handler):
    route = request.match_info.route.resource
    name = route.canonical if route is not None else "unmatched"
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        LATENCY.labels(name).observe(time.perf_counter() - started)
        REQUESTS.labels(name, str(status)).inc()


async def _to_chat(request: web.Request) -> web.Response:
    raise web.HTTPFound("/chat")


def create_app(settings: Settings | None = None, db: Database | None = None) -> web.Application:
    settings = settings or Settings()
    middlewares = [observe]
    if settings.forwarded_hops:
        # request.remote becomes the client's address (admin login throttling keys on it).
        middlewares.insert(0, XForwardedRelaxed(settings.forwarded_hops).middleware)
    app = web.Application(client_max_size=MAX_UPLOAD, middlewares=middlewares)
    app[settings_key] = settings
    app[catalog_key] = catalog()
    app[media_key] = LocalMediaStore(settings.media_root)
    app[signer_key] = Signer(settings.secret, settings.public_base_url)

    async def database(app: web.Application):
        owned = db is None
        app[db_key] = db or Database(settings.database_url)
        app[turns_key] = Turns(app[db_key], app[catalog_key], settings=settings)
        yield
        if owned:
            await app[db_key].close()

    async def background(app: web.Application):
        """Turn processing after webhooks, recovery, and (embedded) the outbox worker."""
        async with build_channels(settings) as channels:
            app[channels_key] = channels
            handlers = handlers_for(app[db_key], settings, channels, app[turns_key])
            app[dispatcher_key] = Dispatcher(app[db_key], app[turns_key], channels, handlers)
            stop = asyncio.Event()
            tasks = [asyncio.create_task(app[dispatcher_key].recover_forever())]
            if settings.runs_embedded_worker:
                tasks.append(asyncio.create_task(work(app[db_key], handlers, stop)))
            yield
            stop.set()
            await app[dispatcher_key].drain()
            tasks[0].cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    app.cleanup_ctx.append(database)
    app.cleanup_ctx.append(background)
    app.add_routes(routes)
    app.add_routes(agent_routes.routes)
    app.add_routes(channel_routes(settings))
    app.add_subapp("/admin", admin_app(settings))
    if settings.webchat_enabled:
        app.add_routes(webchat.routes)
        app.router.add_static("/static", STATIC)
        app.router.add_get("/", _to_chat)
    return app
