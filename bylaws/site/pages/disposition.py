"""The disposition table: where each proposal stands, as a conference votes from it."""

from __future__ import annotations

from bylaws.review import disposition_rows

from ..escape import Html
from .builder import Builder
from .page import SitePage
from .rulings import ruling_html, table_box

__all__ = ["disposition_page"]


def disposition_page(b: Builder) -> SitePage:
    """The table a conference votes from: the same rows as `bylaws disposition`."""
    page = b.urls.disposition()
    labels = b.labels
    # The number goes with the name in the first column, the one kept in view
    # when the table scrolls sideways on a phone.
    columns = (
        labels["proposal"],
        labels["proposer"],
        labels["articles"],
        labels["stage"],
        labels["recommendation"],
        labels["decision"],
    )
    head = Html().join(Html('<th scope="col">{}</th>').format(x) for x in columns)
    rows: list[Html] = []
    for i, row in enumerate(disposition_rows(b.doc, list(b.bundle.proposals)), start=1):
        # The body that ruled, then the ruling whole.
        recommendation = ruling_html(b, page, row.recommendation)
        if row.recommendation is not None:
            recommendation = Html("<p>{}</p>{}").format(
                row.recommended_at, recommendation
            )
        decision = ruling_html(b, page, row.decision)
        if row.decision is not None:
            decision = Html("<p>{}</p>{}").format(row.decided_at, decision)
        rows.append(
            Html(
                '<tr><th scope="row">{}. {}</th><td>{}</td><td>{}</td>'
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
    table = Html(
        '<table class="bylaws-table bylaws-disposition"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(head, Html().join(rows))
    body = Html("<h1>{}</h1>{}").format(
        labels["disposition"], table_box(table, labels["disposition"])
    )
    return b.page(page, labels["disposition"], body, "disposition")
