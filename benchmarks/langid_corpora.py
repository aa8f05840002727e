"""Cut the public Arabic-script corpora into the files the language model trains and is scored on.

    python -m benchmarks.langid_corpora --subtitles DIR --newsfane FILE --seed FILE \
        --pud FILE --tashkeela DIR

Each argument is a local copy of one source listed in flows/langdata/SOURCES.md. Training
extracts go to benchmarks/data/langid_corpora/train_*.txt (read by benchmarks.build_langmodel),
evaluation extracts to benchmarks/data/langid_arabic_heldout.tsv (read by benchmarks.langid).
Training and evaluation never share a source: tests/unit/test_language_corpora.py checks it.
The output is a fixed random sample, so re-running it gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "benchmarks" / "data" / "langid_corpora"
HELDOUT = ROOT / "benchmarks" / "data" / "langid_arabic_heldout.tsv"

TRAIN_LINES = {"subtitles": 9000, "newsfane": 5000}
EVAL_LINES = {"seed": 600, "pud": 400, "tashkeela": 400}

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
_SENT_END = re.compile(r"(?<=[.!؟?])\s+")


def _arabic_enough(line: str, words: int = 3) -> bool:
    tokens = line.split()
    arabic = sum(bool(_ARABIC.search(t)) for t in tokens)
    return len(tokens) >= words and arabic * 4 >= len(tokens) * 3


def _sample(lines: list[str], n: int, seed: str) -> list[str]:
    unique = sorted(set(lines))
    rng = random.Random(seed)
    return rng.sample(unique, min(n, len(unique)))


def subtitles(folder: Path) -> list[str]:
    """Darija YouTube subtitles, one caption line each (several channels)."""
    out = []
    for path in sorted(folder.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = _SPACE.sub(" ", line).strip()
            if _arabic_enough(line):
                out.append(line)
    return out


_PREFIXES = frozenset("وفبلكس")
_SUFFIXES = frozenset(["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني"])


def _glue(words: list[str]) -> str:
    """NewsFANE splits clitics off ("ب الاتحاد", "اعتناق هم"): write them as Arabic does."""
    out: list[str] = []
    pending = ""
    for w in words:
        if w in _PREFIXES:
            pending += w
            continue
        if pending:
            w = pending[:-1] + "ل" + w[1:] if pending.endswith("ل") and w.startswith("ال") \
                else pending + w
            pending = ""
        elif w in _SUFFIXES and out:
            out[-1] += w
            continue
        out.append(w)
    return " ".join(out)


def newsfane(path: Path) -> list[str]:
    """NewsFANE Gold: one token a line with its tag; sentences end at a full stop."""
    out, words = [], []
    for row in path.read_text(encoding="utf-8-sig").splitlines():
        token = row.split("\t")[0].replace("\u200e", "").strip()
        if not token:
            continue
        words.append(token)
        if token in (".", "؟", "!") or len(words) >= 40:
            line = _glue(words)
            words = []
            if _arabic_enough(line, 4):
                out.append(line)
    return out


def seed(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if _arabic_enough(ln.strip())]


def pud(path: Path) -> list[str]:
    return [ln[len("# text = "):].strip()
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.startswith("# text = ")]


def tashkeela(folder: Path) -> list[tuple[str, str]]:
    """Sentences of the Corpus of Contemporary Arabic texts, with their genre folder."""
    out = []
    for path in sorted(folder.rglob("*.xml")):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        body = text.split("<body>", 1)[-1]
        for para in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
            para = _SPACE.sub(" ", _TAG.sub(" ", para)).strip()
            for sent in _SENT_END.split(para):
                sent = sent.strip()
                if _arabic_enough(sent) and len(sent.split()) <= 40:
                    out.append((sent, path.parent.name))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("subtitles", "newsfane", "seed", "pud", "tashkeela"):
        parser.add_argument(f"--{name}", type=Path, required=True)
    args = parser.parse_args(argv)

    CORPORA.mkdir(parents=True, exist_ok=True)
    train = {
        "train_ary_arab_youtube.txt": _sample(subtitles(args.subtitles), TRAIN_LINES["subtitles"],
                                              "subtitles"),
        "train_ar_newsfane.txt": _sample(newsfane(args.newsfane), TRAIN_LINES["newsfane"],
                                         "newsfane"),
    }
    for name, lines in train.items():
        (CORPORA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} lines")

    rows = [(s, "ary", "seed") for s in _sample(seed(args.seed), EVAL_LINES["seed"], "seed")]
    rows += [(s, "ar", "pud") for s in _sample(pud(args.pud), EVAL_LINES["pud"], "pud")]
    by_text = dict(tashkeela(args.tashkeela))
    for s in _sample(list(by_text), EVAL_LINES["tashkeela"], "tashkeela"):
        rows.append((s, "ar", f"tashkeela-{by_text[s].lower().replace(' ', '_')}"))
    with HELDOUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["text", "label", "script", "origin"])
        for text, label, origin in rows:
            writer.writerow([text.replace("\t", " "), label, "Arab", origin])
    print(f"{HELDOUT.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
