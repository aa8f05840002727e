"""Several real `tijara` processes over one PostgreSQL, one Redis and one S3 server.

The harness of tests/integration/test_fleet.py, as production runs it (README, "Many
processes"): each process is the venv's `tijara` entry point started in an empty
directory of its own (its own ./var: spool, generated files), on a port of its own,
configured only by its environment. What they share is what a deployment shares: the
database (a fresh PostgreSQL schema), Redis (a key prefix of its own), the object store
(a moto S3 server on loopback, a bucket of its own), SECRET_KEY and PUBLIC_BASE_URL.

- `Background`: an aiohttp app (the Bot API stand-in) served from a thread of its own,
  so it answers the processes whether or not a test's event loop is running.
- `s3_server`, `postgres_schema`, `redis_ping`/`redis_forget`: the shared services.
- `Fleet`: starts the processes, waits until each is ready, stops them (SIGTERM, then
  SIGKILL), and gives their logs for a failing test (`explained`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from aiohttp import web
from yarl import URL

from storage.db import Database

TIJARA = Path(sys.executable).with_name("tijara")  # the venv's entry point
READY_WITHIN = 120.0  # seconds for a process to answer its health check (a busy 2-core CI)
STOP_WITHIN = 15.0  # seconds from SIGTERM to SIGKILL
PR_SET_PDEATHSIG = 1  # linux/prctl.h



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the Bot API stand-in, in a thread -------------------------------------------------


class Background:
    """An aiohttp app on 127.0.0.1, served by a thread and event loop of its own."""

    def __init__(self, app: web.Application):
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.runner = web.AppRunner(app, access_log=None)
        self.url = ""

    def start(self) -> str:
        self.thread.start()
        port = free_port()

        async def serve() -> None:
            await self.runner.setup()
            await web.TCPSite(self.runner, "127.0.0.1", port).start()

        asyncio.run_coroutine_threadsafe(serve(), self.loop).result(10)
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


# --- shared services ---------------------------------------------------------------------


@dataclass(frozen=True)
class S3:
    endpoint: str
    bucket: str
    access_key: str = "fleet-test-key"
    secret_key: str = "fleet-test-secret"
    region: str = "us-east-1"

    def client(self):
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint, region_name=self.region,
                            aws_access_key_id=self.access_key,
                            aws_secret_access_key=self.secret_key)

    def keys(self) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]


@contextlib.contextmanager
def s3_server(bucket: str) -> Iterator[S3]:
    """A real S3-protocol server (moto) on a free loopback port, with one bucket."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        s3 = S3(f"http://{host}:{port}", bucket)
        s3.client().create_bucket(Bucket=bucket)
        yield s3
    finally:
        server.stop()


@contextlib.contextmanager
def postgres_schema(url: str, schema: str) -> Iterator[str]:
    """A fresh schema for the fleet (runs side by side never meet); the URL that uses it."""

    async def run(statement: str) -> None:
        db = Database(url)
        try:
            async with db.engine.begin() as conn:
                await conn.execute(sa.text(statement))
        finally:
            await db.close()

    asyncio.run(run(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{url}{'&' if '?' in url else '?'}search_path={schema}"
    finally:
        asyncio.run(run(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))


def _redis(url: str, *command: str) -> object:
    """One command over RESP (no client library needed for a ping and a clean-up)."""
    parsed = URL(url)
    with socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 6379),
                                  timeout=3) as conn:
        wanted = [("SELECT", parsed.path.strip("/"))] if parsed.path.strip("/") else []
        for cmd in [*wanted, command]:
            parts = [p.encode() for p in cmd]
            conn.sendall(b"*%d\r\n" % len(parts)
                         + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts))
        reader = conn.makefile("rb")
        replies = [_resp(reader) for _ in range(len(wanted) + 1)]
    return replies[-1]


def _resp(reader) -> object:
    line = reader.readline().rstrip(b"\r\n")
    kind, rest = line[:1], line[1:]
    if kind == b"+":
        return rest.decode()
    if kind == b"-":
        raise ConnectionError(rest.decode())
    if kind == b":":
        return int(rest)
    if kind == b"$":
        size = int(rest)
        return None if size < 0 else reader.read(size + 2)[:-2].decode()
    if kind == b"*":
        return [_resp(reader) for _ in range(int(rest))]
    raise ConnectionError(f"unexpected redis reply {line[:40]!r}")


def redis_ping(url: str) -> str | None:
    """None when Redis answers, else what is wrong."""
    try:
        return None if _redis(url, "PING") == "PONG" else "no PONG"
    except OSError as error:
        return f"{url}: {error}"


def redis_forget(url: str, prefix: str) -> int:
    """Deletes the keys under the fleet's prefix; how many there were."""
    cursor, removed = "0", 0
    while True:
        cursor, keys = _redis(url, "SCAN", cursor, "MATCH", f"{prefix}*", "COUNT", "1000")
        if keys:
            removed += _redis(url, "DEL", *keys)
        if cursor == "0":
            return removed


# --- the processes ---------------------------------------------------------------------


# Looked up before any fork: the child only calls it (a fork beside threads must not load).
_prctl = ctypes.CDLL(None).prctl if sys.platform == "linux" else None


def _die_with_us() -> None:
    """In the child: SIGTERM when the test run dies, even killed (no finalizer runs then)."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Process:
    name: str
    args: list[str]
    home: Path
    env: dict[str, str]
    health: str  # URL answering 200 once the process is ready
    popen: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        return self.home / "output.log"

    def start(self) -> None:
        self.home.mkdir(parents=True)
        with self.log.open("wb") as out:
            self.popen = subprocess.Popen([str(TIJARA), *self.args], cwd=self.home,
                                          env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, preexec_fn=_die_with_us)

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.health, timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def terminate(self) -> None:
        if self.running:
            self.popen.send_signal(signal.SIGTERM)

    def wait(self) -> None:
        if self.popen is None:
            return
        try:
            self.popen.wait(STOP_WITHIN)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(5)

    def output(self, tail: int = 40) -> str:
        """Its warnings and errors, then its last lines."""
        if not self.log.exists():
            return "(no output)"
        lines = self.log.read_text(errors="replace").splitlines()
        worrying = [x for x in lines if any(w in x for w in ("ERROR", "WARNING", "Traceback",
                                                              "Error:", "CRITICAL"))]
        state = ("running" if self.running
                 else f"exited with {self.popen.returncode if self.popen else '?'}")
        return "\n".join([f"===== {self.name} ({state}): {len(lines)} lines, "
                          f"{len(worrying)} warnings/errors =====", *worrying[-tail:],
                          "----- last lines -----", *lines[-tail:]])


@dataclass
class Fleet:
    """`serves` web processes and one worker over one environment."""

    root: Path
    env: dict[str, str]
    serves: int = 3
    processes: list[Process] = field(default_factory=list)

    def __post_init__(self) -> None:
        ports = [free_port() for _ in range(self.serves)]
        # One public URL for all, as behind a load balancer: the first process's.
        self.env.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{ports[0]}")
        for i, port in enumerate(ports):
            self.processes.append(Process(
                f"serve-{'ABCDEFGH'[i]}", ["serve", "--host", "127.0.0.1", "--port", str(port)],
                self.root / f"serve-{i}", {**self.env, "WORKER_PORT": "0"},
                f"http://127.0.0.1:{port}/readyz"))
        port = free_port()
        self.processes.append(Process(
            "worker", ["worker"], self.root / "worker",
            {**self.env, "WORKER_PORT": str(port), "WORKER_HOST": "127.0.0.1"},
            f"http://127.0.0.1:{port}/healthz"))

    @property
    def urls(self) -> list[str]:
        """The web processes' base URLs (where a load balancer would send requests)."""
        return [p.health.removesuffix("/readyz") for p in self.processes
                if p.name.startswith("serve")]

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """A one-off `tijara` command (db upgrade, submissions list) in an empty directory."""
        home = self.root / f"cli-{time.monotonic_ns()}"
        home.mkdir(parents=True)
        done = subprocess.run([str(TIJARA), *args], cwd=home, env=self.env,
                              capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"tijara {' '.join(args)} exited with {done.returncode}:\n"
                                 f"{done.stdout}\n{done.stderr}")
        return done

    def start(self) -> None:
        self.run("db", "upgrade")
        for process in self.processes:
            process.start()
        deadline = time.monotonic() + READY_WITHIN
        waiting = list(self.processes)
        while waiting:
            waiting = [p for p in waiting if not p.ready()]
            dead = [p for p in waiting if not p.running]
            if dead or (waiting and time.monotonic() > deadline):
                why = "exited" if dead else f"not ready within {READY_WITHIN:g} s"
                raise AssertionError(f"{', '.join(p.name for p in dead or waiting)} {why}\n"
                                     + self.output())
            time.sleep(0.1)  # polling a state (health) with a deadline

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait()

    def output(self) -> str:
        return "\n".join(p.output() for p in self.processes)

    @contextlib.contextmanager
    def explained(self) -> Iterator[None]:
        """A failing check prints every process's warnings and last lines."""
        try:
            yield
        except BaseException:
            print(self.output())
            raise


def base_env() -> dict[str, str]:
    """What a process needs from the machine, and none of the test run's settings."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    return {k: os.environ[k] for k in keep if k in os.environ} | {"PYTHONUNBUFFERED": "1"}
