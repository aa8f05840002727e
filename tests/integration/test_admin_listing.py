"""The submission page shows the generated English listing beside the owner's words, each
sentence with the words it came from, and the listing's readiness (issue 18)."""

from __future__ import annotations

import csv
import html as entities
import io
import json
import re
from argparse import Namespace

from sqlmodel import select

from bot.cli import _list
from bot.outbox.body import body
from bot.signing import Signer
from flows.taxonomy import types
from storage import audit, corrections, submissions
from storage.models import ProductTranslation
from tests.fakes.storefront import validator
from tests.helpers import Owner, worker_handlers
from tests.integration.test_admin import (  # noqa: F401 - fixtures
    Desk,
    add_user,
    client,
    onboard,
    settings,
    submission_ids,
)
from tests.integration.test_buyerconv import to_the_certificate
from tests.integration.test_storefront import status_is, until, working


async def test_the_generated_listing_is_shown_with_its_evidence(client, db):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 2),))
    (sid,) = (await submission_ids(db)).values()
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert "Fiche anglaise générée" in page
    assert '<p class="en-title" lang="en" dir="ltr">Cosmetic Argan Oil</p>' in page
    assert "Code SH 1515.90" in page
    # "Pressée à froid, bio, de nos arganiers." -> two sentences, each with its words.
    assert "<span>Cold-pressed.</span>" in page and "<bdi>Pressée à froid</bdi>" in page
    assert "<span>Certification: certified organic.</span>" in page and "<bdi>bio</bdi>" in page
    # 150 DH le litre at the default rate, its date shown; 20 litres in US fl oz too.
    assert "Price: 150 MAD per L (about 15.00 USD per L at 0.10 USD/MAD, rate of 2025-06-01)." \
        in page
    assert "Minimum order: 20 L (676.3 US fl oz)." in page
    # No place named in the description: no origin sentence.
    assert "Morocco" not in page.split("Fiche anglaise générée")[1].split("</ul>")[0]
    assert "Prête pour les acheteurs" in page and "data-score=" in page

    await desk.get("/admin/lang/ar?next=/admin/submissions")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert "البطاقة الإنجليزية المولَّدة" in page and "جاهزية للمشترين" in page


# --- the reviewer's edits (issue 18, point 3) -------------------------------------------


def english_form(page: str, product_id: int) -> tuple[str, str]:
    """The English form's prefilled title and description for a product."""
    form = page.split(f'id="edit-english-{product_id}"')[1].split("</form>")[0]
    title = re.search(r'name="title_en" value="([^"]*)"', form).group(1)
    description = re.search(r'name="description_en"[^>]*>([^<]*)</textarea>', form).group(1)
    return title, description


async def products_of(db, sid: int):
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
    return [pv.product for pv in view.products]


async def test_the_reviewers_english_wins_in_the_handoff_the_list_and_the_csv(
        client, db, settings):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 2), ("Huile d'olive", 1)))
    (sid,) = (await submission_ids(db)).values()
    argan, olive = await products_of(db, sid)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    # The form opens on the generated listing, marked as such.
    title, description = english_form(page, argan.id)
    assert title == "Cosmetic Argan Oil" and description.startswith("Cosmetic Argan Oil, ")
    assert f'id="english-{argan.id}" lang="en" dir="ltr" data-edited="no"' in page
    _, olive_description = english_form(page, olive.id)

    # A title of their own, the description left as generated, another type chosen.
    response = await desk.post(f"/admin/submissions/{sid}/products/{argan.id}/english", {
        "title_en": "Organic cold-pressed argan oil", "description_en": description,
        "type": "argan_oil_culinary", "action": "save"})
    assert "m=translation_saved" in response.headers["Location"]
    async with db.transaction() as session:
        (stored,) = (await session.execute(select(ProductTranslation))).scalars()
        edits = {e.field: (e.old, e.new) for e in await corrections.edits(session, sid)}
        (entry,) = await audit.recent(session, action="correction")
    # What was left as generated is not an edit: it follows the (new) type's listing.
    assert (stored.title_en, stored.description_en, stored.type_key) == (
        "Organic cold-pressed argan oil", "", "argan_oil_culinary")
    assert edits == {"product:1:title_en": ("", "Organic cold-pressed argan oil"),
                     "product:1:type": ("", "argan_oil_culinary")}
    assert (entry.actor, entry.subject) == ("admin:amina@tijara.ma", f"submission:{sid}")
    assert sorted(entry.detail["fields"]) == ["product:1:title_en", "product:1:type"]
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert 'data-edited="yes"' in page and "Retouché par l'équipe" in page
    assert english_form(page, argan.id)[0] == "Organic cold-pressed argan oil"
    assert english_form(page, argan.id)[1].startswith("Culinary Argan Oil (Roasted), ")
    # The generated sentences keep their evidence; the type is said to be the team's.
    assert "<bdi>Pressée à froid</bdi>" in page and "type choisi par l'équipe" in page
    # The olive oil, untouched: its generated text, and nothing stored for it.
    assert english_form(page, olive.id)[1] == olive_description

    assert (await desk.post(f"/admin/submissions/{sid}/decision", {"decision": "approve"})
            ).status == 303
    async with working(db, worker_handlers(db, settings, {})):  # no backend: the export folder
        await until(status_is(db, sid, "exported"))
    document = json.loads((settings.var_dir / "exports" / str(sid) / "submission.json")
                          .read_text())
    assert list(validator("StorefrontRequest").iter_errors(document)) == []
    first, second = document["products"]
    assert first["en"]["name"] == "Organic cold-pressed argan oil"
    assert first["en"]["description"].startswith("Culinary Argan Oil (Roasted), ")
    assert (first["type"]["key"], first["type"]["source"]) == ("argan_oil_culinary", "reviewer")
    assert first["hs_code"] == "1515.90"
    assert second["en"] == {"name": english_form(page, olive.id)[0],
                            "description": olive_description}
    assert second["type"]["source"] == "recognised"
    assert first["price"]["usd"] == {"amount": "15.00", "amount_max": None,
                                     "usd_per_mad": "0.10", "rate_date": "2025-06-01"}

    # `tijara submissions list --json`: the same per product.
    out = io.StringIO()
    await _list(db, Namespace(json=True, status=None), Signer("test-secret", "http://x"), out,
                rate=settings.usd_rate)
    (item,) = json.loads(out.getvalue())
    for listed, sent in zip(item["products"], document["products"], strict=True):
        for key in ("en", "type", "hs_code", "attributes", "capacity", "lead_time",
                    "certifications"):
            assert listed[key] == sent[key], key
        assert listed["price"]["usd"] == sent["price"]["usd"]

    # The admin CSV: the same English and fields, one line per product.
    response = await desk.get("/admin/export.csv")
    lines = list(csv.DictReader(io.StringIO((await response.text()).removeprefix("\ufeff"))))
    assert [(line["title_en"], line["description_en"]) for line in lines] == [
        (p["en"]["name"], p["en"]["description"]) for p in document["products"]]
    assert [(line["type"], line["hs_code"], line["price_usd"], line["usd_rate_date"])
            for line in lines] == [
        (p["type"]["key"], p["hs_code"], p["price"]["usd"]["amount"], "2025-06-01")
        for p in document["products"]]
    assert lines[0]["attributes"] == "; ".join(
        f"{a['name']}: {a['value']}" for a in first["attributes"])


async def test_back_to_the_generated_listing_and_what_is_refused(client, db):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    (argan,) = await products_of(db, sid)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    path = f"/admin/submissions/{sid}/products/{argan.id}/english"
    generated = english_form(entities.unescape(
        await desk.text(f"/admin/submissions/{sid}")), argan.id)
    # Saved as prefilled: nothing to store.
    response = await desk.post(path, {"title_en": generated[0], "description_en": generated[1]})
    assert "m=nothing_changed" in response.headers["Location"]
    # A type the taxonomy does not hold, or no CSRF token: nothing stored.
    response = await desk.post(path, {"title_en": "Argan oil", "type": "unicorn_oil"})
    assert "e=invalid_value" in response.headers["Location"]
    forged = await desk.post(path, {"title_en": "Argan oil", "csrf": "forged"}, csrf=False)
    assert forged.status == 403
    async with db.transaction() as session:
        assert (await session.execute(select(ProductTranslation))).first() is None

    await desk.post(path, {"title_en": "Argan oil", "description_en": "Our own words."})
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert english_form(page, argan.id) == ("Argan oil", "Our own words.")
    assert f'id="english-reset-{argan.id}"' in page
    response = await desk.post(path, {"action": "reset"})
    assert "m=english_reset" in response.headers["Location"]
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert english_form(page, argan.id) == generated
    assert f'id="english-reset-{argan.id}"' not in page
    async with db.transaction() as session:
        (stored,) = (await session.execute(select(ProductTranslation))).scalars()
        fields = [e.field for e in await corrections.edits(session, sid)]
        entries = await audit.recent(session, action="correction")
    assert (stored.title_en, stored.description_en, stored.type_key) == ("", "", None)
    assert fields.count("product:1:title_en") == 2  # written, then reset: both recorded
    assert entries[0].detail["reset"] is True


async def test_the_owners_type_answer_reaches_the_review_page_and_the_handoff(
        client, db, settings):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    owner = Owner(client)
    await to_the_certificate(owner)  # "Babouches": asked, the owner chose "embroidered"
    for _ in range(6):  # the rest of the buyers' questions skipped
        if owner.keys[-1] == "review_summary":
            break
        await owner.press("skip")
    assert await owner.press("submit") == ["submitted"]
    (sid,) = (await submission_ids(db)).values()
    (product,) = await products_of(db, sid)
    assert product.owner_type == "babouches_embroidered"
    desk = Desk(client)
    await desk.login("amina@tijara.ma")
    page = entities.unescape(await desk.text(f"/admin/submissions/{sid}"))
    assert "type choisi par le propriétaire" in page
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
        english = await submissions.english_texts(session, [view.business.id])
    sent = body(view, Signer("test-secret", "http://x"), translations=english[view.business.id],
                rate=settings.usd_rate)["products"][0]
    assert (sent["type"]["key"], sent["type"]["source"]) == ("babouches_embroidered", "owner")
    assert sent["en"]["name"].startswith(types()["babouches_embroidered"].en)
