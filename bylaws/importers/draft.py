"""The mutable draft every importer fills: divisions, articles, paragraphs,
points and runs as found, before `builder.finish` settles ids and numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..model import (
    DivisionKind,
    DocumentMeta,
    Hyperlink,
    NumberingMode,
    NumberStyle,
    Text,
    Units,
)

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9\-]*")


@dataclass(frozen=True, slots=True)
class ImportWarning:
    """Something the importer kept but had to guess about, with its source line.

    `message` is in English; `text(lang)` says it in the reader's language.
    """

    line: int
    message: str
    msgid: str = ""
    args: dict[str, Any] = field(default_factory=dict, compare=False)

    def text(self, lang: str) -> str:
        """The warning in a language (English where it has no translation)."""
        return Problem(
            "", self.line, 0, "warning", self.message, self.msgid, self.args
        ).text(lang)


@dataclass(frozen=True, slots=True)
class Link:
    """A run that should become a reference once the whole document is known.

    `target` is an address (`art-x/para-2`) or a key the importer's resolver
    maps to one; `text` is how the source wrote it. `words`: the text names
    its target without a number ("this Article") and is kept as written.
    """

    target: str
    text: str
    line: int = 0
    words: bool = False


DraftRun = Text | Link | Hyperlink


@dataclass
class DraftP:
    runs: list[DraftRun]
    line: int = 0


@dataclass
class DraftPoint:
    items: list[DraftP | DraftPoint] = field(default_factory=list)
    line: int = 0


@dataclass
class DraftParagraph:
    items: list[DraftP | DraftPoint] = field(default_factory=list)
    line: int = 0


@dataclass
class DraftArticle:
    """An article as found: its number (n, k) when it had one, its content."""

    number: tuple[int, int] | None
    style: NumberStyle | None = None
    id: str | None = None
    heading: str | None = None
    paragraphs: list[DraftParagraph] = field(default_factory=list)
    notes: list[list[DraftRun]] = field(default_factory=list)
    repealed: bool = False
    line: int = 0
    intro: list[DraftP] = field(default_factory=list)


@dataclass
class DraftDivision:
    kind: DivisionKind
    number: int | None
    heading: str
    id: str | None = None
    children: list[DraftDivision | DraftArticle] = field(default_factory=list)
    line: int = 0


@dataclass
class Draft:
    """A whole imported text before ids, numbering and references are settled."""

    lang: str
    title: str = ""
    doc_id: str = "imported"
    meta: DocumentMeta | None = None
    numbering: NumberingMode | None = None  # forced by a source that says so
    exact: bool = False  # our own export: ids carried, no gaps filled
    style: NumberStyle | None = None
    units: Units | None = None  # the levels the source names (English bylaws)
    outline: list[DraftDivision | DraftArticle] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    preamble: list[DraftP] = field(default_factory=list)
    closing: list[DraftP] = field(default_factory=list)

    def warn(self, line: int, message: str, **args: Any) -> None:
        """Note a guess at `line`: `message` is a marked msgid, `args` its fields."""
        english = Problem("", line, 0, "warning", "", message, args).text("en")
        self.warnings.append(ImportWarning(line, english, message, args))


def iter_draft_articles(
    nodes: list[DraftDivision | DraftArticle],
) -> Iterator[DraftArticle]:
    for node in nodes:
        if isinstance(node, DraftArticle):
            yield node
        else:
            yield from iter_draft_articles(node.children)


def slugify(text: str, fallback: str = "imported") -> str:
    """An ASCII slug for an id: lower case, digits and hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug if slug and SLUG_RE.fullmatch(slug) else fallback
