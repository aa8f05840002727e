"""The WhatsApp Flows shipped in docs/whatsapp-flows/: the same fields and choices as the
form mode (flows.forms), within Meta's limits; their answers parsed as a table of
payloads; their flow_token signed for one chat."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from bot.channels.whatsapp import flowjson
from bot.channels.whatsapp.form import FLOW_DATA_LIMIT, parse_flow_reply, parse_form
from bot.i18n import LOCALES, catalog
from bot.settings import Settings
from bot.signing import FlowSigner


def test_the_shipped_files_are_the_ones_the_form_makes_today():
    """Run `python -m bot.channels.whatsapp.flowjson` after changing a step or a label."""
    for name, text in flowjson.documents().items():
        assert (flowjson.FOLDER / name).read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("scope", ["business", "product"])
def test_each_flow_has_the_forms_fields_and_choices(scope, locale):
    shipped = json.loads((flowjson.FOLDER / f"{scope}.{locale}.json").read_text("utf-8"))
    (screen,) = shipped["screens"]
    form = next(c for c in screen["layout"]["children"] if c["type"] == "Form")
    inputs = [c for c in form["children"] if c["type"] != "Footer"]
    fields = flowjson.fields(scope, locale)
    texts = catalog()
    assert [c["name"] for c in inputs] == [f.name for f in fields]
    for component, field in zip(inputs, fields, strict=True):
        assert component["required"] is not field.optional
        assert len(component["label"]) <= flowjson.LABEL_LIMIT
        assert component["label"] == texts.text(locale, field.label)
        choices = [(c["id"], c["title"]) for c in component.get("data-source", [])]
        assert choices == [(v, texts.text(locale, label)) for v, label in field.choices]
    (footer,) = [c for c in form["children"] if c["type"] == "Footer"]
    assert footer["on-click-action"]["name"] == "complete"
    assert footer["on-click-action"]["payload"] == {
        f.name: f"${{form.{f.name}}}" for f in fields}
    names = {c["name"] for c in inputs}
    assert "photos" not in names and "phone" not in names  # both stay in the chat
    if scope == "business":
        assert {"business_name", "city", "sector"} <= names
    else:
        assert {"product_name", "price", "moq", "moq_unit"} <= names


def test_the_content_request_offers_the_flow_with_our_token_as_its_variable():
    texts = catalog()
    for locale in LOCALES:
        request = flowjson.content("product", locale, texts)
        flow = request["types"]["whatsapp/flows"]
        assert flow["flow_token"] == "{{1}}" and flow["flow_first_page_id"] == "PRODUCT"
        assert 0 < len(flow["button_text"]) <= flowjson.CTA_LIMIT


BUSINESS = {"flow_token": "b1abc-" + "0" * 32, "business_name": "Coopérative Tifawin",
            "sector": "sector:argan", "region": ""}

# InteractiveData as posted -> (token, values) or None.
REPLIES = [
    (json.dumps(BUSINESS), ("b1abc-" + "0" * 32, {
        "business_name": "Coopérative Tifawin", "sector": "sector:argan", "region": ""})),
    # Meta's own shape, should Twilio pass it on: response_json as a string.
    (json.dumps({"name": "flow", "body": "Sent", "response_json": json.dumps(BUSINESS)}),
     ("b1abc-" + "0" * 32, {"business_name": "Coopérative Tifawin",
                            "sector": "sector:argan", "region": ""})),
    (json.dumps({"nfm_reply": {"response_json": BUSINESS}}),
     ("b1abc-" + "0" * 32, {"business_name": "Coopérative Tifawin",
                            "sector": "sector:argan", "region": ""})),
    # Fields that are not ours, not strings, or a phone (never asked on WhatsApp): left out.
    (json.dumps({"flow_token": "t", "price": 150, "moq": None, "phone": "0612345678",
                 "is_admin": "yes", "description": "Bio\u202e\u0000 et pur"}),
     ("t", {"description": "Bio et pur"})),
    (json.dumps({"flow_token": "t", "description": "x" * 5000}),
     ("t", {"description": "x" * 4096})),
    ("{not json", None),
    ("[]", None),
    (json.dumps({"business_name": "no token"}), None),
    (json.dumps({"flow_token": 12}), None),
    (json.dumps({"flow_token": "é" * 10}), None),
    (json.dumps({"flow_token": "t" * 65}), None),
    ("[" * 100 + "]" * 100, None),
    (json.dumps({"flow_token": "t", "description": "x" * FLOW_DATA_LIMIT}), None),
]


@pytest.mark.parametrize(("data", "expected"), REPLIES)
def test_a_flow_answer_is_read_strictly(data, expected):
    reply = parse_flow_reply(data)
    assert (None if reply is None else (reply.token, reply.values)) == expected


def test_a_flow_answer_is_a_form_not_text_and_an_unreadable_one_a_notice():
    base = {"MessageSid": "SM1", "From": "whatsapp:+212612345678", "Body": "Sent",
            "MessageType": "interactive"}
    msg = parse_form({**base, "InteractiveData": json.dumps(BUSINESS)})
    assert msg.text is None and msg.notice is None
    assert msg.form == {"flow_token": BUSINESS["flow_token"], "values": {
        "business_name": "Coopérative Tifawin", "sector": "sector:argan", "region": ""}}
    refused = parse_form({**base, "InteractiveData": "nope"})
    assert refused.form is None and refused.text is None and refused.notice == "flow_refused"
    assert parse_form(base).form is None  # an ordinary message


def test_a_flow_token_is_good_for_one_chat_one_scope_and_three_days():
    signer = FlowSigner("secret")
    token = signer.token("whatsapp:+212612345678", "product", now=1_000_000.0)
    assert len(token) <= 64 and token.isascii()
    assert signer.read(token, "whatsapp:+212612345678", 1_000_100.0) == ("product",
                                                                         1_000_000_000)
    assert signer.read(token, "whatsapp:+212698765432", 1_000_100.0) is None
    assert signer.read("b" + token[1:], "whatsapp:+212612345678", 1_000_100.0) is None
    assert signer.read(token, "whatsapp:+212612345678", 1_000_000.0 + 4 * 86400) is None
    assert FlowSigner("other").read(token, "whatsapp:+212612345678", 1_000_100.0) is None
    for junk in ("", "-", "x1-" + "0" * 32, "p" + "z" * 40 + "-" + "0" * 32, "p1-short"):
        assert signer.read(junk, "whatsapp:+212612345678", 1_000_100.0) is None


def test_flow_sids_are_named_per_form_and_locale():
    good = {"business:fr": "HX" + "a" * 32, "product:ary-Arab": "HX" + "b" * 32}
    assert Settings(twilio_flow_sids=good).twilio_flow_sids == good
    for bad in ({"business": "HX" + "a" * 32}, {"photos:fr": "HX" + "a" * 32},
                {"business:en": "HX" + "a" * 32}, {"business:fr": "HXnot-a-sid"}):
        with pytest.raises(ValidationError):
            Settings(twilio_flow_sids=bad)
