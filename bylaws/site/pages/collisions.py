"""The collisions page: which proposals touch the same words, as a matrix and a list."""

from __future__ import annotations

from bylaws.model import Proposal
from bylaws.overlay import apply_proposal
from bylaws.render import Reader

from ..escape import Html
from ..integration import PairSummary
from .builder import Builder
from .page import SitePage
from .pieces import empty_note
from .rulings import table_box

__all__ = ["collisions_page"]


def _clashes(b: Builder, pair: PairSummary) -> Html:
    """The words two proposals both rewrite: the base, then each one's wording."""
    if not pair.clashes:
        return Html()
    by_id = {p.id: p for p in b.bundle.proposals}
    base = Reader(b.doc)
    first = Reader(apply_proposal(b.doc, by_id[pair.first]))
    second = Reader(apply_proposal(b.doc, by_id[pair.second]))
    names = (
        b.labels.fill("wording_of", name=by_id[pair.first].title),
        b.labels.fill("wording_of", name=by_id[pair.second].title),
    )
    # The arrow is a glyph pointing forward; the stylesheet mirrors it in RTL.
    rows = Html().join(
        Html(
            '<li><del>{}</del> <span class="bylaws-arrow" aria-hidden="true">→</span>'
            '<ul class="bylaws-wordings"><li><span class="bylaws-wording-of">{}:</span>'
            ' <ins>{}</ins></li><li><span class="bylaws-wording-of">{}:</span>'
            " <ins>{}</ins></li></ul></li>"
        ).format(
            base.addresses(old),
            names[0],
            first.addresses(one),
            names[1],
            second.addresses(two),
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
    # Columns carry each proposal's number, with a key above the matrix
    # (a tooltip is no use on a phone); rows carry the full names.
    head = Html().join(
        Html('<th scope="col"><a href="{}" title="{}">{}</a></th>').format(
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
            Html('<tr><th scope="row">{}. {}</th>{}</tr>').format(
                i, b.proposal_link(page, first.id), Html().join(cells)
            )
        )
    key = Html().join(
        Html("<li>{}</li>").format(b.proposal_link(page, p.id)) for p in proposals
    )
    table = Html(
        '<table class="bylaws-table bylaws-matrix"><thead><tr>'
        '<th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table>'
    ).format(b.labels["matrix_corner"], head, Html().join(rows))
    return Html(
        '<p class="bylaws-key-title">{}</p><ol class="bylaws-key">{}</ol>{}'
    ).format(b.labels["matrix_key"], key, table_box(table, b.labels["collisions"]))


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
    pairs = b.pairs()
    parts = [
        Html("<h1>{}</h1>").format(labels["collisions"]),
        _matrix(b, page, pairs),
        _pair_list(b, page, pairs) if pairs else empty_note(labels["no_collisions"]),
    ]
    return b.page(page, labels["collisions"], Html("\n").join(parts), "collisions")
