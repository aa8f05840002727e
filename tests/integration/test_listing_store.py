"""Each product's English listing is stored when what it is made of changes, and read
back as computed (issues 14 and 18): after a submission, a correction of a product or of
the sector, a reviewer's edit and its reset; a listing of another version is computed
afresh, never served stale."""

from __future__ import annotations

import csv
import io
import json
from argparse import Namespace

import sqlalchemy as sa

from bot.cli import _list
from bot.outbox.body import body
from bot.signing import Signer
from flows.published import kept, published, version
from storage import submissions
from storage.listings import edits, product_draft
from storage.models import Product
from tests.integration.test_admin import (  # noqa: F401 - fixtures
    Desk,
    add_user,
    client,
    onboard,
    settings,
    submission_ids,
)

SIGNER = Signer("test-secret", "http://x")


async def handed_on(db, sid: int, rate) -> list[tuple]:
    """The products of the handoff body, with what their listing was computed from."""
    async with db.transaction() as session:
        (view,) = await submissions.views(session, ids=[sid])
        texts = (await submissions.english_texts(session, [view.business.id]))[view.business.id]
    document = body(view, SIGNER, translations=texts, rate=rate)
    return [(pv.product, view.business.sector, texts.get(pv.product.position), sent)
            for pv, sent in zip(view.products, document["products"], strict=True)]


async def assert_stored_is_computed(db, sid: int, rate) -> list[dict]:
    """Every product's stored listing is the one computed now from its row, and the
    handoff reads the whole listing back (its description ending with the price at the
    rate of the moment) as `published` writes it."""
    sent_products = []
    for p, sector, t, sent in await handed_on(db, sid, rate):
        assert p.listing_version == version()
        assert p.listing == kept(product_draft(p), sector, edits(t))
        whole = published(product_draft(p), sector, rate, edits(t))
        assert sent["en"] == {"name": whole.name, "description": whole.description}
        assert sent["attributes"] == whole.attributes
        assert (sent["type"] or {}).get("key") == (whole.type.key if whole.type else None)
        sent_products.append(sent)
    return sent_products


async def test_the_stored_listing_follows_every_change(client, db, settings):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client, products=(("Huile d'argan", 1), ("Huile d'olive", 1)))
    (sid,) = (await submission_ids(db)).values()
    rate = settings.usd_rate
    argan, olive = await assert_stored_is_computed(db, sid, rate)  # as submitted
    assert argan["type"]["key"].startswith("argan_oil")
    assert "USD" in argan["en"]["description"]  # the price at the rate, added when read
    products = [p for p, *_ in await handed_on(db, sid, rate)]
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    # A product corrected into a rug: its stored listing is a rug's.
    response = await desk.post(f"/admin/submissions/{sid}/products/{products[0].id}", {
        "name": "Tapis berbère", "description": "Tapis en laine, fait main, 200x150 cm",
        "price_amount": "1200", "price_unit": "piece", "moq_quantity": "2",
        "moq_unit": "piece"})
    assert response.status == 303
    rug, _ = await assert_stored_is_computed(db, sid, rate)
    assert "rug" in rug["type"]["key"] and "Material: wool." in rug["en"]["description"]

    # The sector corrected: every product's listing computed again.
    assert (await desk.post(f"/admin/submissions/{sid}/business",
                            {"sector": "carpets"})).status == 303
    await assert_stored_is_computed(db, sid, rate)

    # The reviewer's title and type, then back to the generated listing.
    path = f"/admin/submissions/{sid}/products/{products[1].id}/english"
    await desk.post(path, {"title_en": "Extra virgin olive oil from the Atlas",
                           "description_en": "", "type": "argan_oil_culinary",
                           "action": "save"})
    _, edited = await assert_stored_is_computed(db, sid, rate)
    assert edited["en"]["name"] == "Extra virgin olive oil from the Atlas"
    assert (edited["type"]["key"], edited["type"]["source"]) == ("argan_oil_culinary",
                                                                 "reviewer")
    await desk.post(path, {"action": "reset"})
    _, reset = await assert_stored_is_computed(db, sid, rate)
    assert reset["en"] == olive["en"] and reset["type"] == olive["type"]


async def listed_products(db, rate) -> list[dict]:
    """The products' English listing in `tijara submissions list --json` (not their image
    links: they expire from the second they are made)."""
    out = io.StringIO()
    await _list(db, Namespace(json=True, status=None), SIGNER, out, rate=rate)
    (item,) = json.loads(out.getvalue())
    return [{**{k: p[k] for k in ("name", "description", "en", "type", "hs_code",
                                  "attributes")}, "usd": p["price"]["usd"]}
            for p in item["products"]]


async def test_a_listing_of_another_version_is_computed_again(client, db, settings):  # noqa: F811
    await add_user(db, "amina@tijara.ma")
    await onboard(client)
    (sid,) = (await submission_ids(db)).values()
    rate = settings.usd_rate
    fresh = await listed_products(db, rate)
    desk = Desk(client)
    await desk.login("amina@tijara.ma")

    async def readers() -> tuple[dict, dict, dict]:
        (sent,) = [s for *_, s in await handed_on(db, sid, rate)]
        (line,) = csv.DictReader(io.StringIO(
            (await (await desk.get("/admin/export.csv")).text()).removeprefix("\ufeff")))
        (listed,) = await listed_products(db, rate)
        return sent, line, listed

    async def store(listing: dict | None, stamp: str | None) -> None:
        async with db.transaction() as session:
            await session.execute(sa.update(Product).values(listing=listing,
                                                            listing_version=stamp))

    (stored,) = [p.listing for p, *_ in await handed_on(db, sid, rate)]
    tampered = {**stored, "name": "As stored", "hs_code": "0000.00"}
    # Stamped by another version (an older taxonomy), or not stored at all (rows from
    # before the column): every reader computes the listing as it is now, not as stored.
    for listing, stamp in ((tampered, "0:older"), (None, None)):
        await store(listing, stamp)
        sent, line, listed = await readers()
        assert listed == fresh[0]
        assert sent["en"] == listed["en"] and sent["hs_code"] == listed["hs_code"]
        assert (line["title_en"], line["hs_code"]) == (listed["en"]["name"], listed["hs_code"])
    # Stamped by this version: that is what every reader hands on, as stored.
    await store(tampered, version())
    sent, line, listed = await readers()
    assert sent["en"]["name"] == listed["en"]["name"] == line["title_en"] \
        == "As stored"
    assert sent["hs_code"] == listed["hs_code"] == line["hs_code"] == "0000.00"
