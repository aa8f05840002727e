"""The Arabic-script evaluation set stays apart from what the language model learns: no
evaluation sentence is in a training file, and no evaluation source is a training source."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from benchmarks import build_langmodel
from flows import language

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "benchmarks" / "data" / "langid_arabic_heldout.tsv"
SOURCES = ROOT / "flows" / "langdata" / "SOURCES.md"
_WORD = re.compile(r"[^\W\d_]+")


def _norm(text: str) -> str:
    cleaned = language.clean(text).translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا",
                                                             "ى": "ي", "ة": "ه"}))
    return " ".join(_WORD.findall(cleaned))


def _heldout() -> list[dict[str, str]]:
    with HELDOUT.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _training_lines() -> set[str]:
    lines: set[str] = set()
    for files in build_langmodel.CORPORA.values():
        for names in files.values():
            for name in names:
                lines.update(_norm(ln) for ln in build_langmodel.corpus_lines(name))
    for files in language.TRAINING.values():
        for names in files.values():
            for name in names:
                lines.update(_norm(ln) for ln in language.read_lines(name))
    return lines


def test_no_evaluation_sentence_is_a_training_sentence() -> None:
    train = _training_lines()
    rows = _heldout()
    assert len(rows) >= 1000
    leaked = [r["text"] for r in rows if _norm(r["text"]) in train]
    assert leaked == []


def test_evaluation_sources_are_not_training_sources() -> None:
    eval_sources = {r["origin"].split("-")[0] for r in _heldout()}
    train_sources = {name.split("_")[-1].removesuffix(".txt")
                     for files in build_langmodel.CORPORA.values()
                     for names in files.values() for name in names}
    assert eval_sources == {"seed", "pud", "tashkeela"}
    assert train_sources == {"youtube", "newsfane"}
    assert not eval_sources & train_sources
    # Each is written down with its licence.
    listed = SOURCES.read_text(encoding="utf-8")
    for key in ("openlanguagedata/seed", "UD_Arabic-PUD", "linuxscout/tashkeela2",
                "bourbouh-moroccan-darija-youtube-subtitles", "NewsFANE"):
        assert key in listed


def test_both_labels_are_in_the_evaluation_set() -> None:
    labels = {r["label"] for r in _heldout()}
    assert labels == {"ary", "ar"}
    assert {r["script"] for r in _heldout()} == {"Arab"}
