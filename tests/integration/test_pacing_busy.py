"""A limit that applies only while the key is busy (bot/channels/pacing.py): a quiet bot's
replies go at once; near the limit they are spaced out. Checked on the moments each
limiter books (what it would sleep for), in this process and in Redis alike, so the
figures do not depend on the machine's speed."""

from __future__ import annotations

import time

import pytest

from bot.channels.pacing import LocalPacer, RedisPacer, redis_client
from bot.channels.telegram.channel import BOT_LIMITS
from tests.conftest import REDIS_URL

ALWAYS = ((30, 1.05), (4, 0.125))  # the bot's window before: smoothing at any load


class Local:
    def __init__(self):
        self.pacer = LocalPacer()

    async def wait(self, key, limits) -> float:
        return self.pacer._book(key, limits, None) - time.monotonic()


class Shared:
    def __init__(self, prefix):
        self.pacer = RedisPacer(redis_client(REDIS_URL), prefix)

    async def wait(self, key, limits) -> float:
        windows = [n for count, seconds, *busy in limits
                   for n in (count, round(seconds * 1e6), busy[0] if busy else 0)]
        micros = await self.pacer._call(self.pacer._take, list(self.pacer._keys(key)),
                                        ["", f"m{self.n}", *windows])
        self.n += 1
        return micros / 1e6

    n = 0


@pytest.fixture
async def shared(redis_prefix):
    limiter = Shared(redis_prefix)
    yield limiter
    await limiter.pacer.close()


BUSY = BOT_LIMITS[1][2]  # moments booked in the window before the smoothing holds


async def quiet_bot_sends_a_clump_at_once(limiter):
    waits = [await limiter.wait("bot", BOT_LIMITS) for _ in range(BUSY)]
    assert max(waits) <= 0, waits


async def booked(limiter, key, limits) -> tuple[float, float, float]:
    """The wait, and the earliest and latest local moment it can stand for: a wait is counted
    from the limiter's "now", somewhere between sending the call and its answer."""
    before = time.monotonic()
    wait = await limiter.wait(key, limits)
    return wait, before + wait, time.monotonic() + wait


def spacing(first, then) -> tuple[float, float]:
    """Least and most time between two booked moments."""
    return then[1] - first[2], then[2] - first[1]


async def busy_bot_spaces_its_messages_out(limiter):
    moments = [await booked(limiter, "bot", BOT_LIMITS) for _ in range(30)]
    waits = [w for w, _, _ in moments]
    # Once BUSY are booked the 4-in-0.125 s window holds: each group of four a step later.
    assert max(waits[:BUSY]) <= 0
    assert 0 < waits[BUSY] <= 0.125
    least, most = spacing(moments[BUSY], moments[BUSY + 4])
    assert least - 0.002 <= 0.125 <= most + 0.002, (least, most)
    # And the 30-in-1.05 s window still ends the second: the 31st goes a window after
    # the first.
    least, most = spacing(moments[0], await booked(limiter, "bot", BOT_LIMITS))
    assert most >= 1.05 - 0.002, (least, most)


async def without_the_threshold_the_fifth_waits(limiter):
    waits = [await limiter.wait("always", ALWAYS) for _ in range(5)]
    assert max(waits[:4]) <= 0 and waits[4] > 0


CHECKS = [quiet_bot_sends_a_clump_at_once, busy_bot_spaces_its_messages_out,
          without_the_threshold_the_fifth_waits]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
async def test_in_one_process(check):
    await check(Local())


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
async def test_shared_through_redis(check, shared):
    await check(shared)
