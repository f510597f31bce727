"""Consolidation: several proposals against one base, applied in order.

Each proposal is applied to the base on its own; its effect is then carried
onto the text consolidated so far. Articles amended by two proposals are
merged word by word (base vs the text so far vs the proposal); changes to the
same words stop the run with a `CollisionError` naming every clashing word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from ..locale import SOURCE_LANGUAGE, _, tr
from ..model import (
    Amend,
    AmendHeading,
    Article,
    Document,
    Insert,
    Move,
    Operation,
    Proposal,
    Repeal,
    iter_divisions,
)
from ..overlay import ArticleOverlay, apply_operation, apply_proposal
from ..render import Reader
from .collision import Collision, collision_error
from .merge import Clash, MergeConflict, merge_articles


def _clash_to_collision(
    article: str, clash: Clash, first: str, second: str
) -> Collision:
    return Collision(
        article, clash.where, clash.base, first, second, clash.ours, clash.theirs
    )


def _place_key(op: Insert | Move) -> tuple[str, str]:
    return (op.position.relation, op.position.anchor)


@dataclass
class Consolidation:
    """The text consolidated so far and who changed what in it."""

    doc: Document
    amended_by: dict[str, str]  # article id -> first proposal that changed its text
    placed_by: dict[tuple[str, str], str]  # (relation, anchor) -> proposal
    moved_by: dict[str, str]
    repealed_by: dict[str, str]
    headings_by: dict[str, str]

    def copy(self) -> Consolidation:
        return Consolidation(
            self.doc,
            dict(self.amended_by),
            dict(self.placed_by),
            dict(self.moved_by),
            dict(self.repealed_by),
            dict(self.headings_by),
        )


def _anchored_by(state: Consolidation, ref: str, name: str) -> str | None:
    """Another proposal that places an article next to `ref`."""
    for (_relation, anchor), other in state.placed_by.items():
        if anchor == ref and other != name:
            return other
    return None


def _other(table: dict[str, str], ref: str, name: str) -> str | None:
    other = table.get(ref)
    return other if other is not None and other != name else None


# Who else already changed an article, each asked as (state, ref, name).
_Finder = Callable[[Consolidation, str, str], str | None]


def _amender(state: Consolidation, ref: str, name: str) -> str | None:
    return _other(state.amended_by, ref, name)


def _mover(state: Consolidation, ref: str, name: str) -> str | None:
    return _other(state.moved_by, ref, name)


def _repealer(state: Consolidation, ref: str, name: str) -> str | None:
    return _other(state.repealed_by, ref, name)


def _new_heading_giver(state: Consolidation, ref: str, name: str) -> str | None:
    return _other(state.headings_by, ref, name)


# What another proposal may not have done to an article this one repeals,
# with the words that say what it did; the first found is the collision.
_REPEAL_CLASHES: tuple[tuple[_Finder, str], ...] = (
    (_amender, _("amends it")),
    (_mover, _("moves it")),
    (_anchored_by, _("places an article next to it")),
    (_new_heading_giver, _("gives it a new heading")),
)
# ... to the article an insertion or a move is placed next to ({anchor}).
_ANCHOR_CLASHES: tuple[tuple[_Finder, str], ...] = (
    (_repealer, _("repeals {anchor}")),
    (_mover, _("moves {anchor}")),
)
# ... to an article this one moves, with what this one does in reply.
_MOVE_CLASHES: tuple[tuple[_Finder, str, str], ...] = (
    (_mover, _("moves it"), _("moves it too")),
    (_repealer, _("repeals it"), _("moves it")),
    (_anchored_by, _("places an article next to it"), _("moves it")),
)


def _clash(
    ref: str, other: str, theirs: str, name: str, ours: str, **fields: str
) -> list[Collision]:
    """A clash of places: `theirs` and `ours` are msgids that say what each did,
    with `fields` (the article, the anchor, the relation) to fill them."""
    actions = ((theirs, fields), (ours, fields))
    theirs_said, ours_said = (tr(m, SOURCE_LANGUAGE, **fields) for m in (theirs, ours))
    return [Collision(ref, "", "", other, name, theirs_said, ours_said, actions)]


def _repeal_clashes(
    state: Consolidation, name: str, op: Repeal
) -> list[Collision] | None:
    """The collisions of a repeal: [] when it is one already made, None when none."""
    ref = op.article
    if ref in state.repealed_by:
        return []  # the same change twice: nothing is lost
    for find, theirs in _REPEAL_CLASHES:
        if other := find(state, ref, name):
            return _clash(ref, other, theirs, name, _("repeals it"))
    state.repealed_by[ref] = name
    return None


def _move_clashes(state: Consolidation, name: str, op: Move) -> list[Collision] | None:
    ref = op.article
    for find, theirs, ours in _MOVE_CLASHES:
        if other := find(state, ref, name):
            return _clash(ref, other, theirs, name, ours)
    state.moved_by[ref] = name
    return None


def _placement_clashes(
    state: Consolidation, name: str, op: Insert | Move
) -> list[Collision] | None:
    """The collisions of putting an article at a place, None when none."""
    key = _place_key(op)
    anchor = op.position.anchor
    fields = {"article": op.article, "relation": key[0], "anchor": anchor}
    if (other := state.placed_by.get(key)) is not None:
        theirs = _("places an article {relation} {anchor}")
        ours = _("places {article} at the same place")
        return _clash(op.article, other, theirs, name, ours, **fields)
    for find, theirs in _ANCHOR_CLASHES:
        if other := find(state, anchor, name):
            ours = _("places {article} next to it")
            return _clash(op.article, other, theirs, name, ours, **fields)
    if isinstance(op, Move) and (found := _move_clashes(state, name, op)) is not None:
        return found
    state.placed_by[key] = name
    return None


def _heading_clashes(
    state: Consolidation, base: Document, name: str, op: AmendHeading
) -> list[Collision] | None:
    """The collisions of a new heading: [] when it is one already given."""
    target, heading = op.target, op.heading
    if other := _repealer(state, target, name):
        return _clash(target, other, _("repeals it"), name, _("gives it a new heading"))
    if target not in state.headings_by:
        state.headings_by[target] = name
        return None
    current = _heading_of(state.doc, target)
    if current == heading:
        return []
    return [
        Collision(
            target,
            "heading",
            _heading_of(base, target) or "",
            state.headings_by[target],
            name,
            current or "",
            heading,
        )
    ]


def _structural_clashes(
    state: Consolidation, base: Document, name: str, op: Operation
) -> list[Collision] | None:
    """What one operation meets in the text so far; None: it is carried over."""
    match op:
        case Repeal():
            return _repeal_clashes(state, name, op)
        case Insert() | Move():
            return _placement_clashes(state, name, op)
        case AmendHeading():
            return _heading_clashes(state, base, name, op)
        case Amend():
            return []  # merged word by word with the other amendments
    return None


def _structural(
    state: Consolidation, base: Document, proposal: Proposal, op: Operation
) -> list[Collision]:
    """Carry one operation onto the consolidated text; collisions instead of errors.

    Structural changes of two proposals must not depend on the order they are
    applied in: an article repealed or moved by one cannot be amended, moved
    or used as a place by the other.
    """
    collisions = _structural_clashes(state, base, proposal.id, op)
    if collisions is not None:
        return collisions
    state.doc = apply_operation(state.doc, proposal, op)
    return []


def _heading_of(doc: Document, target: str) -> str | None:
    if target in doc.articles:
        return doc.articles[target].heading
    for division in iter_divisions(doc.outline):
        if division.id == target:
            return division.heading
    return None


def _amended(proposal: Proposal) -> list[str]:
    return [op.article for op in proposal.operations if isinstance(op, Amend)]


def _carry(
    state: Consolidation,
    base: Document,
    proposal: Proposal,
    proposed: Document | None = None,
) -> list[Collision]:
    """Carry one proposal onto the consolidated text; the collisions it meets.

    `proposed` is the proposal applied to `base`, when the caller has it.
    """
    if proposed is None:
        proposed = apply_proposal(base, proposal)  # errors name the operation
    collisions: list[Collision] = []
    for op in proposal.operations:
        collisions.extend(_structural(state, base, proposal, op))
    # Only the merged articles are new: the rest stays shared, not copied.
    merged: dict[str, Article] = {}
    for ref in _amended(proposal):
        if ref in state.repealed_by:
            collisions.extend(
                _clash(
                    ref,
                    state.repealed_by[ref],
                    _("repeals it"),
                    proposal.id,
                    _("amends it"),
                )
            )
            continue
        try:
            current = merged.get(ref) or state.doc.articles[ref]
            merged[ref] = merge_articles(
                base.articles[ref], current, proposed.articles[ref]
            )
        except MergeConflict as conflict:
            first = state.amended_by.get(ref, "the text in force")
            collisions.extend(
                _clash_to_collision(ref, c, first, proposal.id)
                for c in conflict.clashes
            )
            continue
        state.amended_by.setdefault(ref, proposal.id)
    if merged:
        articles = ArticleOverlay(state.doc.articles, dict.fromkeys(merged, merged))
        state.doc = replace(state.doc, articles=articles)
    return collisions


def _base_for(
    doc: Document, proposal: Proposal, bases: Mapping[str, Mapping[str, Article]]
) -> Document:
    """The text a proposal was drafted against: the text in force with the
    articles that changed since put back as they were."""
    own = bases.get(proposal.id)
    if not own:
        return doc
    return replace(doc, articles={**doc.articles, **own})


def consolidate(
    doc: Document,
    proposals: list[Proposal],
    bases: Mapping[str, Mapping[str, Article]] | None = None,
) -> Document:
    """The base with every proposal applied in order, merged word by word.

    Args:
        bases: proposal id -> article id -> the text that proposal was drafted
            against, where it differs from `doc`; each amendment is merged
            three ways against its own base, so a change adopted since is kept.

    Raises:
        CollisionError: two proposals change the same words (or the same
            article in incompatible ways); the message lists every clash.
        InvalidOperation: an operation cannot be applied (unknown article…).
    """
    state = Consolidation(doc, {}, {}, {}, {}, {})
    for proposal in proposals:
        base = _base_for(doc, proposal, bases or {})
        collisions = _carry(state, base, proposal)
        if collisions:
            proposed = apply_proposal(base, proposal)
            readers = (Reader(base), Reader(state.doc), Reader(proposed))
            raise collision_error(collisions, proposal, readers)
    return state.doc


def pair_collisions(
    doc: Document,
    first: Proposal,
    second: Proposal,
    proposed: tuple[Document, Document] | None = None,
) -> list[Collision]:
    """Every clash between two proposals when `second` is carried after `first`.

    `proposed` holds both proposals applied to `doc`, when the caller has them.
    """
    first_doc, second_doc = proposed if proposed is not None else (None, None)
    state = carried_alone(doc, first, first_doc)
    if state is None:
        return []  # `first` cannot even stand alone; its own errors come elsewhere
    return collisions_after(state, doc, second, second_doc)


def carried_alone(
    doc: Document, proposal: Proposal, proposed: Document | None = None
) -> Consolidation | None:
    """The consolidation of one proposal alone; None when it clashes with itself."""
    state = Consolidation(doc, {}, {}, {}, {}, {})
    return None if _carry(state, doc, proposal, proposed) else state


def collisions_after(
    state: Consolidation,
    doc: Document,
    proposal: Proposal,
    proposed: Document | None = None,
) -> list[Collision]:
    """The clashes of carrying `proposal` onto `state`, which stays as it was."""
    return _carry(state.copy(), doc, proposal, proposed)


def touched_places(
    doc: Document, proposal: Proposal, proposed: Document | None = None
) -> dict[str, set[str]]:
    """Article id -> the paragraphs ("para-2") or "" (the whole article) it changes.

    `proposed` is the proposal applied to `doc`, when the caller has it.
    """
    if proposed is None:
        proposed = apply_proposal(doc, proposal)
    places: dict[str, set[str]] = {}
    for op in proposal.operations:
        match op:
            case Amend(article=ref):
                old, new = doc.articles[ref], proposed.articles.get(ref)
                paras: set[str] = set()
                if new is None or len(old.paragraphs) != len(new.paragraphs):
                    paras.add("")
                else:
                    for i, (a, b) in enumerate(
                        zip(old.paragraphs, new.paragraphs, strict=True), 1
                    ):
                        if a != b:
                            paras.add(f"para-{i}")
                    if old.heading != new.heading:
                        paras.add("heading")
                places.setdefault(ref, set()).update(paras)
            case Insert(article=ref, position=pos) | Move(article=ref, position=pos):
                places.setdefault(ref, set()).add("")
                places.setdefault(f"@{pos.relation}:{pos.anchor}", set()).add("")
            case Repeal(article=ref):
                places.setdefault(ref, set()).add("")
            case AmendHeading(target=target):
                places.setdefault(target, set()).add("heading")
    return places


__all__ = [
    "Collision",
    "collision_error",
    "consolidate",
    "pair_collisions",
    "touched_places",
]
