"""The collisions page: which proposals touch the same words, as a matrix and a list."""

from __future__ import annotations

from bylaws.model import Proposal
from bylaws.overlay import apply_proposal
from bylaws.render import Reader

from ..escape import Html
from ..integration import PairSummary, collision_pairs
from .builder import Builder
from .page import SitePage
from .pieces import empty_note

__all__ = ["collisions_page"]


def _clashes(b: Builder, pair: PairSummary) -> Html:
    """The words two proposals both rewrite: the base, then each one's wording."""
    if not pair.clashes:
        return Html()
    by_id = {p.id: p for p in b.bundle.proposals}
    base = Reader(b.doc)
    first = Reader(apply_proposal(b.doc, by_id[pair.first]))
    second = Reader(apply_proposal(b.doc, by_id[pair.second]))
    rows = Html().join(
        Html("<li><del>{}</del> → <ins>{}</ins> / <ins>{}</ins></li>").format(
            base.addresses(old), first.addresses(one), second.addresses(two)
        )
        for old, one, two in pair.clashes
    )
    return Html('<ul class="bylaws-clashes" aria-label="{}">{}</ul>').format(
        b.labels["clash"], rows
    )


def _matrix(b: Builder, page: str, pairs: list[PairSummary]) -> Html:
    """Every proposal against every other, the relation in each cell."""
    proposals: list[Proposal] = list(b.bundle.proposals)
    relation_of = {frozenset((p.first, p.second)): p.relation for p in pairs}
    head = Html().join(
        Html('<th><a href="{}" title="{}">{}</a></th>').format(
            b.urls.link(page, b.urls.proposal(p.id)), p.title, i
        )
        for i, p in enumerate(proposals, start=1)
    )
    rows: list[Html] = []
    for i, first in enumerate(proposals, start=1):
        cells: list[Html] = []
        for second in proposals:
            if first.id == second.id:
                cells.append(Html('<td class="bylaws-self">·</td>'))
                continue
            relation = relation_of.get(frozenset((first.id, second.id)), "")
            shown = b.labels[f"rel_{relation}"] if relation else ""
            cells.append(
                Html('<td class="bylaws-rel-{}">{}</td>').format(relation, shown)
            )
        rows.append(
            Html("<tr><th>{}. {}</th>{}</tr>").format(
                i, b.proposal_link(page, first.id), Html().join(cells)
            )
        )
    return Html(
        '<table class="bylaws-matrix"><thead><tr><th></th>{}</tr></thead>'
        "<tbody>{}</tbody></table>"
    ).format(head, Html().join(rows))


def _pair_list(b: Builder, page: str, pairs: list[PairSummary]) -> Html:
    """Each related pair: the relation, the articles they share, the clashing words."""
    labels = b.labels
    items = Html().join(
        Html("<li>{} × {}: <strong>{}</strong> — {}: {}{}</li>").format(
            b.proposal_link(page, pair.first),
            b.proposal_link(page, pair.second),
            labels["rel_" + pair.relation],
            labels["shared_articles"],
            Html(b.list_separator).join(b.article_ref(page, a) for a in pair.shared),
            _clashes(b, pair),
        )
        for pair in pairs
    )
    return Html("<ul>{}</ul>").format(items)


def collisions_page(b: Builder) -> SitePage:
    """The matrix of every pair of proposals, then the pairs that relate."""
    page = b.urls.collisions()
    labels = b.labels
    pairs = collision_pairs(b.doc, list(b.bundle.proposals))
    parts = [
        Html("<h1>{}</h1>").format(labels["collisions"]),
        _matrix(b, page, pairs),
        _pair_list(b, page, pairs) if pairs else empty_note(labels["no_collisions"]),
    ]
    return b.page(page, labels["collisions"], Html("\n").join(parts), "collisions")
