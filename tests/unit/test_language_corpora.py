"""Training, development and evaluation text of the language model stay apart, checked without
the fetched text: the committed manifest holds per cached extract its line count and a short hash
of each normalised line (benchmarks/langid_corpora.py), and model.json records the manifest it was
counted from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks import build_langmodel, langid, langid_corpora
from flows import language

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "flows" / "langdata" / "SOURCES.md"
AUTHORED_HELDOUT = ROOT / "benchmarks" / "data" / "langid_heldout.tsv"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return langid_corpora.read_manifest()


def _hashes(manifest: dict, role: str) -> set[str]:
    return {h for e in manifest["files"].values() if e["role"] == role for h in e["hashes"]}


def _sources(manifest: dict, role: str) -> set[str]:
    return {s for e in manifest["files"].values() if e["role"] == role for s in e["sources"]}


def _own_training_hashes() -> set[str]:
    return {langid_corpora.line_hash(line) for classes in language.TRAINING.values()
            for names in classes.values() for name in names for line in language.read_lines(name)}


def _authored_dev_hashes() -> set[str]:
    return {langid_corpora.line_hash(ex.text) for ex in langid.load_dev()
            if ex.origin.endswith("-authored")}


def test_the_manifest_describes_every_cached_extract(manifest):
    files = manifest["files"]
    assert set(files) == set(langid_corpora.FILES)
    for name, entry in files.items():
        assert entry["role"] == langid_corpora.FILES[name][0]
        assert sum(entry["sources"].values()) == entry["lines"] == sum(entry["labels"].values())
        # Distinct normalised lines: a few captions recur, most do not.
        assert 0.9 * entry["lines"] <= len(entry["hashes"]) <= entry["lines"]
        assert all(re.fullmatch(r"[0-9a-f]{12}", h) for h in entry["hashes"])
    assert files[langid_corpora.HELDOUT]["lines"] >= 1000
    assert set(files[langid_corpora.HELDOUT]["labels"]) == {"ary", "ar"}


def test_no_held_out_or_development_line_is_a_training_line(manifest):
    train = _hashes(manifest, "train") | _own_training_hashes()
    held_out = _hashes(manifest, "eval")
    dev = _hashes(manifest, "dev") | _authored_dev_hashes()
    assert held_out and dev
    assert not held_out & train
    # The scoring constants are tuned on the development split: it must be neither what the
    # model counted (it would flatter them) nor the held-out set (that would tune on the test).
    assert not dev & train
    assert not dev & held_out


def test_the_projects_held_out_messages_are_not_in_the_public_training_text(manifest):
    rows = langid_corpora.read_heldout(AUTHORED_HELDOUT)
    assert not {langid_corpora.line_hash(r["text"]) for r in rows} & _hashes(manifest, "train")


def test_evaluation_sources_are_not_training_sources(manifest):
    assert _sources(manifest, "train") == {"youtube", "newsfane", "mediawiki", "marsum",
                                           "storybook", "tico"}
    assert _sources(manifest, "dev") <= _sources(manifest, "train")
    assert _sources(manifest, "eval") == {"seed", "pud", "tashkeela"}


def test_each_source_is_listed_with_its_licence(manifest):
    # The manifest was cut from the snapshots the code names, and SOURCES.md attributes each.
    snapshots = langid_corpora.SNAPSHOTS
    assert set(manifest["sources"]) == set(snapshots)
    rows = [ln for ln in SOURCES.read_text(encoding="utf-8").splitlines() if ln.startswith("|")]
    for key, snap in snapshots.items():
        assert manifest["sources"][key]["commit"] == snap.commit
        assert [r for r in rows if snap.repo in r and snap.commit[:7] in r
                and r.rstrip(" |").split("|")[-1].strip().startswith(snap.licence)], key


def test_model_json_was_counted_from_this_manifest_and_the_projects_text(manifest):
    # Rebuilt from other corpora (or before the last edit of langdata/), the digests differ:
    # python -m benchmarks.build_langmodel writes model.json and the manifest together.
    built_from = json.loads(language.MODEL_PATH.read_text(encoding="utf-8"))["built_from"]
    assert built_from == {"corpora": langid_corpora.training_digest(manifest),
                          "own": build_langmodel.own_digest()}


def test_build_without_the_cache_says_how_to_make_it(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("LANGID_CORPORA", str(tmp_path / "absent"))
    with pytest.raises(SystemExit) as stop:
        build_langmodel.main(["--check"])
    assert "python -m benchmarks.langid_corpora --snapshots" in str(stop.value.code)
    assert "\n" not in str(stop.value.code)
    # The benchmark still scores what is committed: the authored sets.
    assert langid.main(["--doda", str(tmp_path / "absent"), "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "note: " in out and "langid_arabic_heldout.tsv is missing" in out
    assert "| macro-F1 held-out only (n=" in out


def _both_splits(cut, data) -> list[str]:
    return cut(data) + cut(data, dev=True)


def test_only_the_storybooks_whose_own_licence_is_cc_by_are_read():
    # Made-up stories in the snapshot's layout: a CC-BY-NC story and the README are left out,
    # and so are the title, the "##" markup, an image link and the credit lines.
    story = ("# عنوان القصة\n\n##\n![](images/1.png)\nذهب الولد إلى {}.\nوجلس قرب النافذة\n\n"
             "##\n* License: [{}]\n* Text: Someone\n* Translation: Someone Else\n"
             "* Language: ar\n")
    files = {"ar/0001_a.md": story.format("المدرسة", "CC-BY").encode(),
             "ar/0002_b.md": story.format("السوق", "CC-BY-NC").encode(),
             "ar/README.md": "0001 | عنوان القصة | [CC-BY](https://x)\n".encode()}
    assert _both_splits(langid_corpora.storybook, files) == [
        "ذهب الولد إلى المدرسة.", "وجلس قرب النافذة"]


def test_tico_keeps_the_arabic_side_of_the_parts_named():
    import io
    import zipfile

    units = "".join(
        f'<tu tuid="{tuid}"><prop type="note">x</prop><tuv xml:lang="en"><seg>in English</seg>'
        f'</tuv><tuv xml:lang="ar"><seg>{ar}</seg></tuv></tu>'
        for tuid, ar in (("CMU_1:1", "هل لديك حمى الآن؟ منذ متى؟"),
                         ("PubMed_6:1", "تنتقل العدوى عبر الرذاذ")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("all.en-ar.tmx", f'<?xml version="1.0" encoding="UTF-8"?>'
                                          f'<tmx version="1.4"><body>{units}</body></tmx>')
    data = buffer.getvalue()
    assert _both_splits(langid_corpora.tico, data) == ["هل لديك حمى الآن؟", "منذ متى؟"]
    assert langid_corpora.tico(data, parts=("PubMed",)) + langid_corpora.tico(
        data, dev=True, parts=("PubMed",)) == ["تنتقل العدوى عبر الرذاذ"]
