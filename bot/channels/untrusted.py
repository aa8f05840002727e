"""What a stranger's bytes become before anything else reads them: JSON parsed within a
depth, text without the characters that break storage or the screen.

- `parse_json`: nesting deeper than `MAX_DEPTH` (no webhook or web-chat body comes near
  it) is refused like any malformed body; Python's parser would otherwise recurse until
  RecursionError, and `json.dumps` would do the same when the body is stored.
- `clean_text`: removes NUL and the other C0 controls except newline and tab (PostgreSQL
  refuses NUL in text and JSON), DEL and the C1 controls, lone UTF-16 surrogates (a JSON
  "\\ud83d" escape with no pair: stored in a state, it made every later save fail on both
  databases) and the bidi embedding, override and isolate controls (U+202A-202E,
  U+2066-2069), which would reorder what the admin and the storefront show.
  `InboundMessage` applies it to every field it stores, for every channel.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32

_DROPPED = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
            *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000)]
_TABLE = dict.fromkeys(_DROPPED)


class Malformed(ValueError):
    """Not JSON, or nested deeper than MAX_DEPTH."""


def clean_text(value: str) -> str:
    return value.translate(_TABLE)


def clean_tree(value: Any) -> Any:
    """`clean_text` on every string of a JSON-like value (keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_tree(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_tree(v) for v in value]
    return value


def parse_json(body: bytes | str) -> Any:
    """The body as JSON, or Malformed."""
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise Malformed(str(exc)[:100]) from None
    if depth(value) > MAX_DEPTH:
        raise Malformed(f"nested deeper than {MAX_DEPTH}")
    return value


def depth(value: Any) -> int:
    """How deep lists and objects nest (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            node = list(node.values())
        elif not isinstance(node, list):
            continue
        level += 1
        deepest = max(deepest, level)
        if level <= MAX_DEPTH:  # deeper than that is refused anyway: stop walking
            stack.extend((child, level) for child in node)
    return deepest
