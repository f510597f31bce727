"""Cross-references in English bylaws' prose, made live on import.

"Article II, Section 3", "Section 4.02 of these Bylaws" and a bare "Section 3"
(a Section of the same Article) name their target by number: the reference
renders that number and follows every renumbering. "this Article", "the
preceding Section", "the following Article" name it by its place from where
they stand: the reference carries the target, and the words stay as written
(they show no number to follow). "Section 3 of this Article" is both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Text
from ..numbering import parse_roman
from ..numbering.places import PLACE_WORDS
from .builder import (
    Draft,
    DraftArticle,
    DraftDivision,
    DraftP,
    DraftPoint,
    DraftRun,
    Link,
)

_NUMERAL = r"[IVXLCDM]+|[ivxlcdm]+|[0-9]+"
_CITATION = re.compile(
    # "Article II, Section 3" (numbered afresh in each Article)
    rf"\bArticle\s+(?P<div>{_NUMERAL}),?\s+Section\s+(?P<n>[0-9]+)\b"
    # "Section 3" (of this Article) or "Section 4.02"
    r"|\b(?P<word>Section|Sec\.|§)\s*(?P<own>[0-9]+(?:\.[0-9]{2})?)\b"
    # "this Article", "the preceding Section", "the following Article"
    rf"|{PLACE_WORDS.pattern}"
)
_BEFORE = {"preceding", "previous", "foregoing"}


@dataclass(frozen=True, slots=True)
class _Here:
    """Where a citation stands: its Article (the index among the document's
    Articles) and its Section (the index within that Article)."""

    division: int
    unit: int


@dataclass(frozen=True, slots=True)
class _Shape:
    """The document's Articles and their Sections' ids, in order."""

    divisions: list[DraftDivision]
    units: list[list[str]]
    by_number: dict[tuple[int, int], str]

    def numbered(
        self, found: re.Match[str], here: _Here
    ) -> tuple[str | None, int, str]:
        """The target, start and words of a citation by number."""
        if found.group("div"):
            token = found.group("div")
            d = int(token) if token.isdigit() else parse_roman(token) or 0
            key = (d, int(found.group("n")))
            return self.by_number.get(key), found.start(), found.group(0)
        own = found.group("own")
        whole, _, part = own.partition(".")
        number = self.divisions[here.division].number or 0
        key = (int(whole), int(part)) if part else (number, int(whole))
        return self.by_number.get(key), found.start("own"), own

    def placed(self, found: re.Match[str], here: _Here) -> str | None:
        """The target of "this Article", "the preceding Section"…, or None."""
        place = found.group("place").split()[-1].lower()
        step = 0 if place == "this" else (-1 if place in _BEFORE else 1)
        if found.group("level").lower() == "article":
            index = here.division + step
            if 0 <= index < len(self.divisions):
                return self.divisions[index].id
            return None
        siblings = self.units[here.division]
        index = here.unit + step
        return siblings[index] if 0 <= index < len(siblings) else None


def link_citations(draft: Draft) -> None:
    """Cross-references in prose become links, settled into live references."""
    divisions = [d for d in draft.outline if isinstance(d, DraftDivision)]
    units: list[list[str]] = []
    by_number: dict[tuple[int, int], str] = {}
    for division in divisions:
        ids = []
        for unit in division.children:
            if isinstance(unit, DraftArticle) and unit.id:
                ids.append(unit.id)
                if unit.number:
                    by_number[(division.number or 0, unit.number[0])] = unit.id
        units.append(ids)
    shape = _Shape(divisions, units, by_number)
    for d, division in enumerate(divisions):
        sections = [u for u in division.children if isinstance(u, DraftArticle)]
        for u, unit in enumerate(sections):
            for paragraph in unit.paragraphs:
                _link_items(paragraph.items, shape, _Here(d, u))


def _link_items(items: list[DraftP | DraftPoint], shape: _Shape, here: _Here) -> None:
    for item in items:
        if isinstance(item, DraftPoint):
            _link_items(item.items, shape, here)
            continue
        runs: list[DraftRun] = []
        for run in item.runs:
            runs.extend(_linked(run, shape, here, item.line))
        item.runs = runs


def _linked(run: DraftRun, shape: _Shape, here: _Here, line: int) -> list[DraftRun]:
    if not isinstance(run, Text):
        return [run]
    out: list[DraftRun] = []
    last = 0
    for found in _CITATION.finditer(run.value):
        if found.group("place"):
            target, start, words = shape.placed(found, here), found.start(), True
            text = found.group(0)
        else:
            target, start, text = shape.numbered(found, here)
            words = False
        if target is None:
            continue
        if start > last:
            out.append(Text(run.value[last:start]))
        out.append(Link(target, text, line, words))
        last = found.end()
    if last < len(run.value):
        out.append(Text(run.value[last:]))
    return out if out else [run]
