"""The export folder: the storefront handoff when no backend is configured
(bot/outbox/handoff.py writes here instead of POSTing).

Without STOREFRONT_API_URL the same body goes to `<var_dir>/exports/<id>/submission.json`
with the images next to it (`<product n>-<i>.jpg`, each image's `file`), and
`<var_dir>/exports/products.csv` (every approved product, for a bulk upload) is
rewritten from the database; every file is written atomically (temporary file, fsync,
rename). The export folder also keeps what the handoff body has no field for: a
product's voice notes, as `<product n>-voice-<i>.<ext>`, listed in submission.json under
the product's `voice_notes` (`file`, `content_type`, `duration_s`, `sha256`, `size`; `file`
is null when the recording is gone from the media store: a voice note is extra, it
does not hold the export up). Every CSV cell goes through bot.csvsafe.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import csv
import fcntl
import io
import json
import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path

from bot.csvsafe import safe_row
from bot.outbox.body import approved_at, english
from storage import submissions
from storage.db import Database
from storage.media import MediaStore, write_atomic
from storage.models import Media, ProductTranslation
from storage.submissions import SubmissionView

log = logging.getLogger(__name__)

CSV_COLUMNS = (
    "sku", "submission_id", "revision", "business_name", "owner_name", "phone", "email",
    "city", "region", "sector", "ice", "language", "channel", "product_number",
    "product_name", "description", "price_amount", "price_max", "currency", "price_unit",
    "moq_quantity", "moq_unit", "images", "approved_at",
    "name_en", "description_en",  # added later: at the end, so column positions hold
)
# The file extension of a voice note in the export folder, by its content type.
AUDIO_EXTENSIONS = {"audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a",
                    "audio/amr": "amr", "audio/amr-wb": "awb"}



def image_name(product_number: int, image_number: int) -> str:
    return f"{product_number}-{image_number}.jpg"


def voice_name(product_number: int, note_number: int, content_type: str) -> str:
    return (f"{product_number}-voice-{note_number}."
            f"{AUDIO_EXTENSIONS.get(content_type.split(';')[0].strip(), 'bin')}")


def photos(media: list[Media]) -> list[Media]:
    """A product's photos, in order: what its `images` are made of (not its voice notes)."""
    return [m for m in media if m.kind == "photo"]


def export_submission(folder: Path, view: SubmissionView, document: dict,
                      store: MediaStore) -> Path:
    """`<folder>/<id>/submission.json`, its images and voice notes; files of an earlier
    revision go."""
    target = folder / str(view.submission.id)
    target.mkdir(parents=True, exist_ok=True)
    document = copy.deepcopy(document)
    names = set()
    for n, (product, product_view) in enumerate(
            zip(document["products"], view.products, strict=True), 1):
        for i, (image, media) in enumerate(zip(product["images"], photos(product_view.media),
                                               strict=True), 1):
            name = image_name(n, i)
            write_atomic(target / name, store.open(media.sha256))
            image["file"] = name
            names.add(name)
        notes = []
        for i, media in enumerate((m for m in product_view.media if m.kind == "audio"), 1):
            name = voice_name(n, i, media.content_type)
            try:
                write_atomic(target / name, store.open(media.sha256))
                names.add(name)
            except FileNotFoundError:
                log.warning("submission %s: voice note %s is gone from the media store",
                            view.submission.id, media.sha256)
                name = None
            notes.append({"file": name, "content_type": media.content_type,
                          "duration_s": media.duration_s, "sha256": media.sha256,
                          "size": media.size})
        product["voice_notes"] = notes
    write_atomic(target / "submission.json",
                 json.dumps(document, ensure_ascii=False, indent=2).encode())
    for old in [*target.glob("*.jpg"), *target.glob("*-voice-*")]:
        if old.name not in names:
            old.unlink(missing_ok=True)
    return target


async def export_csv(db: Database, folder: Path) -> Path:
    """Rewrite `products.csv` from the database: every product of every approved
    submission, one line each; `sku` stays the same across rewrites."""
    folder.mkdir(parents=True, exist_ok=True)
    async with _file_lock(folder / ".products.lock"):  # the last writer read the latest
        async with db.transaction() as session:
            found: dict[int, SubmissionView] = {}
            for status in submissions.HANDED_OFF:
                for v in await submissions.views(session, status=status):
                    found[v.submission.id] = v
            texts = await submissions.english_texts(
                session, [v.business.id for v in found.values()])
        text = products_csv([found[k] for k in sorted(found)], texts)
        path = folder / "products.csv"
        await asyncio.to_thread(write_atomic, path, text.encode("utf-8"))
    return path


def products_csv(views: list[SubmissionView],
                 translations: dict[int, dict[int, ProductTranslation]] | None = None) -> str:
    """`translations`: `storage.submissions.english_texts` of the views' businesses."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for v in views:
        b, s = v.business, v.submission
        approved = approved_at(v)
        texts = (translations or {}).get(b.id, {})
        for n, pv in enumerate(v.products, 1):
            p = pv.product
            images = ";".join(f"{s.id}/{image_name(n, i)}"
                              for i in range(1, len(photos(pv.media)) + 1))
            en = english(texts.get(p.position)) or {}
            writer.writerow(safe_row([
                f"tijara-{s.id}-{n}", s.id, s.revision, b.name, b.owner_name, b.phone, b.email,
                b.city, b.region, b.sector, b.ice, b.language, b.channel, n, p.name,
                p.description, p.price_amount, p.price_max, "MAD", p.price_unit,
                p.moq_quantity, p.moq_unit, images, approved.isoformat() if approved else "",
                en.get("name"), en.get("description"),
            ]))
    return out.getvalue()


@contextlib.asynccontextmanager
async def _file_lock(path: Path) -> AsyncIterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
