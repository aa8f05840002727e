"""The aiohttp application: one factory, every route, the resources it owns."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from aiohttp import web
from aiohttp_remotes import XForwardedRelaxed
from prometheus_client import Counter, Histogram

from bot import agent_routes, logs, owner_routes
from bot.admin import admin_app
from bot.channels import forms as form_routes
from bot.channels import web as webchat
from bot.channels.registry import channel_routes
from bot.keys import (
    catalog_key,
    channels_key,
    db_key,
    dispatcher_key,
    media_key,
    receiver_key,
    settings_key,
    signer_key,
    turns_key,
)
from bot.probes import check_scraper, metrics_response
from bot.runtime import background, open_runtime
from bot.settings import Settings
from storage.db import Database
from storage.media import media_type

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
    settings = request.app[settings_key]
    check_scraper(request, settings, proxied=settings.forwarded_hops > 0)
    return await metrics_response(request.app[db_key])


@routes.get("/media/{sha256}")
async def media(request: web.Request) -> web.Response:
    """A stored file, only through a signed link that has not expired; from the media
    store every machine reads (MEDIA_STORE), so a link works whichever machine answers."""
    sha256 = request.match_info["sha256"]
    if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
        raise web.HTTPNotFound()
    q = request.query
    if not request.app[signer_key].check(sha256, q.get("exp", ""), q.get("sig", "")):
        raise web.HTTPForbidden()
    # The name is the content's hash: the same name never holds other bytes.
    headers = {"Cache-Control": "private, max-age=3600", "ETag": f'"{sha256}"'}
    if f'"{sha256}"' in request.headers.get("If-None-Match", ""):
        raise web.HTTPNotModified(headers=headers)
    try:
        data = await request.app[media_key].open(sha256)
    except FileNotFoundError:
        raise web.HTTPNotFound() from None
    async with request.app[db_key].transaction() as session:
        content_type = await media_type(session, sha256)
    return web.Response(body=data, content_type=content_type, headers=headers)


@web.middleware
async def request_ids(request: web.Request, handler):
    """Every log line of the request carries its id (bot/logs.py), and so does the response:
    the caller's X-Request-Id if sane, else a new one."""
    rid = logs.incoming_id(request.headers.get(logs.REQUEST_ID_HEADER))
    token = logs.request_id.set(rid)
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers[logs.REQUEST_ID_HEADER] = rid
        raise
    except Exception:
        # Logged here, where the request id is still known (aiohttp would log it later).
        log.exception("%s %s failed", request.method, request.path)
        raise web.HTTPInternalServerError(headers={logs.REQUEST_ID_HEADER: rid}) from None
    finally:
        logs.request_id.reset(token)
    if not response.prepared:
        response.headers[logs.REQUEST_ID_HEADER] = rid
    return response


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


def create_app(settings: Settings, db: Database | None = None) -> web.Application:
    """The whole web process: routes now, services (bot/runtime.py) when the app starts.
    A `db` passed in stays the caller's (tests share one with the app)."""
    middlewares = [request_ids, observe]
    if settings.forwarded_hops:
        # request.remote becomes the client's address (admin login throttling keys on it).
        middlewares.insert(0, XForwardedRelaxed(settings.forwarded_hops).middleware)
    app = web.Application(client_max_size=MAX_UPLOAD, middlewares=middlewares)
    app[settings_key] = settings

    async def services(app: web.Application):
        async with open_runtime(settings, db=db) as rt, background(rt):
            app[db_key], app[catalog_key], app[media_key] = rt.db, rt.catalog, rt.media
            app[signer_key], app[turns_key], app[channels_key] = rt.signer, rt.turns, rt.channels
            app[dispatcher_key], app[receiver_key] = rt.dispatcher, rt.receiver
            yield

    app.cleanup_ctx.append(services)
    app.add_routes(routes)
    app.add_routes(agent_routes.routes)
    app.add_routes(owner_routes.routes)
    app.add_routes(channel_routes(settings))
    app.add_subapp("/admin", admin_app(settings))
    if settings.webchat_enabled:
        app.add_routes(webchat.routes)
        app.add_routes(form_routes.routes)  # the web chat's form mode, the Mini App
        app.router.add_static("/static", STATIC)
        app.router.add_get("/", _to_chat)
    return app
