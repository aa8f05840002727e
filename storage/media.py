"""Media files, stored by content hash.

The store is a small interface so that an S3-compatible backend can take the
place of the local disk. A file is written before its database row, atomically
(temporary file, fsync, rename), so a row never points at a half-written file;
a crash in between leaves only an orphan file for garbage collection.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PIL import Image, UnidentifiedImageError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Media

MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

# Pillow raises DecompressionBombError above this instead of only warning.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS // 2


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    kind: str
    content_type: str
    size: int
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class Refused:
    reason: str  # "not_image", "too_large"


class MediaStore(Protocol):
    def put(self, sha256: str, data: bytes) -> None: ...
    def open(self, sha256: str) -> bytes: ...
    def exists(self, sha256: str) -> bool: ...


class LocalMediaStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put(self, sha256: str, data: bytes) -> None:
        target = self.path(sha256)
        if target.exists():
            return  # same content, same name: nothing to do
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def open(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()


def inspect_photo(data: bytes) -> StoredFile | Refused:
    """Accept only what Pillow really decodes as JPEG, PNG or WebP (never trust names)."""
    if len(data) > MAX_PHOTO_BYTES:
        return Refused("too_large")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in PHOTO_FORMATS:
                return Refused("not_image")
            width, height = image.size
            if width * height > MAX_PIXELS:
                return Refused("too_large")
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError,
            SyntaxError):
        return Refused("not_image")
    return StoredFile(hashlib.sha256(data).hexdigest(), "photo", PHOTO_FORMATS[image.format],
                      len(data), width, height)


async def ingest_photo(store: MediaStore, data: bytes) -> StoredFile | Refused:
    """Check and keep a photo's bytes (off the event loop: decoding is CPU work)."""
    checked = await asyncio.to_thread(inspect_photo, data)
    if isinstance(checked, StoredFile):
        await asyncio.to_thread(store.put, checked.sha256, data)
    return checked


async def add_media(session: AsyncSession, conversation_id: int, stored: StoredFile) -> Media:
    media = Media(conversation_id=conversation_id, sha256=stored.sha256, kind=stored.kind,
                  content_type=stored.content_type, size=stored.size, width=stored.width,
                  height=stored.height)
    session.add(media)
    await session.flush()
    return media
