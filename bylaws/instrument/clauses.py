"""The clauses of an instrument: one change each, as plain records."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InvalidOperation
from ..model import Article, Inline, Paragraph, Position


class InstrumentError(InvalidOperation):
    """An instrument that cannot be written or read back."""


@dataclass(frozen=True, slots=True)
class ReplaceWords:
    """In paragraph `para` (1-based) of an article, `old` words become `new` ("" deletes)."""

    article: str
    para: int
    old: tuple[Inline, ...]
    new: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ReplaceParagraph:
    article: str
    para: int
    paragraph: Paragraph


@dataclass(frozen=True, slots=True)
class ReplaceArticle:
    article: str
    text: Article


@dataclass(frozen=True, slots=True)
class RepealArticle:
    article: str


@dataclass(frozen=True, slots=True)
class InsertArticle:
    article: str
    position: Position
    text: Article


@dataclass(frozen=True, slots=True)
class MoveArticle:
    article: str
    position: Position


@dataclass(frozen=True, slots=True)
class ReplaceHeading:
    """A new heading for an article or a division (`target` is its id)."""

    target: str
    heading: str


Clause = (
    ReplaceWords
    | ReplaceParagraph
    | ReplaceArticle
    | RepealArticle
    | InsertArticle
    | MoveArticle
    | ReplaceHeading
)
