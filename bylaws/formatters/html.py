"""The diff as an HTML fragment: `<ins>`/`<del>`, stable ids, every text escaped.

Ids are derived from article ids and unit addresses (`diff-art-x`,
`diff-art-x-para-2-point-1`, `diff-art-x-old-para-3` for a deleted unit), so
links to them survive regeneration. Arabic gets `dir="rtl"` and `lang`.
"""

from __future__ import annotations

import re
from html import escape

from bylaws.diff.changes import (
    ARTICLE_KINDS,
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

__all__ = ["anchor", "format_diff"]

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


def anchor(*parts: str) -> str:
    """A stable, safe HTML id from article ids and addresses."""
    return "diff-" + "-".join(_UNSAFE_ID.sub("-", p).strip("-") for p in parts if p)


def _ops(ops: tuple[WordOp, ...]) -> str:
    out = []
    for op in ops:
        if op.kind == "equal":
            out.append(escape(op.new))
            continue
        formal = (
            ' class="formal"'
            if op.formal
            else ' class="punctuation"'
            if op.punctuation
            else ""
        )
        if op.old:
            out.append(f"<del{formal}>{escape(op.old)}</del>")
        if op.new:
            out.append(f"<ins{formal}>{escape(op.new)}</ins>")
    return "".join(out)


def _label(label: Designation) -> str:
    if not label.text:
        return ""
    kind = {"old": " diff-label-old", "new": " diff-label-new"}.get(label.side, "")
    if label.changed:
        kind += " diff-label-renumbered formal"
    return f'<span class="diff-label{kind}">{escape(label.text)}</span> '


def _unit(
    diff: DocumentDiff, change: ArticleChange, unit: UnitChange, label: Designation
) -> str:
    if unit.new_address is not None:
        uid = anchor(change.article, unit.new_address)
    else:
        uid = anchor(change.article, "old", unit.old_address or "")
    level = depth(unit)
    parts = [_label(label)]
    if unit.kind == "moved":
        parts.append(
            f'<span class="diff-note">({escape(move_note(diff, unit))})</span> '
        )
    parts.append(_ops(unit.ops))
    return (
        f'<p class="diff-unit diff-unit-{unit.kind} diff-depth-{level}" id="{uid}">'
        + "".join(parts)
        + "</p>"
    )


def _article(diff: DocumentDiff, change: ArticleChange) -> list[str]:
    classes = " ".join(
        ["diff-article", *(f"diff-{k}" for k in ARTICLE_KINDS if k in change.kinds)]
    )
    if change.formal:
        classes += " diff-formal"
    lines = [
        f'<article class="{classes}" id="{anchor(change.article)}">',
        f'<h3><span class="diff-numbers">{escape(number_line(change))}</span> '
        f'<span class="diff-kinds">{escape(kinds_text(diff, change))}</span></h3>',
    ]
    if change.heading is not None:
        lines.append(f'<p class="diff-heading">{_ops(change.heading)}</p>')
    lines.extend(
        _unit(diff, change, u, d)
        for u, d in zip(change.units, unit_designations(diff, change), strict=True)
    )
    lines.append("</article>")
    return lines


def _division(diff: DocumentDiff, change: HeadingChanged | OutlineChanged) -> list[str]:
    names = labels(diff)
    if isinstance(change, HeadingChanged):
        return [
            f'<section class="diff-division diff-heading-changed" '
            f'id="{anchor("division", change.division)}">',
            f"<h3>{escape(change.label)} "
            f'<span class="diff-kinds">{escape(names["heading"])}</span></h3>',
            f'<p class="diff-heading">{_ops(change.ops)}</p>',
            "</section>",
        ]
    action = "moved-division" if change.action == "moved" else change.action
    label = outline_label(change)
    tag = (
        "ins"
        if change.action == "added"
        else "del"
        if change.action == "removed"
        else "span"
    )
    return [
        f'<section class="diff-division diff-outline-{change.action}" '
        f'id="{anchor("division", change.division)}">',
        f"<h3>{escape(label)} "
        f'<span class="diff-kinds">{escape(names[action])}</span></h3>',
        f'<p class="diff-heading"><{tag}>{escape(change.heading)}</{tag}></p>',
        "</section>",
    ]


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff as one `<section>` element, ready to embed in a page."""
    names = labels(diff)
    direction = "rtl" if diff.rtl else "ltr"
    summary = "".join(
        f'<li class="diff-count-{k}">{escape(names[k])}: {diff.summary[k]}</li>'
        for k in SUMMARY_ORDER
    )
    lines = [
        f'<section class="bylaws-diff" lang="{escape(diff.lang)}" dir="{direction}">',
        f'<p class="diff-operands"><span class="diff-old">{escape(diff.old)}</span> → '
        f'<span class="diff-new">{escape(diff.new)}</span></p>',
        f'<ul class="diff-summary">{summary}</ul>',
    ]
    for change in shown_articles(diff, options):
        lines.extend(_article(diff, change))
    for other in diff.changes:
        if isinstance(other, HeadingChanged | OutlineChanged):
            lines.extend(_division(diff, other))
    lines.append("</section>")
    return "\n".join(lines) + "\n"
