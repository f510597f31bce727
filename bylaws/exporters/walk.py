"""The document's outline for exporters: divisions and articles with eIds, in order.

Every exporter writes the same sequence of blocks (division headings, article
headings, paragraphs, points, notes), each with its label in the document's
language and style; only the syntax differs. Labels and how references read
come from `bylaws.render.Reader`; the Akoma Ntoso-style eIds are ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Article, ArticleEntry, Division, Document, OutlineNode
from ..render import Reader


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

_DIVISION_EID = {"part": "part", "chapter": "chp", "section": "sec", "article": "art"}


def akn_division(doc: Document, kind: str) -> str:
    """The AKN element of a division: the bylaws' Articles are `article`."""
    units = doc.units
    return "article" if units is not None and kind == units.division else kind


def eid_number(reader: Reader, article_id: str) -> str:
    """An article's number as an eId part: "12-bis" becomes "12_bis"."""
    return reader.numbers[article_id].plain().replace("-", "_")


def blocks(doc: Document, reader: Reader | None = None) -> Iterator[Block]:
    """Division and article blocks in reading order."""
    reader = reader or Reader(doc)

    def walk(
        nodes: tuple[OutlineNode, ...], depth: int, prefix: str
    ) -> Iterator[Block]:
        for node in nodes:
            if isinstance(node, ArticleEntry):
                # Bylaws' Sections are AKN sections inside AKN articles.
                unit = "sec" if doc.units is not None else "art"
                eid = f"{prefix}{unit}_{eid_number(reader, node.ref)}"
                yield ArticleBlock(
                    node,
                    None if node.repealed else doc.articles.get(node.ref),
                    depth,
                    reader.label(node.ref),
                    eid,
                )
            else:
                name = akn_division(doc, node.kind)
                eid = f"{prefix}{_DIVISION_EID[name]}_{reader.divisions[node.id]}"
                yield DivisionBlock(node, depth, reader.division_label(node), eid)
                yield from walk(node.children, depth + 1, eid + "__")

    yield from walk(doc.outline, 0, "")
