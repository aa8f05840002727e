"""The storefront handoff body (ARCHITECTURE.md), built from a submission.

`tijara submissions list --json` prints the same objects plus `id` and `status`.
"""

from __future__ import annotations

from datetime import datetime

from bot.signing import Signer
from storage.submissions import SubmissionView


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def body(view: SubmissionView, signer: Signer) -> dict:
    b, s = view.business, view.submission
    approved = next((c.at for c in reversed(view.history) if c.to_status == "approved"), None)
    return {
        "submission_id": s.id,
        "revision": s.revision,
        "business": {
            "name": b.name, "owner_name": b.owner_name, "phone": b.phone, "email": b.email,
            "city": b.city, "region": b.region, "sector": b.sector, "ice": b.ice,
        },
        "products": [
            {
                "name": p.product.name,
                "description": p.product.description,
                "price": {"amount": p.product.price_amount,
                          "amount_max": p.product.price_max,
                          "currency": "MAD", "unit": p.product.price_unit},
                "moq": {"quantity": p.product.moq_quantity, "unit": p.product.moq_unit},
                "images": [
                    {"url": signer.media_url(m.sha256), "content_type": m.content_type,
                     "width": m.width, "height": m.height, "sha256": m.sha256, "size": m.size}
                    for m in p.media
                ],
            }
            for p in view.products
        ],
        "language": b.language,
        "script": b.script,
        "channel": b.channel,
        "agent": {"id": view.agent.id, "name": view.agent.name} if view.agent else None,
        "consent_at": _iso(b.consent_at),
        "submitted_at": _iso(s.submitted_at),
        "approved_at": _iso(approved),
    }


def listing(view: SubmissionView, signer: Signer) -> dict:
    return {"id": view.submission.id, "status": view.submission.status, **body(view, signer)}
