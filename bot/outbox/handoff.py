"""The storefront handoff: outbox rows of kind "handoff", one per approved revision.

ARCHITECTURE.md "Storefront handoff" is the contract, docs/storefront-api.yaml its
schema. `POST {STOREFRONT_API_URL}/storefronts`, signed, with the Idempotency-Key
`{submission id}-{revision}` on every try, so that a row run twice (a worker killed
mid-request, a lease that ran out) still makes one storefront. A revision approved after
its storefront was made (the owner changed something: flows/changes.py) is an UPDATE:
`PUT {STOREFRONT_API_URL}/storefronts/{storefront_id}` with the same body, signature and
key scheme, which replaces the storefront's content (a product left out is removed);
the same answers mean the same, and the owner hears decision_updated.

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

Without STOREFRONT_API_URL the handoff writes the export folder instead
(bot/outbox/export.py): on local disk, or in the shared bucket with MEDIA_STORE=s3://...
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from datetime import timedelta
from decimal import Decimal
from urllib.parse import quote

import aiohttp

from bot.outbox.body import body
from bot.outbox.export import export_csv, export_submission
from bot.outbox.handler import Handler
from bot.outbox.policy import PARK_AFTER, RETRY_AFTER_CAP, backoff, transient
from bot.settings import Settings, reveal
from bot.signing import Signer
from flows.listing import Rate
from storage import outbox, submissions
from storage.db import Database
from storage.erasure import STOREFRONT_DELETE
from storage.exports import ExportFolder
from storage.media import MediaStore
from storage.models import Outbox, Submission, utcnow
from storage.submissions import SubmissionView

log = logging.getLogger(__name__)

LEASE_MARGIN = timedelta(seconds=30)  # the row is held for the request's timeout plus this
MAX_ANSWER = 64 * 1024  # bytes of an answer we read


def handoff_handler(db: Database, settings: Settings, store: MediaStore,
                    exports: ExportFolder, *, timeout: float | None = None) -> Handler:
    """The handler of "handoff" rows: to the backend, or to the export folder (the
    runtime's, like the media store: bot/runtime.py)."""
    signer = Signer(settings.secret, settings.public_base_url)
    timeout = timeout or settings.storefront_timeout
    lease = timedelta(seconds=timeout) + LEASE_MARGIN
    if settings.storefront_api_url and not (settings.storefront_api_token
                                            and settings.storefront_signing_secret):
        log.warning("STOREFRONT_API_URL is set without STOREFRONT_API_TOKEN and "
                    "STOREFRONT_SIGNING_SECRET: the backend will refuse the handoffs")

    async def run(row: Outbox) -> None:
        sid, revision = row.payload["submission_id"], row.payload["revision"]
        # `claim` leases rows for a minute, and a batch may wait behind slow requests:
        # stretch the lease over this whole request, unless the lease ran out and the
        # row is already another worker's (then it is left to it).
        async with db.transaction() as session:
            ours = await outbox.extend_lease(session, row, utcnow() + lease)
        if not ours:
            log.info("handoff row %s was taken over by another worker", row.id)
            return
        async with db.transaction() as session:
            found = await submissions.views(session, ids=[sid])
            view = found[0] if found else None
            current = view is not None and view.submission.revision == revision \
                and view.submission.status == "approved"
            started = await submissions.start_handoff(session, sid) if current else None
            english = ((await submissions.english_texts(session, [view.business.id]))
                       [view.business.id] if current else {})
        if not current:  # a newer revision, or already handed off: nothing to do
            log.info("handoff %s-%s is stale (%s)", sid, revision,
                     view.submission.status if view else "gone")
            async with db.transaction() as session:
                await outbox.finish(session, row.id)
            return
        rate = await _anchored_rate(db, row, settings.usd_rate)
        document = body(view, signer, translations=english, rate=rate, links_from=started)
        if not settings.storefront_api_url:
            await _export(db, exports, view, document, store, row, started, rate)
            return
        await _post(db, settings, row, view, document, started, timeout)

    return run


async def _anchored_rate(db: Database, row: Outbox, current: Rate) -> Rate:
    """The USD rate of the key's first attempt, kept in its row: every retry of one key
    sends the same body (docs/storefront-api.yaml) even if USD_PER_MAD changed since. An
    admin's retry starts the row afresh (storage.submissions.retry_handoff)."""
    kept = (row.progress or {}).get("usd_rate")
    if kept:
        return Rate(Decimal(kept["usd_per_mad"]), kept["date"])
    async with db.transaction() as session:
        await outbox.save_progress(session, row, {**(row.progress or {}), "usd_rate": {
            "usd_per_mad": str(current.usd_per_mad), "date": current.date}})
    return current


# --- over HTTP -------------------------------------------------------------------


def signature(secret: str, raw: bytes) -> str:
    """`X-Tijara-Signature`: the hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def request_headers(settings: Settings, raw: bytes, idempotency_key: str) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {reveal(settings.storefront_api_token)}",
        "Idempotency-Key": idempotency_key,
        "X-Tijara-Signature": signature(reveal(settings.storefront_signing_secret), raw),
        "Content-Type": "application/json",
        "Accept": "application/json",
    }


def endpoint(settings: Settings, view: SubmissionView) -> tuple[str, str]:
    """(method, URL): a storefront is created once, then updated by later revisions."""
    base = settings.storefront_api_url.rstrip("/") + "/storefronts"
    made = view.submission.storefront_id
    return ("PUT", f"{base}/{quote(made, safe='')}") if made else ("POST", base)


async def _post(db: Database, settings: Settings, row: Outbox, view: SubmissionView,
                document: dict, started, timeout: float) -> None:
    s = view.submission
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    method, url = endpoint(settings, view)
    headers = request_headers(settings, raw, f"{s.id}-{s.revision}")
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as http, \
                http.request(method, url, data=raw, headers=headers,
                             allow_redirects=False) as response:
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
        reason = (f"{status}: {'updated' if method == 'PUT' else 'created'}" if status != 409 else
                  "409: created earlier under this Idempotency-Key"
                  + ("" if link else "; the backend gave no link"))
        async with db.transaction() as session:
            await submissions.mark_live(
                session, s.id, s.revision, reason=reason, url=link,
                storefront_id=str(storefront_id)[:128] if storefront_id is not None else None)
            if storefront_id is not None and await session.get(Submission, s.id) is None:
                # Its owner was erased while we asked: the storefront comes down again.
                await outbox.enqueue(session, STOREFRONT_DELETE,
                                     f"storefront-delete:{storefront_id}",
                                     {"storefront_id": str(storefront_id)[:128]})
            await outbox.finish(session, row.id)
        log.info("submission %s-%s is live (%s) at %s", s.id, s.revision, status, link)
    elif transient(status):
        await _retry(db, row, s, started, f"{status}: {_message(data, answer)}", retry_after)
    else:
        error = f"{status}: {_message(data, answer)}"
        async with db.transaction() as session:
            await submissions.mark_handoff_failed(session, s.id, s.revision, error)
            await outbox.give_up(session, row.id, error)
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
            await outbox.give_up(session, row.id, parked)
        log.warning("handoff %s-%s %s", s.id, s.revision, parked)
        return
    delay = backoff(row.attempts)
    if retry_after:
        delay = max(delay, timedelta(seconds=min(retry_after, RETRY_AFTER_CAP)))
    async with db.transaction() as session:
        await submissions.note_handoff_error(session, s.id, f"retrying: {error}")
        await outbox.retry_later(session, row.id, delay, error)
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


# --- the export folder (no backend configured) ------------------------------------


async def _export(db: Database, exports: ExportFolder, view: SubmissionView, document: dict,
                  store: MediaStore, row: Outbox, started, rate) -> None:
    """No backend configured: the export folder, and the submission "exported"."""
    s = view.submission
    try:
        where = await export_submission(exports, view, document, store)
    except FileNotFoundError as exc:  # a photo is gone from the media store: an admin looks
        error = f"export: {exc}"
        async with db.transaction() as session:
            await submissions.mark_handoff_failed(session, s.id, s.revision, error)
            await outbox.give_up(session, row.id, error)
        return
    except Exception as exc:  # noqa: BLE001 - a full disk, or a bug: retried and shown
        log.exception("export of submission %s-%s failed", s.id, s.revision)
        await _retry(db, row, s, started, f"export: {type(exc).__name__}: {exc}")
        return  # (parked for an admin 24 h after the first try, like a backend down)
    await export_csv(db, exports, rate)
    async with db.transaction() as session:
        await submissions.mark_exported(session, s.id, s.revision, reason=f"exported to {where}")
        await outbox.finish(session, row.id)
    log.info("submission %s-%s exported to %s", s.id, s.revision, where)


