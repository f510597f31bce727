"""English bylaws as they are written: ARTICLE I – NAME holding Section 1. …

The shape: divisions headed `ARTICLE I`, `Article 1` or `ARTICLE ONE`, with a
title after a dash, a colon or on the next line; inside each, units headed
`Section 1.`, `Sec. 1`, `§ 1` or `2.01`, often with an inline title ending in a
period or colon, numbered afresh in each Article (or decimally, `2.01`);
lettered and numbered subdivisions `(a)`, `A.`, `(1)`, `i.` as points, except
that a Section opening with `(1)` numbers its paragraphs (as `show` prints
them); text before the first Article is the preamble. The generic line rules
(`lines.py`) ask `parse_bylaws_shape` first: when a text has this shape it is
read here, in source order, and the document records its units (`<units>`,
with the form of its Article headings) so that every output numbers, cites
and prints it the same way. Citations become references in
`english_citations.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import DEFAULT_DIVISION_HEADING, Numerals, Text, UnitNumbering, Units
from ..numbering import parse_number, parse_roman
from .builder import (
    Draft,
    DraftArticle,
    DraftDivision,
    DraftP,
    DraftParagraph,
    DraftPoint,
    DraftRun,
    slugify,
)
from .english_citations import link_citations

_DASH = "\\-–—"
_ROMAN_TOKEN = r"[IVXLCDM]+|[ivxlcdm]+"
_ARTICLE = re.compile(
    rf"^(?P<word>ARTICLE|Article)\s+"
    rf"(?P<num>[0-9]+|{_ROMAN_TOKEN}|[A-Za-z]+(?:[- ][A-Za-z]+)?)"
    rf"(?:\s*[.:{_DASH}]\s*(?P<title>.*))?$"
)
_UNIT = re.compile(
    r"^(?P<name>Section|SECTION|Sec\.|§)\s*(?P<num>[0-9]+(?:\.[0-9]+)?)"
    r"(?P<sep>[.:]?)(?:\s+(?P<rest>.*))?$"
)
_DECIMAL = re.compile(r"^(?P<num>[0-9]+\.[0-9]{2})(?P<sep>[.:]?)(?:\s+(?P<rest>.*))?$")
# Point labels, each with its family: a new family nests one level deeper.
_POINT = re.compile(
    r"^(?:\((?P<paren>[a-z]{1,2}|[ivx]{1,5}|[0-9]{1,2})\)|\((?P<capital>[A-Z])\)"
    r"|(?P<upper>[A-Z])\.|(?P<roman>[ivx]{1,5})\.|(?P<lower>[a-z])\.)\s+"
)
# A paragraph's number where a Section numbers its paragraphs: "(2) …"
_PARAGRAPH = re.compile(r"^\(([1-9][0-9]?)\)\s+")
_TITLE_WORDS = 6


def _division_number(token: str) -> tuple[int, Numerals] | None:
    if token.isdigit():
        return int(token), "digits"
    if re.fullmatch(_ROMAN_TOKEN, token):
        value = parse_roman(token)
        return (value, "upper-roman") if value else None
    value = parse_number(token)
    return (value, "words") if value else None


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """An `ARTICLE II – MEMBERSHIP` line: number, numerals, title, and its
    form ("ARTICLE {d} – {title}") for the document's `<units>`."""

    number: int
    numerals: Numerals
    title: str
    form: str


def article_heading(text: str) -> ArticleHead | None:
    """An `ARTICLE II – MEMBERSHIP` line, or None."""
    found = _ARTICLE.match(text.strip())
    if found is None:
        return None
    token = found.group("num")
    parsed = _division_number(token)
    if parsed is None:
        return None
    numeral = "{D}" if parsed[1] == "words" and token.isupper() else "{d}"
    form = f"{found.group('word')} {numeral}"
    if found.group("title") is not None:
        # The words between the number and the title, as written: " - ", ": ".
        form += found.group(0)[found.end("num") : found.start("title")] + "{title}"
    else:
        form += "\n{title}"  # the title, if any, on the next line
    if form == "Article {d}: {title}":
        form = DEFAULT_DIVISION_HEADING  # the form every output writes by default
    return ArticleHead(parsed[0], parsed[1], found.group("title") or "", form)


@dataclass(frozen=True, slots=True)
class UnitHead:
    """A `Section 2. Dues. …` line: its number, label word, title and text."""

    number: str  # "2" or "2.01"
    name: str  # "Section", "Sec.", "§", or "" for a bare decimal number
    title: str
    rest: str


def unit_heading(text: str) -> UnitHead | None:
    """A section heading line in one of the usual forms, or None."""
    text = text.strip()
    found = _UNIT.match(text)
    name = found.group("name") if found else ""
    found = found or _DECIMAL.match(text)
    if found is None:
        return None
    rest = (found.group("rest") or "").strip()
    title, rest = _split_title(rest)
    return UnitHead(found.group("num"), name, title, rest)


def _split_title(rest: str) -> tuple[str, str]:
    """An inline title ends at the first period or colon and is a few words."""
    found = re.match(r"^([A-Z][^.:;]{0,80}?)[.:](?:\s+|$)", rest)
    if found is None and re.fullmatch(r"[A-Z][^.:;,]*", rest):
        # "Section 1: Name" with the text on the next lines, as `show` prints it.
        found = re.match(r"^(.*)()$", rest)
    if found is None or len(found.group(1).split()) > _TITLE_WORDS:
        return "", rest
    return found.group(1).strip(), rest[found.end() :].strip()


def has_bylaws_shape(texts: list[str]) -> bool:
    """Whether lines are English bylaws: an Article heading and a Section in it."""
    articles = [i for i, t in enumerate(texts) if article_heading(t) is not None]
    if not articles:
        return False
    return any(unit_heading(t) is not None for t in texts[articles[0] :])


@dataclass
class _Reading:
    """What the reader has open while it walks the lines."""

    draft: Draft
    division: DraftDivision | None = None
    unit: DraftArticle | None = None
    untitled: DraftDivision | None = None  # a heading whose title may follow
    families: list[str] = field(default_factory=list)  # open point families
    points: list[DraftPoint] = field(default_factory=list)
    preamble: list[tuple[int, list[DraftRun]]] = field(default_factory=list)
    label: str = "Section {n}"
    heading: str | None = None  # the first Article heading's form
    numbered: bool = False  # the open Section numbers its paragraphs
    decimal: bool = False
    numerals: Numerals = "upper-roman"
    ids: set[str] = field(default_factory=set)

    def unique(self, base: str) -> str:
        candidate, i = base, 2
        while candidate in self.ids:
            candidate, i = f"{base}-{i}", i + 1
        self.ids.add(candidate)
        return candidate


def parse_bylaws_shape(draft: Draft, lines: list[tuple[int, str, int | None]]) -> bool:
    """Fill `draft` from (line number, text, list level) when they have the shape.

    The list level is what a source that numbers its own lists (Word) says:
    None for none, 0 for a paragraph, n for a point at depth n.
    Returns False, leaving the draft untouched, when they do not have it.
    """
    if not has_bylaws_shape([text for _, text, _ in lines]):
        return False
    reading = _Reading(draft)
    for number, text, level in lines:
        if not text.strip():
            continue
        if level and reading.unit is not None and reading.unit.paragraphs:
            _add_point(reading, number, text.strip(), level)
        else:
            _place(reading, number, text.strip())
    _finish(reading)
    return True


def _add_point(reading: _Reading, line: int, text: str, depth: int) -> None:
    """A point the source numbered itself, at its depth (no label in its text)."""
    assert reading.unit is not None
    depth = min(depth, len(reading.points) + 1)
    new = DraftPoint([DraftP([_text(text)], line)], line)
    paragraph = reading.unit.paragraphs[-1]
    parent = reading.points[depth - 2].items if depth > 1 else paragraph.items
    parent.append(new)
    reading.points = [*reading.points[: depth - 1], new]


def _place(reading: _Reading, line: int, text: str) -> None:
    untitled, reading.untitled = reading.untitled, None
    heading = article_heading(text)
    if heading is not None:
        _open_division(reading, line, heading)
        return
    unit = unit_heading(text) if reading.division is not None else None
    if unit is not None:
        _open_unit(reading, line, unit)
        return
    if untitled is not None and reading.unit is None:
        untitled.heading = text
        untitled.id = reading.unique("art-" + slugify(text, "article"))
        return
    if reading.unit is None:
        if not reading.draft.title and reading.division is None:
            reading.draft.title = text
        else:
            reading.preamble.append((line, [_text(text)]))
        return
    _add_text(reading, line, text)


def _text(value: str) -> DraftRun:
    return Text(value)


def _open_division(reading: _Reading, line: int, head: ArticleHead) -> None:
    reading.numerals = head.numerals
    if reading.heading is None:
        reading.heading = head.form
    n, title = head.number, head.title.strip()
    division = DraftDivision("chapter", n, title, line=line)
    division.id = reading.unique("art-" + slugify(title, f"{n}")) if title else None
    if not title:
        reading.untitled = division
    reading.draft.outline.append(division)
    reading.division, reading.unit = division, None


def _open_unit(reading: _Reading, line: int, head: UnitHead) -> None:
    assert reading.division is not None
    if reading.division.id is None:
        reading.division.id = reading.unique(f"art-{reading.division.number}")
    whole, _, part = head.number.partition(".")
    reading.decimal = bool(part)
    reading.label = head.name + " {n}" if head.name else "{n}"
    n = int(part) if part else int(whole)
    base = slugify(head.title, "") if head.title else ""
    unit = DraftArticle((n, 0), "digits", heading=head.title or None, line=line)
    unit.id = reading.unique("sec-" + (base or f"{reading.division.number}-{n}"))
    reading.division.children.append(unit)
    reading.unit, reading.points, reading.families = unit, [], []
    reading.numbered = False
    if head.rest:
        _add_text(reading, line, head.rest)


def _add_text(reading: _Reading, line: int, text: str) -> None:
    unit = reading.unit
    assert unit is not None
    point = _POINT.match(text)
    numbered = _PARAGRAPH.match(text)
    if numbered and int(numbered.group(1)) == len(unit.paragraphs) + 1:
        # "(1)" opening a Section numbers its paragraphs (as `show` prints
        # them); "(2)" then is the next one, not a point.
        reading.numbered = reading.numbered or not unit.paragraphs
        if reading.numbered:
            point, text = None, text[numbered.end() :]
    if point is None or not unit.paragraphs:
        reading.points, reading.families = [], []
        unit.paragraphs.append(DraftParagraph([DraftP([_text(text)], line)], line))
        return
    family = next(name for name, value in point.groupdict().items() if value)
    if family == "capital":
        family = "upper"  # "(A)" and "A." are one family
    if family == "paren":
        token = point.group("paren")
        family = (
            "digit" if token.isdigit() else ("roman" if _is_roman(token) else "lower")
        )
    if family in reading.families:
        depth = reading.families.index(family) + 1
    else:
        reading.families.append(family)
        depth = len(reading.families)
    del reading.families[depth:]
    new = DraftPoint([DraftP([_text(text[point.end() :])], line)], line)
    parent = reading.points[depth - 2].items if depth > 1 else unit.paragraphs[-1].items
    parent.append(new)
    reading.points = [*reading.points[: depth - 1], new]


def _is_roman(token: str) -> bool:
    # "(i)" after "(h)" is a letter; alone it opens a roman list.
    return bool(re.fullmatch("[ivx]+", token)) and token not in {"v", "x"}


def _finish(reading: _Reading) -> None:
    draft = reading.draft
    numbering: UnitNumbering = "decimal" if reading.decimal else "restart"
    citation = "Section {n}" if reading.decimal else "Article {d}, Section {n}"
    draft.units = Units(
        division="chapter",
        division_name="Article",
        numerals=reading.numerals,
        unit_name="Section",
        numbering=numbering,
        label=reading.label,
        citation=citation,
        heading=reading.heading or DEFAULT_DIVISION_HEADING,
    )
    draft.numbering, draft.style, draft.exact = "auto", "digits", True
    # Text before the first Article (recitals, an enacting line) is the
    # document's preamble, as in any other import.
    draft.preamble += [DraftP(runs, line) for line, runs in reading.preamble]
    for division in draft.outline:
        if isinstance(division, DraftDivision) and division.id is None:
            division.id = reading.unique(f"art-{division.number}")
    link_citations(draft)
