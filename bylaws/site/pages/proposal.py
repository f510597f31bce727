"""Proposal pages: the list of proposals, and each proposal with its changes."""

from __future__ import annotations

from bylaws.diff.words import WordOp, diff_words
from bylaws.instrument import reader_segments
from bylaws.model import (
    AmendHeading,
    Document,
    Insert,
    Move,
    Operation,
    Proposal,
    iter_divisions,
)
from bylaws.numbering import after_preposition, division_label_in, number_divisions

from ..escape import Html
from ..integration import instrument_text
from ..redline import word_ops_html
from ..render import DocContext, link_to
from .builder import Builder
from .outline import division_title
from .page import SitePage
from .pieces import (
    change_views,
    comment_link,
    comments_html,
    comments_on,
    empty_note,
    legend,
    op_article,
    op_kind,
    paragraphs_html,
)
from .rulings import date_html, proposal_ruling, ruling_html, table_box

__all__ = ["proposal_page", "proposals_index"]

_INDEX_COLUMNS = (
    "proposal",
    "proposer",
    "stage",
    "recommendation",
    "decision",
    "counts",
)
_REVIEW_COLUMNS = ("stage", "body", "recommendation", "decision")


def _head(b: Builder, keys: tuple[str, ...]) -> Html:
    return Html().join(Html("<th>{}</th>").format(b.labels[k]) for k in keys)


def _table(head: Html, rows: Html, css: str = "") -> Html:
    return table_box(
        Html(
            '<table class="bylaws-table {}"><thead><tr>{}</tr></thead>'
            "<tbody>{}</tbody></table>"
        ).format(css, head, rows)
    )


def proposals_index(b: Builder) -> SitePage:
    """Every proposal in a table: who, where it stands, what it changes."""
    page = b.urls.proposals()
    labels = b.labels
    rows = Html().join(
        Html(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
        ).format(
            b.proposal_link(page, p.id),
            p.proposer,
            b.stage_label(p.stage),
            proposal_ruling(b, page, p, "recommendation")[1],
            proposal_ruling(b, page, p, "decision")[1],
            _counts(b, p),
        )
        for p in b.bundle.proposals
    )
    body = Html("<h1>{}</h1>{}").format(
        labels["proposals"],
        _table(_head(b, _INDEX_COLUMNS), rows, "bylaws-proposals-table"),
    )
    return b.page(page, labels["proposals"], body, "proposals-index")


def _counts(b: Builder, proposal: Proposal) -> Html:
    counts: dict[str, int] = {}
    for op in proposal.operations:
        kind = op_kind(op)
        counts[kind] = counts.get(kind, 0) + 1
    items = Html().join(
        Html('<li><span class="bylaws-kind bylaws-kind-{}">{}</span>: {}</li>').format(
            k, b.labels[k], n
        )
        for k, n in counts.items()
    )
    return Html('<ul class="bylaws-counts">{}</ul>').format(items)


def _reviews_table(b: Builder, proposal: Proposal, page: str) -> Html:
    if not proposal.reviews:
        return empty_note(b.labels["none"])
    # Each cell names its column, for phones where the rows are stacked.
    names = [b.labels[k] for k in _REVIEW_COLUMNS]
    rows = Html().join(
        Html(
            '<tr><th scope="row" data-label="{}">{}</th><td data-label="{}">{}</td>'
            '<td data-label="{}">{}</td><td data-label="{}">{}</td></tr>'
        ).format(
            names[0],
            b.stage_label(r.stage),
            names[1],
            r.body,
            names[2],
            ruling_html(b, page, r.recommendation),
            names[3],
            ruling_html(b, page, r.decision),
        )
        for r in proposal.reviews
    )
    return _table(_head(b, _REVIEW_COLUMNS), rows, "bylaws-reviews")


def _proposal_collisions(b: Builder, proposal: Proposal, page: str) -> Html:
    """The other proposals this one relates to, each linked, with the articles."""
    items = [
        Html("<li>{} — <strong>{}</strong>: {}</li>").format(
            b.proposal_link(page, other),
            b.labels["rel_" + pair.relation],
            Html(b.list_separator).join(b.article_ref(page, a) for a in pair.shared),
        )
        for pair in b.pairs()
        if proposal.id in (pair.first, pair.second)
        for other in [pair.second if pair.first == proposal.id else pair.first]
    ]
    if not items:
        return empty_note(b.labels["no_collisions"])
    return Html('<ul class="bylaws-proposal-collisions">{}</ul>').format(
        Html().join(items)
    )


def _section(ident: str, title: str, body: Html) -> list[Html]:
    return [Html('<h2 id="{}">{}</h2>').format(ident, title), body]


def proposal_page(b: Builder, proposal: Proposal) -> SitePage:
    """A proposal: its facts, reviews, rationale, each change, the formal text."""
    page = b.urls.proposal(proposal.id)
    labels = b.labels
    new_ctx = b.proposal_ctx(proposal.id) or b.ctx
    facts = [
        (labels["stage"], b.stage_label(proposal.stage)),
        (labels["proposer"], proposal.proposer),
        (
            labels["submitted"],
            date_html(proposal.submitted) if proposal.submitted else labels["none"],
        ),
    ]
    parts = [
        Html("<h1>{}</h1>").format(proposal.title),
        Html('<dl class="bylaws-facts">{}</dl>').format(
            Html().join(Html("<dt>{}</dt><dd>{}</dd>").format(k, v) for k, v in facts)
        ),
    ]
    if proposal.id in b.errors:
        parts.append(
            Html('<div class="admonition failure"><p>{}: {}</p></div>').format(
                labels["not_applied"], b.errors[proposal.id]
            )
        )
    parts += _section("reviews", labels["reviews"], _reviews_table(b, proposal, page))
    parts += _section(
        "collisions",
        labels["proposal_collisions"],
        _proposal_collisions(b, proposal, page),
    )
    parts += _section(
        "rationale",
        labels["general_rationale"],
        paragraphs_html(b.ctx, proposal.rationale, page),
    )
    parts += _section("counts", labels["counts"], _counts(b, proposal))
    parts += _section("changes", labels["changes"], legend(labels))
    for index, op in enumerate(proposal.operations, start=1):
        parts.append(_operation_section(b, proposal, op, index, page, new_ctx))
    instrument = instrument_text(b.doc, proposal)
    if instrument:
        lines = Html().join(
            Html("<p>{}</p>").format(
                _instrument_line(
                    b, line, page, frozenset(op_article(o) for o in proposal.operations)
                )
            )
            for line in instrument.splitlines()
            if line.strip()
        )
        parts += _section(
            "instrument",
            labels["instrument"],
            Html('<div class="bylaws-instrument">{}</div>').format(lines),
        )
    return b.page(page, proposal.title, Html("\n").join(parts), "proposals")


def _instrument_line(b: Builder, line: str, page: str, changed: frozenset[str]) -> Html:
    """A line of the formal amendment text for readers: each reference as its
    designation, linked when the article is in the text in force."""
    parts: list[Html | str] = []
    for text, ref in reader_segments(line):
        article = ref.to.partition("/")[0] if ref is not None else ""
        if article in changed:
            # The formal text names articles as the proposal numbers them:
            # the link lands on the change on this page, which names it so.
            parts.append(Html('<a href="#{}">{}</a>').format(article, text))
        elif ref is not None and article in b.ctx.numbers:
            parts.append(link_to(b.ctx, page, ref.to, text))
        else:
            parts.append(text)
    return Html().join(parts)


def _place_name(b: Builder, anchor: str) -> str:
    """An insertion's anchor as readers know it, after a preposition: an
    article's or a division's designation in the text in force."""
    doc = b.doc
    if anchor in b.ctx.numbers:
        return after_preposition(b.ctx.label(anchor), doc.lang, doc.style)
    division = next((d for d in iter_divisions(doc.outline) if d.id == anchor), None)
    if division is None:
        return anchor
    number = number_divisions(doc)[division.id]
    label = division_label_in(doc, division.kind, number)
    label = after_preposition(label, doc.lang, doc.style)
    return f"{label}: {division.heading}" if division.heading else label


def _target_name(b: Builder, op: Operation, ctx: DocContext) -> str:
    """What an operation changes, named as the text it belongs to names it."""
    target = op_article(op)
    if isinstance(op, AmendHeading) and target not in b.doc.articles:
        division = next(
            (d for d in iter_divisions(b.doc.outline) if d.id == target), None
        )
        if division is not None:
            return division_title(b.doc, number_divisions(b.doc), division)
    return ctx.label(target) if target in ctx.numbers else target


def _both_numbers(b: Builder, op: Operation, new_ctx: DocContext) -> str:
    """An article as the text it belongs to names it; both numbers where they differ.

    An inserted article exists in the proposed text only, a repealed one in
    the text in force only; any other keeps a place in both, and when the
    proposal renumbers it the reader sees «المادة الحادية عشرة (العاشرة سابقاً)».
    """
    if isinstance(op, Insert):
        return _target_name(b, op, new_ctx)
    old = _target_name(b, op, b.ctx)
    target = op_article(op)
    if isinstance(op, AmendHeading) or target not in new_ctx.numbers:
        return old
    new = new_ctx.label(target)
    if new == old:
        return new
    new_word, _, _rest = new.partition(" ")
    old_word, _, old_rest = old.partition(" ")
    short = old_rest if new_word == old_word and old_rest else old
    return b.labels.fill("formerly", label=new, old=short)


def _change_body(
    b: Builder, proposal: Proposal, op: Operation, index: int
) -> list[Html]:
    """The change itself: its tabs (or the heading's words), then where it goes."""
    body: list[Html] = []
    views = change_views(b, proposal.id, op_article(op), f"bylaws-{index}")
    if views:
        body.append(views)
    elif isinstance(op, AmendHeading):
        old = _heading_of(b.doc, op.target) or ""
        body.append(
            Html('<p class="bylaws-title">{}</p>').format(
                word_ops_html(_heading_ops(old, op.heading))
            )
        )
    if isinstance(op, Insert | Move):
        body.append(
            Html('<p class="bylaws-position">{}: {} {}</p>').format(
                b.labels[op_kind(op)],
                b.labels[f"pos_{op.position.relation}"],
                _place_name(b, op.position.anchor),
            )
        )
    return body


def _operation_section(
    b: Builder,
    proposal: Proposal,
    op: Operation,
    index: int,
    page: str,
    new_ctx: DocContext,
) -> Html:
    labels = b.labels
    target = op_article(op)
    kind = op_kind(op)
    ctx = new_ctx if isinstance(op, Insert) else b.ctx
    title = f"{labels[kind]}: {_both_numbers(b, op, new_ctx)}"
    rationale = paragraphs_html(b.ctx, op.rationale, page)
    aside = (
        Html(
            '<div class="bylaws-rationale" role="note"><p class="bylaws-aside-title">{}</p>'
            "{}</div>"
        ).format(labels["rationale"], rationale)
        if rationale
        else Html()
    )
    comments = comments_on(b, target, proposal.id)
    feedback = (
        Html(
            '<details class="bylaws-feedback" open><summary>{} ({})</summary>'
            "{}</details>"
        ).format(labels["feedback"], len(comments), comments_html(b, page, comments))
        if comments
        else Html()
    )
    link = b.article_ref(page, target, ctx) if target in ctx.numbers else Html()
    return Html(
        '<section class="bylaws-change bylaws-kind-{kind}">\n'
        '<h3 id="{target}">{title}</h3>\n'
        '<p class="bylaws-article-links" data-search-exclude>{link}</p>\n'
        '<div class="bylaws-change-grid"><div class="bylaws-change-text">{body}</div>'
        "{aside}</div>\n{feedback}{mail}\n</section>"
    ).format(
        mail=comment_link(b, f"{proposal.title}: {title}", target, proposal.id),
        kind=kind,
        target=target,
        title=title,
        link=link,
        body=Html().join(_change_body(b, proposal, op, index)),
        aside=aside,
        feedback=feedback,
    )


def _heading_of(doc: Document, target: str) -> str | None:
    if target in doc.articles:
        return doc.articles[target].heading
    return next(
        (d.heading for d in iter_divisions(doc.outline) if d.id == target), None
    )


def _heading_ops(old: str, new: str) -> list[WordOp]:
    return list(diff_words(old, new))
