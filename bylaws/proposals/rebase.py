"""Carry a stale proposal onto the current text with a three-way word merge."""

from __future__ import annotations

from dataclasses import replace

from ..errors import BylawsError, InvalidOperation
from ..locale import _
from ..model import Amend, Base, Document, Proposal
from ..overlay import apply_proposal
from ..render import Reader
from .collision import TEXT_IN_FORCE, Collision, Readers, collision_error
from .merge import MergeConflict, merge_articles


def _readers(base: Document, current: Document, proposal: Proposal) -> Readers | None:
    """Readers for the words of a clash; None (raw addresses) if the proposal
    no longer applies to its own base, which the clash message need not say."""
    try:
        proposed = apply_proposal(base, proposal)
    except BylawsError:
        return None
    return Reader(base), Reader(current), Reader(proposed)


def rebase_onto(
    base: Document, current: Document, proposal: Proposal, new_base: Base
) -> Proposal:
    """The proposal, drafted against `base`, carried onto `current`.

    Args:
        base: the text the proposal was drafted against.
        current: the text in force now.
        proposal: the proposal to carry over.
        new_base: what the rebased proposal records as its base.

    Raises:
        CollisionError: the text in force changed the same words as the proposal.
        InvalidOperation: an operation names an article that is gone.
    """
    articles = dict(proposal.articles)
    collisions: list[Collision] = []
    for op in proposal.operations:
        if not isinstance(op, Amend):
            continue
        ref = op.article
        if ref not in current.articles:
            loc = op.loc
            raise InvalidOperation(
                _(
                    "cannot carry the amendment of {article} over: the article is no longer in the text in force"
                ),
                loc.path if loc else None,
                loc.line if loc else None,
                loc.col if loc else None,
                article=ref,
            )
        if ref not in base.articles:
            continue  # nothing to merge against: the proposal's text stands
        try:
            articles[ref] = merge_articles(
                base.articles[ref], current.articles[ref], articles[ref]
            )
        except MergeConflict as conflict:
            collisions.extend(
                Collision(
                    ref,
                    c.where,
                    c.base,
                    TEXT_IN_FORCE,
                    proposal.id,
                    c.ours,
                    c.theirs,
                )
                for c in conflict.clashes
            )
    if collisions:
        raise collision_error(collisions, proposal, _readers(base, current, proposal))
    rebased = replace(proposal, base=new_base, articles=articles)
    apply_proposal(current, rebased)  # every operation must still apply
    return rebased
