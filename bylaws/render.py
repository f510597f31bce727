"""The text as a reader sees it: numbers derived, references resolved.

Pure: a Document in, plain values out. `show`, the site and the exporters
format these values; none of them has to know how numbering works. This is
the one place that labels articles, divisions, paragraphs and points, says how
a reference reads, and walks an article's paragraphs and points in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from . import numbering
from .errors import Ambiguous, NotFound
from .locale import _
from .model import (
    INTRO,
    Article,
    ArticleEntry,
    Division,
    DivisionKind,
    Document,
    Hyperlink,
    Inline,
    OutlineNode,
    P,
    Point,
    Ref,
    Text,
    iter_divisions,
    plain_text,
)
from .numbering import ArticleNumber


@dataclass(frozen=True, slots=True)
class Line:
    """One line of an article before its runs are rendered (see `Block`).

    Callers that write their own markup (the site's links) render `runs`.
    """

    address: str
    label: str | None
    depth: int
    runs: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """One line of an article: a paragraph's text or a point's.

    `address` is the Akoma Ntoso-like position (`para-2`, `para-2/point-1`);
    `label` is what a reader sees before the text ("(2)", "(أ)"), if anything.
    """

    address: str
    label: str | None
    depth: int
    text: str


_ADDRESS_IN_BRACES = re.compile(r"\{([a-z0-9][a-z0-9/-]*)(?:\|([^{}|]*))?\}")


@dataclass(frozen=True, slots=True)
class ReadArticle:
    id: str
    number: str  # plain form: "12", "12-bis"
    label: str  # «المادة الثانية عشرة», "Article 12"
    heading: str | None
    repealed: bool
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadDivision:
    id: str
    kind: DivisionKind
    label: str  # «الفصل الأول», "Chapter 1"
    heading: str
    depth: int


@dataclass(frozen=True)
class Reader:
    """Renders one document; numbers are computed once per document."""

    doc: Document
    numbers: Mapping[str, ArticleNumber] = field(init=False)
    divisions: Mapping[str, int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbers", numbering.number_outline(self.doc))
        object.__setattr__(self, "divisions", numbering.number_divisions(self.doc))

    def runs(self, runs: tuple[Inline, ...]) -> str:
        """Inline runs as text; a dangling reference shows its address in braces."""
        return "".join(
            r.value
            if isinstance(r, Text)
            else r.text
            if isinstance(r, Hyperlink)
            else self.ref(r)
            for r in runs
        )

    def ref(self, ref: Ref) -> str:
        """How a reference reads; one to nothing reads as `dangling` shows it."""
        shown = self.resolve(ref)
        return dangling(ref) if shown is None else shown

    def resolve(self, ref: Ref) -> str | None:
        """How a live reference reads, or None if it points to nothing (one
        in words reads as its words all the same).

        `check` is where a dangling reference is reported; readers still see it.
        """
        try:
            return numbering.render_ref(self.doc, ref, self.numbers)
        except NotFound:
            return None

    def addresses(self, text: str) -> str:
        """Words compared as plain text, where each reference is `{address}`
        (`plain_text`), with every address read as its designation; one to
        nothing stays in braces."""
        return _ADDRESS_IN_BRACES.sub(
            lambda m: self.resolve(Ref(m.group(1), words=m.group(2))) or m.group(0),
            text,
        )

    def label(self, article_id: str) -> str:
        """An article's own label: "Article 12", or a unit's "Section 3"."""
        return numbering.designation(self.doc, self.numbers[article_id], False)

    def division_label(self, division: Division | ReadDivision) -> str:
        return numbering.division_label_in(
            self.doc, division.kind, self.divisions[division.id]
        )

    def division_line(
        self, division: Division | ReadDivision, one_line: bool = False
    ) -> str:
        """A division's heading line as the document prints it: "ARTICLE II -
        MEMBERSHIP" in the form its units give, else "Chapter 1: Name".

        Args:
            one_line: a form that puts the title on a line of its own gives
                the default instead (a Markdown or Word heading is one line).
        """
        units = self.doc.units
        if units is not None and division.kind == units.division:
            n = self.divisions[division.id]
            line = numbering.division_heading(units, n, division.heading)
            if not (one_line and "\n" in line):
                return line
        label = self.division_label(division)
        return f"{label}: {division.heading}" if division.heading else label

    def paragraph_label(self, n: int) -> str:
        return numbering.paragraph_label(n, self.doc.lang, self.doc.style)

    def point_label(self, n: int, depth: int) -> str:
        return numbering.point_label(n, depth, self.doc.lang, self.doc.style)

    def repealed_mark(self) -> str:
        return numbering.repealed_mark(self.doc.lang)

    def article(self, article_id: str) -> ReadArticle:
        """One article as read, or a repealed placeholder (fixed numbering)."""
        if article_id not in self.numbers:
            raise NotFound(
                _("document {document} has no article {article}"),
                document=self.doc.id,
                article=article_id,
            )
        number = self.numbers[article_id]
        article = self.doc.articles.get(article_id)
        if number.repealed or article is None:
            return ReadArticle(
                article_id, number.plain(), self.label(article_id), None, True, ()
            )
        return ReadArticle(
            id=article.id,
            number=number.plain(),
            label=self.label(article_id),
            heading=article.heading,
            repealed=False,
            blocks=tuple(self.blocks(article)),
            notes=tuple(self.runs(n.runs) for n in article.notes),
        )

    def blocks(self, article: Article) -> Iterator[Block]:
        """The article's lines with their runs as text."""
        for line in self.lines(article):
            yield Block(line.address, line.label, line.depth, self.runs(line.runs))

    def lines(self, article: Article) -> Iterator[Line]:
        """The article's paragraphs and points in reading order, with their labels.

        A paragraph is numbered only when the article has more than one, or a
        lead-in (`intro`, unnumbered) before it.
        """
        for p in article.intro:
            yield Line(INTRO, None, 0, p.runs)
        numbered = len(article.paragraphs) > 1 or bool(article.intro)
        for index, paragraph in enumerate(article.paragraphs, 1):
            label = self.paragraph_label(index) if numbered else None
            yield from self._items(paragraph.items, f"para-{index}", label, 0)

    def _items(
        self, items: tuple[P | Point, ...], address: str, label: str | None, depth: int
    ) -> Iterator[Line]:
        point_index = 0
        for item in items:
            if isinstance(item, P):
                yield Line(address, label, depth, item.runs)
                label = None  # only the first line of a paragraph carries its number
            else:
                point_index += 1
                yield from self._items(
                    item.items,
                    f"{address}/point-{point_index}",
                    self.point_label(point_index, depth + 1),
                    depth + 1,
                )

    def outline(self) -> Iterator[ReadDivision | ReadArticle]:
        """Divisions and articles in reading order."""
        yield from self._walk(self.doc.outline, 0)

    def _walk(
        self, nodes: tuple[OutlineNode, ...], depth: int
    ) -> Iterator[ReadDivision | ReadArticle]:
        for node in nodes:
            if isinstance(node, ArticleEntry):
                if node.ref in self.numbers:
                    yield self.article(node.ref)
            else:
                yield ReadDivision(
                    node.id, node.kind, self.division_label(node), node.heading, depth
                )
                yield from self._walk(node.children, depth + 1)

    def select(self, wanted: str) -> list[ReadDivision | ReadArticle]:
        """What `show -a` prints for `wanted`: one article; in a document
        with units, also a division whole ("II", "Article II", its id) or
        one unit with its division's heading ("II.3", "Article II, Section
        3", "2.03"). Ambiguous when a bare number fits units of several
        divisions; the message lists them."""
        units = self.doc.units
        if units is None:
            return [self.article(self.find(wanted))]
        if wanted in self.numbers:
            return [*self._division_of(wanted), self.article(wanted)]
        for node in iter_divisions(self.doc.outline):
            if node.id == wanted:
                return list(self._walk((node,), 0))
        cited = numbering.read_citation(wanted)
        if cited is None:
            return [self.article(self.find(wanted))]
        if cited.unit is None:
            for node in iter_divisions(self.doc.outline):
                if (
                    node.kind == units.division
                    and self.divisions[node.id] == cited.division
                ):
                    return list(self._walk((node,), 0))
            raise NotFound(
                _("document {document} has no {division} {wanted!r}"),
                document=self.doc.id,
                division=units.division_name,
                wanted=wanted,
            )
        found = self.unit_cited(wanted) or self.find(wanted)
        return [*self._division_of(found), self.article(found)]

    def unit_cited(self, wanted: str) -> str | None:
        """The unit a citation names in a document with units ("II.3",
        "Article II, Section 3", "2.03", or a bare "3" where one Article has
        a Section 3); None when `wanted` is no citation of one that exists.
        Ambiguous when a bare number fits units of several divisions."""
        cited = numbering.read_citation(wanted) if self.doc.units else None
        if cited is None or cited.unit is None:
            return None
        found = [
            article_id
            for article_id, number in self.numbers.items()
            if (number.n, number.k) == cited.unit
            and cited.division in (None, number.division)
        ]
        if len(found) > 1:
            raise Ambiguous(
                _(
                    "{wanted!r} is in several places: {candidates}; name one as {example}, or by its id"
                ),
                wanted=wanted,
                candidates="; ".join(f"{self.citation(i)} ({i})" for i in found),
                example=f"'{self._short(found[-1])}' or '{self.citation(found[-1])}'",
            )
        return found[0] if found else None

    def citation(self, article_id: str) -> str:
        """How the text cites an article: "Article II, Section 3"."""
        return numbering.designation(self.doc, self.numbers[article_id])

    def _short(self, article_id: str) -> str:
        """A unit's short form for `select`: "II.3", or "2.03" when decimal."""
        number = self.numbers[article_id]
        units = self.doc.units
        assert units is not None
        unit = numbering.unit_number(units, number.division, number.n, number.k)
        if units.numbering == "decimal":
            return unit
        return f"{numbering.division_numeral(number.division, units.numerals)}.{unit}"

    def _division_of(self, article_id: str) -> list[ReadDivision]:
        """The heading of the division a unit is in, as `show` prints it."""
        for node in iter_divisions(self.doc.outline):
            if any(
                isinstance(c, ArticleEntry) and c.ref == article_id
                for c in node.children
            ):
                return [
                    ReadDivision(
                        node.id, node.kind, self.division_label(node), node.heading, 0
                    )
                ]
        return []

    def find(self, wanted: str) -> str:
        """An article id from an id or a number as a reader writes it.

        Accepts `art-x`, "12", "١٢", "12-bis", «الثانية عشرة», "twelfth".
        """
        if wanted in self.numbers:
            return wanted
        target: tuple[int, int] | None = None
        try:
            target = numbering.parse_plain_number(wanted.strip())
        except ValueError:
            value = numbering.parse_number(wanted)
            if value is not None:
                target = (value, 0)
        if target is not None:
            for article_id, number in self.numbers.items():
                if (number.n, number.k) == target:
                    return article_id
        raise NotFound(
            _("document {document} has no article with id or number {wanted!r}"),
            document=self.doc.id,
            wanted=wanted,
        )


def dangling(ref: Ref) -> str:
    """How a reference to nothing reads: its raw address in braces, as in a diff."""
    return plain_text((ref,))
