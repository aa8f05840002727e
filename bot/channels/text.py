"""Cutting long replies for platforms that count length in UTF-16 code units."""

from __future__ import annotations


def units(text: str) -> int:
    """Length as Telegram and Twilio count it (UTF-16 code units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """Parts of at most `limit` units, cut at a blank line, a line end or a space if one is
    in the second half of the part (else anywhere), so a sentence stays whole when it can."""
    parts: list[str] = []
    rest = text.strip()
    while units(rest) > limit:
        fit, used = 0, 0
        for ch in rest:
            used += 2 if ord(ch) > 0xFFFF else 1
            if used > limit:
                break
            fit += 1
        window = rest[:fit]
        cut = next((at for at in (window.rfind(sep) for sep in ("\n\n", "\n", " "))
                    if at > fit // 2), fit)
        head, rest = rest[:cut].rstrip(), rest[cut:].lstrip()
        if head:
            parts.append(head)
    if rest:
        parts.append(rest)
    return parts
