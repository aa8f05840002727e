"""Erasing a person from the command line or the admin pages: the rows in one
transaction (storage/erasure.py), then at once the files, which the worker would do
otherwise (bot/outbox/erase_files.py)."""

from __future__ import annotations

import logging

from bot.outbox.erase_files import erase_files
from flows.listing import Rate
from storage import erasure, outbox
from storage.db import Database
from storage.erasure import Erased
from storage.exports import ExportFolder
from storage.media import MediaStore

log = logging.getLogger(__name__)


async def erase_now(db: Database, conversation_ids: list[int], *, media: MediaStore,
                    exports: ExportFolder, cause: str, actor: str, remote: str = "",
                    reason: str = "", rate: Rate | None = None) -> tuple[Erased, int]:
    """What was erased, and how many media files went already (`rate`: the settings' USD
    rate, for products.csv)."""
    async with db.transaction() as session:
        erased = await erasure.erase(session, conversation_ids, cause=cause, actor=actor,
                                     remote=remote, reason=reason)
    removed = 0
    if erased.files_row is not None:
        try:
            async with db.transaction() as session:  # leased: a worker leaves it to us
                rows = await outbox.claim(session, ids=[erased.files_row], limit=1,
                                          kinds=(erasure.ERASE_FILES,))
            for row in rows:
                removed = await erase_files(db, media, exports, row.payload, rate)
                async with db.transaction() as session:
                    await outbox.drop(session, row.id)
        except Exception:  # noqa: BLE001 - the worker runs the row again
            log.exception("erasure files: left to the worker")
    return erased, removed
