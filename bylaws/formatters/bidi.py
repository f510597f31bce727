"""Visual reordering of right-to-left lines for terminals that do no bidi.

A deliberately small subset of the Unicode bidi algorithm, enough for the
lines a diff prints: a line whose first strong character is right to left is
laid out right to left: its characters reversed (a letter keeps its marks),
brackets mirrored, and runs of left-to-right text (Latin words, digits of any
script with their separators) put back in reading order. Other lines are left
alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bylaws.formatters.common import Segment
from bylaws.text import ARABIC_INDIC_DIGITS, EXTENDED_ARABIC_INDIC_DIGITS

__all__ = ["is_rtl_line", "visual", "visual_segments"]

_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
# Left-to-right runs inside right-to-left text: Latin words and numbers.
_RUN_CHAR = f"A-Za-z0-9{ARABIC_INDIC_DIGITS}{EXTENDED_ARABIC_INDIC_DIGITS}\u00c0-\u024f"
_LTR_RUN = re.compile(f"[{_RUN_CHAR}](?:[{_RUN_CHAR}.,:/'%-]*[{_RUN_CHAR}])?")


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL"):
        return "rtl"
    if kind == "L":
        return "ltr"
    return None


def is_rtl_line(text: str) -> bool:
    """Whether the first strong character of a line is right to left."""
    for ch in text:
        direction = _strong(ch)
        if direction is not None:
            return direction == "rtl"
    return False


def _clusters(text: str) -> list[str]:
    """Characters with their combining marks attached, so reversal keeps them."""
    out: list[str] = []
    for ch in text:
        if out and (unicodedata.combining(ch) or unicodedata.category(ch) == "Mn"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _reverse(text: str) -> str:
    flipped = "".join(reversed(_clusters(text))).translate(_MIRROR)
    # The left-to-right runs came out backwards: put them back.
    return _LTR_RUN.sub(lambda m: "".join(reversed(_clusters(m.group(0)))), flipped)


def visual(text: str) -> str:
    """One line in visual order (unchanged unless it is a right-to-left line)."""
    return _reverse(text) if is_rtl_line(text) else text


def visual_segments(segments: Sequence[Segment]) -> list[Segment]:
    """Styled segments of one line in visual order."""
    line = "".join(t for t, _ in segments)
    if not is_rtl_line(line):
        return list(segments)
    return [(_reverse(text), style) for text, style in reversed(segments)]
