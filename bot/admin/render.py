"""Server-rendered pages: Jinja2 with autoescaping, words from locales/{fr,ar}/admin.ftl."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.admin.auth import Session
from bot.admin.forms import TZ
from bot.i18n import Catalog, direction
from bot.keys import catalog_key
from flows.model import Msg
from flows.parsing.places import REGIONS
from flows.text import shown_name
from storage.models import User
from storage.search import city_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
STAFF_LOCALES = ("fr", "ar")

def _request_key(name: str, kind):
    """A typed request key where aiohttp has them (3.12+), a plain name before."""
    return web.RequestKey(name, kind) if hasattr(web, "RequestKey") else name


# What the middleware puts on each request (bot.admin.desk).
LOCALE = _request_key("admin_locale", str)
USER = _request_key("admin_user", User)
SESSION = _request_key("admin_session", Session)
CSRF = _request_key("admin_csrf", str)

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
# Names are stored as typed and shown capitalised ("karim bziz" reads "Karim Bziz").
env.filters["shown"] = lambda name: shown_name(name) if name else name


class Words:
    """What a template may ask for, in the page's language."""

    def __init__(self, catalog: Catalog, locale: str):
        self.catalog, self.locale = catalog, locale

    def __call__(self, key: str, **params) -> str:
        return self.catalog.text(self.locale, Msg(key, params))

    def maybe(self, key: str, fallback: str) -> str:
        return self(key) if self.catalog.has(self.locale, key) else fallback

    def status(self, status: str | None) -> str:
        return self.maybe(f"admin_status_{status}", status or "")

    def channel(self, channel: str | None) -> str:
        return self.maybe(f"admin_channel_{channel}", channel or self("admin_unknown"))

    def language(self, language: str | None) -> str:
        return self.maybe(f"admin_language_{language}", language or self("admin_unknown"))

    def script(self, script: str | None) -> str:
        return self.maybe(f"admin_script_{script}", script or "")

    def sector(self, sector: str | None) -> str:
        return self.maybe(f"sector_{sector}", sector) if sector else self("admin_unknown")

    def unit(self, unit: str | None) -> str:
        return self.maybe(f"unit_{unit}", unit) if unit else ""

    def quantity(self, amount, unit: str | None) -> str:
        """A minimum order, its unit agreeing with the number ("5 pièces", not "5 pièce")."""
        if not unit or not self.catalog.has(self.locale, f"units_{unit}"):
            return f"{amount} {self.unit(unit)}".strip()
        try:
            count = float(amount)
        except (TypeError, ValueError):
            count = 2
        count = int(count) if count == int(count) else count
        return f"{amount} {self(f'units_{unit}', count=count)}"

    def city(self, name: str | None) -> str:
        """A stored city in the page's language: a known city by its Arabic name on the
        Arabic pages, anything else as the owner (or an admin) typed it."""
        if not name:
            return self("admin_unknown")
        known = city_of(name) if self.locale == "ar" else None
        return known.name_ar if known is not None else name

    def region(self, region_id: str | None) -> str:
        region = REGIONS.get(region_id or "")
        if region is None:
            return region_id or self("admin_unknown")
        return region.name_ar if self.locale == "ar" else region.name_fr

    def field(self, field: str) -> str:
        """A field id ("city", "product:2:photos", "product:2:price_amount") in words."""
        if field.startswith("product:"):
            _, number, name = (field.split(":", 2) + ["", ""])[:3]
            return self("admin_product_field", number=number,
                        field=self.maybe(f"admin_field_{name}", name))
        return self.maybe(f"admin_field_{field}", field)

    def reason(self, reason: str) -> str:
        return self.maybe(f"admin_reason_{reason}", reason)

    def actor(self, actor: str) -> str:
        if actor.startswith("admin:"):
            return actor[len("admin:"):]
        return self.maybe(f"admin_actor_{actor}", actor)

    def when(self, value: datetime | None, with_time: bool = True) -> str:
        if value is None:
            return self("admin_value_missing")
        text = value.astimezone(TZ).strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")
        # In an Arabic sentence a date must still read left to right ("27/11/2026 13:44").
        return f"\u2066{text}\u2069" if self.locale == "ar" else text

    def price(self, amount: str | None, high: str | None, unit: str | None) -> str:
        if not amount:
            return self("admin_value_missing")
        value = f"{amount}–{high}" if high else amount
        if unit:
            return self("admin_price_per", amount=value, unit=self.unit(unit))
        return self("admin_price_value", amount=value)


def url(path: str, params: dict | None = None) -> str:
    query = urlencode({k: v for k, v in (params or {}).items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


def render(request: web.Request, template: str, *, status: int = 200, **context
           ) -> web.Response:
    """`path`, in the context, is the page's own address when it is not the request's (a
    form answered by its page again, whose language link must not GET the POST)."""
    locale = request.get(LOCALE, "fr")
    words = Words(request.config_dict[catalog_key], locale)
    other = "ar" if locale == "fr" else "fr"
    session = request.get(SESSION)
    queue = session.queue if session is not None else ""
    missed = None
    if session is not None and session.missed and request.get(USER) is not None:
        # Told once, on the first page after the login (bot.admin.views.login).
        count, address, at = session.missed
        missed = (count, address, datetime.fromtimestamp(at, UTC) if at else None)
        session.missed, session.dirty = None, True
    path = context.pop("path", request.path_qs)
    page = env.get_template(template).render(
        t=words, locale=locale, dir=direction(locale), user=request.get(USER),
        csrf=request.get(CSRF, ""), path=path, url=url, regions=REGIONS,
        queue_url="/admin/submissions" + (f"?{queue}" if queue else ""), missed=missed,
        other_locale=other, static=lambda name: str(
            request.app.router["static"].url_for(filename=name)),
        other_locale_name=request.config_dict[catalog_key].text(other, Msg("admin_lang_name")),
        **context)
    return web.Response(text=page, content_type="text/html", charset="utf-8", status=status)
