"""Turning styled segments into terminal lines: markers or ANSI colours, bidi."""

from __future__ import annotations

from collections.abc import Sequence

from bylaws.formatters import FormatOptions
from bylaws.formatters.bidi import visual_segments
from bylaws.formatters.common import Segment, Style
from bylaws.invisibles import reveal

_COLORS: dict[Style, str] = {
    "plain": "",
    "del": "\x1b[31m",
    "ins": "\x1b[32m",
    "fdel": "\x1b[33m",
    "fins": "\x1b[33m",
    "pdel": "\x1b[35m",
    "pins": "\x1b[35m",
    "head": "\x1b[1;36m",
    "meta": "\x1b[2m",
    "formal": "\x1b[33m",
}
_RESET = "\x1b[0m"
_CHANGES: frozenset[Style] = frozenset({"del", "ins", "fdel", "fins"})
# Without colour, changes are marked like `git diff --word-diff=plain`;
# formal changes get tildes, punctuation-only changes colons, so they can be
# told apart.
_MARKERS: dict[Style, tuple[str, str]] = {
    "del": ("[-", "-]"),
    "ins": ("{+", "+}"),
    "fdel": ("[~", "~]"),
    "fins": ("{~", "~}"),
    "pdel": ("[:", ":]"),
    "pins": ("{:", ":}"),
}


def mark(segments: Sequence[Segment], options: FormatOptions) -> list[Segment]:
    """Segments with their markers added when there is no colour."""
    if options.color:
        return list(segments)
    out: list[Segment] = []
    for text, style in segments:
        before, after = _MARKERS.get(style, ("", ""))
        out.append((before + text + after, style))
    return out


def paint(
    segments: Sequence[Segment], options: FormatOptions, markers: bool = True
) -> str:
    """One line of segments as terminal text, laid out as options say.

    Args:
        segments: the line's styled pieces, in logical order.
        options: colour and bidi.
        markers: add `[-…-]`-style markers when there is no colour.
    """
    line = [(_shown(text, style, options), style) for text, style in segments]
    line = mark(line, options) if markers else line
    if options.bidi == "visual":
        line = visual_segments(line)
    if not options.color:
        return "".join(text for text, _ in line)
    return "".join(
        f"{_COLORS[style]}{text}{_RESET}" if _COLORS[style] and text else text
        for text, style in line
    )


def _reverse(token: str) -> str:
    return f"\x1b[7m{token}\x1b[27m"


def _shown(text: str, style: Style, options: FormatOptions) -> str:
    """A segment with its invisible characters as visible tokens.

    In a change the soft direction marks (LRM, RLM, ALM) are shown too: they
    may be all that changed. In unchanged text they stay, to help the layout.
    The terminal's own guard (`bylaws.terminal.safe`) would catch the others;
    here they get reverse video when there is colour.
    """
    return reveal(
        text,
        soft=style in _CHANGES,
        # Names (the operands, a heading line) are one line whatever they hold.
        also="\n\r\t" if style in ("meta", "head") else "",
        style=_reverse if options.color else None,
    )
