"""Turning styled segments into terminal lines: markers or ANSI colours, bidi."""

from __future__ import annotations

from collections.abc import Sequence

from bylaws.formatters import FormatOptions
from bylaws.formatters.bidi import visual_segments
from bylaws.formatters.common import Segment, Style

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
    line = mark(segments, options) if markers else list(segments)
    if options.bidi == "visual":
        line = visual_segments(line)
    if not options.color:
        return "".join(text for text, _ in line)
    return "".join(
        f"{_COLORS[style]}{text}{_RESET}" if _COLORS[style] and text else text
        for text, style in line
    )
