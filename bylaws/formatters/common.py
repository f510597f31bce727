"""What the formatters share: labels in the text's language, segments, widths."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Literal

from bylaws.diff.changes import (
    ArticleChange,
    ArticleKind,
    DocumentDiff,
    OutlineChanged,
    UnitChange,
)
from bylaws.diff.words import WordOp
from bylaws.formatters import FormatOptions
from bylaws.locale import language_of
from bylaws.locale.words import change_kinds

Style = Literal["plain", "del", "ins", "fdel", "fins", "head", "meta"]
Segment = tuple[str, Style]

SUMMARY_ORDER: tuple[ArticleKind, ...] = (
    "amended",
    "inserted",
    "repealed",
    "moved",
    "renumbered",
)
ARROW = "→"
NOTHING = "—"


def labels(diff: DocumentDiff) -> dict[str, str]:
    """The change kinds' words in the diff's language (from the locale), by kind."""
    return change_kinds(language_of(diff))


def kinds_text(diff: DocumentDiff, change: ArticleChange) -> str:
    names = labels(diff)
    kinds = [names[k] for k in SUMMARY_ORDER if k in change.kinds]
    sep = "، " if diff.rtl else ", "
    return sep.join(kinds) if kinds else names["none"]


def summary_text(diff: DocumentDiff) -> str:
    names = labels(diff)
    counts = diff.summary
    sep = "، " if diff.rtl else ", "
    return sep.join(f"{names[k]}: {counts[k]}" for k in SUMMARY_ORDER)


def number_line(change: ArticleChange) -> str:
    """ "old label → new label", with — for a side that does not exist."""
    old = change.old_label or NOTHING
    new = change.new_label or NOTHING
    if old == new:
        return old
    return f"{old} {ARROW} {new}"


def outline_label(change: OutlineChanged) -> str:
    """A division's designation; "old → new" when a move changed it."""
    old, new = change.old_label, change.new_label
    if old and new and old != new:
        return f"{old} {ARROW} {new}"
    return new or old or change.division


def shown_articles(
    diff: DocumentDiff, options: FormatOptions
) -> tuple[ArticleChange, ...]:
    """The articles to show: every one with --context (when carried), else changed ones."""
    if options.context and diff.context:
        return diff.context
    return diff.articles


def depth(unit: UnitChange) -> int:
    address = unit.new_address or unit.old_address or ""
    return address.count("/point-")  # text after points stays at their level


def unit_label(unit: UnitChange) -> str:
    return unit.new_label or unit.old_label


def move_note(diff: DocumentDiff, unit: UnitChange) -> str:
    """Where a moved unit came from or went to, in words."""
    names = labels(diff)
    if unit.other_article is not None:
        key = "moved-to" if unit.new_address is None else "moved-from"
        return f"{names[key]} {unit.other_article}"
    return f"{names['moved-from']} {unit.old_address}"


def op_segments(ops: Iterable[WordOp]) -> list[Segment]:
    """Word ops as styled segments: equal text plain, changes marked."""
    out: list[Segment] = []
    for op in ops:
        if op.kind == "equal":
            out.append((op.new, "plain"))
            continue
        if op.old:
            out.append((op.old, "fdel" if op.formal else "del"))
        if op.new:
            out.append((op.new, "fins" if op.formal else "ins"))
    return out


def changed_words(ops: Iterable[WordOp]) -> tuple[int, int]:
    """Words deleted and inserted by a diff (spaces and punctuation not counted)."""
    deleted = inserted = 0
    for op in ops:
        if op.kind == "equal":
            continue
        deleted += len(op.old.split())
        inserted += len(op.new.split())
    return deleted, inserted


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def segments_width(segments: Sequence[Segment]) -> int:
    return sum(text_width(t) for t, _ in segments)
