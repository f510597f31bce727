"""The pure layer of a diff: two Documents in, a DocumentDiff out.

Cost grows with what changed: an article whose text did not change (the same
object, the same bytes on disk, or an equal value) is never word-diffed; only
its number is looked at, to report a renumbering or a move.

The work is shared among rooms: `sides` prepares each document (numbers,
labels, text units), `units` compares the units of one article, `articles`
decides what happened to each article, `divisions` to each division.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bylaws.diff.articles import (
    FingerprintedArticles,
    Sides,
    article_change,
    cross_article_moves,
    live_ids,
    moved_in_place,
)
from bylaws.diff.changes import ArticleChange, Change, DocumentDiff
from bylaws.diff.divisions import division_changes
from bylaws.diff.memory import paused_collector
from bylaws.diff.preamble import closing_change, preamble_change
from bylaws.diff.sides import NOTE_PREFIX, Side, article_lines, render_runs
from bylaws.diff.structure import (
    AlignMode,
    Pair,
    align_articles,
    align_ids,
    ids_are_meaningful,
)
from bylaws.diff.units import reading_order
from bylaws.model import Document

__all__ = [
    "NOTE_PREFIX",
    "FingerprintedArticles",
    "Progress",
    "article_lines",
    "diff_documents",
    "render_runs",
]

Progress = Callable[[int, int], None]


def diff_documents(
    old: Document,
    new: Document,
    *,
    old_name: str = "old",
    new_name: str = "new",
    align: AlignMode = "auto",
    context: bool = False,
    progress: Progress | None = None,
    only: tuple[str | None, str | None] | None = None,
    moves: frozenset[str] = frozenset(),
) -> DocumentDiff:
    """Compare two documents article by article and word by word.

    Args:
        old: the text before.
        new: the text after.
        old_name: how the old text is named in the result ("HEAD~1:drafts/x").
        new_name: the same for the new text.
        align: pair articles by "id", by "content", or "auto" (ids when the two
            sides share enough of them).
        context: also return every unchanged article, for `--context`.
        progress: called with (done, total) every few hundred articles.
        only: compare just this pair of article ids (either may be None: the
            article did not exist on that side), ignoring the rest.
        moves: the articles a proposal says it moves. When they explain the
            new order as well as any other choice (two neighbours swapped),
            they are the ones reported as moved.

    Returns:
        The change records, articles in the new reading order.
    """
    with paused_collector():
        return _diff_documents(
            old, new, old_name, new_name, align, context, progress, only, moves
        )


def _diff_documents(
    old: Document,
    new: Document,
    old_name: str,
    new_name: str,
    align: AlignMode,
    context: bool,
    progress: Progress | None,
    only: tuple[str | None, str | None] | None,
    moves: frozenset[str],
) -> DocumentDiff:
    old_ids, new_ids = live_ids(old), live_ids(new)
    if only is not None:
        old_ids = [only[0]] if only[0] is not None else []
        new_ids = [only[1]] if only[1] is not None else []
    by_content = align == "content" or (
        align == "auto" and not ids_are_meaningful(old_ids, new_ids)
    )
    labels: dict[tuple[int, int, str, str], str] = {}
    ctx = Sides(Side(old, labels), Side(new, labels), by_content)
    pairs = _article_pairs(ctx, old_ids, new_ids, single=only is not None)
    out_of_order = moved_in_place(ctx, pairs, old_ids, new_ids, moves)
    records, everything = _article_changes(
        ctx, reading_order(pairs), (old_ids, new_ids), out_of_order, context, progress
    )
    records = cross_article_moves(records)
    if context:
        by_article = {c.article: c for c in records}
        everything = [
            by_article.get(c.article, c) if c.kinds else c for c in everything
        ]
    divisions = division_changes(old, new) if only is None else []
    # The preamble reads before every article and the closing after them.
    first = [c for c in (preamble_change(old, new),) if c and only is None]
    last = [c for c in (closing_change(old, new),) if c and only is None]
    changes: list[Change] = [*first, *records, *last, *divisions]
    return DocumentDiff(
        old=old_name,
        new=new_name,
        lang=new.lang,
        rtl=new.rtl,
        changes=tuple(changes),
        context=tuple(everything) if context else (),
        old_document=old,
        new_document=new,
    )


def _article_pairs(
    ctx: Sides, old_ids: list[str], new_ids: list[str], *, single: bool
) -> list[Pair]:
    """Old and new articles paired, by id or by content (`single`: one pair asked)."""
    if single:
        return (
            [(0 if old_ids else None, 0 if new_ids else None)]
            if old_ids or new_ids
            else []
        )
    if ctx.by_content and not (len(old_ids) == 1 and len(new_ids) == 1):
        old_slots = [ctx.old.slot(a) for a in old_ids]
        new_slots = [ctx.new.slot(a) for a in new_ids]
        return align_articles(old_slots, new_slots, "content")
    return align_ids(old_ids, new_ids)


def _article_changes(
    ctx: Sides,
    ordered: Sequence[Pair],
    ids: tuple[list[str], list[str]],
    out_of_order: set[int],
    context: bool,
    progress: Progress | None,
) -> tuple[list[ArticleChange], list[ArticleChange]]:
    """Each pair's change in reading order: the changed ones, and every one
    (the unchanged too, when `context` asks for them)."""
    old_ids, new_ids = ids
    records: list[ArticleChange] = []
    everything: list[ArticleChange] = []
    total = len(ordered)
    for done, (i, j) in enumerate(ordered, 1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        old_id = old_ids[i] if i is not None else None
        new_id = new_ids[j] if j is not None else None
        change = article_change(
            ctx, old_id, new_id, i is not None and i in out_of_order, context
        )
        # Each article is compared once: what was parsed for it can go.
        ctx.old.release(old_id)
        ctx.new.release(new_id)
        if change is None:
            continue
        if change.kinds:
            records.append(change)
        everything.append(change)
    if progress is not None:
        progress(total, total)
    return records, everything
