"""The default terminal output: changed articles with their words marked inline.

Like `git diff --word-diff`: deletions `[-…-]` in red, insertions `{+…+}` in
green, formal changes `[~…~]{~…~}` in yellow; each article under a header
"old number → new number" with what happened to it.
"""

from __future__ import annotations

import re

from bylaws.diff.changes import (
    ArticleChange,
    DocumentDiff,
    HeadingChanged,
    OutlineChanged,
    UnitChange,
)
from bylaws.diff.designations import Designation
from bylaws.formatters import FormatOptions
from bylaws.formatters.common import (
    ARROW,
    Segment,
    Style,
    depth,
    designation_segment,
    kinds_text,
    labels,
    merged,
    move_note,
    number_line,
    op_segments,
    outline_label,
    shown_articles,
    summary_text,
    unit_designations,
)
from bylaws.formatters.terminal import paint

__all__ = ["format_diff"]


def _unit_line(
    diff: DocumentDiff, unit: UnitChange, label: Designation
) -> list[Segment]:
    segments: list[Segment] = [("  " * depth(unit), "plain")]
    if unit.kind == "moved":
        segments.append((label.text + " " if label.text else "", "plain"))
        segments.append((f"({move_note(diff, unit)}) ", "meta"))
    else:
        # A deleted unit's number is deleted with its text: "[-(5) …-]".
        segments.append(designation_segment(label))
    segments.extend(op_segments(unit.ops))
    return merged(segments)


def _article(
    diff: DocumentDiff, change: ArticleChange, options: FormatOptions
) -> list[str]:
    header: list[Segment] = [
        (f"@@ {number_line(change)} @@", "head"),
        (f" {kinds_text(diff, change)}", "meta"),
    ]
    lines = [paint(header, options)]
    if change.heading is not None:
        lines.append(paint([("# ", "plain"), *op_segments(change.heading)], options))
    for unit, label in zip(change.units, unit_designations(diff, change), strict=True):
        if not label.text and not any(op.old or op.new for op in unit.ops):
            continue  # an article with no introduction: no blank line for it
        lines.append(paint(_unit_line(diff, unit, label), options))
    return lines


def _division(
    diff: DocumentDiff, change: HeadingChanged | OutlineChanged, options: FormatOptions
) -> list[str]:
    names = labels(diff)
    if isinstance(change, HeadingChanged):
        return [
            paint(
                [(f"@@ {change.label} @@", "head"), (f" {names['heading']}", "meta")],
                options,
            ),
            paint([("# ", "plain"), *op_segments(change.ops)], options),
        ]
    action = "moved-division" if change.action == "moved" else change.action
    label = outline_label(change)
    style: Style = (
        "ins"
        if change.action == "added"
        else "del"
        if change.action == "removed"
        else "plain"
    )
    return [
        paint([(f"@@ {label} @@", "head"), (f" {names[action]}", "meta")], options),
        paint([("# ", "plain"), (change.heading, style)], options),
    ]


_LEADING_DIGITS = re.compile(r"\d+")


def _only_renumbered(change: ArticleChange) -> bool:
    return (
        change.kinds == {"renumbered"}
        and change.heading is None
        and not any(unit.kind != "equal" for unit in change.units)
    )


def _renumbered_run(
    diff: DocumentDiff, run: list[ArticleChange], options: FormatOptions
) -> list[str]:
    """Articles that only moved up or down in numbering, as one line.

    One insertion renumbers every later article; listing each would bury the
    real changes under dozens of headers.
    """
    first, last = run[0], run[-1]
    span = (
        f"{first.old_label} … {last.old_label} {ARROW} "
        f"{first.new_label} … {last.new_label}"
    )
    header: list[Segment] = [
        (f"@@ {span} @@", "head"),
        (f" {labels(diff)['renumbered']} ({len(run)})", "meta"),
    ]
    return [paint(header, options)]


def _number_order(number: str | None) -> int:
    found = _LEADING_DIGITS.match(number or "")
    return int(found.group()) if found else 0


def _follows(before: ArticleChange, after: ArticleChange) -> bool:
    """Whether `after` continues a run: later on both sides, so that the run
    reads as one span ("3 … 9 → 4 … 10") and not as numbers out of order."""
    return _number_order(after.old_number) >= _number_order(
        before.old_number
    ) and _number_order(after.new_number) >= _number_order(before.new_number)


def _grouped(
    changes: tuple[ArticleChange, ...],
) -> list[ArticleChange | list[ArticleChange]]:
    """Changes in order, with runs of two or more renumbered-only articles grouped."""
    out: list[ArticleChange | list[ArticleChange]] = []
    run: list[ArticleChange] = []
    for change in (*changes, None):
        if change is not None and _only_renumbered(change):
            if not run or _follows(run[-1], change):
                run.append(change)
                continue
            out.extend([run] if len(run) > 1 else run)
            run = [change]
            continue
        if len(run) > 1:
            out.append(run)
        else:
            out.extend(run)
        run = []
        if change is not None:
            out.append(change)
    return out


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff as terminal text (empty when nothing changed)."""
    if diff.is_empty and not (options.context and diff.context):
        return ""
    lines = [
        paint([(f"--- {diff.old}", "meta")], options),
        paint([(f"+++ {diff.new}", "meta")], options),
        paint([(summary_text(diff), "meta")], options),
    ]
    shown = shown_articles(diff, options)
    # With --context every article is shown in full, so nothing is grouped.
    for item in list(shown) if options.context else _grouped(shown):
        lines.append("")
        if isinstance(item, list):
            lines.extend(_renumbered_run(diff, item, options))
        else:
            lines.extend(_article(diff, item, options))
    for other in diff.changes:
        if isinstance(other, HeadingChanged | OutlineChanged):
            lines.append("")
            lines.extend(_division(diff, other, options))
    return "\n".join(lines) + "\n"
