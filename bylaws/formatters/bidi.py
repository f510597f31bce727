"""Visual layout of diff lines for terminals that do no bidi themselves.

Each line is one paragraph to the Unicode bidi algorithm
(`bylaws.formatters.bidi_algorithm`), its direction that of its first strong
character: right-to-left runs are reversed with their brackets mirrored, and
Latin phrases, numbers, e-mail addresses inside them stay in reading order.
A letter keeps its combining marks after it, as terminals draw them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bylaws.formatters.bidi_algorithm import (
    levels,
    mirror,
    paragraph_level,
    visual_order,
)
from bylaws.formatters.common import Segment, Style

__all__ = ["is_rtl_line", "visual", "visual_segments"]


def is_rtl_line(text: str) -> bool:
    """Whether the first strong character of a line is right to left."""
    return paragraph_level(text) == 1


def _attaches(ch: str, level: int | None) -> bool:
    """Whether a character is drawn with the one before it (a mark, or removed by X9)."""
    return level is None or unicodedata.category(ch) in ("Mn", "Me")


def _display_order(text: str) -> list[int]:
    """The line's character indexes in display order, marks after their letters."""
    line_levels = levels(text)
    cluster_of: list[int] = []
    clusters: list[list[int]] = []
    for i, ch in enumerate(text):
        if clusters and _attaches(ch, line_levels[i]):
            clusters[-1].append(i)
        else:
            clusters.append([i])
        cluster_of.append(len(clusters) - 1)
    order: list[int] = []
    placed: set[int] = set()
    for i in visual_order(line_levels):
        cluster = cluster_of[i]
        if cluster not in placed:
            placed.add(cluster)
            order.extend(clusters[cluster])
    # A cluster of removed characters only (a lone joiner) keeps its place.
    for cluster, members in enumerate(clusters):
        if cluster not in placed:
            order[members[0] : members[0]] = members
    return order


def _glyph(text: str, at: int, line_levels: Sequence[int | None]) -> str:
    level = line_levels[at]
    return mirror(text[at]) if level is not None and level % 2 else text[at]


def visual(text: str) -> str:
    """One line in display order (unchanged when it holds no right-to-left text)."""
    if not any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in text):
        return text
    line_levels = levels(text)
    return "".join(_glyph(text, i, line_levels) for i in _display_order(text))


def visual_segments(segments: Sequence[Segment]) -> list[Segment]:
    """Styled segments of one line in display order."""
    line = "".join(t for t, _ in segments)
    if not any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in line):
        return list(segments)
    styles: list[Style] = [style for text, style in segments for _ in text]
    line_levels = levels(line)
    out: list[Segment] = []
    for i in _display_order(line):
        glyph = _glyph(line, i, line_levels)
        if out and out[-1][1] == styles[i]:
            out[-1] = (out[-1][0] + glyph, styles[i])
        else:
            out.append((glyph, styles[i]))
    return out
