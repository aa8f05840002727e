"""`tijara submissions list --json` writes its objects through orjson: byte for byte what
json.dumps(..., ensure_ascii=False, indent=2) wrote before, for what a listing holds; it
reads the stored JSON columns through orjson too, and signs a page's links at once."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.cli import json_items
from bot.outbox import body
from bot.signing import Signer

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


def test_a_pages_links_are_the_links_of_their_moment():
    """The listing signs a page's photos with one expiry (Signer.media_urls): each link is
    the one media_url gives at that moment, and the server accepts it until then."""
    signer = Signer("test-secret", "http://testserver/")
    shas = [f"{i:064x}" for i in range(3)]
    url = signer.media_urls(now=1_000_000.5)
    assert [url(s) for s in shas] == [signer.media_url(s, now=1_000_000.5) for s in shas]
    expires, signature = re.search(r"exp=(\d+)&sig=(\w+)", url(shas[1])).groups()
    assert signer.check(shas[1], expires, signature, now=1_000_000 + 48 * 3600 - 1)
    assert not signer.check(shas[0], expires, signature, now=1_000_000)
    assert not signer.check(shas[1], expires, signature, now=1_000_000 + 48 * 3600 + 1)


@pytest.mark.parametrize("value", [
    [{"kind": "organic", "body": "ECOCERT", "number": "MA-BIO-1", "expires": "2027-01-31"}],
    {"name": "Argan oil", "attributes": [{"kind": "size", "value": "200 × 150 cm"}]},
    ["US", "FR"], None, [], {"ligne\u2028": "\t\"\\"},
    # What orjson refuses and json.dumps still writes: read back through json.
    [float("inf")], {"n": 2**70}, ["\ud800 seul"], {"é": -2**64}, [-2**63 - 1, 2**64 - 1],
])
def test_a_stored_json_column_reads_back_as_written(value):
    text = json.dumps(value)
    assert json.dumps(body._json(text)) == text
    assert body._json(None) is None
