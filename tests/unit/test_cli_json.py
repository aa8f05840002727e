"""`tijara submissions list --json` writes its objects through orjson: byte for byte what
json.dumps(..., ensure_ascii=False, indent=2) wrote before, for what a listing holds."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.cli import json_items

# What bot.outbox.body builds: no floats, ints as a database column holds them.
values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=30)


def written(items: list) -> str:
    return "[\n" + json_items(items) + "\n]" if items else "[]"


@given(st.lists(values, max_size=4))
def test_a_list_reads_as_json_dumps_wrote_it(items):
    assert written(items) == json.dumps(items, ensure_ascii=False, indent=2)


def test_the_text_owners_type_stays_as_typed():
    item = {"name": "تعاونيـــة \"النور\"\n", "city": "Fès", "tab": "\t\u2028\x01\x1f\x7f",
            "n": [], "o": {}, "price": {"amount": "150", "max": None}, "ok": True, "size": 12}
    assert written([item, item]) == json.dumps([item, item], ensure_ascii=False, indent=2)
