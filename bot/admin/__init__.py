"""The admin and field-agent pages, mounted at /admin (`bot.app` adds this sub-application).

The database, the catalog and the media signer are the main application's (reached
through `request.config_dict`); this package owns only its routes, its session cookie
and its templates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from bot.admin import auth, support, throttle, views
from bot.admin.render import CSRF, LOCALE, SESSION, USER, render
from bot.keys import db_key
from bot.settings import Settings
from storage.models import User

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; "
       "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
ERROR_KEYS = {403: "admin_error_403", 404: "admin_error_404"}


def _locale(request: web.Request, session: auth.Session) -> str:
    if session.lang in ("fr", "ar"):
        return session.lang
    wanted = request.headers.get("Accept-Language", "").split(",")[0].strip().lower()
    return "ar" if wanted.startswith("ar") else "fr"


@web.middleware
async def desk(request: web.Request, handler):
    """Session, language, login, the origin and CSRF token of every POST, and the security
    headers of every admin page."""
    sessions = request.app[auth.sessions_key]
    session = sessions.load(request)
    request[SESSION] = session
    route = request.match_info.route.name
    if route == "static":
        return await handler(request)
    user = None
    if session.user_id is not None:
        async with request.config_dict[db_key].transaction() as db:
            user = await db.get(User, session.user_id)
        if user is None or not sessions.valid_login(session, user.password_hash,
                                                     user.session_epoch or 0):
            sessions.log_out(session)
            user = None
    request[USER] = user
    request[LOCALE] = _locale(request, session)
    request[CSRF] = sessions.csrf(session)
    try:
        response = await _answer(request, handler, user, route, sessions, session)
    except web.HTTPException as exc:
        if exc.status not in ERROR_KEYS:
            raise
        response = render(request, "error.html", status=exc.status,
                          message_key=ERROR_KEYS[exc.status])
    if session.dirty:
        sessions.store(response, session)
    _secure(response)
    return response


async def _answer(request: web.Request, handler, user: User | None, route: str | None,
                  sessions: auth.Sessions, session: auth.Session) -> web.StreamResponse:
    if request.method == "POST":
        if not auth.same_site(request, request.app[auth.origin_key]):
            log.warning("admin POST %s from another origin refused: Origin %r, Referer %r",
                        request.path, request.headers.get("Origin"),
                        request.headers.get("Referer"))
            return render(request, "error.html", status=403, message_key="admin_error_origin")
        form = await request.post()
        if not sessions.check_csrf(session, form.get("csrf")):
            return render(request, "error.html", status=403, message_key="admin_error_csrf")
    if user is None and route not in views.PUBLIC:
        target = request.path_qs if request.method == "GET" else ""
        return web.Response(status=303, headers={
            "Location": "/admin/login" + (f"?next={quote(target, safe='/')}" if target else "")})
    return await handler(request)


def _secure(response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")  # signed media links stay here
    headers.setdefault("Cache-Control", "no-store")


def admin_app(settings: Settings) -> web.Application:
    """The /admin sub-application: `app.add_subapp("/admin", admin_app(settings))`."""
    app = web.Application(middlewares=[desk])
    secure = settings.public_base_url.startswith("https://")
    app[auth.sessions_key] = auth.Sessions(settings.secret, secure=secure)
    app[throttle.devices_key] = throttle.Devices(settings.secret, secure=secure)
    app[auth.origin_key] = auth.origin_of(settings.public_base_url)
    app.add_routes(views.routes)
    app.add_routes(support.routes)
    app.router.add_static("/static", STATIC, name="static", append_version=True)
    return app
