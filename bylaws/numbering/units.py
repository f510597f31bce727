"""Numbers of a document that says its units (`<units>`): English bylaws'
"Article II" divisions and "Section 3" / "Section 2.03" units within them."""

from __future__ import annotations

from bylaws.model import DivisionKind, Document, Numerals, Units

from .labels import division_label, suffix_label
from .ordinals import cardinal_digits, cardinal_en

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
