"""Turns per second through the web-chat API, against a bare one-INSERT "ceiling".

What it measures
----------------
N simulated French business owners (``--owners``, default 50) talk to the real
application over HTTP at the same time. Each owner runs the onboarding script in
``SCRIPT`` (start -> language -> consent -> ... -> product name), checks that
every answer ends on the expected question, then starts a new session and goes
again. One *turn* is one HTTP request: JSON parsing, routing, middleware, the
whole ``Turns.handle`` transaction (lock, inbound log, engine step, save) and
the rendered JSON reply are all inside it. Photos are left out on purpose: this
measures turns, not image decoding.

The *ceiling* is the same load generator, same concurrency, same database and
same kind of engine (``storage.db.make_engine``) against a bare aiohttp app
whose only route, ``POST /x``, parses the JSON body and commits one
``INSERT INTO bench_ceiling``. It is roughly the best a one-write-per-request
aiohttp service can do on this machine; "% of ceiling" is the app's turns/s
divided by the ceiling's.

How it runs
-----------
The server under test runs in its own process (``multiprocessing``, spawn) on
127.0.0.1 with a real ``web.AppRunner`` + ``web.TCPSite`` (access log off, for
the app and the ceiling alike), so the load generator - one ``aiohttp.ClientSession``
with one keep-alive connection per owner, in this process - does not take event
loop time from it, and the server's own CPU time can be read. ``--server inline``
runs the server inside the load generator's event loop instead, to compare.
Each measurement is ``--warmup`` seconds (not counted) then ``--seconds``
seconds; turns/s counts requests completed in that window, p50/p99 are their
latencies as the client sees them. Any unexpected answer (HTTP error, wrong
question) counts as an error and restarts that owner with a new session; errors
should be 0.

Databases: SQLite in a temporary file, and PostgreSQL from ``--pg``, else
``TEST_DATABASE_URL``, else ``postgresql://postgres@127.0.0.1:5432/test``.
On PostgreSQL it creates a database of its own next to that one (``test`` ->
``test_bench_turns``: DROP DATABASE ... WITH (FORCE), CREATE DATABASE, dropped
again at the end), so a test run resetting ``test`` at the same time cannot
break or skew it. If it may not create databases, it falls back to
``DROP SCHEMA public CASCADE; CREATE SCHEMA public`` on the given database -
so point it only at a throw-away test database.

Reading the result: the target at 50 owners on PostgreSQL is p99 <= 50 ms and
at least 40% of the ceiling's turns/s. By default owners do not pause between
turns (a closed loop that saturates the server), so mean latency is simply
owners / (turns/s) (Little's law): p99 <= 50 ms at 50 owners needs well over
1000 turns/s. ``--think S`` adds a random pause averaging S seconds after each
answer, to read latency at a given offered load instead (turns/s and "% of
ceiling" then only reflect the offered load).

Below the table, ``server CPU`` is the server process's CPU time over the
window, as a share of one core and per turn: near 100% means the
single-threaded server is CPU-bound, well below means it waits (on the
database, or for a CPU the machine's other work holds: see the load average).
CPU per turn moves much less with the machine's load than turns/s do, so the
app/ceiling ratio of it is the steadier "% of ceiling". ``--profile`` adds a
cProfile (CPU time) of the app's server process; it slows the server a lot,
so read the profile, not the numbers, of such a run.

    python -m benchmarks.turns [--owners 50] [--seconds 10] [--only sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import math
import multiprocessing
import os
import platform
import pstats
import random
import sqlite3
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import sqlalchemy as sa
from aiohttp import web
from sqlalchemy.engine import make_url

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_P99_MS = 50.0
TARGET_SHARE = 0.40
TARGET_OWNERS = 50

# (kind, value, key of the last message expected in the answer)
SCRIPT: tuple[tuple[str, str, str], ...] = (
    ("start", "", "ask_language"),
    ("payload", "lang:fr", "ask_consent"),
    ("text", "oui", "ask_business_name"),
    ("text", "Coopérative Tifawin", "ask_owner_name"),
    ("text", "Fatima Amrani", "ask_city"),
    ("text", "Agadir", "ask_sector"),
    ("payload", "sector:argan", "ask_ice"),
    ("payload", "skip", "ask_phone"),
    ("text", "0661234567", "ask_email"),
    ("payload", "skip", "ask_product_name"),
    ("text", "Huile d'argan", "ask_photos"),
)

ceiling_metadata = sa.MetaData()
ceiling_table = sa.Table(
    "bench_ceiling", ceiling_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("session", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)
engine_key = web.AppKey("engine", object)


# --- the servers ------------------------------------------------------------------------------

def ceiling_app(url: str) -> web.Application:
    """One route, one committed INSERT through the project's kind of engine."""
    from storage.db import make_engine

    insert = ceiling_table.insert()

    async def engine(app: web.Application):
        app[engine_key] = make_engine(url)
        yield
        await app[engine_key].dispose()

    async def x(request: web.Request) -> web.Response:
        body = await request.json()
        async with request.app[engine_key].begin() as conn:
            await conn.execute(insert, {"session": str(body.get("session", ""))[:64],
                                        "body": json.dumps(body)})
        return web.json_response({"ok": True})

    app = web.Application()
    app.cleanup_ctx.append(engine)
    app.router.add_post("/x", x)
    return app


def tijara_app(url: str, workdir: Path) -> web.Application:
    from bot.app import create_app
    from bot.settings import Settings
    from storage.db import Database

    # Every simulated owner comes from 127.0.0.1: the limits per address are lifted (the
    # throttle's counting, one upsert per request, is still measured).
    settings = Settings(database_url=url, media_root=workdir / "media", var_dir=workdir,
                        secret_key="bench", webchat_session_limit=10**9,
                        webchat_message_limit=10**9)
    return create_app(settings, Database(url))


async def start_server(target: str, url: str, workdir: Path) -> tuple[web.AppRunner, int]:
    app = tijara_app(url, workdir) if target == "app" else ceiling_app(url)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    return runner, runner.addresses[0][1]


def _server_process(target: str, url: str, workdir: str, conn, profile: bool) -> None:
    """Child process: serve, then answer "cpu" with CPU seconds used, until "stop"."""
    asyncio.run(_serve_in_child(target, url, Path(workdir), conn, profile))


async def _serve_in_child(target: str, url: str, workdir: Path, conn, profile: bool) -> None:
    try:
        runner, port = await start_server(target, url, workdir)
    except BaseException:
        conn.send(("error", traceback.format_exc()))
        return
    profiler = cProfile.Profile(time.process_time) if profile else None  # CPU time
    conn.send(("port", port))
    try:
        while True:
            command = await asyncio.to_thread(conn.recv)
            if command == "cpu":
                conn.send(("cpu", time.process_time()))
            elif command == "profile" and profiler is not None:
                profiler.enable()  # only the event loop's thread is profiled
            elif command == "stop":
                break
    finally:
        report = ""
        if profiler is not None:
            profiler.disable()
            report = _profile_report(profiler)
        await runner.cleanup()
        conn.send(("stopped", report))


def _profile_report(profiler: cProfile.Profile, limit: int = 30) -> str:
    """Own CPU time by package, then by function.

    Own time only: cumulative times are meaningless here, as coroutines and
    SQLAlchemy's greenlets enter and leave frames without returning.
    """
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    packages: Counter = Counter()
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
        packages[_package(filename, function)] += own
    total = sum(packages.values()) or 1.0
    out.write(f"--- own CPU time by package ({total:.2f} s) ---\n")
    for name, own in packages.most_common(15):
        out.write(f"{own / total:6.1%} {own:7.2f} s  {name}\n")
    out.write("--- own CPU time by function ---\n")
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    return out.getvalue()


def _package(filename: str, function: str) -> str:
    """Where a profiled function lives: a project package, a library, or a stdlib module."""
    if filename == "~":  # a builtin: name the interesting ones
        return f"builtin {function}" if "socket" in function else "builtins (other)"
    path = Path(filename)
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1].split(".")[0]
    here = Path(__file__).resolve().parent.parent
    if path.is_relative_to(here):
        return f"tijara: {path.relative_to(here).parts[0]}"
    lib = [i for i, part in enumerate(path.parts) if part.startswith("python3")]
    if lib and len(path.parts) > lib[-1] + 1:
        return "stdlib " + path.parts[lib[-1] + 1].removesuffix(".py")
    return filename


class ServerProcess:
    """The server under test in a child process, so it has a core of its own."""

    def __init__(self, target: str, url: str, workdir: Path, profile: bool):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_server_process, daemon=True,
                                   args=(target, url, str(workdir), child, profile))
        self.profile_report = ""

    async def _ask(self, command: str | None, expect: str):
        if command is not None:
            self.conn.send(command)
        kind, value = await asyncio.to_thread(self.conn.recv)
        if kind == "error":
            raise RuntimeError(f"server process failed to start:\n{value}")
        assert kind == expect, (kind, expect)
        return value

    async def start(self) -> int:
        self.process.start()
        return await self._ask(None, "port")

    async def cpu(self) -> float:
        return await self._ask("cpu", "cpu")

    async def start_profile(self) -> None:
        self.conn.send("profile")

    async def stop(self) -> None:
        if self.process.is_alive():
            with contextlib.suppress(EOFError, BrokenPipeError):
                self.profile_report = await self._ask("stop", "stopped")
        await asyncio.to_thread(self.process.join, 30)
        if self.process.is_alive():
            self.process.terminate()


# --- the load ---------------------------------------------------------------------------------

@dataclass
class Window:
    warm_until: float
    until: float
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)

    def over(self) -> bool:
        return time.perf_counter() >= self.until

    def record(self, started: float, ended: float, problem: str | None) -> None:
        if problem is not None:
            self.errors[problem] += 1
        elif self.warm_until <= ended <= self.until:
            self.latencies.append(ended - started)


async def owner(http: aiohttp.ClientSession, base: str, target: str, window: Window,
                think: float) -> None:
    """One business owner: the script again and again, a new session each time; with
    `think` > 0, a random pause averaging `think` seconds after each answer."""
    while not window.over():
        session = uuid.uuid4().hex
        for kind, value, expected in SCRIPT:
            if window.over():
                return
            if target == "ceiling":
                url, body = f"{base}/x", {"session": session, kind: value}
            elif kind == "start":
                url, body = f"{base}/api/chat/sessions", {"lang_hint": "fr"}
            else:
                url, body = f"{base}/api/chat/sessions/{session}/messages", {kind: value}
            started = time.perf_counter()
            try:
                async with http.post(url, json=body) as resp:
                    status = resp.status
                    data = await resp.json() if status == 200 else await resp.text()
            except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
                status, data = None, exc
            ended = time.perf_counter()
            problem = check(target, kind, expected, status, data)
            window.record(started, ended, problem)
            if problem is not None:
                break
            if kind == "start" and target == "app":
                session = data["session"]
            if think > 0:
                await asyncio.sleep(random.expovariate(1 / think))


def check(target: str, kind: str, expected: str, status: int | None, data) -> str | None:
    """None when the answer is the one the script expects, else what went wrong."""
    if status is None:
        return f"{kind}: {type(data).__name__}: {data}"
    if status != 200:
        return f"{kind}: HTTP {status}: {' '.join(str(data).split())[:200]}"
    if target == "ceiling":
        return None if data == {"ok": True} else f"ceiling answered {data!r}"
    if kind == "start" and not isinstance(data.get("session"), str):
        return "start: no session in the answer"
    messages = data.get("messages") or []
    key = messages[-1].get("key") if messages else None
    return None if key == expected else f"{kind}: expected {expected}, got {key}"


@dataclass
class Result:
    database: str
    target: str
    owners: int
    turns: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: Counter
    server_cpu: float | None  # fraction of one core, over the window
    client_cpu: float

    @property
    def rate(self) -> float:
        return self.turns / self.seconds


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return math.nan
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


async def measure(database: str, target: str, url: str, workdir: Path,
                  args: argparse.Namespace) -> Result:
    profile = args.profile and target == "app"
    workdir.mkdir(parents=True, exist_ok=True)
    server = runner = None
    if args.server == "process":
        server = ServerProcess(target, url, workdir, profile)
        port = await server.start()
    else:
        runner, port = await start_server(target, url, workdir)
    base = f"http://127.0.0.1:{port}"
    connector = aiohttp.TCPConnector(limit=args.owners, limit_per_host=args.owners)
    timeout = aiohttp.ClientTimeout(total=60)
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            now = time.perf_counter()
            window = Window(now + args.warmup, now + args.warmup + args.seconds)
            owners = [asyncio.create_task(owner(http, base, target, window, args.think))
                      for _ in range(args.owners)]
            await asyncio.sleep(max(0.0, window.warm_until - time.perf_counter()))
            if profile:
                await server.start_profile()
            cpu0 = await server.cpu() if server else None
            client0 = time.process_time()
            await asyncio.sleep(max(0.0, window.until - time.perf_counter()))
            cpu1 = await server.cpu() if server else None
            client1 = time.process_time()
            await asyncio.gather(*owners)
    finally:
        if server is not None:
            await server.stop()
        if runner is not None:
            await runner.cleanup()
    if profile and server.profile_report:
        print(f"\n### cProfile of the {database} app server process\n", file=sys.stderr)
        print(server.profile_report, file=sys.stderr)
    latencies = sorted(window.latencies)
    return Result(
        database=database, target=target, owners=args.owners, turns=len(latencies),
        seconds=args.seconds, p50_ms=percentile(latencies, 0.50) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000, errors=window.errors,
        server_cpu=(cpu1 - cpu0) / args.seconds if server else None,
        client_cpu=(client1 - client0) / args.seconds)


# --- the databases ----------------------------------------------------------------------------

async def reachable(url: str) -> bool:
    from storage.db import make_engine

    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.exec_driver_sql("SELECT 1")
        return True
    except (OSError, sa.exc.SQLAlchemyError) as exc:
        print(f"PostgreSQL at {make_url(url).render_as_string()} is unreachable, skipped: "
              f"{exc}", file=sys.stderr)
        return False
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def private_postgres(url: str, suffix: str = "bench_turns") -> AsyncIterator[str]:
    """An empty database of our own next to `url`'s (NAME_`suffix`), dropped at the end.

    Test runs reset `url`'s public schema whenever they start; on a database of
    our own they can neither break the run nor skew its numbers. Without the
    right to CREATE DATABASE, falls back to resetting `url`'s public schema.
    """
    from storage.db import make_engine

    base = make_url(url)
    name = f"{base.database or 'postgres'}_{suffix}"
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            try:
                await conn.exec_driver_sql(drop)
                await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
                private = True
            except sa.exc.DBAPIError as exc:
                print(f"cannot create database {name} ({exc.orig}); resetting the public "
                      f"schema of {base.database} instead", file=sys.stderr)
                await conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                await conn.exec_driver_sql("CREATE SCHEMA public")
                private = False
        if not private:
            yield url
            return
        try:
            yield base.set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as conn:
                await conn.exec_driver_sql(drop)
    finally:
        await admin.dispose()


async def prepare(url: str) -> str:
    """The app's tables (migrations) and the ceiling's; returns the server's version."""
    from storage.db import is_sqlite, make_engine
    from storage.migrate import upgrade

    await asyncio.to_thread(upgrade, url)
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(ceiling_metadata.create_all)
            if is_sqlite(url):
                return "SQLite " + sqlite3.sqlite_version
            version = (await conn.exec_driver_sql("SHOW server_version")).scalar_one()
            return f"PostgreSQL {version}"
    finally:
        await engine.dispose()


async def bench_database(database: str, url: str, workdir: Path,
                         args: argparse.Namespace) -> tuple[str, list[Result]]:
    version = await prepare(url)
    results = []
    for target in ("ceiling", "app"):
        print(f"{database}: {target}, {args.owners} owners, {args.warmup:g}s warm-up + "
              f"{args.seconds:g}s ...", file=sys.stderr, flush=True)
        results.append(await measure(database, target, url, workdir / target, args))
    return version, results


# --- the report -------------------------------------------------------------------------------

def table(results: list[Result]) -> str:
    ceilings = {r.database: r.rate for r in results if r.target == "ceiling"}
    lines = ["| database | concurrency | turns | turns/s | p50 ms | p99 ms | % of ceiling |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        name = r.database if r.target == "app" else f"{r.database} ceiling (1 INSERT)"
        share = r.rate / ceilings[r.database] * 100 if ceilings.get(r.database) else math.nan
        lines.append(f"| {name} | {r.owners} | {r.turns} | {r.rate:.0f} | {r.p50_ms:.1f} | "
                     f"{r.p99_ms:.1f} | {share:.0f}% |")
    return "\n".join(lines)


def verdict(results: list[Result]) -> str | None:
    by = {(r.database, r.target): r for r in results}
    app, ceiling = by.get(("PostgreSQL", "app")), by.get(("PostgreSQL", "ceiling"))
    if app is None or ceiling is None:
        return None
    share = app.rate / ceiling.rate if ceiling.rate else 0.0
    ok_p99, ok_share = app.p99_ms <= TARGET_P99_MS, share >= TARGET_SHARE
    note = "" if app.owners == TARGET_OWNERS else f" (target is set at {TARGET_OWNERS} owners)"
    return (f"Target on PostgreSQL{note}: p99 {app.p99_ms:.1f} ms <= {TARGET_P99_MS:.0f} ms "
            f"{'MET' if ok_p99 else 'MISSED'}; {share:.0%} of ceiling >= {TARGET_SHARE:.0%} "
            f"{'MET' if ok_share else 'MISSED'}.")


def machine(versions: list[str], load: float, args: argparse.Namespace) -> str:
    return (f"Machine: {os.cpu_count()} CPUs ({platform.machine()}, {platform.system()}), "
            f"Python {platform.python_version()}, aiohttp {aiohttp.__version__}, "
            f"SQLAlchemy {sa.__version__}; {', '.join(versions)}; load average "
            f"{load:.2f} before the run; server in "
            f"{'its own process' if args.server == 'process' else 'the load generator process'},"
            f" {args.seconds:g}s per measurement after {args.warmup:g}s warm-up"
            f"{f', {args.think:g}s mean think time' if args.think else ', no think time'}.")


def details(results: list[Result]) -> str:
    """CPU and errors per run, and the app/ceiling ratio of server CPU per turn: the share
    of the ceiling a CPU-bound server would reach, steadier than the turns/s ratio."""
    lines = []
    for r in results:
        cpu = ""
        if r.server_cpu is not None:
            per_turn = r.server_cpu * r.seconds / r.turns * 1000 if r.turns else math.nan
            cpu = f"server CPU {r.server_cpu:.0%} ({per_turn:.2f} ms per turn), "
        lines.append(f"- {r.database} {r.target}: {cpu}client CPU {r.client_cpu:.0%}, "
                     f"errors {sum(r.errors.values())}")
        lines.extend(f"    {n} x {msg}" for msg, n in r.errors.most_common(5))
    by = {(r.database, r.target): r for r in results}
    for database in dict.fromkeys(r.database for r in results):
        app, ceiling = by.get((database, "app")), by.get((database, "ceiling"))
        if app and ceiling and app.server_cpu and ceiling.server_cpu and app.turns:
            share = (ceiling.server_cpu / ceiling.turns) / (app.server_cpu / app.turns)
            lines.append(f"- {database}: by server CPU per turn, the app costs "
                         f"{1 / share:.1f}x the ceiling ({share:.0%} of it if CPU-bound)")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.turns",
                                     description=__doc__.split("\n", 1)[0])
    parser.add_argument("--owners", type=int, default=50, help="concurrent owners (50)")
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="measured seconds per run (10)")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="unmeasured seconds before each run (2)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean pause in seconds between an owner's turns (0: none, a "
                             "saturating closed loop; > 0: latency at a given offered load)")
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="one database only")
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG,
                        help="PostgreSQL server to use (TEST_DATABASE_URL, else the local "
                             "'test'); runs in a database of its own, NAME_bench_turns")
    parser.add_argument("--server", choices=["process", "inline"], default="process",
                        help="server in its own process (default) or in the client's loop")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the app's server process (to stderr)")
    args = parser.parse_args(argv)
    if args.profile and args.server != "process":
        parser.error("--profile needs --server process")
    return args


def databases(only: str | None, pg: str, workdir: Path) -> list[tuple[str, str]]:
    """(name, URL) of the databases a benchmark runs on: `--only` picks one."""
    found = []
    if only != "postgres":
        found.append(("SQLite", f"sqlite:///{workdir / 'bench.db'}"))
    if only != "sqlite":
        found.append(("PostgreSQL", pg))
    return found


async def run(args: argparse.Namespace) -> int:
    import bot.app  # noqa: F401 - fail now, not after the first ceiling run

    load = os.getloadavg()[0]  # other work on the machine skews the numbers
    results: list[Result] = []
    versions: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tijara-bench-") as tmp:
        workdir = Path(tmp)
        for name, url in databases(args.only, args.pg, workdir):
            if name == "PostgreSQL" and not await reachable(url):
                if args.only == "postgres":
                    return 2
                continue
            async with contextlib.AsyncExitStack() as stack:
                if name == "PostgreSQL":
                    url = await stack.enter_async_context(private_postgres(url))
                version, measured = await bench_database(name, url, workdir / name.lower(),
                                                         args)
            versions.append(version)
            results.extend(measured)
    if not results:
        return 2
    print()
    print(table(results))
    print()
    print(machine(versions, load, args))
    print()
    print(details(results))
    line = verdict(results)
    if line:
        print()
        print(line)
    return 1 if any(r.errors for r in results) else 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
