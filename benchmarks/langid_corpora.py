"""Cut the public Arabic-script corpora into the files the language model trains and is scored on.

    python -m benchmarks.langid_corpora --snapshots DIR

DIR is where the tool library's `fetch` puts snapshots (DIR/<owner>+<name>/repo, bare git
directories; LANGID_SNAPSHOTS may name it instead). The nine sources, the commits and paths read
are SNAPSHOTS below (licences and attributions in flows/langdata/SOURCES.md):

    fetch github:hbourbouh/bourbouh-moroccan-darija-youtube-subtitles   */*.txt
    fetch github:bvanaken/visbert          data/Finegrained/WikiFANE_2014_Gold_standard/NewsFANE...
    fetch github:openlanguagedata/seed     seed/ary_Arab (at a commit before the archive wipe)
    fetch github:UniversalDependencies/UD_Arabic-PUD   ar_pud-ud-test.conllu
    fetch github:linuxscout/tashkeela2     data/**/*.xml
    fetch github:kekecoco/momokingwiki     languages/i18n/ary.json (MediaWiki's Darija interface)
    fetch github:KamelGaanoun/MoroccanSummarization   MArSum1_test.txt (Goud.ma news in Darija)
    fetch github:global-asp/global-asp     ar/*.md (children's stories in MSA; CC BY ones only)
    fetch github:tico-19/tico-19.github.io   data/TM/all.en-ar.tmx.zip (TICO-19, Arabic side)

The extracts are fetched text, so they are never committed: they go to a git-ignored cache,
var/langid_corpora/ (LANGID_CORPORA overrides it). Training extracts train_*.txt are read by
benchmarks.build_langmodel; a development split of the same sources (other videos, other
sentences) goes to dev_*.txt, the only public text the scoring constants are tuned on
(python -m benchmarks.langid --dev); the evaluation extracts go to langid_arabic_heldout.tsv
(read by benchmarks.langid). Only benchmarks/data/langid_manifest.json is committed: per file
its line count and a short hash of each normalised line, so that tests can check without the
text that training, development and evaluation stay apart. The output is a fixed random sample:
re-running it gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from flows import language

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "benchmarks" / "data" / "langid_manifest.json"
HELDOUT = "langid_arabic_heldout.tsv"


@dataclass(frozen=True)
class Snapshot:
    repo: str
    commit: str
    path: str  # a file, or a folder prefix ending in "/" ("" for the whole tree)
    suffix: str
    licence: str


SNAPSHOTS = {
    "youtube": Snapshot("hbourbouh/bourbouh-moroccan-darija-youtube-subtitles",
                        "a67d6eaf61a4368756f4baf1409d0d2386914abb", "", ".txt", "CC BY 4.0"),
    "newsfane": Snapshot("bvanaken/visbert", "8c0f4a8b8eb821dca6d947206c3e3cbad9cda693",
                         "data/Finegrained/WikiFANE_2014_Gold_standard/NewsFANE_Gold_2014_170K.txt",
                         "", "CC BY-SA 3.0"),
    "seed": Snapshot("openlanguagedata/seed", "45849676b869d0d724e43d33aa01ec8899ff62f7",
                     "seed/ary_Arab", "", "CC BY-SA 4.0"),
    "pud": Snapshot("UniversalDependencies/UD_Arabic-PUD",
                    "be733f45d21f42d506c62930f806ed2182a5ee3d", "ar_pud-ud-test.conllu", "",
                    "CC BY-SA 3.0"),
    "tashkeela": Snapshot("linuxscout/tashkeela2", "2f1cce8bf391d89ab312819a2949ba6862ffa1f3",
                          "data/", ".xml", "GPL-3.0"),
    # MediaWiki core's Moroccan Darija interface messages (translatewiki.net, written by the
    # Darija Wikipedia's editors), in a verbatim copy of MediaWiki (2022) small enough to fetch.
    "mediawiki": Snapshot("kekecoco/momokingwiki", "4492bda73f05e986f350a70974af2c029d944caa",
                          "languages/i18n/ary.json", "", "CC BY 3.0"),
    # MArSum: Goud.ma news articles written in Darija, with their titles (the test file; the
    # training archive is over what a snapshot holds).
    "marsum": Snapshot("KamelGaanoun/MoroccanSummarization",
                       "a290cee0934db8642efc360c9913015204488abc", "MArSum1_test.txt", "",
                       "CC BY 4.0"),
    # Global African Storybook Project: children's stories translated into plain MSA, with
    # dialogue. Each story names its own licence; only the CC BY ones are read (storybook()).
    "storybook": Snapshot("global-asp/global-asp", "b0193c31edc62935cb8cc69549a1f416cbbab42f",
                          "ar/", ".md", "CC BY"),
    # TICO-19: COVID-19 text translated from English (doctor-patient dialogue, Wikivoyage,
    # Wikipedia, PubMed...); the Arabic side of the English-Arabic translation memory.
    "tico": Snapshot("tico-19/tico-19.github.io", "d97615f9cffa28ec7de571e00fbd513e5a1c7fc7",
                     "data/TM/all.en-ar.tmx.zip", "", "CC0 1.0"),
}
# What each cached file is, for the manifest: its role and, for the .txt files, label and source.
FILES = {
    "train_ary_arab_youtube.txt": ("train", "ary", "youtube"),
    "train_ar_newsfane.txt": ("train", "ar", "newsfane"),
    "dev_ary_youtube.txt": ("dev", "ary", "youtube"),
    "dev_ar_newsfane.txt": ("dev", "ar", "newsfane"),
    "train_ary_arab_mediawiki.txt": ("train", "ary", "mediawiki"),
    "dev_ary_mediawiki.txt": ("dev", "ary", "mediawiki"),
    "train_ary_arab_marsum.txt": ("train", "ary", "marsum"),
    "dev_ary_marsum.txt": ("dev", "ary", "marsum"),
    "train_ar_storybook.txt": ("train", "ar", "storybook"),
    "dev_ar_storybook.txt": ("dev", "ar", "storybook"),
    "train_ar_tico.txt": ("train", "ar", "tico"),
    "dev_ar_tico.txt": ("dev", "ar", "tico"),
    HELDOUT: ("eval", None, None),
}
HASH_CHARS = 12


class CacheMissing(RuntimeError):
    pass


def cache_dir() -> Path:
    return Path(os.environ.get("LANGID_CORPORA") or ROOT / "var" / "langid_corpora")


def cached(name: str) -> Path:
    """A cached extract, or CacheMissing saying in one line how to make the cache."""
    path = cache_dir() / name
    if not path.is_file():
        raise CacheMissing(f"{path} is missing: fetch the snapshots listed in "
                           "benchmarks/langid_corpora.py, then run "
                           "python -m benchmarks.langid_corpora --snapshots DIR")
    return path


def corpus_lines(name: str) -> list[str]:
    text = cached(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def read_heldout(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


TRAIN_LINES = {"subtitles": 30000, "newsfane": 5000}
DEV_LINES = {"subtitles": 1500, "newsfane": 800}
# One video in DEV_EVERY (by a stable hash of its id) is kept for the development split: lines
# of one video share words and names, so a split by line would flatter the scores.
DEV_EVERY = 10
EVAL_LINES = {"seed": 600, "pud": 400, "tashkeela": 400}

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
_SENT_END = re.compile(r"(?<=[.!؟?])\s+")


def _arabic_enough(line: str, words: int = 3) -> bool:
    tokens = line.split()
    arabic = sum(bool(_ARABIC.search(t)) for t in tokens)
    return len(tokens) >= words and arabic * 4 >= len(tokens) * 3


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def _key(line: str) -> str:
    """A line's letters only, hamza and final letters folded: what counts as the same line."""
    return " ".join(re.findall(r"[^\W\d_]+", line.translate(_FOLD)))


def _sample(lines: list[str], n: int, seed: str) -> list[str]:
    unique = sorted(set(lines))
    rng = random.Random(seed)
    return rng.sample(unique, min(n, len(unique)))


def _dev_video(video_id: str) -> bool:
    return zlib.crc32(video_id.encode()) % DEV_EVERY == 0


def _decode(data: bytes, encoding: str = "utf-8", errors: str = "strict") -> str:
    # As a text-mode read would: universal newlines.
    return data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")


def snapshot_files(snapshots: Path, name: str) -> dict[str, bytes]:
    """The files of one source at its commit, read from the fetched bare git directory."""
    snap = SNAPSHOTS[name]
    gitdir = snapshots / snap.repo.replace("/", "+") / "repo"
    if not gitdir.is_dir():
        raise SystemExit(f"{gitdir} is missing: fetch github:{snap.repo}")
    git = ["git", "--git-dir", str(gitdir)]
    listing = subprocess.run([*git, "ls-tree", "-r", "-z", snap.commit],
                             check=True, capture_output=True).stdout.decode()
    blobs = {}
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        wanted = path == snap.path or (
            snap.suffix and path.startswith(snap.path) and path.endswith(snap.suffix))
        if wanted and meta.split()[1] == "blob":
            blobs[path] = meta.split()[2]
    batch = subprocess.run([*git, "cat-file", "--batch"], check=True, capture_output=True,
                           input="".join(f"{sha}\n" for sha in blobs.values()).encode()).stdout
    out, pos = {}, 0
    for path in blobs:
        header_end = batch.index(b"\n", pos)
        header = batch[pos:header_end].split()
        if header[-1] == b"missing":  # snapshots leave out files of 4 MiB and more
            raise SystemExit(f"{path} is not in the snapshot {gitdir}")
        size = int(header[2])
        out[path] = batch[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1
    if not out:
        raise SystemExit(f"no {snap.path or '*' + snap.suffix} at {snap.commit} in {gitdir}")
    return out


def _ordered(files: dict[str, bytes]) -> list[tuple[PurePosixPath, bytes]]:
    return sorted((PurePosixPath(p), data) for p, data in files.items())


def subtitles(files: dict[str, bytes], dev: bool = False) -> list[str]:
    """Darija YouTube subtitles, one caption line each (several channels): the training videos,
    or with dev=True the development ones."""
    out = []
    for path, data in _ordered(files):
        if _dev_video(path.stem) != dev:
            continue
        for line in _decode(data).splitlines():
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


def newsfane(data: bytes) -> list[str]:
    """NewsFANE Gold: one token a line with its tag; sentences end at a full stop."""
    out, words = [], []
    for row in _decode(data, "utf-8-sig").splitlines():
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


def seed(data: bytes) -> list[str]:
    return [ln.strip() for ln in _decode(data).splitlines() if _arabic_enough(ln.strip())]


def pud(data: bytes) -> list[str]:
    return [ln[len("# text = "):].strip() for ln in _decode(data).splitlines()
            if ln.startswith("# text = ")]


def tashkeela(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """Sentences of the Corpus of Contemporary Arabic texts, with their genre folder."""
    out = []
    for path, data in _ordered(files):
        text = _decode(data, "utf-8-sig", "replace")
        body = text.split("<body>", 1)[-1]
        for para in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
            para = _SPACE.sub(" ", _TAG.sub(" ", para)).strip()
            for sent in _SENT_END.split(para):
                sent = sent.strip()
                if _arabic_enough(sent) and len(sent.split()) <= 40:
                    out.append((sent, path.parent.name))
    return out


# MediaWiki markup in a message: plural/gender switches (their first form is kept), other
# templates, tags, links, parameters and entities.
_SWITCH = re.compile(r"\{\{(?:PLURAL|GENDER|GRAMMAR):[^|{}]*\|([^|{}]*)(?:\|[^{}]*)?\}\}")
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKILINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
_EXTLINK = re.compile(r"\[(?:https?:)?//\S+ ([^\]]*)\]")
_MARKUP = re.compile(r"https?://\S+|\$\d+|&#?\w+;|'{2,}")
# A translated message is kept only if it is written in Darija: a Darija function word, or a
# letter MSA does not use (ڭ ݣ ڤ پ چ). Some messages were translated into MSA (of the kind of
# "يجب إدخال اسم المستخدم", an example made up here) and would teach the Darija class MSA.
_DARIJA_WORD_LIST = (
    "ديال ديالو ديالها ديالهوم ديالك ديالي د ف فـ هاد هادي هادا هادو لي اللي باش غادي غادية غا "
    "دابا شي شحال ماشي بلا واش فين كيفاش علاش بزاف حتا تا ؤ ؤلا ولا بلي ملي فاش يلا إلا "
    "كاين كاينة كاينين ماكاينش خاصك خاص عافاك واخا غير ڭاع كولشي حيت معا")
_DARIJA_WORDS = frozenset(_DARIJA_WORD_LIST.split())
_DARIJA_LETTERS = re.compile("[ڭݣڤپچ]")
_DARIJA_PREFIX = re.compile(r"^(?:كا|كي|تا|ما)[\u0600-\u06FF]{2,}(?:و|وش|ش)$")


def _darija(line: str) -> bool:
    words = line.replace("،", " ").replace(".", " ").split()
    return bool(_DARIJA_LETTERS.search(line) or _DARIJA_WORDS.intersection(words)
                or any(_DARIJA_PREFIX.match(w) for w in words))


def _dev_message(key: str) -> bool:
    return zlib.crc32(key.encode()) % DEV_EVERY == 0


def mediawiki(data: bytes, dev: bool = False) -> list[str]:
    """MediaWiki's Darija interface messages, markup dropped, one line of text each, written
    in Darija: those of the training messages, or with dev=True of the development ones (one
    message in DEV_EVERY, by a stable hash of its key)."""
    messages = json.loads(_decode(data, "utf-8-sig"))
    out = []
    for key, text in sorted(messages.items()):
        if key.startswith("@") or _dev_message(key) != dev or not isinstance(text, str):
            continue
        for _ in range(3):  # switches nest
            text = _SWITCH.sub(r"\1", text)
        text = _TEMPLATE.sub(" ", text)
        text = _TAG.sub(" ", _WIKILINK.sub(r"\1", _EXTLINK.sub(r"\1", text)))
        for line in _MARKUP.sub(" ", text).splitlines():
            line = _SPACE.sub(" ", line).strip(" *#:;")
            if _arabic_enough(line) and _darija(line):
                out.append(line)
    return out


# Words of MArSum's news Darija that MSA also writes ("لي" to me, "غير" other, "ولا" nor,
# "إلا" except, "بلا" without, "معا" together): not signs of Darija in a news article, where
# MSA passages (quotes, communiqués) sit between Darija ones. Nor are letters: Goud.ma writes
# گ and ڭ in place names of MSA sentences too (بأگادير), and ڤ پ in foreign names.
_NOT_DARIJA_IN_NEWS = frozenset(["لي", "غير", "ولا", "إلا", "بلا", "معا", "يلا"])
_NEWS_DARIJA_WORDS = _DARIJA_WORDS - _NOT_DARIJA_IN_NEWS
_NEWS_SENT_END = re.compile(r"(?<=[.!؟?…])\s+|\n+")


def _news_darija(line: str) -> bool:
    """A Darija function word or a ka-/ta-/ma- verb ending in -u/-sh (diacritics ignored)."""
    words = re.findall(r"[^\W\d_]+", language.clean(line))
    return bool(_NEWS_DARIJA_WORDS.intersection(words)
                or any(_DARIJA_PREFIX.match(w) for w in words))


def _dev_article(text: str) -> bool:
    return zlib.crc32(text.encode()) % DEV_EVERY == 0


def marsum(data: bytes, dev: bool = False) -> list[str]:
    """MArSum's Goud.ma articles (a quoted text and title a row): each title and article
    sentence that is written in Darija (a Darija function word or a ka-/ma- verb: many
    articles quote MSA communiqués), of the training articles or with
    dev=True of the development ones (one article in DEV_EVERY, by a stable hash of its text)."""
    rows = list(csv.reader(_decode(data, "utf-8-sig").splitlines(keepends=True),
                           delimiter=" "))
    out = []
    for row in rows[1:]:
        if len(row) != 2 or _dev_article(row[0]) != dev:
            continue
        text, title = row
        for line in [title, *_NEWS_SENT_END.split(text)]:
            line = _SPACE.sub(" ", line).strip()
            if _arabic_enough(line) and len(line.split()) <= 60 and _news_darija(line):
                out.append(line)
    return out


_LICENCE_LINE = re.compile(r"^\* License: \[([^\]]*)\]", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _dev_story(path: PurePosixPath) -> bool:
    return zlib.crc32(path.stem.encode()) % DEV_EVERY == 0


def storybook(files: dict[str, bytes], dev: bool = False) -> list[str]:
    """The sentences of the Global African Storybook's Arabic stories whose own licence line
    says CC BY (those marked CC-BY-NC, and the README, are left out): each page's text (the
    blocks between "##" headings, the title and the credit lines dropped, markup removed) cut
    into sentences; those of the training stories, or with dev=True of the development ones
    (one story in DEV_EVERY, by a stable hash of its file name)."""
    out = []
    for path, data in _ordered(files):
        text = _decode(data, "utf-8-sig")
        licence = _LICENCE_LINE.search(text)
        if not licence or licence.group(1).strip() != "CC-BY" or _dev_story(path) != dev:
            continue
        for page in re.split(r"^##[^\n]*$", text, flags=re.M)[1:]:
            lines = [ln for ln in page.splitlines() if not ln.lstrip().startswith(("*", "#"))]
            page = _MD_LINK.sub(r"\1", _IMAGE.sub(" ", " ".join(lines)))
            for sent in _SENT_END.split(_SPACE.sub(" ", page).strip()):
                sent = sent.strip()
                if _arabic_enough(sent, 2) and len(sent.split()) <= 60:
                    out.append(sent)
    return out


# TICO-19's parts, by the prefix of a translation unit's id (CMU_1:7, Wikivoyage_1:12...):
# CMU's doctor-patient questions and answers and Wikivoyage's travel advice are everyday
# MSA; PubMed, Wikipedia (wiki, Wikipedia_handpicked), Wikinews and Wikisource are formal.
TICO_PARTS = ("CMU", "Wikivoyage")
# TICO-19 has 31 documents, two of its parts a single one (CMU_1, Wikivoyage_1): a split by
# document would give a part wholly to one side. So the unit is a block of TICO_BLOCK
# consecutive segments of a document, and a single CMU sentence (they are independent
# questions and answers from a list, not a text).
TICO_BLOCK = 20
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _dev_segment(tuid: str) -> bool:
    doc, _, number = tuid.rpartition(":")
    unit = tuid if doc.startswith("CMU") else f"{doc}:{int(number) // TICO_BLOCK}"
    return zlib.crc32(unit.encode()) % DEV_EVERY == 0


def tico(data: bytes, dev: bool = False, parts: tuple[str, ...] = TICO_PARTS) -> list[str]:
    """The Arabic side of TICO-19's English-Arabic translation memory (a zip holding a TMX),
    cut into sentences, of the parts named: the training blocks, or with dev=True the
    development ones (one in DEV_EVERY, by a stable hash; see TICO_BLOCK)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".tmx")]
        root = ET.fromstring(archive.read(name))
    out = []
    for unit in root.iter("tu"):
        tuid = unit.get("tuid", "")
        if tuid.split("_")[0] not in parts or _dev_segment(tuid) != dev:
            continue
        for tuv in unit.iter("tuv"):
            if tuv.get(_XML_LANG) != "ar":
                continue
            text = _SPACE.sub(" ", "".join(tuv.find("seg").itertext())).strip()
            for sent in _SENT_END.split(text):
                sent = sent.strip()
                if _arabic_enough(sent, 2) and len(sent.split()) <= 60:
                    out.append(sent)
    return out


def _only(files: dict[str, bytes]) -> bytes:
    (data,) = files.values()
    return data


def cut(snapshots: Path) -> dict[str, list[str]]:
    """The cached files' lines (the held-out file's rows as text, label, script, origin)."""
    news = newsfane(_only(snapshot_files(snapshots, "newsfane")))
    subs = snapshot_files(snapshots, "youtube")
    news_train = _sample(news, TRAIN_LINES["newsfane"], "newsfane")
    subs_train = _sample(subtitles(subs), TRAIN_LINES["subtitles"], "subtitles")
    # Short captions ("قلت ليه لا") recur across videos: the dev split leaves out any line
    # that is also a training line.
    taken = {_key(s) for s in news_train + subs_train}
    rows = [(s, "ary", "seed") for s in _sample(seed(_only(snapshot_files(snapshots, "seed"))),
                                                 EVAL_LINES["seed"], "seed")]
    rows += [(s, "ar", "pud") for s in _sample(pud(_only(snapshot_files(snapshots, "pud"))),
                                                EVAL_LINES["pud"], "pud")]
    wiki = _only(snapshot_files(snapshots, "mediawiki"))
    wiki_train = _sample(mediawiki(wiki), len(wiki), "mediawiki")
    taken |= {_key(s) for s in wiki_train}
    news_ary = _only(snapshot_files(snapshots, "marsum"))
    news_ary_train = _sample(marsum(news_ary), len(news_ary), "marsum")
    taken |= {_key(s) for s in news_ary_train}
    stories = snapshot_files(snapshots, "storybook")
    stories_train = _sample(storybook(stories), 100_000, "storybook")
    covid = _only(snapshot_files(snapshots, "tico"))
    covid_train = _sample(tico(covid), 100_000, "tico")
    taken |= {_key(s) for s in stories_train + covid_train}
    by_text = dict(tashkeela(snapshot_files(snapshots, "tashkeela")))
    for s in _sample(list(by_text), EVAL_LINES["tashkeela"], "tashkeela"):
        rows.append((s, "ar", f"tashkeela-{by_text[s].lower().replace(' ', '_')}"))
    return {
        "train_ary_arab_youtube.txt": subs_train,
        "train_ar_newsfane.txt": news_train,
        "dev_ary_youtube.txt": _sample([s for s in subtitles(subs, dev=True)
                                        if _key(s) not in taken],
                                       DEV_LINES["subtitles"], "subtitles-dev"),
        "dev_ar_newsfane.txt": _sample([s for s in news if _key(s) not in taken],
                                       DEV_LINES["newsfane"], "newsfane-dev"),
        # All of them: a thousand lines, a hundred for development.
        "train_ary_arab_mediawiki.txt": wiki_train,
        "dev_ary_mediawiki.txt": _sample([s for s in mediawiki(wiki, dev=True)
                                          if _key(s) not in taken], len(wiki), "mediawiki-dev"),
        # All the Darija lines of the articles: 1,981 articles, one in ten for development.
        "train_ary_arab_marsum.txt": news_ary_train,
        "dev_ary_marsum.txt": _sample([s for s in marsum(news_ary, dev=True)
                                       if _key(s) not in taken], len(news_ary), "marsum-dev"),
        # Every sentence of the CC BY stories (about 600), one story in ten for development.
        "train_ar_storybook.txt": stories_train,
        "dev_ar_storybook.txt": _sample([s for s in storybook(stories, dev=True)
                                         if _key(s) not in taken], 100_000, "storybook-dev"),
        # The everyday parts of TICO-19 (TICO_PARTS), one block in ten for development.
        "train_ar_tico.txt": covid_train,
        "dev_ar_tico.txt": _sample([s for s in tico(covid, dev=True) if _key(s) not in taken],
                                   100_000, "tico-dev"),
        HELDOUT: ["\t".join([text.replace("\t", " "), label, "Arab", origin])
                  for text, label, origin in rows],
    }


def write_cache(files: dict[str, list[str]]) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        if name == HELDOUT:
            with (folder / name).open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, delimiter="\t", lineterminator="\n",
                                    quoting=csv.QUOTE_MINIMAL)
                writer.writerow(["text", "label", "script", "origin"])
                writer.writerows(ln.split("\t") for ln in lines)
        else:
            (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{folder / name}: {len(lines)} lines")


# The manifest: hashes of normalised lines, never the lines.

def line_hash(text: str) -> str:
    """A short hash of a line as the separation checks compare it (diacritics dropped, letters
    only, hamza and final letters folded)."""
    return hashlib.sha256(_key(language.clean(text)).encode()).hexdigest()[:HASH_CHARS]


def manifest_entry(name: str) -> dict:
    role, label, source = FILES[name]
    path = cached(name)
    if name == HELDOUT:
        rows = read_heldout(path)
        texts = [r["text"] for r in rows]
        labels = Counter(r["label"] for r in rows)
        sources = Counter(r["origin"].split("-")[0] for r in rows)
    else:
        texts = corpus_lines(name)
        labels, sources = Counter({label: len(texts)}), Counter({source: len(texts)})
    return {"role": role, "lines": len(texts), "labels": dict(sorted(labels.items())),
            "sources": dict(sorted(sources.items())),
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "hashes": sorted({line_hash(t) for t in texts})}


def build_manifest() -> dict:
    return {
        "about": "per cached extract (benchmarks/langid_corpora.py): line count, and the first "
                 f"{HASH_CHARS} hex digits of the SHA-256 of each normalised line; no text",
        "sources": {k: {"repo": s.repo, "commit": s.commit, "path": s.path or "*" + s.suffix,
                        "licence": s.licence} for k, s in SNAPSHOTS.items()},
        "files": {name: manifest_entry(name) for name in FILES},
    }


def dump_manifest(manifest: dict) -> str:
    # One hash a line: diffs stay readable when a sample changes.
    return json.dumps(manifest, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def read_manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def training_digest(manifest: dict) -> str:
    """What model.json records of the public text it counted: the training files' entries."""
    train = {n: e for n, e in manifest["files"].items() if e["role"] == "train"}
    return hashlib.sha256(json.dumps(train, sort_keys=True).encode()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshots", type=Path, default=os.environ.get("LANGID_SNAPSHOTS"),
                        help="where fetch put the snapshots (DIR/<owner>+<name>/repo)")
    args = parser.parse_args(argv)
    if args.snapshots is None:
        parser.error("give --snapshots DIR (or LANGID_SNAPSHOTS): where fetch put the snapshots")
    write_cache(cut(args.snapshots))
    MANIFEST.write_text(dump_manifest(build_manifest()), encoding="utf-8")
    print(f"wrote {MANIFEST}; now run python -m benchmarks.build_langmodel")


if __name__ == "__main__":
    main()
