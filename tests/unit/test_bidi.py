"""Right-to-left messages read in the right order on a phone.

Every `ar` and `ary-Arab` message is rendered with sample values and laid out by the
Unicode bidi algorithm (python-bidi, the Rust `unicode-bidi` crate), line by line as a
phone lays out a message: each line takes the direction of its first strong letter
(isolated values skipped), right-to-left when it has none. Then what a reader sees:
- the line is right-to-left, so its bullet and colons stay on the right side;
- each group of digits or Latin letters ("06 12 34 56 78", "+212 6 12 34 56 78",
  "1/8", an e-mail) keeps its own order, and groups separated by Arabic words are met
  in the order they were written, reading from the right ("1 من 8": 1, then 8);
- a colon written after an Arabic word stays just left of it.
"""

from __future__ import annotations

import re

import pytest
from bidi import get_display

from bot.i18n import LOCALES_DIR, RTL, catalog
from flows.model import Msg
from tests.unit.test_locales import messages

ISOLATES = "\u2066\u2067\u2068\u2069"
STRIP = str.maketrans("", "", ISOLATES + "\u200e\u200f\u061c")
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# What a reader takes in as one piece, left to right: a number with the marks that join
# its digits ("06 12 34 56 78", "1/8", "09.08", "09:00"), or Latin words (a name, an
# e-mail, a link).
_L = "A-Za-z\u00c0-\u024f"  # Latin letters, with accents
LTR_GROUP = re.compile(rf"\+?\d+(?:[ ./:\-]\d+)*|[{_L}@][0-9_@.:/?=+\- {_L}]*[0-9{_L}]|[{_L}]")

# Sample values: numbers that differ (to see their order), Latin names inside Arabic
# sentences, a phone in international form, and Arabic where a value is free text.
SAMPLES = {
    "count": 1, "max": 8, "number": 2, "done": 3, "total": 12, "photos": 3, "more": 4,
    "also_web": 1, "kept": 3, "low": "150", "high": "200", "amount": "150", "said": "300",
    "business_name": "Atlas Argan", "name": "Atlas Argan", "owner_name": "Fatima Amrani",
    "product": "Argan Oil 250 ml", "city": "Tafraout", "region": "Souss-Massa",
    "typed": "Tafrawt", "village": "Douar Tafrawt", "text": "Karim", "fr": "Fès", "ar": "فاس",
    "phone": "+212 6 12 34 56 78", "email": "fatima.amrani@gmail.com",
    "url": "https://tijara.ma/s/atlas-argan", "link": "https://t.me/tijara_bot?start=ref-ab12",
    "web": "https://tijara.ma/chat?ref=ref-ab12", "ice": "001525289000092",
    "storefront": 1, "draft_days": 180, "rejected_days": 365, "days": 7, "revision": 2,
    "photo_count": 3, "voice_count": 1, "product_count": 1, "date": "2026-11-27",
    "contact": "privacy@tijara.ma",
    "names": "Tafraout, Tiznit",  # forms: towns suggested
    "score": 80,  # readiness (flows/readiness.py)
    "chosen": "ISO", "cert": "ONSSA", "body": "ECOCERT", "expires": "31/12/2027",
}


def arabic_samples(locale: str) -> dict:
    """Values that are sentences of the same locale (nested messages, owners' text)."""
    cat = catalog()

    def t(key, **params):
        return cat.text(locale, Msg(key, params))

    field = t("fix_product_field", number=1, field=Msg("field_price"))
    return {
        "unit": t("units_kg"), "section": t("section_product"), "sector": t("sector_argan"),
        "currency": t("currency_ryal"), "language": t("lang_ar"), "status": t(
            "agent_status_submitted"),
        "price": t("amount_value", amount="150", unit=Msg("unit_kg")),
        "moq": t("quantity_value", amount="5", unit=Msg("units_piece", {"count": 5})),
        "example": t("quantity_value", amount="100", unit=Msg("units_l", {"count": 100})),
        "field": field, "reason": t("reason_price_unclear"),
        "items": t("fix_item", field=Msg("fix_product_field",
                                         {"number": 1, "field": Msg("field_price")}),
                   reason=Msg("reason_price_unclear")),
        "reasons": t("review_point", reason=Msg("review_reason_ice_invalid")),
        "seen_by": t("my_data_seen_agent", name="Samira Benali"),
        "consent": t("my_data_consent", date="2026-11-27"),
        "tips": t("advice_dark"), "question": t("ask_city"), "note": t("reason_other"),
        "how": t("share_location_whatsapp"),
        "fields": t("field_phone"),  # forms: the fields not kept, the towns suggested
        "error": t("invalid_choice"),  # forms: what is wrong with one of them
        "names": "تافراوت، تيزنيت",
        "next": t("readiness_next_attr_size"),  # readiness: its "200 x 150" inside Arabic
        # support: when a person answers (a Latin-script clock inside the sentence)
        "when": t("support_when_day", day=Msg("support_day_0"), time="09:00"),
        "day": t("support_day_0"), "time": "09:00",
        # Changes after sending (flows/changes.py).
        "change": t("btn_change_price"),
        "description": "زيت أركان معصور باليد", "lines": t(
            "agent_list_line", number=1, name="Atlas Argan",
            status=Msg("agent_status_submitted")),
        # The buyers' answers in the summary (flows/buyerq.py summary_lines): Latin bodies,
        # numbers and dates, countries typed in French, inside Arabic lines.
        "doc": t("doc_certificate", cert=Msg("cert_organic")),
        "capacity": t("buyer_capacity", quantity=Msg("quantity_value", {
            "amount": "200", "unit": Msg("units_l", {"count": 200})}),
            per=Msg("buyer_per_month")),
        "lead": t("buyer_lead_week", count=3), "quantity": t(
            "quantity_value", amount="200", unit=Msg("units_l", {"count": 200})),
        "per": t("buyer_per_month"), "answer": t("btn_fda_unknown"),
        "export": t("export_few"), "first": "France", "rest": "Canada",
        "countries": t("buyer_list_more", first="France", rest=Msg(
            "buyer_list_more", {"first": "Canada", "rest": "USA"})),
        # The owner's own words, as typed (placed whole, as their own message shows them).
        "packaging": "قرعات ديال الزاج ديال 250 مل، 24 ف كرتونة", "photo": " 📷",
        "products": t("review_product", number=1, name="Argan Oil 250 ml", photos=3,
                      description="زيت أركان معصور باليد",
                      price=Msg("amount_value", {"amount": "150", "unit": Msg("unit_kg")}),
                      moq=Msg("quantity_value", {"amount": "5",
                                                 "unit": Msg("units_piece", {"count": 5})})),
    }


def base_is_rtl(line: str) -> bool:
    """The direction a phone gives a line: its first strong letter outside isolates."""
    depth = 0
    for ch in line:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(depth - 1, 0)
        elif depth == 0 and ARABIC.match(ch):
            return True
        elif depth == 0 and LATIN.match(ch):
            return False
    return True


def problems_in(line: str) -> list[str]:
    found = []
    logical = line.translate(STRIP)
    if not base_is_rtl(line):
        return [f"left-to-right line: {logical!r}"]
    shown = get_display(line, base_dir="R").translate(STRIP)
    end = len(shown)
    for group in LTR_GROUP.findall(logical):
        at = shown.rfind(group.strip(), 0, end)
        if at < 0:
            found.append(f"{group!r} out of order in {shown[::-1]!r} (shown reversed)")
            break
        end = at
    for letter in re.findall(r"([\u0600-\u06ff]):", logical):
        if logical.count(f"{letter}:") != shown.count(f":{letter}"):
            found.append(f"colon moved in {shown[::-1]!r} (shown reversed)")
            break
    if logical.lstrip().startswith("•") and not shown.rstrip().endswith("•"):
        found.append(f"bullet on the left in {shown[::-1]!r} (shown reversed)")
    return found


def references(locale: str) -> dict[str, list[str]]:
    """key -> the messages it places ({ consent_terms }), read from the locale's files."""
    found: dict[str, list[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        for key, body in re.findall(r"(?m)^([a-z_]+) =(.*(?:\n(?:[ \t].*|))*)",
                                    path.read_text(encoding="utf-8")):
            found[key] = re.findall(r"\{ ([a-z_]+) \}", body)
    return found


REFERENCES = {locale: references(locale) for locale in RTL}


@pytest.mark.parametrize("locale", sorted(RTL))
def test_every_right_to_left_message_reads_in_order(locale):
    cat = catalog()
    values = {**SAMPLES, **arabic_samples(locale)}
    problems = {}
    found_messages = messages(locale)
    for key, variables in found_messages.items():
        # A message placed in another ({ consent_terms }) reads the same values.
        for reference in REFERENCES.get(locale, {}).get(key, ()):
            variables = variables | found_messages.get(reference, set())
        text = cat.text(locale, Msg(key, {v: values[v] for v in variables}))
        if not ARABIC.search(text):  # a label in another script ("Français"), a URL alone
            continue
        found = [p for line in text.split("\n") if line.strip() for p in problems_in(line)]
        if found:
            problems[key] = found
    assert not problems


@pytest.mark.parametrize("text,ok", [
    ("بحال 06 12 34 56 78", False),            # the groups come out 78 56 34 12 06
    ("بحال 0612345678", True),
    ("بحال \u2066+212 6 12 34 56 78\u2069", True),
    ("وصلات التصويرة (\u20681\u2069/\u20688\u2069)", False),  # shown (8/1)
    ("وصلات التصويرة 1 من 8", True),
    ("\u2066Atlas\u2069 ديال \u2068المنتوج\u2069: 5", True),
    ("📦 2. \u2066Atlas Argan\u2069 — الصور: 3", True),
    ("القانون 09-08", False),                  # after Arabic letters: shown 08-09
    ("القانون رقم 09.08", True),
    ("ICE: 001525289000092", False),           # a line that starts in Latin goes left to right
])
def test_the_check_sees_what_owners_saw(text, ok):
    assert (not problems_in(text)) is ok
