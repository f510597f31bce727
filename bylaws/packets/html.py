"""A packet as one HTML document: the site's pieces, laid out for paper.

A proposal's packet holds its facts, its rulings with their reasons, its
rationale, the redline article by article, the formal amendment text and the
comments received. A meeting packet puts a cover (agenda, disposition table,
collisions) before the packets of every proposal before one body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bylaws.diff.words import diff_words
from bylaws.errors import NotFound
from bylaws.instrument import reader_segments
from bylaws.locale import _, tr
from bylaws.model import AmendHeading, Comment, Proposal, Review, Ruling
from bylaws.review import disposition_rows, stages
from bylaws.site.escape import Html
from bylaws.site.integration import collision_pairs, instrument_text
from bylaws.site.pages.builder import Builder
from bylaws.site.pages.pieces import (
    comments_html,
    comments_on,
    empty_note,
    find_change,
    legend,
    op_article,
    op_kind,
    paragraphs_html,
)
from bylaws.site.redline import redline_views, word_ops_html
from bylaws.site.sources import DocumentBundle
from bylaws.site.urls import SiteUrls

__all__ = ["meeting_packet_html", "page_number_css", "proposal_packet_html"]

# The packets' own words; the site's labels give the rest.
_WORDS = {
    "meeting": _("Meeting packet"),
    "agenda": _("Agenda"),
    "comments": _("Comments received"),
    "to_settle": _("Collisions to settle"),
    "reasons": _("Reasons"),
    "votes": _("Votes: {yes} for, {no} against, {abstain} abstentions"),
    "page": _("Page {page} of {pages}"),
}


def _word(b: Builder, key: str) -> str:
    return tr(_WORDS[key], b.doc.lang)


def _builder(bundle: DocumentBundle) -> Builder:
    return Builder(bundle, SiteUrls(bundle.doc.id), "adopted")


def _document(b: Builder, title: str, body: Html) -> str:
    direction = "rtl" if b.doc.rtl else "ltr"
    return str(
        Html(
            '<!DOCTYPE html>\n<html lang="{}" dir="{}"><head><meta charset="utf-8">'
            "<title>{}</title></head><body>{}</body></html>\n"
        ).format(b.doc.lang, direction, title, body)
    )


def _verdict(b: Builder, ruling: Ruling | None) -> str:
    """A verdict and its date, without the reason (the packet gives it apart)."""
    if ruling is None:
        return b.labels["none"]
    return f"{b.labels['verdict_' + ruling.verdict]} ({ruling.date})"


def _ruling(b: Builder, kind: str, ruling: Ruling | None) -> Html:
    if ruling is None:
        return Html()
    votes = (
        Html('<p class="packet-votes">{}</p>').format(
            tr(
                _WORDS["votes"],
                b.doc.lang,
                yes=ruling.votes[0],
                no=ruling.votes[1],
                abstain=ruling.votes[2],
            )
        )
        if ruling.votes
        else Html()
    )
    reason = (
        Html('<p class="packet-reason"><strong>{}:</strong> {}</p>').format(
            _word(b, "reasons"), ruling.note
        )
        if ruling.note
        else Html()
    )
    return Html('<p class="packet-ruling"><strong>{}:</strong> {}</p>{}{}').format(
        b.labels[kind], _verdict(b, ruling), votes, reason
    )


def _review(b: Builder, review: Review) -> Html:
    stage = b.stage_label(review.stage)
    who = stage if review.body in ("", stage) else f"{stage} — {review.body}"
    return Html('<div class="packet-review"><h3>{}</h3>{}{}</div>').format(
        who,
        _ruling(b, "recommendation", review.recommendation),
        _ruling(b, "decision", review.decision),
    )


def _facts(b: Builder, proposal: Proposal) -> Html:
    facts = (
        (b.labels["proposer"], proposal.proposer),
        (b.labels["submitted"], proposal.submitted or b.labels["none"]),
        (b.labels["stage"], b.stage_label(proposal.stage)),
    )
    # A table, not a grid: WeasyPrint lays grid columns left to right only.
    return Html('<table class="packet-facts">{}</table>').format(
        Html().join(
            Html("<tr><th>{}</th><td>{}</td></tr>").format(k, v) for k, v in facts
        )
    )


def _change(b: Builder, proposal: Proposal, index: int) -> Html:
    """One operation: what it changes, its redline, its own rationale."""
    op = proposal.operations[index]
    target = op_article(op)
    proposed = b.proposal_ctx(proposal.id) or b.ctx
    ctx = b.ctx if target in b.ctx.numbers else proposed
    title = f"{b.labels[op_kind(op)]}: {ctx.label(target)}"
    diff = b.diffs.get(proposal.id)
    change = find_change(diff, target) if diff else None
    if change is not None:
        old = b.doc.articles.get(target)
        new = b.proposed[proposal.id].articles.get(target)
        views = redline_views(
            change, old.heading if old else None, new.heading if new else None, b.labels
        )
        text = views.redline
    elif isinstance(op, AmendHeading):
        old_heading = b.doc.articles[target].heading if target in b.doc.articles else ""
        text = Html('<p class="bylaws-title">{}</p>').format(
            word_ops_html(diff_words(old_heading or "", op.heading))
        )
    else:
        text = Html()
    rationale = paragraphs_html(b.ctx, op.rationale, "")
    aside = (
        Html('<div class="packet-rationale"><strong>{}:</strong>{}</div>').format(
            b.labels["rationale"], rationale
        )
        if rationale
        else Html()
    )
    return Html(
        '<section class="packet-change"><h3>{}. {}</h3>'
        '<div class="packet-redline">{}</div>{}</section>'
    ).format(index + 1, title, text, aside)


def _comments(b: Builder, proposal: Proposal) -> list[Comment]:
    seen: set[str] = set()
    found: list[Comment] = []
    for op in proposal.operations:
        for comment in comments_on(b, op_article(op), proposal.id):
            if comment.id not in seen:
                seen.add(comment.id)
                found.append(comment)
    found += [
        c for c in b.bundle.feedback if c.proposal == proposal.id and c.id not in seen
    ]
    return found


def _instrument(b: Builder, proposal: Proposal) -> Html:
    text = instrument_text(b.doc, proposal)
    if not text:
        return empty_note(b.labels["none"])
    # As readers see it: each reference as its designation, the marks that
    # only serve reading the text back left out.
    return Html('<div class="packet-instrument">{}</div>').format(
        Html().join(
            Html("<p>{}</p>").format(
                "".join(part for part, _ref in reader_segments(line))
            )
            for line in text.splitlines()
            if line.strip()
        )
    )


def _proposal_body(b: Builder, proposal: Proposal) -> Html:
    labels = b.labels
    reviews = Html().join(_review(b, r) for r in proposal.reviews) or empty_note(
        labels["none"]
    )
    changes = Html().join(
        _change(b, proposal, i) for i in range(len(proposal.operations))
    )
    comments = _comments(b, proposal)
    return Html(
        '<article class="packet-proposal" id="{id}">'
        '<h1 class="packet-title">{title}</h1>{facts}'
        "<h2>{reviews_h}</h2>{reviews}"
        "<h2>{rationale_h}</h2>{rationale}"
        "<h2>{changes_h}</h2>{legend}{changes}"
        "<h2>{instrument_h}</h2>{instrument}"
        "<h2>{comments_h} ({count})</h2>{comments}</article>"
    ).format(
        id=proposal.id,
        title=proposal.title,
        facts=_facts(b, proposal),
        reviews_h=labels["reviews"],
        reviews=reviews,
        rationale_h=labels["general_rationale"],
        rationale=paragraphs_html(b.ctx, proposal.rationale, "")
        or empty_note(labels["none"]),
        changes_h=labels["changes"],
        legend=legend(labels),
        changes=changes,
        instrument_h=labels["instrument"],
        instrument=_instrument(b, proposal),
        comments_h=_word(b, "comments"),
        count=len(comments),
        comments=comments_html(b, "", comments),
    )


def _find(bundle: DocumentBundle, proposal_id: str, where: str) -> Proposal:
    for proposal in bundle.proposals:
        if proposal.id == proposal_id:
            return proposal
    raise NotFound(
        _("no proposal {proposal!r} in document {document}"),
        where or None,
        proposal=proposal_id,
        document=bundle.doc.id,
    )


def page_number_css(bundle: DocumentBundle) -> str:
    """The page number's words around CSS counters, in the document's digits.

    Arabic documents count in Arabic-Indic digits («صفحة ٣ من ١٢») unless
    their style is plain digits; others count in ASCII digits.
    """
    doc = bundle.doc
    template = tr(_WORDS["page"], doc.lang)
    style = "decimal"
    if doc.rtl and doc.style != "digits":
        style = "arabic-indic"
    content: list[str] = []
    for piece in re.split(r"(\{pages?\})", template):
        if piece in ("{page}", "{pages}"):
            content.append(f"counter({piece[1:-1]}, {style})")
        elif piece:
            content.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "@page { @bottom-center { content: " + " ".join(content) + " } }\n"


def proposal_packet_html(
    bundle: DocumentBundle, proposal_id: str, where: str = ""
) -> str:
    """One proposal's packet as an HTML document (`where`: the folder, for errors)."""
    b = _builder(bundle)
    proposal = _find(bundle, proposal_id, where)
    return _document(b, proposal.title, _proposal_body(b, proposal))


def _agenda(b: Builder, proposals: Sequence[Proposal]) -> Html:
    items = Html().join(
        Html("<li>{} — {}</li>").format(p.title, p.proposer) for p in proposals
    )
    return Html('<h2>{}</h2><ol class="packet-agenda">{}</ol>').format(
        _word(b, "agenda"), items
    )


def _disposition(b: Builder, proposals: Sequence[Proposal]) -> Html:
    labels = b.labels
    head = Html().join(
        Html("<th>{}</th>").format(x)
        for x in (
            "#",
            labels["proposal"],
            labels["articles"],
            labels["recommendation"],
            labels["decision"],
        )
    )
    rows = Html().join(
        Html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            i,
            row.title,
            b.list_separator.join(row.articles),
            _verdict(b, row.recommendation),
            _verdict(b, row.decision),
        )
        for i, row in enumerate(disposition_rows(b.doc, list(proposals)), start=1)
    )
    return Html(
        '<h2>{}</h2><table class="packet-table"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(labels["disposition"], head, rows)


def _collisions(b: Builder, proposals: Sequence[Proposal]) -> Html:
    titles = {p.id: p.title for p in b.bundle.proposals}
    before = {p.id for p in proposals}
    pairs = [
        p
        for p in collision_pairs(b.doc, list(b.bundle.proposals))
        if p.relation == "collide" and {p.first, p.second} & before
    ]
    if not pairs:
        body = empty_note(b.labels["no_collisions"])
    else:
        body = Html("<ul>{}</ul>").format(
            Html().join(
                Html("<li>{} — {} — {}: {}</li>").format(
                    titles[p.first],
                    titles[p.second],
                    b.labels["shared_articles"],
                    b.list_separator.join(b.ctx.label(a) for a in p.shared),
                )
                for p in pairs
            )
        )
    return Html("<h2>{}</h2>{}").format(_word(b, "to_settle"), body)


def meeting_packet_html(bundle: DocumentBundle, stage: str, where: str = "") -> str:
    """Every proposal before the body of `stage`: a cover, then each one's packet
    (`where`: the document folder, for errors)."""
    b = _builder(bundle)
    # The document's stages, or the default four: a mistyped stage is refused
    # rather than giving an empty packet.
    ids = [s.id for s in stages(bundle.doc)]
    if stage not in ids:
        raise NotFound(
            _("no stage {stage!r} in document {document}; its stages: {stages}"),
            where or None,
            stage=stage,
            document=bundle.doc.id,
            stages=", ".join(ids),
        )
    proposals = [p for p in bundle.proposals if p.stage == stage]
    title = f"{_word(b, 'meeting')} — {b.stage_label(stage)}"
    cover = Html(
        '<section class="packet-cover"><h1 class="packet-title">{}</h1>'
        '<p class="packet-document">{}</p>{}{}{}</section>'
    ).format(
        title,
        bundle.doc.meta.title,
        _agenda(b, proposals),
        _disposition(b, proposals),
        _collisions(b, proposals),
    )
    body = cover + Html().join(_proposal_body(b, p) for p in proposals)
    return _document(b, title, body)
