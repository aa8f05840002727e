"""The channels' pure parsers against tables of recorded payloads.

Each file under tests/data/<channel>/ holds one payload as the platform sends it
(a Twilio webhook form, a Telegram update) and what the parser must make of it,
written out field by field. A new payload shape is a new file; nothing here
changes. The expected message lists only the fields that differ from
`InboundMessage`'s defaults; `channel` and `raw` (the whole payload) are implied,
except where the case gives its `raw` (a location: its coordinates are never kept).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.channels.base import InboundMessage
from bot.channels.telegram import parse_update
from bot.channels.telegram.updates import Callback, Parsed
from bot.channels.whatsapp import MessageStatus, parse_form, parse_status

DATA = Path(__file__).parent.parent / "data"


def cases(channel: str) -> list:
    files = sorted((DATA / channel).glob("*.json"))
    assert files, f"no recorded payloads in {DATA / channel}"
    return [pytest.param(json.loads(f.read_text(encoding="utf-8")), id=f.stem) for f in files]


def inbound(channel: str, raw, fields: dict | None) -> InboundMessage | None:
    if fields is None:
        return None
    return InboundMessage(channel=channel, raw=raw,
                          **{**fields, "media": tuple(fields.get("media", ()))})


@pytest.mark.parametrize("case", cases("whatsapp"))
def test_twilio_forms(case):
    form = case["form"]
    assert all(isinstance(v, str) for v in form.values())  # a form holds strings only
    if "status" in case:
        expected = case["status"]
        assert parse_status(form) == (None if expected is None else MessageStatus(**expected))
    else:
        assert parse_form(form) == inbound("whatsapp", case.get("raw", form), case["message"])


@pytest.mark.parametrize("case", cases("telegram"))
def test_telegram_updates(case):
    update, expected = case["update"], case["parsed"]
    if expected is None:
        assert parse_update(update) is None
        return
    callback, membership = expected["callback"], expected["membership"]
    assert parse_update(update) == Parsed(
        expected["update_id"],
        inbound("telegram", case.get("raw", update), expected["message"]),
        Callback(**callback) if callback else None,
        tuple(membership) if membership else None,
        expected["ignored"],
    )
