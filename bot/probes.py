"""What the operator's tools read: who may scrape /metrics, and the worker's own server.

/metrics (of `tijara serve` and of `tijara worker`) answers
- with METRICS_TOKEN set: only `Authorization: Bearer <token>` (401 otherwise);
- without it: only a client on this machine (403 otherwise), and not one that came
  through a reverse proxy on this machine (a forwarding header, while FORWARDED_HOPS is
  0, means the loopback address is the proxy's, not the client's).

`tijara worker` serves GET /healthz (200 while its loop turns, 503 once it has not
turned for STALE_AFTER seconds) and GET /metrics on WORKER_HOST:WORKER_PORT.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Gauge, generate_latest

from bot.outbox.metrics import refresh_metrics
from bot.outbox.worker import Heartbeat
from bot.settings import Settings, reveal
from storage.db import Database

log = logging.getLogger(__name__)
STALE_AFTER = 120.0  # seconds without a turn of the worker's loop: unhealthy
FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def check_scraper(request: web.Request, settings: Settings, *, proxied: bool) -> None:
    """Raise 401/403 unless the request may read /metrics. `proxied`: the app already took
    the client's address from the proxy's header (FORWARDED_HOPS > 0)."""
    token = reveal(settings.metrics_token)
    if token:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise web.HTTPUnauthorized(headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
        return
    through_proxy = not proxied and any(h in request.headers for h in FORWARDING_HEADERS)
    if not _loopback(request.remote) or through_proxy:
        raise web.HTTPForbidden(text="/metrics answers only on this machine without "
                                     "METRICS_TOKEN")


def _loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address(address or "").is_loopback
    except ValueError:
        return False


async def metrics_response(db: Database, *extra: CollectorRegistry) -> web.Response:
    await refresh_metrics(db)  # outbox and handoff figures, from the database
    body = generate_latest() + b"".join(generate_latest(r) for r in extra)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def worker_app(settings: Settings, db: Database, heartbeat: Heartbeat) -> web.Application:
    """The worker's /healthz and /metrics."""
    registry = CollectorRegistry()
    Gauge("tijara_worker_loop_age_seconds", "seconds since the worker's loop last turned",
          registry=registry).set_function(heartbeat.age)

    async def healthz(request: web.Request) -> web.Response:
        age = heartbeat.age()
        body = {"status": "ok" if age < STALE_AFTER else "stalled",
                "last_pass": datetime.fromtimestamp(heartbeat.wall, UTC).isoformat(),
                "seconds_since": round(age, 1)}
        return web.json_response(body, status=200 if age < STALE_AFTER else 503)

    async def metrics(request: web.Request) -> web.Response:
        check_scraper(request, settings, proxied=False)
        return await metrics_response(db, registry)

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app


@asynccontextmanager
async def serving(app: web.Application, host: str, port: int) -> AsyncIterator[None]:
    """`app` on host:port for the block. Port 0, or a port already taken (another worker
    on this machine), runs without it: one warning, the work goes on."""
    if not port:
        yield
        return
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
            log.info("worker health on http://%s:%d/healthz", host, port)
        except OSError as error:
            log.warning("worker health server not started on %s:%d: %s (WORKER_PORT sets "
                        "another port, 0 none)", host, port, error.strerror or error)
        yield
    finally:
        await runner.cleanup()
