"""The storefront handoff body (ARCHITECTURE.md), built from a submission.

`tijara submissions list --json` prints the same objects plus `id` and `status`.
The schema is docs/storefront-api.yaml (`StorefrontRequest`); tests/unit/test_openapi.py
checks real bodies against it.

Each product carries `en`, the English title and description an admin wrote on the
review pages (table ProductTranslation, kept by product position): null when none was
written, else `{"name": ..., "description": ...}`, either of which is null when blank.
Voice notes are not in the body (the contract has no field for them; `images` are
photos only); the export folder keeps them (bot/outbox/export.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from bot.signing import Signer
from storage.models import Business, Product, ProductTranslation
from storage.submissions import SubmissionView

# A product's English texts by its position, as `storage.submissions.english_texts` gives
# them for a business.
English = Mapping[int, ProductTranslation]

# How long the image links in a handoff body stay valid, counted from the first attempt:
# retries go on for 24 h, and the backend may fetch the images some time after that.
IMAGE_LINK_TTL = timedelta(days=7)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def approved_at(view: SubmissionView) -> datetime | None:
    """The review decision (a retried handoff goes back to "approved" too, from elsewhere)."""
    return next((c.at for c in reversed(view.history)
                 if c.to_status == "approved" and c.from_status == "submitted"), None)


def english(t: ProductTranslation | None) -> dict | None:
    """A product's `en`: null when the admin wrote neither an English title nor an
    English description, else both keys, a blank one null."""
    name = (t.title_en or "").strip() if t else ""
    description = (t.description_en or "").strip() if t else ""
    if not (name or description):
        return None
    return {"name": name or None, "description": description or None}


def capacity(p: Product) -> dict | None:
    """How much the owner can make (flows.buyerq), in their unit, per period; null when
    the question was skipped."""
    if p.capacity_quantity is None:
        return None
    return {"quantity": p.capacity_quantity, "unit": p.capacity_unit, "per": p.capacity_per}


def lead_time(p: Product) -> dict | None:
    """A first order's delay as the owner said it, and in days; null when skipped."""
    if p.lead_time_days is None:
        return None
    return {"quantity": p.lead_time_quantity, "unit": p.lead_time_unit,
            "days": p.lead_time_days}


def export_experience(b: Business) -> dict | None:
    if b.export_experience is None:
        return None
    return {"level": b.export_experience, "countries": list(b.export_countries or [])}


def body(view: SubmissionView, signer: Signer, *, translations: English | None,
         links_from: datetime | None = None) -> dict:
    """The JSON body. With `links_from`, image links expire IMAGE_LINK_TTL after it, so
    every retry of one handoff sends the same bytes (the links are otherwise the same
    48-hour links the admin pages use).

    `translations` is what `storage.submissions.english_texts` gives for the view's
    business (an empty mapping when it has none): every product then has its `en`. The
    handoff must pass it; None (not looked up) leaves `en` out rather than claim there is none."""
    b, s = view.business, view.submission

    def en(position: int) -> dict:
        if translations is None:
            return {}
        return {"en": english(translations.get(position))}

    link = {} if links_from is None else {"ttl": int(IMAGE_LINK_TTL.total_seconds()),
                                          "now": links_from.timestamp()}
    return {
        "submission_id": s.id,
        "revision": s.revision,
        "business": {
            "name": b.name, "owner_name": b.owner_name, "phone": b.phone, "email": b.email,
            "city": b.city, "region": b.region, "sector": b.sector, "ice": b.ice,
            "fda_registered": b.fda_registered,
            "export_experience": export_experience(b),
            "packaging": b.packaging,
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
                    {"url": signer.media_url(m.sha256, **link), "content_type": m.content_type,
                     "width": m.width, "height": m.height, "sha256": m.sha256, "size": m.size}
                    for m in p.media if m.kind == "photo"
                ],
                **en(p.product.position),
                # The buyers' questions (added in 1.4): null when skipped.
                "capacity": capacity(p.product),
                "lead_time": lead_time(p.product),
                "certifications": b.certifications,
            }
            for p in view.products
        ],
        "language": b.language,
        "script": b.script,
        "channel": b.channel,
        "agent": {"id": view.agent.id, "name": view.agent.name} if view.agent else None,
        "consent_at": _iso(b.consent_at),
        "submitted_at": _iso(s.submitted_at),
        "approved_at": _iso(approved_at(view)),
    }


def listing(view: SubmissionView, signer: Signer, *,
            translations: English | None = None) -> dict:
    """`tijara submissions list --json`; pass the business's entry of
    `storage.submissions.english_texts` for the products' `en` (without it, `en` is
    left out)."""
    return {"id": view.submission.id, "status": view.submission.status,
            **body(view, signer, translations=translations)}
