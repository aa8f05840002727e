"""Telegram Mini App `initData`: checked on every request the form page makes.

Telegram signs what it hands the Mini App (https://core.telegram.org/bots/webapps,
"Validating data received via the Mini App"): every field but `hash`, as `key=value`
lines sorted by key, is the data-check-string; its HMAC-SHA256 under the secret
HMAC-SHA256(key="WebAppData", msg=bot token) must equal `hash`. The page can be opened
again from an old message, so `auth_date` must be recent too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl

MAX_AGE = 24 * 3600  # seconds: an initData older than this is refused
SKEW = 300  # seconds a clock may be ahead of ours


class InitDataRefused(Exception):
    """Forged, stale or malformed: the request is refused (the reason is logged, not told)."""


@dataclass(frozen=True)
class WebAppUser:
    user_id: int
    language_code: str | None
    auth_date: int


def secret_for(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def data_check_string(fields: dict[str, str]) -> str:
    return "\n".join(f"{k}={v}" for k, v in sorted(fields.items()) if k != "hash")


def sign(fields: dict[str, str], bot_token: str) -> str:
    """The `hash` Telegram would put on these fields (tests make vectors with it)."""
    return hmac.new(secret_for(bot_token), data_check_string(fields).encode(),
                    hashlib.sha256).hexdigest()


def validate(init_data: str, bot_token: str, now: datetime, max_age: int = MAX_AGE,
             ) -> WebAppUser:
    """The Telegram user the Mini App was opened by, or InitDataRefused."""
    if not init_data or len(init_data) > 4096:
        raise InitDataRefused("missing or too long")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise InitDataRefused("malformed") from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise InitDataRefused("a field twice")
    given = fields.get("hash", "")
    if not hmac.compare_digest(sign(fields, bot_token).encode(), given.encode()):
        raise InitDataRefused("bad hash")
    try:
        auth_date = int(fields["auth_date"])
        user = json.loads(fields["user"])
        user_id = int(user["id"])
    except (KeyError, ValueError, TypeError):
        raise InitDataRefused("no auth_date or user") from None
    age = now.timestamp() - auth_date
    if age > max_age or age < -SKEW:
        raise InitDataRefused("stale")
    language = user.get("language_code")
    return WebAppUser(user_id=user_id, language_code=language if isinstance(language, str)
                      else None, auth_date=auth_date)
