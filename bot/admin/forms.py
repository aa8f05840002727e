"""Reading what the admin pages receive: queue filters, corrections, decisions.

Everything arrives as text from a form or a query string and is checked against the
project's own lists (regions, sectors, units, reasons, fields) before it goes near the
database. A value that does not pass is reported by field id, never half-saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from multidict import MultiMapping

from flows.choices import SECTORS, UNITS
from flows.events import REASONS
from flows.model import LANGUAGES
from flows.parsing.contact import parse_email, parse_phone
from flows.parsing.ice import parse_ice
from flows.parsing.numbers import normalize_digits
from flows.parsing.places import REGIONS
from flows.parsing.result import Invalid
from flows.steps import BUSINESS_FIELDS, PRODUCT_FIELDS
from flows.taxonomy import types
from storage.queue import Filters
from storage.review import REQUIRED_BUSINESS, REQUIRED_PRODUCT
from storage.submissions import STATUSES

# The desk is in Morocco: dates typed in filters are local dates.
TZ = ZoneInfo("Africa/Casablanca")
CHANNELS = ("telegram", "whatsapp", "web", "terminal")
ALL = "all"


class FormError(Exception):
    """Values that cannot be accepted: field id -> "required" (left empty) or "invalid";
    `field` is the first of them (the one the page takes the admin to)."""

    def __init__(self, errors: dict[str, str] | str):
        errors = {errors: "invalid"} if isinstance(errors, str) else dict(errors)
        super().__init__(errors)
        self.errors = errors
        self.field = next(iter(errors))


def _one_of(value: str | None, allowed) -> str | None:
    return value if value in allowed else None


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=TZ)


@dataclass
class QueueQuery:
    filters: Filters
    status: str  # a status, or "all"
    date_from: date | None
    date_to: date | None
    page: int

    def params(self, **override) -> dict[str, str]:
        """The query string that gives this list back (with some values replaced)."""
        f = self.filters
        values = {
            "status": self.status, "region": f.region, "sector": f.sector,
            "channel": f.channel, "language": f.language,
            "agent": str(f.agent) if f.agent is not None else None,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "q": f.q or None, "page": str(self.page) if self.page > 1 else None,
        }
        values.update(override)
        return {k: v for k, v in values.items() if v}


def queue_query(query: MultiMapping[str], *, default_status: str) -> QueueQuery:
    status = query.get("status") or default_status
    status = status if status in STATUSES else ALL
    agent_text = query.get("agent") or ""
    agent: int | str | None = None
    if agent_text == "none":
        agent = "none"
    elif agent_text.isdigit():
        agent = int(agent_text)
    date_from, date_to = parse_date(query.get("from")), parse_date(query.get("to"))
    page = query.get("page") or "1"
    filters = Filters(
        status=None if status == ALL else status,
        region=_one_of(query.get("region"), REGIONS),
        sector=_one_of(query.get("sector"), SECTORS),
        channel=_one_of(query.get("channel"), CHANNELS),
        language=_one_of(query.get("language"), LANGUAGES),
        agent=agent,
        since=local_midnight(date_from) if date_from else None,
        until=local_midnight(date_to + timedelta(days=1)) if date_to else None,
        q=(query.get("q") or "").strip()[:100],
    )
    return QueueQuery(filters, status, date_from, date_to,
                      max(1, min(int(page), 10_000)) if page.isdigit() else 1)


# --- corrections ---------------------------------------------------------------

BUSINESS_LIMITS = {"business_name": 200, "owner_name": 200, "city": 200}


def _clean(value: object, limit: int) -> str:
    text = value if isinstance(value, str) else ""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text).strip()
    return text[:limit]


def business_changes(form: MultiMapping) -> dict[str, str | None]:
    """The business fields of the correction form, normalised; FormError naming every
    value that cannot be stored (nothing is half-saved). Only the fields present in the
    form are returned."""
    out: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for name in ("business_name", "owner_name", "city"):
        if name in form:
            out[name] = _clean(form[name], BUSINESS_LIMITS[name]) or None
    for name, limit, parse in (("phone", 64, lambda v: parse_phone(v)),
                               ("email", 254, parse_email), ("ice", 64, parse_ice)):
        if name not in form:
            continue
        value = _clean(form[name], limit)
        if value:
            parsed = parse(value)
            if isinstance(parsed, Invalid):
                errors[name] = "invalid"
                continue
            value = parsed.e164 if name == "phone" else parsed
        out[name] = value or None
    for name, allowed in (("region", REGIONS), ("sector", SECTORS)):
        if name in form:
            value = _clean(form[name], 64)
            if value and value not in allowed:
                errors[name] = "invalid"
                continue
            out[name] = value or None
    for name in REQUIRED_BUSINESS:
        if name in out and not out[name]:
            errors[name] = "required"
    if errors:
        raise FormError({n: errors[n] for n in _FORM_ORDER["business"] if n in errors})
    return out


def _decimal(value: str, name: str) -> str | None:
    text = normalize_digits(_clean(value, 32)).replace(" ", "").replace("\u00a0", "")
    text = text.replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise FormError(name) from None
    if not number.is_finite() or number <= 0 or number >= Decimal("1e12"):
        raise FormError(name)
    result = f"{number.normalize():f}"
    return result


def product_changes(form: MultiMapping) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    if "name" in form:
        out["name"] = _clean(form["name"], 200)
    if "description" in form:
        out["description"] = _clean(form["description"], 4000)
    for name in ("price_amount", "price_max", "moq_quantity"):
        if name in form:
            try:
                out[name] = _decimal(form[name], name)
            except FormError:
                errors[name] = "invalid"
    for name in ("price_unit", "moq_unit"):
        if name in form:
            value = _clean(form[name], 16)
            if value and value not in UNITS:
                errors[name] = "invalid"
                continue
            out[name] = value or None
    for name in REQUIRED_PRODUCT:
        if name in out and not out[name] and name not in errors:
            errors[name] = "required"
    amount, high = out.get("price_amount"), out.get("price_max")
    if high and amount and Decimal(high) <= Decimal(amount):
        errors["price_max"] = "invalid"
    if errors:
        raise FormError({n: errors[n] for n in _FORM_ORDER["product"] if n in errors})
    return out


# The fields of each correction form in the order the page shows them: the first wrong
# one is where the admin is taken.
_FORM_ORDER = {
    "business": ("business_name", "owner_name", "phone", "email", "city", "region", "sector",
                 "ice"),
    "product": ("name", "description", "price_amount", "price_max", "price_unit",
                "moq_quantity", "moq_unit"),
}


def translation(form: MultiMapping) -> tuple[str, str, str | None]:
    """The English form's title, description and type (a taxonomy key, or None for the
    one recognised); FormError("type") for a type the taxonomy does not hold."""
    type_key = _clean(form.get("type"), 64) or None
    if type_key is not None and type_key not in types():
        raise FormError("type")
    return (_clean(form.get("title_en"), 200), _clean(form.get("description_en"), 4000),
            type_key)


# --- decisions ---------------------------------------------------------------------


def fields_to_fix(product_count: int) -> list[str]:
    """The field ids an admin may send back, as flows.events understands them."""
    return [*BUSINESS_FIELDS, *(f"product:{n}:{name}" for n in range(1, product_count + 1)
                                for name in PRODUCT_FIELDS)]


def change_items(form: MultiMapping, product_count: int) -> list[dict[str, str]]:
    """(field, reason) pairs of the request-changes form; a field with no reason chosen
    is sent back as "other" (the admin's note says more), a reason with no field is
    dropped, the same field twice is sent once."""
    allowed = set(fields_to_fix(product_count))
    items, seen = [], set()
    for field, reason in zip(form.getall("item_field", []), form.getall("item_reason", []),
                             strict=False):
        if field not in allowed or field in seen:
            continue
        seen.add(field)
        items.append({"field": field, "reason": reason if reason in REASONS else "other"})
    return items
