"""The storefront handoff body (ARCHITECTURE.md), built from a submission.

`tijara submissions list --json` prints the same objects plus `id` and `status`.
The schema is docs/storefront-api.yaml (`StorefrontRequest`); tests/unit/test_openapi.py
checks real bodies against it.

Each product carries its English listing (flows.published, 1.5): `en` {name,
description}, generated from the owner's words with the reviewer's edits winning (table
ProductTranslation, kept by product position), null when there is neither; `type`,
`hs_code`, `attributes`; and `price.usd` at the configured rate, with its date. The
listing is read as stored with the product (storage.listings), the price at the rate of
the moment added; computed only when not stored by this version.
Photos of the business's certificates and packaging (flows.buyerq, 1.6) are images like
the products': each certification's `photos`, and the business's `packaging_photos`.
Voice notes are not in the body (the contract has no field for them; `images` are
photos only); the export folder keeps them (bot/outbox/export.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import lru_cache

import orjson

from bot.signing import Signer
from flows.listing import Rate, to_usd
from flows.model import Amount
from flows.published import Edits, fields, priced, version
from flows.published import amount as amount_of
from storage.listings import current, stored
from storage.models import ProductTranslation
from storage.submissions import SubmissionView

# A product's English texts by its position, as `storage.submissions.english_texts` gives
# them for a business.
English = Mapping[int, ProductTranslation]

# How long the image links in a handoff body stay valid, counted from the first attempt:
# retries go on for 24 h, and the backend may fetch the images some time after that.
IMAGE_LINK_TTL = timedelta(days=7)


# Each digit as "0", every other byte as a space: nineteen zeros in a row may be an integer
# past 64 bits, that orjson reads as a float (a bytes translation: a tenth of a regex's time).
_DIGITS = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_LONG_NUMBER = b"0" * 19


def _json(text: str | None):
    """A JSON column's stored text as `json.loads` reads it: through orjson, several times
    faster, which reads everything json.dumps writes the same but NaN, infinities and lone
    surrogates (it refuses them) and integers past 64 bits (it makes them floats); those
    through json."""
    if text is None:
        return None
    if _LONG_NUMBER not in text.encode("utf-8", "surrogatepass").translate(_DIGITS):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def approved_at(view: SubmissionView) -> datetime | None:
    """The review decision (a retried handoff goes back to "approved" too, from elsewhere)."""
    return next((c.at for c in reversed(view.history)
                 if c.to_status == "approved" and c.from_status == "submitted"), None)


def listing_fields(kept: dict, price_amount: str | None, price_max: str | None,
                   price_unit: str | None, moq_quantity: str | None, moq_unit: str | None,
                   rate: Rate | None) -> dict:
    """A product's 1.5 fields from its stored listing (storage.listings): `en`, `type`,
    `hs_code`, `attributes`, and `usd` (its price's `usd`, null without a rate or a
    price)."""
    said, usd = _priced(price_amount, price_max, price_unit, moq_quantity, moq_unit, rate)
    return {**fields(kept, said), "usd": dict(usd) if usd else None}


@lru_cache(maxsize=4096)
def _priced(price_amount: str | None, price_max: str | None, price_unit: str | None,
            moq_quantity: str | None, moq_unit: str | None, rate: Rate | None
            ) -> tuple[tuple[str, ...], dict | None]:
    """The price and minimum order sentences and `price.usd` of a product's stored amounts:
    the same few come back product after product in a listing of every submission."""
    price = amount_of(price_amount, price_max, price_unit)
    return priced(price, amount_of(moq_quantity, None, moq_unit), rate), _usd(price, rate)


def listing_cells(fields: dict) -> list[str]:
    """`listing_fields` as the CSV exports write them: type (its key), hs_code, attributes
    ("Material: Wool; Size: 200 × 150 cm ..."), price_usd, price_usd_max, usd_rate_date."""
    t, usd = fields["type"], fields["usd"] or {}
    return [t["key"] if t else "", fields["hs_code"] or "",
            "; ".join(f"{a['name']}: {a['value']}" for a in fields["attributes"]),
            usd.get("amount") or "", usd.get("amount_max") or "", usd.get("rate_date") or ""]


def _add_listing(product: dict, kept: dict, rate: Rate | None) -> None:
    price, moq = product["price"], product["moq"]
    fields = listing_fields(kept, price["amount"], price["amount_max"], price["unit"],
                            moq["quantity"], moq["unit"], rate)
    price["usd"] = fields.pop("usd")
    product.update(fields)


def _usd(price: Amount | None, rate: Rate | None) -> dict | None:
    if rate is None or price is None:
        return None
    return {"amount": str(to_usd(price.amount, rate)),
            "amount_max": str(to_usd(price.amount_max, rate))
            if price.amount_max is not None else None,
            "usd_per_mad": str(rate.usd_per_mad), "rate_date": rate.date}


def _business(name, owner_name, phone, email, city, region, sector, ice, fda_registered,
              export_level, export_countries, packaging, packaging_photos: list[dict]) -> dict:
    return {"name": name, "owner_name": owner_name, "phone": phone, "email": email,
            "city": city, "region": region, "sector": sector, "ice": ice,
            "fda_registered": fda_registered,
            "export_experience": _export_experience(export_level, export_countries),
            "packaging": packaging, "packaging_photos": packaging_photos}


def _certifications(certifications, photos: Mapping[str, list[dict]]) -> list[dict] | None:
    """The business's certificates (its JSON column), each with its photos (1.6)."""
    if certifications is None:
        return None
    return [{**c, "photos": photos.get(f"certificate:{c['kind']}", [])} for c in certifications]


def _product(name, description, amount, amount_max, unit, moq_quantity, moq_unit,
             images: list[dict]) -> dict:
    return {"name": name, "description": description,
            "price": {"amount": amount, "amount_max": amount_max, "currency": "MAD",
                      "unit": unit},
            "moq": {"quantity": moq_quantity, "unit": moq_unit},
            "images": images}


def _buyer(capacity_quantity, capacity_unit, capacity_per, lead_time_quantity, lead_time_unit,
           lead_time_days, certifications) -> dict:
    """A product's answers to the buyers' questions (added in 1.4): null when skipped."""
    return {"capacity": _capacity(capacity_quantity, capacity_unit, capacity_per),
            "lead_time": _lead_time(lead_time_quantity, lead_time_unit, lead_time_days),
            "certifications": certifications}


def _image(url, content_type, width, height, sha256, size) -> dict:
    return {"url": url, "content_type": content_type, "width": width, "height": height,
            "sha256": sha256, "size": size}


def _rest(language, script, channel, agent_id, agent_name, consent_at, submitted_at,
          approved: datetime | None) -> dict:
    return {"language": language, "script": script, "channel": channel,
            "agent": {"id": agent_id, "name": agent_name} if agent_id is not None else None,
            "consent_at": _iso(consent_at), "submitted_at": _iso(submitted_at),
            "approved_at": _iso(approved)}


def _capacity(quantity, unit, per) -> dict | None:
    """How much the owner can make (flows.buyerq), in their unit, per period; null when
    the question was skipped."""
    if quantity is None:
        return None
    return {"quantity": quantity, "unit": unit, "per": per}


def _lead_time(quantity, unit, days) -> dict | None:
    """A first order's delay as the owner said it, and in days; null when skipped."""
    if days is None:
        return None
    return {"quantity": quantity, "unit": unit, "days": days}


def _export_experience(level, countries) -> dict | None:
    if level is None:
        return None
    return {"level": level, "countries": list(countries or [])}


def _documents(view: SubmissionView, signer: Signer, link: dict) -> dict[str, list[dict]]:
    """The certificate and packaging photos as images, by what they show."""
    found: dict[str, list[dict]] = {}
    for d in view.documents:
        m = d.media
        found.setdefault(d.of, []).append(_image(signer.media_url(m.sha256, **link),
                                                 m.content_type, m.width, m.height,
                                                 m.sha256, m.size))
    return found


def body(view: SubmissionView, signer: Signer, *, translations: English | None,
         rate: Rate | None = None, links_from: datetime | None = None) -> dict:
    """The JSON body. With `links_from`, image links expire IMAGE_LINK_TTL after it, so
    every retry of one handoff sends the same bytes (the links are otherwise the same
    48-hour links the admin pages use).

    `translations` is what `storage.submissions.english_texts` gives for the view's
    business (an empty mapping when it has none): every product then has its English
    listing (`en`, `type`, `hs_code`, `attributes`; `price.usd` at `rate`, null without
    one). The handoff must pass it; None (not looked up) leaves those out rather than
    send a listing without the reviewer's edits."""
    b, s = view.business, view.submission
    link = {} if links_from is None else {"ttl": int(IMAGE_LINK_TTL.total_seconds()),
                                          "now": links_from.timestamp()}
    documents = _documents(view, signer, link)
    certifications = _certifications(b.certifications, documents)
    products = []
    for p in view.products:
        q = p.product
        product = _product(
            q.name, q.description, q.price_amount, q.price_max, q.price_unit, q.moq_quantity,
            q.moq_unit,
            [_image(signer.media_url(m.sha256, **link), m.content_type, m.width, m.height,
                    m.sha256, m.size) for m in p.media if m.kind == "photo"])
        if translations is not None:
            _add_listing(product, stored(q, b.sector, translations.get(q.position)), rate)
        product.update(_buyer(q.capacity_quantity, q.capacity_unit, q.capacity_per,
                              q.lead_time_quantity, q.lead_time_unit, q.lead_time_days,
                              certifications))
        products.append(product)
    agent = view.agent
    return {"submission_id": s.id, "revision": s.revision,
            "business": _business(b.name, b.owner_name, b.phone, b.email, b.city, b.region,
                                  b.sector, b.ice, b.fda_registered, b.export_experience,
                                  b.export_countries, b.packaging,
                                  documents.get("packaging", [])),
            "products": products,
            **_rest(b.language, b.script, b.channel, agent.id if agent else None,
                    agent.name if agent else None, b.consent_at, s.submitted_at,
                    approved_at(view))}


def listing(view: SubmissionView, signer: Signer, *,
            translations: English | None = None, rate: Rate | None = None) -> dict:
    """`tijara submissions list --json`; pass the business's entry of
    `storage.submissions.english_texts` for the products' English listing (without it,
    it is left out)."""
    return {"id": view.submission.id, "status": view.submission.status,
            **body(view, signer, translations=translations, rate=rate)}


def listings(rows, signer: Signer, rate: Rate | None = None,
             documents: Mapping[int, list] | None = None) -> list[dict]:
    """`listing` of every submission in `storage.submissions.page`'s rows, with every
    product's English listing, built straight from the rows (no view objects: a listing
    of every submission builds a hundred thousand of these). `documents`: what
    `storage.submissions.page_documents` gives for those rows (certificate and packaging
    photos). The rows' JSON columns are their text (`page` says which), decoded here."""
    found: list[dict] = []
    sid = product_id = None
    products = images = certified = None
    url = signer.media_urls()  # the page's links expire together
    stamp = version()
    documents = documents or {}
    for (i, status, revision, submitted_at, name, owner_name, phone, email, city, region,
         sector, ice, language, script, channel, consent_at, agent_id, certifications,
         fda_registered, export_level, export_countries, packaging, agent_name,
         approved, pid, pname, description, amount, amount_max, unit, moq_quantity,
         moq_unit, capacity_quantity, capacity_unit, capacity_per, lead_time_quantity,
         lead_time_unit, lead_time_days, owner_type, owner_type_asked, listing,
         listing_version, title_en, description_en, type_key, sha256, content_type, width,
         height, size) in rows:
        if i != sid:
            sid, product_id, products = i, None, []
            photos: dict[str, list[dict]] = {}
            for of, doc_sha, kind, w, h, doc_size in documents.get(i, ()):
                photos.setdefault(of, []).append(
                    {"url": url(doc_sha), "content_type": kind, "width": w, "height": h,
                     "sha256": doc_sha, "size": doc_size})
            certified = _certifications(_json(certifications), photos)
            found.append({"id": i, "status": status, "submission_id": i,
                          "revision": revision,
                          "business": _business(name, owner_name, phone, email, city, region,
                                                sector, ice, fda_registered, export_level,
                                                _json(export_countries), packaging,
                                                photos.get("packaging", [])),
                          "products": products,
                          **_rest(language, script, channel, agent_id, agent_name,
                                  consent_at, submitted_at, approved)})
        if pid is None:
            continue
        if pid != product_id:
            product_id, images = pid, []
            # The stored listing when this version wrote it (storage.listings.current).
            kept = _json(listing) if listing is not None and listing_version == stamp \
                else current(None, None, pname, description, owner_type, owner_type_asked,
                             sector, Edits(title_en or "", description_en or "", type_key))
            said, usd = _priced(amount, amount_max, unit, moq_quantity, moq_unit, rate)
            # The keys in the order `body` gives them (_product, _add_listing, _buyer).
            products.append({
                "name": pname, "description": description,
                "price": {"amount": amount, "amount_max": amount_max, "currency": "MAD",
                          "unit": unit, "usd": dict(usd) if usd else None},
                "moq": {"quantity": moq_quantity, "unit": moq_unit},
                "images": images, **fields(kept, said),
                "capacity": _capacity(capacity_quantity, capacity_unit, capacity_per),
                "lead_time": _lead_time(lead_time_quantity, lead_time_unit, lead_time_days),
                "certifications": certified})
        if sha256 is not None:
            images.append({"url": url(sha256), "content_type": content_type, "width": width,
                           "height": height, "sha256": sha256, "size": size})
    return found
