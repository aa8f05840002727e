"""First-reply latency and server CPU per turn on Telegram and WhatsApp, against a PTB peer.

What it measures
----------------
The real app (`tijara serve`, a subprocess) is driven through its webhooks by
`--chats` simulated owners (30), each answering about `--pause` seconds (2) after
the bot's answer reached them, the way a person does. They go through the real
onboarding (the answers of benchmarks/turns.py, then two photos and the rest of the
draft). Replies go to the local stand-ins of the Bot API and of Twilio
(tests/fakes/), which enforce the platforms' rates: Telegram 30 messages per bot
and 4 per chat in any second (429 + retry_after beyond), Twilio 80
messages/s per sender.

- first reply: from the webhook POST being sent to the first sendMessage/sendPhoto
  (Telegram) or Message create (Twilio) for that chat arriving at the stand-in;
  p50/p95/p99 for text turns and photo turns apart;
- server CPU per turn: user + system time of the server process (all its threads)
  and of its photo processes, from /proc over the measured window, divided by
  the turns completed in it. The load generator and the stand-ins run in this
  process, never in the server's.

Phases, one after the other against the same server (each `--warmup` + `--seconds`):

1. `telegram text`: the text part of the script (restarting as a new user at the
   photo question): latency and CPU per text turn. Each owner first hurries through a
   random number of its turns during the warm-up (not timed), so that the window finds
   the owners spread over the script rather than all at the same question;
2. `telegram photos`: half the owners go through the text part as in phase 1
   (measured: text turns while photos are in flight), the other half through the
   whole script: they hurry through the text part during the warm-up and wait at the
   photo question, so the window opens on their photos, then go at the human pace (measured: photo
   turns, their first answer once the picture is downloaded and decoded; their other
   turns are counted, not timed); CPU per photo turn = (phase CPU - the other turns x
   phase 1's CPU per turn) / photo turns;
3. `whatsapp text`: phase 1 through Twilio's signed form webhook;
4. `web chat`: phase 1 through POST /api/chat (the latency is the HTTP answer's);
5. `ptb peer`: phase 1 against a python-telegram-bot `Application` with a
   `ConversationHandler` keeping its state in memory (its own process, its own
   stand-in and token), fed by a webhook like ours and answering the same texts.

Databases: SQLite (a temporary file) and PostgreSQL (a database of its own,
NAME_bench_channels, as benchmarks/turns.py does). `--profile` adds a cProfile
(CPU time, the event loop's thread) of the server over the whole run to stderr;
it slows the server, so read the profile, not that run's numbers.

    python -m benchmarks.channels [--only postgres|sqlite] [--chats 30] [--seconds N] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import platform
import pstats
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiohttp import web

from benchmarks.turns import databases, percentile, prepare, private_postgres, reachable
from bot.i18n import catalog
from flows.choices import LABELS
from flows.model import Msg

TOKEN = "123456789:BENCH-token_for-the-stand-in-aaaaaaaa"
PEER_TOKEN = "987654321:PEER-token_for-the-stand-in-bbbbbbbbb"
SECRET = "bench-webhook-secret"
TWILIO_SID = "AC" + "7" * 32
TWILIO_TOKEN = "twilio-auth-token-for-the-bench"
TWILIO_FROM = "whatsapp:+14155238886"
PUBLIC = "https://bench.tijara.example"
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
TARGET_P99_MS = 100.0
TARGET_CPU_RATIO = 3.0
SLOWEST = 5  # text turns listed with the question they answered
TURN_TIMEOUT = 20.0  # seconds an owner waits for the expected answer before giving up

# (kind, value, key of the question the answer ends on); "photo" values pick an image;
# "tap" (value: the label's key) is a reply-keyboard button on Telegram (its label sent as
# text: the e-mail question's "skip" replaces the contact keyboard), a button elsewhere.
TEXT_SCRIPT: tuple[tuple[str, object, str], ...] = (
    ("start", "", "ask_language"),
    ("press", "lang:fr", "ask_consent"),
    ("say", "oui", "ask_business_name"),
    ("say", "Coopérative Tifawin", "ask_owner_name"),
    ("say", "Fatima Amrani", "ask_city"),
    ("say", "Agadir", "ask_sector"),
    ("press", "sector:argan", "ask_ice"),
    ("press", "skip", "ask_phone"),
    ("say", "0661234567", "ask_email"),
    ("tap", "btn_skip", "ask_product_name"),
    ("say", "Huile d'argan", "ask_photos"),
)
FULL_SCRIPT = TEXT_SCRIPT + (
    ("photo", 0, "photo_received"),
    ("photo", 1, "photo_received"),
    ("press", "done", "ask_description"),
    ("say", "Huile pressée à froid dans notre coopérative.", "ask_price"),
    ("say", "150 dh le litre", "ask_moq"),
    ("say", "100 litres", "ask_more_products"),
    ("press", "no", "ask_buyer_questions"),
    ("press", "skip", "review_summary"),
    ("press", "submit", "submitted"),
)
FAST_PAUSE = 0.3  # seconds: the photo phase's owners go through the text part quickly
# seconds: the others' turns before the window (`owner`: spread over the script); no
# faster, or the chat's own limits (10 messages in 10 s) would hold their measured turns
SPREAD_PAUSE = 1.5
PHOTOS = 8  # distinct pictures (every photo is decoded: no two alike would be cheaper)


def marker(key: str) -> str:
    """The start of the French sentence a key is answered with, up to its first variable
    ("" when it starts with one: then any message ends the turn)."""
    from bot.i18n import LOCALES_DIR

    for path in sorted((LOCALES_DIR / "fr").glob("*.ftl")):
        for line in path.read_text().splitlines():
            name, _, value = line.partition("=")
            if name.strip() == key and not line.startswith((" ", "#")):
                return value.split("{", 1)[0].strip()[:40]
    return ""


# --- measurements -----------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    warm_until: float
    until: float
    text_ms: list[float] = field(default_factory=list)
    photo_ms: list[float] = field(default_factory=list)
    slow: list[tuple[float, str]] = field(default_factory=list)  # (ms, answered question)
    errors: Counter = field(default_factory=Counter)
    cpu_s: float = math.nan
    other_turns: int = 0
    throttled: int = 0

    def over(self) -> bool:
        return time.monotonic() >= self.until

    def record(self, kind: str, started: float, first: float, question: str = "") -> None:
        if self.warm_until <= started and first <= self.until:
            ms = (first - started) * 1000
            (self.photo_ms if kind == "photo" else self.text_ms).append(ms)
            if kind != "photo":
                self.slow = sorted([*self.slow, (ms, question)], reverse=True)[:SLOWEST]

    def count_other(self, started: float, first: float) -> None:
        """A turn in the window that is not timed (a photo owner's text turn): its CPU is
        the server's all the same."""
        if self.warm_until <= started and first <= self.until:
            self.other_turns += 1

    @property
    def turns(self) -> int:
        return len(self.text_ms) + len(self.photo_ms)


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process, all its threads, and of its living descendants
    (the photo processes) (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:  # gone in between
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # a thread that ended in between
            children.update(int(c) for c in (task / "children").read_text().split())
    return own + sum(cpu_seconds(child) for child in children)


class Waiter:
    """One turn of one chat: when its first message arrived, and whether the expected one
    (the question the turn ends on) has."""

    def __init__(self, expected: str):
        self.expected, self.first = expected, None
        self.done = asyncio.Event()

    def arrived(self, text: str, at: float) -> None:
        if self.first is None:
            self.first = at
        # Anywhere in the message: Telegram joins a plain reply to the question after it.
        if self.expected in text:
            self.done.set()


class Owners:
    """Routes what the stand-ins receive to the owner waiting for it."""

    def __init__(self):
        self.waiting: dict[str, Waiter] = {}

    def telegram(self, call) -> None:
        if call.method in ("sendMessage", "sendPhoto"):
            waiter = self.waiting.get(str(call.chat_id))
            if waiter is not None:
                waiter.arrived(str(call.params.get("text") or call.params.get("caption") or ""),
                               call.at)

    def twilio(self, sent, at: float) -> None:
        waiter = self.waiting.get(sent.to)
        if waiter is not None:
            waiter.arrived(sent.body, at)


# --- the owners -------------------------------------------------------------------------------


@dataclass
class Target:
    """Where a phase's owners write, and how."""

    kind: str  # telegram | whatsapp | web
    base: str
    markers: dict[str, str]
    owners: Owners
    files: list[str] = field(default_factory=list)  # Telegram file ids of the pictures


_user_ids = itertools.count(700_000_000)


async def owner(http: aiohttp.ClientSession, target: Target, phase: Phase,
                script: tuple, pause: float) -> None:
    from tests.fakes.telegram_api import TelegramUser

    first_user = None
    while not phase.over():
        user = TelegramUser(next(_user_ids), first_name="Fatima")
        first_user = first_user or user.id
        address = f"whatsapp:+2126{user.id % 100_000_000:08d}"
        session = None
        photos_only = script is FULL_SCRIPT  # the photo phase's photo owners
        # Owners who started together would all be at the same question at the same
        # moment (and a question answered with two messages would come from all of them
        # within one pause): the first owner of each chat hurries through a random number
        # of turns during the warm-up, so that the window finds them spread over the
        # script, as owners who came at different times are.
        ahead = 0 if photos_only or user.id != first_user else random.randrange(len(script))
        asked = ""  # the question this turn answers
        for turn, (kind, value, expected) in enumerate(script):
            if phase.over():
                return
            if photos_only and kind == "photo" and time.monotonic() < phase.warm_until:
                # Wait at the photo question for the window: it opens on everyone's photos,
                # spread over a human pause.
                await asyncio.sleep(phase.warm_until - time.monotonic()
                                    + random.uniform(0, pause))
            waiter = Waiter("" if target.kind == "whatsapp" else target.markers[expected])
            ref = str(user.id) if target.kind == "telegram" else address
            target.owners.waiting[ref] = waiter
            started = time.monotonic()
            try:
                if target.kind == "telegram":
                    status = await _post_telegram(http, target, user, kind, value)
                elif target.kind == "whatsapp":
                    status = await _post_whatsapp(http, target, address, kind, value)
                else:
                    status, session = await _post_web(http, target, session, kind, value,
                                                      waiter)
                if status != 200:
                    raise RuntimeError(f"HTTP {status}")
                await asyncio.wait_for(waiter.done.wait(), TURN_TIMEOUT)
            except (aiohttp.ClientError, RuntimeError, TimeoutError, KeyError) as exc:
                phase.errors[f"{kind} -> {expected}: {type(exc).__name__} {exc}"[:120]] += 1
                break
            finally:
                target.owners.waiting.pop(ref, None)
            measured = (not photos_only or kind == "photo") and turn >= ahead
            if measured:
                phase.record(kind, started, waiter.first, asked)
            else:
                phase.count_other(started, waiter.first)
            asked = expected
            # Photo owners hurry only to reach their photos by the window's start.
            hurry = not measured and time.monotonic() < phase.warm_until
            quick = FAST_PAUSE if photos_only else SPREAD_PAUSE
            await asyncio.sleep(random.uniform(0.8, 1.2) * (quick if hurry else pause))


async def _post_telegram(http, target: Target, user, kind: str, value) -> int:
    if kind == "start":
        update = user.text("/start")
    elif kind == "press":
        update = user.press(str(value))
    elif kind == "tap":
        update = user.text(catalog().text("fr", Msg(str(value))))
    elif kind == "photo":
        update = user.photo(target.files[(user.id + int(value)) % len(target.files)],
                            size=300_000)
    else:
        update = user.text(str(value))
    async with http.post(f"{target.base}/telegram/webhook", json=update,
                         headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as resp:
        await resp.read()
        return resp.status


_sids = itertools.count(1)


async def _post_whatsapp(http, target: Target, address: str, kind: str, value) -> int:
    from twilio.request_validator import RequestValidator

    form = {"MessageSid": f"SM{next(_sids):032x}", "AccountSid": TWILIO_SID,
            "From": address, "To": TWILIO_FROM, "NumMedia": "0",
            "WaId": address.removeprefix("whatsapp:+"), "ProfileName": "Fatima",
            "Body": "Bonjour" if kind == "start" else str(value)}
    if kind in ("press", "tap"):
        form["ButtonPayload"] = str(LABELS.get(str(value), value))
    signature = RequestValidator(TWILIO_TOKEN).compute_signature(
        PUBLIC + "/whatsapp/twilio", form)
    async with http.post(f"{target.base}/whatsapp/twilio", data=form,
                         headers={"X-Twilio-Signature": signature}) as resp:
        await resp.read()
        return resp.status


async def _post_web(http, target: Target, session: str | None, kind: str, value,
                    waiter: Waiter) -> tuple[int, str | None]:
    if kind == "start":
        url, body = f"{target.base}/api/chat/sessions", {"lang_hint": "fr"}
    else:
        url = f"{target.base}/api/chat/sessions/{session}/messages"
        payload = kind in ("press", "tap")
        body = {"payload": LABELS.get(value, value)} if payload else {"text": value}
    async with http.post(url, json=body) as resp:
        data = await resp.json() if resp.status == 200 else {}
    if resp.status == 200:
        for message in data.get("messages") or []:
            waiter.arrived(message.get("text", ""), time.monotonic())
    return resp.status, data.get("session", session)


async def run_phase(name: str, target: Target, script: tuple, pid: int,
                    args: argparse.Namespace, stand_in=None) -> Phase:
    now = time.monotonic()
    # The photo phase's photo owners first hurry through the text part (about a second a
    # turn on a loaded machine): its window opens once they are at the photos.
    # The other owners hurry through part of the script too (`owner`: spread over it).
    warmup = args.warmup + len(TEXT_SCRIPT) * (1.0 if script is FULL_SCRIPT
                                               else 1.2 * SPREAD_PAUSE)
    phase = Phase(name, now + warmup, now + warmup + args.seconds)
    print(f"  {name}: {args.chats} owners, {warmup:g}s + {args.seconds:g}s ...",
          file=sys.stderr, flush=True)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector,
                                     timeout=aiohttp.ClientTimeout(total=60)) as http:
        tasks = []
        for i in range(args.chats):  # owners start spread over a pause, not all at once
            # The photo phase: every other owner sends photos, the rest only text.
            mine = TEXT_SCRIPT if script is FULL_SCRIPT and i % 2 else script
            tasks.append(asyncio.create_task(owner(http, target, phase, mine, args.pause)))
            await asyncio.sleep(args.pause / args.chats)
        await asyncio.sleep(max(0.0, phase.warm_until - time.monotonic()))
        cpu0 = cpu_seconds(pid)
        throttled0 = stand_in.throttled if stand_in is not None else 0
        await asyncio.sleep(max(0.0, phase.until - time.monotonic()))
        phase.cpu_s = cpu_seconds(pid) - cpu0
        phase.throttled = (stand_in.throttled if stand_in is not None else 0) - throttled0
        await asyncio.gather(*tasks)
    return phase


# --- the servers ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    async with aiohttp.ClientSession() as http:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited ({process.returncode}):\n"
                                   f"{log.read_text()[-3000:]}")
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as resp:
                    if resp.status == 200:
                        return
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within 60 s")
            await asyncio.sleep(0.1)


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # aiohttp's graceful exit
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def server_env(url: str, workdir: Path, tg_api: str, tg_files: str, twilio: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "TWILIO_", "DATABASE_", "PUBLIC_", "LOG_"))}
    env.update({
        "DATABASE_URL": url, "MEDIA_ROOT": str(workdir / "media"), "VAR_DIR": str(workdir),
        "SECRET_KEY": "bench-secret", "PUBLIC_BASE_URL": PUBLIC,
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_API_BASE_URL": tg_api, "TELEGRAM_FILE_BASE_URL": tg_files,
        "TWILIO_ACCOUNT_SID": TWILIO_SID, "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_WHATSAPP_FROM": TWILIO_FROM, "TWILIO_API_BASE_URL": twilio,
        "WEBCHAT_SESSION_LIMIT": str(10**9), "WEBCHAT_MESSAGE_LIMIT": str(10**9),
    })
    return env


def start_server(env: dict, port: int, workdir: Path, profile: Path | None) -> subprocess.Popen:
    command = [sys.executable, "-m", "benchmarks._chprof", "--serve-profiled", str(profile)] \
        if profile else [sys.executable, "-m", "bot.cli"]
    command += ["serve", "--host", "127.0.0.1", "--port", str(port)]
    log = open(workdir / "server.log", "ab")  # noqa: SIM115 - the child's stderr, kept open
    return subprocess.Popen(command, env=env, stdout=log, stderr=log,
                            cwd=Path(__file__).resolve().parent.parent)


def serve_profiled(out: str, argv: list[str]) -> int:
    """The server under cProfile (CPU time), stats written to `out` when it stops."""
    import cProfile

    from bot.cli import main as cli

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        return cli(argv)
    finally:
        profiler.disable()
        profiler.dump_stats(out)


# --- the python-telegram-bot peer ----------------------------------------------------------


def run_peer(port: int, api: str, files: str) -> None:
    """A PTB Application with a ConversationHandler, state in memory: the same questions
    (texts and buttons) as Tijara's, fed by a webhook, answering through the stand-in."""
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
    from telegram.ext import (
        Application,
        CallbackQueryHandler,
        CommandHandler,
        ConversationHandler,
        MessageHandler,
        filters,
    )

    from bot.i18n import catalog
    from flows.model import Msg

    words = catalog()
    steps = [(words.text("fr", Msg(key)), kind) for kind, _value, key in TEXT_SCRIPT]
    buttons = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a"),
                                     InlineKeyboardButton("B", callback_data="b")]])

    async def step(update: Update, context) -> int:
        index = 0 if update.message and (update.message.text or "").startswith("/start") \
            else context.user_data.get("step", 0) + 1
        if update.callback_query is not None:
            await update.callback_query.answer()
            await update.callback_query.edit_message_reply_markup(None)
        if update.message is not None and update.message.photo:
            file = await update.message.photo[-1].get_file()
            await file.download_as_bytearray()
        index = min(index, len(steps) - 1)
        context.user_data["step"] = index
        following = TEXT_SCRIPT[index + 1][0] if index + 1 < len(TEXT_SCRIPT) else ""
        await context.bot.send_message(update.effective_chat.id, steps[index][0],
                                       reply_markup=buttons if following == "press" else None)
        return 1

    async def main() -> None:
        app = (Application.builder().token(PEER_TOKEN).base_url(api).base_file_url(files)
               .updater(None).build())
        any_input = [MessageHandler(filters.ALL & ~filters.COMMAND, step),
                     CallbackQueryHandler(step)]
        app.add_handler(ConversationHandler(
            entry_points=[CommandHandler("start", step)], states={1: any_input},
            fallbacks=[CommandHandler("start", step)], allow_reentry=True))

        async def webhook(request: web.Request) -> web.Response:
            await app.update_queue.put(Update.de_json(await request.json(), app.bot))
            return web.Response()

        async def healthz(request: web.Request) -> web.Response:
            return web.Response()

        web_app = web.Application()
        web_app.router.add_post("/telegram/webhook", webhook)
        web_app.router.add_get("/healthz", healthz)
        runner = web.AppRunner(web_app, access_log=None)
        async with app:
            await app.start()
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
            stop = asyncio.Event()
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, stop.set)
            await stop.wait()
            await runner.cleanup()
            await app.stop()

    import warnings
    warnings.filterwarnings("ignore", message=".*per_message.*")
    asyncio.run(main())


# --- one database -----------------------------------------------------------------------------


@dataclass
class Run:
    database: str
    phases: dict[str, Phase]
    profile: str = ""
    log_lines: int = 0


async def bench_database(database: str, url: str, workdir: Path,
                         args: argparse.Namespace) -> Run:
    from tests.fakes.telegram_api import FakeTelegram
    from tests.fakes.twilio_api import FakeTwilio
    from tests.helpers import photo_bytes

    workdir.mkdir(parents=True, exist_ok=True)
    await prepare(url)
    owners = Owners()
    fake, peer_fake = FakeTelegram(TOKEN), FakeTelegram(PEER_TOKEN)
    files = []
    for i in range(PHOTOS):  # a phone photo as Telegram keeps it: 1280 px on the long side
        fake.add_file(f"pic{i}", photo_bytes(i, size=(1280, 960)))
        peer_fake.add_file(f"pic{i}", photo_bytes(i, size=(1280, 960)))
        files.append(f"pic{i}")
    for api in (fake, peer_fake):
        api.enforce_limits()
        api.listeners.append(owners.telegram)
    runners = []
    bases = []
    for api in (fake, peer_fake):
        runner = web.AppRunner(api.app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        bases.append(f"http://127.0.0.1:{runner.addresses[0][1]}")
    twilio = FakeTwilio(TWILIO_SID, TWILIO_TOKEN)
    await twilio.__aenter__()
    twilio.enforce_rate(80)
    twilio.listeners.append(owners.twilio)
    markers = {key: marker(key) for _k, _v, key in FULL_SCRIPT}

    port, peer_port = free_port(), free_port()
    profile_out = Path("/tmp/server_" + os.environ["ONLY"].replace(" ", "_") + ".prof")
    env = server_env(url, workdir, f"{bases[0]}/bot", f"{bases[0]}/file/bot", twilio.api_url)
    server = start_server(env, port, workdir, profile_out)
    peer = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._chprof", "--peer",
         f"{peer_port},{bases[1]}/bot,{bases[1]}/file/bot"],
        cwd=Path(__file__).resolve().parent.parent, stderr=open(workdir / "peer.log", "ab"))  # noqa: SIM115
    phases: dict[str, Phase] = {}
    try:
        await wait_healthy(f"http://127.0.0.1:{port}/healthz", server, workdir / "server.log")
        await wait_healthy(f"http://127.0.0.1:{peer_port}/healthz", peer, workdir / "peer.log")
        base = f"http://127.0.0.1:{port}"
        tg = Target("telegram", base, markers, owners, files)
        only = os.environ["ONLY"]
        for name, target, script in (
                ("telegram text", tg, TEXT_SCRIPT),
                ("web chat", Target("web", base, markers, owners), TEXT_SCRIPT)):
            if name != only:
                continue
            stand_in = twilio if target.kind == "whatsapp" else fake
            phases[name] = await run_phase(name, target, script, server.pid, args, stand_in)
        print({k: (len(v.text_ms), v.cpu_s) for k, v in phases.items()}, file=sys.stderr)
    finally:
        stop_process(server)
        stop_process(peer)
        for runner in runners:
            await runner.cleanup()
        await twilio.__aexit__(None, None, None)
    run = Run(database, phases)
    log = workdir / "server.log"
    run.log_lines = sum(1 for _ in log.open("rb")) if log.exists() else 0
    if profile_out is not None and profile_out.exists():
        run.profile = profile_report(str(profile_out))
    return run


def profile_report(path: str, limit: int = 35) -> str:
    import io

    from benchmarks.turns import _package

    out = io.StringIO()
    stats = pstats.Stats(path, stream=out)
    packages: Counter = Counter()
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
        packages[_package(filename, function)] += own
    total = sum(packages.values()) or 1.0
    out.write(f"--- own CPU time by package ({total:.2f} s, event loop thread) ---\n")
    for name, own in packages.most_common(18):
        out.write(f"{own / total:6.1%} {own:7.2f} s  {name}\n")
    out.write("--- own CPU time by function ---\n")
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    return out.getvalue()


# --- the report -------------------------------------------------------------------------------


def report(runs: list[Run], args: argparse.Namespace, load: float) -> tuple[str, bool]:
    lines = ["| database | path | turns | p50 ms | p95 ms | p99 ms | server CPU ms/turn | "
             "429s | errors |", "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    verdicts, ok = [], True
    for run in runs:
        p = run.phases
        text_cpu = {name: ph.cpu_s * 1000 / len(ph.text_ms) if ph.text_ms else math.nan
                    for name, ph in p.items()}
        mixed = p["telegram photos"]
        photo_cpu = ((mixed.cpu_s * 1000 - (len(mixed.text_ms) + mixed.other_turns)
                      * text_cpu["telegram text"])
                     / len(mixed.photo_ms)) if mixed.photo_ms else math.nan
        rows = [("telegram text", "Telegram, text turns", p["telegram text"].text_ms,
                 text_cpu["telegram text"]),
                ("telegram photos", "Telegram, text turns while photos are in flight",
                 mixed.text_ms, math.nan),
                ("telegram photos", "Telegram, photo turns", mixed.photo_ms, photo_cpu),
                ("whatsapp text", "WhatsApp, text turns", p["whatsapp text"].text_ms,
                 text_cpu["whatsapp text"]),
                ("web chat", "web chat (POST /api/chat)", p["web chat"].text_ms,
                 text_cpu["web chat"]),
                ("ptb peer", "PTB ConversationHandler peer, text", p["ptb peer"].text_ms,
                 text_cpu["ptb peer"])]
        for phase_name, label, values, cpu in rows:
            ph = p[phase_name]
            v = sorted(values)
            lines.append(f"| {run.database} | {label} | {len(v)} | {percentile(v, .5) * 1:.1f} | "
                         f"{percentile(v, .95):.1f} | {percentile(v, .99):.1f} | "
                         f"{cpu:.2f} | {ph.throttled} | {sum(ph.errors.values())} |")
        for ph in p.values():
            for message, n in ph.errors.most_common(4):
                lines.append(f"|  | {ph.name}: {n} x {message} | | | | | | | |")
        if run.database == "PostgreSQL":
            tg_text = sorted(p["telegram text"].text_ms + mixed.text_ms)
            p99 = percentile(tg_text, .99)
            ratio = text_cpu["telegram text"] / text_cpu["web chat"]
            good = p99 <= TARGET_P99_MS and ratio <= TARGET_CPU_RATIO
            ok = ok and good
            slowest = sorted(p["telegram text"].slow + mixed.slow, reverse=True)[:SLOWEST]
            verdicts.append("Slowest Telegram text turns: " + ", ".join(
                f"{ms:.0f} ms (answering {question or 'start'})" for ms, question in slowest)
                + ".")
            verdicts.append(
                f"Targets on PostgreSQL: Telegram text first reply p99 {p99:.0f} ms <= "
                f"{TARGET_P99_MS:.0f} ms {'MET' if p99 <= TARGET_P99_MS else 'MISSED'}; server "
                f"CPU per Telegram text turn {ratio:.1f}x the web chat's <= "
                f"{TARGET_CPU_RATIO:.0f}x {'MET' if ratio <= TARGET_CPU_RATIO else 'MISSED'}.")
        verdicts.append(f"{run.database}: server log {run.log_lines} lines.")
    import telegram

    machine = (f"Machine: {os.cpu_count()} CPUs ({platform.machine()}), Python "
               f"{platform.python_version()}, python-telegram-bot {telegram.__version__}, "
               f"aiohttp {aiohttp.__version__}; load average {load:.2f} before the run; "
               f"{args.chats} owners, {args.pause:g} s pause, {args.warmup:g}s + "
               f"{args.seconds:g}s per phase; the stand-ins enforce 30 msg/s per bot, "
               f"4/s per chat, Twilio 80/s per sender.")
    return "\n".join(lines + ["", machine, ""] + verdicts), ok


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.channels",
                                     description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", choices=["sqlite", "postgres"], help="one database only")
    parser.add_argument("--chats", type=int, default=30, help="owners at once (30)")
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds an owner takes to answer (2, +-20%%)")
    parser.add_argument("--seconds", type=float, default=20.0,
                        help="measured seconds per phase (20)")
    parser.add_argument("--warmup", type=float, default=4.0,
                        help="unmeasured seconds before each phase (4)")
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_PG,
                        help="PostgreSQL server (TEST_DATABASE_URL, else the local 'test'); "
                             "runs in a database of its own, NAME_bench_channels")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile the server (to stderr)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    return parser.parse_args(argv)


async def run(args: argparse.Namespace) -> int:
    load = os.getloadavg()[0]
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="tijara-bench-channels-") as tmp:
        workdir = Path(tmp)
        for name, url in databases(args.only, args.pg, workdir):
            if name == "PostgreSQL" and not await reachable(url):
                if args.only == "postgres":
                    return 2
                continue
            print(f"{name}:", file=sys.stderr, flush=True)
            stack = contextlib.AsyncExitStack()
            try:
                if name == "PostgreSQL":
                    url = await stack.enter_async_context(
                        private_postgres(url, "bench_channels"))
                runs.append(await bench_database(name, url, workdir / name.lower(), args))
                pass
            finally:
                try:
                    await stack.aclose()
                except Exception as exc:  # noqa: BLE001 - the figures are in; say so, go on
                    print(f"cleaning up {name} failed: {exc!r}", file=sys.stderr)
    if not runs:
        return 2
    for r in runs:
        if r.profile:
            print(f"\n### cProfile of the {r.database} server (the whole run)\n", file=sys.stderr)
            print(r.profile, file=sys.stderr)
    return 0
    if args.json:
        args.json.write_text(json.dumps([{
            "database": r.database, "phases": {n: {
                "text_ms": p.text_ms, "photo_ms": p.photo_ms, "cpu_s": p.cpu_s,
                "throttled": p.throttled, "errors": dict(p.errors)}
                for n, p in r.phases.items()}} for r in runs]))
    return 1 if any(p.errors for r in runs for p in r.phases.values()) else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve-profiled"]:
        return serve_profiled(argv[1], argv[2:])
    if argv[:1] == ["--peer"]:
        port, api, files = argv[1].split(",")
        run_peer(int(port), api, files)
        return 0
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
