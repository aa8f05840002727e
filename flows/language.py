"""Language of an owner's chat message: Darija (either script), French, MSA or English.

Two naive Bayes models over character n-grams and whole words, one per script (model.json,
built offline by benchmarks/build_langmodel.py), plus marker words that only one language uses.

Code-switching: the bot answers in the language the owner *builds sentences* in, because
owners borrow nouns, not grammar.
- Latin script: Darija grammar (marker words such as bghit/wach/dyal, or Arabizi digits as
  letters) at least as often as French or English function words makes the message Darija:
  "ach had les commentaires", "bghit n3rf wach je peux payer" -> ary. More French function
  words than Darija signs keeps it French: "bonjour je voudrais le prix svp 3afak" -> fr.
- Arabic script: more Darija grammar words (ديال، بغيت، واش، كاين، ka-/ki- present tense,
  ma...ch negation) than MSA grammar words (الذي، سوف، لم، هل...) makes it Darija, however
  much MSA vocabulary surrounds them: "كتعتبر الرياضة عامل أساسي في التنمية ديال المدينة" -> ary.
  As many is enough when a Darija word of the lexicon is among them, because written Darija
  keeps some MSA grammar and MSA never uses Darija's: "الزيت اللي أكد الخبراء أنه مفيد" -> ary.
  Words both write (خلال، تم، الشحن; تقدر، فهمت: langdata/vocab_ar*.txt) are no one's marker.
  Formulae both use word for word (إن شاء الله، الحمد لله، السلام عليكم; langdata/formulae.txt)
  are left out: "الحمد لله وصلتني السلعة" is judged on "وصلتني السلعة".
- Both scripts in one message: Darija signs in either part make it Darija
  ("بغيت نبيع l'huile d'argan"); otherwise the main script decides.

"und" is kept for messages with no language signal: names, numbers, emoji, one loanword,
"ok ok ok". A sentence of three words or more in French (with an article or a function word)
or in Arabic script always gets a language. In Latin script:
- Capitalised words with no marker word and no Arabizi digit are names or brands ("Karim
  Bziz Alaoui", "Zara Mango Bershka"): "und", though Moroccan names have Darija n-grams.
- Three words or more that the model would leave "und" (unknown Arabizi spellings the
  n-grams take for English, "cover dlphone bro") are Darija when one word is spelled as only
  Arabizi is spelled (_arabizi_signs: an onset French and English never use, kh, a detached
  f/l/d/w, 3nd, ma...ch, a word only the Darija training text has). That guess has
  confidence 0.5, below MIN_CONFIDENCE, so the bot never switches language on it. It is not
  made for capitalised names, for two words or fewer, nor against langdetect when langdetect
  is sure the message is Spanish, Italian, German, Portuguese or Dutch (Italian opens words
  with sb-/sf- too).
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY

__all__ = ["Detection", "analyse", "detect_language", "detect_script", "langdetect_label",
           "opening_language"]

DATA_DIR = Path(__file__).with_name("langdata")
MODEL_PATH = DATA_DIR / "model.json"

# langdetect samples n-grams at random; a fixed seed makes its answers repeatable.
DetectorFactory.seed = 0

# Only the start of a long message is read: chat text does not change language halfway
# often enough to pay for scanning 5,000 characters.
MAX_CHARS = 600
MAX_COUNTED_CHARS = 20_000  # words are still counted this far
NGRAM_MAX = 4

# Scoring constants, tuned on cross-validation of the training text and on DODa (see
# benchmarks/langid.py); the held-out set was not used to choose them.
ALPHA = 0.5             # additive smoothing of n-gram counts
NGRAM_WEIGHT = 0.25     # overlapping n-grams are not independent: damp their sum
# A whole word seen in training, against one of its n-grams. The Arabic-script model learned
# some 44,000 real sentences, so its words are trusted more; the Latin one only the project's text.
WORD_WEIGHT = {"latn": NGRAM_WEIGHT, "arab": 0.5}
STRONG_BONUS = 2.5      # a marker word of exactly one language
WEAK_BONUS = 0.6        # a noun or adjective that Darija also borrows (vocab_*.txt)
ARABIZI_BONUS = 3.0     # a Latin word with a digit used as a letter: l3ar9an, 3afak, 7na
MIXED_BONUS = 2.0       # Arabic and Latin words in one message: code-switching is Darija
PRIORS = {"latn": {"ary": 0.8, "fr": 0.0, "en": -0.3}, "arab": {"ary": 0.0, "ar": 0.0}}
TEMPERATURE = 1.0       # softmax temperature of the final scores
MIN_CONFIDENCE = 0.6    # below this the answer is "und"
WORD_CACHE_SIZE = 50_000  # words whose scores are kept (a few MB); emptied when full
# A lone Latin word that is in no word list is Darija when the model gives Darija at
# least this much: Latin text from Moroccan owners is mostly Arabizi.
LATN_ARY_FALLBACK = 0.2
# Confidence of Darija decided by the code-switching rule rather than by the model.
RULE_CONFIDENCE = 0.6
# French or English without one of its function words needs this many words.
LATN_BARE_WORDS = 5
LANGDETECT_MIN_PROB = 0.9
# A Latin message of this many words or more that the model leaves "und" is Darija when it
# shows an Arabizi spelling (see _arabizi_signs), at this confidence: a guess, below
# MIN_CONFIDENCE, so the bot never switches language on it (opening_language wants 0.9).
SENTENCE_WORDS = 3
ARABIZI_FALLBACK_CONFIDENCE = 0.5
ARAB_SHORT_CONFIDENCE = 0.9  # one or two Arabic-script words with no marker word
# Confidence never exceeds these for 1 and 2 words: too little text to be sure.
WORD_CAPS = {1: 0.8, 2: 0.9}

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
                  (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

# Markup, links and handles carry no language; they are cut before anything else.
_NOISE_RE = re.compile(
    r"<[^>]{0,200}>|&#?\w{1,10};|(?:https?://|www\.)\S+|\S+@\S+\.\w+|@\w+"
    r"|\b[\w.-]+\.(?:com|ma|fr|net|org|io|co|info|shop|store)\b\S*",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"[^\W_]+")
# A number with an optional unit ("5kg", "2eme", "1m50", "3x2") is not a word.
_QUANTITY_RE = re.compile(
    r"\d+(?:[.,x]\d+)*(?:kg|g|gr|mg|l|ml|cl|dl|lt|m|m2|m3|cm|mm|km|dh|dhs|mad|eur|usd|k|h|"
    r"min|mn|s|x|t|pcs|pc|p|eme|ème|em|er|ere|re|e|nd|st|rd|th)?\d*"
)
# Arabizi: a digit standing for a letter, next to a letter ("3la", "l3ar9an", "nbi3").
_ARABIZI_RE = re.compile(r"[a-z][2-9]|[2-9][a-z]")
_TRAILING_NUMBER_RE = re.compile(r"[a-z]\d{2,}$")  # covid19, h24, iphone13: not Arabizi
# Three or more of a letter is emphasis ("merciii", "bzzzaf"); Darija doubles are only two.
_REPEAT_RE = re.compile(r"(.)\1{2,}")

# Invisible format characters (bidi overrides, zero-width joiners) and Arabic diacritics
# and tatweel are dropped.
_DROP = dict.fromkeys(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0x061C,
     0x00AD, 0x0640, *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]
)
_TRANSLATE = {**_DROP, ord("’"): "'", ord("‘"): "'", ord("`"): "'"}
# Hamza on alef and final yeh are folded for the n-grams and word-list look-ups, because
# phone keyboards, writers and corpora are inconsistent; the shape rules still see them
# (the MSA future سأرسل).
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


@dataclass(frozen=True)
class Detection:
    language: str      # "ary" | "fr" | "ar" | "en" | "und"
    script: str        # "Arab" | "Latn" | "und"
    confidence: float  # 0..1; 0.0 when the language is "und"
    words: int         # words with at least one letter


def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _ARABIC_RANGES)


def clean(text: str) -> str:
    """Lower-cased text without markup, links, invisible characters or diacritics."""
    text = text[:MAX_COUNTED_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = _NOISE_RE.sub(" ", text)
    return text.translate(_TRANSLATE).lower()


def tokens(cleaned: str) -> tuple[list[str], list[str], int]:
    """Latin words, Arabic words and the total word count of a cleaned text."""
    latin: list[str] = []
    arabic: list[str] = []
    count = 0
    for m in _TOKEN_RE.finditer(cleaned):
        tok = m.group()
        if tok.isdigit() or _QUANTITY_RE.fullmatch(tok):
            continue
        if m.start() >= MAX_CHARS:
            count += 1
            continue
        tok = _REPEAT_RE.sub(r"\1", tok)
        first = next((c for c in tok if not c.isdigit()), "")
        if not first:
            continue
        count += 1
        (arabic if _is_arabic(first) else latin).append(tok)
    return latin, arabic, count


def ngrams(tok: str) -> list[str]:
    """Character 1..4-grams of a word padded with spaces, plus the whole word. Hamza on alef
    and final yeh are folded: the corpora disagree on them (NewsFANE and the YouTube captions
    hardly write أ), so they would teach the source, not the language."""
    if not tok.isascii():
        tok = tok.translate(_FOLD)
    s = f" {tok} "
    n = len(s)
    out = [f"<{tok}>"]
    for i in range(n):
        for k in range(1, NGRAM_MAX + 1):
            if i + k > n:
                break
            g = s[i : i + k]
            if g != " ":
                out.append(g)
    return out


def _read_words(name: str) -> set[str]:
    path = DATA_DIR / name
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(clean(line).strip().translate(_FOLD))
    return words


def read_lines(name: str) -> list[str]:
    """Non-comment lines of a text file in langdata/."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


# Which training files feed which script model (used by benchmarks/build_langmodel.py).
TRAINING = {
    "latn": {"ary": ["train_ary_latn.txt"], "fr": ["train_fr.txt"], "en": ["train_en.txt"]},
    "arab": {"ary": ["train_ary_arab.txt"], "ar": ["train_ar.txt"]},
}
LEXICONS = {"ary": "words_ary.txt", "fr": "words_fr.txt", "en": "words_en.txt",
            "ar": "words_ar.txt"}
WEAK_LEXICONS = {"fr": "vocab_fr.txt", "en": "vocab_en.txt"}
# Arabic-script words MSA and written Darija share (خلال، تم، الشحن / تقدر، فهمت): training
# words of their class, never marker words.
SHARED_LEXICONS = {"ar": "vocab_ar.txt", "ary": "vocab_ary.txt"}


class _Lexicon:
    """Marker words: a word counts only if exactly one language claims it."""

    def __init__(self) -> None:
        self.neutral = _read_words("neutral.txt")
        self.weak = self._owned(WEAK_LEXICONS, set())
        # Borrowed nouns, even those both French and English claim ("kilo", "stock").
        self.loanwords = set().union(*(_read_words(n) for n in WEAK_LEXICONS.values()))
        shared = set().union(*(_read_words(n) for n in SHARED_LEXICONS.values()))
        self.strong = self._owned(LEXICONS, self.loanwords | self.neutral | shared)
        # Religious and polite formulae that Darija and MSA share word for word, by first
        # word, longest first.
        self.formulae: dict[str, list[tuple[str, ...]]] = {}
        for line in read_lines("formulae.txt"):
            f = tuple(_TOKEN_RE.findall(clean(line).translate(_FOLD)))
            self.formulae.setdefault(f[0], []).append(f)
        for fs in self.formulae.values():
            fs.sort(key=len, reverse=True)
        self.short: dict[str, str] = {}
        for line in read_lines("short_answers.tsv"):
            text, _, label = line.partition("\t")
            key = " ".join(_TOKEN_RE.findall(clean(text))).translate(_FOLD)
            self.short[key] = label.strip()

    @staticmethod
    def _owned(files: dict[str, str], exclude: set[str]) -> dict[str, str]:
        owners: dict[str, list[str]] = {}
        for lang, name in files.items():
            for w in _read_words(name):
                owners.setdefault(w, []).append(lang)
        return {w: langs[0] for w, langs in owners.items() if len(langs) == 1 and w not in exclude}

    def lookup(self, tok: str) -> str | None:
        if not tok.isascii():
            tok = tok.translate(_FOLD)
        lang = self.strong.get(tok)
        if lang is None and len(tok) > 2 and tok[0] == "و":
            lang = self.strong.get(tok[1:])  # Arabic "and" is glued to the next word
        return lang

    def without_formulae(self, words: list[str]) -> list[str]:
        """The words outside shared formulae ("إن شاء الله", "الحمد لله"): those say nothing
        of Darija or MSA. All the words if nothing else is left."""
        rest: list[str] = []
        i = 0
        while i < len(words):
            n = self._formula_at(words, i)
            if not n:
                rest.append(words[i])
            i += n or 1
        return rest or words

    def _formula_at(self, words: list[str], i: int) -> int:
        """Length of the formula starting at word i ("والحمد لله" too), 0 if none."""
        first = words[i].translate(_FOLD)
        candidates = self.formulae.get(first) or (
            self.formulae.get(first[1:]) if first.startswith("و") else None)
        for f in candidates or ():
            span = [w.translate(_FOLD) for w in words[i + 1:i + len(f)]]
            if span == list(f[1:]):
                return len(f)
        return 0

    def short_answer(self, words: list[str]) -> str | None:
        return self.short.get(" ".join(words).translate(_FOLD))


class _Model:
    """Naive Bayes over character n-grams, one per script, counts from model.json."""

    def __init__(self, data: dict, word_weight: float) -> None:
        self.classes: tuple[str, ...] = tuple(data["classes"])
        totals = data["totals"]
        vocab = data["vocab"]
        denom = [math.log(t + ALPHA * max(vocab, 1)) for t in totals]
        self.table: dict[str, tuple[float, ...]] = {
            g: tuple((math.log(c + ALPHA) - d) * (word_weight if g[0] == "<" else NGRAM_WEIGHT)
                     for c, d in zip(cs, denom, strict=True))
            for g, cs in data["grams"].items()
        }
        # Latin model: whole words the training text of exactly one class contains.
        self.own_words: dict[str, str] = {
            g[1:-1]: self.classes[seen[0]] for g, cs in data["grams"].items()
            if g[0] == "<" and len(seen := [j for j, c in enumerate(cs) if c]) == 1
        } if "fr" in self.classes else {}
        # Chat repeats its words ("ديال", "bghit", "le"): each is scored once.
        self._cache: dict[str, tuple[tuple[float, ...], int]] = {}

    def knows(self, word: str) -> bool:
        """Whether the word was seen whole in training."""
        return f"<{word.translate(_FOLD)}>" in self.table

    def score(self, words: Iterable[str]) -> tuple[list[float], int]:
        """Summed log-likelihoods, and how many of the words were seen whole in training."""
        s = [0.0] * len(self.classes)
        known = 0
        cache = self._cache
        for w in words:
            hit = cache.get(w)
            if hit is None:
                hit = self._word(w)
                if len(cache) >= WORD_CACHE_SIZE:
                    cache.clear()
                cache[w] = hit
            vector, seen = hit
            known += seen
            for j, v in enumerate(vector):
                s[j] += v
        return s, known

    def _word(self, w: str) -> tuple[tuple[float, ...], int]:
        """One word's summed log-likelihoods, and 1 if it was seen whole in training."""
        table = self.table
        s = [0.0] * len(self.classes)
        grams = ngrams(w)
        for g in grams:
            v = table.get(g)
            if v is not None:
                for j, x in enumerate(v):
                    s[j] += x
        return tuple(s), int(grams[0] in table)


def _load() -> tuple[dict[str, _Model], _Lexicon]:
    if MODEL_PATH.exists():
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    else:  # only while benchmarks/build_langmodel.py makes the first model
        data = {"models": {k: {"classes": list(v), "totals": [0] * len(v), "vocab": 0,
                               "grams": {}} for k, v in TRAINING.items()}}
    return {k: _Model(v, WORD_WEIGHT[k]) for k, v in data["models"].items()}, _Lexicon()


_MODELS, _LEX = _load()

# langdetect is only asked when the n-gram model cannot tell (it costs ~2 ms a call);
# its profiles load on first use, behind a lock because the bot answers concurrently.
_LD_LOCK = threading.Lock()
_LD_FACTORY: DetectorFactory | None = None
# Languages other than French and English that an owner might paste. langdetect's other
# Latin-script answers (so, sw, tl, id, sv, fi, hu, et...) are mostly Arabizi misread.
_LD_FOREIGN = frozenset(["es", "it", "de", "pt", "nl"])
# Internal answer: langdetect is sure it is one of those. "und" to the caller, but unlike a
# message the model is unsure of, an Arabizi spelling does not make it Darija.
_FOREIGN = "foreign"


def _langdetect(text: str) -> tuple[str, float]:
    global _LD_FACTORY
    with _LD_LOCK:
        if _LD_FACTORY is None:
            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            # An instance attribute: immune to anyone resetting the class-wide seed.
            factory.seed = 0
            _LD_FACTORY = factory
        factory = _LD_FACTORY
    try:
        detector = factory.create()
        detector.append(text)
        best = detector.get_probabilities()[0]
    except Exception:  # langdetect raises on text without features
        return "und", 0.0
    return best.lang, best.prob


def _langdetect_says(text: str, code: str) -> bool:
    found, prob = _langdetect(text)
    return found == code and prob >= LANGDETECT_MIN_PROB


def langdetect_label(code: str) -> str:
    """A langdetect code in this module's labels; other codes are returned unchanged."""
    if code in ("ar", "fa", "ur"):
        return "ar"
    return code


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exps = {k: math.exp((v - top) / TEMPERATURE) for k, v in scores.items()}
    z = sum(exps.values())
    return {k: e / z for k, e in exps.items()}


# Keheh, Farsi yeh, Urdu letters: not used to write Arabic or Darija.
_PERSIAN_RE = re.compile("[\u06a9\u06cc\u06d2\u0679\u0688\u0691\u06ba\u06be]")


def _script_of(latin: list[str], arabic: list[str]) -> str:
    n_lat = sum(1 for t in latin for c in t if not c.isdigit())
    n_ar = sum(1 for t in arabic for c in t if not c.isdigit())
    if not n_lat and not n_ar:
        return "und"
    return "Arab" if n_ar > n_lat else "Latn"


@dataclass
class _Evidence:
    content: list[str]    # words that are not neutral (nor, in Arabic script, formulae)
    words: int            # words that are not neutral, formulae included
    markers: dict[str, int]
    lexical_ary: int      # Darija markers that are lexicon words, not guessed from a shape
    arabizi: int          # Latin words with digits as letters
    known: int            # words seen in training or in a word list


# ka-/ki-/ta- before a verb's person prefix: كنبيع، كتخدم، كيصيفط، تيركز. Spelled with alef,
# the person prefix must follow (كايدير، كاتشوف), else names pass for verbs (كازاخستان).
_DARIJA_PRESENT = ("كن", "كت", "كي", "تي")
_DARIJA_PRESENT_KA = ("كاي", "كات", "كان")
# MSA words that start like a Darija present-tense verb.
_MSA_KA_WORDS = frozenset({
    "كانت", "كانوا", "كتابي", "كتابه", "كتابك", "كتبنا", "كتبت", "كتالوج", "كاملا", "كامل",
    "كافيا", "كانون", "كاتب", "كاميرا", "تيارات", "تيسير", "تيمنا", "تيجان", "كانتا", "كاتبا",
    "كاتبه",
})


# MSA words that start like a Darija future verb (gha-/ghadi + n-/t-/y-).
_MSA_GHA_WORDS = frozenset({
    "غيره", "غيرها", "غيرهم", "غيرهما", "غيرهن", "غيرنا", "غيرك", "غيركم", "غيرت", "غيرته",
    "غياب", "غيابه", "غيابها", "غيوم", "غيث", "غنائم", "غناء", "غنيا", "غنيه", "تيار", "تيسير",
})
# MSA words shaped like the Darija negation m-...-ch (see _arabic_morphology).
_MSA_MEEM_SHEEN = frozenset({"مراكش", "مرتعش", "مفترش", "معايش"})
# Letters that Moroccan writers use for g and that MSA does not write.
_DARIJA_LETTERS_RE = re.compile("[\u06ad\u06af\u08b3\u0763]")  # ڭ گ ࢳ ݣ


def _arabic_morphology(word: str, prev: str) -> str | None:
    """Darija or MSA from the shape of an Arabic-script word that no word list knows."""
    if word.endswith("ش") and len(word) >= 3 and (prev == "ما" or
                                                   (word.startswith("ما") and len(word) >= 5)):
        return "ary"  # negation ma...ch: ما فهمتش, ماكاينش
    if (word[0] == "م" and word[-1] == "ش" and len(word) >= 5 and word not in _MSA_MEEM_SHEEN
            and not (len(word) == 5 and (word[1] in "تن" or word[3] == "و"))):
        # The same negation with ma- cut to m-: مكاينش، ميقدرش، معرفتش. Five-letter MSA
        # participles end in ش too (منقوش، متوحش، مندهش): those shapes do not count.
        return "ary"
    if word.startswith("سأ") and len(word) >= 4:
        return "ar"  # future prefix sa-: سأرسل (Darija says غادي)
    if word.startswith(("فال", "دال")) and len(word) >= 5 and prev and _MODELS["arab"].knows(
            word[1:]):
        # "in the", "of the" glued to the noun: فالدار, دالناس (MSA: في الدار). First in a
        # message it is as likely MSA's "so the" (فالقبائل كانت...), so it does not count;
        # nor before a noun never seen, which is more likely a name (فالنتينو، دالاس).
        return "ary"
    if prev in ("د", "ف") and word.startswith("ال") and len(word) >= 4:
        # "of the", "in the" written apart: الرئيس د الحكومة، ف الدار. MSA glues them.
        return "ary"
    if _DARIJA_LETTERS_RE.search(word):
        return "ary"  # ڭ: ڭال, بزاڭ
    if word[-1] == "ة" or word.startswith("كيلو"):
        return None  # a verb never ends in ة (كناية، كيفية), and كيلو- is a unit
    if len(word) >= 5 and (word[:2] in _DARIJA_PRESENT or word[:3] in _DARIJA_PRESENT_KA) \
            and word not in _MSA_KA_WORDS:
        return "ary"  # present tense ka-/ki-/ta-: كنبيع، كتخدم، كيصيفط، تيركز، كايدير
    if len(word) >= 5 and word[:2] in ("غن", "غت", "غي") and word not in _MSA_GHA_WORDS:
        return "ary"  # future gha-: غنمشي، غتشوف، غيجي
    return None


def _score(words: list[str], key: str, other_script_words: int = 0) -> tuple[dict[str, float],
                                                                           _Evidence]:
    """Scores of the candidate languages of one script model, and the evidence behind them."""
    model = _MODELS[key]
    content = [w for w in words if w not in _LEX.neutral]
    n_words = len(content)
    if key == "arab":
        content = _LEX.without_formulae(content)
    raw, known = model.score(content)
    scores = {c: raw[i] + PRIORS[key][c] for i, c in enumerate(model.classes)}
    markers = dict.fromkeys(scores, 0)
    arabizi = lexical_ary = 0
    prev = ""
    for w in content:
        lang = _LEX.lookup(w)
        if lang in scores:
            scores[lang] += STRONG_BONUS
            markers[lang] += 1
            lexical_ary += lang == "ary"
        elif key == "latn" and (weak := _LEX.weak.get(w)):
            scores[weak] += WEAK_BONUS
        if key == "latn":
            if _ARABIZI_RE.search(w) and not _TRAILING_NUMBER_RE.search(w):
                scores["ary"] += ARABIZI_BONUS
                arabizi += 1
        elif lang is None:
            morph = _arabic_morphology(w, prev)
            if morph:
                scores[morph] += STRONG_BONUS
                markers[morph] += 1
        prev = w
    if other_script_words >= 2 and len(words) >= 2:
        scores["ary"] += MIXED_BONUS
    return scores, _Evidence(content, n_words, markers, lexical_ary, arabizi, known)


def _core_ary(ev: _Evidence) -> float | None:
    """Darija probability from the words that are not loanwords; None if none is left."""
    core = [w for w in ev.content if w not in _LEX.loanwords and len(w) > 1]
    return _softmax(_score(core, "latn")[0])["ary"] if core else None


# French determiners. They are loanwords too ("les commentaires"), so they only count for a
# message with no Darija sign at all.
_FR_ARTICLES = frozenset(["le", "la", "les", "un", "une", "des", "du", "au", "aux", "mon", "ma",
                          "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs", "ce",
                          "cet", "cette", "ces", "notre", "nos", "votre", "vos"])
_FR_ELISION_RE = re.compile(r"\b(?:d|j|l|m|t|qu|n|s|c)'[^\W\d_]")  # d'aide, j'ai, l'heure


# Arabizi spellings that French and English never use, for Latin messages the model cannot
# place (unknown spellings of Darija words, DODa-style fragments). Not trained: these are
# rules of the writing system.
# - A word whose opening consonants are not a French or English onset: the Darija article or
#   person prefix glued on (lmdina, lfacture, dlkefta, nsajel), or Arabic clusters (mzyan,
#   bzaf, nta, mbrouk, chno, ghbrtih). Vowelless words (svp, rdv, bzf) and j- contractions of
#   French (jveux, jsuis) do not count.
# - "kh" anywhere in a word of three letters or more (khoya, lkhedma): خ.
# - A Darija preposition or "and" written apart: "f", "fe", "fl", "l", "d", "w" before a word
#   (a French elision l'/d' is not apart).
# - A digit as a letter that reads like an ordinal and is none ("3nd", عند), which tokens()
#   drops as a quantity.
# - The negation ma...ch around a verb (mafhmtch, makaynch, mabghitch).
# - A word only the Darija training text contains (men, wakha...), loanwords aside.
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿœæ")
_ROMANCE_ONSETS = frozenset([
    "bl", "br", "ch", "chl", "chr", "cl", "cr", "dr", "dj", "dw", "fl", "fr", "gh", "gl", "gn",
    "gr", "kh", "kl", "kn", "kr", "ph", "phl", "phr", "pl", "pn", "pr", "ps", "pt", "rh", "sc",
    "sch", "scr", "sh", "shr", "sk", "sl", "sm", "sn", "sp", "sph", "spl", "spr", "sq", "squ",
    "st", "str", "sw", "th", "thr", "tr", "ts", "tch", "tw", "vl", "vr", "wh", "wr", "mm", "pf",
    "sv", "jv", "jp", "js", "jm", "jt", "jc", "jl"])
_APART_RE = re.compile(r"(?:^|\s)(?:f|fe|fl|l|d|w)\s+[^\W\d_]")
_LATIN_NEGATION_RE = re.compile(r"[wo]?ma[a-z]{2,}[^r\W\d_]ch")
_MISREAD_ORDINAL_RE = re.compile(r"(?<![\w'])\d*(?:[02-9]st|[013-9]nd|[0-24-9]rd)\b")


def _onset(word: str) -> str:
    """The consonants before a word's first vowel; the whole word if it has no vowel."""
    for i, c in enumerate(word):
        if c in _VOWELS:
            return word[:i]
    return word


def _arabizi_signs(content: list[str], cleaned: str) -> int:
    """How many Arabizi spellings (above) a Latin message shows."""
    signs = 0
    for w in content:
        if len(w) < 3 or not w.isalpha() or w in _LEX.loanwords:
            continue
        onset = _onset(w)
        if ((len(onset) >= 2 and onset != w and onset not in _ROMANCE_ONSETS) or "kh" in w
                or _LATIN_NEGATION_RE.fullmatch(w)
                or _MODELS["latn"].own_words.get(w) == "ary"):
            signs += 1
    signs += len(_APART_RE.findall(cleaned))
    signs += len(_MISREAD_ORDINAL_RE.findall(cleaned))
    return signs


def _latin(probs: dict[str, float], ev: _Evidence, cleaned: str) -> tuple[str, float]:
    """Darija, French, English or "und" for Latin-script words, with a confidence."""
    label = max(probs, key=probs.__getitem__)
    darija = ev.markers["ary"] + ev.arabizi
    n = len(ev.content)
    if label in ("fr", "en"):
        own = ev.markers[label]
        if darija and darija >= own:
            # Darija grammar words around French nouns ("ach had les commentaires") is
            # Darija: owners borrow nouns, not pronouns and verbs.
            return "ary", max(_core_ary(ev) or 0.0, RULE_CONFIDENCE)
        if (label == "fr" and not own and not darija and n >= 3
                and (any(w in _FR_ARTICLES for w in ev.content[:-1])
                     or _FR_ELISION_RE.search(cleaned))
                and (probs["fr"] >= LANGDETECT_MIN_PROB or _langdetect_says(cleaned, "fr"))):
            # "Le soleil brille fort", "Karim a besoin d'aide": a determiner or an elision
            # before a noun and a verb, with no Darija sign, is a French sentence, not a
            # list of loanwords. Where the n-grams hesitate ("Le chat dort": chat is English
            # too), langdetect's sure French settles it.
            return "fr", max(probs["fr"], RULE_CONFIDENCE)
        if not own and (darija or n < LATN_BARE_WORDS):
            # Loanwords look French to the n-grams ("bureau", "jatni commande"): without
            # a French or English function word, judge the other words alone.
            ary = _core_ary(ev)
            if ary is None or ary < LATN_ARY_FALLBACK:
                return "und", 0.0
            return "ary", ary
        if not own:
            # Five or more words yet no function word: a list of nouns, or another
            # language. Only langdetect's agreement keeps the guess.
            code, prob = _langdetect(cleaned)
            if code == label:
                return label, probs[label]
            return (_FOREIGN if code in _LD_FOREIGN and prob >= LANGDETECT_MIN_PROB
                    else "und"), 0.0
    sure_darija = label == "ary" and probs[label] >= LANGDETECT_MIN_PROB
    if n >= 3 and not darija and ev.known * 2 < n and not sure_darija:
        # Mostly unknown words and no Darija sign: perhaps another language altogether,
        # which langdetect knows (55 of them). Rare, so its ~2 ms hardly count.
        code, prob = _langdetect(cleaned)
        if code in _LD_FOREIGN and prob >= LANGDETECT_MIN_PROB:
            return _FOREIGN, 0.0
        if code in _LD_FOREIGN and not ev.markers[label]:
            return "und", 0.0
    return label, probs[label]


def _arabic(probs: dict[str, float], ev: _Evidence, cleaned: str) -> tuple[str, float]:
    """Darija, MSA or "und" for Arabic-script words, with a confidence."""
    label = max(probs, key=probs.__getitem__)
    if _PERSIAN_RE.search(cleaned):
        # Persian or Urdu letters: langdetect tells those languages from Arabic.
        code, prob = _langdetect(cleaned)
        if code in ("fa", "ur") and prob >= LANGDETECT_MIN_PROB:
            return "und", 0.0
    if label == "ar" and (ev.markers["ary"] > ev.markers["ar"]
                          or (ev.lexical_ary and ev.lexical_ary >= ev.markers["ar"])):
        # Darija grammar in MSA vocabulary ("كتعتبر الرياضة عامل أساسي"): Darija borrows
        # MSA nouns freely, MSA never uses Darija grammar words. Short messages too
        # ("بسلامة وشكرا"). Written Darija keeps some MSA grammar ("اللي أكد الخبراء أنه..."),
        # so a tie goes to Darija when its side holds a Darija word of the lexicon; a word
        # guessed from its shape (ka-, fa-l-) can be a name (كيليا، فالنتينو) and does not
        # break a tie.
        return "ary", max(probs["ary"], RULE_CONFIDENCE)
    if ev.words <= 2 and not ev.markers[label] and probs[label] < ARAB_SHORT_CONFIDENCE:
        return "und", 0.0
    if ev.markers[label] > min(ev.markers.values()):
        # Its own marker words ("بسلامة وشكرا"): a language signal even when the n-grams
        # hesitate.
        return label, max(probs[label], RULE_CONFIDENCE)
    return label, probs[label]


def _judge(words: list[str], key: str, other: int, cleaned: str,
           text: str = "") -> tuple[str, float, int]:
    """Language, confidence and Darija signs of the words of one script (text: the message
    as typed, for its capitals)."""
    scores, ev = _score(words, key, other)
    n = ev.words
    if n == 0:
        return "und", 0.0, 0
    probs = _softmax(scores)
    label, conf = (_latin if key == "latn" else _arabic)(probs, ev, cleaned)
    # Latin Darija is kept at low confidence: Latin text from owners is mostly Arabizi.
    # Three Arabic-script words or more are a sentence: the likelier of Darija and MSA.
    if conf < MIN_CONFIDENCE and label != _FOREIGN and not (
            label == "ary" and key == "latn") and not (
            key == "arab" and n >= 3 and label != "und"):
        label, conf = "und", 0.0
    if (key == "latn" and label not in ("und", _FOREIGN) and not any(ev.markers.values())
            and not ev.arabizi and _names_only(text)):
        # Capitalised words and not one word of a language: names ("Karim Bziz Alaoui"),
        # brands ("Zara Mango Bershka"). The n-grams find Darija in Moroccan names.
        return "und", 0.0, 0
    if (label == "und" and key == "latn" and len(ev.content) >= SENTENCE_WORDS
            and not _names_only(text)):
        # A sentence the model cannot place, yet spelled as only Arabizi is spelled
        # ("cover dlphone bro", "store men bro"): Darija, as a guess.
        signs = _arabizi_signs(ev.content, cleaned)
        if signs:
            return "ary", ARABIZI_FALLBACK_CONFIDENCE, signs
    if label in ("und", _FOREIGN):
        return "und", 0.0, 0
    return label, min(conf, WORD_CAPS.get(n, 1.0)), ev.markers["ary"] + ev.arabizi


def _names_only(text: str) -> bool:
    """Every Latin word capitalised, as names and brands are written ("Karim Bziz Alaoui",
    "Zara Mango Bershka"); Arabic-script words have no case and are left out."""
    words = [w for w in _TOKEN_RE.findall(_NOISE_RE.sub(" ", text[:MAX_CHARS]))
             if w.isascii() and w[0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _decide(text: str) -> Detection:
    cleaned = clean(text)
    latin, arabic, count = tokens(cleaned)
    script = _script_of(latin, arabic)
    if script == "und":
        return Detection("und", "und", 0.0, count)
    label = _LEX.short_answer(latin + arabic) if count <= 3 else None
    if label is not None:
        return Detection(label, script, 0.0 if label == "und" else WORD_CAPS[1], count)
    parts = [(arabic, "arab"), (latin, "latn")]
    if script == "Latn":
        parts.reverse()
    (main, key), (other, other_key) = parts
    cleaned = cleaned[:MAX_CHARS]
    label, conf, _ = _judge(main, key, len(other), cleaned, text)
    if other:
        # Both scripts in one message: Darija signs in either part make it Darija
        # ("بغيت نبيع l'huile d'argan"); otherwise the main script decides.
        o_label, o_conf, o_darija = _judge(other, other_key, len(main), cleaned, text)
        if (o_label == "ary" and o_darija and label != "ary") or label == "und":
            label, conf = o_label, o_conf
    if label == "und":
        return Detection("und", script, 0.0, count)
    return Detection(label, script, round(conf, 4), count)


def _as_text(text: object) -> str:
    if isinstance(text, str):
        return text
    return "" if text is None else str(text)


def analyse(text: str) -> Detection:
    """Language, script, confidence and word count of one chat message; never raises."""
    try:
        return _decide(_as_text(text))
    except Exception:  # the chat must go on whatever an owner types
        return Detection("und", "und", 0.0, 0)


def detect_language(text: str) -> str:
    """The language of a message: "ary", "fr", "ar", "en" or "und"."""
    return analyse(text).language


# A message this sure of its language is answered in it without asking which one.
OPENING_MIN_WORDS = 3
OPENING_MIN_CONFIDENCE = 0.9
OPENING_LANGUAGES = ("ary", "fr", "ar")


def opening_language(text: str) -> Detection | None:
    """The language an owner's words are written in, when sure enough to go on in it:
    three words or more at high confidence ("salam bghit nsjl"), or a short answer the
    table knows ("salam", "bonjour", "iyeh", "نعم"). A name ("Karim Bziz") or "ok" is None."""
    found = analyse(text)
    if found.language not in OPENING_LANGUAGES:
        return None
    if found.words >= OPENING_MIN_WORDS and found.confidence >= OPENING_MIN_CONFIDENCE:
        return found
    try:
        latin, arabic, _ = tokens(clean(_as_text(text)))
    except Exception:  # same contract as analyse()
        return None
    return found if _LEX.short_answer(latin + arabic) == found.language else None


def detect_script(text: str) -> str:
    """The script of a message: "Arab" or "Latn" by majority of letters, else "und"."""
    try:
        latin, arabic, _ = tokens(clean(_as_text(text)))
        return _script_of(latin, arabic)
    except Exception:  # same contract as analyse()
        return "und"
