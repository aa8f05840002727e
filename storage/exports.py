"""Where the export folder goes (bot/outbox/export.py): `<var_dir>/exports` on this
machine, or `exports/` in the shared bucket (storage/s3.py `S3ExportFolder`).

Names are relative to the folder, `/`-separated: `12/submission.json`, `products.csv`.
Every file is written whole or not at all (here: temporary file, fsync, rename).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Protocol

from storage.media import write_atomic


class ExportFolder(Protocol):
    async def write(self, name: str, data: bytes) -> None: ...
    async def read(self, name: str) -> bytes: ...  # FileNotFoundError when not there
    async def names(self, folder: str) -> list[str]:
        """The files directly in `folder` (their names only)."""
    async def remove(self, name: str) -> None: ...
    def where(self, name: str) -> str:
        """Where `name` is, for a person to find it (a path or an s3:// URL)."""


class LocalExportFolder:
    def __init__(self, root: Path):
        self.root = Path(root)

    async def write(self, name: str, data: bytes) -> None:
        def write() -> None:
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        await asyncio.to_thread(write)

    async def read(self, name: str) -> bytes:
        return await asyncio.to_thread((self.root / name).read_bytes)

    async def names(self, folder: str) -> list[str]:
        def listing() -> list[str]:
            path = self.root / folder
            if not path.is_dir():
                return []
            # Not the hidden ones: a write's temporary file.
            return [p.name for p in path.iterdir()
                    if p.is_file() and not p.name.startswith(".")]
        return await asyncio.to_thread(listing)

    async def remove(self, name: str) -> None:
        await asyncio.to_thread((self.root / name).unlink, missing_ok=True)

    def where(self, name: str) -> str:
        return str(self.root / name)
