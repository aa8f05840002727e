"""Build flows/langdata/model.json (n-gram counts) from the project's own text in flows/langdata.

Run from the project root after editing any train_*.txt or words_*.txt file:
    python -m benchmarks.build_langmodel
The Latin-script model learns only text written for this project. The Arabic-script model also
learns the public corpora extracts in benchmarks/data/langid_corpora (cut by
benchmarks.langid_corpora; sources and licences in flows/langdata/SOURCES.md). Those extracts
stay out of the package: only the pruned counts in model.json ship. DODa (non-commercial) and
the evaluation sources never go in.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from flows import language as lang

CORPORA_DIR = Path(__file__).resolve().parent / "data" / "langid_corpora"
# Public corpora per script model and class (see flows/langdata/SOURCES.md).
CORPORA = {"arab": {"ary": ["train_ary_arab_youtube.txt"], "ar": ["train_ar_newsfane.txt"]}}
# The project's own sentences are few but written like owners write: each counts this often.
OWN_WEIGHT = 5
# N-grams seen fewer times than this over all classes are dropped: rare ones are mostly names
# and typos, and they would take most of the file.
MIN_COUNT = {"latn": 1, "arab": 3}


def lexicon_examples() -> dict[str, dict[str, list[str]]]:
    """Lexicon words as one-word training examples, routed to the model of their script."""
    out: dict[str, dict[str, list[str]]] = {"latn": {}, "arab": {}}
    files = [*lang.LEXICONS.items(), *lang.WEAK_LEXICONS.items()]
    for label, filename in files:
        for word in lang.read_lines(filename):
            latin, arabic, _ = lang.tokens(lang.clean(word))
            for toks, key in ((latin, "latn"), (arabic, "arab")):
                if toks and label in lang.TRAINING[key]:
                    out[key].setdefault(label, []).append(" ".join(toks))
    return out


def corpus_lines(name: str) -> list[str]:
    text = (CORPORA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def training_examples() -> dict[str, dict[str, list[str]]]:
    """Every training message of each script model and class, lexicon words included."""
    out = lexicon_examples()
    for key, classes in lang.TRAINING.items():
        weight = OWN_WEIGHT if key in CORPORA else 1
        for label, files in classes.items():
            for filename in files:
                out[key].setdefault(label, []).extend(lang.read_lines(filename) * weight)
    for key, classes in CORPORA.items():
        for label, files in classes.items():
            for filename in files:
                out[key].setdefault(label, []).extend(corpus_lines(filename))
    return out


def count_model(classes: Iterable[str], examples: Mapping[str, list[str]],
                min_count: int = 1) -> dict:
    """N-gram counts of one script model, the form flows.language reads."""
    classes = list(classes)
    counters = {c: Counter() for c in classes}
    neutral = lang._LEX.neutral
    for c in classes:
        for text in examples.get(c, []):
            latin, arabic, _ = lang.tokens(lang.clean(text))
            for w in latin + arabic:
                if w not in neutral:
                    counters[c].update(lang.ngrams(w))
    grams = sorted(g for g in set().union(*counters.values())
                   if sum(counters[c][g] for c in classes) >= min_count)
    return {
        "classes": classes,
        "totals": [sum(counters[c].values()) for c in classes],
        "vocab": len(grams),
        "grams": {g: [counters[c][g] for c in classes] for g in grams},
    }


def build(examples: Mapping[str, Mapping[str, list[str]]] | None = None) -> dict:
    examples = examples if examples is not None else training_examples()
    return {
        "version": 1,
        "models": {key: count_model(classes, examples[key], MIN_COUNT[key])
                   for key, classes in lang.TRAINING.items()},
    }


def dump(model: dict) -> str:
    return json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if model.json is not what the sources build")
    args = parser.parse_args(argv)
    text = dump(build())
    if args.check:
        same = lang.MODEL_PATH.read_text(encoding="utf-8") == text
        print("model.json is up to date" if same else "model.json is stale")
        raise SystemExit(0 if same else 1)
    lang.MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {lang.MODEL_PATH} ({len(text.encode()) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
