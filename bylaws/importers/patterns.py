"""Recognise the lines of a legal text: division and article headings,
numbered paragraphs and lettered points, in Arabic and English.

Pure functions on one line of text; `lines.py` puts the pieces together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DivisionKind, NumberStyle
from ..numbering import SUFFIXES_EN, parse_number, parse_roman, point_letter
from ..text import (
    ARABIC_BLOCK,
    ARABIC_INDIC_DIGITS,
    ARABIC_LETTERS,
    ARABIC_MARKS,
    ARABIC_TATWEEL,
)

_DASHES = "\\-–—"
_SEP = rf"\s*[:：{_DASHES}.]\s*"
_AR_DIGIT = ARABIC_INDIC_DIGITS
_DIGITS = rf"[0-9{_AR_DIGIT}]+"
_AR_WORD = f"[{ARABIC_LETTERS}{ARABIC_TATWEEL}{ARABIC_MARKS}]+"
# One Arabic letter, or the two-character ـه some texts write for the letter ه.
_AR_POINT_LETTER = f"هـ|[{ARABIC_LETTERS}]"
_ABJAD = tuple(point_letter(i, "ar") for i in range(1, 29))
# Letters in alphabetical (hijai) order, which some texts use for points instead.
_HIJAI = (*tuple("أبتثجحخدذرزسشصضطظعغفقكلمنوي"), "هـ", "ه")
_REPEALED = re.compile(
    r"^[\(\[«]?\s*(ملغاة|ملغى|ملغي|ملغية|أُلغيت|ألغيت|repealed|deleted)\s*[\)\]»]?\.?$",
    re.IGNORECASE,
)

AR_DIVISIONS: dict[str, DivisionKind] = {
    "الباب": "part",
    "الفصل": "chapter",
    "الفرع": "section",
    "القسم": "section",
}
EN_DIVISIONS: dict[str, DivisionKind] = {
    "part": "part",
    "chapter": "chapter",
    "section": "section",
}


@dataclass(frozen=True, slots=True)
class DivisionHead:
    kind: DivisionKind
    number: int | None
    title: str


@dataclass(frozen=True, slots=True)
class ArticleHead:
    number: int
    suffix: int
    style: NumberStyle
    rest: str
    repealed: bool = False


@dataclass(frozen=True, slots=True)
class Numbered:
    """A numbered paragraph (`kind="para"`) or lettered point (`kind="point"`)."""

    kind: str
    number: int
    label_len: int  # characters of the line taken by the label
    roman: int | None = None  # (i), (ii): a nested point, or the letter i


def is_repealed_text(text: str) -> bool:
    return bool(_REPEALED.match(text.strip()))


def style_of(token: str) -> NumberStyle:
    if re.fullmatch(f"[{_AR_DIGIT}]+", token):
        return "arabic-indic"
    if re.fullmatch("[0-9]+", token):
        return "digits"
    return "words"


def _leading_number(words: list[str], limit: int = 6) -> tuple[int, int, str] | None:
    """The longest run of leading words that writes a number: (n, words used, text)."""
    for used in range(min(limit, len(words)), 0, -1):
        candidate = " ".join(words[:used])
        value = parse_number(candidate)
        if value is not None:
            return value, used, candidate
    return None


def _ar_suffix(rest: str) -> tuple[int, str]:
    """A مكرر suffix at the start of rest: (k, what is left)."""
    found = re.match(
        rf"مكرر[اةً]*(?:\s*\(?\s*({_AR_POINT_LETTER})\s*\)?(?=\s|$|[:\-–—.]))?", rest
    )
    if not found:
        return 0, rest
    letter = found.group(1)
    k = 1
    if letter:
        k = (_ABJAD.index(letter) + 2) if letter in _ABJAD else 2
    return k, rest[found.end() :]


def _en_suffix(rest: str) -> tuple[int, str]:
    found = re.match(r"(" + "|".join(SUFFIXES_EN) + r")\b", rest, re.IGNORECASE)
    if not found:
        return 0, rest
    return SUFFIXES_EN.index(found.group(1).lower()) + 1, rest[found.end() :]


def _number_then_rest(after: str, arabic: bool) -> tuple[int, NumberStyle, str] | None:
    """Parse `12`, `(12)`, `١٢`, `(الثانية عشرة)` or `الثانية عشرة` at the start."""
    after = after.strip()
    found = re.match(rf"\(?\s*({_DIGITS})\s*\)?", after)
    if found and found.group(1):
        token = found.group(1)
        return parse_number(token) or 0, style_of(token), after[found.end() :]
    found = re.match(r"\(([^)]{1,60})\)", after)
    if found:
        value = parse_number(found.group(1))
        if value is not None:
            return value, "words", after[found.end() :]
    words = re.split(r"(\s+)", after)
    plain = [w for w in words if w and not w.isspace()]
    cleaned: list[str] = []
    for word in plain:
        bare = re.sub(r"[:：\-–—.،,]+$", "", word)
        if not bare:
            break
        cleaned.append(bare)
        if bare != word:
            break  # punctuation closes the number: «الأول:»
    leading = _leading_number(cleaned)
    if leading is None:
        return None
    value, used, _ = leading
    # Cut the original text after the used words, keeping their punctuation out.
    pattern = r"\s*" + r"\s+".join(re.escape(w) for w in cleaned[:used])
    cut = re.match(pattern, after)
    rest = after[cut.end() :] if cut else ""
    if arabic and not re.search(f"[{ARABIC_BLOCK}]", " ".join(cleaned[:used])):
        return None
    return value, "words", rest


def _clean_rest(rest: str) -> str:
    return re.sub(rf"^{_SEP}", "", rest).strip() if rest.strip() else ""


def article_head(text: str, section_is_article: bool = False) -> ArticleHead | None:
    """An article heading in any usual form, or None."""
    text = text.strip()
    found = re.match(r"(?:ال)?مادة\s*(?:رقم\s*)?", text)
    if found:
        parsed = _number_then_rest(text[found.end() :], arabic=True)
        if parsed is None:
            return None
        n, style, rest = parsed
        k, rest = _ar_suffix(rest.strip())
        return _with_rest(n, k, style, rest)
    names = (
        "Article|ARTICLE|Art\\.|Section|SECTION|Sec\\."
        if section_is_article
        else ("Article|ARTICLE|Art\\.")
    )
    found = re.match(rf"(?:{names})\s+", text)
    if found:
        after = text[found.end() :]
        digits = re.match(r"([0-9]+)\s*", after)
        if digits:
            n = int(digits.group(1))
            k, rest = _en_suffix(after[digits.end() :])
            if not k:
                rest = after[
                    digits.end() - len(digits.group(0)) + len(digits.group(1)) :
                ]
            return _with_rest(n, k, "digits", rest)
        parsed = _number_then_rest(after, arabic=False)
        if parsed is None:
            return None
        n, _, rest = parsed
        k, rest = _en_suffix(rest.strip())
        return _with_rest(n, k, "words", rest)
    # English words style as rendered: "Twelfth Article bis".
    found = re.match(r"([A-Za-z\- ]+?)\s+Article\b", text)
    if found:
        value = parse_number(found.group(1))
        if value is not None:
            k, rest = _en_suffix(text[found.end() :].strip())
            return _with_rest(value, k, "words", rest)
    return None


def _with_rest(n: int, k: int, style: NumberStyle, rest: str) -> ArticleHead | None:
    if re.match(rf"\(\s*[0-9{_AR_DIGIT}a-z]", rest):
        return None  # "Article 12(2) applies…": a reference opening a sentence
    if rest and not re.match(rf"\s|{_SEP}|$|\(", rest):
        return None  # "المادةالأولى…" glued to a word: not a heading
    cleaned = _clean_rest(rest)
    repealed = is_repealed_text(cleaned)
    return ArticleHead(n, k, style, "" if repealed else cleaned, repealed)


def division_head(text: str) -> DivisionHead | None:
    """A part, chapter or section heading (الباب الأول: …, Chapter 2 - …), or None."""
    text = text.strip()
    found = re.match(r"(الباب|الفصل|الفرع|القسم)\s+", text)
    if found:
        parsed = _number_then_rest(text[found.end() :], arabic=True)
        if parsed is None:
            return None
        n, _, rest = parsed
        if rest and not re.match(rf"\s|{_SEP}|$", rest):
            return None
        return DivisionHead(AR_DIVISIONS[found.group(1)], n, _clean_rest(rest))
    found = re.match(
        r"(part|chapter|section)\s+([0-9]+|[ivxlcIVXLC]+\b|[A-Za-z\-]+)", text, re.I
    )
    if found:
        token = found.group(2)
        value = (
            parse_number(token)
            if not re.fullmatch("[ivxlcIVXLC]+", token)
            else parse_roman(token)
        )
        if value is None:
            return None
        rest = text[found.end() :]
        if rest and not re.match(rf"\s|{_SEP}|$", rest):
            return None
        return DivisionHead(
            EN_DIVISIONS[found.group(1).lower()], value, _clean_rest(rest)
        )
    return None


_AR_ORDINAL_ADVERB = re.compile(rf"^((?:{_AR_WORD}\s+){{0,2}}{_AR_WORD}ً?)\s*[:\-–—]\s*")


def numbered(text: str, lang_ar: bool, nested: bool = False) -> Numbered | None:
    """A numbered paragraph (1- (1) ١- أولاً:) or lettered point (أ- (أ) (a)), or None.

    Args:
        nested: the line is a list item (indented or bulleted), where a point
            past the 28th letter is labelled with two abjad letters («(يص)»),
            which elsewhere could be a bracketed word.
    """
    found = re.match(
        rf"^\(\s*({_DIGITS})\s*\)\s*|^({_DIGITS})\s*[{_DASHES}.)]\s*", text
    )
    if found:
        token = found.group(1) or found.group(2)
        number = parse_number(token)
        if number is not None:
            return Numbered("para", number, found.end())
    if lang_ar:
        found = _AR_ORDINAL_ADVERB.match(text)
        if found:
            words = found.group(1).split()
            words[-1] = re.sub("ا?ً$|اً$", "", words[-1])
            value = parse_number(" ".join(words))
            if value is not None and not words[0].startswith("ال"):
                return Numbered("para", value, found.end())
        found = re.match(
            rf"^\(\s*({_AR_POINT_LETTER})\s*\)\s*|^({_AR_POINT_LETTER})\s*[-–—)]\s*",
            text,
        )
        if found:
            letter = found.group(1) or found.group(2)
            return Numbered("point", _letter_index(letter), found.end())
        found = re.match(rf"^\(((?:{_AR_POINT_LETTER}){{2,3}})\)\s*", text)
        value = _abjad_value(found.group(1)) if found and nested else None
        if found and value:
            return Numbered("point", value, found.end())
        return None
    found = re.match(
        r"^\(([a-z]{1,3}|[A-Z]{1,3}|[ivx]{1,5})\)\s*|^([a-z]|[ivx]{1,5})[.)]\s+",
        text,
    )
    if found:
        letter = found.group(1) or found.group(2)
        roman = parse_roman(letter) if re.fullmatch("[ivx]+", letter) else None
        return Numbered("point", _letter_index(letter), found.end(), roman)
    return None


def _letter_index(letter: str) -> int:
    if letter in _ABJAD:
        return _ABJAD.index(letter) + 1
    if letter in _HIJAI:
        return _HIJAI.index(letter) + 1
    if re.fullmatch("[a-zA-Z]+", letter):
        value = 0
        for ch in letter.lower():
            value = value * 26 + ord(ch) - ord("a") + 1
        return value
    return 1


def _abjad_value(label: str) -> int | None:
    """The number two or three abjad letters write («يص» is 298), or None."""
    value = 0
    for letter in re.findall(f"{_AR_POINT_LETTER}", label):
        if letter not in _ABJAD:
            return None
        value = value * len(_ABJAD) + _ABJAD.index(letter) + 1
    return value
