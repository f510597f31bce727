"""The library's errors and the problems `check` reports.

Every error knows where it happened (file, line, column) and says what is wrong
in words a drafter understands. Only `bylaws.cli` turns them into exit codes.

A message may be a marked msgid with `{name}` fields and their values:
`NotFound(_("no proposal {name}"), name=pid)`; a value that is itself an
error or a problem is said in the same language as the message around it.
`str()` reads it in English; `render(lang)` reads it in the user's language,
at the CLI boundary. The place and the level word (`error`, `warning`) stay
as they are in every language: editors and CI read `file:line:col: error:` as
a fixed format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from os import PathLike, fspath
from typing import Any, Literal

from .values import Value, value_class

Level = Literal["error", "warning"]


def one_line(value: Any) -> Any:
    """A name or path for a one-line message: its line breaks and controls shown.

    A newline in a folder name must not start a line that reads as another
    error; values that are not text pass as they are.
    """
    if isinstance(value, PathLike):
        value = fspath(value)
    if not isinstance(value, str):
        return value
    from .invisibles import reveal  # late: text is a sibling in the core

    return reveal(value, soft=False, also="\n\r\t")


def where(path: str | None, line: int | None = None, col: int | None = None) -> str:
    """`path:line:col` with whatever parts are known."""
    if not path:
        return ""
    path = one_line(path)
    if line:
        return f"{path}:{line}:{col or 1}"
    return path


class Term:
    """A word a message names (a verdict, an outcome), given by its msgid: said
    in the language the message is said in, like the message itself."""

    __slots__ = ("msgid",)

    def __init__(self, msgid: str) -> None:
        self.msgid = msgid

    def __str__(self) -> str:
        return self.msgid.rpartition("\x04")[2]  # English: the msgid's text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _said(value: Any, lang: str | None) -> Any:
    """A message's value as shown: a nested error or problem, or a term, in the
    same language."""
    if isinstance(value, (BylawsError, Problem)):
        return value.message if lang is None else value.text(lang)
    if isinstance(value, Term):
        if lang is None:
            return str(value)
        from .locale import tr

        return tr(value.msgid, lang)
    return one_line(value)


def _translate(msgid: str, args: Mapping[str, Any], lang: str) -> str:
    from .locale import tr  # late: the locale's .po reader raises errors of ours

    return tr(msgid, lang, **{key: _said(value, lang) for key, value in args.items()})


def _english(msgid: str, args: dict[str, Any]) -> str:
    text = msgid.rpartition("\x04")[2]
    if not args:
        return text
    return text.format(**{key: _said(value, None) for key, value in args.items()})


class BylawsError(Exception):
    """A failure the user can act on; its text is the whole message.

    `message` is the English text; `msgid` and `args` let `render` say it in
    another language.
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        **args: Any,
    ) -> None:
        english = _english(message, args)
        super().__init__(english)
        self.message = english
        self.msgid = message
        self.args_ = args
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        place = where(self.path, self.line, self.col)
        return f"{place}: error: {self.message}" if place else f"error: {self.message}"

    def text(self, lang: str) -> str:
        """The message alone, in a language (English where it has no translation)."""
        return _translate(self.msgid, self.args_, lang)

    def render(self, lang: str) -> str:
        """The whole line, `file:line:col: error: message`, in a language."""
        place = where(self.path, self.line, self.col)
        head = f"{place}: " if place else ""
        return f"{head}error: {self.text(lang)}"


class UnusableInput(BylawsError):
    """A file or folder that cannot be read as what it should be."""


class NotFound(BylawsError):
    """Something named (a document, article, proposal, revision) does not exist."""


class Ambiguous(NotFound):
    """A name or number that fits several things; the message lists them."""


class InvalidOperation(BylawsError):
    """A proposal operation or review transition that cannot be carried out."""


class WriteRefused(BylawsError):
    """The system refused a write (disk full, permission, read-only file
    system); the workspace is as it was before the command."""


class WorkspaceBusy(BylawsError):
    """Another command holds the workspace lock; nothing was written."""


class CollisionError(BylawsError):
    """Proposals that change the same words; nothing was written.

    `clashes` say each clash in a line of its own under the message (each has
    `describe(lang)`); `others` are the proposals whose words this one clashes
    with, for pages that say so in the document's own language rather than
    quote the message.
    """

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        *,
        clashes: Sequence[Any] = (),
        others: tuple[str, ...] = (),
        **args: Any,
    ) -> None:
        super().__init__(message, path, line, col, **args)
        self.clashes = tuple(clashes)
        self.others = others
        self.message = "\n  ".join([self.message, *self._lines("en")])

    def _lines(self, lang: str) -> list[str]:
        return [clash.describe(lang) for clash in self.clashes]

    def text(self, lang: str) -> str:
        """The message and a line for each clash, in a language."""
        return "\n  ".join([super().text(lang), *self._lines(lang)])


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Problem(Value):
    """One finding of `bylaws check`."""

    path: str
    line: int
    col: int
    level: Level
    message: str
    msgid: str = ""
    # The values of the message's fields (None: it has none).
    args: Mapping[str, Any] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{where(self.path, self.line, self.col)}: {self.level}: {self.message}"

    def text(self, lang: str) -> str:
        """The message alone, in a language (as found where it has no msgid)."""
        if not self.msgid:
            return self.message
        return _translate(self.msgid, self.args or {}, lang)

    def render(self, lang: str) -> str:
        """The line in a language: place and level stay, the message is translated."""
        return (
            f"{where(self.path, self.line, self.col)}: {self.level}: {self.text(lang)}"
        )

    @classmethod
    def from_error(cls, error: BylawsError) -> Problem:
        return cls(
            error.path or "",
            error.line or 0,
            error.col or 0,
            "error",
            error.message,
            error.msgid,
            error.args_,
        )
