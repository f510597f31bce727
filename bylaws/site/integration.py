"""The site's few questions to the proposals engine, one function each.

Collisions, consolidation, disposition and the formal amendment text belong to
`bylaws.proposals`, `bylaws.review` and `bylaws.instrument`; the pages call
only these functions, so a change there is a change here alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bylaws.errors import BylawsError, CollisionError
from bylaws.locale import language_of
from bylaws.model import Document, Insert, Move, Proposal, Ruling, Verdict
from bylaws.overlay import apply_proposal, touched_articles
from bylaws.proposals.consolidate import consolidate

__all__ = [
    "Consolidation",
    "PairSummary",
    "Switch",
    "chosen_proposals",
    "collision_pairs",
    "consolidate_for_site",
    "instrument_text",
    "latest_ruling",
]

Switch = Literal["adopted", "recommended"]
_ADOPTING: tuple[Verdict, ...] = ("adopt", "adopt-modified")


def latest_ruling(
    proposal: Proposal, kind: Literal["recommendation", "decision"]
) -> Ruling | None:
    """The last recommendation (or decision) any body made on a proposal."""
    found: Ruling | None = None
    for review in proposal.reviews:
        ruling = review.recommendation if kind == "recommendation" else review.decision
        if ruling is not None:
            found = ruling
    return found


def chosen_proposals(proposals: list[Proposal], switch: Switch) -> list[Proposal]:
    """The proposals a consolidated draft applies: adopted, or recommended.

    A decision outranks a recommendation: a recommended proposal later
    rejected is left out of the recommended draft too.
    """
    chosen: list[Proposal] = []
    for proposal in proposals:
        decision = latest_ruling(proposal, "decision")
        if decision is not None:
            if decision.verdict in _ADOPTING:
                chosen.append(proposal)
            continue
        recommendation = latest_ruling(proposal, "recommendation")
        if (
            switch == "recommended"
            and recommendation
            and recommendation.verdict in _ADOPTING
        ):
            chosen.append(proposal)
    return chosen


@dataclass(frozen=True)
class Consolidation:
    """A consolidated draft, which proposal changed which article, what failed."""

    doc: Document
    applied: tuple[str, ...]
    attribution: dict[str, tuple[str, ...]]
    # (proposal, message, the proposals whose words it clashes with)
    failed: tuple[tuple[str, str, tuple[str, ...]], ...]


def consolidate_for_site(doc: Document, proposals: list[Proposal]) -> Consolidation:
    """Apply proposals in order, merged word by word.

    A proposal that cannot be applied (or collides) is reported, not fatal:
    the page shows the rest.
    """
    try:
        # All at once first: one merge of the whole text, not one per proposal.
        merged = consolidate(doc, list(proposals))
    except BylawsError:
        current, applied, failed = _consolidate_one_by_one(doc, proposals)
    else:
        current, applied, failed = merged, list(proposals), []
    attribution: dict[str, list[str]] = {}
    for proposal in applied:
        for ref in touched_articles(proposal):
            attribution.setdefault(ref, []).append(proposal.id)
    return Consolidation(
        current,
        tuple(p.id for p in applied),
        {k: tuple(v) for k, v in attribution.items()},
        tuple(failed),
    )


def _consolidate_one_by_one(
    doc: Document, proposals: list[Proposal]
) -> tuple[Document, list[Proposal], list[tuple[str, str, tuple[str, ...]]]]:
    """The proposals that consolidate together, in order, and why the others fail."""
    applied: list[Proposal] = []
    failed: list[tuple[str, str, tuple[str, ...]]] = []
    current = doc
    for proposal in proposals:
        try:
            current = consolidate(doc, [*applied, proposal])
        except BylawsError as exc:
            others = exc.others if isinstance(exc, CollisionError) else ()
            failed.append((proposal.id, exc.text(language_of(doc)), others))
            continue
        applied.append(proposal)
    return current, applied, failed


@dataclass(frozen=True)
class PairSummary:
    """Two proposals and how they relate: collide, mergeable, duplicate, none."""

    first: str
    second: str
    relation: str
    shared: tuple[str, ...]
    # For colliding pairs: the base words and what each proposal makes of them.
    clashes: tuple[tuple[str, str, str], ...] = ()


def _places(proposal: Proposal) -> set[str]:
    """Articles a proposal names, and the anchors it inserts or moves next to."""
    places = set(touched_articles(proposal))
    for op in proposal.operations:
        if isinstance(op, Insert | Move):
            places.add("@" + op.position.anchor)
    return places


def collision_pairs(doc: Document, proposals: list[Proposal]) -> list[PairSummary]:
    """Every pair of proposals that touch the same article, with the relation.

    Only pairs that name a common article or anchor are compared word by word:
    two proposals with nothing in common can neither collide nor duplicate each
    other, and comparing all pairs costs a full pass over the text per pair.
    """
    from bylaws.proposals.collisions import compare_pair

    places = {p.id: _places(p) for p in proposals}
    pairs: list[PairSummary] = []
    for i, first in enumerate(proposals):
        for second in proposals[i + 1 :]:
            if not places[first.id] & places[second.id]:
                continue
            try:
                report = compare_pair(doc, first, second)
            except BylawsError:
                continue
            if report.relation != "none":
                pairs.append(
                    PairSummary(
                        first.id,
                        second.id,
                        report.relation,
                        tuple(report.shared),
                        tuple(
                            (c.base, c.first_text, c.second_text)
                            for c in report.collisions
                        ),
                    )
                )
    return pairs


def instrument_text(doc: Document, proposal: Proposal) -> str | None:
    """The formal amendment text of a proposal, or None when it cannot be worded."""
    from bylaws.instrument import write_instrument

    try:
        return write_instrument(doc, apply_proposal(doc, proposal))
    except BylawsError:
        return None
