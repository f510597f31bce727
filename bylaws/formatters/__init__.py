"""Outputs of a diff, one module each, found by name.

A formatter reads change records and returns text; it never computes a diff.
Every module exposes `format_diff(diff, options) -> str`; `get_formatter`
imports it only when asked, so `--format json` does not load the HTML code.
A module whose output can be big may also expose `iter_diff(diff, options)`,
the same text in pieces, so that a command can write it as it is made, and
`ESCAPES_INVISIBLES = True` when its text holds no control or invisible
character at all (each one escaped), so that it needs no terminal guard.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

from bylaws.diff.changes import DocumentDiff
from bylaws.errors import UnusableInput
from bylaws.locale import _
from bylaws.values import Value, value_class

_MISSING_FORMAT = _("format {name!r} is not available in this installation")

if TYPE_CHECKING:
    from bylaws.instrument import Frame

__all__ = [
    "FORMATS",
    "Bidi",
    "FormatOptions",
    "Formatter",
    "escapes_invisibles",
    "format_names",
    "get_formatter",
    "pieces",
    "render",
]

Bidi = Literal["logical", "visual"]


@value_class(frozen=True, slots=True, eq=False, repr=False)
class FormatOptions(Value):
    """How to present a diff.

    Attributes:
        color: ANSI colours (terminal formats only).
        context: show unchanged articles too, where the diff carries them.
        bidi: "logical" leaves right-to-left layout to the terminal; "visual"
            lays each line out for terminals that do not do bidi themselves.
        width: the terminal width, for side-by-side.
        frame: the title, body, date and closing of `--format instrument`.
        max_bytes: the most UTF-8 bytes a Markdown diff may take (a review
            comment's limit); whole articles past it are left out.
        link: where the whole diff can be read when articles are left out.
    """

    color: bool = False
    context: bool = False
    bidi: Bidi = "logical"
    width: int = 100
    frame: Frame | None = None
    max_bytes: int | None = None
    link: str | None = None


Formatter = Callable[[DocumentDiff, FormatOptions], str]

# name -> module defining format_diff; "instrument" belongs to the proposals area.
FORMATS: dict[str, str] = {
    "inline": "bylaws.formatters.inline",
    "side-by-side": "bylaws.formatters.side_by_side",
    "stat": "bylaws.formatters.stat",
    "json": "bylaws.formatters.json",
    "markdown": "bylaws.formatters.markdown",
    "html": "bylaws.formatters.html",
    "instrument": "bylaws.formatters.instrument",
    "instrument-ids": "bylaws.formatters.instrument_ids",
}


def format_names() -> list[str]:
    """The names `--format` accepts, in the order they are documented."""
    return list(FORMATS)


def get_formatter(name: str) -> Formatter:
    """The formatter registered under a name.

    Raises:
        UnusableInput: no such format, or its module is not installed.
    """
    formatter = getattr(_module(name), "format_diff", None)
    if not callable(formatter):
        raise UnusableInput(_MISSING_FORMAT, name=name)
    result: Formatter = formatter
    return result


def _module(name: str) -> object:
    module_name = FORMATS.get(name)
    if module_name is None:
        raise UnusableInput(
            _("unknown format {name!r}; choose one of {formats}"),
            name=name,
            formats=", ".join(FORMATS),
        )
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise UnusableInput(_MISSING_FORMAT, name=name) from None
    return module


def render(diff: DocumentDiff, name: str, options: FormatOptions | None = None) -> str:
    """A diff in the named format."""
    return get_formatter(name)(diff, options or FormatOptions())


def pieces(
    diff: DocumentDiff, name: str, options: FormatOptions | None = None
) -> Iterable[str]:
    """A diff in the named format, in pieces that join to `render`'s text."""
    options = options or FormatOptions()
    in_pieces = getattr(_module(name), "iter_diff", None)
    if callable(in_pieces):
        result: Iterable[str] = in_pieces(diff, options)
        return result
    return (render(diff, name, options),)


def escapes_invisibles(name: str) -> bool:
    """Whether a format escapes every control and invisible character itself."""
    return getattr(_module(name), "ESCAPES_INVISIBLES", False) is True
