"""A summary like `git diff --stat`: one line per changed article, then totals."""

from __future__ import annotations

from bylaws.diff.changes import ArticleChange, DocumentDiff
from bylaws.formatters import FormatOptions
from bylaws.formatters.common import (
    changed_words,
    kinds_text,
    number_line,
    punctuation_changes,
    summary_text,
    text_width,
)
from bylaws.formatters.terminal import paint
from bylaws.locale import _, language_of, tr

__all__ = ["format_diff"]

_BAR = 30
_HEADER = _("words changed per article (+ inserted, - deleted)")
_PUNCTUATION = _("punctuation: {count}")


def _words(change: ArticleChange) -> tuple[int, int]:
    deleted = inserted = 0
    for unit in change.units:
        d, i = changed_words(unit.ops)
        deleted, inserted = deleted + d, inserted + i
    if change.heading is not None:
        d, i = changed_words(change.heading)
        deleted, inserted = deleted + d, inserted + i
    return deleted, inserted


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """Per article: its numbers, what happened, and words removed/added as a bar.

    Words, not lines: the header says so, as `git diff --stat` readers expect lines.
    """
    if diff.is_empty:
        return ""
    rows = []
    for change in diff.articles:
        deleted, inserted = _words(change)
        kinds = kinds_text(diff, change)
        marks = sum(punctuation_changes(u.ops) for u in change.units)
        if marks:
            sep = "، " if diff.rtl else ", "
            kinds += sep + tr(_PUNCTUATION, language_of(diff), count=marks)
        rows.append((number_line(change), kinds, deleted, inserted))
    most = max((d + i for _, _, d, i in rows), default=0)
    name_width = max((text_width(r[0]) for r in rows), default=0)
    lines = [paint([(tr(_HEADER, language_of(diff)), "meta")], options)]
    for name, kinds, deleted, inserted in rows:
        total = deleted + inserted
        scale = min(1.0, _BAR / most) if most else 0
        minus = "-" * (round(deleted * scale) or (1 if deleted else 0))
        plus = "+" * (round(inserted * scale) or (1 if inserted else 0))
        pad = " " * (name_width - text_width(name))
        lines.append(
            paint(
                [
                    (f" {name}{pad} | {total:4d} ", "plain"),
                    (plus, "ins"),
                    (minus, "del"),
                    (f"  {kinds}", "meta"),
                ],
                options,
                markers=False,
            )
        )
    lines.append(paint([(" " + summary_text(diff), "meta")], options))
    return "\n".join(lines) + "\n"
