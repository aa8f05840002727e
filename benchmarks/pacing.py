"""Telegram's bot-wide limit held by several processes through Redis: the drain rate.

N sender processes (``--processes``, default 3; spawned, each with its own event loop,
Bot and Redis connection) send one message to each of ``--chats`` chats (default 300,
split between them) at once, through `TelegramChannel` and `RedisPacer`, to the local
Bot API stand-in (tests/fakes/telegram_api.py) in this process, which answers 429 as
Telegram does (over 30 messages in any second for the bot, over 4 for a chat). Reported:
the drain rate (messages/s from the first arrival to the last), the most messages that
arrived within any one second, and the 429s.

    .venv/bin/python -m benchmarks.pacing [--limits 30/1.05,4/0.125] [--redis URL]

`--limits`: the bot's limits (count/seconds: at most count in any seconds), default
the channel's BOT_LIMITS.

Needs Redis (default redis://127.0.0.1:6379/0); its keys go under a prefix of the run's
own, deleted at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import time
import uuid

from aiohttp import web

from tests.fakes.telegram_api import FakeTelegram, busiest_window

TOKEN = "123456789:BENCH-token_for-the-pacing"
FIRST_CHAT = 800_000_001


def sender(api_base: str, redis_url: str, prefix: str, chats: list[int],
           limits: tuple[tuple[int, float], ...], start_at: float) -> None:
    asyncio.run(_send(api_base, redis_url, prefix, chats, limits, start_at))


async def _send(api_base: str, redis_url: str, prefix: str, chats: list[int],
                limits: tuple[tuple[int, float], ...], start_at: float) -> None:
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bot.channels.base import Delivery
    from bot.channels.pacing import RedisPacer, redis_client
    from bot.channels.telegram import channel as tg
    from bot.i18n import Rendered
    from storage.media import LocalMediaStore

    tg.BOT_LIMITS = limits
    pacer = RedisPacer(redis_client(redis_url), prefix)
    async with Bot(TOKEN, base_url=api_base,
                   request=HTTPXRequest(connection_pool_size=64)) as bot:
        channel = tg.TelegramChannel(bot, LocalMediaStore("/tmp/tijara-bench-media"),
                                     pacer=pacer)
        await asyncio.sleep(max(0.0, start_at - time.time()))  # every process at once
        await asyncio.gather(*(channel.send(Delivery(
            1, str(chat), "fr", (Rendered("help", f"salam {chat}", (), "none"),)))
            for chat in chats))
    await pacer.close()



async def run(args) -> dict:
    fake = FakeTelegram(TOKEN)
    fake.enforce_limits(per_bot=30, per_chat=4)
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    api_base = f"http://127.0.0.1:{port}/bot"
    prefix = f"tijara-bench:{uuid.uuid4().hex}:"
    chats = list(range(FIRST_CHAT, FIRST_CHAT + args.chats))
    context = multiprocessing.get_context("spawn")
    start_at = time.time() + 3.0  # time for the processes to start and say getMe
    procs = [context.Process(target=sender, args=(
        api_base, args.redis, prefix, chats[i::args.processes], args.limits,
        start_at)) for i in range(args.processes)]
    for proc in procs:
        proc.start()
    while any(p.is_alive() for p in procs):
        await asyncio.sleep(0.1)
    await runner.cleanup()
    from bot.channels.pacing import redis_client

    client = redis_client(args.redis)
    keys = [k async for k in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()
    times = [c.at for c in fake.sent()]
    return {"processes": args.processes, "chats": args.chats, "limits": args.limits,
            "sent": len(times),
            "drain_per_s": round((len(times) - 1) / (max(times) - min(times)), 2),
            "most_in_one_second": busiest_window(times),
            "bot_429s": fake.flood_429s, "chat_429s": fake.chat_429s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--limits", type=_limits, default=None)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    if args.limits is None:
        from bot.channels.telegram.channel import BOT_LIMITS

        args.limits = BOT_LIMITS
    print(json.dumps(asyncio.run(run(args))))


def _limits(text: str) -> tuple[tuple[int, float], ...]:
    """'30/1.1,8/0.25' -> ((30, 1.1), (8, 0.25))."""
    return tuple((int(n), float(w)) for n, w in (p.split("/") for p in text.split(",")))


if __name__ == "__main__":
    main()
