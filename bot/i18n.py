"""Turning the engine's locale keys into sentences, and typed words back into intents.

Fluent files live in `locales/<locale>/*.ftl`. Each conversation is
rendered in one locale with a fallback chain, so a key missing from a
newer translation still says something sensible (the locale test keeps
them complete).

Right-to-left: marks only where they render right (`_isolate`). Fluent's own
isolation (a first-strong isolate around every placeable) is off: it turns
"(1/8)" into "(8/1)" on screen, since each isolated number becomes a neutral,
and phones and chat clients that ignore the marks see the words out of place.
The sentences avoid the problem instead ("الصورة 1 من 8", a phone example as one
group of digits); tests/unit/test_bidi.py renders every right-to-left message
through the Unicode bidi algorithm and checks what a reader sees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource

from flows.choices import ANSWERS, LABELS, WORD_CHOICES
from flows.commands import COMMANDS
from flows.model import Button, Lexicon, Msg, Reply
from flows.text import normalise

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LOCALES = ("ary-Arab", "ary-Latn", "fr", "ar")
FALLBACKS = {
    "ary-Arab": ("ary-Arab", "ar", "fr"),
    "ary-Latn": ("ary-Latn", "fr", "ary-Arab"),
    "fr": ("fr",),
    "ar": ("ar", "fr"),
}
# Plural rules: Darija counts like Arabic (wa7d, jouj, 3-10, 11+).
CLDR = {"ary-Arab": "ar", "ary-Latn": "ar", "fr": "fr", "ar": "ar"}
RTL = {"ary-Arab", "ar"}
NO_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def direction(locale: str) -> str:
    return "rtl" if locale in RTL else "ltr"


@dataclass(frozen=True)
class Rendered:
    """A reply in words: what every channel sends (web chat JSON has this shape)."""

    key: str
    text: str
    buttons: tuple[tuple[str, str], ...]  # (label, payload)
    expects: str
    asks_contact: bool = False  # Telegram offers a "share my number" keyboard button
    # One picture shown under the text (an agent's QR code): an absolute URL under
    # settings.public_base_url, a PNG served by this app. Channels never fetch other URLs.
    image: str | None = None
    # Telegram offers a "send my location" keyboard button; the web chat a button that
    # asks the browser (Geolocation API, after the owner's permission).
    asks_location: bool = False
    # A web address in the text (a link to hand on): the web chat offers open, copy, share.
    link: str | None = None

    def as_json(self) -> dict:
        body = {
            "key": self.key,
            "text": self.text,
            "buttons": [{"label": label, "payload": payload} for label, payload in self.buttons],
            "expects": self.expects,
        }
        if self.asks_contact:
            body["contact"] = True
        if self.image:
            body["image"] = self.image
        if self.asks_location:
            body["location"] = True
        if self.link:
            body["link"] = self.link
        return body

    @classmethod
    def from_json(cls, body: dict) -> Rendered:
        """The inverse of `as_json` (outbox payloads, stored turns); "contact", "image",
        "location" and "link" may be missing, as in rows written before they existed."""
        image, link = body.get("image"), body.get("link")
        return cls(body["key"], body["text"],
                   tuple((b["label"], b["payload"]) for b in body.get("buttons") or ()),
                   body["expects"], bool(body.get("contact")),
                   image if isinstance(image, str) and image else None,
                   bool(body.get("location")),
                   link if isinstance(link, str) and link else None)


class Catalog:
    def __init__(self, root: Path = LOCALES_DIR):
        self.bundles: dict[str, FluentBundle] = {}
        for locale in LOCALES:
            bundle = FluentBundle([CLDR[locale]], use_isolating=False)
            for path in sorted((root / locale).glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self.bundles[locale] = bundle

    def has(self, locale: str, key: str) -> bool:
        return self.bundles[locale].has_message(key)

    def text(self, locale: str, msg: Msg) -> str:
        for candidate in FALLBACKS.get(locale, ("fr",)):
            bundle = self.bundles[candidate]
            if bundle.has_message(msg.key):
                params = {k: self._isolate(locale, self._param(locale, v))
                          for k, v in msg.params.items()}
                pattern = bundle.get_message(msg.key).value
                text, _errors = bundle.format_pattern(pattern, params)
                return text
        return msg.key  # never reached while the locale test passes

    @staticmethod
    def _isolate(locale: str, value):
        """A value in the other direction, kept in one piece by a directional isolate.

        In a right-to-left sentence "+212 6 12 34 56 78", an e-mail or a Latin name must
        read left to right: the spaces between groups of digits would otherwise take the
        sentence's direction and reverse the groups. A value without Arabic letters is
        isolated left-to-right; a number alone needs nothing (digits keep their order).
        In a left-to-right sentence an Arabic name gets a first-strong isolate, so the
        punctuation after it stays where it was written. One line only: a list of lines
        is made of sentences that place their own values.
        """
        if not isinstance(value, str) or not value or "\n" in value:
            return value
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in value)
        if locale in RTL:
            if not arabic and any(ch.isalnum() for ch in value) and not value.isdigit():
                return f"\u2066{value}\u2069"
        elif arabic:
            return f"\u2068{value}\u2069"
        return value

    def _param(self, locale: str, value):
        if isinstance(value, Msg):
            return self.text(locale, value)
        if isinstance(value, list):
            return "\n".join(str(self._param(locale, v)) for v in value)
        if value is None:
            return ""
        return value

    def render(self, locale: str, reply: Reply) -> Rendered:
        buttons = tuple((self.label(locale, b), b.payload) for b in reply.buttons)
        return Rendered(reply.key, self.text(locale, reply.msg), buttons, reply.expects.value,
                        reply.asks_contact, reply.image, reply.asks_location, reply.link)

    def label(self, locale: str, button: Button) -> str:
        # A button is a paragraph of its own: marks would only count against its limit.
        return self.text(locale, button.label).translate(NO_ISOLATES)

    def words(self, locale: str, key: str) -> list[str]:
        if not self.has(locale, key):
            return []
        return [w for w in (normalise(part) for part in self.text(locale, Msg(key)).split(","))
                if w]

    def lexicon(self) -> Lexicon:
        """Every word, in every locale, that may stand for a button or a command."""
        words: dict[str, set[str]] = defaultdict(set)
        for locale in LOCALES:
            for intent in (*COMMANDS, *ANSWERS):
                for word in self.words(locale, f"words_{intent}"):
                    words[word].add(intent)
            for key, payload in WORD_CHOICES.items():
                for word in self.words(locale, key):
                    words[word].add(payload)
            for key, payload in LABELS.items():
                if self.has(locale, key):
                    label = normalise(self.text(locale, Msg(key)))
                    if label:
                        words[label].add(payload)
        return Lexicon({w: frozenset(i) for w, i in words.items()})


@cache
def catalog() -> Catalog:
    return Catalog()
