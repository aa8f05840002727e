"""The web chat: a page and the JSON API of ARCHITECTURE.md. Only translates HTTP <-> turns."""

from __future__ import annotations

import json
import secrets
import uuid
from functools import cache
from html import escape
from pathlib import Path

from aiohttp import web

from bot.channels.base import InboundMessage
from bot.i18n import Catalog, direction
from bot.keys import catalog_key, media_key, receiver_key, turns_key
from bot.turns import TurnResult
from flows.model import Msg
from storage.media import Refused, ingest_photo

CHANNEL = "web"
TEXT_LIMIT = 20_000  # longer bodies are cut; the engine explains its own limits
UI_KEYS = ("title", "placeholder", "send", "photo", "restart", "error")
STATIC = Path(__file__).resolve().parent.parent / "static"
routes = web.RouteTableDef()


def _answer(request: web.Request, session: str, result: TurnResult) -> web.Response:
    """The turn's replies, after any that waited for the owner (a review decision)."""
    return web.json_response({
        "session": session,
        "locale": result.locale,
        "dir": direction(result.locale),
        "ui": _ui(request.app[catalog_key], result.locale),
        "messages": [r.as_json() for r in (*result.waiting, *result.replies)],
    })


@cache
def _ui(catalog: Catalog, locale: str) -> dict[str, str]:
    return {k: catalog.text(locale, Msg(f"ui_{k}")) for k in UI_KEYS}


def _session_id(request: web.Request) -> str:
    session = request.match_info["session"]
    if not (8 <= len(session) <= 64) or not session.replace("-", "").replace("_", "").isalnum():
        raise web.HTTPNotFound()
    return session


@routes.get("/chat")
async def page(request: web.Request) -> web.Response:
    """The page, with its chrome's words in French and Arabic until the first answer."""
    catalog = request.app[catalog_key]
    defaults = {lang: {k: catalog.text(lang, Msg(f"ui_{k}")) for k in UI_KEYS}
                for lang in ("fr", "ar")}
    noscript = " / ".join(catalog.text(lang, Msg("ui_noscript")) for lang in ("fr", "ar"))
    # "</" cannot occur in JSON from our own locales, but escape it so it never could.
    ui_json = json.dumps(defaults, ensure_ascii=False).replace("</", "<\\/")
    html = (STATIC / "chat.html").read_text(encoding="utf-8")
    html = html.replace("{{UI_DEFAULTS}}", ui_json).replace("{{NOSCRIPT}}", escape(noscript))
    for key, text in defaults["fr"].items():  # until the script picks the owner's language
        html = html.replace(f"{{{{ui.{key}}}}}", escape(text))
    return web.Response(text=html, content_type="text/html")


@routes.post("/api/chat/sessions")
async def start(request: web.Request) -> web.Response:
    body = await _json(request)
    hint, ref = body.get("lang_hint"), body.get("ref")
    session = secrets.token_urlsafe(16)
    result = await request.app[receiver_key].converse(InboundMessage(
        channel=CHANNEL, user_ref=session, external_id=f"start:{session}", is_start=True,
        locale_hint=hint[:16] if isinstance(hint, str) else None,
        referral=ref[:64] if isinstance(ref, str) else None, raw={"start": True}))
    return _answer(request, session, result)


@routes.get("/api/chat/sessions/{session}")
async def resume(request: web.Request) -> web.Response:
    session = _session_id(request)
    result = await request.app[turns_key].current(CHANNEL, session)
    if result is None:
        raise web.HTTPNotFound()
    return _answer(request, session, result)


@routes.get("/api/chat/sessions/{session}/waiting")
async def waiting(request: web.Request) -> web.Response:
    """What arrived since the page last asked; the open page looks now and then."""
    session = _session_id(request)
    result = await request.app[turns_key].waiting(CHANNEL, session)
    if result is None:
        raise web.HTTPNotFound()
    return _answer(request, session, result)


@routes.post("/api/chat/sessions/{session}/messages")
async def message(request: web.Request) -> web.Response:
    session = _session_id(request)
    text = payload = None
    files = ()
    message_id = notice = None
    if request.content_type.startswith("multipart/"):
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:
            form = None
            notice = "file_too_large"  # the owner hears why, in their language
        if form is not None:
            photo = form.get("photo")
            if not isinstance(photo, web.FileField):
                raise web.HTTPBadRequest(text="expected a 'photo' file field")
            data = photo.file.read()
            files = (await ingest_photo(request.app[media_key], data) if data
                     else Refused("not_image"),)
            message_id = form.get("id") if isinstance(form.get("id"), str) else None
    else:
        body = await _json(request)
        text, payload = body.get("text"), body.get("payload")
        message_id = body.get("id")
        if text is not None and not isinstance(text, str) \
                or payload is not None and not isinstance(payload, str):
            raise web.HTTPBadRequest(text="text and payload must be strings")
        if text is None and payload is None:
            text = ""
        text = text[:TEXT_LIMIT] if text is not None else None
    if not isinstance(message_id, str) or not 1 <= len(message_id) <= 64:
        message_id = uuid.uuid4().hex  # no id from the client: no dedupe possible
    result = await request.app[receiver_key].converse(InboundMessage(
        channel=CHANNEL, user_ref=session, external_id=message_id, text=text, payload=payload,
        files=files, notice=notice,
        raw={"text": text, "payload": payload, "files": len(files)}), create=False)
    if result is None:  # an unknown or expired session: the page starts a new one
        raise web.HTTPNotFound()
    return _answer(request, session, result)


async def _json(request: web.Request) -> dict:
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="expected a JSON object") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="expected a JSON object")
    return body
