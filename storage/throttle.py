"""Fixed-window request counters in the database, so a limit holds across processes
(`make run` has no Redis): the web chat counts new sessions per client address and
messages per session here.

One row per (scope, client, window), bumped by one upsert; the first request of a
window also deletes the windows that have ended, so the table stays small. The client
is kept only as a hash (an address is personal data).
"""

from __future__ import annotations

import hashlib
import math
import time

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

_HIT = sa.text(
    "INSERT INTO throttlewindow (bucket, hits, expires) VALUES (:bucket, 1, :expires) "
    "ON CONFLICT (bucket) DO UPDATE SET hits = throttlewindow.hits + 1 RETURNING hits")
_SWEEP = sa.text("DELETE FROM throttlewindow WHERE expires <= :now")


async def hit(session: AsyncSession, scope: str, who: str, limit: int, window: int,
              now: float | None = None) -> int | None:
    """Count one request of `who`: None when it is within `limit` per `window` seconds,
    else how many seconds until its window ends (for Retry-After)."""
    now = time.time() if now is None else now
    start = int(now // window) * window
    digest = hashlib.sha256(f"{scope}\0{who}".encode("utf-8", "surrogatepass")).hexdigest()
    bucket = f"{scope[:16]}:{start}:{digest[:40]}"
    hits = (await session.execute(_HIT, {"bucket": bucket,
                                         "expires": start + window})).scalar_one()
    if hits == 1:
        await session.execute(_SWEEP, {"now": int(now)})
    if hits <= limit:
        return None
    return max(1, math.ceil(start + window - now))


class Limited(Exception):
    """Over the limit: try again in `retry_after` seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"over the limit, retry after {retry_after} s")
        self.retry_after = retry_after


async def admit(session: AsyncSession, scope: str, who: str, limit: int, window: int) -> None:
    """`hit`, raising Limited when over: inside a caller's transaction (a turn's), the
    count costs no transaction of its own, and a refusal rolls the turn back."""
    retry_after = await hit(session, scope, who, limit, window)
    if retry_after is not None:
        raise Limited(retry_after)
