"""Media files, stored by content hash, and the one pipeline every channel uses.

`ingest_photo` / `ingest_audio` take the bytes a channel downloaded (never their
name or declared type), check them, and store what we keep; the caller then adds
the `Media` row in its own transaction with `add_media`.

The store is a small async interface: the local disk here (MEDIA_ROOT), or an
S3-compatible bucket shared by every machine (storage/s3.py, MEDIA_STORE=s3://...).
A file is written before its database row, whole or not at all (here: temporary file,
fsync, rename), so a row never points at a half-written file; a crash in between
leaves only an orphan file, which `gc` removes once it is old.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from flows.model import MediaRef
from storage import audio, images

# Re-exported: the channels read the limits from here.
from storage.images import MAX_PHOTO_BYTES, MAX_PIXELS  # noqa: F401
from storage.models import Media
from storage.photoproc import in_photo_worker

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class StoredFile:
    sha256: str  # the file we serve: for a photo, the normalised JPEG
    kind: str  # "photo" | "audio"
    content_type: str
    size: int
    width: int = 0
    height: int = 0
    thumbnail_sha256: str = ""
    original_sha256: str = ""  # the bytes as received (for a photo: not kept)
    original_size: int = 0
    advice: tuple[str, ...] = ()  # "too_small", "blurry", "dark", "bright"
    phash: str = ""  # perceptual hash (hex) for is_near_duplicate
    duration_s: float | None = None  # audio, when it could be read cheaply


@dataclass(frozen=True)
class Refused:
    # "not_image", "not_audio", "too_large" (bytes), "too_many_pixels", "too_long" (audio)
    reason: str


class MediaStore(Protocol):
    """Files by content hash. `open` raises FileNotFoundError for a file it does not hold;
    `put` of a file already held refreshes its age, so that gc spares it."""

    async def put(self, sha256: str, data: bytes) -> None: ...
    async def open(self, sha256: str) -> bytes: ...
    async def exists(self, sha256: str) -> bool: ...
    async def stale(self, cutoff: float) -> list[str]:
        """Keys (ending in a file's name) of files last written before `cutoff`."""
    async def remove_stale(self, keys: list[str], cutoff: float) -> int:
        """Delete these unless written again since `cutoff`; how many went."""
    async def forget(self, sha256: str, cutoff: float) -> bool:
        """Delete one file unless written again since `cutoff` (an erasure: someone
        sending the same bytes right now keeps them); whether it went."""


_SHA256 = re.compile(r"[0-9a-f]{64}")
_TMP, _TRASH = ".tmp-", ".gc-"


class LocalMediaStore:
    """The local disk under MEDIA_ROOT, `ab/<sha256>`; blocking file work in a thread."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    async def exists(self, sha256: str) -> bool:
        return await asyncio.to_thread(self.path(sha256).exists)

    async def put(self, sha256: str, data: bytes) -> None:
        await asyncio.to_thread(self._put, sha256, data)

    async def open(self, sha256: str) -> bytes:
        return await asyncio.to_thread(self.path(sha256).read_bytes)

    async def stale(self, cutoff: float) -> list[str]:
        return await asyncio.to_thread(self._stale, cutoff)

    async def remove_stale(self, keys: list[str], cutoff: float) -> int:
        return await asyncio.to_thread(self._remove_stale, keys, cutoff)

    async def forget(self, sha256: str, cutoff: float) -> bool:
        return await self.remove_stale([f"{sha256[:2]}/{sha256}"], cutoff) == 1

    def _put(self, sha256: str, data: bytes) -> None:
        target = self.path(sha256)
        try:
            # Same content, same name: nothing to write. Touch it all the same, so
            # that gc's age window protects an old orphan that a new row is about
            # to reference again.
            os.utime(target)
            return
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)

    def _stale(self, cutoff: float) -> list[str]:
        """Files (as "ab/<name>") last touched before `cutoff`: stored files and the
        temporary files of interrupted writes; anything else under root is left alone."""
        found: list[str] = []
        if not self.root.is_dir():
            return found
        for shard in self.root.iterdir():
            if not shard.is_dir() or len(shard.name) != 2:
                continue
            for entry in shard.iterdir():
                name = entry.name
                if name.startswith(_TRASH) and _SHA256.fullmatch(name[len(_TRASH):]):
                    name = name[len(_TRASH):]  # a sweep died between its two steps
                    if (shard / name).exists():
                        entry.unlink(missing_ok=True)
                        continue
                    os.replace(entry, shard / name)
                elif not (_SHA256.fullmatch(name) or name.startswith(_TMP)):
                    continue
                try:
                    if (shard / name).stat().st_mtime < cutoff:
                        found.append(f"{shard.name}/{name}")
                except FileNotFoundError:
                    pass
        return found

    def _remove_stale(self, files: list[str], cutoff: float) -> int:
        removed = 0
        for rel in files:
            path = self.root / rel
            if path.name.startswith(_TMP):  # never referenced: old is enough
                try:
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
                        removed += 1
                except FileNotFoundError:
                    pass
                continue
            trash = path.with_name(_TRASH + path.name)
            try:
                # Move it aside, then look at its age: a `put` that touched it before
                # the move is seen (the file goes back), one after the move finds no
                # file and writes it anew.
                os.replace(path, trash)
                if trash.stat().st_mtime >= cutoff:
                    os.replace(trash, path)
                else:
                    trash.unlink()
                    removed += 1
            except FileNotFoundError:
                continue  # another sweep got there first
        return removed


def write_atomic(path: Path, data: bytes) -> None:
    """A whole file or none: temporary file, fsync, rename, fsync of the folder.

    The temporary name starts with `_TMP`, which gc knows to clean up after a crash."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)  # the rename itself survives a power cut


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a directory; the rename is done
    finally:
        os.close(fd)


# --- photos --------------------------------------------------------------------


def _prepare_photo(data: bytes, use_draft: bool = True
                   ) -> tuple[StoredFile, images.Photo] | Refused:
    return _stored(data, images.photo_or_refusal(data, use_draft))


def _stored(data: bytes, photo: images.Photo | str) -> tuple[StoredFile, images.Photo] | Refused:
    if isinstance(photo, str):
        return Refused(photo)
    stored = StoredFile(
        sha256=hashlib.sha256(photo.normal).hexdigest(), kind="photo",
        content_type="image/jpeg", size=len(photo.normal),
        width=photo.width, height=photo.height,
        thumbnail_sha256=hashlib.sha256(photo.thumbnail).hexdigest(),
        original_sha256=hashlib.sha256(data).hexdigest(), original_size=len(data),
        advice=photo.advice, phash=photo.phash)
    return stored, photo


def inspect_photo(data: bytes) -> StoredFile | Refused:
    """What `ingest_photo` would keep, without storing it (blocking: CPU work)."""
    prepared = _prepare_photo(data)
    return prepared if isinstance(prepared, Refused) else prepared[0]


async def ingest_photo(store: MediaStore, data: bytes, *,
                       use_draft: bool = True) -> StoredFile | Refused:
    """Check, normalise and keep a photo (decoded in a photo process, off the loop)."""
    prepared = _stored(data, await in_photo_worker(images.photo_or_refusal, data, use_draft))
    if isinstance(prepared, Refused):
        return prepared
    stored, photo = prepared
    await asyncio.gather(store.put(stored.thumbnail_sha256, photo.thumbnail),
                         store.put(stored.sha256, photo.normal))
    return stored


# --- voice notes ---------------------------------------------------------------


def _prepare_audio(data: bytes) -> StoredFile | Refused:
    try:
        info = audio.inspect_audio(data)
    except images.Unacceptable as exc:
        return Refused(exc.reason)
    sha256 = hashlib.sha256(data).hexdigest()
    return StoredFile(sha256=sha256, kind="audio", content_type=info.content_type,
                      size=len(data), original_sha256=sha256, original_size=len(data),
                      duration_s=info.duration_s)


async def ingest_audio(store: MediaStore, data: bytes,
                       declared_type: str | None = None) -> StoredFile | Refused:
    """Check and keep a voice note as received. `declared_type` is only logged:
    the bytes decide."""
    checked = await asyncio.to_thread(_prepare_audio, data)
    if isinstance(checked, StoredFile):
        if declared_type and declared_type.split(";")[0].strip() != checked.content_type:
            log.debug("voice note declared %s, is %s", declared_type, checked.content_type)
        await store.put(checked.sha256, data)
    return checked


# --- rows ----------------------------------------------------------------------


async def add_media(session: AsyncSession, conversation_id: int, stored: StoredFile) -> Media:
    """The row for a file `ingest_*` already stored (in the caller's transaction)."""
    media = Media(conversation_id=conversation_id, sha256=stored.sha256, kind=stored.kind,
                  content_type=stored.content_type, size=stored.size, width=stored.width,
                  height=stored.height, thumbnail_sha256=stored.thumbnail_sha256 or None,
                  original_sha256=stored.original_sha256 or None,
                  original_size=stored.original_size or None, phash=stored.phash or None,
                  advice=list(stored.advice), duration_s=stored.duration_s)
    session.add(media)
    await session.flush()
    return media


@asynccontextmanager
async def _session(source: Any) -> AsyncIterator[AsyncSession]:
    if hasattr(source, "transaction"):  # storage.db.Database
        async with source.transaction() as session:
            yield session
    else:  # an async_sessionmaker (or anything that makes an AsyncSession)
        async with source() as session, session.begin():
            yield session


async def gc(session_factory_or_db: Any, store: MediaStore,
             older_than: timedelta = timedelta(days=1)) -> int:
    """Delete stored files that no Media row references and nobody touched for
    `older_than`; returns how many. Files are listed before the rows are read, and
    each is looked at again just before it goes, so a photo being ingested right
    now (new, or an old orphan `put` touched again) is never lost."""
    cutoff = time.time() - older_than.total_seconds()
    candidates = await store.stale(cutoff)
    if not candidates:
        return 0
    referenced: set[str] = set()
    async with _session(session_factory_or_db) as session:
        rows = await session.execute(
            sa.select(Media.sha256, Media.thumbnail_sha256, Media.original_sha256))
        for row in rows:
            referenced.update(sha for sha in row if sha)
    doomed = [rel for rel in candidates if rel.rsplit("/", 1)[-1] not in referenced]
    removed = await store.remove_stale(doomed, cutoff)
    log.info("media gc: %d of %d old files removed", removed, len(candidates))
    return removed


async def media_type(session: AsyncSession, sha256: str) -> str:
    """The content type of a stored file: a voice note plays as audio, a thumbnail is JPEG."""
    found = (await session.execute(sa.select(Media.content_type).where(
        Media.sha256 == sha256).limit(1))).scalar()
    return found or "image/jpeg"  # thumbnails and normalised photos are JPEG


async def voice_notes(session: AsyncSession, conversation_id: int) -> list[Media]:
    """Every audio file the owner sent in this conversation (linked to a product or not)."""
    return list((await session.execute(sa.select(Media).where(
        Media.conversation_id == conversation_id, Media.kind == "audio")
        .order_by(Media.id))).scalars())


async def media_refs(session: AsyncSession, conversation_id: int,
                     files: tuple[StoredFile | Refused, ...]) -> tuple[MediaRef, ...]:
    """Rows for the files of one turn, as the engine sees them (refused ones say why)."""
    refs = []
    for f in files:
        if isinstance(f, StoredFile):
            media = await add_media(session, conversation_id, f)
            refs.append(MediaRef(media.id, f.kind, f.sha256, f.width, f.height,
                                 advice=tuple(f.advice), phash=f.phash or ""))
        else:
            refs.append(MediaRef(None, "invalid", reason=f.reason))
    return tuple(refs)
