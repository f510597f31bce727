"""Labels as a text writes them: articles (with مكرر/bis), divisions, paragraphs,
points and whole references, in Arabic or English, in words or digits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bylaws.model import DivisionKind, NumberStyle, RefForm

from .ordinals import (
    cardinal_digits,
    cardinal_en,
    ordinal_ar,
    ordinal_en,
    to_genitive_ar,
)

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


def after_preposition(label: str, lang: str, style: NumberStyle) -> str:
    """A designation as it reads after a preposition («بعد المادة الثلاثين»):
    Arabic ordinal words take the genitive; anything else is unchanged."""
    return to_genitive_ar(label) if _is_arabic(lang) and style == "words" else label


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
