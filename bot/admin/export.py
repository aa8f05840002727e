"""The CSV export: one row per product, with its business's fields beside it.

UTF-8 with a byte-order mark, so that Excel opens Arabic names correctly; a cell that
starts like a formula ("=", "+", "-", "@", a tab or a carriage return), unless it is a
plain number or phone number, gets a leading apostrophe (bot.csvsafe), so opening the
file never runs anything. Photo links are signed and expire like every other media link.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from aiohttp import web

from bot.csvsafe import safe_row
from bot.signing import Signer
from storage.queue import ExportProduct, ExportRow

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
)
PHOTO_LINK_TTL = 7 * 24 * 3600  # long enough for a bulk upload done in the week


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def _product_cells(p: ExportProduct | None, signer: Signer) -> list:
    if p is None:
        return [""] * 12
    photos = [m for m in p.media if m.kind == "photo"]
    t = p.translation
    return [p.product.position + 1, p.product.name, t.title_en if t else "",
            p.product.description, t.description_en if t else "",
            p.product.price_amount, p.product.price_max, p.product.price_unit,
            p.product.moq_quantity, p.product.moq_unit, len(photos),
            " ".join(signer.media_url(m.sha256, ttl=PHOTO_LINK_TTL) for m in photos)]


def certifications_cell(certifications: list | None) -> str:
    """ "organic ECOCERT MA-BIO-154 2027-12-31; onssa ONSSA": one certificate each, its
    kind first; "none" when the owner has none, blank when the question was skipped."""
    if certifications is None:
        return ""
    if not certifications:
        return "none"
    return "; ".join(" ".join(str(c[k]) for k in ("kind", "body", "number", "expires") if c.get(k))
                     for c in certifications)


def _buyer_cells(b, p: ExportProduct | None) -> list:
    product = p.product if p else None
    return [product.capacity_quantity if product else "",
            product.capacity_unit if product else "",
            product.capacity_per if product else "",
            product.lead_time_days if product else "",
            certifications_cell(b.certifications), b.fda_registered, b.export_experience,
            "; ".join(b.export_countries or []), b.packaging]


def to_csv(rows: list[ExportRow], signer: Signer) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        s, b = row.submission, row.business
        agent = (row.agent.name or row.agent.email) if row.agent else ""
        business = [s.id, s.status, s.revision, _iso(s.submitted_at), _iso(s.decided_at),
                    b.name, b.owner_name, b.phone, b.email, b.city, b.region, b.sector, b.ice,
                    b.language, b.script, b.channel, agent, _iso(b.consent_at)]
        for product in row.products or [None]:
            writer.writerow(safe_row(business + _product_cells(product, signer)
                                     + _buyer_cells(b, product)))
    return "\ufeff" + out.getvalue()


def csv_response(rows: list[ExportRow], signer: Signer, filename: str) -> web.Response:
    return web.Response(
        body=to_csv(rows, signer).encode("utf-8"),
        headers={"Content-Type": "text/csv; charset=utf-8",
                 "Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"})
