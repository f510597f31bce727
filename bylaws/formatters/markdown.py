"""The diff as Markdown: a summary table, then each changed article.

Deleted words are ~~struck~~, inserted ones **bold**; Markdown's special
characters in the text are escaped.
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
from bylaws.diff.words import WordOp
from bylaws.formatters import FormatOptions
from bylaws.formatters.common import (
    SUMMARY_ORDER,
    depth,
    kinds_text,
    labels,
    move_note,
    number_line,
    outline_label,
    shown_articles,
    unit_designations,
)

__all__ = ["escape", "format_diff"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#{}!])")
_LINE_START = re.compile(r"^(\s*)([>+\-=])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    """Text from a file as inert Markdown: no syntax, no HTML, nothing live.

    Special characters are backslash-escaped anywhere; at the start of the
    text, what would open a quote, a list or a heading underline is too.
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _LIST_NUMBER.sub(r"\1\\\2", escaped)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _wrap(text: str, mark: str) -> str:
    """Mark a change; spaces at its edges stay outside, or Markdown ignores the mark."""
    core = text.strip()
    if not core:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return f"{start}{mark}{escape(core)}{mark}{end}"


def _ops(ops: tuple[WordOp, ...]) -> str:
    parts = []
    for op in ops:
        if op.kind == "equal":
            parts.append(escape(op.new))
            continue
        if op.old:
            parts.append(_wrap(op.old, "~~"))
        if op.new:
            parts.append(_wrap(op.new, "**"))
    return "".join(parts)


def _designation(label: Designation) -> str:
    """A unit's number: struck when deleted, bold when inserted, italic if renumbered."""
    if not label.text:
        return ""
    if label.side == "old":
        return _wrap(label.text, "~~") + " "
    if label.side == "new":
        return _wrap(label.text, "**") + " "
    return (_wrap(label.text, "*") if label.changed else escape(label.text)) + " "


def _unit(diff: DocumentDiff, unit: UnitChange, label: Designation) -> str:
    prefix = "  " * depth(unit) + "- "
    whole = unit.kind in ("inserted", "deleted") and len(unit.ops) == 1
    if whole and label.text:
        # One mark over the number and the text: "**(2) …**".
        op = unit.ops[0]
        if unit.kind == "inserted":
            text = _wrap(f"{label.text} {op.new}", "**")
        else:
            text = _wrap(f"{label.text} {op.old}", "~~")
        return prefix + text
    note = f"*({escape(move_note(diff, unit))})* " if unit.kind == "moved" else ""
    return f"{prefix}{_designation(label)}{note}{_ops(unit.ops)}"


def _article(diff: DocumentDiff, change: ArticleChange) -> list[str]:
    lines = [
        f"### {escape(number_line(change))}",
        "",
        f"*{escape(kinds_text(diff, change))}*",
        "",
    ]
    if change.heading is not None:
        lines += [f"**#** {_ops(change.heading)}", ""]
    units = [
        _unit(diff, u, d)
        for u, d in zip(change.units, unit_designations(diff, change), strict=True)
    ]
    if units:
        lines += [*units, ""]
    return lines


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff as a Markdown section."""
    names = labels(diff)
    lines = [
        f"## {escape(diff.old)} → {escape(diff.new)}",
        "",
        "| " + " | ".join(names[k] for k in SUMMARY_ORDER) + " |",
        "|" + " --- |" * len(SUMMARY_ORDER),
        "| " + " | ".join(str(diff.summary[k]) for k in SUMMARY_ORDER) + " |",
        "",
    ]
    for change in shown_articles(diff, options):
        lines += _article(diff, change)
    for other in diff.changes:
        if isinstance(other, HeadingChanged):
            lines += [
                f"### {escape(other.label)}",
                "",
                f"*{names['heading']}*",
                "",
                f"**#** {_ops(other.ops)}",
                "",
            ]
        elif isinstance(other, OutlineChanged):
            action = "moved-division" if other.action == "moved" else other.action
            label = outline_label(other)
            lines += [
                f"### {escape(label)}",
                "",
                f"*{names[action]}*: {escape(other.heading)}",
                "",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"
