"""Links and QR codes that field agents hand out."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import qrcode

from bot.settings import Settings
from bot.signing import LinkSigner

QR_PATH = "/agents/qr/{code}.png"  # bot/agent_routes.py serves it
CONFIRM_QR_PATH = "/agents/confirm/{token}.png"  # the QR code of an owner's link
# An owner's link to agree to the draft an agent filled in: /chat?ref=own-<token>.
OWNER_PREFIX = "own-"
OWNER_LINK_DAYS = 7


def links(settings: Settings, code: str, kind: str) -> dict[str, str]:
    """Where a code can be used: Telegram deep link, WhatsApp click-to-chat, web chat."""
    payload = f"{'agent' if kind == 'invite' else 'ref'}-{code}"
    out = {"web": f"{settings.public_base_url.rstrip('/')}/chat?ref={payload}"}
    if settings.telegram_bot_username:
        out["telegram"] = f"https://t.me/{settings.telegram_bot_username}?start={payload}"
    if settings.twilio_whatsapp_from:
        number = "".join(ch for ch in settings.twilio_whatsapp_from if ch.isdigit())
        out["whatsapp"] = f"https://wa.me/{number}?text={quote(payload)}"
    return out


def preferred_link(settings: Settings, code: str) -> str:
    """The referral link a QR code carries: WhatsApp if configured, else Telegram, else web."""
    found = links(settings, code, "referral")
    return found.get("whatsapp") or found.get("telegram") or found["web"]


def qr_url(settings: Settings, code: str) -> str:
    """The absolute URL of the agent's referral QR code (a PNG served by this app)."""
    return settings.public_base_url.rstrip("/") + QR_PATH.format(code=code)


@lru_cache(maxsize=256)
def qr_png_bytes(url: str) -> bytes:
    """A QR code an owner scans at a trade fair; large modules for cheap phone cameras."""
    out = io.BytesIO()
    qrcode.make(url, box_size=10, border=4).save(out)
    return out.getvalue()


def qr_png(url: str, path: Path) -> Path:
    """The QR code of `url`, written to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(qr_png_bytes(url))
    return path


def whatsapp_reaches(settings: Settings, channel: str) -> bool:
    """Whether the owner of a draft kept under `channel` gets it on their own WhatsApp."""
    return channel == "whatsapp" and bool(
        settings.twilio_account_sid and settings.twilio_auth_token
        and settings.twilio_whatsapp_from)


@lru_cache(maxsize=8)
def _signer(secret: str) -> LinkSigner:
    return LinkSigner(secret)


def owner_token(settings: Settings, conversation_id: int, now: float) -> str:
    return _signer(settings.secret).token(conversation_id, ttl=OWNER_LINK_DAYS * 86400, now=now)


def read_owner_token(settings: Settings, token: str, now: float) -> tuple[str, int | None]:
    """("ok" | "expired" | "invalid", conversation id) of `own-<token>` or a bare token."""
    return _signer(settings.secret).read(token.removeprefix(OWNER_PREFIX), now)


def owner_link(settings: Settings, token: str) -> str:
    """Where the owner opens the draft: a new web chat of their own, bound to it."""
    return f"{settings.public_base_url.rstrip('/')}/chat?ref={OWNER_PREFIX}{token}"


def owner_qr_url(settings: Settings, token: str) -> str:
    return settings.public_base_url.rstrip("/") + CONFIRM_QR_PATH.format(token=token)
