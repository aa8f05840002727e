"""flows.language: owner messages in Darija (both scripts), French, MSA and English."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import langdetect.detector_factory as ld_factory
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import build_langmodel
from flows import language
from flows.language import Detection, analyse, detect_language, detect_script

LABELS = {"ary", "fr", "ar", "en", "und"}
SCRIPTS = {"Arab", "Latn", "und"}
ROOT = Path(__file__).resolve().parents[2]

TYPICAL = [
    # Darija, Latin script (Arabizi), with French words mixed in
    ("salam, bghit n9ayed l'entreprise dyali", "ary", "Latn"),
    ("bghit nbi3 zit l3ar9an", "ary", "Latn"),
    ("slm khoya, ch7al taman dyal l'inscription?", "ary", "Latn"),
    ("3ndna cooperative dyal nssa f taroudant kansn3o zit argan", "ary", "Latn"),
    ("kanbi3 zrabi dyal soof, wach kayn chi client f france", "ary", "Latn"),
    ("chhal katakhdo 3la kol commande", "ary", "Latn"),
    ("ana mn fes w kansna3 zellij", "ary", "Latn"),
    ("wach khassni registre de commerce wla la", "ary", "Latn"),
    ("mafhmtch, 3awd 3afak", "ary", "Latn"),
    ("wakha safi ghadi nsift lik tsawer ghedda", "ary", "Latn"),
    ("kifach nsjl had l'application", "ary", "Latn"),
    # Darija, Arabic script
    ("بغيت نسجل الشركة ديالي", "ary", "Arab"),
    ("سلام، شحال كيسوا التسجيل؟", "ary", "Arab"),
    ("عندي تعاونية ديال زيت أركان فتيزنيت", "ary", "Arab"),
    ("واش خاصني السجل التجاري؟", "ary", "Arab"),
    ("كنبيع الزرابي ديال الصوف بالجملة", "ary", "Arab"),
    ("ما فهمتش عاود عافاك", "ary", "Arab"),
    ("واخا غادي نصيفط ليك التصاور دابا", "ary", "Arab"),
    # French, as typed on a phone (accents or not)
    ("bonjour je veux inscrire mon entreprise", "fr", "Latn"),
    ("Bonjour, je voudrais vendre de l'huile d'argan à l'étranger", "fr", "Latn"),
    ("c'est combien l'abonnement par mois ?", "fr", "Latn"),
    ("nous sommes une cooperative de femmes a essaouira", "fr", "Latn"),
    ("je n'ai pas recu le code de confirmation", "fr", "Latn"),
    ("est ce que vous livrez a marrakech", "fr", "Latn"),
    ("merci beaucoup pour votre aide", "fr", "Latn"),
    # Modern Standard Arabic
    ("أريد تسجيل شركتي", "ar", "Arab"),
    ("مرحبا، أرغب في بيع منتجاتي في الخارج", "ar", "Arab"),
    ("ما هي الوثائق المطلوبة للتسجيل؟", "ar", "Arab"),
    ("هل يمكنني الدفع عن طريق التحويل البنكي", "ar", "Arab"),
    ("لقد أرسلت لكم صور المنتجات", "ar", "Arab"),
    ("نحن تعاونية نسائية لإنتاج زيت الأركان", "ar", "Arab"),
    # English
    ("hello I want to register my company", "en", "Latn"),
    ("how much does the subscription cost?", "en", "Latn"),
    ("we make handmade leather bags in fes", "en", "Latn"),
    ("I didn't receive the code", "en", "Latn"),
]

SHORT = [
    ("salam", "ary"),
    ("Salam!", "ary"),
    ("slm", "ary"),
    ("wakha", "ary"),
    ("wakhaaa", "ary"),
    ("safi", "ary"),
    ("la", "ary"),
    ("3afak", "ary"),
    ("بغيت", "ary"),
    ("واخا", "ary"),
    ("oui", "fr"),
    ("merci", "fr"),
    ("Merci !", "fr"),
    ("bonjour", "fr"),
    ("نعم", "ar"),
    ("أريد", "ar"),
    ("hello", "en"),
    ("thanks", "en"),
    ("ok", "und"),
    ("OK 👍", "und"),
    ("ah", "und"),
    ("lol", "und"),
    ("hhhhh", "und"),
    ("Agadir", "und"),
]

BAD_INPUTS = [
    "",
    "   \n\t ",
    "👍",
    "🙏🙏😂",
    "12345",
    "0661234567",
    "+212 661 23 45 67",
    "250 dh",
    "5kg",
    "https://www.facebook.com/atlasargan",
    "www.atlasargan.ma",
    "contact@atlasargan.ma",
    "???!!!...",
    "\u202e",
    "\u202eسلام",
    "\u202ebonjour je veux vendre",
    "\u200b\u200c\u200d\ufeff",
    "<script>alert(1)</script>",
    "<p>bonjour</p>&nbsp;&amp;",
    "\x00\x01\x02",
    "\ud800",
    "a" * 5000,
    "bghit nbi3 zit " * 400,
    "ﷺ ﷲ",
    "Ｂｏｎｊｏｕｒ",
    "ٱلسَّلَامُ عَلَيْكُمْ",
]


@pytest.mark.parametrize(("text", "language", "script"), TYPICAL)
def test_typical_owner_messages(text, language, script):
    result = analyse(text)
    assert (result.language, result.script) == (language, script), result
    assert result.confidence >= 0.6


@pytest.mark.parametrize(("text", "language"), SHORT)
def test_short_answers(text, language):
    result = analyse(text)
    assert result.language == language, result
    assert result.words == 1 or text == "OK 👍"


def test_short_answers_are_not_confident():
    # The engine offers to switch language only at >= 0.9: one word is not enough.
    for text, label in SHORT:
        result = analyse(text)
        assert result.confidence <= 0.8
        assert (result.confidence == 0.0) == (label == "und")


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_bad_inputs_never_raise(text):
    result = analyse(text)
    assert isinstance(result, Detection)
    assert result.language in LABELS
    assert result.script in SCRIPTS
    assert 0.0 <= result.confidence <= 1.0
    assert result.words >= 0
    assert detect_language(text) == result.language
    assert detect_script(text) in SCRIPTS


@pytest.mark.parametrize("text", ["", "👍", "12345", "https://x.co/a", "?!", "\u202e", "<br>",
                                  "ok", "Ok", "250 dh", "hmm"])
def test_no_language_is_und(text):
    assert detect_language(text) == "und"


def test_non_string_input_is_und():
    assert analyse(None).language == "und"  # type: ignore[arg-type]
    assert analyse(12345).language == "und"  # type: ignore[arg-type]


def test_markup_and_links_are_ignored():
    assert detect_language("<b>bonjour</b> je veux vendre mes tapis https://x.com/t") == "fr"
    assert detect_language("\u202eبغيت نبيع الزرابي ديالي") == "ary"
    assert detect_language("ana f agadir www.atlas.ma bghit nsajel") == "ary"


def test_long_message_is_read_from_the_start():
    result = analyse("bghit nbi3 zit l3ar9an dyali " * 300)
    assert (result.language, result.script) == ("ary", "Latn")
    assert result.words == 1500


def test_other_languages_are_not_forced_into_a_label():
    assert detect_language("hola quiero vender aceite de oliva en madrid") == "und"
    assert detect_language("ich möchte mein Unternehmen registrieren lassen") == "und"
    assert detect_language("من می خواهم شرکتم را ثبت کنم") == "und"  # Persian


def test_darija_with_french_loanwords_stays_darija():
    assert detect_language("jatni commande jdida") == "ary"
    assert detect_language("sifet lik la facture w le devis") == "ary"
    assert detect_language("bghit nbdel le mot de passe") == "ary"


def test_word_count():
    assert analyse("bghit nbi3 zit l3ar9an").words == 4
    assert analyse("👍 ok").words == 1
    assert analyse("12 345").words == 0


@pytest.mark.parametrize(("text", "script"), [
    ("salam khoya", "Latn"),
    ("بغيت نسجل", "Arab"),
    ("bonjour 🙂", "Latn"),
    ("بغيت نبيع l'huile", "Arab"),
    ("salam bghit nbi3 l'huile d'argan بزاف", "Latn"),
    ("🙂🙂", "und"),
    ("2024", "und"),
    ("", "und"),
])
def test_detect_script(text, script):
    assert detect_script(text) == script


def test_deterministic():
    texts = [t for t, _, _ in TYPICAL] + [t for t, _ in SHORT] + BAD_INPUTS
    first = [analyse(t) for t in texts]
    for _ in range(2):
        assert [analyse(t) for t in texts] == first


def test_deterministic_across_fresh_langdetect_state(monkeypatch):
    calls = []
    real = language._langdetect

    def spy(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(language, "_langdetect", spy)
    texts = ["hola quiero vender aceite de oliva en madrid",
             "ich möchte mein Unternehmen registrieren lassen",
             "kansafer flweekand m3a sahbi", "من می خواهم شرکتم را ثبت کنم",
             "tanti saluti dalla sicilia amici miei"]
    first = [analyse(t) for t in texts]
    assert calls, "these messages should reach langdetect"
    # A fresh process: no factory loaded, and someone else reset the global seed.
    monkeypatch.setattr(language, "_LD_FACTORY", None)
    monkeypatch.setattr(ld_factory, "_factory", None)
    monkeypatch.setattr(ld_factory.DetectorFactory, "seed", None)
    assert [analyse(t) for t in texts] == first
    assert [analyse(t) for t in texts] == first


def test_langdetect_label_mapping():
    assert language.langdetect_label("ar") == "ar"
    assert language.langdetect_label("fa") == "ar"
    assert language.langdetect_label("ur") == "ar"
    assert language.langdetect_label("fr") == "fr"
    assert language.langdetect_label("so") == "so"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    result = analyse(text)
    assert result.language in LABELS
    assert result.script in SCRIPTS
    assert 0.0 <= result.confidence <= 1.0
    if result.language == "und":
        assert result.confidence == 0.0


def test_shipped_data_under_5_mb():
    total = sum(f.stat().st_size for f in language.DATA_DIR.rglob("*") if f.is_file())
    assert total < 5 * 1024 * 1024


def test_latin_script_model_matches_its_sources():
    # The Latin-script model learns only langdata/*.txt: rebuild with benchmarks/build_langmodel.py.
    # (The Arabic-script one also counts the corpora cache: tests/unit/test_language_corpora.py.)
    model = json.loads(language.MODEL_PATH.read_text(encoding="utf-8"))["models"]["latn"]
    key = "latn"
    expected = build_langmodel.count_model(language.TRAINING[key],
                                           build_langmodel.own_examples()[key],
                                           build_langmodel.MIN_COUNT[key])
    assert model == expected


def test_heldout_set_is_not_in_training_text():
    train = set()
    for path in language.DATA_DIR.glob("train_*.txt"):
        train.update(line.strip().lower() for line in path.read_text(encoding="utf-8")
                     .splitlines())
    with (ROOT / "benchmarks" / "data" / "langid_heldout.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert {r["label"] for r in rows} == LABELS
    assert all(r["script"] in SCRIPTS and r["origin"] for r in rows)
    for label in ("ary", "fr", "ar", "en"):
        assert sum(r["label"] == label for r in rows) >= 150
    assert not [r["text"] for r in rows if r["text"].strip().lower() in train]


def test_benchmark_runs_without_doda(capsys, tmp_path):
    from benchmarks import langid

    assert langid.main(["--doda", str(tmp_path / "absent"), "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "DODa not found" in out
    assert "| macro-F1 ary/fr/ar (all) |" in out
