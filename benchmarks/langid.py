"""Score flows.language against langdetect alone on labelled owner messages.

    python -m benchmarks.langid [--doda PATH] [--heldout PATH] [--doda-limit N]
    python -m benchmarks.langid --dev

`--dev` scores the development split instead: the cached dev_*.txt of the training sources
(other videos and other sentences than those counted) and the authored lines of
benchmarks/data/langid_dev/. It is the only text the scoring constants of flows.language are
tuned on, so that the held-out figures below stay held out.

The labelled set is the project's held-out messages (benchmarks/data/langid_heldout.tsv),
the Arabic-script held-out set from public sources the model never learned
(langid_arabic_heldout.tsv in the cache var/langid_corpora made by benchmarks.langid_corpora:
Seed Darija, PUD and Tashkeela MSA; see flows/langdata/SOURCES.md), plus DODa's
Latin-script Darija sentences and words and its Arabic-script column, read at run time from
../shared/data/doda (non-commercial licence: evaluation only, nothing copied or trained on).
"""

from __future__ import annotations

import argparse
import csv
import gc
import glob
import os
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import langid_corpora
from flows import language

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_HELDOUT = ROOT / "benchmarks" / "data" / "langid_heldout.tsv"
DEV_AUTHORED = ROOT / "benchmarks" / "data" / "langid_dev"
# Length buckets in words, for macro-F1 per length.
LENGTHS = ((1, 2), (3, 5), (6, 10), (11, 10_000))
DEFAULT_DODA = ROOT.parent / "shared" / "data" / "doda"
DEV_FILES = {"ary": ["dev_ary_youtube.txt", "dev_ary_mediawiki.txt", "dev_ary_marsum.txt",
                     "dev_ary_authored.txt"],
             "ar": ["dev_ar_newsfane.txt", "dev_ar_storybook.txt", "dev_ar_tico.txt",
                    "dev_ar_authored.txt"]}
MAIN_LABELS = ("ary", "fr", "ar")
_WORD_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    script: str
    origin: str

    @property
    def words(self) -> int:
        # The same count for both detectors: whitespace-separated chunks with a letter.
        return sum(1 for w in self.text.split() if _WORD_RE.search(w))


def load_heldout(path: Path) -> list[Example]:
    return [Example(r["text"], r["label"], r["script"], r["origin"])
            for r in langid_corpora.read_heldout(path)]


def _dev_lines(name: str) -> list[str]:
    if name.endswith("_authored.txt"):
        text = (DEV_AUTHORED / name).read_text(encoding="utf-8")
        return [ln.strip() for ln in text.splitlines() if ln.strip()]
    try:
        return langid_corpora.corpus_lines(name)
    except langid_corpora.CacheMissing as missing:
        print(f"note: {missing}")
        return []


def load_dev() -> list[Example]:
    """The development split (see the module docstring), origin dev-<label>-<source>; only
    the authored lines when the cache is missing."""
    return [Example(line, label, "Arab",
                    f"dev-{label}-" + name.split("_")[-1].removesuffix(".txt"))
            for label, names in DEV_FILES.items() for name in names
            for line in _dev_lines(name)]


def load_arabic_heldout(path: Path | None) -> list[Example]:
    """The public Arabic-script held-out set (the cached one unless a path is given); none,
    with a note, when the cache is missing."""
    try:
        path = path or langid_corpora.cached(langid_corpora.HELDOUT)
    except langid_corpora.CacheMissing as missing:
        print(f"note: {missing}")
        return []
    return [Example(r["text"], r["label"], r["script"], r["origin"])
            for r in langid_corpora.read_heldout(path)]


def load_doda(root: Path, limit: int | None = None) -> list[Example]:
    """DODa's Darija, exact duplicates removed: the Latin column `darija` and the Arabic-script
    column `darija_ar` of the sentence files (origin doda-arabic)."""
    files = sorted(glob.glob(str(root / "ongoing" / "*.csv")))
    files.append(str(root / "x-tra" / "shorts.csv"))
    seen: set[str] = set()
    out: list[Example] = []
    arabic: list[Example] = []
    for name in files:
        if not os.path.exists(name):
            continue
        origin = "doda-shorts" if name.endswith("shorts.csv") else "doda-sentences"
        with open(name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("darija") or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append(Example(text, "ary", "Latn", origin))
                text = (row.get("darija_ar") or "").strip()
                if text and text not in seen and origin == "doda-sentences":
                    seen.add(text)
                    arabic.append(Example(text, "ary", "Arab", "doda-arabic"))
    if limit is not None and limit < len(out):
        out = random.Random(0).sample(out, limit)
        arabic = random.Random(0).sample(arabic, min(limit, len(arabic)))
    return out + arabic


def _langdetect_alone() -> Callable[[str], str]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return language.langdetect_label(detect(text))
        except LangDetectException:
            return "und"

    return run


def predict(fn: Callable[[str], str], examples: Sequence[Example]) -> tuple[list[str], list[int]]:
    """Answers and per-message times in nanoseconds."""
    preds: list[str] = []
    times: list[int] = []
    clock = time.perf_counter_ns
    for ex in examples[:20]:  # warm up: lazy loads and caches are not what we measure
        fn(ex.text)
    gc.collect()
    for ex in examples:
        t0 = clock()
        preds.append(fn(ex.text))
        times.append(clock() - t0)
    return preds, times


def f1(gold: Sequence[str], pred: Sequence[str], label: str) -> float | None:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
    n_pred = sum(1 for p in pred if p == label)
    n_gold = sum(1 for g in gold if g == label)
    if n_gold == 0:
        return None
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    scores = [s for s in (f1(gold, pred, lab) for lab in MAIN_LABELS) if s is not None]
    return sum(scores) / len(scores) if scores else None


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float | None:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else None


def percentile(values: Sequence[int], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] / 1000


def metrics(examples: Sequence[Example], preds: Sequence[str], times: Sequence[int]) -> dict:
    def subset(keep: Callable[[Example], bool]) -> tuple[list[str], list[str]]:
        pairs = [(ex.label, p) for ex, p in zip(examples, preds, strict=True) if keep(ex)]
        return [g for g, _ in pairs], [p for _, p in pairs]

    gold = [ex.label for ex in examples]
    rows: dict[str, float | int | None] = {
        "messages": len(examples),
        "accuracy (all)": accuracy(gold, preds),
        "macro-F1 ary/fr/ar (all)": macro_f1(gold, preds),
    }
    for lab in ("ary", "fr", "ar", "en"):
        rows[f"F1 {lab}"] = f1(gold, preds, lab)
    for script in ("Arab", "Latn"):
        g, p = subset(lambda ex, s=script: ex.script == s)
        rows[f"macro-F1 {script} script (n={len(g)})"] = macro_f1(g, p)
        rows[f"accuracy {script} script"] = accuracy(g, p)
    g, p = subset(lambda ex: 1 <= ex.words <= 3)
    rows[f"macro-F1 1-3 words (n={len(g)})"] = macro_f1(g, p)
    rows["accuracy 1-3 words"] = accuracy(g, p)
    for script in ("Arab", "Latn"):
        for lo, hi in LENGTHS:
            g, p = subset(lambda ex, s=script, lo=lo, hi=hi: ex.script == s
                          and lo <= ex.words <= hi)
            span = f"{lo}-{hi}" if hi < 10_000 else f"{lo}+"
            rows[f"macro-F1 {script} {span} words (n={len(g)})"] = macro_f1(g, p)
    # The Arabic-script held-out section: public sources the model never learned.
    public = ("seed", "pud", "tashkeela", "doda-arabic", "dev-")
    g, p = subset(lambda ex: ex.origin.startswith(public))
    rows[f"macro-F1 Arabic-script held-out (n={len(g)})"] = macro_f1(g, p)
    g, p = subset(lambda ex: ex.origin.startswith(public) and ex.label == "ary")
    rows[f"ary accuracy, Arabic-script held-out (n={len(g)})"] = accuracy(g, p)
    g, p = subset(lambda ex: ex.origin.startswith(public) and ex.label == "ar")
    rows[f"ar accuracy, Arabic-script held-out (n={len(g)})"] = accuracy(g, p)
    for origin in sorted({"tashkeela" if ex.origin.startswith("tashkeela") else ex.origin
                          for ex in examples}):
        if not origin.startswith(public):
            continue
        g, p = subset(lambda ex, o=origin: ex.origin.startswith(o))
        if g:
            rows[f"{g[0]} accuracy {origin} (n={len(g)})"] = accuracy(g, p)
    g, p = subset(lambda ex: ex.words >= 3 and ex.label in MAIN_LABELS)
    rows[f"'und' on 3+ words ary/fr/ar (n={len(g)})"] = sum(x == "und" for x in p)
    g, p = subset(lambda ex: ex.origin == "authored")
    rows[f"macro-F1 held-out only (n={len(g)})"] = macro_f1(g, p)
    rows["accuracy held-out only"] = accuracy(g, p)
    g, p = subset(lambda ex: ex.origin == "authored" and 1 <= ex.words <= 3)
    rows[f"macro-F1 held-out 1-3 words (n={len(g)})"] = macro_f1(g, p)
    for origin in ("doda-sentences", "doda-shorts"):
        g, p = subset(lambda ex, o=origin: ex.origin == o)
        if g:
            rows[f"ary recall {origin} (n={len(g)})"] = accuracy(g, p)
    rows["time p50 (µs)"] = percentile(times, 0.50)
    rows["time p95 (µs)"] = percentile(times, 0.95)
    return rows


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}" if value <= 1 else f"{value:.0f}"


def table(results: dict[str, dict]) -> str:
    names = list(results)
    keys = list(next(iter(results.values())))
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key in keys:
        lines.append(f"| {key} | " + " | ".join(_fmt(results[n][key]) for n in names) + " |")
    return "\n".join(lines)


def confusion(examples: Sequence[Example], preds: Sequence[str]) -> str:
    labels = ("ary", "fr", "ar", "en", "und")
    others = sorted({p for p in preds} - set(labels))
    cols = [*labels, *(["other"] if others else [])]
    lines = ["| gold \\ predicted | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
    for g in labels:
        row = [p if p in labels else "other"
               for ex, p in zip(examples, preds, strict=True) if ex.label == g]
        if row:
            lines.append(f"| {g} | " + " | ".join(str(row.count(c)) for c in cols) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT)
    parser.add_argument("--arabic-heldout", type=Path, default=None,
                        help="default: langid_arabic_heldout.tsv in the corpora cache")
    parser.add_argument("--doda", type=Path, default=DEFAULT_DODA,
                        help="DODa copy (default: ../shared/data/doda)")
    parser.add_argument("--doda-limit", type=int, default=None,
                        help="score a fixed random sample of N DODa messages (faster)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip langdetect alone (it takes minutes on all of DODa)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to N of Tijara's errors per gold label")
    parser.add_argument("--dev", action="store_true",
                        help="score the development split only (for tuning; not held out)")
    args = parser.parse_args(argv)

    if args.dev:
        examples = load_dev()
        print(f"development split: {len(examples)} lines (for tuning; not an evaluation)")
    else:
        examples = load_heldout(args.heldout)
        print(f"held-out: {len(examples)} messages from {args.heldout}")
        arabic = load_arabic_heldout(args.arabic_heldout)
        print(f"Arabic-script held-out: {len(arabic)} public sentences")
        examples += arabic
        if args.doda.is_dir():
            doda = load_doda(args.doda, args.doda_limit)
            print(f"DODa: {len(doda)} distinct Darija messages (both scripts) from {args.doda}")
            examples += doda
        else:
            print(f"note: DODa not found at {args.doda}; scoring the held-out set only")

    detectors = {"tijara (flows.language)": language.detect_language}
    if not args.no_baseline:
        detectors["langdetect alone"] = _langdetect_alone()
    results = {}
    all_preds = {}
    for name, fn in detectors.items():
        preds, times = predict(fn, examples)
        all_preds[name] = preds
        results[name] = metrics(examples, preds, times)
    print()
    print(table(results))
    for name, preds in all_preds.items():
        print(f"\nconfusion, {name}:\n")
        print(confusion(examples, preds))
    if args.errors:
        preds = all_preds["tijara (flows.language)"]
        for lab in ("ary", "fr", "ar", "en", "und"):
            wrong = [(ex, p) for ex, p in zip(examples, preds, strict=True)
                     if ex.label == lab and p != lab]
            print(f"\nerrors on {lab}: {len(wrong)}")
            for ex, p in wrong[: args.errors]:
                print(f"  {p:>4}  {ex.text[:100]!r}")
    size = sum(f.stat().st_size for f in language.DATA_DIR.rglob("*") if f.is_file())
    print(f"\nshipped data: {size / 1e6:.2f} MB in {language.DATA_DIR}; "
          f"median word count {statistics.median(ex.words for ex in examples)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
