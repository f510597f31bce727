"""A proposal in Word as tracked changes a reviewer can accept or reject.

The word operations of `bylaws.diff` become `w:ins`/`w:del` runs in the
proposer's name. What the proposer did not write is not tracked: articles the
proposal does not touch read as they will after it (their new numbers, their
references renumbered), and a heading shows its new number alone. A moved
article leaves a `w:moveFrom` range at its old place and a `w:moveTo` range
at the new one.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from lxml import etree

from ..diff.changes import ArticleChange, HeadingChanged, UnitChange
from ..diff.compare import NOTE_PREFIX, diff_documents
from ..diff.words import WordOp, old_text
from ..model import Document, Proposal
from ..overlay import moved_articles, touched_articles
from .docx import (
    Body,
    document_part,
    finish_body,
    new_document,
    package,
    title_paragraph,
    w_el,
)
from .walk import DivisionBlock, blocks

__all__ = ["export_tracked"]


class _Tracked(Body):
    """Paragraphs whose words are inserted, deleted or moved in the proposer's name."""

    def __init__(
        self,
        base: Document,
        doc: Document,
        body: etree._Element,
        author: str,
        date: str,
    ) -> None:
        super().__init__(doc, body)
        self.base = base
        self.author = author
        self.date = date
        self.moving: str | None = None  # "moveFrom" or "moveTo" while in a move

    def change(self, p: etree._Element, kind: str, text: str) -> None:
        holder = w_el(p, kind, id=self.new_id(), author=self.author, date=self.date)
        self.run(holder, text, deleted=kind == "del")

    def plain(self, p: etree._Element, text: str) -> None:
        """Text neither inserted nor deleted: moved with its article, if it moves."""
        if self.moving is None:
            self.run(p, text)
            return
        holder = w_el(
            p, self.moving, id=self.new_id(), author=self.author, date=self.date
        )
        self.run(holder, text)

    def ops(self, p: etree._Element, ops: Iterable[WordOp], quiet: bool) -> None:
        for op in ops:
            if op.kind == "equal" or quiet:
                if op.new:
                    self.plain(p, op.new)
                continue
            if op.old:
                self.change(p, "del", op.old)
            if op.new:
                self.change(p, "ins", op.new)

    def tracked_paragraph(
        self, style: str | None = None, indent: int = 0, mark: str | None = None
    ) -> etree._Element:
        return self.paragraph(
            style,
            indent=indent,
            mark=mark or self.moving,
            author=self.author,
            date=self.date,
        )

    def whole(self, style: str | None, text: str, kind: str) -> None:
        self.change(self.tracked_paragraph(style, mark=kind), kind, text)

    def unit(self, unit: UnitChange, quiet: bool) -> None:
        address = unit.new_address or unit.old_address or ""
        depth = address.count("/point-")
        mark = {"inserted": "ins", "deleted": "del"}.get(unit.kind)
        if unit.kind == "moved" and unit.new_address is None:
            mark = "del"
        elif unit.kind == "moved" and unit.old_address is None:
            mark = "ins"
        if quiet and mark:
            if mark == "del":
                return  # gone without the proposer's hand: nothing to read
            mark = None
        if address.startswith(NOTE_PREFIX):
            # An editorial note keeps its own style, as in the plain export,
            # so that it reads (and imports) back as a note, not as text.
            p = self.tracked_paragraph("BylawsNote", mark=mark)
            self.ops(p, unit.ops, quiet)
            return
        p = self.tracked_paragraph(indent=depth, mark=mark)
        # The number as the unit will read: a renumbering is not an edit.
        label = (unit.old_label if mark == "del" else unit.new_label) or unit.old_label
        if label:
            if mark:
                self.change(p, mark, label + " ")
            else:
                self.plain(p, label + " ")
        self.ops(p, unit.ops, quiet)

    def heading_text(self, change: ArticleChange, old: bool) -> str:
        doc_id = change.old_id if old else change.new_id
        label = (change.old_label if old else change.new_label) or ""
        article = (self.base if old else self.doc).articles.get(doc_id or "")
        return f"{label}: {article.heading}" if article and article.heading else label

    def article_change(self, change: ArticleChange, level: int, quiet: bool) -> None:
        style = f"Heading{min(level, 6)}"
        if "inserted" in change.kinds:
            self.whole(style, self.heading_text(change, old=False), "ins")
        elif "repealed" in change.kinds:
            self.whole(style, change.old_label or "", "del")
        else:
            p = self.tracked_paragraph(style)
            self.plain(p, change.new_label or "")
            if change.heading is not None:
                self.plain(p, ": ")
                self.ops(p, change.heading, quiet)
            else:
                article = self.doc.articles.get(change.new_id or "")
                if article is not None and article.heading:
                    self.plain(p, f": {article.heading}")
        for unit in change.units:
            self.unit(unit, quiet)

    def moved_from(self, change: ArticleChange, level: int) -> None:
        """The article as it read at its old place, marked as moved away."""
        start = len(self.body)
        self.moving = "moveFrom"
        p = self.tracked_paragraph(f"Heading{min(level, 6)}")
        self.plain(p, self.heading_text(change, old=True))
        for unit in change.units:
            if unit.old_address is None:
                continue
            p = self.tracked_paragraph(indent=unit.old_address.count("/point-"))
            self.plain(p, (unit.old_label + " " if unit.old_label else ""))
            self.plain(p, old_text(unit.ops))
        self.moving = None
        self.mark_range("moveFrom", start, change.article)

    def moved_to(self, change: ArticleChange, level: int) -> None:
        """The article at its new place, marked as moved here, its edits tracked."""
        start = len(self.body)
        self.moving = "moveTo"
        self.article_change(change, level, quiet=False)
        self.moving = None
        self.mark_range("moveTo", start, change.article)

    def mark_range(self, kind: str, start: int, article: str) -> None:
        """Word's range markers around the paragraphs a move wrote."""
        paragraphs = list(self.body)[start:]
        if not paragraphs:
            return
        mark = self.new_id()
        name = "move_" + article.replace("-", "_")[:34]
        first = paragraphs[0]
        range_start = etree.Element(
            f"{{{first.nsmap['w']}}}{kind}RangeStart",
            {
                f"{{{first.nsmap['w']}}}id": mark,
                f"{{{first.nsmap['w']}}}name": name,
                f"{{{first.nsmap['w']}}}author": self.author,
                f"{{{first.nsmap['w']}}}date": self.date,
            },
        )
        first.insert(1, range_start)  # after w:pPr
        w_el(paragraphs[-1], f"{kind}RangeEnd", id=mark)


def _gone_after(
    base: Document, context: Iterable[ArticleChange], moved: frozenset[str]
) -> dict[str | None, list[ArticleChange]]:
    """Articles that left their place (repealed, removed, moved) by the base
    article they followed (None: first)."""
    old_order = [e.ref for e in base.entries()]
    after_old: dict[str | None, list[ArticleChange]] = {}
    for change in context:
        left = change.new_id is None or "repealed" in change.kinds
        if not left and change.article not in moved:
            continue
        previous = None
        if change.old_id in old_order:
            index = old_order.index(change.old_id)
            previous = old_order[index - 1] if index else None
        after_old.setdefault(previous, []).append(change)
    return after_old


def _division_heading(
    writer: _Tracked, block: DivisionBlock, change: HeadingChanged | None
) -> None:
    """A division's heading, its words tracked where the proposal changes them."""
    p = writer.paragraph(f"Heading{min(block.depth + 1, 6)}")
    writer.run(p, block.label + ": ")
    if change is not None:
        writer.ops(p, change.ops, quiet=False)
    else:
        writer.run(p, block.division.heading)


def export_tracked(
    base: Document, proposal: Proposal, proposed: Document, changed_only: bool
) -> bytes:
    """The proposed text with the proposal's changes tracked in the proposer's name.

    Args:
        changed_only: only the articles (and division headings) the proposal
            touches, each under its heading; otherwise the whole text.
    """
    diff = diff_documents(base, proposed, context=True)
    date = (
        proposal.submitted or base.meta.date or _dt.date.today().isoformat()
    ) + "T00:00:00Z"
    root, body = new_document(proposed)
    writer = _Tracked(base, proposed, body, proposal.proposer, date)
    title_paragraph(writer, f"{proposed.meta.title} — {proposal.title}")
    touched = set(touched_articles(proposal))
    moved = moved_articles(proposal)
    by_new = {c.new_id: c for c in diff.context if c.new_id}
    after_old = _gone_after(base, diff.context, moved)
    headings = {c.division: c for c in diff.changes if isinstance(c, HeadingChanged)}

    def gone(changes: list[ArticleChange], level: int) -> None:
        for change in changes:
            if change.article in moved and "repealed" not in change.kinds:
                writer.moved_from(change, level)
            else:
                writer.article_change(change, level, quiet=False)

    level = 1
    gone(after_old.pop(None, []), 1)
    for block in blocks(proposed, writer.reader):
        if isinstance(block, DivisionBlock):
            if not changed_only or block.division.id in headings:
                _division_heading(writer, block, headings.get(block.division.id))
            continue
        level = block.depth + 1
        found = by_new.get(block.entry.ref)
        is_touched = block.entry.ref in touched
        if found is not None and "repealed" not in found.kinds:
            if block.entry.ref in moved:
                writer.moved_to(found, level)
            elif is_touched or not changed_only:
                writer.article_change(found, level, quiet=not is_touched)
        gone(after_old.pop(block.entry.ref, []), level)
    for rest in after_old.values():
        gone(rest, level)
    finish_body(body, proposed.rtl)
    props: dict[str, object] = {"proposal": proposal.id, "base": base.id}
    if writer.bookmarks:
        props["bookmarks"] = writer.bookmarks
    return package(proposed, document_part(root), 0, True, props)
