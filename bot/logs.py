"""Logging for every process: one line per event, JSON (for machines) or text (for people).

`configure` is called once by the command line (bot/cli.py) before anything logs.
Every line carries the id of the HTTP request it belongs to (`request_id`, from the
`X-Request-Id` the app middleware sets, bot/app.py), and nothing that opens a
conversation or a file reaches a log: a web-chat session id in a path is masked, and
so is the query of a signed link (`sig=`), in every line and traceback.
"""

from __future__ import annotations

import logging
import re
import sys
import uuid
from contextvars import ContextVar

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse
from pythonjsonlogger.json import JsonFormatter

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("json", "text")
REQUEST_ID_HEADER = "X-Request-Id"

# The request being served: set by the app's middleware for the handler and every task it
# starts (tasks copy the context), read by each log line.
request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

# An id a proxy or client sent is kept when it is short and plain, so one id follows a
# request through the load balancer's logs and ours; anything else is replaced.
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
# The session id is the web chat's only credential: whoever has it reads the conversation.
SESSION_PATH = re.compile(r"(/api/chat/sessions/)[^/?#\s\"']+")
# A signed media link works for anyone until it expires.
SIGNED_QUERY = re.compile(r"\?[^\s\"'#,]*\bsig=[^\s\"'#,]*")
# An owner's link opens their agent's draft until it expires (bot/agent_links.py).
OWNER_LINK = re.compile(r"(own-|/agents/confirm/)[a-z0-9]+-[a-z0-9]+-[0-9a-f]+")
# A Telegram bot token is part of every Bot API URL (httpx logs each request it makes).
BOT_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
# Libraries whose INFO or DEBUG lines hold what must not be logged: SQL parameters (session
# ids), request URLs (the bot token), or are noise (Alembic's "Context impl" at each start).
QUIET = ("aiosqlite", "alembic", "httpx", "httpcore", "sqlalchemy.engine", "telegram")


def incoming_id(given: str | None) -> str:
    """The request id for a request: the caller's if sane, else a new one."""
    if given and SANE_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


def scrub(text: str) -> str:
    """`text` with web-chat session ids, signed links and bot tokens masked."""
    text = OWNER_LINK.sub(r"\1<signed>", SESSION_PATH.sub(r"\1<session>", text))
    return BOT_TOKEN.sub("<bot-token>", SIGNED_QUERY.sub("?<signed>", text))


class _Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get()
        return True


class _ScrubbedJson(JsonFormatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class _ScrubbedText(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if getattr(record, "request_id", None) is None:
            record.request_id = "-"
        return scrub(super().format(record))


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (a test may swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def formatter(fmt: str) -> logging.Formatter:
    if fmt == "text":
        return _ScrubbedText("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
    return _ScrubbedJson("%(levelname)s %(name)s %(message)s %(request_id)s",
                         rename_fields={"levelname": "level", "name": "logger"},
                         timestamp=True)


def configure(level: str = "INFO", fmt: str = "json") -> None:
    """One handler on the root logger, to stderr; calling again replaces it."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(old)
    handler = StderrHandler()
    handler.addFilter(_Context())
    handler.setFormatter(formatter(fmt))
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET:  # LOG_LEVEL=DEBUG is for this project's code
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))


class AccessLog(AbstractAccessLogger):
    """aiohttp's access log (`web.run_app(access_log_class=AccessLog)`): one line per
    request, the path masked, the request id from the response."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        path = scrub(request.path_qs)
        self.logger.info("%s %s %s", request.method, path, response.status, extra={
            "method": request.method, "path": path, "status": response.status,
            "duration_ms": round(time * 1000, 1), "remote": request.remote,
            "request_id": response.headers.get(REQUEST_ID_HEADER)})
