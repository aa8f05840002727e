"""The content-addressed store (local disk and an S3 bucket on a real S3-protocol server),
the Media rows, garbage collection and the migration."""

from __future__ import annotations

import asyncio
import hashlib
import io
import math
import os
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from PIL import Image

from bot.runtime import open_files
from bot.settings import Settings
from storage.db import Database
from storage.media import LocalMediaStore, StoredFile, add_media, gc, ingest_photo
from storage.migrate import alembic_config, upgrade
from storage.models import Media

TWO_DAYS = 2 * 24 * 3600


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def age(path, seconds: float = TWO_DAYS) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def photo_bytes(colour=(180, 90, 40)) -> bytes:
    out = io.BytesIO()
    img = Image.radial_gradient("L").resize((800, 600)).convert("RGB")
    Image.blend(img, Image.new("RGB", img.size, colour), 0.5).save(out, "JPEG")
    return out.getvalue()


# --- the store: local disk and an S3 bucket alike -----------------------------------


@pytest.fixture(params=["local", "s3"])
async def store(request, tmp_path):
    """The runtime's media store (bot/runtime.py `open_files`) on either backend."""
    update = {} if request.param == "local" else request.getfixturevalue("s3_store_url").settings()
    settings = Settings(media_root=tmp_path / "media", var_dir=tmp_path).model_copy(
        update=update)
    async with open_files(settings) as (media, _):
        yield media


async def past_a_second() -> float:
    """A cutoff that files written so far are older than and files written from now on
    are not, on any store (S3 keeps LastModified to the second)."""
    cutoff = float(math.ceil(time.time()))
    while time.time() < cutoff + 1:
        await asyncio.sleep(0.05)
    return cutoff


def older_than(cutoff: float) -> timedelta:
    return timedelta(seconds=time.time() - cutoff)


async def test_a_stored_file_reads_back_and_a_missing_one_is_not_found(store):
    data = b"some bytes"
    await store.put(sha(data), data)
    assert await store.open(sha(data)) == data and await store.exists(sha(data))
    assert not await store.exists(sha(b"never stored"))
    with pytest.raises(FileNotFoundError):
        await store.open(sha(b"never stored"))


async def test_gc_removes_old_orphans_and_keeps_what_rows_reference(db, store):
    stored = await ingest_photo(store, photo_bytes())
    legacy = b"a photo stored before the pipeline, under its original hash"
    await store.put(sha(legacy), legacy)
    async with db.transaction() as session:
        await add_media(session, None, stored)
        session.add(Media(sha256=sha(legacy), kind="photo", content_type="image/jpeg",
                          size=len(legacy), original_sha256=sha(legacy)))
    orphan_old, sent_again = b"crashed before its row", b"lost, and sent again today"
    await store.put(sha(orphan_old), orphan_old)
    await store.put(sha(sent_again), sent_again)
    cutoff = await past_a_second()
    orphan_new = b"row about to be committed"
    await store.put(sha(orphan_new), orphan_new)
    await store.put(sha(sent_again), sent_again)  # the new ingest: its row not committed yet

    assert await gc(db, store, older_than=older_than(cutoff)) == 1

    assert not await store.exists(sha(orphan_old))
    for kept in (stored.sha256, stored.thumbnail_sha256, sha(legacy), sha(orphan_new),
                 sha(sent_again)):
        assert await store.exists(kept)
    assert await gc(db.sessions, store, older_than=older_than(cutoff)) == 0


async def test_gc_spares_a_file_written_again_between_its_listing_and_its_removal(store):
    data = b"an old orphan, sent again while gc runs"
    await store.put(sha(data), data)
    cutoff = await past_a_second()
    (key,) = await store.stale(cutoff)
    await store.put(sha(data), data)
    assert await store.remove_stale([key], cutoff) == 0
    assert await store.open(sha(data)) == data


# --- the local disk -------------------------------------------------------------------


async def test_put_is_content_addressed_and_leaves_no_temporary_file(tmp_path):
    store = LocalMediaStore(tmp_path)
    data = b"some bytes"
    await store.put(sha(data), data)
    assert store.path(sha(data)) == tmp_path / sha(data)[:2] / sha(data)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [sha(data)]


async def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    store = LocalMediaStore(tmp_path)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        await store.put(sha(b"x"), b"x")
    assert not await store.exists(sha(b"x"))
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


async def test_putting_existing_content_again_touches_it(tmp_path):
    store = LocalMediaStore(tmp_path)
    await store.put(sha(b"x"), b"x")
    age(store.path(sha(b"x")))
    await store.put(sha(b"x"), b"x")
    assert time.time() - store.path(sha(b"x")).stat().st_mtime < 60


async def test_add_media_records_the_pipeline_columns(db, tmp_path):
    stored = await ingest_photo(LocalMediaStore(tmp_path), photo_bytes())
    assert isinstance(stored, StoredFile)
    async with db.transaction() as session:
        media_id = (await add_media(session, None, stored)).id
    async with db.transaction() as session:
        row = await session.get(Media, media_id)
    assert (row.sha256, row.thumbnail_sha256, row.original_sha256) == (
        stored.sha256, stored.thumbnail_sha256, stored.original_sha256)
    assert (row.original_size, row.phash, row.advice) == (
        stored.original_size, stored.phash, list(stored.advice))
    assert (row.kind, row.content_type, row.duration_s) == ("photo", "image/jpeg", None)


async def test_local_gc_cleans_interrupted_writes_and_leaves_strangers_alone(db, tmp_path):
    store = LocalMediaStore(tmp_path / "media")
    orphan = b"crashed before its row"
    await store.put(sha(orphan), orphan)
    stale_tmp = store.path(sha(orphan)).parent / ".tmp-abc123"
    stale_tmp.write_bytes(b"half a file")
    stray = tmp_path / "media" / "ab" / "notes.txt"
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("not ours")
    for path in (store.path(sha(orphan)), stale_tmp, stray):
        age(path)

    assert await gc(db, store) == 2

    assert not await store.exists(sha(orphan)) and not stale_tmp.exists()
    assert stray.exists()
    assert not list((tmp_path / "media").rglob(".gc-*"))


async def test_gc_puts_back_a_file_it_had_moved_aside_when_it_died(db, tmp_path):
    store = LocalMediaStore(tmp_path)
    data = b"referenced"
    await store.put(sha(data), data)
    async with db.transaction() as session:
        session.add(Media(sha256=sha(data), kind="photo", content_type="image/jpeg",
                          size=len(data)))
    path = store.path(sha(data))
    os.replace(path, path.with_name(".gc-" + path.name))
    age(path.with_name(".gc-" + path.name))
    assert await gc(db, store) == 0
    assert await store.open(sha(data)) == data


# --- the migration --------------------------------------------------------------------


async def test_migration_0002_upgrades_and_downgrades_with_data(tmp_path):
    url = f"sqlite:///{tmp_path}/t.db"
    await asyncio.to_thread(upgrade, url, "0001")
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.execute(sa.text(
            "INSERT INTO conversation (channel, user_ref, locale, script, step, state, "
            "version, status, created_at, updated_at) VALUES ('web', 'u1', 'fr', 'Latn', "
            "'start', '{}', 0, 'active', '2026-01-01', '2026-01-01')"))
        await conn.execute(sa.text(
            "INSERT INTO media (conversation_id, sha256, kind, content_type, size, width, "
            "height, created_at) VALUES (1, :sha, 'photo', 'image/jpeg', 1234, 800, 600, "
            "'2026-01-01')"), {"sha": "ab" * 32})
        await conn.execute(sa.text(
            "INSERT INTO business (conversation_id, name, owner_name, language, script, "
            "channel, created_at, updated_at) VALUES (1, 'Tifawt', 'Fatima', 'fr', 'Latn', "
            "'web', '2026-01-01', '2026-01-01')"))
        await conn.execute(sa.text(
            "INSERT INTO product (business_id, position, name, description) "
            "VALUES (1, 0, 'Huile', '')"))
        await conn.execute(sa.text(
            "INSERT INTO productmedia (product_id, media_id, position) VALUES (1, 1, 0)"))
    await db.close()

    # Only this revision: later ones belong to other changes.
    await asyncio.to_thread(upgrade, url, "0002")
    db = Database(url)
    async with db.engine.begin() as conn:
        row = (await conn.execute(sa.text(
            "SELECT original_sha256, original_size, advice, thumbnail_sha256 FROM media"))).one()
    assert tuple(row) == ("ab" * 32, 1234, "[]", None)

    # Back to 0001 while productmedia still points at the row, and up again.
    await asyncio.to_thread(command.downgrade, alembic_config(url), "0001")
    async with db.engine.begin() as conn:
        columns = (await conn.execute(sa.text("PRAGMA table_info(media)"))).all()
        assert "advice" not in {c[1] for c in columns}
        assert (await conn.execute(sa.text("SELECT count(*) FROM productmedia"))).scalar() == 1
    await db.close()
    await asyncio.to_thread(upgrade, url, "0002")
