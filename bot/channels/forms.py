"""The onboarding form (flows/forms.py) over HTTP: the web chat's form mode and the Telegram
Mini App, one page (bot/static/form.*) and one JSON shape for both.

- web chat: `/chat/form`, and `/api/chat/sessions/{session}/form[/photo[/remove]]`: the
  session is the chat's own (its id is the secret, as for the chat API);
- Telegram: `/telegram/form`, opened from a `web_app` button or the menu, and
  `/api/telegram/form[/photo[/remove]]`:
  every request carries the Mini App's signed `initData` (header `X-Telegram-Init-Data`,
  or the `init_data` field of a photo upload), checked each time (webapp.py).

A submission is first checked (422 with each field's error in the owner's words, nothing
kept); a clean one is a turn like a message (bot/turns.py), whose replies the web chat
shows and Telegram sends to the chat. A photo goes through the media pipeline, one at a time;
taking one out names it by its sha256. Both answer the product's photos as they are now
(signed links, relative: the page's CSP takes images from its own origin only).
"""

from __future__ import annotations

import logging
import re
import uuid
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.channels.base import InboundMessage
from bot.channels.telegram.webapp import InitDataRefused, validate
from bot.channels.untrusted import clean_text
from bot.channels.web import (
    COMMON_HEADERS,
    TEXT_LIMIT,
    _json,
    _session_id,
    _throttled,
    api,
)
from bot.i18n import Catalog, direction
from bot.keys import (
    catalog_key,
    media_key,
    receiver_key,
    settings_key,
    signer_key,
    turns_key,
)
from bot.signing import Signer
from bot.turns import FormView
from flows import forms
from flows.model import Msg
from storage.media import Refused, ingest_photo
from storage.models import utcnow

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent.parent / "static"
UI = ("open", "title", "business", "product", "save", "back", "add_photo", "photos",
      "optional", "choose", "error", "refused", "photo", "remove_photo", "confirm_remove",
      "cancel")
SHA256 = re.compile(r"[0-9a-f]{64}")
FIELD_NAMES = frozenset((*forms.BUSINESS, *forms.PRODUCT, forms.MOQ_UNIT))
# Telegram's web client shows a Mini App in a frame; the phone apps in a web view.
TELEGRAM_FRAMES = "https://web.telegram.org"
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors {frames}")
routes = web.RouteTableDef()


def photo_links(signer: Signer, shas: list[str]) -> list[dict[str, str]]:
    """The photos as the page shows them: id and a signed link on the page's own origin."""
    return [{"id": sha, "url": signer.media_url(sha).removeprefix(signer.base_url)}
            for sha in shas]


def form_json(catalog: Catalog, view: FormView, signer: Signer) -> dict[str, Any]:
    locale, form = view.locale, view.form

    def say(msg: Msg) -> str:
        return catalog.text(locale, msg)

    return {
        "locale": locale, "dir": direction(locale), "available": view.available,
        "scope": form.scope, "product": form.product, "products": form.products,
        "products_ui": [say(Msg("form_ui_product", {"number": i + 1}))
                        for i in range(form.products)] + [say(Msg("form_ui_new_product"))],
        "ui": {k: say(Msg(f"form_ui_{k}", {"number": form.product + 1, "count": 0}))
               for k in UI},
        "fields": [{
            "name": f.name, "kind": f.kind, "label": say(f.label), "help": say(f.help),
            "optional": f.optional, "multiline": f.multiline, "value": f.value,
            "choices": [{"value": v, "label": say(label)} for v, label in f.choices],
        } for f in form.fields],
        "photos": photo_links(signer, form.photos),
        "errors": view.errors,
    }


def _scope(request: web.Request, body: dict | None = None) -> tuple[str, int | None]:
    source = body if body is not None else request.query
    scope = source.get("scope") or "all"
    if scope not in forms.SCOPES:
        raise web.HTTPBadRequest(text=f"scope: one of {', '.join(forms.SCOPES)}")
    product = source.get("product")
    if product in (None, ""):
        return scope, None
    try:
        number = int(product)
    except (TypeError, ValueError):
        raise web.HTTPBadRequest(text="product: a number") from None
    if not 0 <= number <= 100:
        raise web.HTTPBadRequest(text="product: a number")
    return scope, number


def _values(body: dict) -> dict[str, str | None]:
    """The answers, bounded: known fields only, strings only, cut to the chat's limit."""
    values = body.get("values")
    if not isinstance(values, dict):
        raise web.HTTPBadRequest(text="values: an object")
    kept: dict[str, str | None] = {}
    for name, value in values.items():
        if name not in FIELD_NAMES or name == "photos":
            continue
        if value is not None and not isinstance(value, str):
            raise web.HTTPBadRequest(text=f"{name[:40]}: a string")
        kept[name] = clean_text(value)[:TEXT_LIMIT] if value is not None else None
    return kept


def _page(request: web.Request, mode: str) -> web.Response:
    catalog = request.app[catalog_key]
    html = (STATIC / "form.html").read_text(encoding="utf-8")
    html = html.replace("{{MODE}}", mode).replace(
        "{{LOADING}}", escape(catalog.text("fr", Msg("form_ui_title"))))
    frames = TELEGRAM_FRAMES if mode == "telegram" else "'none'"
    return web.Response(text=html, content_type="text/html", headers={
        **COMMON_HEADERS, "Content-Security-Policy": PAGE_CSP.format(frames=frames),
        **({} if mode == "telegram" else {"X-Frame-Options": "DENY"})})


async def _view(request: web.Request, channel: str, user_ref: str) -> web.Response:
    scope, product = _scope(request)
    view = await request.app[turns_key].form(channel, user_ref, scope, product)
    if view is None:
        raise web.HTTPNotFound()
    return web.json_response(form_json(request.app[catalog_key], view, request.app[signer_key]))


async def _submit(request: web.Request, channel: str, user_ref: str) -> web.Response:
    body = await _json(request)
    scope, product = _scope(request, body)
    values = _values(body)
    turns = request.app[turns_key]
    view = await turns.form(channel, user_ref, scope, product, values)
    if view is None:
        raise web.HTTPNotFound()
    if view.errors or not view.available:
        return web.json_response(form_json(request.app[catalog_key], view,
                                           request.app[signer_key]), status=422)
    form = {"scope": scope, "product": product, "values": values}
    msg = InboundMessage(channel=channel, user_ref=user_ref,
                         external_id=f"form:{uuid.uuid4().hex}", form=form, raw={"form": scope})
    if channel != "web":  # a Mini App: recorded like a message, answered in the chat itself
        await request.app[receiver_key].receive(msg)
        text = request.app[catalog_key].text(view.locale, Msg("form_saved"))
        return web.json_response({"saved": True, "locale": view.locale,
                                  "messages": [{"key": "form_saved", "text": text}]})
    result = await request.app[receiver_key].converse(msg, create=False)
    if result is None:
        raise web.HTTPNotFound()
    return web.json_response({"saved": True, "locale": result.locale,
                              "messages": [r.as_json() for r in result.replies]})


async def _photo(request: web.Request, channel: str, user_ref: str | None,
                 check=None) -> web.Response:
    try:
        data = await request.post()
    except web.HTTPRequestEntityTooLarge:
        data = None
    if check is not None:  # the Mini App: initData in the upload itself
        init = data.get("init_data") if data is not None else None
        user_ref = check(init if isinstance(init, str) else "")
        await _limit(request, f"tg:{user_ref}")
    assert user_ref is not None
    files: tuple = (Refused("too_large"),)
    product = None
    if data is not None:
        photo = data.get("photo")
        if not isinstance(photo, web.FileField):
            raise web.HTTPBadRequest(text="expected a 'photo' file field")
        raw = photo.file.read()
        files = (await ingest_photo(request.app[media_key], raw) if raw
                 else Refused("not_image"),)
        product = _scope(request, {"product": data.get("product")})[1]
    return await _photo_turn(request, channel, user_ref, files,
                             {"scope": "photo", "product": product}, "form_photo_added")


async def _photo_turn(request: web.Request, channel: str, user_ref: str, files: tuple,
                      form: dict, done: str) -> web.Response:
    """A photo added or taken out, as a turn; the answer says whether it was, in the
    owner's words, with the product's photos as they are now."""
    result = await request.app[receiver_key].converse(InboundMessage(
        channel=channel, user_ref=user_ref, external_id=f"form-photo:{uuid.uuid4().hex}",
        files=files, form=form, raw={"form": form["scope"], "files": len(files)}),
        create=False)
    if result is None:
        raise web.HTTPNotFound()
    reply = result.replies[-1] if result.replies else None
    view = await request.app[turns_key].form(channel, user_ref, "product", form["product"])
    shas = view.form.photos if view is not None else []
    flag = "added" if form["scope"] == "photo" else "removed"
    return web.json_response({flag: bool(reply and reply.key == done),
                              "text": reply.text if reply else "",
                              "photos": photo_links(request.app[signer_key], shas)})


async def _remove(request: web.Request, channel: str, user_ref: str) -> web.Response:
    body = await _json(request)
    product = _scope(request, {"product": body.get("product")})[1]
    photo = body.get("photo")
    if product is None or not isinstance(photo, str) or not SHA256.fullmatch(photo):
        raise web.HTTPBadRequest(text="product: a number; photo: a sha256")
    return await _photo_turn(request, channel, user_ref, (), {
        "scope": "photo_remove", "product": product, "photo": photo}, "form_photo_removed")


# --- the web chat's form mode ------------------------------------------------------


@routes.get("/chat/form")
async def web_page(request: web.Request) -> web.Response:
    return _page(request, "web")


@routes.get("/api/chat/sessions/{session}/form")
@api
async def web_form(request: web.Request) -> web.Response:
    return await _view(request, "web", _session_id(request))


@routes.post("/api/chat/sessions/{session}/form")
@api
async def web_submit(request: web.Request) -> web.Response:
    session = _session_id(request)
    await _limit(request, session)
    return await _submit(request, "web", session)


@routes.post("/api/chat/sessions/{session}/form/photo")
@api
async def web_photo(request: web.Request) -> web.Response:
    session = _session_id(request)
    await _limit(request, session)
    return await _photo(request, "web", session)


@routes.post("/api/chat/sessions/{session}/form/photo/remove")
@api
async def web_remove(request: web.Request) -> web.Response:
    session = _session_id(request)
    await _limit(request, session)
    return await _remove(request, "web", session)


async def _limit(request: web.Request, who: str) -> None:
    settings = request.app[settings_key]
    await _throttled(request, "message", who, settings.webchat_message_limit,
                     settings.webchat_message_window)


# --- the Telegram Mini App ---------------------------------------------------------


def _telegram_user(request: web.Request, init_data: str) -> str:
    """The chat the Mini App was opened from (a private chat's id is its user's), or 403."""
    token = request.app[settings_key].telegram_bot_token
    if token is None:
        raise web.HTTPNotFound()
    try:
        user = validate(init_data, token.get_secret_value(), utcnow())
    except InitDataRefused as refused:
        log.info("mini app: initData refused (%s)", refused)
        raise web.HTTPForbidden(text="initData refused") from None
    return str(user.user_id)


def _header_user(request: web.Request) -> str:
    return _telegram_user(request, request.headers.get("X-Telegram-Init-Data", ""))


@routes.get("/telegram/form")
async def telegram_page(request: web.Request) -> web.Response:
    if request.app[settings_key].telegram_bot_token is None:
        raise web.HTTPNotFound()
    return _page(request, "telegram")


@routes.get("/api/telegram/form")
@api
async def telegram_form(request: web.Request) -> web.Response:
    return await _view(request, "telegram", _header_user(request))


@routes.post("/api/telegram/form")
@api
async def telegram_submit(request: web.Request) -> web.Response:
    user_ref = _header_user(request)
    await _limit(request, f"tg:{user_ref}")
    return await _submit(request, "telegram", user_ref)


@routes.post("/api/telegram/form/photo/remove")
@api
async def telegram_remove(request: web.Request) -> web.Response:
    user_ref = _header_user(request)
    await _limit(request, f"tg:{user_ref}")
    return await _remove(request, "telegram", user_ref)


@routes.post("/api/telegram/form/photo")
@api
async def telegram_photo(request: web.Request) -> web.Response:
    return await _photo(request, "telegram", None,
                        check=lambda init: _telegram_user(request, init))

