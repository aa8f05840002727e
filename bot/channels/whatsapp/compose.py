"""WhatsApp outbound bodies from rendered replies. Pure: no I/O.

- The replies of one delivery are joined into one body: WhatsApp does not
  promise the order of separate messages.
- Choices become a numbered list (plain WhatsApp has no buttons here; the engine
  reads a number, a label or the words of a choice back). The offer to switch
  language lists words instead (see `choices`).
- A body over 1600 characters (Twilio's `Body` limit, counted in UTF-16 units) is
  split at a line or word, each part marked "(i/n)".
- A reply's image rides as `MediaUrl` on the part that carries the start of that
  reply's text (`messages`); with a MediaUrl the body is the caption (1024).
- A Content API template gets the text as one variable (`template_variable`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.channels.text import split_text, units
from bot.i18n import Rendered, catalog
from flows.model import Msg

BODY_LIMIT = 1600  # Twilio's Body limit, counted in UTF-16 code units to be safe
CAPTION_LIMIT = 1024  # with a MediaUrl the Body is the image's caption: WhatsApp takes 1024


def split_body(text: str, limit: int = BODY_LIMIT) -> list[str]:
    """A body in parts of at most `limit`, each marked "(i/n)" so the order is clear."""
    return _mark(_cut(text, limit))


def _cut(text: str, limit: int = BODY_LIMIT) -> list[str]:
    text = text.strip()
    if units(text) <= limit:
        return [text] if text else []
    return split_text(text, limit - 10)  # room for "\n(12/34)"


def _mark(parts: list[str]) -> list[str]:
    if len(parts) <= 1:
        return parts
    return [f"{part}\n({i}/{len(parts)})" for i, part in enumerate(parts, 1)]


def _ink(text: str) -> int:
    """Characters other than white space: the cuts only ever drop white space."""
    return sum(not ch.isspace() for ch in text)


def choices(reply: Rendered, locale: str) -> str:
    """A reply's buttons as text. Numbered, since the engine reads the number back.

    The offer to switch language is the exception: it comes after the open
    question, whose numbers the engine would read, so it lists words to type.
    """
    cat = catalog()
    if reply.key == "offer_language_switch":
        return "\n".join(f"• {label}" for label, _payload in reply.buttons)
    lines = "\n".join(f"{i}. {label}" for i, (label, _payload) in enumerate(reply.buttons, 1))
    if reply.expects == "choice":
        return f"{lines}\n\n_{cat.text(locale, Msg('whatsapp_choose_by_number'))}_"
    return f"_{cat.text(locale, Msg('whatsapp_or_choose_by_number'))}_\n{lines}"


def _blocks(replies: tuple[Rendered, ...], locale: str) -> list[str]:
    """Each reply's text with its choices ("" for a reply with neither)."""
    blocks = []
    for reply in replies:
        block = reply.text.strip()
        if reply.buttons:
            block = f"{block}\n\n{choices(reply, locale)}" if block else choices(reply, locale)
        blocks.append(block)
    return blocks


def compose(replies: tuple[Rendered, ...], locale: str) -> str:
    """The replies of one turn as one WhatsApp body (the order of separate messages may vary)."""
    return "\n\n".join(block for block in _blocks(replies, locale) if block)


@dataclass(frozen=True)
class WithMedia:
    """One message with one image (`MediaUrl`); its body, if any, shows as the caption."""

    body: str
    url: str


Part = str | tuple[str, str] | WithMedia  # a body, a Content API template, or with an image


def messages(replies: tuple[Rendered, ...], locale: str) -> list[str | WithMedia]:
    """The parts of `split_body(compose(...))`, each reply's image attached to the part
    where that reply's text begins.

    Attached rather than sent on its own: WhatsApp does not promise the order of
    separate messages (the reason the replies are joined), and a picture in the
    message of its own words cannot drift away from them. With a `MediaUrl` the Body
    is the image's caption, which WhatsApp caps at 1024 characters: a longer part keeps
    its text and the image follows as a message of its own, right after it (so does a
    second image landing on the same part: one medium per WhatsApp message).
    """
    blocks = _blocks(replies, locale)
    raw = _cut("\n\n".join(block for block in blocks if block))
    # Where each reply begins, counted in non-space characters: the parts keep them all.
    ends, total = [], 0
    for part in raw:
        total += _ink(part)
        ends.append(total)
    images: dict[int, list[str]] = {}
    start = 0
    for reply, block in zip(replies, blocks, strict=True):
        if reply.image:
            at = next((k for k, end in enumerate(ends) if end > start), len(raw) - 1)
            images.setdefault(at, []).append(reply.image)
        start += _ink(block)
    out: list[str | WithMedia] = []
    for k, body in enumerate(_mark(raw)):
        urls = images.get(k, [])
        if urls and units(body) <= CAPTION_LIMIT:
            out.append(WithMedia(body, urls[0]))
            urls = urls[1:]
        else:
            out.append(body)
        out.extend(WithMedia("", url) for url in urls)
    out.extend(WithMedia("", url) for url in images.get(-1, []))  # no text at all
    return out


def template_variable(text: str) -> str:
    """Text for a template variable: WhatsApp refuses new lines, tabs and runs of spaces in
    one, and a template body is at most 1024 characters."""
    flat = " ".join(text.replace("_", "").split())
    return flat if len(flat) <= 900 else flat[:899] + "…"


