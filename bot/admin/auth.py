"""Who is at the desk: argon2 passwords, a signed session cookie, CSRF tokens and origins.

The session lives in one signed cookie (HttpOnly, SameSite=Lax, Secure when the site is
served over https): a random nonce, the user's id, when they logged in, the interface
language, the queue's last filters, the failed logins to tell them of once, and a
fingerprint of their password hash and of their session epoch (`User.session_epoch`).
Changing a password ends every session opened with the old one; logging out bumps the
epoch, which ends the user's sessions on the server too, so a copy of the cookie kept from
before the logout opens nothing any more (on every device: there is no table of sessions
to end just one). Anonymous visitors get a session too, so the login form carries a CSRF
token like every other form. A form's token is an HMAC of the session's nonce; the nonce
changes at login and logout. A POST must also come from a page of this site: its `Origin`
(or, without one, its `Referer`) is checked as well. The login throttle is
bot.admin.throttle.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import ipaddress
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiohttp import web
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "tijara_admin"
SESSION_SECONDS = 12 * 3600  # a working day; then log in again
COOKIE_SECONDS = 30 * 24 * 3600  # an anonymous session keeps its language preference
MIN_PASSWORD = 10
QUEUE_MAX = 600  # the longest queue query string a session remembers

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this when the e-mail is unknown takes as long as a real check, so
    the answer's timing does not tell which addresses have accounts. Made on first use:
    hashing costs every process that imports this module (every `tijara` command) a
    tenth of a second or more."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(stored: str | None, password: str) -> bool:
    """argon2 takes tens of milliseconds of CPU: off the event loop."""
    return await asyncio.to_thread(_verify, stored or "", password)


@dataclass
class Session:
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    user_id: int | None = None
    login_at: int = 0
    fingerprint: str = ""
    lang: str | None = None
    queue: str = ""  # the query string of the queue last looked at (its "back" link)
    # Failed logins at the account before this login, shown once: [count, address, unix time]
    missed: list | None = None
    dirty: bool = False

    def as_cookie(self) -> dict:
        return {"n": self.nonce, "u": self.user_id, "t": self.login_at, "f": self.fingerprint,
                "l": self.lang, "q": self.queue, "m": self.missed}


class Sessions:
    def __init__(self, secret: str, *, secure: bool):
        self.serializer = URLSafeTimedSerializer(secret, salt="tijara.admin.session")
        self.key = hashlib.sha256(("admin:" + secret).encode()).digest()
        self.secure = secure

    def load(self, request: web.Request) -> Session:
        raw = request.cookies.get(COOKIE)
        if raw:
            try:
                data = self.serializer.loads(raw, max_age=COOKIE_SECONDS)
                if isinstance(data, dict) and isinstance(data.get("n"), str):
                    return Session(nonce=data["n"], user_id=data.get("u"),
                                   login_at=int(data.get("t") or 0),
                                   fingerprint=str(data.get("f") or ""), lang=data.get("l"),
                                   queue=str(data.get("q") or "")[:QUEUE_MAX],
                                   missed=_missed(data.get("m")))
            except (BadSignature, ValueError, TypeError):
                pass
        return Session(dirty=True)

    def store(self, response: web.StreamResponse, session: Session) -> None:
        response.set_cookie(COOKIE, self.serializer.dumps(session.as_cookie()),
                            max_age=COOKIE_SECONDS, path="/admin", httponly=True,
                            samesite="Lax", secure=self.secure)

    def fingerprint(self, password_hash: str, epoch: int = 0) -> str:
        # Epoch 0 (never logged out) signs as before epochs existed: no one is logged out
        # by the upgrade.
        text = f"pw:{password_hash}" if not epoch else f"pw:{epoch}:{password_hash}"
        return hmac.new(self.key, text.encode(), hashlib.sha256).hexdigest()[:24]

    def valid_login(self, session: Session, password_hash: str, epoch: int = 0,
                    now: float | None = None) -> bool:
        """Whether the cookie still opens the pages: not older than a working day, signed
        for the user's current password and session epoch (a logout bumps it)."""
        now = now or time.time()
        return (session.user_id is not None and 0 < now - session.login_at < SESSION_SECONDS
                and hmac.compare_digest(session.fingerprint,
                                        self.fingerprint(password_hash, epoch)))

    def log_in(self, session: Session, user_id: int, password_hash: str, epoch: int = 0,
               ) -> None:
        session.nonce = secrets.token_urlsafe(18)  # no session fixation
        session.user_id, session.login_at = user_id, int(time.time())
        session.fingerprint = self.fingerprint(password_hash, epoch)
        session.dirty = True

    def log_out(self, session: Session) -> None:
        """Forget the user in this cookie. Ending the session on the server as well is
        bumping `User.session_epoch` (storage.accounts.end_sessions), which the logout does."""
        session.nonce = secrets.token_urlsafe(18)
        session.user_id, session.login_at, session.fingerprint = None, 0, ""
        session.queue, session.missed = "", None
        session.dirty = True

    def csrf(self, session: Session) -> str:
        return hmac.new(self.key, ("csrf:" + session.nonce).encode(),
                        hashlib.sha256).hexdigest()[:40]

    def check_csrf(self, session: Session, token: object) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token, self.csrf(session))


def _missed(value: object) -> list | None:
    ok = (isinstance(value, list) and len(value) == 3 and isinstance(value[0], int)
          and isinstance(value[1], str) and isinstance(value[2], int | float))
    return value if ok else None


# --- where a POST comes from ------------------------------------------------------------

def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, lower-cased, "" if it has none."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}".lower()


def same_site(request: web.Request, public_origin: str) -> bool:
    """Whether a POST comes from a page of this site: its Origin (or, when a browser sends
    none, its Referer) is PUBLIC_BASE_URL's origin, or, on a loopback address in
    development, the request's own. A request with neither is refused: every browser sends
    Origin on a POST, so only a forged one lacks both."""
    claimed = request.headers.get("Origin")
    if claimed is None:
        claimed = request.headers.get("Referer", "")
    source = origin_of(claimed)
    if not source:
        return False
    if source == public_origin:
        return True
    own = f"{request.scheme}://{request.host}".lower()
    return _loopback(request.url.host or "") and source == own


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


sessions_key = web.AppKey("admin_sessions", Sessions)
origin_key = web.AppKey("admin_origin", str)  # PUBLIC_BASE_URL's, for `same_site`
