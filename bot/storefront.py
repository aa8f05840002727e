"""The storefront handoff: outbox rows of kind "handoff", one per approved revision.

ARCHITECTURE.md "Storefront handoff" is the contract, docs/storefront-api.yaml its
schema. `POST {STOREFRONT_API_URL}/storefronts`, signed, with the Idempotency-Key
`{submission id}-{revision}` on every try, so that a row run twice (a worker killed
mid-request, a lease that ran out) still makes one storefront.

| the backend answers                    | submission              | outbox row | the owner hears  |
|----------------------------------------|-------------------------|------------|------------------|
| 2xx `{storefront_id, url}`             | live, id and url kept   | done       | decision_live    |
| 409 (created earlier under that key)   | live, id/url if given   | done       | the link, if any |
| 408, 429, 5xx, timeout, no connection  | approved, error noted   | retried    |                  |
| ... still so 24 h after the first try  | handoff_failed (parked) | failed     |                  |
| any other answer (4xx)                 | handoff_failed, message | failed     |                  |
| (no STOREFRONT_API_URL: export folder) | exported                | done       |                  |

The owner was told "approved" at the decision; a link follows only when there is one.
An admin puts a failed or parked handoff back with `storage.submissions.retry_handoff`.

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
import hashlib
import hmac
import io
import json
import logging
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import sqlalchemy as sa

from bot import handoff
from bot.csvsafe import safe_row
from bot.delivery import Handler, backoff
from bot.settings import Settings
from bot.signing import Signer
from storage import outbox, submissions
from storage.db import Database
from storage.media import LocalMediaStore, MediaStore, write_atomic
from storage.models import Media, Outbox, ProductTranslation, utcnow
from storage.submissions import SubmissionView

log = logging.getLogger(__name__)

PARK_AFTER = timedelta(hours=24)  # retrying this long after the first attempt, then parked
LEASE_MARGIN = timedelta(seconds=30)  # the row is held for the request's timeout plus this
RETRY_AFTER_CAP = 3600.0
TRANSIENT = (408, 429)  # 4xx answers that mean "later", not "never"
MAX_ANSWER = 64 * 1024  # bytes of an answer we read

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


def handoff_handler(db: Database, settings: Settings, store: MediaStore | None = None, *,
                    timeout: float | None = None) -> Handler:
    """The handler of "handoff" rows: to the backend, or to the export folder."""
    signer = Signer(settings.secret, settings.public_base_url)
    store = store or LocalMediaStore(settings.media_root)
    timeout = timeout or settings.storefront_timeout
    lease = timedelta(seconds=timeout) + LEASE_MARGIN
    exports = Path(settings.var_dir) / "exports"
    if settings.storefront_api_url and not (settings.storefront_api_token
                                            and settings.storefront_signing_secret):
        log.warning("STOREFRONT_API_URL is set without STOREFRONT_API_TOKEN and "
                    "STOREFRONT_SIGNING_SECRET: the backend will refuse the handoffs")

    async def run(row: Outbox) -> None:
        sid, revision = row.payload["submission_id"], row.payload["revision"]
        if not await _hold(db, row, lease):
            log.info("handoff row %s was taken over by another worker", row.id)
            return
        async with db.transaction() as session:
            found = await submissions.views(session, ids=[sid])
            view = found[0] if found else None
            current = view is not None and view.submission.revision == revision \
                and view.submission.status == "approved"
            started = await submissions.start_handoff(session, sid) if current else None
            english = ((await handoff.english_texts(session, [view.business.id]))
                       [view.business.id] if current else {})
        if not current:  # a newer revision, or already handed off: nothing to do
            log.info("handoff %s-%s is stale (%s)", sid, revision,
                     view.submission.status if view else "gone")
            async with db.transaction() as session:
                await _settle(session, row.id, outbox.DONE)
            return
        document = handoff.body(view, signer, translations=english, links_from=started)
        if not settings.storefront_api_url:
            await _export(db, exports, view, document, store, row, started)
            return
        await _post(db, settings, row, view, document, started, timeout)

    return run


# --- over HTTP -------------------------------------------------------------------


def signature(secret: str, raw: bytes) -> str:
    """`X-Tijara-Signature`: the hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def request_headers(settings: Settings, raw: bytes, idempotency_key: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {settings.storefront_api_token or ''}",
        "Idempotency-Key": idempotency_key,
        "X-Tijara-Signature": signature(settings.storefront_signing_secret or "", raw),
        "Content-Type": "application/json",
        "Accept": "application/json",
    }


async def _post(db: Database, settings: Settings, row: Outbox, view: SubmissionView,
                document: dict, started, timeout: float) -> None:
    s = view.submission
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    url = settings.storefront_api_url.rstrip("/") + "/storefronts"
    headers = request_headers(settings, raw, f"{s.id}-{s.revision}")
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http, \
                http.post(url, data=raw, headers=headers, allow_redirects=False) as response:
            status = response.status
            answer = await _read(response)
            retry_after = _seconds(response.headers.get("Retry-After"))
    except TimeoutError:
        await _retry(db, row, s, started, f"no answer within {timeout:g} s")
        return
    except aiohttp.ClientError as exc:
        await _retry(db, row, s, started, f"{type(exc).__name__}: {exc}")
        return
    data = _json(answer)
    if 200 <= status < 300 or status == 409:
        storefront_id = data.get("storefront_id")
        link = data.get("url")
        link = link if isinstance(link, str) and link.startswith(("https://", "http://")) else None
        reason = (f"{status}: created" if status != 409 else
                  "409: created earlier under this Idempotency-Key"
                  + ("" if link else "; the backend gave no link"))
        async with db.transaction() as session:
            await submissions.mark_live(
                session, s.id, s.revision, reason=reason, url=link,
                storefront_id=str(storefront_id)[:128] if storefront_id is not None else None)
            await _settle(session, row.id, outbox.DONE)
        log.info("submission %s-%s is live (%s) at %s", s.id, s.revision, status, link)
    elif status >= 500 or status in TRANSIENT:
        await _retry(db, row, s, started, f"{status}: {_message(data, answer)}", retry_after)
    else:
        error = f"{status}: {_message(data, answer)}"
        async with db.transaction() as session:
            await submissions.mark_handoff_failed(session, s.id, s.revision, error)
            await _settle(session, row.id, outbox.FAILED, error)
        log.warning("storefront backend refused submission %s-%s: %s", s.id, s.revision, error)


async def _retry(db: Database, row: Outbox, s, started, error: str,
                 retry_after: float | None = None) -> None:
    """Again later (1 s doubling up to 1 h, with jitter); parked 24 h after the first try."""
    now = utcnow()
    if started is not None and now - started >= PARK_AFTER:
        hours = PARK_AFTER.total_seconds() / 3600
        parked = f"parked after {hours:g} h of retries; last error {error}"
        async with db.transaction() as session:
            await submissions.mark_handoff_failed(session, s.id, s.revision, parked)
            await _settle(session, row.id, outbox.FAILED, parked)
        log.warning("handoff %s-%s %s", s.id, s.revision, parked)
        return
    delay = backoff(row.attempts)
    if retry_after:
        delay = max(delay, timedelta(seconds=min(retry_after, RETRY_AFTER_CAP)))
    async with db.transaction() as session:
        await submissions.note_handoff_error(session, s.id, f"retrying: {error}")
        await _settle(session, row.id, outbox.PENDING, error, due_at=now + delay)
    log.info("handoff %s-%s: %s; again in %.1f s", s.id, s.revision, error,
             delay.total_seconds())


async def _read(response: aiohttp.ClientResponse) -> bytes:
    """The answer's body, up to MAX_ANSWER bytes."""
    chunks, size = [], 0
    async for chunk in response.content.iter_chunked(16 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size >= MAX_ANSWER:
            break
    return b"".join(chunks)[:MAX_ANSWER]


def _json(answer: bytes) -> dict:
    try:
        data = json.loads(answer)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _message(data: dict, answer: bytes) -> str:
    """What the backend said, for an admin to read."""
    for key in ("message", "error", "detail", "title"):
        if isinstance(data.get(key), str) and data[key].strip():
            text = data[key].strip()
            break
    else:
        text = answer.decode("utf-8", "replace").strip() or "(no message)"
    if isinstance(data.get("errors"), list | dict):
        text += " " + json.dumps(data["errors"], ensure_ascii=False)
    return text[:1800]


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: our own backoff will do


# --- the outbox row ----------------------------------------------------------------


async def _hold(db: Database, row: Outbox, lease: timedelta) -> bool:
    """Stretch this worker's lease over a whole request, if the row is still ours.

    `claim` leases rows for a minute, and a batch may wait behind slow requests; a row
    whose lease ran out may already be another worker's, and is then left to it.
    """
    until = utcnow() + lease
    async with db.transaction() as session:
        result = await session.execute(
            sa.update(Outbox)
            .where(Outbox.id == row.id, Outbox.status == outbox.PENDING,
                   Outbox.attempts == row.attempts, Outbox.lease_until == row.lease_until)
            .values(lease_until=until))
    if result.rowcount != 1:
        return False
    row.lease_until = until
    return True


async def _settle(session, row_id: int, status: str, error: str = "", *, due_at=None) -> None:
    """The row's outcome, in the same transaction as the submission's."""
    values = {"status": status, "lease_until": None, "last_error": error[:2000]}
    if due_at is not None:
        values["due_at"] = due_at
    await session.execute(sa.update(Outbox).where(Outbox.id == row_id).values(**values))


# --- the export folder (no backend configured) -----------------------------------------


async def _export(db: Database, folder: Path, view: SubmissionView, document: dict,
                  store: MediaStore, row: Outbox, started) -> None:
    s = view.submission
    try:
        await asyncio.to_thread(export_submission, folder, view, document, store)
    except FileNotFoundError as exc:  # a photo is gone from the media store: an admin looks
        error = f"export: {exc}"
        async with db.transaction() as session:
            await submissions.mark_handoff_failed(session, s.id, s.revision, error)
            await _settle(session, row.id, outbox.FAILED, error)
        return
    except Exception as exc:  # noqa: BLE001 - a full disk, or a bug: retried and shown
        log.exception("export of submission %s-%s failed", s.id, s.revision)
        await _retry(db, row, s, started, f"export: {type(exc).__name__}: {exc}")
        return  # (parked for an admin 24 h after the first try, like a backend down)
    await export_csv(db, folder)
    async with db.transaction() as session:
        await submissions.mark_exported(session, s.id, s.revision,
                                        reason=f"exported to {folder / str(s.id)}")
        await _settle(session, row.id, outbox.DONE)
    log.info("submission %s-%s exported to %s", s.id, s.revision, folder / str(s.id))


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
            english = await handoff.english_texts(
                session, [v.business.id for v in found.values()])
        text = products_csv([found[k] for k in sorted(found)], english)
        path = folder / "products.csv"
        await asyncio.to_thread(write_atomic, path, text.encode("utf-8"))
    return path


def products_csv(views: list[SubmissionView],
                 english: dict[int, dict[int, ProductTranslation]] | None = None) -> str:
    """`english`: `handoff.english_texts` of the views' businesses."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for v in views:
        b, s = v.business, v.submission
        approved = handoff.approved_at(v)
        texts = (english or {}).get(b.id, {})
        for n, pv in enumerate(v.products, 1):
            p = pv.product
            images = ";".join(f"{s.id}/{image_name(n, i)}"
                              for i in range(1, len(photos(pv.media)) + 1))
            en = handoff.english(texts.get(p.position)) or {}
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
