"""A durable local spool for messages a webhook could not record while the database was
away: the webhook still acknowledges them (Twilio never redelivers a 5xx), and they
are replayed into the database, in order, as soon as it answers again.

One file per message, `<nanoseconds>-<n>.json`, written to a temporary name, fsynced,
renamed and the folder fsynced: a message the webhook acknowledged survives a crash of
the process or the machine. Replay takes the files in name order (arrival order) under
an exclusive lock on the folder, so two processes sharing the folder never replay the
same file at once; a file is deleted only once its message is recorded, and recording is
deduplicated on the channel's message id, so a replay cut short is simply done again.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)
_counter = itertools.count()


class Spool:
    def __init__(self, folder: Path):
        self.folder = folder

    def put(self, entry: dict) -> Path:
        """Keep one message durably; returns its file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}-{next(_counter):06d}.json"
        final = self.folder / name
        temporary = self.folder / f".{name}.tmp"
        with open(temporary, "wb") as out:
            out.write(json.dumps(entry, ensure_ascii=False).encode())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, final)
        self._sync_folder()
        return final

    def waiting(self) -> list[Path]:
        """The spooled messages, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob("*.json"))

    def __bool__(self) -> bool:
        """Whether anything waits: asked on every webhook, so it stops at the first file
        instead of listing and sorting them all."""
        return self.folder.is_dir() and next(self.folder.glob("*.json"), None) is not None

    @contextlib.contextmanager
    def replaying(self) -> Iterator[bool]:
        """Whether this process holds the replay lock (another one may be replaying)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    @staticmethod
    def read(path: Path) -> dict | None:
        """A spooled entry; None for a file that is not one (it is set aside, not lost)."""
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):
            log.error("spool file %s is unreadable; moved aside", path.name)
            with contextlib.suppress(OSError):
                path.rename(path.with_suffix(".bad"))
            return None

    def done(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        self._sync_folder()

    def _sync_folder(self) -> None:
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
