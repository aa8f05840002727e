"""Digits and numbers as Moroccan owners type them.

Numbers come as digits (Western, Arabic-Indic or Persian, grouped "1 500" or
"1.500,50"), as words in Darija (Latin "Arabizi" such as "alf", "3 alaf", "mya w
khmsin", or Arabic script such as "ألفين", "ميا"), in French ("deux mille") or in
Modern Standard Arabic ("ثلاثة آلاف"), or mixed ("2k", "3 alaf").

Besides `normalize_digits` and `parse_number`, this module holds the text folding
and the tokenizer that `prices` builds on. All work is bounded: only the first
`MAX_INPUT` characters of a text are looked at.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

MAX_INPUT = 500
# Longer digit runs are phone numbers, IDs or noise, never an amount; capping them
# also keeps every Decimal operation far inside CONTEXT's precision.
MAX_LITERAL_DIGITS = 18
# Prices and quantities are built from at most ~18 digits times a few scale words.
CONTEXT = Context(prec=60, rounding=ROUND_HALF_UP)

_ZERO = Decimal(0)
_HALF = Decimal("0.5")
_ONE = Decimal(1)


# --- characters --------------------------------------------------------------


def _digit_table() -> dict[int, str]:
    # Every decimal digit of the basic plane (Arabic-Indic, Persian, fullwidth,
    # Devanagari...) so that no script's digits ever reach the parsers unread.
    table: dict[int, str] = {}
    for cp in range(0x80, 0x10000):
        value = unicodedata.decimal(chr(cp), None)
        if value is not None:
            table[cp] = str(value)
    return table


_DIGITS = _digit_table()
_AR_THOUSANDS = re.compile(r"(?<=[0-9])\u066c(?=[0-9])")

# Bidi controls, zero-width characters, the soft hyphen and the Arabic tatweel
# carry no meaning for us but split or disguise words ("لـ200", RTL overrides).
_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u0640\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
             "\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"),
    None,
)

# Letter variants that Moroccan writers use interchangeably.
_AR_LETTERS = str.maketrans({
    "\u0649": "\u064a",  # alef maksura -> yeh
    "\u06cc": "\u064a",  # Farsi yeh
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u06c0": "\u0647",
    "\u06a9": "\u0643",  # keheh
    "\u06ad": "\u0643",  # ng (Moroccan g, "ڭ")
    "\u06af": "\u0643",  # gaf
    "\u06a4": "\u0641",  # veh
    "\u067e": "\u0628",  # peh
    "\u0686": "\u062c",  # tcheh
    "\u0671": "\u0627",  # alef wasla
    "\u060c": ",",
    "\u061b": ";",
    "\u061f": "?",
    "\u066a": "%",
    "\u066b": ".",
    "\u066c": ",",
})
# Cyrillic and Greek letters that look Latin slip in from other keyboards or copied
# text ("slа" with a Cyrillic "а"); read them as the Latin letter they show.
_HOMOGLYPHS = str.maketrans("аеорсхукмтіјѕԁԛԝοαινρτυκχ", "aeopcxykmtijsdqwoaivptukx")


def normalize_digits(text: str) -> str:
    """Any script's decimal digits -> ASCII; the Arabic decimal separator (U+066B) -> "."
    and the Arabic thousands separator (U+066C) dropped between digits (else ",")."""
    if not isinstance(text, str):
        return ""
    if text.isascii():
        return text
    s = text.translate(_DIGITS)
    s = _AR_THOUSANDS.sub("", s)
    return s.replace("\u066b", ".").replace("\u066c", ",")


def fold(text: str, limit: int = MAX_INPUT) -> str:
    """Lower-case, accent-free, invisible-free text with ASCII digits and one spelling
    per Arabic letter (hamza forms -> bare alef/yeh/waw, ة -> ه, ى -> ي, ڭ -> ك).
    Only the first `limit` characters are looked at."""
    if not isinstance(text, str):
        return ""
    s = normalize_digits(text[:limit])
    if s.isascii():
        return s.lower()
    s = s.translate(_INVISIBLE).casefold()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    # NFKD may reveal more digits (e.g. mathematical bold digits) and ligatures.
    return normalize_digits(s).translate(_AR_LETTERS).translate(_HOMOGLYPHS)


_RUNS = re.compile(r"(.)\1+", re.DOTALL)


def squash(word: str) -> str:
    """Runs of one letter -> one letter: "myya" -> "mya", "khamssin" -> "khamsin"."""
    return _RUNS.sub(r"\1", word)


# --- tokens ------------------------------------------------------------------

_AR_CLASS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
# French thousands grouping: "1 500" is one number because exactly three digits
# follow the space; "150 20" is two numbers.
_NUM = r"[0-9]{1,3}(?: [0-9]{3})+(?![0-9])(?:[.,][0-9]+)*|[0-9]+(?:[.,][0-9]+)*"
_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUM})(?P<suffix>[a-z][a-z0-9]*)?"
    r"|(?P<lat>[a-z][a-z0-9]*)"
    rf"|(?P<ar>[{_AR_CLASS}]+)"
    r"|(?P<sym>\S)"
)
# A single one of these digits followed by letters is Arabizi ("3chra", "9er3a",
# "7ebba"), not a number glued to a word.
_ARABIZI_DIGITS = frozenset("2356789")
_LETTERS_DIGITS = re.compile(r"([a-z]+)([0-9]+)")


@dataclass(slots=True)
class Token:
    kind: str                    # "num", "lat" (Latin word), "ar" (Arabic word), "sym"
    text: str                    # folded text
    value: Decimal | None = None  # for "num": the literal's value (None if unreadable)
    gap: bool = True             # whitespace (or the start) before it


def literal_value(literal: str) -> Decimal | None:
    """The value of a digit literal such as "1 500", "1.500,50", "1,5", "2.500", "0,500".

    One separator followed by exactly three digits groups thousands ("2.500" DH is
    2500 in Morocco), unless the integer part is 0; otherwise it is a decimal mark."""
    lit = literal.replace(" ", "")
    if sum(ch.isdigit() for ch in lit) > MAX_LITERAL_DIGITS:
        return None
    try:
        if "." in lit and "," in lit:
            dec = "." if lit.rfind(".") > lit.rfind(",") else ","
            thousands = "," if dec == "." else "."
            whole, _, frac = lit.rpartition(dec)
            groups = whole.split(thousands)
            if dec in whole or not _grouped(groups):
                return None
            return Decimal("".join(groups) + "." + frac)
        sep = "." if "." in lit else "," if "," in lit else None
        if sep is None:
            return Decimal(lit)
        parts = lit.split(sep)
        if len(parts) > 2:
            return Decimal("".join(parts)) if _grouped(parts) else None
        whole, frac = parts
        if len(frac) == 3 and len(whole) <= 3 and whole.strip("0"):
            return Decimal(whole + frac)
        return Decimal(whole + "." + frac)
    except InvalidOperation:
        return None


def _grouped(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def tokenize(folded: str, attachable: frozenset[str] | None = None) -> list[Token]:
    """Tokens of a `fold`-ed text. A number glued to letters ("150dh", "2k", "3alaf")
    is split when the letters are in `attachable` or the number is not a lone Arabizi
    digit; "3chra", "9er3a", "l9nitra" stay words."""
    glued = ATTACHABLE if attachable is None else attachable
    tokens: list[Token] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(folded):
        gap = m.start() == 0 or m.start() > prev_end
        prev_end = m.end()
        kind = m.lastgroup
        if m.group("num") is not None:
            lit, suffix = m.group("num"), m.group("suffix")
            if suffix and len(lit) == 1 and lit in _ARABIZI_DIGITS and (
                lit + suffix in NUMBER_WORDS or suffix not in glued
            ):
                tokens.append(Token("lat", lit + suffix, None, gap))
                continue
            tokens.append(Token("num", lit, literal_value(lit), gap))
            if suffix:
                tokens.append(Token("lat", suffix, None, False))
        elif kind == "lat" and (split := _LETTERS_DIGITS.fullmatch(m.group())) and (
            split.group(1) in glued and m.group() not in glued
        ):
            # "DH150", "MAD150": a currency or unit written before its number.
            lit = split.group(2)
            tokens.append(Token("lat", split.group(1), None, gap))
            tokens.append(Token("num", lit, literal_value(lit), False))
        else:
            tokens.append(Token(kind or "sym", m.group(), None, gap))
    return tokens


# --- number words ------------------------------------------------------------
# Kinds of number words, which decide how they combine:
#   add    0..99, added ("mya w khmsin" = 150; "khmsa w 3chrin" = 25)
#   pre    3..10 short forms only used before a hundred/thousand ("tlt mya", "khmst alaf")
#   hund   100 that multiplies a unit before it ("deux cents", "tlt mya")
#   fixh   a whole hundreds word, 200..900 ("mitin", "خمسمائة")
#   scale  1000, 10^6, 10^9, multiplying what comes before ("3 alaf", "mit alf")
#   fixs   a dual of a scale ("alfin" = 2000, "مليونين")
#   half   "w nss", "et demi": half of the last unit said

_ADD_WORDS: dict[int, str] = {
    0: "zero sifr sfr zro ziro zéro صفر",
    1: "un une one wahd wa7d wahed wa7ed wahid wa7id wahda wa7da wehda we7da "
       "واحد واحدة احد",
    2: "deux two jouj joj jooj juj zouj zoj zooj zwj tnin tnayn tnine tnain "
       "اثنان اثنين اتنين جوج زوج",
    3: "trois three tlata tleta tlta tlate tlat تلاتة ثلاثة ثلاث تلاث",
    4: "quatre four rb3a reb3a rab3a arb3a arba3a rbe3a أربعة اربع ربعة",
    5: "cinq five khmsa 5msa khamsa khemsa 5amsa khamssa خمسة خمس",
    6: "six stta seta setta satta sitta ستة ست",
    7: "sept seven sb3a sab3a seb3a sba3a سبعة سبع",
    8: "huit eight tmnia tmenia tmania tmnya tmanya tmenya tmanja tmaniya "
       "ثمانية ثمان تمنية تمانية ثماني",
    9: "neuf nine ts3oud ts3od tas3oud tes3oud ts3a tis3a tes3a tas3a تسعة تسع تسعود",
    10: "dix ten 3chra 3achra 3ashra 3echra 3chara عشرة عشر",
    11: "onze eleven 7dach hdach 7adach ahdach حضاش",
    12: "douze twelve tnach tnash tnache اثنا اثني طناش",
    13: "treize thirteen tlttach tltach tletach tlettach teltach tlatach طلطاش تلطاش",
    14: "quatorze fourteen rb3tach rba3tach rbe3tach arba3tach ربعطاش",
    15: "quinze fifteen khmstach 5mstach khamstach khemstach خمسطاش",
    16: "seize sixteen sttach setach stach settach سطاش",
    17: "seventeen sb3tach sbe3tach sba3tach سبعطاش",
    18: "eighteen tmntach tmentach tmantach تمنطاش",
    19: "nineteen ts3tach tsa3tach tse3tach تسعطاش",
    20: "vingt vingts twenty 3chrin 3achrin 3echrin 3ochrin 3ichrin 3chrine 3ishrin "
        "عشرين عشرون",
    30: "trente thirty tlatin tlatine tletin tlatine ثلاثين ثلاثون تلاتين",
    40: "quarante forty rb3in rab3in reb3in arb3in arba3in اربعين أربعين اربعون ربعين",
    50: "cinquante fifty khmsin 5msin khamsin khemsin 5amsin خمسين خمسون",
    60: "soixante sixty stin settin sattin sttin sitin sittin ستين ستون",
    70: "septante seventy sb3in seb3in sab3in سبعين سبعون",
    80: "octante huitante eighty tmanin tamanin tmnin ثمانين ثمانون تمانين",
    90: "nonante ninety ts3in tes3in tas3in tis3in تسعين تسعون",
}
_PRE_WORDS: dict[int, str] = {
    3: "tlt tltt", 4: "rb3 rba3t rb3t reb3t", 5: "khms khmst 5ms 5mst khamst",
    6: "stt", 7: "sb3 sb3t sba3t", 8: "tmn tmnt tmnt", 9: "ts3 ts3t tsa3t",
    10: "3chrt 3achrt 3achrat",
}
_HUND_WORDS = "cent cents hundred mya mia myya miya meya miyya mayya mit ميا مية مئة مائة ماية"
_FIXH_WORDS: dict[int, str] = {
    200: "mitin miatin mytin mitine mitayn ميتين مئتين مئتان مائتين مائتان",
}
for _h, _ar_stems, _lat_stems in (
    (300, ("ثلاث", "تلت", "تلات"), ("tlt", "tlat")),
    (400, ("اربع", "ربع"), ("rb3", "rbe3", "reb3")),
    (500, ("خمس",), ("khms", "5ms", "khams")),
    (600, ("ست",), ("stt", "st")),
    (700, ("سبع",), ("sb3", "seb3")),
    (800, ("ثمان", "تمن", "ثمن"), ("tmn", "tmen")),
    (900, ("تسع",), ("ts3", "tes3")),
):
    _FIXH_WORDS[_h] = " ".join(
        [a + b for a in _ar_stems for b in ("مائة", "مئة", "مية", "ميا")]
        + [a + b for a in _lat_stems for b in ("mya", "mia", "myya", "miya")]
    )
_SCALE_WORDS: dict[int, str] = {
    1000: "mille mil thousand alf alef elf alaf alaaf aalaf lalaf l2alaf 2alaf "
          "ألف الف آلاف الاف الالاف",
    10**6: "million millions mlyon melyoun mlyoun malyoun milyon mlion melyon mlayn mlayen "
           "مليون ملايين",
    10**9: "milliard milliards billion mlyar malyar melyar مليار ملايير",
}
_FIXS_WORDS: dict[int, str] = {
    2000: "alfin alfayn alfine alfeen alfain ألفين الفين ألفان الفان",
    2 * 10**6: "mlyonayn mlyonin مليونين مليونان",
}
_HALF_WORDS = "nss ness noss nos9 nsf demi demie half نص نصف"
_CONNECTOR_WORDS = "w o ou et and و"


def _entries() -> dict[str, tuple[str, Decimal]]:
    words: dict[str, tuple[str, Decimal]] = {}

    def add(kind: str, value: int, spellings: str) -> None:
        for w in spellings.split():
            words.setdefault(fold(w), (kind, Decimal(value)))

    for value, spellings in _ADD_WORDS.items():
        add("add", value, spellings)
    for value, spellings in _PRE_WORDS.items():
        add("pre", value, spellings)
    add("hund", 100, _HUND_WORDS)
    for value, spellings in _FIXH_WORDS.items():
        add("fixh", value, spellings)
    for value, spellings in _SCALE_WORDS.items():
        add("scale", value, spellings)
    for value, spellings in _FIXS_WORDS.items():
        add("fixs", value, spellings)
    add("half", 0, _HALF_WORDS)
    return words


NUMBER_WORDS: dict[str, tuple[str, Decimal]] = _entries()
_SQUASHED_WORDS: dict[str, tuple[str, Decimal]] = {}
for _w, _entry in NUMBER_WORDS.items():
    if not _w.isascii():
        continue
    _key = squash(_w)
    # Squashing must never merge two different numbers.
    if _SQUASHED_WORDS.get(_key, _entry) != _entry:
        _SQUASHED_WORDS[_key] = ("", _ZERO)
    else:
        _SQUASHED_WORDS.setdefault(_key, _entry)
_SQUASHED_WORDS = {k: v for k, v in _SQUASHED_WORDS.items() if v[0]}
CONNECTORS = frozenset(fold(w) for w in _CONNECTOR_WORDS.split())

# Letters that may follow digits with no space and still be a separate word.
_GLUED_WORDS = "k dh dhs drh mad kg g gr l ml cl m m2 t ton tons pcs pc er ere eme e x h min mn"
ATTACHABLE = frozenset(
    w for w, (kind, _) in NUMBER_WORDS.items() if kind in ("scale", "hund") and w.isascii()
) | frozenset(_GLUED_WORDS.split())

# "وخمسين", "بألف": Arabic script glues "and", "for", "to" to the next word.
_AR_WORD_PREFIXES = ("و", "ب", "ل", "بال", "وب", "ول", "ف")


def number_word(token: Token) -> tuple[str, Decimal] | None:
    """(kind, value) of a number word, trying the usual spelling variants."""
    w = token.text
    hit = NUMBER_WORDS.get(w)
    if hit is not None or token.kind not in ("lat", "ar"):
        return hit
    if token.kind == "lat":
        return _SQUASHED_WORDS.get(squash(w))
    for p in _AR_WORD_PREFIXES:
        rest = w[len(p):]
        if w.startswith(p) and len(rest) >= 2 and rest in NUMBER_WORDS:
            return NUMBER_WORDS[rest]
    return None


# --- combining atoms into numbers ------------------------------------------------


@dataclass(slots=True)
class NumSpan:
    start: int       # index of the first token
    end: int         # index after the last token
    value: Decimal
    words: bool      # some of it was written in words


@dataclass(slots=True)
class _Atom:
    kind: str
    value: Decimal
    word: str = ""


@dataclass(slots=True)
class _Acc:
    total: Decimal = _ZERO
    current: Decimal = _ZERO
    last_kind: str | None = None
    last_scale: Decimal | None = None
    last_word: str = ""
    count: int = 0
    closed: bool = False
    words: bool = False

    def value(self) -> Decimal:
        return self.total + self.current

    def accept(self, a: _Atom, commit: bool = True) -> bool:
        if self.closed:
            return False
        k, v, lk = a.kind, a.value, self.last_kind
        cur, tot, scale, closed = self.current, self.total, self.last_scale, False
        if k == "lit":
            after_scale = lk in ("scale", "fixs") and cur == 0 and scale is not None and v < scale
            if self.count == 0 or after_scale:
                cur = v
            elif lk in ("hund", "fixh") and cur % 100 == 0 and v < 100:
                cur += v
            else:
                return False
        elif k == "add":
            if lk in ("lit", "pre") or (cur == 0 and lk == "add"):
                return False
            if cur == 0:
                cur = v
            elif v == 20 and self.last_word == "quatre" and cur % 100 == 4:
                cur += 76  # "quatre-vingt(s)" is 80
            elif _can_add(cur, v, lk):
                cur += v
            else:
                return False
        elif k == "pre":
            if cur != 0 or lk in ("lit", "add", "pre", "hund", "fixh"):
                return False
            cur = v
        elif k == "hund":
            if cur == 0 and lk in (None, "scale", "fixs"):
                cur = Decimal(100)
            elif lk in ("add", "pre", "lit") and cur in _UNITS:
                cur *= 100
            else:
                return False
        elif k == "fixh":
            if cur != 0 or lk not in (None, "scale", "fixs"):
                return False
            cur = v
        elif k == "scale":
            if (scale is not None and v >= scale) or (lk == "pre" and cur == 0):
                return False
            tot += (cur if cur != 0 else _ONE) * v
            cur, scale = _ZERO, v
        elif k == "fixs":
            base = v / 2
            if cur != 0 or (scale is not None and base >= scale):
                return False
            tot += v
            scale = base
        elif k == "half":
            if self.count == 0:
                cur = _HALF
            elif lk in ("scale", "fixs") and scale is not None:
                tot += scale / 2
            elif lk in ("hund", "fixh"):
                cur += 50
            elif lk in ("lit", "add"):
                cur += _HALF
            else:
                return False
            closed = True
        else:
            return False
        if commit:
            self.current, self.total, self.last_scale, self.closed = cur, tot, scale, closed
            self.last_kind, self.last_word = k, a.word
            self.count += 1
            self.words = self.words or k != "lit"
        return True


_UNITS = frozenset(Decimal(i) for i in range(1, 11))


def _can_add(cur: Decimal, v: Decimal, last_kind: str | None) -> bool:
    if cur != cur.to_integral_value() or v <= 0:
        return False
    low = cur % 100
    if low == 0:
        return v < 100
    if low % 10 == 0:
        # "vingt et un", "soixante-quinze", "quatre-vingt-dix"
        return v <= 9 or (low in (60, 80) and 10 <= v <= 19)
    if low <= 9 and last_kind == "add":
        # Arabic order: unit before tens ("khmsa w 3chrin" = 25), and MSA teens
        # ("خمسة عشر" = 15).
        return (v % 10 == 0 and 20 <= v <= 90) or v == 10
    return False


def _atoms(tokens: list[Token]) -> list[_Atom | None]:
    atoms: list[_Atom | None] = []
    for i, t in enumerate(tokens):
        atom: _Atom | None = None
        if t.kind == "num":
            if t.value is not None:
                atom = _Atom("lit", t.value)
        elif t.kind in ("lat", "ar"):
            if t.text == "k":
                # "2k", "1.5 k": only right after a number, never on its own.
                if i and tokens[i - 1].kind == "num":
                    atom = _Atom("scale", Decimal(1000), "k")
            else:
                hit = number_word(t)
                if hit is not None:
                    atom = _Atom(hit[0], hit[1], t.text)
        atoms.append(atom)
    # Short forms ("tlt", "khms") are numbers only before a hundred or thousand.
    for i, atom in enumerate(atoms):
        if atom is not None and atom.kind == "pre":
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if nxt is None or nxt.kind not in ("hund", "scale"):
                atoms[i] = None
    return atoms


_HYPHENS = frozenset("-\u2010\u2011")
_MINUS = frozenset("-\u2212")


def _is_joiner(tokens: list[Token], atoms: list[_Atom | None], j: int) -> bool:
    t = tokens[j]
    if t.kind in ("lat", "ar") and t.text in CONNECTORS:
        return True
    # French compounds "dix-sept", "quatre-vingt-dix": a hyphen glued between words.
    return (
        t.text in _HYPHENS
        and not t.gap
        and 0 < j < len(tokens) - 1
        and not tokens[j + 1].gap
        and atoms[j - 1] is not None
        and atoms[j - 1].kind != "lit"
        and atoms[j + 1] is not None
        and atoms[j + 1].kind != "lit"
    )


def find_numbers(tokens: list[Token]) -> list[NumSpan]:
    """Every number in the tokens, left to right; a number is a maximal run of digits
    and number words that combine ("3 alaf w khms mya" = 3500). A "-" glued before
    digits at the start or after a blank makes the number negative."""
    atoms = _atoms(tokens)
    spans: list[NumSpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        if atoms[i] is None:
            i += 1
            continue
        acc = _Acc()
        j = i
        last = i
        while j < n:
            atom = atoms[j]
            if atom is None:
                if (
                    _is_joiner(tokens, atoms, j)
                    and j + 1 < n
                    and atoms[j + 1] is not None
                    and acc.accept(atoms[j + 1], commit=False)  # type: ignore[arg-type]
                ):
                    j += 1
                    continue
                break
            if not acc.accept(atom):
                break
            j += 1
            last = j
        if last == i:  # a lone atom that cannot start a number
            i += 1
            continue
        value = acc.value()
        if _negative(tokens, spans, i):
            value = -value
        spans.append(NumSpan(i, last, value, acc.words))
        i = last
    return spans


def _negative(tokens: list[Token], spans: list[NumSpan], i: int) -> bool:
    if i == 0 or tokens[i].kind != "num" or tokens[i].gap or tokens[i - 1].text not in _MINUS:
        return False
    if spans and spans[-1].end == i - 1:
        return False  # "150-200" is a range
    return i - 1 == 0 or tokens[i - 1].gap


def tidy(value: Decimal) -> Decimal:
    """Integral values without exponent or decimals; others without trailing zeros."""
    with localcontext(CONTEXT):
        if value == value.to_integral_value():
            return value.quantize(_ONE)
        return value.normalize()


def parse_number(text: str) -> Decimal | None:
    """The first number in the text, or None. Examples: "150", "1 500" -> 1500,
    "1.500,50" -> 1500.5, "١٥٠" -> 150, "alf" -> 1000, "3 alaf" -> 3000,
    "mya w khmsin" -> 150, "ألفين" -> 2000, "ثلاثة آلاف" -> 3000, "deux mille" -> 2000,
    "2k" -> 2000, "1,5" -> 1.5, "-5" -> -5."""
    try:
        with localcontext(CONTEXT):
            spans = find_numbers(tokenize(fold(text)))
            return tidy(spans[0].value) if spans else None
    except (ArithmeticError, ValueError):  # pragma: no cover - defensive
        return None
