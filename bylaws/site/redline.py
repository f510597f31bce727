"""A change record as the reader sees it: old, redline, new and side by side.

Reads `ArticleChange` records only; it never diffs. Deleted words are marked
`data-search-exclude` so the site's search index keeps only words in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bylaws.diff.changes import ArticleChange, UnitChange
from bylaws.diff.words import WordOp

from .escape import Html
from .labels import Labels

__all__ = ["RedlineViews", "redline_views", "tabs", "word_ops_html"]

_DEL = Html("<del data-search-exclude{}>{}</del>")
_INS = Html("<ins{}>{}</ins>")
_FORMAL = Html(' class="bylaws-formal"')
_TITLE = Html('<p class="bylaws-title">{}</p>\n')


def word_ops_html(ops: Iterable[WordOp]) -> Html:
    """Word operations as HTML with `<ins>` and `<del>`; formal ones classed."""
    out: list[Html | str] = []
    for op in ops:
        cls = _FORMAL if op.formal else Html()
        if op.kind == "equal":
            out.append(op.new)
            continue
        if op.old:
            out.append(_DEL.format(cls, op.old))
        if op.new:
            out.append(_INS.format(cls, op.new))
    return Html().join(out)


def _old(ops: Iterable[WordOp]) -> str:
    return "".join(op.old for op in ops)


def _new(ops: Iterable[WordOp]) -> str:
    return "".join(op.new for op in ops)


def _depth(address: str | None) -> int:
    return address.count("/point-") if address else 0


def _number(label: Html | str) -> Html:
    """A unit's number before its text, or nothing when it has none."""
    if not label:
        return Html()
    return Html('<span class="bylaws-num">{}</span> ').format(label)


def _line(label: Html | str, address: str | None, body: Html | str) -> Html:
    return Html('<p class="bylaws-block bylaws-depth-{}">{}{}</p>').format(
        _depth(address), _number(label), body
    )


@dataclass(frozen=True)
class RedlineViews:
    """The four HTML views of one changed article."""

    old: Html
    redline: Html
    new: Html
    side_by_side: Html


def _unit_redline(unit: UnitChange) -> Html:
    if unit.kind == "deleted":
        return _line(unit.old_label, unit.old_address, _DEL.format("", _old(unit.ops)))
    if unit.kind == "inserted":
        return _line(unit.new_label, unit.new_address, _INS.format("", _new(unit.ops)))
    if unit.old_label and unit.new_label and unit.old_label != unit.new_label:
        label = word_ops_html([WordOp("replace", unit.old_label, unit.new_label)])
        return _line(label, unit.new_address, word_ops_html(unit.ops))
    moved = Html(' <span class="bylaws-moved">↔</span>') if unit.kind == "moved" else ""
    label_text = unit.new_label or unit.old_label
    return _line(label_text, unit.new_address, word_ops_html(unit.ops) + moved)


def _title_html(
    change: ArticleChange, old_title: str, new_title: str, new_heading: str | None
) -> Html:
    """The redline's title: the number and heading with their own changes marked."""
    if change.heading is None and old_title == new_title:
        return Html.escape(new_title)
    heading_ops = (
        list(change.heading)
        if change.heading is not None
        else [WordOp("equal", new_heading or "", new_heading or "")]
    )
    label_ops = (
        [WordOp("replace", change.old_label or "", change.new_label or "")]
        if change.old_label != change.new_label
        else [WordOp("equal", change.new_label or "", change.new_label or "")]
    )
    return (
        word_ops_html(label_ops)
        + (": " if heading_ops else "")
        + word_ops_html(heading_ops)
    )


def _side_by_side(
    change: ArticleChange, old_title: str, new_title: str, labels: Labels
) -> Html:
    rows = Html().join(
        Html("<tr><td data-search-exclude>{}</td><td>{}</td></tr>").format(
            _cell(u.old_label, u.old_address, _old(u.ops)),
            _cell(u.new_label, u.new_address, _new(u.ops)),
        )
        for u in change.units
    )
    return Html(
        '<table class="bylaws-side"><thead><tr>'
        "<th>{}</th><th>{}</th></tr></thead><tbody>"
        "<tr><td data-search-exclude>{}</td><td>{}</td></tr>"
        "{}</tbody></table>"
    ).format(labels["old"], labels["new"], old_title, new_title, rows)


def redline_views(
    change: ArticleChange,
    old_heading: str | None,
    new_heading: str | None,
    labels: Labels,
) -> RedlineViews:
    """Every view of one article change, headings included."""
    old_title = _title(change.old_label, old_heading)
    new_title = _title(change.new_label, new_heading)
    old_lines = [
        _line(u.old_label, u.old_address, _old(u.ops))
        for u in change.units
        if u.old_address
    ]
    new_lines = [
        _line(u.new_label, u.new_address, _new(u.ops))
        for u in change.units
        if u.new_address
    ]
    redline = _TITLE.format(
        _title_html(change, old_title, new_title, new_heading)
    ) + Html("\n").join(_unit_redline(u) for u in change.units)
    old = _TITLE.format(old_title) + Html("\n").join(old_lines)
    new = _TITLE.format(new_title) + Html("\n").join(new_lines)
    if "repealed" in change.kinds:
        new = _TITLE.format(old_title) + Html("<p>{}</p>").format(
            labels["repealed_article"]
        )
    side = _side_by_side(change, old_title, new_title, labels)
    return RedlineViews(old, redline, new, side)


def _cell(label: str, address: str | None, text: str) -> Html:
    if address is None:
        return Html()
    return _number(label) + text


def _title(label: str | None, heading: str | None) -> str:
    label = label or ""
    return f"{label}: {heading}" if heading else label


def tabs(ident: str, panes: list[tuple[str, str, Html]], selected: int = 0) -> Html:
    """Content tabs in mkdocs-material's own markup (pymdownx.tabbed, alternate style).

    Args:
        ident: unique on the page; becomes part of the inputs' ids.
        panes: (css class, label, html) per tab.
        selected: the tab open at first.
    """
    inputs = Html().join(
        Html('<input type="radio" name="{0}" id="{0}-{1}"{2}>').format(
            ident, i, Html(" checked") if i == selected else ""
        )
        for i in range(len(panes))
    )
    labels = Html().join(
        Html('<label for="{}-{}">{}</label>').format(ident, i, label)
        for i, (_, label, _) in enumerate(panes)
    )
    # The old text holds the deleted words: keep it out of the search index.
    blocks = Html().join(
        Html('<div class="tabbed-block bylaws-tab-{}"{}>\n{}\n</div>').format(
            cls, Html(" data-search-exclude") if cls == "old" else "", body
        )
        for cls, _, body in panes
    )
    return Html(
        '<div class="tabbed-set tabbed-alternate bylaws-tabs" data-tabs="{}">'
        '{}<div class="tabbed-labels">{}</div>'
        '<div class="tabbed-content">{}</div></div>'
    ).format(len(panes), inputs, labels, blocks)
