"""How fast messages may go: one limiter, held in this process or, with REDIS_URL, in
Redis for every process of the deployment.

- `take(key, limits)` waits until one more message under `key` may go: `limits` are
  (count, seconds) pairs, at most `count` messages in any `seconds`, all of them kept.
  A third number makes a limit apply only while the key is busy: (4, 0.125, 20) holds
  once 20 moments are booked within the longest window; below that it is not counted.
- `hold(key, seconds, flood=...)` pauses `key` for everybody (a 429's retry_after).
  With `flood`, the hold also counts toward that wider key: when FLOOD_KEYS different
  keys under it were held within FLOOD_WINDOW seconds, the wider key is held too
  (Telegram: 429s on several chats at once mean the whole bot is over its limit).

The algorithm is a sliding window with reservations: a key keeps the moments it
granted (a sorted set in Redis); each `take` books the earliest moment at which every
limit still holds, counting the moments booked but not yet come (one atomic step: a
Lua script in Redis, a plain function here), and sleeps until it, so one message costs
one round trip, and an idle key's message goes at once. The time is Redis's own
(TIME), so processes on several machines agree on it. The sleep is the caller's, never
inside a database transaction. Platforms count what arrives in a second, and a message
arrives a little after its moment (the jitter of the way there): a window slightly
longer than the platform's second absorbs that, and a short second window keeps a
whole window's worth from being booked at one instant (then they would arrive in a
clump, with the clump's own jitter). That short window matters only near the limit, so
it can wait for the key to be busy: a quiet bot's replies then go at once, never spaced
out for a limit they are far from. Against bunching:
- in a process, the takes of one key go one after the other (first come, first
  served): a process books its next moment only once its last one came;
- a take that wakes more than LATE after its moment, or gets its moment's answer
  that late (the process was stalled: a busy machine), gives its moment back and books
  again rather than go with the others of the stall (LATE_TRIES times at most);
- a hold placed while someone sleeps is looked for only after a wait over RECHECK
  (they then book again, after it): a moment closer than that goes as booked, one
  more round trip there would be jitter.
"""

from __future__ import annotations

import asyncio
import bisect
import itertools
import logging
import os
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bot.channels.base import SendError
from bot.settings import Settings

log = logging.getLogger(__name__)

# (count, seconds[, busy]): at most count in any seconds; with busy, only while at least
# busy moments are booked within the longest window.
Limits = Sequence[tuple[int, float] | tuple[int, float, int]]

FLOOD_KEYS = 3  # different keys held within FLOOD_WINDOW: the wider key is held too
FLOOD_WINDOW = 2.0  # seconds
MEMORY = 10_000  # keys the in-process limiter keeps, idle ones dropped first
REDIS_TIMEOUT = 2.0  # seconds to connect to Redis or for one answer
RECHECK = 0.5  # seconds: a longer wait looks for a hold placed meanwhile
LATE = 0.04  # seconds: woken later than this after the booked moment, book again
LATE_TRIES = 5  # ... at most this often for one message: a machine that slow sends anyway


async def _late(asked: float, wait: float, tries: int) -> bool:
    """Sleep until the moment booked `wait` seconds after `asked` (the loop's time when the
    booking was asked for: no later than the moment's clock read it); whether the process
    is too late to use it: woken late, or the answer itself came late (a stalled process
    or a slow round trip). After LATE_TRIES the moment is used however late."""
    loop = asyncio.get_running_loop()
    due = asked + wait
    if due > loop.time():
        await asyncio.sleep(due - loop.time())
    return loop.time() - due > LATE and tries < LATE_TRIES


class _Turns:
    """One `take` per key at a time in this process, in the order they came."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def turn(self, key: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)


class Pacer(Protocol):
    async def take(self, key: str, limits: Limits) -> None:
        """Wait until one more message under `key` may go."""

    async def hold(self, key: str, seconds: float, *, flood: str | None = None) -> None:
        """Let nothing under `key` go for `seconds`, in every process that shares this."""


def per_second(rate: float, burst: int) -> tuple[tuple[int, float], ...]:
    """`rate` messages per second, `burst` of them at once: at most `burst` in any
    burst/rate seconds."""
    burst = max(burst, 1)
    return ((burst, burst / rate),)


def _earliest(granted: list[float], limits: Limits, now: float, held: float) -> float:
    """The first moment from `now` at which one more grant keeps every limit, after the
    moments already `granted` (sorted, none older than the longest window) and after a
    hold: the same rule as _TAKE's."""
    start = max(now, held, granted[-1] if granted else now)
    for count, seconds, *busy in limits:
        if len(granted) >= count and len(granted) >= (busy[0] if busy else 0):
            start = max(start, granted[-count] + seconds)
    return start


class LocalPacer:
    """The limiter for one process (no REDIS_URL)."""

    def __init__(self) -> None:
        self._granted: OrderedDict[str, list[float]] = OrderedDict()  # key -> moments
        self._held: dict[str, float] = {}  # key -> paused until
        self._floods: dict[str, dict[str, float]] = {}  # wider key -> {key: held at}
        self._turns = _Turns()

    def _book(self, key: str, limits: Limits, drop: float | None) -> float:
        now = time.monotonic()
        granted = self._granted.setdefault(key, [])
        if drop is not None and drop in granted:
            granted.remove(drop)
        longest = max(limit[1] for limit in limits)
        del granted[:bisect.bisect_right(granted, now - longest)]
        start = _earliest(granted, limits, now, self._held.get(key, 0.0))
        granted.append(start)
        self._granted.move_to_end(key)
        if len(self._granted) > MEMORY:
            self._forget(now)
        return start

    def _forget(self, now: float) -> None:
        idle = [k for k, granted in self._granted.items() if granted[-1] < now - 60]
        for key in idle[:len(self._granted) // 4]:
            del self._granted[key]
        for key in [k for k, until in self._held.items() if until < now]:
            del self._held[key]

    async def take(self, key: str, limits: Limits) -> None:
        loop, booked = asyncio.get_running_loop(), None
        async with self._turns.turn(key):
            for tries in itertools.count():
                asked = loop.time()
                wait = (booked := self._book(key, limits, booked)) - time.monotonic()
                if wait <= 0:
                    return
                if await _late(asked, wait, tries):
                    continue
                if wait < RECHECK or self._held.get(key, 0.0) <= time.monotonic():
                    return

    async def hold(self, key: str, seconds: float, *, flood: str | None = None) -> None:
        now = time.monotonic()
        self._held[key] = max(self._held.get(key, 0.0), now + seconds)
        if flood is None:
            return
        held = self._floods.setdefault(flood, {})
        held[key] = now
        for other in [k for k, at in held.items() if at < now - FLOOD_WINDOW]:
            del held[other]
        if len(held) >= FLOOD_KEYS:
            log.warning("429s on %d keys at once: all of %s paused %.1f s", len(held), flood,
                        seconds)
            self._held[flood] = max(self._held.get(flood, 0.0), now + seconds)

    async def close(self) -> None:
        pass


# Times in microseconds since the epoch, from Redis's clock (exact in Lua's doubles).
_NOW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
"""

# KEYS: the key's granted moments (a sorted set), its hold. ARGV: a moment to give back
# ('' for none), the new moment's member, then count, window (microseconds) and busy (0:
# always) of each limit. Books the earliest moment that keeps every limit (as
# `_earliest`); returns the microseconds to wait for it.
_TAKE = _NOW + """
if ARGV[1] ~= '' then redis.call('ZREM', KEYS[1], ARGV[1]) end
local longest = 0
for i = 3, #ARGV, 3 do longest = math.max(longest, tonumber(ARGV[i + 1])) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - longest))
local booked = redis.call('ZCARD', KEYS[1])
local start = math.max(now, tonumber(redis.call('GET', KEYS[2]) or 0))
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then start = math.max(start, tonumber(last[2])) end
for i = 3, #ARGV, 3 do
  if booked >= tonumber(ARGV[i + 2]) then
    local nth = redis.call('ZRANGE', KEYS[1], -tonumber(ARGV[i]), -tonumber(ARGV[i]),
                           'WITHSCORES')
    if nth[2] then start = math.max(start, tonumber(nth[2]) + tonumber(ARGV[i + 1])) end
  end
end
redis.call('ZADD', KEYS[1], string.format('%.0f', start), ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.floor((start - now + longest) / 1000) + 1000)
return start - now
"""

# KEYS: a hold. Returns the microseconds it still lasts (0: none).
_HELD = _NOW + """
return math.max(0, tonumber(redis.call('GET', KEYS[1]) or 0) - now)
"""

# KEYS: the hold; with a flood: the wider key's recent holds, the wider key's hold.
# ARGV: microseconds, the key, the flood window (microseconds), FLOOD_KEYS.
# Returns 1 when the wider key was held too.
_HOLD = _NOW + """
local function hold(key, micros)
  local until_ = now + micros
  if until_ > tonumber(redis.call('GET', key) or 0) then
    redis.call('SET', key, string.format('%.0f', until_),
               'PX', math.floor(micros / 1000) + 1000)
  end
end
local micros = tonumber(ARGV[1])
hold(KEYS[1], micros)
if #KEYS < 3 then return 0 end
local window = tonumber(ARGV[3])
redis.call('ZADD', KEYS[2], now, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
redis.call('PEXPIRE', KEYS[2], math.floor(window / 1000) + 1000)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  hold(KEYS[3], micros)
  return 1
end
return 0
"""


class RedisPacer:
    """The limiter shared by every process that uses the same Redis and key prefix."""

    def __init__(self, client: aioredis.Redis, prefix: str = "tijara:"):
        self.client, self.prefix = client, prefix
        self._take = client.register_script(_TAKE)
        self._held = client.register_script(_HELD)
        self._hold = client.register_script(_HOLD)
        self._turns = _Turns()

    def _keys(self, key: str) -> tuple[str, str]:
        return f"{self.prefix}grants:{key}", f"{self.prefix}hold:{key}"

    async def take(self, key: str, limits: Limits) -> None:
        granted, held = self._keys(key)
        windows = [n for count, seconds, *busy in limits
                   for n in (count, round(seconds * 1e6), busy[0] if busy else 0)]
        loop, booked = asyncio.get_running_loop(), ""
        async with self._turns.turn(key):
            for tries in itertools.count():
                given_back, booked, asked = booked, os.urandom(8).hex(), loop.time()
                wait = await self._call(self._take, [granted, held],
                                        [given_back, booked, *windows])
                if await _late(asked, max(wait, 0) / 1e6, tries):
                    continue
                if wait <= 0:
                    return
                if wait < RECHECK * 1e6 or await self._call(self._held, [held], []) <= 0:
                    return

    async def hold(self, key: str, seconds: float, *, flood: str | None = None) -> None:
        keys, args = [self._keys(key)[1]], [round(seconds * 1e6)]
        if flood is not None:
            keys += [f"{self.prefix}flood:{flood}", self._keys(flood)[1]]
            args += [key, round(FLOOD_WINDOW * 1e6), FLOOD_KEYS]
        if await self._call(self._hold, keys, args):
            log.warning("429s on %d keys at once: all of %s paused %.1f s", FLOOD_KEYS, flood,
                        seconds)

    async def _call(self, script, keys: list[str], args: list) -> int:
        try:
            return int(await script(keys=keys, args=args))
        except (RedisError, OSError, TimeoutError) as exc:
            # Never send unpaced: the outbox tries the delivery again later.
            raise SendError(f"pacing unavailable (redis): {exc!r}") from exc

    async def close(self) -> None:
        await self.client.aclose()


def redis_client(url: str) -> aioredis.Redis:
    return aioredis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT,
                          socket_timeout=REDIS_TIMEOUT)


@asynccontextmanager
async def open_pacer(settings: Settings) -> AsyncIterator[Pacer]:
    """The deployment's limiter for the block: Redis's with REDIS_URL, else this process's."""
    pacer: LocalPacer | RedisPacer
    if settings.redis_url:
        pacer = RedisPacer(redis_client(settings.redis_url), settings.redis_key_prefix)
    else:
        pacer = LocalPacer()
    try:
        yield pacer
    finally:
        await pacer.close()
