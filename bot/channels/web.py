"""The web chat: a page and the JSON API of ARCHITECTURE.md. Only translates HTTP <-> turns.

Anyone can call the API, so every request is bounded before it costs anything: JSON
bodies of at most `JSON_LIMIT` bytes and `untrusted.MAX_DEPTH` levels, each field
checked or cut, new sessions counted per client address and messages per session
(storage/throttle.py: 429 with Retry-After). A message id is the page's own, scoped to
its session. While the database cannot be reached the API answers 503 with
Retry-After, and the page sends the same message (same id) again by itself.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable
from functools import cache, partial
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from bot.agent_links import OWNER_PREFIX
from bot.channels.base import InboundMessage
from bot.channels.location import shared_place
from bot.channels.untrusted import Malformed, parse_json
from bot.i18n import Catalog, direction
from bot.keys import catalog_key, db_key, media_key, receiver_key, settings_key, turns_key
from bot.turns import TurnResult
from flows.choices import PAYLOAD_MAX
from flows.model import Msg
from storage import throttle
from storage.db import unavailable
from storage.media import Refused, ingest_photo

log = logging.getLogger(__name__)

CHANNEL = "web"
# Longer texts are cut: still longer than any answer (a description: 2000), so the
# engine explains its own limit.
TEXT_LIMIT = 4_000
JSON_LIMIT = 32 * 1024  # a 4,000-character text, every character \u-escaped, fits
ID_LIMIT = 64
RETRY_AFTER = 5  # seconds, while the database is away
UI_KEYS = ("title", "placeholder", "send", "photo", "restart", "error", "restart_confirm",
           "restart_yes", "cancel", "location", "location_denied", "link_open", "link_copy",
           "link_copied", "link_copy_failed", "link_share", "form")
STATIC = Path(__file__).resolve().parent.parent / "static"
# The page's own files only: chat.html has no inline script or style (its JSON data
# block is not run); blob: is the preview of a photo being sent.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; "
            "img-src 'self' blob: {images}; connect-src 'self'; form-action 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")
API_CSP = "default-src 'none'; frame-ancestors 'none'"
COMMON_HEADERS = {"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
                  "X-Content-Type-Options": "nosniff"}
routes = web.RouteTableDef()
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def api(handler: Handler) -> Handler:
    """The API's headers on every answer, errors included; 503 + Retry-After while the
    database cannot be reached."""
    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        headers = {**COMMON_HEADERS, "Content-Security-Policy": API_CSP,
                   "Cache-Control": "no-store"}
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            exc.headers.update(headers)
            raise
        except Exception as exc:
            if not unavailable(exc):
                raise
            log.warning("web chat: database unreachable (%s); answered 503",
                        type(exc).__name__)
            raise web.HTTPServiceUnavailable(
                text="database unavailable, try again",
                headers={**headers, "Retry-After": str(RETRY_AFTER)}) from None
        response.headers.update(headers)
        return response
    return guarded


async def _throttled(request: web.Request, scope: str, who: str, limit: int,
                     window: int) -> None:
    async with request.app[db_key].transaction() as session:
        retry_after = await throttle.hit(session, scope, who, limit, window)
    if retry_after is not None:
        raise _too_many(retry_after)


def _too_many(retry_after: int) -> web.HTTPTooManyRequests:
    return web.HTTPTooManyRequests(text="too many requests, try again later",
                                   headers={"Retry-After": str(retry_after)})


def _answer(request: web.Request, session: str, result: TurnResult) -> web.Response:
    """The turn's replies, after any that waited for the owner (a review decision)."""
    return web.json_response({
        "session": session,
        "locale": result.locale,
        "dir": direction(result.locale),
        "ui": _ui(request.app[catalog_key], result.locale),
        "console": result.console,
        "form": result.form,
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
    public = urlsplit(request.app[settings_key].public_base_url)
    csp = PAGE_CSP.format(images=f"{public.scheme}://{public.netloc}" if public.netloc else "")
    return web.Response(text=html, content_type="text/html",
                        headers={**COMMON_HEADERS, "Content-Security-Policy": csp})


@routes.post("/api/chat/sessions")
@api
async def start(request: web.Request) -> web.Response:
    settings = request.app[settings_key]
    await _throttled(request, "session", request.remote or "", settings.webchat_session_limit,
                     settings.webchat_session_window)
    body = await _json(request)
    hint, ref = body.get("lang_hint"), body.get("ref")
    session = secrets.token_urlsafe(16)
    notice = None
    if isinstance(ref, str) and ref.startswith(OWNER_PREFIX):
        # An owner's link to the draft their agent filled in: this new chat becomes theirs.
        opened, notice = await request.app[turns_key].open_owner_link(ref[:64], CHANNEL, session)
        if opened is not None:
            return _answer(request, session, opened)
        ref = None  # expired, forged or used: a fresh chat, which first says so kindly
    result = await request.app[receiver_key].converse(InboundMessage(
        channel=CHANNEL, user_ref=session, external_id=f"start:{session}", is_start=True,
        locale_hint=hint[:16] if isinstance(hint, str) else None,
        referral=ref[:64] if isinstance(ref, str) else None, raw={"start": True}))
    if notice is not None:
        said = request.app[catalog_key].render(result.locale, notice)
        result = dataclasses.replace(result, replies=(said, *result.replies))
    return _answer(request, session, result)


@routes.get("/api/chat/sessions/{session}")
@api
async def resume(request: web.Request) -> web.Response:
    session = _session_id(request)
    result = await request.app[turns_key].current(CHANNEL, session)
    if result is None:
        raise web.HTTPNotFound()
    return _answer(request, session, result)


@routes.get("/api/chat/sessions/{session}/waiting")
@api
async def waiting(request: web.Request) -> web.Response:
    """What arrived since the page last asked; the open page looks now and then."""
    session = _session_id(request)
    result = await request.app[turns_key].waiting(CHANNEL, session)
    if result is None:
        raise web.HTTPNotFound()
    return _answer(request, session, result)


@routes.post("/api/chat/sessions/{session}/messages")
@api
async def message(request: web.Request) -> web.Response:
    session = _session_id(request)
    settings = request.app[settings_key]
    limit = ("message", session, settings.webchat_message_limit,
             settings.webchat_message_window)
    text = payload = place = None
    files = ()
    message_id = notice = None
    if request.content_type.startswith("multipart/"):
        await _throttled(request, *limit)  # before a photo costs anything
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
            message_id = form.get("id")
    else:
        body = await _json(request)
        text, payload = body.get("text"), body.get("payload")
        message_id = body.get("id")
        if text is not None and not isinstance(text, str) \
                or payload is not None and not isinstance(payload, str):
            raise web.HTTPBadRequest(text="text and payload must be strings")
        if payload is not None and len(payload) > PAYLOAD_MAX:
            raise web.HTTPBadRequest(text=f"payload: {PAYLOAD_MAX} characters at most")
        location = body.get("location")
        if location is not None:  # {"latitude": n, "longitude": n}: the page's Geolocation
            if not isinstance(location, dict):
                raise web.HTTPBadRequest(text="location: an object with latitude and longitude")
            place = shared_place(location.get("latitude"), location.get("longitude"))
        if text is None and payload is None and place is None:
            text = ""
        text = text[:TEXT_LIMIT] if text is not None else None
    if message_id is None:
        message_id = uuid.uuid4().hex  # no id from the client: no dedupe possible
    elif not (isinstance(message_id, str) and 1 <= len(message_id) <= ID_LIMIT
              and message_id.isprintable()):
        raise web.HTTPBadRequest(text=f"id: 1-{ID_LIMIT} printable characters")
    # A text message is counted inside its turn's transaction (no transaction of its own);
    # a photo was counted before it was read.
    admit = None if files else partial(throttle.admit, scope=limit[0], who=session,
                                       limit=limit[2], window=limit[3])
    try:
        result = await request.app[receiver_key].converse(InboundMessage(
            # Scoped to the session: another session's "m-1" is another message.
            channel=CHANNEL, user_ref=session, external_id=f"{session}:{message_id}",
            text=text, payload=payload,
            files=files, notice=notice, place=place,
            # A location is only noted as shared: its coordinates are never stored.
            raw={"text": text, "payload": payload, "files": len(files),
                 **({"location": True} if place is not None else {})}),
            create=False, admit=admit)
    except throttle.Limited as limited:
        raise _too_many(limited.retry_after) from None
    if result is None:  # an unknown or expired session: the page starts a new one
        raise web.HTTPNotFound()
    return _answer(request, session, result)


async def _json(request: web.Request) -> dict:
    """The body, a JSON object of at most JSON_LIMIT bytes (413 above, 400 if malformed)."""
    if not request.can_read_body:
        return {}
    if (request.content_length or 0) > JSON_LIMIT:
        raise web.HTTPRequestEntityTooLarge(max_size=JSON_LIMIT,
                                            actual_size=request.content_length)
    data = bytearray()
    async for chunk in request.content.iter_chunked(8192):  # no Content-Length: count
        data += chunk
        if len(data) > JSON_LIMIT:
            raise web.HTTPRequestEntityTooLarge(max_size=JSON_LIMIT, actual_size=len(data))
    try:
        body = parse_json(bytes(data))
    except Malformed:
        raise web.HTTPBadRequest(text="expected a JSON object") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="expected a JSON object")
    return body
