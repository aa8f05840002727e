"""What changed between two revisions (storage/revisions.py): a pure function over two
snapshots, so a reviewer of a resubmission sees fields, products and photos that moved."""

from __future__ import annotations

from types import SimpleNamespace as NS

from storage.revisions import FieldChange, diff, snapshot


def photo(sha: str) -> dict:
    return {"sha256": sha * 64, "thumbnail_sha256": f"t{sha}" * 32}


def product(name, price="150", *, photos=(), description="Huile pressée à froid",
            unit="l", moq="20", moq_unit="l") -> dict:
    return {"name": name, "description": description, "price_amount": price,
            "price_max": None, "price_unit": unit, "moq_quantity": moq, "moq_unit": moq_unit,
            "photos": [photo(p) for p in photos]}


def revision(*products, **business) -> dict:
    base = {"business_name": "Tifawin", "owner_name": "Fatima Amrani", "phone": "+212661234567",
            "email": None, "city": "Agadir", "region": "souss_massa", "sector": "argan",
            "ice": None}
    return {"business": {**base, **business}, "products": list(products)}


def test_the_same_revision_has_no_changes():
    one = revision(product("Huile d'argan", photos="ab"))
    assert not diff(one, one)
    assert diff(one, one).products == [] and diff(one, one).business == []


def test_business_fields_old_to_new():
    changes = diff(revision(), revision(city="Tiznit", ice="001525289000092", email=""))
    assert changes.business == [FieldChange("city", "Agadir", "Tiznit"),
                                FieldChange("ice", None, "001525289000092")]  # "" is empty


def test_a_product_changed_in_price_moq_and_description_keeps_its_name():
    old = revision(product("Huile d'argan", "150", photos="a"))
    new = revision(product("Huile d'argan", "160", moq="10", description="Bio",
                           photos="a"))
    (change,) = diff(old, new).products
    assert (change.kind, change.number, change.name) == ("changed", 1, "Huile d'argan")
    assert change.fields == [
        FieldChange("description", "Huile pressée à froid", "Bio"),
        FieldChange("price_amount", "150", "160"), FieldChange("moq_quantity", "20", "10")]
    assert change.photos_added == change.photos_removed == []


def test_photos_added_and_removed_are_told_apart():
    old = revision(product("Savon noir", photos="abc"))
    new = revision(product("Savon noir", photos="bcd"))
    (change,) = diff(old, new).products
    assert change.fields == []
    assert [p["sha256"] for p in change.photos_added] == ["d" * 64]
    assert [p["sha256"] for p in change.photos_removed] == ["a" * 64]
    assert change.photos_removed[0]["thumbnail_sha256"] == "ta" * 32


def test_a_product_removed_before_another_does_not_make_the_rest_look_changed():
    old = revision(product("Huile d'argan", photos="a"), product("Savon noir", photos="b"),
                   product("Amlou", photos="c"))
    new = revision(product("Savon noir", photos="b"), product("Amlou", photos="c"))
    (change,) = diff(old, new).products
    assert (change.kind, change.number, change.name) == ("removed", 1, "Huile d'argan")
    assert [p["sha256"] for p in change.photos_removed] == ["a" * 64]


def test_a_product_added_and_a_renamed_one_found_by_its_photo():
    old = revision(product("zit argan", photos="a"))
    new = revision(product("Huile d'argan cosmétique", photos="ae"),
                   product("Amlou", "90", photos="f", unit="kg"))
    renamed, added = diff(old, new).products
    assert (renamed.kind, renamed.number) == ("changed", 1)
    assert renamed.fields == [FieldChange("name", "zit argan", "Huile d'argan cosmétique")]
    assert [p["sha256"] for p in renamed.photos_added] == ["e" * 64]
    assert (added.kind, added.number, added.name) == ("added", 2, "Amlou")
    assert [p["sha256"] for p in added.photos_added] == ["f" * 64]


def test_names_match_whatever_the_case_and_spaces_then_by_place():
    old = revision(product("Huile  d'Argan", photos="a"), product("Tapis", photos="b"))
    new = revision(product("huile d'argan", photos="a"), product("Zerbiya", photos="z"))
    first, second = diff(old, new).products
    assert first.fields == [FieldChange("name", "Huile  d'Argan", "huile d'argan")]
    # Nothing in common but the place: the same product, renamed and photographed again.
    assert (second.kind, second.number) == ("changed", 2)
    assert second.fields == [FieldChange("name", "Tapis", "Zerbiya")]


def test_a_snapshot_reads_a_submission_view():
    media = [NS(kind="photo", sha256="a" * 64, thumbnail_sha256="b" * 64),
             NS(kind="audio", sha256="c" * 64, thumbnail_sha256=None)]
    view = NS(business=NS(name="Tifawin", owner_name="Fatima", phone="+212661234567",
                          email="", city="Agadir", region="souss_massa", sector="argan",
                          ice=None),
              products=[NS(product=NS(position=1, name="Amlou", description="", price_amount="90",
                                      price_max=None, price_unit="kg", moq_quantity="5",
                                      moq_unit="kg"), media=[]),
                        NS(product=NS(position=0, name="Huile", description="Bio",
                                      price_amount="150", price_max=None, price_unit="l",
                                      moq_quantity="20", moq_unit="l"), media=media)])
    shot = snapshot(view)
    assert shot["business"]["business_name"] == "Tifawin" and shot["business"]["email"] is None
    assert [p["name"] for p in shot["products"]] == ["Huile", "Amlou"]  # by position
    assert shot["products"][0]["photos"] == [{"sha256": "a" * 64, "thumbnail_sha256": "b" * 64}]
    assert shot["products"][1]["description"] is None
