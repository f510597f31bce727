"""Two columns: the old text on one side, the new on the other, wrapped to fit."""

from __future__ import annotations

import re

from bylaws.diff.changes import ArticleChange, DocumentDiff, HeadingChanged, UnitChange
from bylaws.diff.designations import Designation
from bylaws.diff.words import WordOp
from bylaws.formatters import FormatOptions
from bylaws.formatters.common import (
    Segment,
    Style,
    depth,
    kinds_text,
    number_line,
    segments_width,
    shown_articles,
    summary_text,
    text_width,
    unit_designations,
)
from bylaws.formatters.terminal import mark, paint

__all__ = ["format_diff"]

_GUTTER = " │ "
_SPACES = re.compile(r"(\s+)")


def _side(ops: tuple[WordOp, ...], old: bool) -> list[Segment]:
    out: list[Segment] = []
    for op in ops:
        text = op.old if old else op.new
        if not text:
            continue
        if op.kind == "equal":
            out.append((text, "plain"))
        elif old:
            out.append((text, "fdel" if op.formal else "del"))
        else:
            out.append((text, "fins" if op.formal else "ins"))
    return out


def _wrap(segments: list[Segment], width: int) -> list[list[Segment]]:
    """Greedy word wrap of styled segments to a display width."""
    lines: list[list[Segment]] = [[]]
    used = 0
    at_start = True
    for text, style in segments:
        for piece in _SPACES.split(text):
            if not piece:
                continue
            size = text_width(piece)
            if piece.isspace():
                # The indentation of the first line is kept, other edges dropped.
                if (used or at_start) and used + size <= width:
                    lines[-1].append((piece, style))
                    used += size
                continue
            while size > width:
                # A token longer than a column is cut where it must be.
                cut = piece[:width]
                lines.append([(cut, style)])
                piece = piece[width:]
                size = text_width(piece)
                lines.append([])
                used = 0
            if used and used + size > width:
                lines.append([])
                used = 0
            lines[-1].append((piece, style))
            used += size
            at_start = False
    return [line for line in lines if line] or [[]]


def _rows(
    left: list[Segment], right: list[Segment], column: int, options: FormatOptions
) -> list[str]:
    left_lines = _wrap(mark(left, options), column)
    right_lines = _wrap(mark(right, options), column)
    plain = FormatOptions(color=options.color, bidi=options.bidi, width=options.width)
    rows = []
    for n in range(max(len(left_lines), len(right_lines))):
        a = left_lines[n] if n < len(left_lines) else []
        b = right_lines[n] if n < len(right_lines) else []
        pad = " " * (column - segments_width(a))
        # Markers were added before wrapping; paint must not add them again.
        rows.append(
            paint(a, plain, markers=False)
            + pad
            + _GUTTER
            + paint(b, plain, markers=False)
        )
    return [row.rstrip() for row in rows]


def _number(text: str, changed: bool, side: Style) -> list[Segment]:
    """One side's designation; a changed one is marked as a formal change."""
    return [(text, side if changed else "plain"), (" " if text else "", "plain")]


def _unit(
    unit: UnitChange, label: Designation, column: int, options: FormatOptions
) -> list[str]:
    indent: Segment = ("  " * depth(unit), "plain")
    left: list[Segment] = []
    right: list[Segment] = []
    # Each side shows its own full designation: "(3)" left, "(2)(ج)" right.
    if unit.old_address is not None:
        old = label.old if label.changed else unit.old_label
        left = [
            indent,
            *_number(old, label.changed, "fdel"),
            *_side(unit.ops, old=True),
        ]
    if unit.new_address is not None:
        new = label.new if label.changed else unit.new_label
        right = [
            indent,
            *_number(new, label.changed, "fins"),
            *_side(unit.ops, old=False),
        ]
    return _rows(left, right, column, options)


def _article(
    diff: DocumentDiff, change: ArticleChange, column: int, options: FormatOptions
) -> list[str]:
    lines = [
        paint(
            [
                (f"@@ {number_line(change)} @@", "head"),
                (f" {kinds_text(diff, change)}", "meta"),
            ],
            options,
        )
    ]
    if change.heading is not None:
        lines.extend(
            _rows(
                _side(change.heading, True),
                _side(change.heading, False),
                column,
                options,
            )
        )
    for unit, label in zip(change.units, unit_designations(diff, change), strict=True):
        lines.extend(_unit(unit, label, column, options))
    return lines


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff in two columns of `(width - 3) / 2` characters."""
    if diff.is_empty and not (options.context and diff.context):
        return ""
    column = max(20, (options.width - len(_GUTTER)) // 2)
    lines = [
        paint([(diff.old, "meta")], options)
        + " " * max(1, column - text_width(diff.old))
        + _GUTTER.strip()
        + " "
        + paint([(diff.new, "meta")], options),
        paint([(summary_text(diff), "meta")], options),
    ]
    for change in shown_articles(diff, options):
        lines.append("")
        lines.extend(_article(diff, change, column, options))
    for other in diff.changes:
        if isinstance(other, HeadingChanged):
            lines.append("")
            lines.append(paint([(f"@@ {other.label} @@", "head")], options))
            lines.extend(
                _rows(_side(other.ops, True), _side(other.ops, False), column, options)
            )
    return "\n".join(lines) + "\n"
