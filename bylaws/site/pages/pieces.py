"""Fragments several page families use: paragraphs, the legend, feedback, tabs."""

from __future__ import annotations

from collections.abc import Iterable

from bylaws.diff.changes import ArticleChange, DocumentDiff
from bylaws.model import (
    Amend,
    AmendHeading,
    Comment,
    Insert,
    Move,
    Operation,
    P,
    Ref,
    Repeal,
)

from ..escape import Html
from ..labels import Labels
from ..redline import redline_views, tabs
from ..render import DocContext, runs_html
from .builder import Builder

__all__ = [
    "change_views",
    "comments_html",
    "comments_on",
    "empty_note",
    "find_change",
    "legend",
    "op_article",
    "op_kind",
    "paragraphs_html",
]


def paragraphs_html(ctx: DocContext, paras: Iterable[P], page: str) -> Html:
    """Free paragraphs (a rationale, a comment) as `<p>` elements, links live."""
    return Html("\n").join(
        Html("<p>{}</p>").format(runs_html(ctx, p.runs, page)[0]) for p in paras
    )


def empty_note(text: str) -> Html:
    """What a section says when it has nothing to show."""
    return Html('<p class="bylaws-empty">{}</p>').format(text)


def legend(labels: Labels) -> Html:
    """How inserted and deleted words are marked, above a page of changes."""
    return Html(
        '<p class="bylaws-legend" data-search-exclude><strong>{}:</strong> '
        "<ins>{}</ins> · <del>{}</del></p>"
    ).format(labels["legend"], labels["legend_ins"], labels["legend_del"])


def op_article(op: Operation) -> str:
    """The article (or division) an operation changes."""
    return op.target if isinstance(op, AmendHeading) else op.article


def op_kind(op: Operation) -> str:
    """The operation's kind as its label key: amend, insert, repeal, move, heading."""
    match op:
        case Amend():
            return "amend"
        case Insert():
            return "insert"
        case Repeal():
            return "repeal"
        case Move():
            return "move"
        case AmendHeading():
            return "heading"


def comments_html(
    b: Builder, page: str, comments: Iterable[Comment], ctx: DocContext | None = None
) -> Html:
    """Feedback as the committee reads it: who, where from, when, on what."""
    items: list[Html] = []
    reader = (ctx or b.ctx).reader
    for comment in comments:
        # Reviewers read numbers, not ids: «الفقرة (2) من المادة العاشرة».
        anchor = reader.resolve(Ref(comment.on)) or reader.ref(Ref(comment.on))
        header = Html(
            '<p class="bylaws-comment-meta"><strong>{}</strong> ({}{}{}) — {} {}</p>'
        ).format(
            comment.author,
            comment.body,
            b.list_separator,
            comment.date,
            b.labels["on"],
            anchor,
        )
        items.append(
            Html('<div class="bylaws-comment" id="{}">{}{}</div>').format(
                comment.id, header, paragraphs_html(ctx or b.ctx, comment.text, page)
            )
        )
    if not items:
        return empty_note(b.labels["no_feedback"])
    return Html("\n").join(items)


def comments_on(
    b: Builder, article_id: str, proposal_id: str | None = None
) -> list[Comment]:
    """The feedback on an article, on the text in force or on one proposal."""
    return [
        c
        for c in b.bundle.feedback
        if c.on.split("/")[0] == article_id
        and (proposal_id is None or c.proposal in (None, proposal_id))
    ]


def change_views(b: Builder, proposal_id: str, article_id: str, ident: str) -> Html:
    """The tabs of one article change in one proposal, or nothing if it has none."""
    diff = b.diffs.get(proposal_id)
    change = find_change(diff, article_id) if diff else None
    if change is None:
        return Html()
    old = b.doc.articles.get(article_id)
    new = b.proposed[proposal_id].articles.get(article_id)
    views = redline_views(
        change, old.heading if old else None, new.heading if new else None, b.labels
    )
    return tabs(
        ident,
        [
            ("old", b.labels["old"], views.old),
            ("redline", b.labels["redline"], views.redline),
            ("new", b.labels["new"], views.new),
            ("side", b.labels["side_by_side"], views.side_by_side),
        ],
        selected=1,
    )


def find_change(diff: DocumentDiff, article_id: str) -> ArticleChange | None:
    """The change record of an article, by its id before or after the proposal."""
    return next(
        (c for c in diff.articles if article_id in (c.article, c.old_id, c.new_id)),
        None,
    )
