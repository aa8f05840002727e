"""`tijara submissions list --json` writes its objects with its own indenting encoder:
byte for byte what json.dumps(..., ensure_ascii=False, indent=2) wrote before."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.cli import indented

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=30)


@given(st.lists(values, max_size=4))
def test_a_list_reads_as_json_dumps_wrote_it(items):
    written = "[\n  " + ",\n  ".join(indented(i) for i in items) + "\n]" if items else "[]"
    assert written == json.dumps(items, ensure_ascii=False, indent=2)


def test_the_text_owners_type_stays_as_typed():
    item = {"name": "تعاونيـــة \"النور\"\n", "city": "Fès", "tab": "\t\u2028\x01", "n": [],
            "o": {}, "price": {"amount": "150", "max": None}, "ok": True, "size": 12}
    assert "[\n  " + indented(item) + "\n]" == json.dumps([item], ensure_ascii=False,
                                                         indent=2)
