"""A ruling said whole: verdict, date, votes, reason, the text preferred, the successor.

The proposal page, the list of proposals and the disposition table all show a
ruling through `ruling_html`, so a committee member reads the same facts
wherever they look.
"""

from __future__ import annotations

from bylaws.model import Proposal, Ruling

from ..escape import Html
from .builder import Builder

__all__ = ["date_html", "ruling_html", "table_box"]


def date_html(date: str) -> Html:
    """A date as YYYY-MM-DD, kept left to right and on one line in any text."""
    return Html('<bdi class="bylaws-date" dir="ltr">{}</bdi>').format(date)


def table_box(table: Html, label: str = "") -> Html:
    """A table in its own scrolling box, so a wide table never widens the page."""
    if label:
        return Html(
            '<div class="bylaws-table-box" role="region" tabindex="0" '
            'aria-label="{}">{}</div>'
        ).format(label, table)
    return Html('<div class="bylaws-table-box">{}</div>').format(table)


def _votes(b: Builder, ruling: Ruling) -> Html:
    if not ruling.votes:
        return Html()
    yes, no, abstain = (str(n) for n in ruling.votes)
    return Html('<span class="bylaws-votes">{}: {}</span>').format(
        b.labels["votes"], b.labels.fill("votes_count", yes=yes, no=no, abstain=abstain)
    )


def ruling_html(b: Builder, page: str, ruling: Ruling | None) -> Html:
    """Everything a body ruled: verdict and date, votes, reason, what replaces it."""
    if ruling is None:
        return Html('<span class="bylaws-ruling-none">{}</span>').format(
            b.labels["none"]
        )
    known = {p.id for p in b.bundle.proposals}
    parts = [
        Html('<span class="bylaws-verdict bylaws-verdict-{}">{}</span> {}').format(
            ruling.verdict,
            b.labels["verdict_" + ruling.verdict],
            date_html(ruling.date),
        )
    ]
    votes = _votes(b, ruling)
    if votes:
        parts.append(votes)
    if ruling.modified:
        target = (
            b.proposal_link(page, ruling.modified)
            if ruling.modified in known
            else Html.escape(ruling.modified)
        )
        parts.append(
            Html('<span class="bylaws-preferred">{}: {}</span>').format(
                b.labels["preferred_text"], target
            )
        )
    if ruling.by:
        target = (
            b.proposal_link(page, ruling.by)
            if ruling.by in known
            else Html.escape(ruling.by)
        )
        parts.append(
            Html('<span class="bylaws-superseded">{}: {}</span>').format(
                b.labels["superseded_by"], target
            )
        )
    if ruling.note:
        parts.append(
            Html('<span class="bylaws-reason">{}: {}</span>').format(
                b.labels["reason"], ruling.note
            )
        )
    return Html('<div class="bylaws-ruling">{}</div>').format(
        Html("").join(
            Html('<p class="bylaws-ruling-part">{}</p>').format(p) for p in parts
        )
    )


def proposal_ruling(
    b: Builder, page: str, proposal: Proposal, kind: str
) -> tuple[str, Html]:
    """The body and the last ruling of a kind ("recommendation", "decision")."""
    for review in reversed(proposal.reviews):
        ruling: Ruling | None = getattr(review, kind)
        if ruling is not None:
            return review.body, ruling_html(b, page, ruling)
    return "", ruling_html(b, page, None)
