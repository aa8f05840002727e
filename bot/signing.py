"""Signed, expiring links: to media (the only way a photo leaves the system), and to an
owner's own data ("my data": a ZIP of everything held about them, bot/owner_export.py);
signed tokens: an agent's draft its owner opens (LinkSigner), a WhatsApp Flow's
`flow_token` (FlowSigner). Each kind has its own key, so that one kind's signature never
opens the other."""

from __future__ import annotations

import hashlib
import hmac
import time


class Signer:
    def __init__(self, secret: str, base_url: str):
        self.key = hashlib.sha256(("media:" + secret).encode()).digest()
        self.data_key = hashlib.sha256(("owner-data:" + secret).encode()).digest()
        self.base_url = base_url.rstrip("/")

    def _signature(self, sha256: str, expires: int) -> str:
        return hmac.digest(self.key, f"{sha256}:{expires}".encode(), "sha256").hex()[:32]

    def media_url(self, sha256: str, *, ttl: int = 48 * 3600, now: float | None = None) -> str:
        expires = int((now or time.time()) + ttl)
        signature = self._signature(sha256, expires)
        return f"{self.base_url}/media/{sha256}?exp={expires}&sig={signature}"

    def media_urls(self, *, ttl: int = 48 * 3600, now: float | None = None):
        """`media_url` of many photos at once (a page of a listing), as a function of the
        photo's sha256: one expiry for all of them, counted from this call."""
        expires = int((now or time.time()) + ttl)
        key, digest = self.key, hmac.digest
        head, tail = f"{self.base_url}/media/", f":{expires}".encode()
        query = f"?exp={expires}&sig="

        def url(sha256: str) -> str:
            signature = digest(key, sha256.encode() + tail, "sha256").hex()[:32]
            return f"{head}{sha256}{query}{signature}"
        return url

    def check(self, sha256: str, expires: str, signature: str, now: float | None = None) -> bool:
        if not expires.isdigit() or int(expires) < (now or time.time()):
            return False
        return hmac.compare_digest(self._signature(sha256, int(expires)), signature)

    def _data_signature(self, conversation_id: int, expires: int) -> str:
        return hmac.digest(self.data_key, f"{conversation_id}:{expires}".encode(),
                           "sha256").hex()[:32]

    def data_url(self, conversation_id: int, *, ttl: int = 7 * 86400,
                 now: float | None = None) -> str:
        """The owner's link to download their data, for `ttl` seconds (7 days)."""
        expires = int((now or time.time()) + ttl)
        signature = self._data_signature(conversation_id, expires)
        return f"{self.base_url}/my-data/{conversation_id}?exp={expires}&sig={signature}"

    def check_data(self, conversation_id: int, expires: str, signature: str,
                   now: float | None = None) -> bool:
        if not expires.isdigit() or int(expires) < (now or time.time()):
            return False
        return hmac.compare_digest(self._data_signature(conversation_id, int(expires)),
                                   signature)


class LinkSigner:
    """Signed, expiring tokens naming one conversation: an agent's draft that its owner opens
    to read and agree (bot/agent_links.py). Its own key, so no media signature is a token."""

    def __init__(self, secret: str):
        self.key = hashlib.sha256(("owner-link:" + secret).encode()).digest()

    def _signature(self, conversation_id: int, expires: int) -> str:
        return hmac.digest(self.key, f"{conversation_id}:{expires}".encode(), "sha256").hex()[:24]

    def token(self, conversation_id: int, *, ttl: int, now: float) -> str:
        expires = int(now + ttl)
        return (f"{_base36(conversation_id)}-{_base36(expires)}-"
                f"{self._signature(conversation_id, expires)}")

    def read(self, token: str, now: float) -> tuple[str, int | None]:
        """("ok", id), ("expired", id) for a genuine token past its time, ("invalid", None)."""
        parts = token.split("-")
        if len(parts) != 3 or not all(p.isalnum() and p.isascii() for p in parts) \
                or max(len(p) for p in parts[:2]) > 13:
            return "invalid", None
        conversation_id, expires = int(parts[0], 36), int(parts[1], 36)
        if not hmac.compare_digest(self._signature(conversation_id, expires), parts[2]):
            return "invalid", None
        return ("expired" if expires < now else "ok"), conversation_id


class FlowSigner:
    """The `flow_token` of a WhatsApp Flow offered to one owner (bot/channels/whatsapp):
    `<scope letter><issued, ms, base36>-<signature>`, the signature over the owner's
    WhatsApp address too, so an answer counts only from the chat it was offered in (a
    forwarded Flow answered by someone else is refused). The time it was issued comes back
    with the answer: flows.forms refuses an offer answered a second time."""

    SCOPES = {"b": "business", "p": "product"}
    TTL = 3 * 86400  # seconds an offer may be answered (the chat has moved on by then)

    def __init__(self, secret: str):
        self.key = hashlib.sha256(("whatsapp-flow:" + secret).encode()).digest()

    def _signature(self, user_ref: str, letter: str, issued: int) -> str:
        message = f"{user_ref}|{letter}|{issued}".encode()
        return hmac.digest(self.key, message, "sha256").hex()[:32]

    def token(self, user_ref: str, scope: str, now: float) -> str:
        letter = scope[0]
        issued = int(now * 1000)
        return f"{letter}{_base36(issued)}-{self._signature(user_ref, letter, issued)}"

    def read(self, token: str, user_ref: str, now: float) -> tuple[str, int] | None:
        """(scope, issued in ms) for a genuine, fresh token offered to `user_ref`; else None."""
        head, _, signature = token.partition("-")
        letter, stamp = head[:1], head[1:]
        if letter not in self.SCOPES or not 1 <= len(stamp) <= 12 or not stamp.isalnum() \
                or not stamp.isascii() or len(signature) != 32:
            return None
        issued = int(stamp, 36)
        if not hmac.compare_digest(self._signature(user_ref, letter, issued), signature):
            return None
        if not issued / 1000 - 60 <= now <= issued / 1000 + self.TTL:
            return None
        return self.SCOPES[letter], issued


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out
