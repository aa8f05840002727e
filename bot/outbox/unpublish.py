"""Taking a storefront down after its owner's erasure: outbox rows "storefront_delete".

`DELETE {STOREFRONT_API_URL}/storefronts/{storefront_id}`, signed like the creation
(bot/outbox/handoff.py: bearer token, `X-Tijara-Signature` of the raw body, here empty)
with `Idempotency-Key: delete-{storefront_id}` on every try. docs/storefront-api.yaml.

| the backend answers                    | outbox row                 |
|----------------------------------------|----------------------------|
| 2xx, 404 or 410 (gone already)         | done                       |
| 408, 429, 5xx, timeout, no connection  | retried (backoff)          |
| ... still so 24 h after it was queued  | failed (an admin looks)    |
| any other answer, or no backend set    | failed, with the message   |

The row's payload is the storefront's id and nothing else of the owner's.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import aiohttp

from bot.outbox.handler import Handler
from bot.outbox.handoff import request_headers
from bot.outbox.policy import PARK_AFTER, RETRY_AFTER_CAP, backoff, transient
from bot.settings import Settings
from storage import outbox
from storage.db import Database
from storage.models import Outbox, utcnow

log = logging.getLogger(__name__)
DONE = (404, 410)  # not there (any more): what we asked for


def unpublish_handler(db: Database, settings: Settings, *,
                      timeout: float | None = None) -> Handler:
    timeout = timeout or settings.storefront_timeout

    async def run(row: Outbox) -> None:
        storefront_id = str(row.payload["storefront_id"])
        if not settings.storefront_api_url:
            async with db.transaction() as session:
                await outbox.give_up(session, row.id, "no STOREFRONT_API_URL to ask")
            return
        url = f"{settings.storefront_api_url.rstrip('/')}/storefronts/{storefront_id}"
        headers = request_headers(settings, b"", f"delete-{storefront_id}")
        del headers["Content-Type"]
        retry_after = None
        try:
            async with aiohttp.ClientSession(
                    timeout=aiohttp.ClientTimeout(total=timeout)) as http, \
                    http.delete(url, headers=headers, allow_redirects=False) as response:
                status = response.status
                answer = (await response.content.read(2000)).decode("utf-8", "replace")
                retry_after = response.headers.get("Retry-After")
        except TimeoutError:
            status, answer = 0, f"no answer within {timeout:g} s"
        except aiohttp.ClientError as exc:
            status, answer = 0, f"{type(exc).__name__}: {exc}"
        async with db.transaction() as session:
            if 200 <= status < 300 or status in DONE:
                await outbox.finish(session, row.id)
                log.info("storefront %s taken down (%s)", storefront_id, status)
            elif status and not transient(status):
                await outbox.give_up(session, row.id, f"{status}: {answer.strip()[:1800]}")
                log.warning("storefront backend refused to delete %s: %s", storefront_id,
                            status)
            elif utcnow() - row.created_at >= PARK_AFTER:
                await outbox.give_up(session, row.id, f"gave up after 24 h: {status} {answer}")
            else:
                delay = backoff(row.attempts)
                if retry_after and retry_after.isdigit():
                    delay = max(delay, timedelta(seconds=min(float(retry_after),
                                                             RETRY_AFTER_CAP)))
                await outbox.retry_later(session, row.id, delay, f"{status}: {answer}"[:2000])

    return run
