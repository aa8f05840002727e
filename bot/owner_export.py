"""One owner's data as one ZIP: `data.json` (every field held) and their photos and voice
notes, read through the media store (local disk or S3 alike), for the owner's signed link,
the admin's button and `tijara owner export`. Each export leaves an audit entry (who, which
conversation, how many files; never what they hold).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import orjson

from bot.i18n import LOCALES, catalog
from flows.model import Msg
from storage import audit
from storage.db import Database
from storage.media import MediaStore
from storage.owner_data import OwnerData, file_name, gather


def readme() -> str:
    """What the archive holds, in the four locales (the owner may not read the one their
    chat is in: an agent may have chosen it)."""
    words = catalog()
    return "\n\n".join(words.text(locale, Msg("my_data_readme")) for locale in LOCALES) + "\n"


@dataclass(frozen=True)
class Export:
    conversation_id: int
    body: bytes  # the ZIP
    files: int  # photos and voice notes in it
    missing: int  # files the store no longer had (listed in data.json all the same)

    @property
    def filename(self) -> str:
        return f"tijara-data-{self.conversation_id}.zip"


async def build(data: OwnerData, media: MediaStore) -> Export:
    out = io.BytesIO()
    files = missing = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme())
        archive.writestr("data.json", orjson.dumps(data.record, option=orjson.OPT_INDENT_2))
        for m in data.media:
            try:
                body = await media.open(m.sha256)
            except (FileNotFoundError, KeyError):
                missing += 1
                continue
            # Photos and voice notes are compressed already: stored as they are.
            archive.writestr(file_name(m), body, compress_type=zipfile.ZIP_STORED)
            files += 1
    return Export(data.conversation_id, out.getvalue(), files, missing)


async def export(db: Database, media: MediaStore, conversation_id: int, *, actor: str,
                 via: str, remote: str = "") -> Export | None:
    """The owner's ZIP, and its audit entry; None when there is no such conversation."""
    async with db.transaction() as session:
        data = await gather(session, conversation_id)
    if data is None:
        return None
    result = await build(data, media)
    async with db.transaction() as session:
        subject = (f"submission:{data.submission.id}" if data.submission
                   else f"conversation:{conversation_id}")
        await audit.record(session, actor=actor, action="export_owner", subject=subject,
                           remote=remote, detail={"via": via, "conversation": conversation_id,
                                                  "files": result.files,
                                                  "missing": result.missing})
    return result
