"""A local stand-in for the Telegram Bot API, speaking the protocol PTB uses.

- `POST /bot<token>/<method>` with form, multipart or JSON parameters (nested
  objects such as `reply_markup` arrive as JSON strings and are decoded) ->
  `{"ok": true, "result": ...}`; errors with a non-2xx status and
  `{"ok": false, "error_code", "description", "parameters"}` as Telegram does.
- `GET /file/bot<token>/<file_path>` serves the bytes of files added with `add_file`.
- Every call is recorded (`calls`), with the time it arrived. An uploaded file (a
  multipart part, e.g. sendPhoto's `photo`) is kept as bytes in the call's params,
  its filename and content type under `_files`.
- Faults: `rate_limit(n, retry_after, chat_id=None)` answers 429 to the next n
  sendMessage calls (to that chat only, when given); `fail(n, after)` answers 502 to n
  sendMessage calls once `after` more have gone;
  `block(chat_id)` answers 403 "bot was blocked by the user" for that chat.
- Flood control, as Telegram does it, once `enforce_limits()` is called: more than
  `per_bot` (30) messages in any second, or more than `per_chat` (4) to one chat in any
  second, answer 429 with retry_after (`flood_429s` counts the bot-wide ones,
  `chat_429s` a chat's; `throttled` both).
- `listeners`: callables told of every call that succeeded (`Call.at`: when it arrived).
- `push_update(...)` queues updates for getUpdates (long polling).
- `menu_button`: the bot's default menu button (setChatMenuButton sets it,
  getChatMenuButton answers it; Telegram's default until then).

Usage: `fake = FakeTelegram(TOKEN); server = await aiohttp_server(fake.app())`,
then point TELEGRAM_API_BASE_URL at `fake.api_base(server)`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "Tijara",
            "username": "tijara_test_bot"}
JSON_FIELDS = ("reply_markup", "allowed_updates", "entities", "link_preview_options",
               "reply_parameters", "media", "caption_entities", "menu_button")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def markup(self) -> dict:
        return self.params.get("reply_markup") or {}


class FakeTelegram:
    def __init__(self, token: str):
        self.token = token
        self.calls: list[Call] = []
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, bytes)
        self.blocked: set[int] = set()
        self.limited = 0  # how many sendMessage calls still get a 429
        self.limited_chat: int | None = None  # ... to this chat only
        self.retry_after = 1
        self.failing = 0  # how many sendMessage calls still get a 502 ...
        self.failing_after = 0  # ... once this many more have gone
        self.per_bot: int | None = None  # messages per second, when limits are enforced
        self.per_chat: int | None = None
        self.flood_429s = 0  # 429s for the bot-wide limit
        self.chat_429s = 0  # 429s for a chat's limit
        self.updates: list[dict] = []
        self._news = asyncio.Event()
        self._message_ids = itertools.count(1000)
        self.listeners: list[Callable[[Call], None]] = []
        self.menu_button: dict = {"type": "default"}  # the bot's default menu button

    # --- setup ---

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/bot{token}/{method}", self._method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        return app

    @staticmethod
    def api_base(server) -> str:
        return str(server.make_url("/bot"))

    @staticmethod
    def file_base(server) -> str:
        return str(server.make_url("/file/bot"))

    def add_file(self, file_id: str, data: bytes, path: str | None = None) -> None:
        self.files[file_id] = (path or f"files/{file_id}", data)

    def rate_limit(self, n: int, retry_after: int = 1, chat_id: int | None = None) -> None:
        self.limited, self.retry_after, self.limited_chat = n, retry_after, chat_id

    def fail(self, n: int, after: int = 0) -> None:
        self.failing, self.failing_after = n, after

    def enforce_limits(self, per_bot: int = 30, per_chat: int = 4) -> None:
        self.per_bot, self.per_chat = per_bot, per_chat

    @property
    def throttled(self) -> int:
        """429s answered for going over `enforce_limits`."""
        return self.flood_429s + self.chat_429s

    def block(self, chat_id: int) -> None:
        self.blocked.add(chat_id)

    def push_update(self, update: dict) -> None:
        self.updates.append(update)
        self._news.set()

    # --- what the bot did ---

    def called(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method
                and (chat_id is None or c.chat_id == chat_id)]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """sendMessage calls that succeeded (a 429 or 403 answer is not a message)."""
        return [c for c in self.called("sendMessage", chat_id) if c.params.get("_ok")]

    def photos(self, chat_id: int | None = None) -> list[Call]:
        """sendPhoto calls that succeeded; `params["photo"]` is the uploaded bytes."""
        return [c for c in self.called("sendPhoto", chat_id) if c.params.get("_ok")]

    async def wait_for(self, condition: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("the bot did not do what was expected in time")
            await asyncio.sleep(0.02)

    # --- the protocol ---

    async def _method(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        handler = getattr(self, f"_do_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        response = await handler(params)
        if response.status == 200:
            params["_ok"] = True
            for listener in self.listeners:
                listener(call)
        return response

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        for file_path, data in self.files.values():
            if file_path == path:
                return web.Response(body=data, content_type="application/octet-stream")
        return web.Response(status=404)

    async def _do_getMe(self, params: dict) -> web.Response:
        return _ok(BOT_USER)

    def _flooded(self, chat_id: int) -> bool:
        """Over Telegram's limits, counting the messages that went in the last second."""
        if self.per_bot is None:
            return False
        since = time.monotonic() - 1.0
        recent = []
        for c in reversed(self.calls):  # newest first: only the last second is read
            if c.at <= since:
                break
            if c.params.get("_ok") and c.method in ("sendMessage", "sendPhoto"):
                recent.append(c)
        if len(recent) >= self.per_bot:
            self.flood_429s += 1
            return True
        if len([c for c in recent if c.chat_id == chat_id]) >= (self.per_chat or 0):
            self.chat_429s += 1
            return True
        return False

    async def _do_sendMessage(self, params: dict) -> web.Response:
        chat_id = int(params["chat_id"])
        if self.limited > 0 and self.limited_chat in (None, chat_id):
            self.limited -= 1
            return _error(429, f"Too Many Requests: retry after {self.retry_after}",
                          {"retry_after": self.retry_after})
        if self._flooded(chat_id):
            return _error(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        if self.failing > 0:
            if self.failing_after > 0:
                self.failing_after -= 1
            else:
                self.failing -= 1
                return _error(502, "Bad Gateway")
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        if not params.get("text"):
            return _error(400, "Bad Request: message text is empty")
        if len(str(params["text"]).encode("utf-16-le")) // 2 > 4096:
            return _error(400, "Bad Request: message is too long")
        return _ok(self._message(chat_id, text=params["text"]))

    async def _do_sendPhoto(self, params: dict) -> web.Response:
        chat_id = int(params["chat_id"])
        if self._flooded(chat_id):
            return _error(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        photo = params.get("photo")
        if not photo:
            return _error(400, "Bad Request: there is no photo in the request")
        if isinstance(photo, bytes) and len(photo) > 10 * 1024 * 1024:
            return _error(400, "Bad Request: file is too big")
        if len(str(params.get("caption", "")).encode("utf-16-le")) // 2 > 1024:
            return _error(400, "Bad Request: message caption is too long")
        photo = [{"file_id": "sent-photo", "file_unique_id": "sent-photo-u", "width": 90,
                  "height": 90}]
        return _ok(self._message(chat_id, photo=photo))

    async def _do_answerCallbackQuery(self, params: dict) -> web.Response:
        return _ok(True)

    async def _do_editMessageReplyMarkup(self, params: dict) -> web.Response:
        return _ok(self._message(int(params["chat_id"]), text="(edited)"))

    async def _do_getFile(self, params: dict) -> web.Response:
        file_id = params.get("file_id")
        if file_id not in self.files:
            return _error(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return _ok({"file_id": file_id, "file_unique_id": f"u-{file_id}",
                    "file_size": len(data), "file_path": path})

    async def _do_setWebhook(self, params: dict) -> web.Response:
        return _ok(True)

    async def _do_deleteWebhook(self, params: dict) -> web.Response:
        return _ok(True)

    async def _do_getChatMenuButton(self, params: dict) -> web.Response:
        return _ok(self.menu_button)

    async def _do_setChatMenuButton(self, params: dict) -> web.Response:
        self.menu_button = params.get("menu_button") or {"type": "default"}
        return _ok(True)

    async def _do_getUpdates(self, params: dict) -> web.Response:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        while True:
            ready = [u for u in self.updates if u["update_id"] >= offset]
            if ready or time.monotonic() >= deadline:
                return _ok(ready)
            self._news.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._news.wait(), max(deadline - time.monotonic(), 0))

    def _message(self, chat_id: int, **content) -> dict:
        return {"message_id": next(self._message_ids), "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER, **content}


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        params = dict(body) if isinstance(body, dict) else {}
    else:
        form = await request.post()
        params = {k: (v.file.read() if isinstance(v, web.FileField) else v)
                  for k, v in form.items()}
        files = {k: (v.filename, v.content_type) for k, v in form.items()
                 if isinstance(v, web.FileField)}
        if files:
            params["_files"] = files
    for key in JSON_FIELDS:
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, parameters: dict | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


class TelegramUser:
    """Someone writing to the bot: builds updates as Telegram would send them."""

    _update_ids = itertools.count(500_000)

    def __init__(self, user_id: int, first_name: str = "Fatima", language_code: str = "fr"):
        self.id = user_id
        self.first_name, self.language_code = first_name, language_code
        self._message_ids = itertools.count(1)

    @property
    def sender(self) -> dict:
        return {"id": self.id, "is_bot": False, "first_name": self.first_name,
                "language_code": self.language_code}

    @property
    def chat(self) -> dict:
        return {"id": self.id, "type": "private", "first_name": self.first_name}

    def update(self, **body) -> dict:
        return {"update_id": next(self._update_ids), **body}

    def message(self, **content) -> dict:
        return self.update(message={"message_id": next(self._message_ids),
                                    "date": int(time.time()), "from": self.sender,
                                    "chat": self.chat, **content})

    def text(self, text: str) -> dict:
        entities = ([{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
                    if text.startswith("/") else None)
        return self.message(text=text, **({"entities": entities} if entities else {}))

    def photo(self, file_id: str, size: int = 50_000, group: str | None = None) -> dict:
        sizes = [{"file_id": f"{file_id}-s", "file_unique_id": f"{file_id}-su", "width": 90,
                  "height": 70, "file_size": 1500},
                 {"file_id": file_id, "file_unique_id": f"{file_id}-u", "width": 900,
                  "height": 700, "file_size": size}]
        return self.message(photo=sizes, **({"media_group_id": group} if group else {}))

    def contact(self, phone: str, user_id: int | None = None) -> dict:
        return self.message(contact={"phone_number": phone, "first_name": self.first_name,
                                     "user_id": self.id if user_id is None else user_id})

    def press(self, data: str, message_id: int = 1) -> dict:
        return self.update(callback_query={
            "id": f"cq-{next(self._update_ids)}", "from": self.sender,
            "chat_instance": "-826029374829", "data": data,
            "message": {"message_id": message_id, "date": int(time.time()), "chat": self.chat,
                        "from": BOT_USER, "text": "…"}})

    def edit(self, message_id: int, text: str) -> dict:
        return self.update(edited_message={
            "message_id": message_id, "date": int(time.time()) - 30,
            "edit_date": int(time.time()), "from": self.sender, "chat": self.chat,
            "text": text})

    def block(self, status: str = "kicked") -> dict:
        return self.update(my_chat_member={
            "chat": self.chat, "from": self.sender, "date": int(time.time()),
            "old_chat_member": {"user": BOT_USER, "status": "member"},
            "new_chat_member": {"user": BOT_USER, "status": status,
                                **({"until_date": 0} if status == "kicked" else {})}})


def busiest_window(times: list[float], width: float = 1.0) -> int:
    """The most of these moments in any window of `width` seconds (Telegram counts a
    bot's messages per second)."""
    times, most, start = sorted(times), 0, 0
    for end, t in enumerate(times):
        while times[start] <= t - width:
            start += 1
        most = max(most, end - start + 1)
    return most
