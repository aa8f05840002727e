"""Who may try a password now: the login throttle and the devices that logged in before.

Per address the door closes: failed logins within WINDOW seconds of one e-mail from one
address (PAIR_FAILURES), or from one address for any e-mails (ADDRESS_FAILURES), answer
429 even to the right password until they age out. Per account it never closes, or
anyone could lock an admin out from a few addresses: past ACCOUNT_FREE failures from
anywhere, each further attempt waits a little longer after the last failure (2 s, 4 s, 8 s
... at most DELAY_CAP), answered 429 with Retry-After when too early, never by sleeping.
A browser that logged in to the account before (a signed, long-lived cookie naming the
user, sent only to the login form) skips that wait: the owner's own device always gets in
with the right password. One password check per account runs at a time
(storage.accounts.claim_check), so parallel guesses do not slip past the delay.
"""

from __future__ import annotations

import math
from datetime import datetime

from aiohttp import web
from itsdangerous import BadSignature, URLSafeTimedSerializer

from storage.accounts import Failures

WINDOW = 15 * 60
PAIR_FAILURES = 5  # per (email, address)
ADDRESS_FAILURES = 10  # per address, for every email
ACCOUNT_FREE = 10  # per email from every address, before each attempt waits
DELAY_CAP = 30
CHECK_SECONDS = 30  # how long a password check may hold its account (a dead process's)

DEVICE_COOKIE = "tijara_device"
DEVICE_SECONDS = 400 * 24 * 3600  # the longest a browser keeps a cookie


def address_closed(seen: Failures) -> bool:
    """Whether this address's failures close the door to it."""
    return seen.pair >= PAIR_FAILURES or seen.address >= ADDRESS_FAILURES


def account_delay(failures: int) -> int:
    """Seconds an attempt at an account waits after its last failure, given how many it
    had within the window: nothing up to ACCOUNT_FREE, then doubling from 2 s to the cap."""
    if failures < ACCOUNT_FREE:
        return 0
    return min(DELAY_CAP, 2 ** (failures - ACCOUNT_FREE + 1))


def account_wait(seen: Failures, now: datetime) -> int:
    """Whole seconds still to wait before the account may be tried, 0 if none."""
    delay = account_delay(seen.account)
    if not delay or seen.account_last is None:
        return 0
    left = delay - (now - seen.account_last).total_seconds()
    return max(0, math.ceil(left))


class Devices:
    """The cookie that makes a browser known to one user, set at each good login."""

    def __init__(self, secret: str, *, secure: bool):
        self.serializer = URLSafeTimedSerializer(secret, salt="tijara.admin.device")
        self.secure = secure

    def knows(self, request: web.Request, user_id: int) -> bool:
        raw = request.cookies.get(DEVICE_COOKIE)
        if not raw:
            return False
        try:
            data = self.serializer.loads(raw, max_age=DEVICE_SECONDS)
        except (BadSignature, ValueError, TypeError):
            return False
        return isinstance(data, dict) and data.get("u") == user_id

    def remember(self, response: web.StreamResponse, user_id: int) -> None:
        response.set_cookie(DEVICE_COOKIE, self.serializer.dumps({"u": user_id}),
                            max_age=DEVICE_SECONDS, path="/admin/login", httponly=True,
                            samesite="Strict", secure=self.secure)


devices_key = web.AppKey("admin_devices", Devices)
