"""A change record as the reader sees it: old, redline, new and side by side.

Reads `ArticleChange` records only; it never diffs. Deleted words are marked
`data-search-exclude` so the site's search index keeps only words in force.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bylaws.diff.changes import ArticleChange, UnitChange
from bylaws.diff.words import WordOp

from .escape import attr, h
from .labels import Labels

__all__ = ["RedlineViews", "redline_views", "tabs", "word_ops_html"]

_DEL = "<del data-search-exclude{cls}>{text}</del>"
_INS = "<ins{cls}>{text}</ins>"


def word_ops_html(ops: Iterable[WordOp]) -> str:
    """Word operations as HTML with `<ins>` and `<del>`; formal ones classed."""
    out: list[str] = []
    for op in ops:
        cls = ' class="bylaws-formal"' if op.formal else ""
        if op.kind == "equal":
            out.append(h(op.new))
            continue
        if op.old:
            out.append(_DEL.format(cls=cls, text=h(op.old)))
        if op.new:
            out.append(_INS.format(cls=cls, text=h(op.new)))
    return "".join(out)


def _old(ops: Iterable[WordOp]) -> str:
    return "".join(op.old for op in ops)


def _new(ops: Iterable[WordOp]) -> str:
    return "".join(op.new for op in ops)


def _depth(address: str | None) -> int:
    return address.count("/point-") if address else 0


def _line(label: str, address: str | None, body: str) -> str:
    shown = f'<span class="bylaws-num">{h(label)}</span> ' if label else ""
    return f'<p class="bylaws-block bylaws-depth-{_depth(address)}">{shown}{body}</p>'


@dataclass(frozen=True)
class RedlineViews:
    """The four HTML views of one changed article."""

    old: str
    redline: str
    new: str
    side_by_side: str


def _unit_redline(unit: UnitChange) -> str:
    if unit.kind == "deleted":
        return _line(
            unit.old_label,
            unit.old_address,
            _DEL.format(cls="", text=h(_old(unit.ops))),
        )
    if unit.kind == "inserted":
        return _line(
            unit.new_label,
            unit.new_address,
            _INS.format(cls="", text=h(_new(unit.ops))),
        )
    label = unit.new_label or unit.old_label
    if unit.old_label and unit.new_label and unit.old_label != unit.new_label:
        label_html = word_ops_html([WordOp("replace", unit.old_label, unit.new_label)])
        body = f'<span class="bylaws-num">{label_html}</span> ' + word_ops_html(
            unit.ops
        )
        return f'<p class="bylaws-block bylaws-depth-{_depth(unit.new_address)}">{body}</p>'
    moved = ' <span class="bylaws-moved">↔</span>' if unit.kind == "moved" else ""
    return _line(label, unit.new_address, word_ops_html(unit.ops) + moved)


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
        _line(u.old_label, u.old_address, h(_old(u.ops)))
        for u in change.units
        if u.old_address
    ]
    new_lines = [
        _line(u.new_label, u.new_address, h(_new(u.ops)))
        for u in change.units
        if u.new_address
    ]
    if change.heading is not None or old_title != new_title:
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
        title_html = (
            word_ops_html(label_ops)
            + (": " if heading_ops else "")
            + word_ops_html(heading_ops)
        )
    else:
        title_html = h(new_title)
    red_lines = [_unit_redline(u) for u in change.units]
    redline = f'<p class="bylaws-title">{title_html}</p>\n' + "\n".join(red_lines)
    old = f'<p class="bylaws-title">{h(old_title)}</p>\n' + "\n".join(old_lines)
    new = f'<p class="bylaws-title">{h(new_title)}</p>\n' + "\n".join(new_lines)
    if "repealed" in change.kinds:
        new = f'<p class="bylaws-title">{h(old_title)}</p>\n<p>{h(labels["repealed_article"])}</p>'
    rows = [
        "<tr>"
        f"<td data-search-exclude>{_cell(u.old_label, u.old_address, _old(u.ops))}</td>"
        f"<td>{_cell(u.new_label, u.new_address, _new(u.ops))}</td>"
        "</tr>"
        for u in change.units
    ]
    side = (
        '<table class="bylaws-side"><thead><tr>'
        f"<th>{h(labels['old'])}</th><th>{h(labels['new'])}</th></tr></thead><tbody>"
        f"<tr><td data-search-exclude>{h(old_title)}</td><td>{h(new_title)}</td></tr>"
        + "".join(rows)
        + "</tbody></table>"
    )
    return RedlineViews(old, redline, new, side)


def _cell(label: str, address: str | None, text: str) -> str:
    if address is None:
        return ""
    return (f'<span class="bylaws-num">{h(label)}</span> ' if label else "") + h(text)


def _title(label: str | None, heading: str | None) -> str:
    label = label or ""
    return f"{label}: {heading}" if heading else label


def tabs(ident: str, panes: list[tuple[str, str, str]], selected: int = 0) -> str:
    """Content tabs in mkdocs-material's own markup (pymdownx.tabbed, alternate style).

    Args:
        ident: unique on the page; becomes part of the inputs' ids.
        panes: (css class, label, html) per tab.
        selected: the tab open at first.
    """
    inputs = "".join(
        f'<input type="radio" name="{attr(ident)}" id="{attr(ident)}-{i}"'
        f"{' checked' if i == selected else ''}>"
        for i in range(len(panes))
    )
    labels = "".join(
        f'<label for="{attr(ident)}-{i}">{h(label)}</label>'
        for i, (_, label, _) in enumerate(panes)
    )
    # The old text holds the deleted words: keep it out of the search index.
    blocks = "".join(
        f'<div class="tabbed-block bylaws-tab-{attr(cls)}"'
        f"{' data-search-exclude' if cls == 'old' else ''}>\n{body}\n</div>"
        for cls, _, body in panes
    )
    return (
        f'<div class="tabbed-set tabbed-alternate bylaws-tabs" data-tabs="{len(panes)}">'
        f'{inputs}<div class="tabbed-labels">{labels}</div>'
        f'<div class="tabbed-content">{blocks}</div></div>'
    )
