"""What is before which body now: the proposals by stage, for the home page."""

from __future__ import annotations

from bylaws.model import Proposal, Ruling

from ..escape import Html
from ..labels import Labels
from ..sources import DocumentBundle
from ..urls import SiteUrls

__all__ = ["status_section"]


def _last(proposal: Proposal) -> tuple[str, Ruling | None]:
    """The body and ruling of the last recommendation or decision on a proposal."""
    for review in reversed(proposal.reviews):
        for ruling in (review.decision, review.recommendation):
            if ruling is not None:
                return review.body, ruling
    return "", None


def _item(proposal: Proposal, labels: Labels, urls: SiteUrls, page: str) -> Html:
    body, ruling = _last(proposal)
    said = (
        Html('{} — {} <bdi class="bylaws-date" dir="ltr">{}</bdi>').format(
            body, labels["verdict_" + ruling.verdict], ruling.date
        )
        if ruling is not None
        else Html.escape(labels["awaiting"])
    )
    return Html(
        '<li><a href="{}">{}</a> <span class="bylaws-status-last">({})</span></li>'
    ).format(urls.link(page, urls.proposal(proposal.id)), proposal.title, said)


def status_section(
    bundle: DocumentBundle, labels: Labels, page: str, directory_urls: bool = True
) -> Html:
    """Each stage in review order with the proposals now before it, linked."""
    urls = SiteUrls(bundle.doc.id, directory_urls)
    stages = [(s.id, s.label) for s in bundle.doc.meta.stages]
    for proposal in bundle.proposals:
        # A stage the document does not list is still shown, under its id.
        if all(proposal.stage != sid for sid, _ in stages):
            stages.append((proposal.stage, proposal.stage))
    parts: list[Html] = []
    for stage_id, stage_label in stages:
        here = [p for p in bundle.proposals if p.stage == stage_id]
        if not here:
            continue
        items = Html().join(_item(p, labels, urls, page) for p in here)
        parts.append(
            Html('<h4>{}: {}</h4><ul class="bylaws-status">{}</ul>').format(
                labels["now_before"], stage_label, items
            )
        )
    if not parts:
        return Html()
    return Html("<h3>{}</h3>{}").format(
        labels["where_things_stand"], Html().join(parts)
    )
