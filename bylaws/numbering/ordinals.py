"""Ordinal and cardinal words, Arabic and English, and numbers in digits.

Pure functions of their arguments. The choices made for Arabic follow common
legislative usage and are fixed here once:

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

from functools import lru_cache
from typing import Literal

from bylaws.model import NumberStyle
from bylaws.text import ARABIC_INDIC_DIGITS

Gender = Literal["f", "m"]

MAX_ORDINAL_AR = 9999

# --- Arabic ordinals ----------------------------------------------------------

UNITS_AR: dict[Gender, tuple[str, ...]] = {
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
TENS_AR = (
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
HUNDREDS_AR = (
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
        return UNITS_AR[gender][r]
    tens, unit = divmod(r, 10)
    unit_word = _ONE_IN_COMPOUND_AR[gender] if unit == 1 else UNITS_AR[gender][unit]
    if tens == 1:
        return f"{unit_word} {_TEEN_TEN_AR[gender]}"
    if unit == 0:
        return TENS_AR[tens]
    return f"{unit_word} و{TENS_AR[tens]}"


def _round_hundreds_ar(n: int, genitive: bool) -> str:
    thousands, hundreds = divmod(n // 100, 10)
    words = [w for w in (_THOUSANDS_AR[thousands], HUNDREDS_AR[hundreds]) if w]
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
        stem = word[1:] if word.startswith("و") and word[1:] in TENS_AR else word
        if stem in TENS_AR and stem:
            word = word[: len(word) - len(stem)] + stem[:-2] + "ين"
        out.append(_GENITIVE_AR.get(word, word))
    return " ".join(out)


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

SMALL_EN = [
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
TENS_EN = (
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
        return SMALL_EN[n]
    tens, unit = divmod(n, 10)
    return TENS_EN[tens] + (f"-{SMALL_EN[unit]}" if unit else "")


def _below_thousand_en(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_hundred_en(rest)
    head = f"{SMALL_EN[hundreds]} hundred"
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


def ordinal_word_en(word: str) -> str:
    if word in _IRREGULAR_ORDINALS_EN:
        return _IRREGULAR_ORDINALS_EN[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


def ordinal_en(n: int) -> str:
    """The English ordinal of n: "first", "twenty-first", "one hundred and first"."""
    words = cardinal_en(n)
    cut = max(words.rfind(" "), words.rfind("-")) + 1
    return words[:cut] + ordinal_word_en(words[cut:])


# --- digits -------------------------------------------------------------------

_TO_ARABIC_INDIC = str.maketrans("0123456789", ARABIC_INDIC_DIGITS)


def cardinal_digits(n: int, style: NumberStyle) -> str:
    """n in ASCII ("12") or Arabic-Indic ("١٢") digits; the words style raises."""
    if n < 0:
        raise ValueError(f"negative numbers are not used in texts: {n}")
    if style == "digits":
        return str(n)
    if style == "arabic-indic":
        return str(n).translate(_TO_ARABIC_INDIC)
    raise ValueError(f"style {style!r} is not written in digits")
