"""python-telegram-bot's transport on aiohttp instead of httpx.

PTB turns every Bot API call into `do_request(url, method, data) -> (status, body)`
and keeps everything else (the error classes, RetryAfter, file downloads). httpx
cost about a millisecond of CPU per call under load, aiohttp, which serves this app
anyway, a fraction of that; the connections are kept alive (HTTP/1.1) in one pool.
"""

from __future__ import annotations

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_NONE = BaseRequest.DEFAULT_NONE  # PTB's "not given" marker
USER_AGENT = "tijara (python-telegram-bot transport on aiohttp)"


class AiohttpRequest(BaseRequest):
    """One aiohttp session per Bot: `pool_size` keep-alive connections to the Bot API."""

    def __init__(self, pool_size: int = 64, read_timeout: float | None = 10.0,
                 connect_timeout: float | None = 5.0, write_timeout: float | None = 20.0):
        self.pool_size = pool_size
        self._read, self._connect, self._write = read_timeout, connect_timeout, write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        self._open()

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.pool_size, keepalive_timeout=60),
                cookie_jar=aiohttp.DummyCookieJar(), headers={"User-Agent": USER_AGENT})
        return self._session

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout=DEFAULT_NONE, write_timeout=DEFAULT_NONE,
                         connect_timeout=DEFAULT_NONE, pool_timeout=DEFAULT_NONE,
                         ) -> tuple[int, bytes]:
        read = self._read if read_timeout is DEFAULT_NONE else read_timeout
        connect = self._connect if connect_timeout is DEFAULT_NONE else connect_timeout
        body = None
        if request_data is not None:
            files = request_data.multipart_data
            fields = request_data.json_parameters
            if files:
                form = aiohttp.FormData(quote_fields=False)
                for name, value in fields.items():
                    form.add_field(name, value)
                for name, (filename, content, mime) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mime)
                body = form
                write = self._write if write_timeout is DEFAULT_NONE else write_timeout
                read = max(read or 0, write or 0) or None  # an upload's time is spent writing
            else:
                body = fields  # form-encoded, as PTB's httpx transport sends it
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read)
        try:
            async with self._open().request(method, url, data=body, timeout=timeout) as resp:
                return resp.status, await resp.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
