"""The document as readers see it, for exporters: labels resolved, in order.

Every exporter writes the same sequence of blocks (division headings, article
headings, paragraphs, points, notes), each with its label in the document's
language and style; only the syntax differs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..errors import BylawsError
from ..model import (
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
from ..numbering import (
    ArticleNumber,
    article_label,
    division_label,
    number_divisions,
    number_outline,
    paragraph_label,
    point_label,
    render_ref,
    repealed_mark,
)


@dataclass(frozen=True)
class DivisionBlock:
    division: Division
    depth: int  # 0 for a top-level division
    label: str  # «الفصل الأول»
    eid: str


@dataclass(frozen=True)
class ArticleBlock:
    entry: ArticleEntry
    article: Article | None  # None for a repealed entry
    depth: int  # how many divisions hold it
    label: str  # «المادة الأولى»
    eid: str


Block = DivisionBlock | ArticleBlock


class Labels:
    """Numbers and labels of one document, computed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.numbers: Mapping[str, ArticleNumber] = number_outline(doc)
        self.divisions = number_divisions(doc)

    def article(self, ref: str) -> str:
        number = self.numbers[ref]
        return article_label(number.n, number.k, self.doc.lang, self.doc.style)

    def division(self, division: Division) -> str:
        return division_label(
            division.kind, self.divisions[division.id], self.doc.lang, self.doc.style
        )

    def paragraph(self, n: int) -> str:
        return paragraph_label(n, self.doc.lang, self.doc.style)

    def point(self, n: int, depth: int) -> str:
        return point_label(n, depth, self.doc.lang, self.doc.style)

    def repealed(self) -> str:
        return repealed_mark(self.doc.lang)

    def ref_text(self, ref: Ref) -> str:
        """How a reference reads; one to nothing shows its address in braces, as
        in a diff (`check` is where it is reported)."""
        try:
            return render_ref(self.doc, ref, self.numbers)
        except BylawsError:
            return "{" + ref.to + "}"

    def eid_number(self, ref: str) -> str:
        return self.numbers[ref].plain().replace("-", "_")


def inline_text(runs: tuple[Inline, ...], labels: Labels) -> str:
    """The runs as a reader sees them: references rendered."""
    return "".join(r.value if isinstance(r, Text) else labels.ref_text(r) for r in runs)


def blocks(doc: Document, labels: Labels | None = None) -> Iterator[Block]:
    """Division and article blocks in reading order."""
    labels = labels or Labels(doc)

    def walk(
        nodes: tuple[OutlineNode, ...], depth: int, prefix: str
    ) -> Iterator[Block]:
        for node in nodes:
            if isinstance(node, ArticleEntry):
                eid = f"{prefix}art_{labels.eid_number(node.ref)}"
                yield ArticleBlock(
                    node,
                    None if node.repealed else doc.articles.get(node.ref),
                    depth,
                    labels.article(node.ref),
                    eid,
                )
            else:
                short = {"part": "part", "chapter": "chp", "section": "sec"}[node.kind]
                eid = f"{prefix}{short}_{labels.divisions[node.id]}"
                yield DivisionBlock(node, depth, labels.division(node), eid)
                yield from walk(node.children, depth + 1, eid + "__")

    yield from walk(doc.outline, 0, "")


def point_items(items: tuple[P | Point, ...]) -> list[Point]:
    return [i for i in items if isinstance(i, Point)]
