"""Numbers as people read them: Arabic and English ordinals, مكرر/bis, references.

Everything here is a pure function of its arguments. The choices made for
Arabic follow common legislative usage and are fixed here once:

- Articles (مادة) take feminine ordinals, divisions (باب، فصل، فرع) masculine.
- 1 stands alone as الأولى / الأول, but inside any compound it is الحادية /
  الحادي: الحادية عشرة، الحادية والعشرون، الحادية بعد المائة.
- 11-19 agree with the counted noun in both words: الثانية عشرة / الثاني عشر.
  Tens are the same for both genders (العشرون … التسعون).
- Hundreds are written with alef and joined: المائة، المائتان، الثلاثمائة …
  التسعمائة. A number above a round hundred puts the rest first and the hundred
  after «بعد» in the genitive: 101 الحادية بعد المائة، 121 الحادية والعشرون بعد
  المائة، 201 الحادية بعد المائتين، 301 الحادية بعد الثلاثمائة.
- Thousands (up to 9999) follow the same pattern: الألف، الألفان، الثلاثة آلاف;
  thousands and hundreds together are joined by «و»: 1100 الألف والمائة,
  1101 الحادية بعد الألف والمائة.
- No diacritics are ever written.

In a `fixed` document an article inserted before the first numbered one has
number 0 with a suffix (0 مكرر); in words it is written «صفر» / "Zeroth", a form
`check` is expected to flag rather than a form anyone should keep.

English uses British legislative forms: "one hundred and first".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

from bylaws.errors import NotFound
from bylaws.model import (
    Division,
    DivisionKind,
    Document,
    NumberStyle,
    OutlineNode,
    Ref,
    RefForm,
    iter_entries,
)

Gender = Literal["f", "m"]

MAX_ORDINAL_AR = 9999

# --- Arabic ordinals ----------------------------------------------------------

_UNITS_AR: dict[Gender, tuple[str, ...]] = {
    "f": (
        "",
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
    ),
    "m": (
        "",
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ),
}
_ONE_IN_COMPOUND_AR: dict[Gender, str] = {"f": "الحادية", "m": "الحادي"}
_TEEN_TEN_AR: dict[Gender, str] = {"f": "عشرة", "m": "عشر"}
_TENS_AR = (
    "",
    "",
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
)
_HUNDREDS_AR = (
    "",
    "المائة",
    "المائتان",
    "الثلاثمائة",
    "الأربعمائة",
    "الخمسمائة",
    "الستمائة",
    "السبعمائة",
    "الثمانمائة",
    "التسعمائة",
)
_THOUSANDS_AR = (
    "",
    "الألف",
    "الألفان",
    "الثلاثة آلاف",
    "الأربعة آلاف",
    "الخمسة آلاف",
    "الستة آلاف",
    "السبعة آلاف",
    "الثمانية آلاف",
    "التسعة آلاف",
)
# The dual changes its ending after «بعد» (genitive); nothing else does.
_GENITIVE_AR = {"المائتان": "المائتين", "الألفان": "الألفين"}


def _below_hundred_ar(r: int, gender: Gender) -> str:
    if r <= 10:
        return _UNITS_AR[gender][r]
    tens, unit = divmod(r, 10)
    unit_word = _ONE_IN_COMPOUND_AR[gender] if unit == 1 else _UNITS_AR[gender][unit]
    if tens == 1:
        return f"{unit_word} {_TEEN_TEN_AR[gender]}"
    if unit == 0:
        return _TENS_AR[tens]
    return f"{unit_word} و{_TENS_AR[tens]}"


def _round_hundreds_ar(n: int, genitive: bool) -> str:
    thousands, hundreds = divmod(n // 100, 10)
    words = [w for w in (_THOUSANDS_AR[thousands], _HUNDREDS_AR[hundreds]) if w]
    if genitive:
        words = [_GENITIVE_AR.get(w, w) for w in words]
    return " و".join(words)


@lru_cache(maxsize=4096)
def to_genitive_ar(words: str) -> str:
    """An ordinal as it reads after a preposition: العشرون -> العشرين, المائتان -> المائتين.

    References nearly always follow a preposition («وفق المادة …», «من المادة …»),
    where the sound plural tens and the duals take their genitive ending.
    """
    out = []
    for word in words.split(" "):
        stem = word[1:] if word.startswith("و") and word[1:] in _TENS_AR else word
        if stem in _TENS_AR and stem:
            word = word[: len(word) - len(stem)] + stem[:-2] + "ين"
        out.append(_GENITIVE_AR.get(word, word))
    return " ".join(out)


def after_preposition(label: str, lang: str, style: NumberStyle) -> str:
    """A designation as it reads after a preposition («بعد المادة الثلاثين»):
    Arabic ordinal words take the genitive; anything else is unchanged."""
    return to_genitive_ar(label) if _is_arabic(lang) and style == "words" else label


def ordinal_ar(n: int, gender: Gender = "f") -> str:
    """The definite Arabic ordinal of n (1..9999) in the given gender, no diacritics."""
    if not 1 <= n <= MAX_ORDINAL_AR:
        raise ValueError(f"no Arabic ordinal for {n}: supported range is 1..9999")
    rest = n % 100
    if n < 100:
        return _below_hundred_ar(n, gender)
    if rest == 0:
        return _round_hundreds_ar(n, genitive=False)
    # Before «بعد», 1 counts as part of a compound: الحادية بعد المائة.
    above = (
        _ONE_IN_COMPOUND_AR[gender] if rest == 1 else _below_hundred_ar(rest, gender)
    )
    return f"{above} بعد {_round_hundreds_ar(n - rest, genitive=True)}"


# --- English ordinals and cardinals -------------------------------------------

_SMALL_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_EN = (
    "",
    "",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_IRREGULAR_ORDINALS_EN = {
    "zero": "zeroth",
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _below_hundred_en(n: int) -> str:
    if n < 20:
        return _SMALL_EN[n]
    tens, unit = divmod(n, 10)
    return _TENS_EN[tens] + (f"-{_SMALL_EN[unit]}" if unit else "")


def _below_thousand_en(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_hundred_en(rest)
    head = f"{_SMALL_EN[hundreds]} hundred"
    return f"{head} and {_below_hundred_en(rest)}" if rest else head


def cardinal_en(n: int) -> str:
    """The English cardinal of n (0..999999), British style: "one hundred and one"."""
    if not 0 <= n <= 999_999:
        raise ValueError(f"no English cardinal for {n}: supported range is 0..999999")
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _below_thousand_en(rest)
    head = f"{_below_thousand_en(thousands)} thousand"
    if not rest:
        return head
    joiner = " and " if rest < 100 else " "
    return head + joiner + _below_thousand_en(rest)


def _ordinal_word_en(word: str) -> str:
    if word in _IRREGULAR_ORDINALS_EN:
        return _IRREGULAR_ORDINALS_EN[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


def ordinal_en(n: int) -> str:
    """The English ordinal of n: "first", "twenty-first", "one hundred and first"."""
    words = cardinal_en(n)
    cut = max(words.rfind(" "), words.rfind("-")) + 1
    return words[:cut] + _ordinal_word_en(words[cut:])


# --- digits -------------------------------------------------------------------

_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DIGITS_RE = re.compile(r"[0-9٠-٩۰-۹]+")


def cardinal_digits(n: int, style: NumberStyle) -> str:
    """n in ASCII ("12") or Arabic-Indic ("١٢") digits; the words style raises."""
    if n < 0:
        raise ValueError(f"negative numbers are not used in texts: {n}")
    if style == "digits":
        return str(n)
    if style == "arabic-indic":
        return str(n).translate(_TO_ARABIC_INDIC)
    raise ValueError(f"style {style!r} is not written in digits")


# --- parsing numbers back -------------------------------------------------------

# Diacritics (harakat, tanwin, shadda, sukun, dagger alef …), tatweel, joiners.
_ARABIC_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200c\u200d]")
_LOOSE_AR = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)


def _loose_ar(word: str) -> str:
    return _ARABIC_MARKS_RE.sub("", word).translate(_LOOSE_AR)


# Kinds of Arabic number words: U unit 1..9, X ordinal ten (العاشر), T the word
# عشر/عشرة (a teen's ten, or ten alone), D tens, H hundreds, K thousands,
# P the plural آلاف that multiplies the unit before it.
def _arabic_vocabulary() -> dict[str, tuple[str, int]]:
    vocab: dict[str, tuple[str, int]] = {}

    def add(kind: str, value: int, *spellings: str) -> None:
        for spelling in spellings:
            for variant in {spelling, spelling.replace("مائ", "مئ")}:
                vocab[_loose_ar(variant)] = (kind, value)

    for value in range(1, 10):
        add("U", value, _UNITS_AR["f"][value][2:], _UNITS_AR["m"][value][2:])
    add("U", 1, "حادي", "حادية", "واحد", "واحدة")
    add("U", 2, "اثنان", "اثنين", "اثنا", "اثني", "اثنتان", "اثنتين", "اثنتا", "اثنتي")
    cardinals = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع")
    for value, stem in enumerate(cardinals, start=3):
        add("U", value, stem, stem + "ة")
    add("U", 8, "ثمان")
    add("X", 10, "عاشر", "عاشرة")
    add("T", 10, "عشر", "عشرة")
    for value in range(2, 10):
        nominative = _TENS_AR[value][2:]
        add("D", value * 10, nominative, nominative[:-2] + "ين")
    add("H", 100, "مائة")
    add("H", 200, "مائتان", "مائتين")
    for value in range(3, 10):
        add("H", value * 100, _HUNDREDS_AR[value][2:])
    add("H", 800, "ثمانيمائة")
    add("K", 1000, "ألف")
    add("K", 2000, "ألفان", "ألفين")
    add("P", 1000, "آلاف")
    return vocab


_AR_VOCAB = _arabic_vocabulary()
_SMALL_AR = r"(?:UT?|UD|D|X|T)"
_BIG_AR = r"(?:KH?|H)"
_SEGMENT_AR_RE = re.compile(rf"{_SMALL_AR}?{_BIG_AR}?|{_BIG_AR}{_SMALL_AR}")


def _arabic_word(word: str) -> tuple[str, int] | None:
    # Try the word as written, then without the conjunction و and the article ال.
    candidates = [word]
    if word.startswith("و"):
        candidates.append(word[1:])
    for candidate in list(candidates):
        if candidate.startswith("ال"):
            candidates.append(candidate[2:])
    for candidate in candidates:
        if candidate in _AR_VOCAB:
            return _AR_VOCAB[candidate]
    return None


def _arabic_segment(words: list[str]) -> tuple[str, int] | None:
    """Kinds and value of a run of words between «بعد»s, or None."""
    items: list[tuple[str, int]] = []
    for word in words:
        if word == "و":
            continue
        found = _arabic_word(word)
        if found is None:
            return None
        kind, value = found
        previous = items[-1] if items else None
        # ثلاث مائة / الثلاثة آلاف: a unit multiplies the hundred or thousands after it
        if previous and previous[0] == "U" and previous[1] >= 3:
            if (kind, value) == ("H", 100):
                items[-1] = ("H", previous[1] * 100)
                continue
            if kind == "P":
                items[-1] = ("K", previous[1] * 1000)
                continue
        if kind == "P":
            return None
        items.append((kind, value))
    kinds = "".join(kind for kind, _ in items)
    if not kinds or not _SEGMENT_AR_RE.fullmatch(kinds):
        return None
    return kinds, sum(value for _, value in items)


def _parse_arabic(text: str) -> int | None:
    words = _loose_ar(text).split()
    segments: list[list[str]] = [[]]
    for word in words:
        if word == "بعد":
            segments.append([])
        else:
            segments[-1].append(word)
    parsed = [_arabic_segment(s) for s in segments]
    if any(p is None for p in parsed) or len(parsed) > 2:
        return None
    done = [p for p in parsed if p is not None]
    if len(done) == 2:
        (small_kinds, small), (big_kinds, big) = done
        if not re.fullmatch(_SMALL_AR, small_kinds) or not re.fullmatch(
            _BIG_AR, big_kinds
        ):
            return None
        return small + big
    return done[0][1]


_EN_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL_EN)}
_EN_WORDS.update({w: i * 10 for i, w in enumerate(_TENS_EN) if w})
_EN_ORDINALS: dict[str, int] = {_ordinal_word_en(w): v for w, v in _EN_WORDS.items()}
_EN_NUMERIC_ORDINAL_RE = re.compile(r"([0-9]+)(?:st|nd|rd|th)")


def _parse_english(text: str) -> int | None:
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w and w != "and"]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and (m := _EN_NUMERIC_ORDINAL_RE.fullmatch(words[0])):
        return int(m.group(1))
    total = current = 0
    for index, word in enumerate(words):
        is_last = index == len(words) - 1
        is_ordinal = word in ("hundredth", "thousandth") or word in _EN_ORDINALS
        if is_ordinal and not is_last:
            return None  # an ordinal word can only close the number
        if word in ("hundred", "hundredth"):
            if not 1 <= current <= 9:
                return None
            current *= 100
        elif word in ("thousand", "thousandth"):
            if not 1 <= current <= 999:
                return None
            total, current = total + current * 1000, 0
        else:
            value = _EN_ORDINALS.get(word, _EN_WORDS.get(word))
            if value is None:
                return None
            if current % 100 and (current % 10 or value >= 10):
                return None  # "twelve three", "twenty thirty": not a number
            current += value
    return total + current


def parse_number(text: str) -> int | None:
    """The integer that text writes, or None when it is not a number.

    Accepts ASCII, Arabic-Indic and Persian digits; Arabic ordinal (and simple
    cardinal) words in either gender, with or without ال, diacritics, tatweel
    or hamza; English ordinals and cardinals ("twelfth", "twelve", "12th").
    """
    stripped = unicodedata.normalize("NFC", text).strip()
    if not stripped:
        return None
    if _DIGITS_RE.fullmatch(stripped):
        return int(stripped.translate(_TO_ASCII))
    if re.search("[\u0600-\u06ff]", stripped):
        return _parse_arabic(stripped)
    return _parse_english(stripped)


# --- suffixes and plain numbers ---------------------------------------------------

SUFFIXES_EN = (
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
)
_ABJAD = (
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
    "ش",
    "ت",
    "ث",
    "خ",
    "ذ",
    "ض",
    "ظ",
    "غ",
)
_LATIN = tuple("abcdefghijklmnopqrstuvwxyz")


def _is_arabic(lang: str) -> bool:
    return lang.split("-")[0].lower() == "ar"


def _suffix_en(k: int) -> str:
    return SUFFIXES_EN[k - 1] if k <= len(SUFFIXES_EN) else f"bis-{k}"


def suffix_label(k: int, lang: str) -> str:
    """The k-th insertion suffix (k >= 1): مكرر، مكرر (أ)، مكرر (ب)… / bis, ter…"""
    if k < 1:
        raise ValueError(f"an insertion suffix starts at 1, not {k}")
    if _is_arabic(lang):
        return "مكرر" if k == 1 else f"مكرر ({point_letter(k - 1, lang)})"
    return _suffix_en(k)


def plain_number(n: int, k: int = 0) -> str:
    """The ASCII form used in JSON: "12", "12-bis", "12-ter"."""
    if n < 0 or k < 0:
        raise ValueError(f"no plain number for n={n}, k={k}")
    return f"{n}-{_suffix_en(k)}" if k else str(n)


_PLAIN_RE = re.compile(r"(0|[1-9][0-9]*)(?:-([a-z]+(?:-[1-9][0-9]*)?))?")


def parse_plain_number(text: str) -> tuple[int, int]:
    """(n, k) from a plain number such as "12-bis"; ValueError on anything else."""
    match = _PLAIN_RE.fullmatch(text)
    if match is None:
        raise ValueError(f"not a plain article number: {text!r}")
    n, suffix = int(match.group(1)), match.group(2)
    if suffix is None:
        return n, 0
    if suffix in SUFFIXES_EN:
        return n, SUFFIXES_EN.index(suffix) + 1
    fallback = re.fullmatch(r"bis-([1-9][0-9]*)", suffix)
    if fallback and int(fallback.group(1)) > len(SUFFIXES_EN):
        return n, int(fallback.group(1))
    raise ValueError(f"unknown suffix {suffix!r} in article number {text!r}")


# --- letters and roman numerals -----------------------------------------------------


def _bijective(n: int, alphabet: Sequence[str]) -> str:
    # a … z, aa, ab …: spreadsheet-column numbering, so every n has one label
    if n < 1:
        raise ValueError(f"letters start at 1, not {n}")
    letters: list[str] = []
    while n:
        n, r = divmod(n - 1, len(alphabet))
        letters.append(alphabet[r])
    return "".join(reversed(letters))


def point_letter(n: int, lang: str) -> str:
    """The letter of the n-th point: abjad order (أ ب ج د هـ …) or a b c … aa ab."""
    return _bijective(n, _ABJAD if _is_arabic(lang) else _LATIN)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman_lower(n: int) -> str:
    """n in lowercase roman numerals ("iv"); thousands repeat "m"."""
    if n < 1:
        raise ValueError(f"roman numerals start at 1, not {n}")
    out: list[str] = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


# --- labels -------------------------------------------------------------------------


def _digits_or_ascii(n: int, style: NumberStyle) -> str:
    # Words are for articles and divisions; everything else keeps digits.
    return cardinal_digits(n, "arabic-indic" if style == "arabic-indic" else "digits")


@lru_cache(maxsize=8192)
def article_number(n: int, k: int, lang: str, style: NumberStyle) -> str:
    """An article's number as written after "Article" / «المادة»."""
    arabic = _is_arabic(lang)
    if style == "words":
        if arabic:
            base = ordinal_ar(n, "f") if n else "صفر"
        else:
            base = ordinal_en(n)
            base = base[0].upper() + base[1:]
    else:
        base = cardinal_digits(n, style)
    if not k:
        return base
    # English digits attach the suffix ("12bis"); words and Arabic separate it.
    joiner = "" if not arabic and style != "words" else " "
    return base + joiner + suffix_label(k, lang)


def article_label(n: int, k: int, lang: str, style: NumberStyle) -> str:
    """An article's designation: «المادة الأولى», "Article 12bis", "Twelfth Article"."""
    if _is_arabic(lang):
        return "المادة " + article_number(n, k, lang, style)
    if style == "words":
        label = article_number(n, 0, lang, style) + " Article"
        return label + (" " + suffix_label(k, lang) if k else "")
    return "Article " + article_number(n, k, lang, style)


def repealed_mark(lang: str) -> str:
    """The mark shown in place of a repealed article's text."""
    return "(ملغاة)" if _is_arabic(lang) else "(repealed)"


_DIVISION_NAMES_AR: dict[DivisionKind, str] = {
    "part": "الباب",
    "chapter": "الفصل",
    "section": "الفرع",
}
_DIVISION_NAMES_EN: dict[DivisionKind, str] = {
    "part": "Part",
    "chapter": "Chapter",
    "section": "Section",
}


def _title_case_en(words: str) -> str:
    parts = re.split(r"([ \-])", words)
    return "".join(p if p == "and" else p[:1].upper() + p[1:] for p in parts)


def division_label(kind: DivisionKind, n: int, lang: str, style: NumberStyle) -> str:
    """«الباب الأول», «الفصل ٢», "Chapter 2", "Chapter Twenty-One" (English words)."""
    if _is_arabic(lang):
        name = _DIVISION_NAMES_AR[kind]
        number = ordinal_ar(n, "m") if style == "words" else cardinal_digits(n, style)
        return f"{name} {number}"
    name = _DIVISION_NAMES_EN[kind]
    if style == "words":
        return f"{name} {_title_case_en(cardinal_en(n))}"
    return f"{name} {cardinal_digits(n, style)}"


def paragraph_label(n: int, lang: str, style: NumberStyle) -> str:
    """A paragraph's number in parentheses: "(1)", or "(١)" in Arabic-Indic style."""
    if n < 1:
        raise ValueError(f"paragraphs start at 1, not {n}")
    return f"({_digits_or_ascii(n, style)})"


def point_label(n: int, depth: int, lang: str, style: NumberStyle) -> str:
    """A point's designator at a nesting depth (1 = directly in a paragraph).

    Arabic alternates letters (أ) and digits in the document's style (١);
    English cycles (a), (i), (A).
    """
    if depth < 1:
        raise ValueError(f"point depth starts at 1, not {depth}")
    if _is_arabic(lang):
        if depth % 2:
            return f"({point_letter(n, lang)})"
        return f"({_digits_or_ascii(n, style)})"
    level = (depth - 1) % 3
    if level == 0:
        return f"({point_letter(n, lang)})"
    if level == 1:
        return f"({roman_lower(n)})"
    return f"({point_letter(n, lang).upper()})"


def _step_label(step: tuple[str, int, int], lang: str, style: NumberStyle) -> str:
    kind, n, extra = step
    if kind == "article":
        return article_number(n, extra, lang, style)
    if kind == "para":
        return paragraph_label(n, lang, style)
    if kind == "point":
        return point_label(n, extra, lang, style)
    raise ValueError(f"unknown reference step {kind!r}")


def ref_designation(
    path: Sequence[tuple[str, int, int]], lang: str, style: NumberStyle, form: RefForm
) -> str:
    """How a live reference reads.

    Args:
        path: outer to inner steps: ("article", n, k), ("para", m, 0),
            ("point", j, depth).
        form: "full" designates the target completely; "number" gives only the
            innermost number as its own label shows it.
    """
    if not path:
        raise ValueError("a reference needs at least one step")
    if form == "number":
        label = _step_label(path[-1], lang, style)
        return to_genitive_ar(label) if _is_arabic(lang) and style == "words" else label
    if _is_arabic(lang):
        names = {"para": "الفقرة", "point": "البند"}
        parts = []
        for step in reversed(path):
            kind, n, extra = step
            if kind == "article":
                label = article_label(n, extra, lang, style)
                parts.append(to_genitive_ar(label) if style == "words" else label)
            else:
                parts.append(f"{names[kind]} {_step_label(step, lang, style)}")
        return " من ".join(parts)
    head, inner = path[0], path[1:]
    if head[0] != "article":
        return "".join(_step_label(step, lang, style) for step in path)
    label = article_label(head[1], head[2], lang, style)
    tail = "".join(_step_label(step, lang, style) for step in inner)
    if not tail:
        return label
    return f"{label}, {tail}" if style == "words" else label + tail


# --- numbering a whole document -------------------------------------------------------


@dataclass(frozen=True)
class ArticleNumber:
    """An article's number: n, the insertion suffix index k (0 = none), repealed."""

    n: int
    k: int = 0
    repealed: bool = False

    def plain(self) -> str:
        return plain_number(self.n, self.k)


_NUMBERS_CACHE: dict[
    tuple[int, str], tuple[tuple[OutlineNode, ...], dict[str, ArticleNumber]]
] = {}


def number_outline(doc: Document) -> dict[str, ArticleNumber]:
    """Every article id of the outline mapped to its number (shared: do not mutate).

    Numbers depend only on the outline and the numbering mode, and a proposal
    that only amends texts keeps its base's outline object: the numbers are
    computed once per outline.
    """
    key = (id(doc.outline), doc.numbering)
    cached = _NUMBERS_CACHE.get(key)
    if cached is not None and cached[0] is doc.outline:
        return cached[1]
    numbers = _number_outline(doc)
    if len(_NUMBERS_CACHE) > 32:
        _NUMBERS_CACHE.clear()
    _NUMBERS_CACHE[key] = (doc.outline, numbers)
    return numbers


def _number_outline(doc: Document) -> dict[str, ArticleNumber]:
    """Every article id of the outline mapped to its number.

    `auto` numbers articles 1.. in outline order; repealed entries take no
    number and are left out. `fixed` keeps each entry's `num`; an entry without
    one follows the previous entry with the next suffix (12, 12 مكرر, 12 مكرر
    (أ)); one before any numbered entry is 0 مكرر. Repealed entries keep their
    number. When an id appears twice, its first place wins.
    """
    numbers: dict[str, ArticleNumber] = {}
    n, k = 0, 0
    for entry in iter_entries(doc.outline):
        if doc.numbering == "auto":
            if entry.repealed:
                continue
            n, k = n + 1, 0
        elif entry.num is not None:
            n, k = int(entry.num), 0
        else:
            k += 1
        numbers.setdefault(entry.ref, ArticleNumber(n, k, entry.repealed))
    return numbers


def number_divisions(doc: Document) -> dict[str, int]:
    """Division ids mapped to their numbers.

    Parts and chapters count on through the whole document; sections start
    again inside each enclosing division.
    """
    numbers: dict[str, int] = {}
    running = {"part": 0, "chapter": 0}

    def walk(nodes: Sequence[OutlineNode]) -> None:
        sections = 0
        for node in nodes:
            if not isinstance(node, Division):
                continue
            if node.kind == "section":
                sections += 1
                numbers[node.id] = sections
            else:
                running[node.kind] += 1
                numbers[node.id] = running[node.kind]
            walk(node.children)

    walk(doc.outline)
    return numbers


def label_for(
    doc: Document, article_id: str, numbers: Mapping[str, ArticleNumber] | None = None
) -> str:
    """The label of one article in the document's language and style."""
    numbers = number_outline(doc) if numbers is None else numbers
    if article_id not in numbers:
        raise NotFound(f"document '{doc.id}' has no numbered article '{article_id}'")
    number = numbers[article_id]
    return article_label(number.n, number.k, doc.lang, doc.style)


def _not_found(ref: Ref, why: str) -> NotFound:
    loc = ref.loc
    return NotFound(
        f"reference to '{ref.to}' points to nothing: {why}",
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
    )


class PointShape(Protocol):
    """What resolving an address needs of a paragraph or point: its points."""

    @property
    def points(self) -> Sequence[PointShape]: ...


class ArticleShape(Protocol):
    """What resolving an address needs of an article: its paragraphs."""

    @property
    def paragraphs(self) -> Sequence[PointShape]: ...


def resolve_ref_path(
    doc: Document,
    ref: Ref,
    numbers: Mapping[str, ArticleNumber] | None = None,
    lookup: Callable[[str], ArticleShape | None] | None = None,
) -> list[tuple[str, int, int]]:
    """The designation path of a reference's target; NotFound if there is none.

    A point may be addressed without a paragraph (`art-x/point-1`) when its
    article has exactly one paragraph. `lookup` finds an article's shape
    (by default the document's article); `check` passes element trees' shapes
    so that it need not build every article's value.
    """
    numbers = number_outline(doc) if numbers is None else numbers
    article_id, *steps = ref.to.split("/")
    if article_id not in numbers:
        raise _not_found(ref, f"there is no article '{article_id}' in the outline")
    number = numbers[article_id]
    path: list[tuple[str, int, int]] = [("article", number.n, number.k)]
    if not steps:
        return path
    article = (lookup or doc.articles.get)(article_id)
    if article is None:
        raise _not_found(ref, f"article '{article_id}' has no text")
    container: PointShape | None = None
    if steps[0].startswith("point-") and len(article.paragraphs) == 1:
        container = article.paragraphs[0]
    depth = 0
    for step in steps:
        match = re.fullmatch(r"(para|point)-([1-9][0-9]*)", step)
        if match is None:
            raise _not_found(ref, f"'{step}' is not a paragraph or point address")
        kind, index = match.group(1), int(match.group(2))
        if kind == "para":
            if container is not None:
                raise _not_found(
                    ref, "a paragraph address must come right after the article"
                )
            count = len(article.paragraphs)
            if index > count:
                raise _not_found(
                    ref,
                    f"article '{article_id}' has only {count} paragraph(s)",
                )
            container = article.paragraphs[index - 1]
            path.append(("para", index, 0))
        else:
            if container is None:
                raise _not_found(ref, "a point address needs its paragraph first")
            points = container.points
            if index > len(points):
                raise _not_found(
                    ref, f"'{step}' does not exist ({len(points)} point(s))"
                )
            container = points[index - 1]
            depth += 1
            path.append(("point", index, depth))
    return path


def render_ref(
    doc: Document, ref: Ref, numbers: Mapping[str, ArticleNumber] | None = None
) -> str:
    """The text a live reference shows in the document's language and style."""
    path = resolve_ref_path(doc, ref, numbers)
    return ref_designation(path, doc.lang, doc.style, ref.form)
