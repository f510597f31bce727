"""The disposition table: where each proposal stands, as a conference votes from it."""

from __future__ import annotations

from bylaws.review import disposition_rows

from ..escape import Html
from .builder import Builder
from .page import SitePage

__all__ = ["disposition_page"]


def disposition_page(b: Builder) -> SitePage:
    """The table a conference votes from: the same rows as `bylaws disposition`."""
    page = b.urls.disposition()
    labels = b.labels
    columns = (
        "#",
        labels["proposal"],
        labels["proposer"],
        labels["articles"],
        labels["stage"],
        labels["recommendation"],
        labels["decision"],
    )
    head = Html().join(Html("<th>{}</th>").format(x) for x in columns)
    rows: list[Html] = []
    for i, row in enumerate(disposition_rows(b.doc, list(b.bundle.proposals)), start=1):
        recommendation = b.verdict(row.recommendation)
        if row.recommendation is not None:
            recommendation += f" — {row.recommended_at}"
        decision = b.verdict(row.decision)
        if row.decision is not None:
            decision += f" — {row.decided_at}"
        rows.append(
            Html(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                "<td>{}</td><td>{}</td><td>{}</td></tr>"
            ).format(
                i,
                b.proposal_link(page, row.proposal),
                row.proposer,
                b.list_separator.join(row.articles),
                row.stage,
                recommendation,
                decision,
            )
        )
    body = Html(
        '<h1>{}</h1><table class="bylaws-disposition"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(labels["disposition"], head, Html().join(rows))
    return b.page(page, labels["disposition"], body, "disposition")
