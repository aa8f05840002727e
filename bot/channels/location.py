"""A shared location, read the same way on every channel, and reduced at once.

Telegram, WhatsApp (Twilio) and the web chat each send a latitude and a longitude.
`shared_place` checks them (numbers, or number strings from a form, finite and in
range) and turns them into what the conversation needs: the nearest gazetteer town's
id, "abroad" or "unreadable" (flows.parsing.nearby.place_of). The coordinates
themselves go no further: not into `InboundMessage`, its raw body, the spool or logs.
"""

from __future__ import annotations

import math
from typing import Any

from flows.parsing.nearby import UNREADABLE, place_of

_MAX_CHARS = 32  # "-33.573111111111111" and the like; anything longer is not a coordinate


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and 0 < len(value.strip()) <= _MAX_CHARS:
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def shared_place(latitude: Any, longitude: Any) -> str:
    """The place a shared location names: a town id, "abroad" or "unreadable"."""
    lat, lon = _number(latitude), _number(longitude)
    if lat is None or lon is None:
        return UNREADABLE
    return place_of(lat, lon)
