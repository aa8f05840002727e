"""Golden transcripts: the engine alone (no I/O), one conversation per locale.

Each scenario is a list of inputs; tests/golden/<name>.json records, per
input, the locale keys the bot answered with and the text in that locale,
and the final state. Regenerate after an intended change with
`pytest tests/unit/test_golden.py --update-golden`, then review the diff.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.i18n import catalog
from flows.engine import step
from flows.model import Context, ConversationState, Input, MediaRef, Reply

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


def photo(n: int) -> dict:
    return {"photo": n}


SCENARIOS: dict[str, list] = {
    "ary_latn_onboarding": [
        {"start": True, "text": "salam bghit n9ayed l'entreprise dyali"},
        "iyeh wakha",
        "smiya dyalha Cooperative Tifawin",
        "ana smiti Fatima Amrani",
        "ana f casa",
        "1",
        "douz",
        "0661234567",
        "douz",
        "zit l3ar9an dyal tjmil",
        photo(1), photo(2),
        "safi",
        "zit mzyana bzaf, m3sora b lyed f ta3awniya dyalna",
        "alf ryal l kilo",
        "wakha",
        "100",
        "kilo",
        "la",
        # The buyers' questions (flows.buyerq), answered in Darija.
        "iyeh",
        "chi 200 f chhar",
        "chi 3 simanat",
        "bio w onssa",
        "ECOCERT, n° MA-BIO-154, 31/12/2027",
        "douz",  # no photo of the organic certificate at hand
        "douz",
        "douz",  # nor of the ONSSA one
        "ma 3reftch",
        "chi mrat",
        "fransa w canada",
        "9ra3i d zaj d 250 ml, 24 f carton",
        photo(10),  # the packaging's photo, kept with what it shows
        {"payload": "submit"},
        "salam",
    ],
    "ary_arab_onboarding": [
        {"start": True, "text": "السلام عليكم بغيت نسجل الشركة ديالي"},
        "اه موافق",
        "الشركة ديالي سميتها تعاونية الأمل",
        "سميتي خديجة بناني",
        "الدار البيضاء",
        {"payload": "sector:carpets"},
        "001525478000036",
        "٠٦٦١٢٣٤٥٦٧",
        {"payload": "skip"},
        "زربية بني ورين",
        photo(3),
        {"payload": "done"},
        "زربية مصنوعة بالصوف الحر، خدمة اليد",
        "١٥٠٠ درهم للمتر",
        "5 زرابي",
        "لا",
        # The buyers' questions: a word no number is read in, then answers and a skip.
        "واخا",
        "بزاف",
        "شي 30 متر مربع ف الشهر",
        "شي 3 سيمانات",
        "ما عندنا حتى شهادة",
        "ديما",
        "فرانسا، ألمانيا وكندا",
        {"payload": "skip"},
        {"payload": "submit"},
    ],
    "fr_navigation": [
        {"start": True, "locale_hint": "fr-FR"},
        "oui d'accord",
        "oui",
        "Mon atelier s'appelle Atelier Cuir Fès",
        "aide",
        "Karim Tazi",
        "retour",
        "Karim Tazi",
        "Fes",
        {"payload": "sector:leather"},
        "passer",
        "où en suis-je",
        "06.12.34.56.78",
        "karim@exemple.ma",
        "Sac en cuir",
        "voici le sac",
        photo(4),
        "terminé",
        "Sac en cuir de chèvre tanné à Chouara.",
        "entre 300 et 450 DH",
        {"payload": "unit:piece"},
        "10",
        {"payload": "unit:piece"},
        "oui",
        "Babouches",
        photo(5),
        {"payload": "done"},
        "Babouches brodées à la main.",
        {"payload": "type:babouches_embroidered"},  # the matcher was unsure: asked once
        "120 dh la paire",
        "50 paires",
        "non",
        {"payload": "skip"},  # the buyers' questions, all at once
        {"payload": "edit:product:1"},
        {"payload": "edit:price"},
        "350 DH la pièce",
        {"payload": "edit:business"},
        {"payload": "edit:city"},
        "Meknès",
        "recommencer",
        "non",
        {"payload": "submit"},
    ],
    "ar_onboarding": [
        {"start": True, "text": "مرحبا، أريد تسجيل شركتي في المنصة"},
        "نعم أوافق",
        "اسم الشركة: شركة زيت الزيتون الذهبي",
        "اسمي أحمد المنصوري",
        "دوار لمهارزة",
        "لا أعرف",  # the nearest big town: not known either, so the regions
        {"payload": "region:souss-massa"},
        {"payload": "sector:olive_oil"},
        "12345678901234",
        "000012345678901",
        "+212 5 28 12 34 56",
        "ahmed@example.com",
        "زيت زيتون بكر ممتاز",
        photo(6),
        {"payload": "done"},
        "زيت معصور على البارد من زيتون منطقتنا",
        "80 درهم للتر",
        "200 لتر",
        "لا",
        # The buyers' questions, with the buttons.
        {"payload": "yes"},
        "500 لتر في الشهر",
        "أسبوعين",
        {"payload": "cert:organic"},
        {"payload": "cert:iso"},
        {"payload": "done"},
        "ECOCERT رقم MA-BIO-2231 صالحة حتى 30/06/2027",
        photo(11),  # the organic certificate's photo
        {"payload": "skip"},
        {"payload": "skip"},  # no photo of the ISO certificate
        {"payload": "yes"},
        "بضع مرات",
        "كندا والولايات المتحدة",
        "قنينات زجاجية سعة 750 مل، 12 في كل كرتونة",
        {"payload": "skip"},  # no photo of the packaging
        {"payload": "submit"},
    ],
    "bad_input": [
        {"start": True},
        "ok",
        "Karim",
        {"payload": "lang:fr"},
        {"payload": "yes"},
        "",
        "x" * 10_000,
        "😀😀😀",
        "<script>alert('x')</script> Atlas",
        {"payload": "sector:argan"},
        {"payload": "something-unknown"},
        "\u202eAmina Ouali",
        photo(7),
        "ksar",
        {"payload": "city:casablanca"},
        {"payload": "city:ksar-el-kebir"},
        {"payload": "sector:food"},
        "0015254780000361",
        "passer",
        "pas un numéro",
        "0612345678",
        "pas un email",
        "passer",
        "Amlou",
        "ceci n'est pas une photo",
        {"photo": 0, "invalid": True},
        {"payload": "done"},
        photo(8),
        {"payload": "done"},
        {"photo": 9},
        "Robert'); DROP TABLE business;--",
        "ghali",
        "?",
        "3000 ryal",
        "non",
        "150 dh le pot",
        "beaucoup",
        "100 boîtes",
        {"payload": "lang:ar"},
        "لا",
        {"payload": "back"},
    ],
}


def to_input(item) -> Input:
    if isinstance(item, str):
        return Input(text=item)
    if "photo" in item:
        n = item["photo"]
        kind = "invalid" if item.get("invalid") else "photo"
        ref = MediaRef(None if kind == "invalid" else 100 + n, kind, f"{n:064x}", 1200, 900,
                       reason="not_image" if kind == "invalid" else "")
        return Input(media=(ref,))
    return Input(text=item.get("text"), payload=item.get("payload"),
                 locale_hint=item.get("locale_hint"), is_start=item.get("start", False))


def run(scenario: list) -> dict:
    cat = catalog()
    ctx = Context(now=NOW, channel="web", lexicon=cat.lexicon())
    state = ConversationState()
    turns = []
    for item in scenario:
        state, effects = step(state, to_input(item), ctx)
        replies = [e for e in effects if isinstance(e, Reply)]
        shown = item if not isinstance(item, str) or len(item) < 80 else item[:40] + "…"
        turns.append({
            "input": shown,
            "keys": [r.key for r in replies],
            "locale": state.locale,
            "text": [cat.render(state.locale, r).text for r in replies],
        })
    return {"turns": turns, "state": state.model_dump(mode="json")}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_golden_transcript(name, request):
    result = run(SCENARIOS[name])
    path = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden") or not path.exists():
        path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"{path.name} was missing and has been written; review and commit it")
    expected = json.loads(path.read_text())
    for i, (got, want) in enumerate(zip(result["turns"], expected["turns"], strict=True)):
        assert got["keys"] == want["keys"], (i, got["input"], got["text"])
        assert got["text"] == want["text"], (i, got["input"])
    assert result["state"] == expected["state"]


def test_every_scenario_ends_where_expected():
    """What the transcripts must show, whatever the wording."""
    ends = {name: run(s) for name, s in SCENARIOS.items()}
    for name in ("ary_latn_onboarding", "ary_arab_onboarding", "ar_onboarding", "fr_navigation"):
        assert ends[name]["state"]["step"] == "submitted", name
        assert ends[name]["state"]["revision"] == 1
    latn = ends["ary_latn_onboarding"]
    assert latn["turns"][0]["locale"] == "ary-Latn"
    assert latn["state"]["draft"]["city_id"] == "casablanca"
    price = latn["state"]["draft"]["products"][0]["price"]
    assert (price["amount"], price["unit"]) == ("50", "kg")  # alf ryal = 50 DH, confirmed
    assert latn["turns"][-1]["keys"] == ["already_submitted"]
    arab = ends["ary_arab_onboarding"]
    assert arab["turns"][0]["locale"] == "ary-Arab"
    assert arab["state"]["draft"]["phone"] == "+212661234567"
    fr = ends["fr_navigation"]["state"]["draft"]
    assert fr["city_id"] == "meknes" and fr["region"] == "fes-meknes"
    assert fr["products"][0]["price"]["amount"] == "350"
    assert [p["name"] for p in fr["products"]] == ["Sac en cuir", "Babouches"]
    ar = ends["ar_onboarding"]["state"]["draft"]
    assert ar["region"] == "souss-massa" and ar["city_id"] is None
    assert ar["ice"] == "000012345678901"
    # The buyers' answers, read the way prices and quantities are.
    latn_product = latn["state"]["draft"]["products"][0]
    assert latn_product["capacity"] == {"quantity": "200", "unit": "kg", "per": "month"}
    assert latn_product["lead_time"] == {"quantity": "3", "unit": "week", "days": 21}
    buyer = latn["state"]["draft"]["buyer"]
    assert [(c["kind"], c["body"], c["number"], c["expires"]) for c in buyer["certifications"]] \
        == [("organic", "ECOCERT", "MA-BIO-154", "2027-12-31"), ("onssa", "ONSSA", None, None)]
    assert (buyer["fda"], buyer["export"], buyer["export_countries"]) == (
        "unknown", "few", ["fransa", "canada"])
    arab_buyer = arab["state"]["draft"]["buyer"]
    assert arab["state"]["draft"]["products"][0]["capacity"]["unit"] == "m2"
    assert (arab_buyer["certified"], arab_buyer["export"], arab_buyer["packaging"]) == (
        False, "regular", None)
    assert arab_buyer["export_countries"] == ["فرانسا", "ألمانيا", "كندا"]
    ar_buyer = ends["ar_onboarding"]["state"]["draft"]["buyer"]
    assert [c["kind"] for c in ar_buyer["certifications"]] == ["organic", "iso"]
    assert ar_buyer["fda"] == "yes" and ar["products"][0]["lead_time"]["days"] == 14
    assert ends["fr_navigation"]["state"]["draft"]["buyer"]["export"] is None
