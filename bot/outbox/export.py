"""The export folder: the storefront handoff when no backend is configured
(bot/outbox/handoff.py writes here instead of POSTing).

Without STOREFRONT_API_URL the same body goes to `<exports>/<id>/submission.json`
with the images next to it (`<product n>-<i>.jpg`, each image's `file`; the certificate
and packaging photos as `certificate-<kind>-<i>.jpg`, `packaging-<i>.jpg`), and
`<exports>/products.csv` (every approved product, for a bulk upload) is rewritten from
the database. `<exports>` is `<var_dir>/exports` on local disk, or `exports/` in the
bucket of MEDIA_STORE=s3://... (storage/exports.py, storage/s3.py); every file is
written whole or not at all. The export folder also keeps what the handoff body has no field for: a
product's voice notes, as `<product n>-voice-<i>.<ext>`, listed in submission.json under
the product's `voice_notes` (`file`, `content_type`, `duration_s`, `sha256`, `size`; `file`
is null when the recording is gone from the media store: a voice note is extra, it
does not hold the export up). Every CSV cell goes through bot.csvsafe.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import logging

from bot.csvsafe import safe_row
from bot.outbox.body import approved_at, listing_cells, listing_fields
from flows.listing import Rate
from storage import submissions
from storage.db import Database
from storage.exports import ExportFolder
from storage.listings import stored
from storage.media import MediaStore
from storage.models import Media, ProductTranslation
from storage.submissions import SubmissionView

log = logging.getLogger(__name__)

CSV_COLUMNS = (
    "sku", "submission_id", "revision", "business_name", "owner_name", "phone", "email",
    "city", "region", "sector", "ice", "language", "channel", "product_number",
    "product_name", "description", "price_amount", "price_max", "currency", "price_unit",
    "moq_quantity", "moq_unit", "images", "approved_at",
    "name_en", "description_en",  # added later: at the end, so column positions hold
    "type", "hs_code", "attributes", "price_usd", "price_usd_max", "usd_rate_date",
)
# The file extension of a voice note in the export folder, by its content type.
AUDIO_EXTENSIONS = {"audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a",
                    "audio/amr": "amr", "audio/amr-wb": "awb"}
CSV_ROUNDS = 5  # products.csv written at most this many times by one export (export_csv)

def image_name(product_number: int, image_number: int) -> str:
    return f"{product_number}-{image_number}.jpg"


def voice_name(product_number: int, note_number: int, content_type: str) -> str:
    return (f"{product_number}-voice-{note_number}."
            f"{AUDIO_EXTENSIONS.get(content_type.split(';')[0].strip(), 'bin')}")


def photos(media: list[Media]) -> list[Media]:
    """A product's photos, in order: what its `images` are made of (not its voice notes)."""
    return [m for m in media if m.kind == "photo"]


async def export_submission(exports: ExportFolder, view: SubmissionView, document: dict,
                            store: MediaStore) -> str:
    """`<id>/submission.json`, its images and voice notes; files of an earlier revision
    go. Where it went (for the admin to read)."""
    folder = str(view.submission.id)
    document = copy.deepcopy(document)
    names = set()
    for n, (product, product_view) in enumerate(
            zip(document["products"], view.products, strict=True), 1):
        for i, (image, media) in enumerate(zip(product["images"], photos(product_view.media),
                                               strict=True), 1):
            name = image_name(n, i)
            await exports.write(f"{folder}/{name}", await store.open(media.sha256))
            image["file"] = name
            names.add(name)
        notes = []
        for i, media in enumerate((m for m in product_view.media if m.kind == "audio"), 1):
            name = voice_name(n, i, media.content_type)
            try:
                await exports.write(f"{folder}/{name}", await store.open(media.sha256))
                names.add(name)
            except FileNotFoundError:
                log.warning("submission %s: voice note %s is gone from the media store",
                            view.submission.id, media.sha256)
                name = None
            notes.append({"file": name, "content_type": media.content_type,
                          "duration_s": media.duration_s, "sha256": media.sha256,
                          "size": media.size})
        product["voice_notes"] = notes
    names |= await _export_documents(exports, folder, view, document, store)
    # After the files it lists: a submission.json never names a file not yet there.
    await exports.write(f"{folder}/submission.json",
                        json.dumps(document, ensure_ascii=False, indent=2).encode())
    for old in await exports.names(folder):
        if (old.endswith(".jpg") or "-voice-" in old) and old not in names:
            await exports.remove(f"{folder}/{old}")
    return exports.where(folder)


def document_name(of: str, number: int) -> str:
    """A certificate's or the packaging's photo: certificate-organic-1.jpg, packaging-1.jpg."""
    return f"{of.replace(':', '-')}-{number}.jpg"


async def _export_documents(exports: ExportFolder, folder: str, view: SubmissionView,
                            document: dict, store: MediaStore) -> set[str]:
    """The certificate and packaging photos next to the products' images, each image of
    the body (`packaging_photos`, a certification's `photos` on every product) naming
    its `file`."""
    names: dict[str, str] = {}  # sha256 -> file
    counts: dict[str, int] = {}
    for d in view.documents:
        counts[d.of] = counts.get(d.of, 0) + 1
        name = document_name(d.of, counts[d.of])
        await exports.write(f"{folder}/{name}", await store.open(d.media.sha256))
        names[d.media.sha256] = name
    images = list(document["business"].get("packaging_photos", []))
    for product in document["products"]:
        for c in product.get("certifications") or ():
            images.extend(c.get("photos", ()))
    for image in images:
        image["file"] = names.get(image["sha256"])
    return set(names.values())


async def export_csv(db: Database, exports: ExportFolder, rate: Rate | None = None) -> None:
    """Rewrite `products.csv` from the database: every product of every approved
    submission, one line each; `sku` stays the same across rewrites.

    Processes on several machines may rewrite it at once, with no lock in common: each
    writes what it read, then reads again, and writes again until a read finds what it
    last wrote. Whoever wrote last read the database after that write and found nothing
    new; any export committed later writes after it (its own write follows its own read).
    So the file that stays holds every row committed before the last write."""
    written = None
    for _ in range(CSV_ROUNDS):
        text = await _csv_text(db, rate)
        if text == written:
            return
        await exports.write("products.csv", text.encode("utf-8"))
        written = text
    # Still changing (a burst of approvals): their own exports write it again after us.
    log.info("products.csv: still changing after %d rewrites", CSV_ROUNDS)


async def _csv_text(db: Database, rate: Rate | None) -> str:
    async with db.transaction() as session:
        found: dict[int, SubmissionView] = {}
        for status in submissions.HANDED_OFF:
            for v in await submissions.views(session, status=status):
                found[v.submission.id] = v
        texts = await submissions.english_texts(
            session, [v.business.id for v in found.values()])
    return products_csv([found[k] for k in sorted(found)], texts, rate)


def products_csv(views: list[SubmissionView],
                 translations: dict[int, dict[int, ProductTranslation]] | None = None,
                 rate: Rate | None = None) -> str:
    """`translations`: `storage.submissions.english_texts` of the views' businesses (the
    reviewer's edits of each English listing)."""
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
            fields = listing_fields(stored(p, b.sector, texts.get(p.position)),
                                    p.price_amount, p.price_max, p.price_unit,
                                    p.moq_quantity, p.moq_unit, rate)
            en = fields["en"] or {}
            writer.writerow(safe_row([
                f"tijara-{s.id}-{n}", s.id, s.revision, b.name, b.owner_name, b.phone, b.email,
                b.city, b.region, b.sector, b.ice, b.language, b.channel, n, p.name,
                p.description, p.price_amount, p.price_max, "MAD", p.price_unit,
                p.moq_quantity, p.moq_unit, images, approved.isoformat() if approved else "",
                en.get("name"), en.get("description"), *listing_cells(fields),
            ]))
    return out.getvalue()
