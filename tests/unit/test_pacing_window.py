"""The bot-wide window (bot/channels/pacing.py `_earliest`, BOT_LIMITS) at saturation,
on booked moments with a simulated clock: no instant takes more than the busy threshold,
and a send up to 50 ms later than its moment (a busy event loop) still keeps Telegram's
30 in any second."""

from __future__ import annotations

import bisect
import random
from collections import Counter

from bot.channels.pacing import _earliest
from bot.channels.telegram.channel import BOT_LIMITS

LONGEST = max(limit[1] for limit in BOT_LIMITS)


def book(asked: list[float]) -> list[float]:
    """The moments granted to takes asked at these times, one after the other (as the
    takes of one key go in a process: the next books once the last one's moment came)."""
    granted: list[float] = []
    moments, now = [], 0.0
    for at in asked:
        now = max(now, at)
        del granted[:bisect.bisect_right(granted, now - LONGEST)]
        moment = _earliest(granted, BOT_LIMITS, now, 0.0)
        granted.append(moment)
        moments.append(moment)
        now = moment
    return moments


def most_in_one_second(moments: list[float]) -> int:
    moments = sorted(moments)
    return max(bisect.bisect_left(moments, m + 1.0) - i for i, m in enumerate(moments))


def bursts(seed: int) -> list[float]:
    rng, asked, at = random.Random(seed), [], 0.0
    for _ in range(30):
        asked += [at] * rng.randint(5, 40)
        at += rng.uniform(0.2, 2.0)
    return asked


def test_no_instant_takes_more_than_the_busy_threshold():
    moments = book([0.0] * 300)  # 300 owners at once
    together = Counter(moments)
    busy = BOT_LIMITS[1][2]
    assert together[0.0] == busy  # an idle bot's first replies go at once
    # When that clump leaves the window, what it frees goes at once too, never more than
    # the threshold, and less each second (18, 12, 6) until at most four at a time.
    assert max(together.values()) == busy
    assert sorted(together.values())[-2] < busy
    assert max(list(together.values())[-40:]) == 4
    # The drain is the rate asked for, not a trickle.
    assert len(moments) / moments[-1] > 28


def test_a_send_up_to_50_ms_late_keeps_30_in_any_second():
    for seed in range(10):
        for asked in ([0.0] * 300, bursts(seed)):
            moments = book(asked)
            assert most_in_one_second(moments) <= 30
            rng = random.Random(seed)
            assert most_in_one_second([m + rng.uniform(0, 0.05) for m in moments]) <= 30
