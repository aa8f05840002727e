"""What an erasure cannot do in its transaction (storage/erasure.py): the files.

An "erase_files" row names the export folders of the erased submissions and the media
files of the erased rows. Each export folder is emptied and products.csv rewritten from
the database (where they are no more); each media file goes unless another row refers to
it (another owner sent the same photo: same bytes, same name) or it was written again
since the erasure. Then the row itself goes: its payload holds the files' hashes.
Idempotent: a row run twice finds less to do.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

from bot.outbox.export import export_csv
from bot.outbox.handler import Handler
from flows.listing import Rate
from storage import outbox
from storage.db import Database
from storage.exports import ExportFolder
from storage.media import MediaStore
from storage.models import Media, Outbox

log = logging.getLogger(__name__)


def erase_files_handler(db: Database, store: MediaStore, exports: ExportFolder,
                        rate: Rate | None = None) -> Handler:
    async def run(row: Outbox) -> None:
        await erase_files(db, store, exports, row.payload, rate)
        async with db.transaction() as session:
            await outbox.drop(session, row.id)

    return run


async def erase_files(db: Database, store: MediaStore, exports: ExportFolder,
                      payload: dict, rate: Rate | None = None) -> int:
    """Remove what `payload` names; how many media files went. `rate`: the USD rate
    products.csv is rewritten with (the settings')."""
    folders = [str(sid) for sid in payload.get("exports", ())]
    for folder in folders:
        for name in await exports.names(folder):
            await exports.remove(f"{folder}/{name}")
    if folders:
        try:
            await exports.read("products.csv")
        except FileNotFoundError:
            pass  # never written: the storefront backend takes the handoffs
        else:
            await export_csv(db, exports, rate)
    files = list(payload.get("files", ()))
    if not files:
        return 0
    async with db.transaction() as session:
        rows = await session.execute(
            sa.select(Media.sha256, Media.thumbnail_sha256, Media.original_sha256).where(
                sa.or_(Media.sha256.in_(files), Media.thumbnail_sha256.in_(files),
                       Media.original_sha256.in_(files))))
        kept = {sha for row in rows for sha in row if sha}
    removed = 0
    for sha in files:
        if sha not in kept and await store.forget(sha, payload.get("cutoff", 0.0)):
            removed += 1
    log.info("erasure: %d of %d media files removed, %d export folders emptied",
             removed, len(files), len(folders))
    return removed
