"""Feedback: reviewers' and branches' comments, gathered per article.

A comment is anchored to an id (`art-x` or `art-x/para-2`), never to a number,
so it stays on its article through every renumbering; the listing shows the
number the article has now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .errors import BylawsError
from .locale import _, language_of, tr
from .model import Comment, Document, Ref
from .numbering import label_for, render_ref


@dataclass(frozen=True, slots=True)
class Anchored:
    """A comment with where it points to, as readers see it now."""

    comment: Comment
    where: (
        str  # «الفقرة (2) من المادة العاشرة», or the raw address if it points nowhere
    )
    dangling: bool


@dataclass(frozen=True, slots=True)
class ArticleFeedback:
    article: str
    label: str  # the article's current designation, or its id if it is gone
    comments: tuple[Anchored, ...]


def _where(doc: Document, address: str) -> tuple[str, bool]:
    try:
        return render_ref(doc, Ref(address)), False
    except BylawsError:
        return address, True


def _new_label(doc: Document, proposed: Document, ref: str, proposal: str) -> str:
    """An article a proposal inserts, named by its number in the proposal."""
    return tr(
        _("{label} (new in {proposal})"),
        language_of(doc),
        label=label_for(proposed, ref),
        proposal=proposal,
    )


def feedback_by_article(
    doc: Document,
    comments: list[Comment],
    article: str | None = None,
    proposed: Mapping[str, Document] | None = None,
) -> list[ArticleFeedback]:
    """Comments grouped by article, in the outline's order, then any dangling ones.

    Args:
        article: only this article id.
        proposed: proposal id -> the text it makes; a comment on an article
            its proposal inserts is shown with that article's number there.
    """
    proposed = proposed or {}
    order = {e.ref: i for i, e in enumerate(doc.entries())}
    groups: dict[str, list[Anchored]] = {}
    labels: dict[str, str] = {}
    for comment in sorted(comments, key=lambda c: (c.date, c.id)):
        ref = comment.on.split("/")[0]
        if article is not None and ref != article:
            continue
        where, dangling = _where(doc, comment.on)
        theirs = proposed.get(comment.proposal or "")
        if dangling and theirs is not None and ref not in doc.articles:
            where, dangling = _where(theirs, comment.on)
            if not dangling:
                labels[ref] = _new_label(doc, theirs, ref, comment.proposal or "")
        groups.setdefault(ref, []).append(Anchored(comment, where, dangling))
    out: list[ArticleFeedback] = []
    for ref in sorted(groups, key=lambda r: (order.get(r, len(order)), r)):
        try:
            label = label_for(doc, ref)
        except BylawsError:
            label = labels.get(ref, ref)
        out.append(ArticleFeedback(ref, label, tuple(groups[ref])))
    return out
