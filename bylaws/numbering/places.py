"""Words that name a target by its place, and whether they still say where it is.

"this Article", "the preceding Section", «المادة السابقة» keep their words
when the text is renumbered (`Ref.words`): they show no number to follow. But
an article inserted, repealed or moved between the two can make the words
wrong while the reference keeps its target. `misplaced_words` finds those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    OutlineNode,
    P,
    Point,
    Ref,
    iter_entries,
)

# "this Article", "the preceding Section": the place, then the level.
PLACE_WORDS = re.compile(
    r"\b(?P<place>[Tt]his|[Tt]he\s+(?:preceding|previous|foregoing|following|next))"
    r"\s+(?P<level>Article|Section|article|section)\b"
)
# The same in Arabic: «هذه المادة», «المادة السابقة», «المادة التالية».
_ARABIC_PLACES = re.compile(
    r"(?P<this>(?:هذه|ذات)\s+المادة)|المادة\s+(?:(?P<before>السابقة)|(?P<after>التالية))"
)
_BEFORE = {"preceding", "previous", "foregoing"}

# Where words point from the unit they stand in: 0 itself (or its Article),
# -1 the one before, +1 the one after; and at which level.
Place = tuple[int, str]


def place_of(words: str) -> Place | None:
    """(step, level) for words that name a target by place; None for others.

    The level is "article" or "section"; a step of 0 is "this".
    """
    found = PLACE_WORDS.fullmatch(words.strip())
    if found:
        place = found.group("place").split()[-1].lower()
        step = 0 if place == "this" else (-1 if place in _BEFORE else 1)
        return step, found.group("level").lower()
    arabic = _ARABIC_PLACES.fullmatch(words.strip())
    if arabic:
        step = 0 if arabic.group("this") else (-1 if arabic.group("before") else 1)
        return step, "article"
    return None


def _refs(items: tuple[P | Point, ...]) -> Iterator[Ref]:
    for item in items:
        if isinstance(item, Point):
            yield from _refs(item.items)
            continue
        yield from (run for run in item.runs if isinstance(run, Ref))


def worded_refs(article: Article) -> Iterator[Ref]:
    """The article's references that read in words of their own."""
    for paragraph in article.paragraphs:
        yield from (ref for ref in _refs(paragraph.items) if ref.words)
    for runs in (*(p.runs for p in article.intro), *(n.runs for n in article.notes)):
        yield from (run for run in runs if isinstance(run, Ref) and run.words)


class _Places:
    """Each article's neighbours, and its Article when the document has units."""

    def __init__(self, doc: Document) -> None:
        self.sections: dict[str, tuple[str | None, str | None]] = {}
        self.holder: dict[str, str] = {}
        self.holders: dict[str, tuple[str | None, str | None]] = {}
        kind = doc.units.division if doc.units is not None else None
        if kind is None:
            self._neighbours(list(iter_entries(doc.outline)), self.sections)
            return
        divisions = list(_divisions(doc.outline, kind))
        self._neighbours(divisions, self.holders)
        for division in divisions:
            entries = list(iter_entries(division.children))
            self._neighbours(entries, self.sections)
            self.holder.update((entry.ref, division.id) for entry in entries)

    @staticmethod
    def _neighbours(
        nodes: list[ArticleEntry] | list[Division],
        into: dict[str, tuple[str | None, str | None]],
    ) -> None:
        ids = [
            node.ref if isinstance(node, ArticleEntry) else node.id
            for node in nodes
            if not (isinstance(node, ArticleEntry) and node.repealed)
        ]
        for n, here in enumerate(ids):
            before = ids[n - 1] if n else None
            after = ids[n + 1] if n + 1 < len(ids) else None
            into.setdefault(here, (before, after))

    def target(self, here: str, place: Place) -> str | None:
        """What words at `place` name from the article `here`, now."""
        step, level = place
        if level == "article" and self.holder:
            division = self.holder.get(here)
            if division is None or step == 0:
                return division
            return self.holders.get(division, (None, None))[step > 0]
        if step == 0:
            return here
        return self.sections.get(here, (None, None))[step > 0]


def _divisions(nodes: tuple[OutlineNode, ...], kind: str) -> Iterator[Division]:
    for node in nodes:
        if isinstance(node, Division):
            if node.kind == kind:
                yield node
            else:
                yield from _divisions(node.children, kind)


def misplaced_words(
    doc: Document, articles: list[str]
) -> Iterator[tuple[str, Ref, str | None]]:
    """For each of `articles` (ids in `doc`), each reference whose place words
    no longer name its target: (article, reference, what the words name now,
    None when nothing is there)."""
    if not articles:
        return  # the outline is not even looked at
    places = _Places(doc)
    for here in articles:
        article = doc.articles.get(here)
        if article is None:
            continue
        for ref in worded_refs(article):
            place = place_of(ref.words or "")
            if place is None:
                continue
            now = places.target(here, place)
            if ref.to.partition("/")[0] != now:
                yield here, ref, now
