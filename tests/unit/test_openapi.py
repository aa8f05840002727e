"""docs/storefront-api.yaml is valid OpenAPI 3.1, and the bodies Tijara really sends
(bot.outbox.body.body) validate against its schema."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openapi_spec_validator import validate

from bot.outbox.body import body
from bot.outbox.handoff import request_headers
from bot.signing import Signer
from flows.listing import Rate
from flows.producttype import words_of
from flows.published import draft
from flows.taxonomy import types
from storage import submissions
from storage.models import (
    Business,
    Media,
    Product,
    ProductTranslation,
    StatusChange,
    Submission,
    User,
)
from storage.submissions import ProductView, SubmissionView
from tests.fakes.storefront import spec, validator
from tests.helpers import Owner, photo_bytes

SIGNER = Signer("test-secret", "https://tijara.example.ma")
AT = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_the_document_is_valid_openapi_3_1():
    document = spec()
    validate(document)
    assert document["openapi"].startswith("3.1")
    post = document["paths"]["/storefronts"]["post"]
    assert {"201", "200", "409", "4XX", "5XX"} <= set(post["responses"])


def view(*, agent: bool = False, full: bool = False) -> SubmissionView:
    submission = Submission(id=42, business_id=7, status="approved", revision=2,
                            submitted_at=AT, decided_at=AT)
    business = Business(id=7, conversation_id=3, name="تعاونية الأطلس", owner_name="Aicha Ait",
                        phone="+212661234567", email="coop@example.ma" if full else None,
                        city="Marrakech", region="marrakech-safi", sector="carpets",
                        ice="001525478000036" if full else None, language="ary",
                        script="Arab", channel="whatsapp", consent_at=AT)
    photos = [Media(id=i, sha256=f"{i:064x}", kind="photo", content_type="image/jpeg",
                    size=120_000 + i, width=1600, height=1200) for i in (1, 2)]
    products = [
        ProductView(Product(id=1, business_id=7, position=0, name="زربية", description="",
                            price_amount="900", price_max="1200" if full else None,
                            price_unit="m2", moq_quantity="5", moq_unit="m2"), photos),
        ProductView(Product(id=2, business_id=7, position=1, name="Coussin",
                            description="Laine de l'Atlas.", price_amount="150.50",
                            price_unit="piece", moq_quantity="20", moq_unit="piece"),
                    photos[:1]),
    ]
    history = [StatusChange(submission_id=42, from_status=None, to_status="submitted",
                            actor="owner", revision=2, at=AT),
               StatusChange(submission_id=42, from_status="submitted", to_status="approved",
                            actor="admin:a@tijara.ma", revision=2, at=AT)]
    return SubmissionView(submission, business, products,
                          User(id=5, email="agent@example.ma", name="Said", role="agent")
                          if agent else None, history)


ENGLISH = {0: ProductTranslation(business_id=7, position=0, title_en="Atlas rug",
                                  description_en="Hand-knotted wool, natural dyes.")}


@pytest.mark.parametrize("options", [{}, {"agent": True, "full": True}])
@pytest.mark.parametrize("english", [{}, ENGLISH])
def test_constructed_bodies_validate(options, english):
    document = body(view(**options), SIGNER, translations=english, links_from=AT)
    errors = list(validator("StorefrontRequest").iter_errors(document))
    assert errors == []
    assert document["approved_at"] == AT.isoformat()


RATE = Rate(Decimal("0.10"), "2025-06-01")


def test_each_product_carries_its_english_listing_the_reviewers_edits_winning():
    generated = body(view(), SIGNER, translations={}, rate=RATE, links_from=AT)["products"]
    rug, cushion = (p["en"] for p in generated)
    # Nothing edited: the listing generated from the owner's words ("زربية", "Coussin").
    assert rug["name"] == "Hand-Knotted Berber Wool Rug"
    assert "Price: 900 MAD per m² (about 90.00 USD per m²" in rug["description"]
    assert cushion["name"] == "Cushion Cover" and "Material: wool." in cushion["description"]
    half = {0: ProductTranslation(business_id=7, position=0, title_en="  ", description_en=""),
            1: ProductTranslation(business_id=7, position=1, title_en="Cushion",
                                  description_en="")}
    for english, expected in (
            (ENGLISH, [{"name": "Atlas rug", "description": "Hand-knotted wool, natural dyes."},
                       cushion]),
            # A blank edit is no edit: the generated text stays, field by field.
            (half, [rug, {"name": "Cushion", "description": cushion["description"]}])):
        document = body(view(), SIGNER, translations=english, rate=RATE, links_from=AT)
        assert [p["en"] for p in document["products"]] == expected
        assert list(validator("StorefrontRequest").iter_errors(document)) == []
    # The owner's own words stay where they were.
    assert body(view(), SIGNER, translations=ENGLISH)["products"][0]["name"] == "زربية"
    # Not looked up (a caller that did not ask): left out, rather than sent unedited.
    assert "en" not in body(view(), SIGNER, translations=None)["products"][0]


def test_the_type_a_reviewer_chose_brings_its_hs_code_and_attributes():
    recognised = body(view(), SIGNER, translations={}, rate=RATE)["products"][0]
    assert recognised["type"]["source"] == "recognised"
    assert recognised["hs_code"] == types()[recognised["type"]["key"]].hs_code
    chosen = {0: ProductTranslation(business_id=7, position=0, type_key="kilim_rug")}
    document = body(view(), SIGNER, translations=chosen, rate=RATE, links_from=AT)
    product = document["products"][0]
    assert product["type"] == {"key": "kilim_rug", "name": types()["kilim_rug"].en,
                               "category": "Rugs and Carpets", "source": "reviewer"}
    assert product["hs_code"] == "5702.10" != recognised["hs_code"]
    assert product["en"]["name"].startswith(types()["kilim_rug"].en)
    assert list(validator("StorefrontRequest").iter_errors(document)) == []
    # A key the taxonomy no longer holds: the recognised type again, never a broken one.
    gone = {0: ProductTranslation(business_id=7, position=0, type_key="no_such_type")}
    assert body(view(), SIGNER, translations=gone, rate=RATE)["products"][0]["type"] == \
        recognised["type"]


def test_the_owners_type_answer_travels_unless_a_reviewer_chose_another():
    v = view()
    rug = v.products[0].product
    # The owner answered "which one is it?" for these very words (flows.producttype).
    said = draft(rug.name, rug.description, None, None, None, None, None)
    rug.owner_type, rug.owner_type_asked = "kilim_rug", words_of(said)
    product = body(v, SIGNER, translations={}, rate=RATE)["products"][0]
    assert (product["type"]["key"], product["type"]["source"]) == ("kilim_rug", "owner")
    assert product["hs_code"] == "5702.10"
    reviewer = {0: ProductTranslation(business_id=7, position=0, type_key="wool_rug")}
    product = body(v, SIGNER, translations=reviewer, rate=RATE)["products"][0]
    assert (product["type"]["key"], product["type"]["source"]) == ("wool_rug", "reviewer")
    # An answer given for other words (the name was corrected since) no longer holds.
    rug.owner_type_asked = "0" * 16
    product = body(v, SIGNER, translations={}, rate=RATE)["products"][0]
    assert product["type"]["source"] == "recognised"


def test_the_price_in_usd_carries_its_rate_and_date():
    document = body(view(full=True), SIGNER, translations={}, rate=RATE, links_from=AT)
    rug, cushion = document["products"]
    assert rug["price"]["usd"] == {"amount": "90.00", "amount_max": "120.00",
                                   "usd_per_mad": "0.10", "rate_date": "2025-06-01"}
    assert cushion["price"]["usd"]["amount"] == "15.05"  # 150.50 MAD, to the cent
    assert cushion["attributes"] == [{"kind": "material", "name": "Material", "value": "wool"}]
    assert rug["attributes"] == []
    assert list(validator("StorefrontRequest").iter_errors(document)) == []
    # No rate given: no conversion, still valid.
    unrated = body(view(), SIGNER, translations={}, links_from=AT)
    assert unrated["products"][0]["price"]["usd"] is None
    assert list(validator("StorefrontRequest").iter_errors(unrated)) == []


@pytest.mark.parametrize("breaks", [
    lambda d: d["products"][0].update(hs_code="570110"),
    lambda d: d["products"][0]["type"].pop("key"),
    lambda d: d["products"][0]["type"].update(source="admin"),
    lambda d: d["products"][1]["attributes"][0].update(kind="smell"),
    lambda d: d["products"][1]["attributes"][0].update(value=""),
    lambda d: d["products"][0]["price"]["usd"].update(rate_date="01/06/2025"),
    lambda d: d["products"][0]["price"]["usd"].update(amount=90.0),
    lambda d: d["products"][0]["price"]["usd"].pop("usd_per_mad"),
])
def test_the_schema_refuses_a_listing_the_backend_could_not_use(breaks):
    document = copy.deepcopy(body(view(), SIGNER, translations={}, rate=RATE, links_from=AT))
    breaks(document)
    assert list(validator("StorefrontRequest").iter_errors(document))


@pytest.mark.parametrize("breaks", [
    lambda d: d["business"].update(phone="0661234567"),  # not E.164
    lambda d: d["products"][0]["images"][0].pop("sha256"),
    lambda d: d["products"][0]["images"][0].update(url="/media/abc"),  # not absolute
    lambda d: d["products"][0]["price"].update(currency="EUR"),
    lambda d: d["products"][0]["price"].update(amount="150 DH"),
    lambda d: d.update(products=[]),
    lambda d: d.update(language="en"),
    lambda d: d.pop("approved_at"),
    lambda d: d["products"][0].pop("en"),
    lambda d: d["products"][0].update(en={"name": None, "description": None}),
    lambda d: d["products"][0].update(en={"name": "", "description": None}),
    lambda d: d["products"][0].update(en={"name": "Rug"}),
    lambda d: d["products"][0].update(en="Atlas rug"),
])
def test_the_schema_refuses_what_the_backend_could_not_use(breaks):
    document = copy.deepcopy(body(view(), SIGNER, translations=ENGLISH, links_from=AT))
    breaks(document)
    assert list(validator("StorefrontRequest").iter_errors(document))


def test_the_update_is_sent_like_the_creation():
    """A storefront already made gets PUT /storefronts/{id}: the same body and answers."""
    put = spec()["paths"]["/storefronts/{storefront_id}"]["put"]
    post = spec()["paths"]["/storefronts"]["post"]
    assert put["requestBody"] == post["requestBody"]
    assert {"200", "409", "408", "429", "4XX", "5XX"} <= set(put["responses"])
    assert [p.get("$ref") for p in put["parameters"]][1:] == [
        p.get("$ref") for p in post["parameters"]]


def test_the_answers_and_headers_match_the_document():
    schemas = spec()["components"]["schemas"]
    for name in ("CreatedStorefront", "Error", "EnglishText"):
        assert list(validator(name).iter_errors(schemas[name]["example"])) == []
    parameters = spec()["components"]["parameters"]
    settings = type("S", (), {"storefront_api_token": "t", "storefront_signing_secret": "s"})
    headers = request_headers(settings, b'{"a":1}', "42-2")
    assert re.fullmatch(parameters["Signature"]["schema"]["pattern"],
                        headers["X-Tijara-Signature"])
    assert re.fullmatch(parameters["IdempotencyKey"]["schema"]["pattern"],
                        headers["Idempotency-Key"])
    assert headers["Authorization"] == "Bearer t"


async def test_a_real_submission_from_the_web_chat_validates(client, db):
    owner = Owner(client)
    await owner.start("ar")
    for action, value in (("press", "lang:ar"), ("say", "نعم"), ("say", "تعاونية تيفاوين"),
                          ("say", "فاطمة الزهراء العمراني"), ("say", "أكادير"),
                          ("press", "sector:argan"), ("press", "skip"), ("say", "0661234567"),
                          ("press", "skip"), ("say", "زيت الأركان")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(4)) == ["photo_received"]
    for action, value in (("press", "done"), ("say", "زيت معصور على البارد"),
                          ("say", "150 درهم للتر"), ("say", "20 لتر"), ("press", "no"),
                          ("press", "skip")):
        await getattr(owner, action)(value)
    assert await owner.press("submit") == ["submitted"]
    async with db.transaction() as session:
        (v,) = await submissions.views(session)
        await submissions.decide(session, v.submission.id, "approve", actor="cli")
    async with db.transaction() as session:
        (v,) = await submissions.views(session)
    document = body(v, SIGNER, translations={}, links_from=AT)
    assert list(validator("StorefrontRequest").iter_errors(document)) == []
    assert (document["language"], document["script"]) == ("ar", "Arab")
    assert document["business"]["ice"] is None and document["business"]["email"] is None


def answered() -> SubmissionView:
    """The view with the buyers' questions answered (flows.buyerq)."""
    v = view(full=True)
    b = v.business
    b.certifications = [{"kind": "organic", "body": "ECOCERT", "number": "MA-BIO-154",
                         "expires": "2027-12-31"},
                        {"kind": "onssa", "body": "ONSSA", "number": None, "expires": None}]
    b.fda_registered, b.export_experience, b.export_countries = "unknown", "few", ["Canada"]
    b.packaging = "Bouteilles en verre de 250 ml, 24 par carton"
    p = v.products[0].product
    p.capacity_quantity, p.capacity_unit, p.capacity_per = "200", "m2", "month"
    p.lead_time_quantity, p.lead_time_unit, p.lead_time_days = "3", "week", 21
    return v


def test_the_buyers_answers_travel_and_validate():
    document = body(answered(), SIGNER, translations={}, links_from=AT)
    assert list(validator("StorefrontRequest").iter_errors(document)) == []
    first, second = document["products"]
    assert first["capacity"] == {"quantity": "200", "unit": "m2", "per": "month"}
    assert first["lead_time"] == {"quantity": "3", "unit": "week", "days": 21}
    assert first["certifications"][0]["number"] == "MA-BIO-154"
    assert second["capacity"] is None and second["lead_time"] is None  # skipped for it
    assert second["certifications"] == first["certifications"]  # one list per business
    assert document["business"]["export_experience"] == {"level": "few",
                                                         "countries": ["Canada"]}
    assert document["business"]["fda_registered"] == "unknown"
    # Not answered at all: nulls, still valid.
    skipped = body(view(), SIGNER, translations={}, links_from=AT)
    assert skipped["products"][0]["certifications"] is None
    assert skipped["business"]["packaging"] is None
    assert list(validator("StorefrontRequest").iter_errors(skipped)) == []


@pytest.mark.parametrize("breaks", [
    lambda d: d["products"][0]["capacity"].update(per="fortnight"),
    lambda d: d["products"][0]["capacity"].update(quantity="200 kg"),
    lambda d: d["products"][0]["lead_time"].update(days=0),
    lambda d: d["products"][0]["certifications"][0].update(kind="halal-ish"),
    lambda d: d["products"][0]["certifications"][0].update(expires="31/12/2027"),
    lambda d: d["business"].update(fda_registered="maybe"),
    lambda d: d["business"]["export_experience"].update(level="often"),
])
def test_the_schema_refuses_buyers_answers_the_backend_could_not_use(breaks):
    document = copy.deepcopy(body(answered(), SIGNER, translations={}, links_from=AT))
    breaks(document)
    assert list(validator("StorefrontRequest").iter_errors(document))
