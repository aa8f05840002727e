"""The English listing says only what the owner's words support (flows.listing), and
readiness names the most valuable thing to add (flows.readiness)."""

from __future__ import annotations

from decimal import Decimal

from bot.i18n import catalog
from bot.settings import Settings
from flows.listing import Rate, build_listing, measure, origin
from flows.model import Amount, ConversationState, Draft, Photo, ProductDraft
from flows.readiness import readiness
from tests.unit.test_engine import NOW, keys, talk

RATE = Rate(Decimal("0.1"), "2026-12-01")


def _rug(**extra) -> ProductDraft:
    return ProductDraft(
        name="زربية بني ورين",
        description="صوف حر، منسوجة باليد، 200x150، خدمات تعاونية نسائية ف تارودانت",
        price=Amount(amount=Decimal(3500), unit="piece"),
        moq=Amount(amount=Decimal(2), unit="piece"), **extra)


def test_a_darija_rug_becomes_an_english_listing_with_its_evidence():
    listing = build_listing(_rug(), "carpets", RATE)
    assert listing.title == "Beni Ourain Rug (Hand-Knotted Wool), 200 × 150 cm"
    assert listing.hs_code == "5701.10" and listing.category == "Rugs and Carpets"
    text = dict(listing.sentences)
    assert text["Material: wool."] == ("صوف",)
    assert text["Size: 200 × 150 cm (78.7 × 59.1 in)."] == ("200x150",)
    assert text["Hand-woven."] == ("منسوجة باليد",)
    assert text["Made by a women's cooperative in Taroudant, Souss-Massa, Morocco."] == (
        "تعاونية نسائية", "ف تارودانت")
    assert ("Price: 3,500 MAD per piece (about 350.00 USD per piece at 0.1 USD/MAD, "
            "rate of 2026-12-01).") in text
    assert "Minimum order: 2 pieces." in text
    assert listing.price_usd == Decimal("350.00")


def test_every_sentence_carries_the_words_it_came_from():
    listing = build_listing(_rug(), "carpets", RATE)
    words = f"{_rug().name}\n{_rug().description}"
    for sentence, evidence in listing.sentences:
        assert evidence, sentence
        for e in evidence:
            assert e in words or e.startswith(("price:", "minimum order:")), (sentence, e)


def test_nothing_is_invented():
    bare = ProductDraft(name="zerbia", description="zwina bzaf")
    listing = build_listing(bare, "carpets", RATE)
    assert listing.title == "Hand-Knotted Berber Wool Rug"
    assert [s for s, _ in listing.sentences] == [
        "Hand-Knotted Berber Wool Rug, rugs and carpets (HS 5701.10)."]
    # No origin without the owner naming a place; no price without a price.
    assert "Morocco" not in listing.description and "USD" not in listing.description


def test_an_unrecognised_product_gets_no_title_and_no_type():
    listing = build_listing(ProductDraft(name="chi 7aja", description="wa3ra"), None, RATE)
    assert listing.title == "" and listing.hs_code == "" and listing.sentences == ()


def test_an_oil_in_french_with_claims_origin_and_us_units():
    oil = ProductDraft(name="Huile d'argan", description="pressée à froid, bio, 250 ml, "
                       "de Taroudant", price=Amount(amount=Decimal(300), unit="l"),
                       moq=Amount(amount=Decimal(20), unit="l"))
    listing = build_listing(oil, "argan", RATE)
    assert listing.title == "Cosmetic Argan Oil, 250 ml"
    said = [s for s, _ in listing.sentences]
    assert "Cold-pressed." in said
    assert "Certification: certified organic." in said
    assert "Volume: 250 ml (8.5 US fl oz)." in said
    assert "Made in Taroudant, Souss-Massa, Morocco." in said
    assert "Minimum order: 20 L (676.3 US fl oz)." in said


def test_a_price_per_kg_also_reads_per_pound():
    honey = ProductDraft(name="3sel z3itra", price=Amount(amount=Decimal(400), unit="kg"))
    text = build_listing(honey, "food", RATE).description
    assert "400 MAD per kg (about 40.00 USD per kg" in text and "18.14 USD per lb" in text


def test_measures_in_the_owners_unit_and_the_buyers():
    assert measure(Decimal(100), "kg") == "100 kg (220.5 lb)"
    assert measure(Decimal(50), "m2") == "50 m² (538.2 sq ft)"
    assert measure(Decimal(1), "piece") == "1 piece"


def test_origin_only_where_the_owner_names_a_town():
    assert origin("mn taroudant")[0] == "Taroudant, Souss-Massa"
    assert origin("zerbia zwina bzaf") is None


def test_the_rate_and_its_date_are_settings():
    settings = Settings(_env_file=None, usd_per_mad="0.11", usd_per_mad_date="2026-11-30")
    assert settings.usd_per_mad == Decimal("0.11") and settings.usd_per_mad_date == "2026-11-30"


def test_readiness_asks_for_photos_first_then_what_buyers_filter_by():
    rug = _rug(photos=[Photo(media_id=1)])
    first = readiness(rug, "carpets")
    assert first.next == "photos" and first.photos_wanted == 4
    rug.photos = [Photo(media_id=i) for i in range(4)]
    rug.description = "صوف"
    second = readiness(rug, "carpets")
    assert second.score > first.score and second.next == "attr_size"
    rug.description = "صوف بيض 200x150 رشمات أمازيغية"
    done = readiness(rug, "carpets")
    assert done.score == 100 and done.next is None


def test_readiness_of_a_product_without_price_names_the_price():
    oil = ProductDraft(name="zit argan", description="250ml bio",
                       photos=[Photo(media_id=1), Photo(media_id=2)],
                       moq=Amount(amount=Decimal(10), unit="l"))
    assert readiness(oil, "argan").next == "price"


# --- the owner hears it once a product is described ----------------------------------------

def _at_moq(language: str, script: str, product: ProductDraft, **state):
    return ConversationState(step="moq", language=language, script=script, consent_at=NOW,
                             draft=Draft(business_name="Atlas", sector="carpets",
                                         products=[product]), **state)


def _rendered(replies, locale):
    return [catalog().text(locale, r.msg) for r in replies]


def test_the_owner_is_told_what_would_make_the_product_more_attractive():
    rug = ProductDraft(name="zerbia", description="souf 200x150",
                       photos=[Photo(media_id=1)], price=Amount(amount=Decimal(900), unit="m2"))
    state, replies = talk("3 zrabi", state=_at_moq("ary", "Latn", rug))
    assert keys(replies) == ["readiness_tip", "ask_more_products"]
    said = _rendered(replies, "ary-Latn")[0]
    assert said.startswith("⭐ Lfiche") and "tsawer (4 f lmejmou3" in said
    state, replies = talk("3 tapis", state=_at_moq("fr", "Latn", ProductDraft(
        name="Tapis", description="laine, 200x150, rouge, motifs berbères",
        photos=[Photo(media_id=i) for i in range(4)],
        price=Amount(amount=Decimal(900), unit="m2"))))
    assert _rendered(replies, "fr")[0] == "⭐ Fiche complète pour les acheteurs (100 %)."


def test_no_readiness_line_while_editing_one_field():
    rug = ProductDraft(name="zerbia", photos=[Photo(media_id=1)],
                       price=Amount(amount=Decimal(900), unit="m2"))
    _, replies = talk("3 zrabi", state=_at_moq("ary", "Latn", rug, editing=True))
    assert "readiness_tip" not in keys(replies)


def test_a_stored_listing_reads_back_as_the_listing_at_any_rate():
    """What is stored of a listing (flows.published.kept, JSON) leaves out only what the
    rate changes: read back at a rate, or none, it is the listing `published` writes."""
    import json

    from flows.published import Edits, fields, kept, priced, published

    honey = ProductDraft(name="3sel dyal zgougou", description="beldi, mn Imouzzer",
                         price=Amount(amount=Decimal(90), amount_max=Decimal(120), unit="kg"))
    products = [(_rug(), "carpets"), (honey, "food"),
                (ProductDraft(name="chi 7aja", description="wa3ra"), None)]
    edits = [None, Edits(title="Our rug"), Edits(description="Our words.", type_key="wool_rug")]
    for (product, sector), edit in ((p, e) for p in products for e in edits):
        stored = json.loads(json.dumps(kept(product, sector, edit)))
        for rate in (RATE, Rate(Decimal("0.11"), "2027-01-01"), None):
            whole = published(product, sector, rate, edit)
            read = fields(stored, priced(product.price, product.moq, rate))
            name, description = whole.name, whole.description
            assert read["en"] == ({"name": name, "description": description}
                                  if name or description else None)
            assert read["attributes"] == whole.attributes
            assert read["hs_code"] == (whole.type.hs_code if whole.type else None)
            assert (read["type"] or {}).get("key") == (whole.type.key if whole.type else None)
