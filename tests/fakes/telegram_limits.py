"""The Bot API stand-in with Telegram's flood limits, for tests with several processes.

`LimitedTelegram` is `FakeTelegram` (tests/fakes/telegram_api.py) that also:
- answers 429 with `retry_after`, as Telegram does, to a message (sendMessage or
  sendPhoto) beyond 30 accepted in the last second for the whole bot, or beyond a
  chat's pace: "about one message per second, short bursts allowed" (Telegram's FAQ),
  played as at most 4 in any second and 12 in any 10 seconds (the other stand-in's 4 a
  second, and a sustained rate close to 1/s);
  the refused call is recorded with `params["_limit"]` = "bot" or "chat";
- delays the download of chosen files (`slow(file_id, seconds)`): a photo that takes
  a while to fetch.

Every call keeps its arrival time (`Call.at`, time.monotonic(), the same clock in every
process of the machine).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque

from aiohttp import web

from tests.fakes.telegram_api import FakeTelegram, _error

BOT_PER_SECOND = 30
CHAT_LIMITS = ((4, 1.0), (12, 10.0))  # (count, seconds): at most count in any seconds
# A call's time is taken when its handler runs, in a test process that is also driving
# hundreds of owners: up to this much later than the request came in. A "second" of
# Telegram's is counted as this much less, so that clumps the stand-in's own busy loop
# makes are not taken for the sender's.
STAMP_SLACK = 0.05
SECOND = 1.0 - STAMP_SLACK


class LimitedTelegram(FakeTelegram):
    def __init__(self, token: str, *, bot_per_second: int = BOT_PER_SECOND,
                 chat_limits: tuple[tuple[int, float], ...] = CHAT_LIMITS):
        super().__init__(token)
        self.bot_per_second, self.chat_limits = bot_per_second, chat_limits
        self._accepted: deque[float] = deque()  # arrival times in the last second
        self._chats: dict[int, deque[float]] = {}  # chat -> its accepted arrival times
        self._slow: dict[str, float] = {}  # file path -> seconds

    def slow(self, file_id: str, seconds: float) -> None:
        self._slow[self.files[file_id][0]] = seconds

    def refused(self, limit: str) -> list:
        """Messages answered 429 for that limit ("bot" or "chat")."""
        return [c for c in self.calls if c.params.get("_limit") == limit]

    async def _file(self, request: web.Request) -> web.Response:
        delay = self._slow.get(request.match_info["path"], 0.0)
        if delay:
            await asyncio.sleep(delay)
        return await super()._file(request)

    async def _do_sendMessage(self, params: dict) -> web.Response:
        return self._flood(params) or await super()._do_sendMessage(params)

    async def _do_sendPhoto(self, params: dict) -> web.Response:
        return self._flood(params) or await super()._do_sendPhoto(params)

    def _flood(self, params: dict) -> web.Response | None:
        """A 429 when this message would break a limit; None (and counted) otherwise."""
        now = time.monotonic()
        while self._accepted and self._accepted[0] <= now - SECOND:
            self._accepted.popleft()
        chat = int(params["chat_id"])
        times = self._chats.setdefault(chat, deque())
        longest = max(seconds for _, seconds in self.chat_limits)
        while times and times[0] <= now - longest:
            times.popleft()
        over = [(times[-count] + seconds - now) for count, seconds in self.chat_limits
                if len(times) >= count and times[-count] > now - seconds]
        if len(self._accepted) >= self.bot_per_second:
            limit, wait = "bot", self._accepted[0] + SECOND - now
        elif over:
            limit, wait = "chat", max(over)
        else:
            self._accepted.append(now)
            times.append(now)
            return None
        params["_limit"] = limit
        retry_after = max(1, math.ceil(wait))  # whole seconds, as Telegram gives them
        return _error(429, f"Too Many Requests: retry after {retry_after}",
                      {"retry_after": retry_after})
