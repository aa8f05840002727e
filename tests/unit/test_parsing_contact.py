"""Phone numbers and e-mail addresses."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.parsing.contact import Phone, parse_email, parse_phone
from flows.parsing.result import Invalid

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    ("text", "e164", "kind"),
    [
        ("+212 6 12 34 56 78", "+212612345678", "mobile"),
        ("+212612345678", "+212612345678", "mobile"),
        ("00212612345678", "+212612345678", "mobile"),
        ("00 212 6 12 34 56 78", "+212612345678", "mobile"),
        ("212612345678", "+212612345678", "mobile"),
        ("+212 (0)6 12 34 56 78", "+212612345678", "mobile"),
        ("0612345678", "+212612345678", "mobile"),
        ("06 12 34 56 78", "+212612345678", "mobile"),
        ("06.12.34.56.78", "+212612345678", "mobile"),
        ("06-12-34-56-78", "+212612345678", "mobile"),
        ("0612-345-678", "+212612345678", "mobile"),
        ("٠٦١٢٣٤٥٦٧٨", "+212612345678", "mobile"),
        ("٠٦ ١٢ ٣٤ ٥٦ ٧٨", "+212612345678", "mobile"),
        ("۰۶۱۲۳۴۵۶۷۸", "+212612345678", "mobile"),
        ("0712345678", "+212712345678", "mobile"),
        ("612345678", "+212612345678", "mobile"),
        ("0522 12 34 56", "+212522123456", "landline"),
        ("+212 5 22 12 34 56", "+212522123456", "landline"),
        ("0808 12 34 56", "+212808123456", "landline"),
        ("tel: 06 12 34 56 78", "+212612345678", "mobile"),
        ("hada rqmi 0612345678 merci", "+212612345678", "mobile"),
        ("رقمي هو ٠٦١٢٣٤٥٦٧٨", "+212612345678", "mobile"),
        ("\u202e0612345678", "+212612345678", "mobile"),
        ("＋２１２６１２３４５６７８", "+212612345678", "mobile"),
        # foreign numbers need their international prefix
        ("+33 6 12 34 56 78", "+33612345678", "foreign"),
        ("0033 6 12 34 56 78", "+33612345678", "foreign"),
        ("+34 612 345 678", "+34612345678", "foreign"),
        ("+1 (202) 555-0123", "+12025550123", "foreign"),
        ("+971 50 123 4567", "+971501234567", "foreign"),
    ],
)
def test_phone(text, e164, kind):
    assert parse_phone(text) == Phone(e164, kind)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "06", "061234567", "06123456789", "0412345678", "0012345678",
     "+212 6 12 34 56", "+212 6 12 34 56 78 9", "+212 4 12 34 56 78", "+0123456789",
     "+1234567", "+1234567890123456", "06 12 34 ab 78", "0612345678901234567", "🙂",
     "<b>0612</b>"],
)
def test_invalid_phone(text):
    assert parse_phone(text) == Invalid("invalid")


national = st.tuples(st.sampled_from("5678"), st.text(alphabet="0123456789", min_size=8,
                                                         max_size=8)).map("".join)
separators = st.sampled_from([" ", ".", "-", "", "  ", " - "])


@given(national, separators, st.sampled_from(["0", "+212", "00212", "+212 ", "212", "+212 (0)"]),
       st.booleans())
def test_any_moroccan_format_gives_the_same_e164(digits, sep, prefix, arabic):
    pairs = [digits[0]] + [digits[i:i + 2] for i in range(1, 9, 2)]
    text = prefix + sep.join(pairs)
    if arabic:
        text = text.translate(ARABIC_INDIC)
    phone = parse_phone(text)
    assert isinstance(phone, Phone), text
    assert phone.e164 == "+212" + digits
    assert phone.kind == ("mobile" if digits[0] in "67" else "landline")


@given(st.text(alphabet="0123456789", min_size=0, max_size=20))
def test_digits_without_00_are_moroccan_or_invalid(digits):
    phone = parse_phone(digits)
    if isinstance(phone, Phone) and not digits.startswith("00"):
        assert phone.e164.startswith("+212") and len(phone.e164) == 13


@given(st.text(max_size=300))
def test_phone_never_raises(text):
    result = parse_phone(text)
    assert isinstance(result, Phone | Invalid)
    if isinstance(result, Phone):
        assert result.e164.startswith("+") and result.e164[1:].isdigit()
        assert 9 <= len(result.e164) - 1 <= 15
        assert result.kind in ("mobile", "landline", "foreign")


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("ali@example.com", "ali@example.com"),
        ("  Ali.B@Gmail.COM  ", "Ali.B@gmail.com"),
        ("contact@atlas-argan.ma", "contact@atlas-argan.ma"),
        ("first.last+tag@sub.example.co.ma", "first.last+tag@sub.example.co.ma"),
        ("<ali@example.com>", "ali@example.com"),
        ("mailto:ali@example.com", "ali@example.com"),
        ("ali@example.com.", "ali@example.com"),
        ("mon email: ali@example.com", "ali@example.com"),
        ("l email dyali howa ali@example.com merci", "ali@example.com"),
        ("ali٢٠٢٤@example.com", "ali2024@example.com"),
        ("ali＠example.com", "ali@example.com"),
        ("\u202eali@example.com", "ali@example.com"),
    ],
)
def test_email(text, email):
    assert parse_email(text) == email


@pytest.mark.parametrize(
    "text",
    ["", "ali", "ali@", "@example.com", "ali@example", "ali@example.c", "ali@@example.com",
     "ali..b@example.com", ".ali@example.com", "ali@-example.com", "ali@example-.com",
     "ali@exa mple.com", "a@b.com c@d.com", "عادل@example.com", "ali@example..com",
     "x" * 65 + "@example.com", "ali@" + "a" * 64 + ".com", "<script>@x.com"],
)
def test_invalid_email(text):
    assert parse_email(text) == Invalid("invalid")


@given(st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,10})?", fullmatch=True),
       st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10})?", fullmatch=True),
       st.sampled_from(["ma", "com", "fr", "org", "co.ma"]), st.booleans())
def test_email_round_trip(local, domain, tld, upper):
    address = f"{local}@{domain}.{tld}"
    typed = f"{local}@{domain.upper()}.{tld.upper()}" if upper else address
    assert parse_email(f"  {typed} ") == address


@given(st.text(max_size=300))
def test_email_never_raises(text):
    result = parse_email(text)
    assert isinstance(result, str | Invalid)
    if isinstance(result, str):
        local, domain = result.split("@")
        assert local and domain == domain.lower() and "." in domain


def test_hostile_inputs():
    for text in ("0" * 10_000, "@" * 10_000, "a@b." * 2000, "\u202e" * 1000, "+" * 500):
        parse_phone(text)
        parse_email(text)


def test_fast():
    start = time.process_time()
    for _ in range(500):
        parse_phone("+212 6 12 34 56 78")
        parse_email("Ali.B@Gmail.COM")
    assert (time.process_time() - start) / 1000 < 0.001
