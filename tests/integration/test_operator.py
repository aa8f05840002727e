"""An operator's view of a running process: JSON logs with a request id and without
session ids, /metrics behind its token, and the worker's own health check."""

from __future__ import annotations

import asyncio
import json
import logging
import socket

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot import logs
from bot.app import create_app
from bot.outbox.worker import Heartbeat
from bot.probes import STALE_AFTER, worker_app
from bot.runtime import run_worker
from tests.helpers import Owner


@pytest.fixture
def json_logs():
    """JSON lines on stderr, as `tijara serve` writes them (tests/conftest.py removes them)."""
    logs.configure("DEBUG", "json")


async def test_logs_carry_request_ids_and_never_a_session_id(aiohttp_client, settings, db,
                                                             json_logs, capsys):
    server = TestServer(create_app(settings, db))
    await server.start_server(access_log_class=logs.AccessLog)  # as `tijara serve` does
    client = await aiohttp_client(server)
    owner = Owner(client)
    await owner.start("fr")
    await owner.press("lang:fr")
    await owner.say("oui")
    await owner.say("Coopérative Tifawin")
    waiting = await client.get(f"/api/chat/sessions/{owner.session}/waiting",
                               headers={"X-Request-Id": "lb-trace-0001"})
    assert waiting.headers["X-Request-Id"] == "lb-trace-0001"
    forged = await client.get("/media/" + "a" * 64 + "?exp=1&sig=deadbeefcafe",
                              headers={"X-Request-Id": "no good\u00e9"})
    assert forged.status == 403
    assert len(forged.headers["X-Request-Id"]) == 32  # an insane id is replaced

    err = capsys.readouterr().err
    assert owner.session not in err
    assert "deadbeefcafe" not in err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "aiohttp.access"]
    assert {line["path"] for line in access} >= {
        "/api/chat/sessions", "/api/chat/sessions/<session>/messages",
        "/api/chat/sessions/<session>/waiting", "/media/" + "a" * 64 + "?<signed>"}
    assert all(line["request_id"] and line["level"] == "INFO" and "timestamp" in line
               for line in access)
    assert [line["status"] for line in access if line["request_id"] == "lb-trace-0001"] == [200]


def test_a_line_logged_while_serving_a_request_carries_its_id(json_logs, capsys):
    token = logs.request_id.set("req-12345678")
    try:
        logging.getLogger("tijara.test").warning(
            "failed on /api/chat/sessions/Zx9_secret-session/messages, /media/ab?exp=1&sig=ff, "
            "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe")
    finally:
        logs.request_id.reset(token)
    (line,) = [json.loads(x) for x in capsys.readouterr().err.splitlines()]
    assert line["request_id"] == "req-12345678" and line["level"] == "WARNING"
    assert line["message"] == ("failed on /api/chat/sessions/<session>/messages, "
                               "/media/ab?<signed>, https://api.telegram.org/bot<bot-token>/getMe")


async def test_metrics_need_the_token_when_one_is_set(aiohttp_client, settings, db):
    client = await aiohttp_client(create_app(
        settings.model_copy(update={"metrics_token": "scrape-me"}), db))
    assert (await client.get("/metrics")).status == 401
    wrong = await client.get("/metrics", headers={"Authorization": "Bearer scrape-you"})
    assert wrong.status == 401 and wrong.headers["WWW-Authenticate"].startswith("Bearer")
    right = await client.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
    assert right.status == 200 and "tijara_http_requests_total" in await right.text()


async def test_metrics_without_a_token_answer_only_this_machine(aiohttp_client, settings, db):
    client = await aiohttp_client(create_app(settings, db))
    assert (await client.get("/metrics")).status == 200  # the test client is on loopback
    # Through a reverse proxy on this machine: the loopback address is the proxy's.
    proxied = await client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7"})
    assert proxied.status == 403
    behind = await aiohttp_client(create_app(settings.model_copy(update={"forwarded_hops": 1}),
                                             db))
    assert (await behind.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7"})
            ).status == 403
    assert (await behind.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"})
            ).status == 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_the_worker_serves_its_health_and_metrics(settings, db):
    port = free_port()
    config = settings.model_copy(update={"worker_port": port, "metrics_token": "scrape-me"})
    stop = asyncio.Event()
    running = asyncio.create_task(run_worker(config, stop))
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(100):  # until it listens
                try:
                    health = await http.get(f"{base}/healthz")
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            assert health.status == 200
            body = await health.json()
            assert body["status"] == "ok" and body["seconds_since"] < STALE_AFTER
            assert "last_pass" in body
            assert (await http.get(f"{base}/metrics")).status == 401
            scraped = await http.get(f"{base}/metrics",
                                     headers={"Authorization": "Bearer scrape-me"})
            text = await scraped.text()
            assert "tijara_worker_loop_age_seconds" in text and "tijara_outbox" in text
    finally:
        stop.set()
        await asyncio.wait_for(running, 30)


async def test_a_worker_whose_loop_stopped_turning_is_unhealthy(aiohttp_client, settings, db):
    heartbeat = Heartbeat()
    client = await aiohttp_client(worker_app(settings, db, heartbeat))
    assert (await client.get("/healthz")).status == 200
    heartbeat.at -= STALE_AFTER + 1
    stalled = await client.get("/healthz")
    assert stalled.status == 503 and (await stalled.json())["status"] == "stalled"
