"""The ICE (Identifiant Commun de l'Entreprise): 15 digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.parsing.ice import parse_ice
from flows.parsing.result import Invalid

ICE = "001234567000089"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    "text",
    [
        "001234567000089",
        " 001234567000089 ",
        "001 234 567 000 089",
        "001.234.567.000.089",
        "001-234-567-000-089",
        "0012 3456 7000 089",
        "٠٠١٢٣٤٥٦٧٠٠٠٠٨٩",
        "٠٠١ ٢٣٤ ٥٦٧ ٠٠٠ ٠٨٩",
        "ICE: 001234567000089",
        "ICE 001234567000089",
        "ice n° 001234567000089",
        "I.C.E. 001 234 567 000 089",
        "رقم ICE 001234567000089",
        "\u202e001234567000089",
        "００１２３４５６７００００８９",
    ],
)
def test_ice(text):
    assert parse_ice(text) == ICE


@pytest.mark.parametrize(
    ("text", "count"),
    [("00123456700008", 14), ("0012345670000891", 16), ("", 0), ("   ", 0), ("123", 3),
     ("001 234 567 000 08", 14), ("٠٠١٢٣٤٥٦٧٠٠٠٠٨", 14)],
)
def test_wrong_length(text, count):
    assert parse_ice(text) == Invalid("wrong_length", {"count": count})


@pytest.mark.parametrize(
    "text",
    ["00123456700008a", "abc", "O01234567000089", "001234567000089!", "ICE: 0012345x7000089",
     "🙂001234567000089", "<b>001234567000089</b>"],
)
def test_not_digits(text):
    assert parse_ice(text) == Invalid("not_digits")


digits15 = st.text(alphabet="0123456789", min_size=15, max_size=15)
sep = st.sampled_from(["", " ", ".", "-", "  ", " - ", "/"])


@given(digits15, st.lists(sep, min_size=15, max_size=15), st.booleans())
def test_any_15_digits_with_separators(digits, seps, arabic):
    text = "".join(d + s for d, s in zip(digits, seps, strict=True)).strip(" -./")
    if arabic:
        text = text.translate(ARABIC_INDIC)
    assert parse_ice(text) == digits


@given(st.sampled_from([14, 16]).flatmap(
    lambda n: st.text(alphabet="0123456789", min_size=n, max_size=n)), sep)
def test_14_or_16_digits_give_the_count(digits, separator):
    text = separator.join(digits[i:i + 3] for i in range(0, len(digits), 3))
    assert parse_ice(text) == Invalid("wrong_length", {"count": len(digits)})


@given(st.text(max_size=300))
def test_never_raises(text):
    result = parse_ice(text)
    if isinstance(result, str):
        assert len(result) == 15 and result.isascii() and result.isdigit()
    else:
        assert result.reason in ("wrong_length", "not_digits")
        if result.reason == "wrong_length":
            assert result.params["count"] != 15


def test_hostile_inputs():
    assert parse_ice("1" * 10_000).reason == "wrong_length"
    assert parse_ice("1" * 15 + " " * 10_000) == "1" * 15
    assert parse_ice("x" * 10_000) == Invalid("not_digits")
    assert parse_ice(ICE + "\u202e") == ICE
