"""Numbers of a document that says its units (`<units>`): English bylaws'
"Article II" divisions and "Section 3" / "Section 2.03" units within them."""

from __future__ import annotations

import re
from functools import cache

from bylaws.model import DivisionKind, Document, Numerals, Units

from ..values import Value, value_class
from .labels import division_label, parse_plain_number, suffix_label
from .ordinals import cardinal_digits, cardinal_en
from .parsing import parse_number

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def upper_roman(n: int) -> str:
    """1 -> "I", 14 -> "XIV"; 0 (a unit before any division) -> "0"."""
    if n < 1:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def division_numeral(n: int, numerals: Numerals) -> str:
    """A division's number as the document writes it: "II", "2", "Two"."""
    if numerals == "upper-roman":
        return upper_roman(n)
    if numerals == "words":
        return cardinal_en(n).title() if n else "0"
    return cardinal_digits(n, "digits")


def unit_number(units: Units, division: int, n: int, k: int = 0) -> str:
    """A unit's number: "3" (restarting in each division) or "2.03" (decimal)."""
    base = f"{division}.{n:02d}" if units.numbering == "decimal" else str(n)
    return base + (suffix_label(k, "en") if k else "")


def unit_label(units: Units, division: int, n: int, k: int = 0) -> str:
    """How a unit's own heading designates it: "Section 3"."""
    return units.label.format(
        d=division_numeral(division, units.numerals),
        n=unit_number(units, division, n, k),
    )


def unit_citation(units: Units, division: int, n: int, k: int = 0) -> str:
    """How the text cites a unit: "Article II, Section 3", "Section 2.03"."""
    return units.citation.format(
        d=division_numeral(division, units.numerals),
        n=unit_number(units, division, n, k),
    )


def division_label_in(doc: Document, kind: DivisionKind, n: int) -> str:
    """A division's label in a document: "Article II" where its units say so,
    else «الفصل الأول», "Chapter 2"."""
    units = doc.units
    if units is not None and kind == units.division:
        return f"{units.division_name} {division_numeral(n, units.numerals)}"
    return division_label(kind, n, doc.lang, doc.style)


def division_heading(units: Units, n: int, title: str) -> str:
    """A division's heading line as the document prints it: "ARTICLE II – MEMBERSHIP".

    A division without a title prints its label part alone ("ARTICLE IV").
    """
    numeral = division_numeral(n, units.numerals)
    form = units.heading
    if not title:
        form = form.split("{title}")[0].rstrip(" .:-–—\n")
    return form.format(
        label=f"{units.division_name} {numeral}",
        d=numeral,
        D=numeral.upper(),
        title=title,
    )


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def parse_roman(token: str) -> int | None:
    """ "XIV" or "xiv" -> 14; None when it is not a roman numeral."""
    text = token.lower()
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if following > value else value
    return total


def parse_division_numeral(token: str) -> int | None:
    """A division's number as written: "2", "II", "Two"; None for anything else."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    return parse_roman(token) or parse_number(token)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Cited(Value):
    """What a reader named in a document with units: a division (`unit` None:
    the whole of it), a unit in a division, or a unit number in any division
    (`division` None)."""

    division: int | None
    unit: tuple[int, int] | None


_DIVISION_WORD = r"(?:article|art\.?)"
_UNIT_WORD = r"(?:section|sec\.?|§)"
_UNIT_NUMBER = r"(?P<n>[0-9]+(?:-[a-z]+(?:-[0-9]+)?)?)"
_DIVISION_PATTERN = rf"{_DIVISION_WORD}\s*(?P<d>\S+)|(?P<roman>[IVXLCDM]+)"


@cache
def _citation_patterns() -> tuple[re.Pattern[str], ...]:
    """The forms of a citation, compiled when first read: only a document with
    units reads one, and case-blind patterns cost every start-up to compile."""
    return (
        # "II.3", "2.03", "Article II, Section 3", "Art. 2 Sec. 3", "Section 2.03"
        re.compile(
            rf"(?:(?:{_DIVISION_WORD}|{_UNIT_WORD})\s*)?(?P<d>[^\s.,]+)"
            rf"\s*(?:\.|,|,?\s*{_UNIT_WORD})\s*{_UNIT_NUMBER}",
            re.IGNORECASE,
        ),
        re.compile(_DIVISION_PATTERN),
        re.compile(_DIVISION_PATTERN, re.IGNORECASE),
        re.compile(rf"(?:{_UNIT_WORD}\s*)?{_UNIT_NUMBER}", re.IGNORECASE),
    )


def read_citation(text: str) -> Cited | None:
    """What `text` names in a document with units, or None when it names
    nothing in their forms ("art-x", a heading's words)."""
    text = text.strip()
    in_division, division_word, division_word_i, unit_alone = _citation_patterns()
    found = in_division.fullmatch(text)
    if found is not None:
        division = parse_division_numeral(found.group("d"))
        unit = _plain(found.group("n"))
        if division and unit:
            return Cited(division, unit)
    found = division_word.fullmatch(text) or division_word_i.fullmatch(text)
    if found is not None and (found.group("roman") or found.group("d")):
        division = parse_division_numeral(found.group("roman") or found.group("d"))
        return Cited(division, None) if division else None
    found = unit_alone.fullmatch(text)
    unit = _plain(found.group("n")) if found else None
    return Cited(None, unit) if unit else None


def _plain(number: str) -> tuple[int, int] | None:
    try:
        return parse_plain_number(number.lower().lstrip("0") or "0")
    except ValueError:
        return None
