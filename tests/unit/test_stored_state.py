"""Conversations saved by earlier versions still load and carry on.

`ConversationState` is stored as JSON (storage.conversations); a conversation may
sit for weeks between two messages, so every shape ever written must stay readable.
The JSON below was written by the engine before `pending` was typed (a plain dict).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.i18n import catalog
from flows.engine import step
from flows.model import ConfirmPrice, Context, ConversationState, Input

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)

# Saved at the price question, a price in ryals waiting to be confirmed in dirhams.
STORED = json.loads("""{
  "step": "price", "language": "fr", "script": "Latn", "consent_at": "2026-11-27T10:00:00Z",
  "draft": {"business_name": "Atlas Argan", "owner_name": "Hassan", "city": "Rabat",
            "city_id": "rabat", "region": "rabat-sale-kenitra", "sector": "food", "ice": null,
            "phone": "+212612345678", "email": null,
            "products": [{"name": "Huile",
                          "photos": [{"media_id": 7, "sha256": "", "width": 0, "height": 0,
                                      "phash": ""}],
                          "description": "Huile pure", "voice_media_id": null, "price": null,
                          "moq": null}]},
  "product": 0,
  "history": ["language#0", "consent#0", "business_name#0", "owner_name#0", "city#0",
              "sector#0", "ice#0", "phone#0", "email#0", "product_name#0", "photos#0",
              "description#0"],
  "editing": false,
  "pending": {"kind": "price", "price": {"amount": "50", "amount_max": null, "unit": "kg"},
              "said": "1000", "currency": "ryal"},
  "revision": 0, "profile_name": null, "referral": null, "fix": [], "decision": null,
  "decision_note": null, "assisted_by": null, "agent_at": null, "owner_at": null,
  "console": null
}""")

# Every kind of pending ever stored, at its step, with an answer and what the owner hears.
OLD_PENDING = [
    ("city", {"kind": "restart"}, "oui", ["restarted", "ask_business_name"]),
    ("city", {"kind": "language"}, "3", ["ask_city"]),
    ("city", {"kind": "city", "typed": "Sidi",
              "suggested": ["sidi-slimane", "sidi-kacem", "sidi-bennour"]}, "1", ["ask_sector"]),
    ("photos", {"kind": "photo_advice", "media_id": 7, "tips": ["blurry", "send_as_file"]},
     Input(payload="replace"), ["photo_send_another"]),
    ("price", STORED["pending"], "oui", ["ask_moq"]),
    ("review", {"kind": "edit_menu", "scope": "product"}, Input(payload="edit:price"),
     ["ask_price"]),
    ("sector", None, Input(payload="sector:food"), ["ask_ice"]),
]


def ctx() -> Context:
    return Context(now=NOW, channel="telegram", lexicon=catalog().lexicon())


def test_a_state_saved_before_pending_was_typed_loads_and_saves_the_same():
    state = ConversationState.model_validate(STORED)
    assert isinstance(state.pending, ConfirmPrice) and state.pending.said == "1000"
    # Written back unchanged, so a version still running the old code reads it too (a field
    # added since, like consent_version, is one that code ignores).
    written = state.model_dump(mode="json")
    assert {k: written[k] for k in STORED} == STORED
    assert set(written) - set(STORED) == {"consent_version"}


@pytest.mark.parametrize(("at", "pending", "answer", "heard"), OLD_PENDING,
                         ids=[str((p or {}).get("kind")) for _, p, _, _ in OLD_PENDING])
def test_each_old_pending_is_answered(at, pending, answer, heard):
    stored = {**STORED, "step": at, "pending": pending}
    state = ConversationState.model_validate(stored)
    assert state.model_dump(mode="json")["pending"] == pending
    new, effects = step(state, Input(text=answer) if isinstance(answer, str) else answer, ctx())
    assert [e.key for e in effects] == heard
    assert new.pending is None


def test_the_confirmed_price_is_the_stored_one():
    state, _ = step(ConversationState.model_validate(STORED), Input(text="oui"), ctx())
    price = state.draft.products[0].price
    assert (price.amount, price.amount_max, price.unit) == (50, None, "kg")
