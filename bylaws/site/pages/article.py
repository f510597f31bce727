"""Article pages: one article, every proposal that touches it, its feedback."""

from __future__ import annotations

from ..escape import Html
from ..render import DocContext, article_html
from .builder import Builder
from .page import SitePage
from .pieces import (
    change_views,
    comments_html,
    comments_on,
    empty_note,
    legend,
    op_article,
    op_kind,
    paragraphs_html,
)

__all__ = ["article_page"]


def _article_context(b: Builder, article_id: str) -> DocContext:
    """The text the article belongs to: in force, or the first proposal adding it."""
    if article_id in b.ctx.numbers:
        return b.ctx
    for proposal in b.bundle.proposals:
        proposed_ctx = b.proposal_ctx(proposal.id)
        if proposed_ctx and article_id in proposed_ctx.numbers:
            return proposed_ctx
    return b.ctx


def _proposals_compared(b: Builder, page: str, article_id: str) -> list[Html]:
    """Each proposal touching the article, side by side with its change."""
    touching = b.touching(article_id)
    if not touching:
        return [empty_note(b.labels["no_proposals"])]
    columns: list[Html] = []
    for index, proposal in enumerate(touching, start=1):
        op = next(o for o in proposal.operations if op_article(o) == article_id)
        columns.append(
            Html(
                '<div class="bylaws-compare-col" id="p-{}">'
                '<p class="bylaws-compare-title">{} — {} · {}</p>'
                '{}<div class="bylaws-rationale">{}</div></div>'
            ).format(
                proposal.id,
                b.proposal_link(page, proposal.id),
                b.labels[op_kind(op)],
                b.stage_label(proposal.stage),
                change_views(b, proposal.id, article_id, f"bylaws-cmp-{index}"),
                paragraphs_html(b.ctx, op.rationale, page),
            )
        )
    return [
        legend(b.labels),
        Html('<div class="bylaws-compare">{}</div>').format(Html().join(columns)),
    ]


def article_page(b: Builder, article_id: str) -> SitePage:
    """An article as in force (or as first proposed), its proposals, its feedback."""
    page = b.urls.article(article_id)
    labels = b.labels
    ctx = _article_context(b, article_id)
    article = ctx.doc.articles.get(article_id)
    title = ctx.title(article) if article else ctx.label(article_id)
    parts = [
        article_html(
            ctx, article, page, article_id, level=1, title_class="bylaws-article-title"
        )
    ]
    home = b.ctx.homes.get(article_id)
    if home:
        parts.append(
            Html(
                '<p class="bylaws-article-links" data-search-exclude>'
                '<a href="{}">{}</a></p>'
            ).format(b.urls.link(page, home, article_id), labels["see_in_text"])
        )
    parts.append(Html('<h2 id="proposals">{}</h2>').format(labels["touching"]))
    parts += _proposals_compared(b, page, article_id)
    parts.append(Html('<h2 id="feedback">{}</h2>').format(labels["feedback"]))
    parts.append(comments_html(b, page, comments_on(b, article_id), ctx))
    return b.page(page, title, Html("\n").join(parts))
