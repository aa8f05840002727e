"""The photo processes: photos are decoded there, off the event loop's process.

Not threads: a low-priority thread holding the GIL while the OS ran something else
stalled the event loop, and every other owner's reply, for 250 ms at a time on a busy
machine (12 photos beside two busy processes: loop lag max 256 ms with threads at nice
10, 4-7 ms with processes; p99 18 ms against 2-4 ms on a machine at load 2).
At most two (memory stays bounded whatever the album size: a 40 MP decode takes a few
hundred MB), at a lower priority, spawned (forking a process that runs threads is
unsafe). A spawned process imports only this module, storage.images and what `tijara`
itself imports first (bot/__main__.py): about 40 MB, not the app's 160.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

log = logging.getLogger(__name__)

PHOTO_NICE = 10
PHOTO_WORKERS = max(1, min(2, (os.cpu_count() or 1) - 1))
_pool: ProcessPoolExecutor | None = None


def _lower_priority() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not Unix, or not allowed
        os.nice(PHOTO_NICE)


def _photo_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(PHOTO_WORKERS, mp_context=mp.get_context("spawn"),
                                    initializer=_lower_priority)
    return _pool


def start_photo_workers() -> None:
    """Start the photo processes now (their imports take a second) rather than on the
    first photo of the day; returns at once."""
    for _ in range(PHOTO_WORKERS):
        _photo_pool().submit(int)


async def in_photo_worker(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)` in a photo process (`fn` from a module light to import). A process
    killed under it (out of memory on a hostile file) takes a fresh pool and one more
    try; a second death is raised."""
    global _pool
    loop = asyncio.get_running_loop()
    pool = _photo_pool()
    try:
        return await loop.run_in_executor(pool, fn, *args)
    except BrokenProcessPool:
        log.warning("a photo process died; trying once more with a fresh one")
        if _pool is pool:
            _pool = None
            pool.shutdown(wait=False, cancel_futures=True)
    return await loop.run_in_executor(_photo_pool(), fn, *args)
