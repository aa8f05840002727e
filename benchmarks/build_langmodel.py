"""Build flows/langdata/model.json (n-gram counts) from the project's own text in flows/langdata.

Run from the project root after editing any train_*.txt or words_*.txt file:
    python -m benchmarks.build_langmodel [--check]
The Latin-script model learns only text written for this project. The Arabic-script model also
learns the public corpora extracts in the git-ignored cache var/langid_corpora (made by
python -m benchmarks.langid_corpora from fetched snapshots; sources and licences in
flows/langdata/SOURCES.md). Those extracts are never committed nor shipped: only the pruned
counts in model.json ship, with the digest of the training entries of
benchmarks/data/langid_manifest.json (rewritten here from the cache) and of the project's own
text, so that tests without the cache can tell a model built from other data. DODa
(non-commercial) and the evaluation sources never go in. --check rebuilds both from the cache
and says whether the committed files match.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping

from benchmarks import langid_corpora as corpora
from flows import language as lang

# Public corpora per script model and class (see flows/langdata/SOURCES.md).
CORPORA = {"arab": {"ary": ["train_ary_arab_youtube.txt", "train_ary_arab_mediawiki.txt",
                            "train_ary_arab_marsum.txt"],
                    "ar": ["train_ar_newsfane.txt", "train_ar_storybook.txt",
                           "train_ar_tico.txt"]}}
# Written Darija is a thousand lines against 30,000 captions: each counts this often, so that
# the Darija class also knows how Darija is written, not only how it is spoken. Everyday MSA
# (children's stories with dialogue, a doctor's questions, travel advice) is a few hundred
# lines against 5,000 of newswire: counted twice, the stories let MSA own everyday words, not
# only news ones. Chosen on the development split (python -m benchmarks.langid --dev): with the
# stories at 2-4 and TICO at 1-2, 6-7 MSA lines of 975 are wrong (13 before) and 40-41 Darija
# lines of 2,319 (38); heavier, NewsFANE lines go to Darija, and from TICO 3 on (2 with the
# stories at 8) so does the MSA test sentence with the name فالنتينو. Of the ties, the lightest.
CORPUS_WEIGHT = {"train_ary_arab_mediawiki.txt": 1, "train_ar_storybook.txt": 2,
                 "train_ar_tico.txt": 1}
# News written in Darija (MArSum, Goud.ma) teaches how Darija is written, but also who and what
# is in the news: a first name of the day (كريم, Karim Khrbouch and three other Karims) is seven
# times as frequent there as in the captions or in NewsFANE, and would make a plain MSA sentence
# with it Darija. So a word of a news file is counted (with its n-grams) only if the other
# training text of either class has it, at most NEWS_RATIO times as often as the class that
# uses it most (relative frequency): function words, verbs and the MSA nouns Darija borrows go
# in; names, topics and words no other text has stay out.
NEWS_FILES = frozenset(["train_ary_arab_marsum.txt"])
NEWS_RATIO = 5
# The project's own sentences are few but written like owners write: each counts this often.
OWN_WEIGHT = 5
# N-grams seen fewer times than this over all classes are dropped: rare ones are mostly names
# and typos, and they would take most of the file.
MIN_COUNT = {"latn": 1, "arab": 3}


def lexicon_examples() -> dict[str, dict[str, list[str]]]:
    """Lexicon words as one-word training examples, routed to the model of their script."""
    out: dict[str, dict[str, list[str]]] = {"latn": {}, "arab": {}}
    files = [*lang.LEXICONS.items(), *lang.WEAK_LEXICONS.items(), *lang.SHARED_LEXICONS.items()]
    for label, filename in files:
        for word in lang.read_lines(filename):
            latin, arabic, _ = lang.tokens(lang.clean(word))
            for toks, key in ((latin, "latn"), (arabic, "arab")):
                if toks and label in lang.TRAINING[key]:
                    out[key].setdefault(label, []).append(" ".join(toks))
    return out


def own_files() -> list[str]:
    """The project's own files in langdata/ that the counts depend on."""
    names = {n for classes in lang.TRAINING.values() for files in classes.values() for n in files}
    lexicons = {**lang.LEXICONS, **lang.WEAK_LEXICONS, **lang.SHARED_LEXICONS}
    return sorted(names | {*lexicons.values(), "neutral.txt"})


def own_digest() -> str:
    digest = hashlib.sha256()
    for name in own_files():
        digest.update(name.encode() + b"\0" + (lang.DATA_DIR / name).read_bytes() + b"\0")
    return digest.hexdigest()


def own_examples() -> dict[str, dict[str, list[str]]]:
    """The project's own training messages of each script model and class, lexicon words
    included: all the Latin-script model learns."""
    out = lexicon_examples()
    for key, classes in lang.TRAINING.items():
        weight = OWN_WEIGHT if key in CORPORA else 1
        for label, files in classes.items():
            for filename in files:
                out[key].setdefault(label, []).extend(lang.read_lines(filename) * weight)
    return out


def _words(text: str) -> list[str]:
    """The words a text is counted by: Latin then Arabic, neutral ones left out."""
    latin, arabic, _ = lang.tokens(lang.clean(text))
    return [w for w in latin + arabic if w not in lang._LEX.neutral]


def news_lines(lines: list[str], reference: Mapping[str, list[str]]) -> list[str]:
    """The lines of a news file with only the words it may teach (NEWS_FILES above), given
    the other training text of each class."""
    freq = {}
    for label, texts in reference.items():
        counts = Counter(w for t in texts for w in _words(t))
        total = sum(counts.values()) or 1
        freq[label] = {w: c / total for w, c in counts.items()}
    words = [_words(t) for t in lines]
    counts = Counter(w for ws in words for w in ws)
    total = sum(counts.values()) or 1
    kept = {w for w, c in counts.items()
            if (ref := max(f.get(w, 0.0) for f in freq.values())) > 0
            and c / total <= NEWS_RATIO * ref}
    return [" ".join(w for w in ws if w in kept) for ws in words]


def training_examples() -> dict[str, dict[str, list[str]]]:
    """Every training message of each script model and class: own text and cached corpora,
    news files last (their words are weighed against all the rest)."""
    out = own_examples()
    for key, classes in CORPORA.items():
        for label, files in classes.items():
            for filename in files:
                if filename not in NEWS_FILES:
                    out[key].setdefault(label, []).extend(
                        corpora.corpus_lines(filename) * CORPUS_WEIGHT.get(filename, 1))
        reference = {label: list(texts) for label, texts in out[key].items()}
        for label, files in classes.items():
            for filename in files:
                if filename in NEWS_FILES:
                    out[key][label].extend(news_lines(corpora.corpus_lines(filename),
                                                      reference))
    return out


def count_model(classes: Iterable[str], examples: Mapping[str, list[str]],
                min_count: int = 1) -> dict:
    """N-gram counts of one script model, the form flows.language reads."""
    classes = list(classes)
    counters = {c: Counter() for c in classes}
    for c in classes:
        for text in examples.get(c, []):
            for w in _words(text):
                counters[c].update(lang.ngrams(w))
    grams = sorted(g for g in set().union(*counters.values())
                   if sum(counters[c][g] for c in classes) >= min_count)
    return {
        "classes": classes,
        "totals": [sum(counters[c].values()) for c in classes],
        "vocab": len(grams),
        "grams": {g: [counters[c][g] for c in classes] for g in grams},
    }


def build(manifest: dict) -> dict:
    """model.json from the cache, recording what it was counted from (manifest: the one
    build_manifest() makes of the same cache)."""
    examples = training_examples()
    return {
        "version": 1,
        "built_from": {"own": own_digest(), "corpora": corpora.training_digest(manifest)},
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
    try:
        manifest = corpora.build_manifest()
        text = dump(build(manifest))
    except corpora.CacheMissing as missing:
        raise SystemExit(str(missing)) from None
    manifest_text = corpora.dump_manifest(manifest)
    if args.check:
        stale = [path.name for path, want in ((lang.MODEL_PATH, text),
                                              (corpora.MANIFEST, manifest_text))
                 if not path.is_file() or path.read_text(encoding="utf-8") != want]
        print(f"stale (not what the cache builds): {', '.join(stale)}" if stale
              else "model.json and langid_manifest.json match the cache")
        raise SystemExit(1 if stale else 0)
    lang.MODEL_PATH.write_text(text, encoding="utf-8")
    corpora.MANIFEST.write_text(manifest_text, encoding="utf-8")
    print(f"wrote {lang.MODEL_PATH} ({len(text.encode()) / 1e6:.2f} MB) and {corpora.MANIFEST}")


if __name__ == "__main__":
    main()
