"""The CSV export: one row per product, with its business's fields beside it.

UTF-8 with a byte-order mark, so that Excel opens Arabic names correctly; a cell that
starts like a formula ("=", "+", "-", "@", a tab or a carriage return), unless it is a
plain number or phone number, gets a leading apostrophe (bot.csvsafe), so opening the
file never runs anything. Photo links are signed and expire like every other media link.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable
from datetime import datetime

from aiohttp import web

from bot.csvsafe import safe_row
from bot.outbox.body import listing_cells, listing_fields
from bot.signing import Signer
from flows.listing import Rate
from flows.published import Edits
from storage import queue
from storage.db import Database
from storage.listings import current

COLUMNS = (
    "submission_id", "status", "revision", "submitted_at", "decided_at",
    "business_name", "owner_name", "phone", "email", "city", "region", "sector", "ice",
    "language", "script", "channel", "agent", "consent_at",
    "product_position", "product_name", "title_en", "description", "description_en",
    "price_amount", "price_max", "price_unit", "moq_quantity", "moq_unit",
    "photo_count", "photo_urls",
    # The buyers' questions (flows.buyerq), after the older columns so that their places
    # do not move; blank when skipped.
    "capacity_quantity", "capacity_unit", "capacity_per", "lead_time_days",
    "certifications", "fda_registered", "export_experience", "export_countries", "packaging",
    # The English listing (flows.published; title_en and description_en above are its
    # title and description: generated, the reviewer's edits winning).
    "type", "hs_code", "attributes", "price_usd", "price_usd_max", "usd_rate_date",
)
_URLS = COLUMNS.index("photo_urls")  # a list of links until the product's last photo
PHOTO_LINK_TTL = 7 * 24 * 3600  # long enough for a bulk upload done in the week
LIMIT = 50_000  # submissions in one export
PAGE = 5000  # submissions a statement reads: a selective filter's scans, once per page


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def _header() -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(COLUMNS)
    return "\ufeff" + out.getvalue()


def certifications_cell(certifications: list | None) -> str:
    """ "organic ECOCERT MA-BIO-154 2027-12-31; onssa ONSSA": one certificate each, its
    kind first; "none" when the owner has none, blank when the question was skipped."""
    if certifications is None:
        return ""
    if not certifications:
        return "none"
    return "; ".join(" ".join(str(c[k]) for k in ("kind", "body", "number", "expires") if c.get(k))
                     for c in certifications)


def to_csv(rows, signer: Signer, rate: Rate) -> str:
    """The whole file of `storage.queue.export`'s rows."""
    return _header() + _lines(rows, signer, rate)[0]


def _lines(rows, signer: Signer, rate: Rate) -> tuple[str, int]:
    """The CSV lines of `storage.queue.export`'s rows (one line per product, or one for
    a submission without any) and how many submissions they hold."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    lines: list[list] = []
    business: list = []
    answers: list = []
    sid = product_id = None
    count = 0
    for (i, status, revision, submitted_at, decided_at, name, owner_name, phone, email, city,
         region, sector, ice, language, script, channel, certifications, fda_registered,
         export_experience, export_countries, packaging, agent_name, agent_email, consent_at,
         pid, position, pname, title_en, description, description_en, type_key, amount,
         amount_max, unit, moq_quantity, moq_unit, capacity_quantity, capacity_unit,
         capacity_per, lead_time_days, owner_type, owner_type_asked, listing, listing_version,
         sha256) in rows:
        if i != sid:
            sid, product_id, count = i, None, count + 1
            agent = (agent_name or agent_email) if agent_email is not None else ""
            business = [i, status, revision, _iso(submitted_at), _iso(decided_at), name,
                        owner_name, phone, email, city, region, sector, ice, language, script,
                        channel, agent, _iso(consent_at)]
            answers = [certifications_cell(certifications), fda_registered,
                       export_experience, "; ".join(export_countries or []), packaging]
            if pid is None:
                lines.append(business + [""] * 16 + answers + [""] * 6)
                continue
        if pid != product_id:
            product_id = pid
            urls: list[str] = []
            # The listing as handed on: generated, the reviewer's edits winning.
            fields = listing_fields(current(
                listing, listing_version, pname, description, owner_type, owner_type_asked,
                sector, Edits(title_en or "", description_en or "", type_key)),
                amount, amount_max, unit, moq_quantity, moq_unit, rate)
            en = fields["en"] or {}
            lines.append(business + [position + 1, pname, en.get("name") or "", description,
                                     en.get("description") or "", amount, amount_max, unit,
                                     moq_quantity, moq_unit, 0, urls, capacity_quantity,
                                     capacity_unit, capacity_per, lead_time_days] + answers
                         + listing_cells(fields))
        if sha256 is not None:
            urls.append(signer.media_url(sha256, ttl=PHOTO_LINK_TTL))
    for line in lines:
        if isinstance(line[_URLS], list):
            line[_URLS - 1], line[_URLS] = len(line[_URLS]), " ".join(line[_URLS])
        writer.writerow(safe_row(line))
    return out.getvalue(), count


async def csv_response(request: web.Request, db: Database, filters: queue.Filters,
                       scope_agent: int | None, signer: Signer, rate: Rate, filename: str,
                       sent_rows: Callable[[int], Awaitable[None]]) -> web.StreamResponse:
    """The export, sent as it is read: a page of submissions at a time, each read in a
    short transaction of its own (a slow download holds no lock). `sent_rows` is told how
    many rows left, once the download ended or broke off (the audit trail)."""
    response = web.StreamResponse(headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})
    after = sent = 0
    try:
        await response.prepare(request)
        await response.write(_header().encode("utf-8"))
        while sent < LIMIT:
            async with db.transaction() as session:
                rows = await queue.export(session, filters, scope_agent=scope_agent,
                                          after=after, limit=min(PAGE, LIMIT - sent))
            if not rows:
                break
            text, count = _lines(rows, signer, rate)
            await response.write(text.encode("utf-8"))
            after, sent = rows[-1].id, sent + count
            if count < PAGE:  # the last page: no need to ask for the next one
                break
        await response.write_eof()
    finally:
        await sent_rows(sent)
    return response
