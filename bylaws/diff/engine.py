"""A diff between operands: documents, proposals applied, or single articles.

`bylaws.operands` loads what the user typed into `Operand`s (the file layer);
this module compares them, in memory, through `bylaws.diff.compare`.
"""

from __future__ import annotations

from typing import Literal

from bylaws.diff.changes import DocumentDiff
from bylaws.diff.compare import Progress, diff_documents
from bylaws.diff.structure import AlignMode
from bylaws.errors import UnusableInput
from bylaws.locale import _
from bylaws.model import Article, ArticleEntry, Document, DocumentMeta

__all__ = [
    "Operand",
    "OperandKind",
    "diff_operands",
    "single_article_document",
]

OperandKind = Literal["document", "proposal", "article"]


def single_article_document(article: Article, source: str, lang: str) -> Document:
    """A document holding one article, for comparing two loose article files.

    Args:
        article: the article.
        source: where it was read from, shown as the document's title.
        lang: its language, as the caller knows it (an article file declares none).
    """
    return Document(
        id=article.id,
        lang=lang,
        numbering="auto",
        style="words",
        meta=DocumentMeta(title=source),
        outline=(ArticleEntry(article.id),),
        articles={article.id: article},
    )


class Operand:
    """One side of a comparison, loaded.

    Attributes:
        name: as the user wrote it.
        kind: document, proposal (its base with it applied) or article.
        document: the text to compare.
        article: for an article operand, the id of the article to compare.
        moves: for a proposal, the articles it moves (what "moved" should say
            when a swap of neighbours could be read either way).
    """

    # A plain class: a dataclass compiles its methods at every start-up, and
    # an operand is only read.
    __slots__ = ("article", "document", "kind", "moves", "name")

    def __init__(
        self,
        name: str,
        kind: OperandKind,
        document: Document,
        article: str | None = None,
        moves: frozenset[str] = frozenset(),
    ) -> None:
        self.name, self.kind, self.document = name, kind, document
        self.article, self.moves = article, moves


def diff_operands(
    old: Operand,
    new: Operand,
    *,
    align: AlignMode = "auto",
    context: bool = False,
    progress: Progress | None = None,
) -> DocumentDiff:
    """Compare two loaded operands; an article compares only with an article."""
    if (old.kind == "article") != (new.kind == "article"):
        article, other = (old, new) if old.kind == "article" else (new, old)
        raise UnusableInput(
            _(
                "cannot compare an article file with a {kind}; give two article files, or two document or proposal folders"
            ),
            article.name,
            kind=other.kind,
        )
    only = (old.article, new.article) if old.article and new.article else None
    return diff_documents(
        old.document,
        new.document,
        old_name=old.name,
        new_name=new.name,
        align=align,
        context=context,
        progress=progress,
        only=only,
        moves=new.moves if old.kind != "proposal" else frozenset(),
    )
