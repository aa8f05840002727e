"""The buyers' questions end to end: answered in the web chat, stored with the submission,
shown to admins, sent in the storefront handoff, the CSV export and the JSON listing."""

from __future__ import annotations

import asyncio
import csv
import io
import json

from bot.cli import main
from tests.helpers import Owner, photo_bytes, worker_handlers
from tests.integration.test_admin import Desk, add_user
from tests.integration.test_storefront import (  # noqa: F401 - fixtures
    _no_pending,
    approve,
    fake,
    quick_backoff,
    site,
    status_is,
    until,
    worker_settings,
    working,
)

CERTIFICATIONS = [
    {"kind": "organic", "body": "ECOCERT", "number": "MA-BIO-154", "expires": "2027-12-31",
     "photos": []},
    {"kind": "onssa", "body": "ONSSA", "number": None, "expires": None, "photos": []},
]


async def answer_the_buyers(owner: Owner) -> None:
    """A French owner of two products, up to the review, answering the buyers' questions
    (one product's capacity skipped, one certificate's details typed badly then skipped)."""
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", "Coopérative Tifawin"),
                          ("say", "Fatima Zahra Amrani"), ("say", "Agadir"),
                          ("press", "sector:argan"), ("press", "skip"),
                          ("say", "06 61 23 45 67"), ("press", "skip"),
                          ("say", "Huile d'argan cosmétique")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(1)) == ["photo_received"]
    for action, value in (("press", "done"), ("say", "Huile pressée à froid."),
                          ("say", "150 DH le litre"), ("say", "20 litres"), ("press", "yes"),
                          ("say", "Savon beldi")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(2)) == ["photo_received"]
    for action, value in (("press", "done"), ("say", "Savon noir à l'huile d'olive."),
                          ("say", "20 DH la pièce"), ("say", "100 pièces")):
        await getattr(owner, action)(value)
    steps = [
        ("press", "no", ["ask_buyer_questions"]),
        ("press", "yes", ["ask_capacity"]),
        ("say", "beaucoup", ["invalid_capacity"]),  # no number: a kind example, same question
        ("say", "200 litres par mois", ["ask_capacity"]),  # the second product's
        ("press", "skip", ["ask_lead_time"]),
        ("say", "3 semaines", ["ask_lead_time"]),
        ("say", "15 jours", ["ask_certifications"]),
        ("press", "cert:organic", ["ask_certifications_more"]),
        ("press", "cert:onssa", ["ask_certifications_more"]),
        ("press", "done", ["ask_certificate"]),
        ("say", "ECOCERT n° MA-BIO-154, valable jusqu'au 12/2027",
         ["certificate_noted", "ask_doc_photo"]),
        ("press", "skip", ["ask_certificate"]),  # no photo of it at hand
        ("say", "je cherche", ["invalid_certificate"]),
        ("press", "skip", ["ask_doc_photo"]),
        ("press", "skip", ["ask_fda"]),
        ("press", "fda:unknown", ["ask_export"]),
        ("press", "export:few", ["ask_export_countries"]),
        ("say", "France, Canada et Émirats", ["ask_packaging"]),
        ("say", "Bouteilles en verre de 250 ml, 24 par carton", ["ask_doc_photo"]),
        ("press", "skip", ["review_summary"]),
    ]
    for action, value, keys in steps:
        assert await getattr(owner, action)(value) == keys, (value, owner.keys)


def check_product_fields(products: list[dict]) -> None:
    oil, soap = products
    assert oil["capacity"] == {"quantity": "200", "unit": "l", "per": "month"}
    assert soap["capacity"] is None  # skipped
    assert oil["lead_time"] == {"quantity": "3", "unit": "week", "days": 21}
    assert soap["lead_time"] == {"quantity": "15", "unit": "day", "days": 15}
    assert oil["certifications"] == soap["certifications"] == CERTIFICATIONS


def check_business_fields(business: dict) -> None:
    assert business["fda_registered"] == "unknown"
    assert business["export_experience"] == {"level": "few",
                                             "countries": ["France", "Canada", "Émirats"]}
    assert business["packaging"] == "Bouteilles en verre de 250 ml, 24 par carton"


async def test_the_answers_reach_the_storefront_the_admin_the_csv_and_the_json_list(
        site, fake, db, settings, monkeypatch, capsys):  # noqa: F811
    owner = Owner(site)
    await answer_the_buyers(owner)
    assert await owner.press("submit") == ["submitted"]
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
        await until(lambda: _no_pending(db))

    # What the storefront stand-in received (it validates every body against the schema).
    sent = fake.storefronts[f"{sid}-1"]["body"]
    check_product_fields(sent["products"])
    check_business_fields(sent["business"])

    # The admin's page: a block of its own, and capacity and lead time per product.
    await add_user(db, "amina@tijara.ma")
    desk = Desk(site)
    await desk.login("amina@tijara.ma")
    page = await desk.text(f"/admin/submissions/{sid}")
    assert "Questions des acheteurs" in page and "MA-BIO-154" in page
    assert "21 jours" in page and "15 jours" in page and "Ne sait pas" in page
    assert "Quelques fois" in page and "Émirats" in page

    rows = list(csv.DictReader(io.StringIO((await (await desk.get(
        "/admin/export.csv?status=all")).read()).decode("utf-8-sig"))))
    oil, soap = rows
    assert (oil["capacity_quantity"], oil["capacity_unit"], oil["capacity_per"]) == (
        "200", "l", "month")
    assert (soap["capacity_quantity"], oil["lead_time_days"], soap["lead_time_days"]) == (
        "", "21", "15")
    assert oil["certifications"] == "organic ECOCERT MA-BIO-154 2027-12-31; onssa ONSSA"
    assert (oil["fda_registered"], oil["export_experience"], oil["export_countries"]) == (
        "unknown", "few", "France; Canada; Émirats")
    assert soap["packaging"] == "Bouteilles en verre de 250 ml, 24 par carton"

    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SECRET_KEY", "test-secret")
    capsys.readouterr()
    try:  # the CLI runs its own event loop, so it gets a thread of its own
        await asyncio.to_thread(main, ["submissions", "list", "--json"])
    except SystemExit as exit_:
        assert exit_.code == 0
    (listed,) = json.loads(capsys.readouterr().out)
    check_product_fields(listed["products"])
    check_business_fields(listed["business"])


async def test_skipped_questions_are_null_in_the_handoff(site, fake, db, settings):  # noqa: F811
    owner = Owner(site)
    await owner.start("fr-FR")
    for action, value in (("press", "lang:fr"), ("say", "oui"), ("say", "Atelier Cuir"),
                          ("say", "Karim Tazi"), ("say", "Fès"), ("press", "sector:leather"),
                          ("press", "skip"), ("say", "06 12 34 56 78"), ("press", "skip"),
                          ("say", "Sac en cuir")):
        await getattr(owner, action)(value)
    assert await owner.photo(photo_bytes(3)) == ["photo_received"]
    for action, value, keys in (("press", "done", ["ask_description"]),
                                ("say", "Cuir de chèvre.", ["ask_price"]),
                                ("say", "400 DH la pièce", ["ask_moq"]),
                                ("say", "10 pièces", ["readiness_tip", "ask_more_products"]),
                                ("press", "no", ["ask_buyer_questions"]),
                                ("press", "skip", ["review_summary"]),
                                ("press", "submit", ["submitted"])):
        assert await getattr(owner, action)(value) == keys
    (sid,) = await approve(db)
    ws = worker_settings(settings, site, fake)
    async with working(db, worker_handlers(db, ws, {})):
        await until(status_is(db, sid, "live"))
    sent = fake.storefronts[f"{sid}-1"]["body"]
    (product,) = sent["products"]
    assert (product["capacity"], product["lead_time"], product["certifications"]) == (
        None, None, None)
    assert (sent["business"]["fda_registered"], sent["business"]["export_experience"],
            sent["business"]["packaging"]) == (None, None, None)
