"""The listing benchmark's descriptions are kept apart from the words the taxonomy is built
from, and its evidence figure holds at 100% (benchmarks/listing.py)."""

from __future__ import annotations

from benchmarks import listing as bench
from flows.taxonomy import DATA
from flows.text import normalise

BUILT_FROM = ("taxonomy.tsv", "attributes.tsv", "claims.tsv")
# Six words in a row would show a description copied into the data; shorter runs are the
# products' own names ("huile d'olive extra vierge"), the vocabulary being measured.
RUN = 6


def _runs(text: str) -> set[tuple[str, ...]]:
    words = normalise(text).split()
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_benchmark_description_shares_six_words_in_a_row_with_the_taxonomy_data():
    built = set()
    for name in BUILT_FROM:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                for cell in line.split("\t"):
                    for phrase in cell.split(","):
                        built |= _runs(phrase)
    shared = {c.description: _runs(f"{c.name} {c.description}") & built for c in bench.cases()}
    assert {d: s for d, s in shared.items() if s} == {}
    assert len(bench.cases()) == 80


def test_the_benchmark_covers_four_locales_and_every_sentence_has_evidence():
    results = bench.run()
    assert {k for k in results if k != "all"} == {"ary-Arab", "ary-Latn", "fr", "ar"}
    assert results["all"]["evidence"] == 1.0
    assert results["all"]["type"] >= 0.9  # a floor well under the README figure
