"""The Bot API stand-in with Telegram's flood limits, for tests with several processes.

`LimitedTelegram` is `FakeTelegram` (tests/fakes/telegram_api.py) that also:
- answers 429 with `retry_after`, as Telegram does, to a message (sendMessage or
  sendPhoto) beyond 30 accepted in the last second for the whole bot, or beyond a
  chat's bucket (1 per second, a burst of `chat_burst`: two more than the bot's own
  burst of 3, so that a paced sender stalled a moment on a busy machine is not a flood);
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
CHAT_RATE = 1.0  # messages per second per chat, sustained
CHAT_BURST = 5


class LimitedTelegram(FakeTelegram):
    def __init__(self, token: str, *, bot_per_second: int = BOT_PER_SECOND,
                 chat_rate: float = CHAT_RATE, chat_burst: int = CHAT_BURST):
        super().__init__(token)
        self.bot_per_second = bot_per_second
        self.chat_rate, self.chat_burst = chat_rate, chat_burst
        self._accepted: deque[float] = deque()  # arrival times in the last second
        self._chats: dict[int, tuple[float, float]] = {}  # chat -> (tokens, stamp)
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
        while self._accepted and self._accepted[0] <= now - 1.0:
            self._accepted.popleft()
        chat = int(params["chat_id"])
        tokens, stamp = self._chats.get(chat, (float(self.chat_burst), now))
        tokens = min(self.chat_burst, tokens + (now - stamp) * self.chat_rate)
        if len(self._accepted) >= self.bot_per_second:
            limit, wait = "bot", self._accepted[0] + 1.0 - now
        elif tokens < 1:
            limit, wait = "chat", (1 - tokens) / self.chat_rate
        else:
            self._accepted.append(now)
            self._chats[chat] = (tokens - 1, now)
            return None
        self._chats[chat] = (tokens, now)
        params["_limit"] = limit
        retry_after = max(1, math.ceil(wait))  # whole seconds, as Telegram gives them
        return _error(429, f"Too Many Requests: retry after {retry_after}",
                      {"retry_after": retry_after})
