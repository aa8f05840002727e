"""The product taxonomy: its data is complete, and owners' words in four locales find the
right type, attributes and claims (flows.taxonomy)."""

from __future__ import annotations

import re

import pytest

from flows.choices import SECTORS, UNITS
from flows.taxonomy import (
    CONFIDENT,
    LOCALES,
    attribute_values,
    match_type,
    read_attributes,
    read_claims,
    types,
)


def test_the_taxonomy_covers_the_sectors_with_about_150_types():
    catalogue = types()
    assert len(catalogue) >= 150
    assert {t.sector for t in catalogue.values()} == set(SECTORS)


@pytest.mark.parametrize("ptype", list(types().values()), ids=lambda t: t.key)
def test_every_type_has_a_real_looking_hs_code_units_and_words_in_every_locale(ptype):
    assert re.fullmatch(r"\d{6}", ptype.hs), ptype.hs
    assert 1 <= int(ptype.hs[:2]) <= 97  # HS chapters
    assert set(ptype.units) <= set(UNITS)
    assert set(ptype.attrs) <= {k for k, _ in attribute_values()} | {"size", "volume", "weight"}
    for locale in LOCALES:
        assert ptype.words[locale], (ptype.key, locale)


def test_known_hs_headings_are_the_ones_customs_use():
    catalogue = types()
    assert catalogue["argan_oil_cosmetic"].hs_code == "1515.90"
    assert catalogue["olive_oil_extra_virgin"].hs_code == "1509.20"
    assert catalogue["honey_thyme"].hs_code == "0409.00"
    assert catalogue["saffron"].hs_code == "0910.20"
    assert catalogue["dates_medjool"].hs_code == "0804.10"
    assert catalogue["wool_rug"].hs_code == "5701.10"
    assert catalogue["kilim_rug"].hs_code == "5702.10"
    assert catalogue["leather_handbag"].hs_code == "4202.21"
    assert catalogue["zellige_tiles"].hs.startswith("6907")
    assert catalogue["tagine_cooking"].hs_code == "6912.00"
    assert catalogue["brass_lantern"].hs.startswith("9405")


def test_the_data_file_says_codes_must_be_checked_by_a_customs_broker():
    from flows.taxonomy import DATA
    header = (DATA / "taxonomy.tsv").read_text(encoding="utf-8").split("\n# key")[0]
    assert "6-digit" in header and "customs broker" in header


@pytest.mark.parametrize(("name", "description", "expected"), [
    ("zit argan", "m3sour bared", "argan_oil_cosmetic"),
    ("Zit l'argan mgli", "", "argan_oil_culinary"),
    ("huile d'argan torréfiée", "", "argan_oil_culinary"),
    ("زيت الزيتون", "", "olive_oil_extra_virgin"),
    ("3ssel z3itra", "mn jbel", "honey_thyme"),
    ("الزعفران الحر", "", "saffron"),
    ("tmer mejhoul", "", "dates_medjool"),
    ("زربية بني ورين", "", "beni_ourain_rug"),
    ("Tapis berbère en laine", "", "wool_rug"),
    ("حنبل", "", "kilim_rug"),
    ("bel9a", "jeld", "babouches_leather"),
    ("sac à main en cuir", "", "leather_handbag"),
    ("zlij fassi", "", "zellige_tiles"),
    ("طاجين", "ديال الطين", "tagine_cooking"),
    ("fnar n7as", "", "brass_lantern"),
    ("boîte en thuya", "", "thuya_box"),
    ("saboun beldi", "", "black_soap"),
    ("seksou", "roulé à la main", "couscous_wheat"),
])
def test_owner_words_match_their_type_confidently(name, description, expected):
    m = match_type(name, description)
    assert m.type is not None and m.type.key == expected
    assert m.sure and m.confidence >= CONFIDENT
    assert m.evidence  # the words that decided it


def test_unknown_words_match_nothing():
    m = match_type("chi 7aja zwina", "ghir jarbo")
    assert m.type is None and not m.sure and m.candidates == ()


def test_a_word_two_types_share_is_not_confident_and_offers_the_likeliest():
    # A description that names two products equally: ask, with both as choices.
    m = match_type(None, "zerbia w pouf")
    assert not m.sure
    keys = [t.key for t in m.candidates]
    assert "wool_rug" in keys and "pouf" in keys
    assert len(m.candidates) <= 3


def test_the_business_sector_breaks_a_tie():
    assert match_type(None, "zerbia w pouf", "carpets").type.key == "wool_rug"
    assert match_type(None, "zerbia w pouf", "leather").type.key == "pouf"


def test_attributes_with_the_owners_words_as_evidence():
    rug = types()["beni_ourain_rug"]
    found = {(f.kind, f.key): f.evidence
             for f in read_attributes("زربية بني ورين، صوف بيض 200x150", rug)}
    assert found[("material", "wool")] == "صوف"
    assert found[("colour", "white")] == "بيض"
    assert found[("size", "200 × 150 cm")] == "200x150"
    # "بني" names the rug (Beni Ourain); it is not the colour brown.
    assert ("colour", "brown") not in found


def test_sizes_volumes_and_weights_in_their_units():
    def one(text, key, kind):
        return [f.key for f in read_attributes(text, types()[key]) if f.kind == kind]
    assert one("zerbia 2 x 1,5 m", "wool_rug", "size") == ["200 × 150 cm"]
    assert one("zerbia 3*2", "wool_rug", "size") == ["300 × 200 cm"]
    assert one("zit argan 25cl", "argan_oil_cosmetic", "volume") == ["250 ml"]
    assert one("عسل ١ كيلو", "honey_thyme", "weight") == ["1 kg"]
    # A rug is not sold by weight: "3 kg" says nothing a buyer filters rugs by.
    assert one("zerbia 3 kg", "wool_rug", "weight") == []


def test_claims_from_the_glossary_in_four_locales():
    def keys(text):
        return {f.key for f in read_claims(text)}
    assert "cold_pressed" in keys("زيت معصور بارد")
    assert "cold_pressed" in keys("m3sour bared")
    assert "cold_pressed" in keys("huile pressée à froid")
    assert "cold_pressed" in keys("معصور على البارد")
    assert "hand_woven" in keys("mnsouj bl yed")
    assert "natural_dyes" in keys("teintures naturelles")
    assert keys("t3awniya nisa2iya") == {"women_cooperative"}  # not also "a cooperative"


def test_a_claim_word_that_names_the_product_is_no_claim():
    soap = types()["black_soap"]
    assert read_claims("saboun beldi", soap) == []
    assert [f.key for f in read_claims("zit zitoun beldi", None)] == ["pure"]
