"""The versions adopted so far: what each put into force, who proposed it, why."""

from __future__ import annotations

from bylaws.review import disposition_rows

from ..escape import Html
from ..sources import AdoptedVersion
from .builder import Builder
from .page import SitePage
from .pieces import paragraphs_html
from .rulings import date_html, ruling_html, table_box

__all__ = ["adopted_page"]


def _version_html(b: Builder, page: str, version: AdoptedVersion) -> Html:
    """One version: its proposals as the conference decided them, then the
    instrument as published, so that nothing adopted leaves the site."""
    labels = b.labels
    columns = (
        labels["proposal"],
        labels["proposer"],
        labels["articles"],
        labels["rationale"],
        labels["decision"],
    )
    head = Html().join(Html('<th scope="col">{}</th>').format(x) for x in columns)
    by_id = {p.id: p for p in version.proposals}
    rows = []
    for row in disposition_rows(b.doc, list(version.proposals)):
        rationale = paragraphs_html(b.ctx, by_id[row.proposal].rationale, page)
        decision = ruling_html(b, page, row.decision)
        if row.decision is not None:
            decision = Html("<p>{}</p>{}").format(row.decided_at, decision)
        rows.append(
            Html(
                '<tr><th scope="row">{} <bdi>({})</bdi></th><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td></tr>"
            ).format(
                row.title,
                row.proposal,
                row.proposer,
                b.list_separator.join(row.articles),
                rationale,
                decision,
            )
        )
    table = Html(
        '<table class="bylaws-table bylaws-adopted"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(head, Html().join(rows))
    # The label is the catalogue's own words (trusted); its fields are escaped.
    heading = Html(labels["adopted_version"]).format(
        label=Html("<bdi>{}</bdi>").format(version.label),
        date=date_html(version.date),
    )
    instrument = Html("").join(
        Html('<p dir="auto">{}</p>').format(block.strip())
        for block in version.instrument.split("\n\n")
        if block.strip()
    )
    return Html(
        '<section id="version-{}"><h2>{}</h2>{}<h3>{}</h3>'
        '<div class="bylaws-instrument">{}</div></section>'
    ).format(
        version.label,
        heading,
        table_box(table, labels["adopted"]),
        labels["adopted_instrument"],
        instrument,
    )


def adopted_page(b: Builder) -> SitePage:
    """Every version `bylaws adopt` archived, the newest first."""
    page = b.urls.adopted()
    labels = b.labels
    versions = Html().join(
        _version_html(b, page, v) for v in reversed(b.bundle.adopted)
    )
    body = Html("<h1>{}</h1>{}").format(labels["adopted"], versions)
    return b.page(page, labels["adopted"], body, "adopted")
