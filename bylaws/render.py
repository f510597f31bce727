"""The text as a reader sees it: numbers derived, references resolved.

Pure: a Document in, plain values out. `show`, the site and the exporters
format these values; none of them has to know how numbering works.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from . import numbering
from .errors import NotFound
from .model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    Inline,
    OutlineNode,
    P,
    Point,
    Ref,
    Text,
)
from .numbering import ArticleNumber


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
    kind: str
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
        """Inline runs as text; a dangling reference shows its address in brackets."""
        out = []
        for run in runs:
            if isinstance(run, Text):
                out.append(run.value)
            else:
                out.append(self.ref(run))
        return "".join(out)

    def ref(self, ref: Ref) -> str:
        try:
            return numbering.render_ref(self.doc, ref, self.numbers)
        except NotFound:
            return f"[{ref.to}?]"

    def label(self, article_id: str) -> str:
        number = self.numbers[article_id]
        return numbering.article_label(
            number.n, number.k, self.doc.lang, self.doc.style
        )

    def division_label(self, division: Division) -> str:
        return numbering.division_label(
            division.kind, self.divisions[division.id], self.doc.lang, self.doc.style
        )

    def article(self, article_id: str) -> ReadArticle:
        """One article as read, or a repealed placeholder (fixed numbering)."""
        if article_id not in self.numbers:
            raise NotFound(f"document {self.doc.id} has no article {article_id}")
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
        numbered = len(article.paragraphs) > 1
        for index, paragraph in enumerate(article.paragraphs, 1):
            label = (
                numbering.paragraph_label(index, self.doc.lang, self.doc.style)
                if numbered
                else None
            )
            yield from self._items(paragraph.items, f"para-{index}", label, 0)

    def _items(
        self, items: tuple[P | Point, ...], address: str, label: str | None, depth: int
    ) -> Iterator[Block]:
        point_index = 0
        for item in items:
            if isinstance(item, P):
                yield Block(address, label, depth, self.runs(item.runs))
                label = None  # only the first line of a paragraph carries its number
            else:
                point_index += 1
                point_label = numbering.point_label(
                    point_index, depth + 1, self.doc.lang, self.doc.style
                )
                yield from self._items(
                    item.items, f"{address}/point-{point_index}", point_label, depth + 1
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
            f"document {self.doc.id} has no article with id or number {wanted!r}"
        )
