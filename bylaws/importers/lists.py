"""List items of a source: how deep each one sits, from its indentation.

Texts copied from Word, web pages and Markdown indent nested items with
spaces, tabs or both. A tab counts as `TAB` columns; an item's depth is its
place among the indentations of the items still open above it, so "two
spaces" and "one tab" nest the same way as long as each level is deeper than
the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import Numbered, numbered

TAB = 4
# A bullet of any common kind, followed by a space or a tab.
BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+•◦▪‣·](?:[ \t]+(?P<text>\S.*))?$")
# An indented line: where nested labels ("  a. …", "\ti) …") sit without bullets.
INDENTED = re.compile(r"^(?P<indent>[ \t]+)(?P<text>\S.*)$")


def columns(indent: str) -> int:
    """The width of an indentation, a tab counting as `TAB` columns."""
    return len(indent.expandtabs(TAB))


@dataclass
class ListDepth:
    """The open list levels, by their indentation in columns."""

    arabic: bool = False  # the document's language, for the labels of items
    open: list[int] = field(default_factory=list)

    def depth(self, indent: str) -> int:
        """The depth (1 for the outermost list) of an item with this indentation."""
        col = columns(indent)
        while self.open and self.open[-1] > col:
            self.open.pop()
        if not self.open or self.open[-1] < col:
            self.open.append(col)
        return len(self.open)

    def continued(self, indent: str) -> int | None:
        """The depth of an open item this indented text continues, or None."""
        col = columns(indent)
        if col not in self.open:
            return None
        del self.open[self.open.index(col) + 1 :]
        return len(self.open)

    def close(self) -> None:
        """A line outside any list: the next item starts a new one."""
        self.open.clear()

    def label(self, text: str) -> Numbered | None:
        """The paragraph number or point label a list line opens with."""
        stripped = text.strip()
        return numbered(stripped, self.arabic, True) if stripped else None
