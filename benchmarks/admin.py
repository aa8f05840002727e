"""The admin pages and `tijara submissions list --json` over a big database.

    python -m benchmarks.admin [--submissions 100000] [--pg URL] [--keep] [--reuse]
                               [--distinct-texts] [--unstored]

Seeds PostgreSQL with N submissions (default 100,000: their conversations, businesses,
two products each with a photo and its English listing as the write path stores it,
status histories, one in five with a photo of an organic certificate and one of its
packaging, plus N/5 conversations that stopped before submitting, spread over two years)
by COPY, not through the turn path, into a
database of its own next to the given one (`test` -> `test_bench_admin`, dropped at the
end unless --keep; --reuse measures a kept one again without seeding). Then it serves
the real app in-process and times each admin page as a logged-in admin (and a field
agent) sees it, the median of 5 requests after one warm-up, and runs the real
`tijara submissions list --json` once into a pipe.

Targets: every admin page <= 200 ms, the full JSON list <= 10 s. The CSV export of every
submission is a download, not a page: it is shown for the record.

The products' texts repeat (ten names, one description) unless --distinct-texts gives
each its own description, as real ones are (the listing's matcher caches nothing then).
--unstored leaves the stored listings out, as rows from before migration 0025: every
read computes them (what reading cost before they were stored).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import sqlalchemy as sa
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.engine import make_url

from bot.admin.auth import hash_password
from bot.app import create_app
from bot.outbox.metrics import METRICS
from bot.settings import Settings
from flows.published import draft, kept, version
from storage import accounts, funnel, search
from storage.db import Database, Limits
from storage.migrate import upgrade_async
from storage.models import User

PAGE_TARGET_MS, LIST_TARGET_S = 200.0, 10.0
PASSWORD = "bench password 1234"
NOW = datetime.now(UTC)
CITIES = ["Agadir", "Marrakech", "Fès", "Essaouira", "Casablanca", "Tafraout", "Meknès",
          "Rabat", "Tanger", "Ouarzazate", "مراكش", "الصويرة", "فاس", "Douar Ait Ouafqa"]
REGIONS = ["souss-massa", "marrakech-safi", "fes-meknes", "casablanca-settat", "oriental"]
SECTORS = ["argan", "carpets", "zellige", "food", "textiles", "pottery"]
WORDS = ["Coopérative", "Atelier", "Tifawin", "Nour", "Beldi", "Amazigh", "Tapis", "Argan",
         "تعاونية", "النور", "Zellige", "Mogador", "Safran", "Atlas", "Ziyad", "Bennani"]
PRODUCTS = ["Huile d'argan", "Amlou", "Tapis berbère", "Zellige émaillé", "Tajine décoré",
            "زيت الأركان", "Savon noir", "Babouches", "Safran de Taliouine", "Miel de thym"]
DESCRIPTION = "Bio, pressée à froid"
STATUSES = [("submitted", 40), ("changes_requested", 10), ("approved", 20), ("rejected", 5),
            ("live", 20), ("exported", 3), ("handoff_failed", 2)]


def bench_url(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_bench_admin").render_as_string(
        hide_password=False)


async def create_database(url: str, target: str) -> None:
    admin = Database(url, isolation_level="AUTOCOMMIT")
    name = make_url(target).database
    async with admin.engine.connect() as conn:
        await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    await admin.close()


async def drop_database(url: str, target: str) -> None:
    admin = Database(url, isolation_level="AUTOCOMMIT")
    async with admin.engine.connect() as conn:
        await conn.exec_driver_sql(
            f'DROP DATABASE IF EXISTS "{make_url(target).database}" WITH (FORCE)')
    await admin.close()


@functools.cache
def _listing(name: str, description: str, sector: str) -> str:
    """A product's English listing as the write path stores it (storage.listings), made
    once per distinct text: the benchmark measures reading it."""
    return json.dumps(kept(draft(name, description, None, None, None, None, None), sector,
                           None))


def _rows(n: int, seed: int = 14, *, distinct: bool = False, stored: bool = True):
    """Every table's rows, as COPY takes them (ids given, sequences set afterwards)."""
    rng = random.Random(seed)
    weights = [w for _, w in STATUSES]
    span = timedelta(days=730).total_seconds()
    tables: dict[str, list[tuple]] = {k: [] for k in (
        "user", "conversation", "business", "product", "media", "productmedia",
        "business_media", "submission", "statuschange")}
    agents = list(range(2, 22))
    for a in agents:
        tables["user"].append((a, f"agent{a}@bench.ma", f"Agent {a}", "agent", "", 0, NOW, 0))
    product_id = media_id = change_id = 0
    abandoned = n // 5
    for cid in range(1, n + abandoned + 1):
        created = NOW - timedelta(seconds=rng.random() * span)
        agent = rng.choice(agents) if rng.random() < 0.3 else None
        language = rng.choice(["fr", "ary", "ar"])
        names = [rng.choice(PRODUCTS) for _ in range(2)]
        products = [{"name": p, "photos": [{"media_id": 0}], "description": None}
                    for p in names]
        submitted = cid <= n
        if not submitted:  # stopped somewhere on the way
            products = products[:rng.randint(0, 2)]
            if products and rng.random() < 0.5:
                products[-1]["photos"] = []
        step = "submitted" if submitted else rng.choice(
            ["start", "language", "consent", "city", "product_name", "photos", "price"])
        state = {"step": step, "language": language, "script": "Latn", "revision": 1,
                 "draft": {"business_name": None, "region": rng.choice(REGIONS),
                           "products": products}}
        tables["conversation"].append((
            cid, rng.choice(["web", "telegram", "whatsapp"]), f"bench-{cid}", "fr", language,
            "Latn", step, json.dumps(state), 1, "submitted" if submitted else "active",
            agent, created, created))
        if not submitted:
            continue
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {cid}"
        owner = f"{rng.choice(WORDS)} {rng.choice(WORDS)}"
        phone = f"06{rng.randrange(10**8):08d}"
        city = rng.choice(CITIES)
        email = f"owner{cid}@bench.ma" if rng.random() < 0.5 else None
        found = search.columns(name, owner, email, phone, city, names)
        documents = ("certificate:organic", "packaging") if cid % 5 == 0 else ()
        region, sector = rng.choice(REGIONS), rng.choice(SECTORS)
        tables["business"].append((
            cid, cid, name, owner, phone, email, city, region, sector, language, "Latn",
            "web", agent, created, created, created,
            found["search_text"], found["search_phone"], found["search_city"],
            json.dumps([{"kind": "organic", "body": "ECOCERT", "number": "MA-BIO-1",
                         "expires": None}]) if documents else None))
        for position, of in enumerate(documents):
            media_id += 1
            tables["media"].append((media_id, cid, f"{media_id:064x}", "photo", "image/jpeg",
                                    200_000, 1600, 1200, "[]", created))
            tables["business_media"].append((cid, media_id, of, position))
        for position, pname in enumerate(names):
            product_id += 1
            media_id += 1
            description = f"{DESCRIPTION}, lot {product_id}" if distinct else DESCRIPTION
            tables["product"].append((
                product_id, cid, position, pname, description, "150", "litre", "20", "litre",
                _listing(pname, description, sector) if stored else None,
                version() if stored else None))
            tables["media"].append((media_id, cid, f"{media_id:064x}", "photo", "image/jpeg",
                                    200_000, 1600, 1200, "[]", created))
            tables["productmedia"].append((product_id, media_id, 0))
        status = rng.choices([s for s, _ in STATUSES], weights)[0]
        at = created + timedelta(hours=rng.uniform(0.2, 48))
        decided = at + timedelta(hours=rng.uniform(1, 72)) if status != "submitted" else None
        live = (decided + timedelta(seconds=rng.uniform(1, 7200))
                if status == "live" else None)
        tables["submission"].append((cid, cid, status, 1, at, decided, decided or at, live))
        history = [(None, "submitted", at)]
        if status != "submitted":
            first = status if status in ("changes_requested", "rejected") else "approved"
            history.append(("submitted", first, decided))
            if status in ("live", "exported", "handoff_failed"):
                history.append(("approved", status, live or decided))
        for from_status, to_status, when in history:
            change_id += 1
            tables["statuschange"].append((change_id, cid, from_status, to_status, "bench", "",
                                           "[]", 1, when))
    return tables


COLUMNS = {
    "user": ("id", "email", "name", "role", "password_hash", "session_epoch", "created_at",
             "failed_logins"),
    "conversation": ("id", "channel", "user_ref", "locale", "language", "script", "step",
                     "state", "version", "status", "agent_id", "created_at", "updated_at"),
    "business": ("id", "conversation_id", "name", "owner_name", "phone", "email", "city",
                 "region", "sector", "language", "script", "channel", "agent_id", "consent_at",
                 "created_at", "updated_at", "search_text", "search_phone", "search_city",
                 "certifications"),
    "product": ("id", "business_id", "position", "name", "description", "price_amount",
                "price_unit", "moq_quantity", "moq_unit", "listing", "listing_version"),
    "media": ("id", "conversation_id", "sha256", "kind", "content_type", "size", "width",
              "height", "advice", "created_at"),
    "productmedia": ("product_id", "media_id", "position"),
    "business_media": ("business_id", "media_id", "of", "position"),
    "submission": ("id", "business_id", "status", "revision", "submitted_at", "decided_at",
                   "updated_at", "live_at"),
    "statuschange": ("id", "submission_id", "from_status", "to_status", "actor", "reason",
                     "items", "revision", "at"),
}


async def seed(db: Database, n: int, *, distinct: bool, stored: bool) -> float:
    started = time.perf_counter()
    tables = _rows(n, distinct=distinct, stored=stored)
    async with db.engine.connect() as conn:
        raw = (await conn.get_raw_connection()).driver_connection
        for table, rows in tables.items():
            await raw.copy_records_to_table(table, records=rows, columns=COLUMNS[table])
        for table in tables:
            if table not in ("productmedia", "business_media"):
                await raw.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                                  f" (SELECT max(id) FROM \"{table}\"))")
    # The funnel's columns of each conversation, as the write path would have kept them.
    async with db.engine.begin() as conn:
        ids = (await conn.execute(sa.text("SELECT id FROM conversation"))).scalars().all()
        await conn.run_sync(funnel.refresh, ids)
    async with db.engine.connect() as conn:
        await (await conn.execution_options(isolation_level="AUTOCOMMIT")
               ).exec_driver_sql("VACUUM ANALYZE")
    async with db.transaction() as session:
        await accounts.create_user(session, email="admin@bench.ma", name="Admin",
                                   role="admin", password_hash=hash_password(PASSWORD))
        await session.execute(sa.update(User).where(User.id == 2)
                              .values(password_hash=hash_password(PASSWORD)))
    return time.perf_counter() - started


async def login(client: TestClient, email: str) -> None:
    page = await (await client.get("/admin/login")).text()
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    response = await client.post("/admin/login", data={
        "email": email, "password": PASSWORD, "csrf": csrf},
        headers={"Origin": str(client.make_url("")).rstrip("/")}, allow_redirects=False)
    assert response.status == 303, (email, response.status)


async def timed(client: TestClient, path: str, runs: int = 5) -> tuple[float, float]:
    times = []
    for i in range(runs + 1):
        METRICS.read_at = 0.0  # every /metrics reads the database again
        started = time.perf_counter()
        response = await client.get(path)
        await response.read()
        assert response.status == 200, (path, response.status)
        if i:  # the first one warms up
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


async def pages(url: str, n: int) -> list[tuple[str, float, float, str]]:
    db = Database(url)
    settings = Settings(database_url=url, secret_key="bench", embedded_worker=False,
                        public_base_url="http://127.0.0.1")
    results = []
    async with db.transaction() as session:
        middle = (await session.execute(sa.text(
            "SELECT id FROM submission WHERE status = 'submitted' ORDER BY id "
            "OFFSET :o LIMIT 1"), {"o": n // 4})).scalar_one()
    year_ago = (NOW - timedelta(days=365)).date().isoformat()
    two_years = (NOW - timedelta(days=731)).date().isoformat()
    admin_pages = [
        ("queue: to review, page 1", "/admin/submissions"),
        ("queue: all, page 1", "/admin/submissions?status=all"),
        ("queue: all, page 400", "/admin/submissions?status=all&page=400"),
        ("queue: filtered (region, sector)",
         "/admin/submissions?status=all&region=souss-massa&sector=argan"),
        ("search: a rare word", f"/admin/submissions?status=all&q={quote('mogador safran')}"),
        ("search: a common word", f"/admin/submissions?status=all&q={quote('coopérative')}"),
        ("search: a city", f"/admin/submissions?status=all&q={quote('FÈS')}"),
        ("search: Arabic", f"/admin/submissions?status=all&q={quote('تعاونية النور')}"),
        ("search: phone digits", f"/admin/submissions?status=all&q={quote('06 12 34')}"),
        ("search: #id", f"/admin/submissions?status=all&q=%23{middle}"),
        ("submission page", f"/admin/submissions/{middle}"),
        ("funnel: 30 days", "/admin/funnel"),
        ("funnel: 30 days by agent", "/admin/funnel?by=agent"),
        ("funnel: one year", f"/admin/funnel?from={year_ago}"),
        ("funnel: everything (2 years)", f"/admin/funnel?from={two_years}"),
        ("export: one region's waiting ones",
         "/admin/export.csv?status=submitted&region=oriental&sector=food"),
        ("/metrics", "/metrics"),
    ]
    agent_pages = [
        ("agent: their queue", "/admin/submissions"),
        ("agent: their funnel", "/admin/funnel"),
    ]
    async with TestClient(TestServer(create_app(settings, db))) as client:
        await login(client, "admin@bench.ma")
        for name, path in admin_pages:
            median, worst = await timed(client, path)
            results.append((name, median, worst, "page"))
        try:
            median, worst = await timed(client, "/admin/export.csv?status=all", runs=1)
        except (AssertionError, TimeoutError):  # noqa: PERF203 - once
            median = worst = float("nan")
        results.append(("export: every submission (download)", median, worst, "download"))
    async with TestClient(TestServer(create_app(settings, db))) as client:
        await login(client, "agent2@bench.ma")
        for name, path in agent_pages:
            median, worst = await timed(client, path)
            results.append((name, median, worst, "page"))
    await db.close()
    return results


def json_list(url: str) -> tuple[float, int]:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot.cli", "submissions", "list", "--json"],
                          env=env, capture_output=True, check=True)
    seconds = time.perf_counter() - started
    return seconds, len(json.loads(done.stdout))


async def main_async(args) -> int:
    base = args.pg or os.environ.get("TEST_DATABASE_URL") or \
        "postgresql://postgres@127.0.0.1:5432/test"
    url = bench_url(base)
    if not args.reuse:
        await create_database(base, url)
        await upgrade_async(url)
        # COPY of a few hundred thousand rows outlasts a statement's usual 15 s.
        seconds = await seed(Database(url, Limits(statement_timeout=900)), args.submissions,
                             distinct=args.distinct_texts, stored=not args.unstored)
        print(f"seeded {args.submissions} submissions in {seconds:.1f} s"
              f"{' (distinct texts)' if args.distinct_texts else ''}"
              f"{' (listings not stored)' if args.unstored else ''}")
    try:
        results = await pages(url, args.submissions)
        list_s, listed = await asyncio.to_thread(json_list, url)
    finally:
        if not args.keep:
            await drop_database(base, url)
    print(f"\nPostgreSQL, {args.submissions} submissions; median of 5 after a warm-up\n")
    print("| what | median ms | max ms | target |")
    print("|---|---:|---:|---|")
    failed = False
    for name, median, worst, kind in results:
        ok = kind != "page" or median <= PAGE_TARGET_MS
        failed |= not ok
        target = f"<= {PAGE_TARGET_MS:.0f} ms {'ok' if ok else 'MISSED'}" if kind == "page" \
            else "(a download)"
        print(f"| {name} | {median:.1f} | {worst:.1f} | {target} |")
    ok = list_s <= LIST_TARGET_S and listed == args.submissions
    failed |= not ok
    print(f"| `tijara submissions list --json` ({listed} objects) | {list_s * 1000:.0f} | | "
          f"<= {LIST_TARGET_S:.0f} s {'ok' if ok else 'MISSED'} |")
    return 1 if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--pg", help="a PostgreSQL URL (default TEST_DATABASE_URL)")
    parser.add_argument("--keep", action="store_true", help="keep the seeded database")
    parser.add_argument("--reuse", action="store_true", help="measure a kept database")
    parser.add_argument("--distinct-texts", action="store_true",
                        help="a description of its own for every product")
    parser.add_argument("--unstored", action="store_true",
                        help="no stored listings: every read computes them")
    sys.exit(asyncio.run(main_async(parser.parse_args())))


if __name__ == "__main__":
    main()
