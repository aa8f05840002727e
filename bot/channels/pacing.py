"""How fast messages may go: one limiter, held in this process or, with REDIS_URL, in
Redis for every process of the deployment.

- `take(key, rate, burst)` waits until one more message under `key` may go: at most
  `burst` at once, then `rate` per second.
- `hold(key, seconds, flood=...)` pauses `key` for everybody (a 429's retry_after).
  With `flood`, the hold also counts toward that wider key: when FLOOD_KEYS different
  keys under it were held within FLOOD_WINDOW seconds, the wider key is held too
  (Telegram: 429s on several chats at once mean the whole bot is over its limit).

The algorithm is GCRA with reservations: each `take` books the next free moment
(one atomic step: a Lua script in Redis, a plain function here) and sleeps until it,
so one message costs one round trip. The time is Redis's own (TIME), so processes on
several machines agree on it. The sleep is the caller's, never inside a database
transaction. Against bunching (Telegram counts per second: messages booked apart but
sent together are over the limit in that second):
- in a process, the takes of one key go one after the other (first come, first
  served): a process books its next moment only once its last one came;
- a take that wakes more than LATE after its moment (the process was stalled: a busy
  machine) books again rather than go with the others of the stall;
- a hold placed while someone sleeps is looked for only after a wait over RECHECK
  (they then book again, after it): a moment closer than that goes as booked, one
  more round trip there would be jitter.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Protocol

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bot.channels.base import SendError
from bot.settings import Settings

log = logging.getLogger(__name__)

FLOOD_KEYS = 3  # different keys held within FLOOD_WINDOW: the wider key is held too
FLOOD_WINDOW = 2.0  # seconds
MEMORY = 10_000  # keys the in-process limiter keeps, idle ones dropped first
REDIS_TIMEOUT = 2.0  # seconds to connect to Redis or for one answer
RECHECK = 0.5  # seconds: a longer wait looks for a hold placed meanwhile
LATE = 0.04  # seconds: woken later than this after the booked moment, book again


async def _late(wait: float) -> bool:
    """Sleep `wait` seconds; whether the process woke too late to use the moment."""
    loop = asyncio.get_running_loop()
    due = loop.time() + wait
    await asyncio.sleep(wait)
    return loop.time() - due > LATE


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
    async def take(self, key: str, rate: float, burst: int) -> None:
        """Wait until one more message under `key` may go."""

    async def hold(self, key: str, seconds: float, *, flood: str | None = None) -> None:
        """Let nothing under `key` go for `seconds`, in every process that shares this."""


def _interval(rate: float, burst: int) -> tuple[float, float]:
    """Seconds between messages, and how far ahead of that a burst may run."""
    interval = 1.0 / rate
    return interval, (max(burst, 1) - 1) * interval


class LocalPacer:
    """The limiter for one process (no REDIS_URL)."""

    def __init__(self) -> None:
        self._due: OrderedDict[str, float] = OrderedDict()  # key -> theoretical arrival time
        self._held: dict[str, float] = {}  # key -> paused until
        self._floods: dict[str, dict[str, float]] = {}  # wider key -> {key: held at}
        self._turns = _Turns()

    def _book(self, key: str, rate: float, burst: int) -> float:
        now = time.monotonic()
        interval, ahead = _interval(rate, burst)
        due = max(self._due.get(key, now), now)
        start = max(due - ahead, now, self._held.get(key, 0.0))
        self._due[key] = max(due, start) + interval
        self._due.move_to_end(key)
        if len(self._due) > MEMORY:
            self._forget(now)
        return start - now

    def _forget(self, now: float) -> None:
        for key in [k for k, due in self._due.items() if due < now][:len(self._due) // 4]:
            del self._due[key]
        for key in [k for k, until in self._held.items() if until < now]:
            del self._held[key]

    async def take(self, key: str, rate: float, burst: int) -> None:
        async with self._turns.turn(key):
            while (wait := self._book(key, rate, burst)) > 0:
                if await _late(wait):
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

# KEYS: the key's due time, its hold. ARGV: microseconds between messages, burst ahead.
# Returns the microseconds to wait before the booked moment.
_TAKE = _NOW + """
local interval, ahead = tonumber(ARGV[1]), tonumber(ARGV[2])
local due = math.max(tonumber(redis.call('GET', KEYS[1]) or now), now)
local start = math.max(due - ahead, now, tonumber(redis.call('GET', KEYS[2]) or 0))
local booked = math.max(due, start) + interval
redis.call('SET', KEYS[1], string.format('%.0f', booked),
           'PX', math.floor((booked - now) / 1000) + 1000)
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
        return f"{self.prefix}pace:{key}", f"{self.prefix}hold:{key}"

    async def take(self, key: str, rate: float, burst: int) -> None:
        interval, ahead = _interval(rate, burst)
        due, held = self._keys(key)
        async with self._turns.turn(key):
            while True:
                wait = await self._call(self._take, [due, held],
                                        [round(interval * 1e6), round(ahead * 1e6)])
                if wait <= 0:
                    return
                if await _late(wait / 1e6):
                    continue
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
