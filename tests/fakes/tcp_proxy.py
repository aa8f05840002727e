"""A TCP proxy the tests control, between the app and the real PostgreSQL: the database
"goes away" without touching the server other tests use.

- `stop()`: every connection is cut and new ones are refused (a stopped server);
- `stall()`: connections stay open but no byte goes through (packets held);
- `resume()`: back to normal (held bytes flow on, new connections are accepted).
"""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy.engine import make_url


class TcpProxy:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.server: asyncio.Server | None = None
        self.port = 0
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.refusing = False
        self._pairs: set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = set()
        self._tasks: set[asyncio.Task] = set()

    async def start(self) -> TcpProxy:
        self.server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    def url(self, pg_url: str) -> str:
        """The PostgreSQL URL with host and port replaced by the proxy's."""
        return make_url(pg_url).set(host="127.0.0.1", port=self.port).render_as_string(
            hide_password=False)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        if self.refusing:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        pair = (writer, up_writer)
        self._pairs.add(pair)
        for src, dst in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(src, dst))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        try:
            while data := await src.read(65536):
                await self.flowing.wait()
                dst.write(data)
                await dst.drain()
        except (OSError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                dst.close()

    def stop(self) -> None:
        self.refusing = True
        for downstream, upstream in list(self._pairs):
            downstream.close()
            upstream.close()
        self._pairs.clear()

    def stall(self) -> None:
        self.flowing.clear()

    def resume(self) -> None:
        self.refusing = False
        self.flowing.set()

    async def close(self) -> None:
        self.stop()
        for task in list(self._tasks):
            task.cancel()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
