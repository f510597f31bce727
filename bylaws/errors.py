"""The library's errors and the problems `check` reports.

Every error knows where it happened (file, line, column) and says what is wrong
in words a drafter understands. Only `bylaws.cli` turns them into exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


def where(path: str | None, line: int | None = None, col: int | None = None) -> str:
    """`path:line:col` with whatever parts are known."""
    if not path:
        return ""
    if line:
        return f"{path}:{line}:{col or 1}"
    return path


class BylawsError(Exception):
    """A failure the user can act on; its text is the whole message."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        place = where(self.path, self.line, self.col)
        return f"{place}: error: {self.message}" if place else f"error: {self.message}"


class UnusableInput(BylawsError):
    """A file or folder that cannot be read as what it should be."""


class NotFound(BylawsError):
    """Something named (a document, article, proposal, revision) does not exist."""


class InvalidOperation(BylawsError):
    """A proposal operation or review transition that cannot be carried out."""


class WriteRefused(BylawsError):
    """The system refused a write (disk full, permission, read-only file
    system); the workspace is as it was before the command."""


class WorkspaceBusy(BylawsError):
    """Another command holds the workspace lock; nothing was written."""


class CollisionError(BylawsError):
    """Proposals that change the same words; nothing was written.

    `others` are the proposals whose words this one clashes with, for pages
    that say so in the document's own language rather than quote the message.
    """

    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of `bylaws check`."""

    path: str
    line: int
    col: int
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{where(self.path, self.line, self.col)}: {self.level}: {self.message}"

    @classmethod
    def from_error(cls, error: BylawsError) -> Problem:
        return cls(
            error.path or "", error.line or 0, error.col or 0, "error", error.message
        )
