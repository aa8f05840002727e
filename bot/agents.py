"""Links and QR codes that field agents hand out."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import qrcode

from bot.settings import Settings


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


def qr_png(url: str, path: Path) -> Path:
    """A QR code an owner scans at a trade fair; large modules for cheap phone cameras."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = qrcode.make(url, box_size=10, border=4)
    image.save(path)
    return path
