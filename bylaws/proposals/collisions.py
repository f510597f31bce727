"""Which proposals collide, can be merged, or duplicate each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..errors import BylawsError
from ..model import (
    Amend,
    AmendHeading,
    Document,
    Insert,
    Move,
    P,
    Point,
    Proposal,
    iter_divisions,
    iter_entries,
    plain_text,
)
from ..overlay import apply_proposal, touched_articles
from ..text import normalize_word, tokenize
from .consolidate import (
    Collision,
    Consolidation,
    carried_alone,
    collisions_after,
    pair_collisions,
    touched_places,
)
from .merge import remembered_changes

Relation = Literal["collide", "mergeable", "none", "duplicate"]


@dataclass(frozen=True, slots=True)
class PairReport:
    """How two proposals relate; `collisions` holds the clashing words."""

    first: str
    second: str
    relation: Relation
    shared: tuple[str, ...]  # article ids both touch
    collisions: tuple[Collision, ...] = ()


@dataclass(frozen=True, slots=True)
class CollisionReport:
    proposals: tuple[str, ...]
    pairs: tuple[PairReport, ...]
    errors: tuple[str, ...] = ()  # proposals that cannot be applied at all
    # The same failures as errors, to be said in the reader's language.
    failures: tuple[BylawsError, ...] = field(default=(), repr=False, compare=False)

    _index: dict[frozenset[str], Relation] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def relation(self, a: str, b: str) -> Relation | None:
        if not self._index and self.pairs:
            for pair in self.pairs:
                self._index[frozenset((pair.first, pair.second))] = pair.relation
        return self._index.get(frozenset((a, b)))


def _normalised(text: str) -> str:
    return "".join(normalize_word(t) for t in tokenize(text) if not t.isspace())


def _article_key(doc: Document, article_id: str) -> str | None:
    article = doc.articles.get(article_id)
    if article is None:
        return None
    chunks = [article.heading or ""]
    for para in article.paragraphs:
        chunks.extend(_items_text(para.items))
    return _normalised(" ".join(chunks))


def same_text(a: Document, b: Document, ids: Iterable[str]) -> bool:
    """Whether two proposed documents read the same, formal differences folded.

    Only the articles the proposals touch can differ from the base, so only
    they are read, and the first difference ends the comparison.
    """
    live_a = [e.ref for e in iter_entries(a.outline) if not e.repealed]
    live_b = [e.ref for e in iter_entries(b.outline) if not e.repealed]
    if live_a != live_b:
        return False
    if any(_article_key(a, i) != _article_key(b, i) for i in sorted(ids)):
        return False
    headings_a = [(d.id, d.heading) for d in iter_divisions(a.outline)]
    headings_b = [(d.id, d.heading) for d in iter_divisions(b.outline)]
    return headings_a == headings_b or [(i, _normalised(h)) for i, h in headings_a] == [
        (i, _normalised(h)) for i, h in headings_b
    ]


def _items_text(items: tuple[P | Point, ...]) -> list[str]:
    texts: list[str] = []
    for item in items:
        if isinstance(item, P):
            texts.append(plain_text(item.runs))
        elif isinstance(item, Point):
            texts.extend(_items_text(item.items))
    return texts


def compare_pair(doc: Document, first: Proposal, second: Proposal) -> PairReport:
    """Collide (same words), mergeable (same article or paragraph), duplicate or none."""
    a_doc, b_doc = apply_proposal(doc, first), apply_proposal(doc, second)
    touched = {*touched_articles(first), *touched_articles(second)}
    if first.operations and second.operations and same_text(a_doc, b_doc, touched):
        return PairReport(first.id, second.id, "duplicate", ())
    places_a, places_b = touched_places(doc, first), touched_places(doc, second)
    shared = tuple(
        sorted(k for k in places_a if k in places_b and not k.startswith("@"))
    )
    same_place = any(k.startswith("@") for k in places_a if k in places_b)
    clashes = pair_collisions(doc, first, second)
    if clashes:
        return PairReport(first.id, second.id, "collide", shared, tuple(clashes))
    if shared or same_place:
        return PairReport(first.id, second.id, "mergeable", shared)
    return PairReport(first.id, second.id, "none", ())


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What the pairs of one proposal need, computed once for all its pairs."""

    proposal: Proposal
    proposed: Document
    places: dict[str, set[str]]
    # What it changes (the articles it amends, and those it inserts, repeals,
    # moves or renames) and where it places articles: two proposals can relate
    # only when they change the same article, or one places an article next
    # to one the other places, moves or repeals.
    changes: frozenset[str]
    structural: frozenset[str]
    anchors: frozenset[str]
    # Whether carrying it alone meets its own operations (two at one place):
    # it then collides with every proposal carried before it.
    clashes_alone: bool
    # Equal for two proposals exactly when `same_text` holds of them.
    reads: Hashable


class _Keys:
    """Normalised texts of the base, each computed once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.base: dict[str, str | None] = {}
        self.words: dict[str, str] = {}

    def base_key(self, article_id: str) -> str | None:
        if article_id not in self.base:
            self.base[article_id] = _article_key(self.doc, article_id)
        return self.base[article_id]

    def normalised(self, text: str) -> str:
        found = self.words.get(text)
        if found is None:
            found = self.words[text] = _normalised(text)
        return found


def _reads(keys: _Keys, proposal: Proposal, proposed: Document) -> Hashable:
    """How the proposed document reads where it can differ from the base.

    `same_text(a, b, touched)` compares the live outline, the normalised
    headings and the touched articles; an article only one proposal touches
    reads as in the base in the other. So two proposals read the same exactly
    when their outlines and headings agree and they differ from the base in
    the same articles, the same way.
    """
    if not proposal.operations:
        return None
    changed = []
    for ref in sorted(touched_articles(proposal)):
        key = _article_key(proposed, ref)
        if key != keys.base_key(ref):
            changed.append((ref, key))
    live = tuple(e.ref for e in iter_entries(proposed.outline) if not e.repealed)
    headings = tuple(
        (d.id, keys.normalised(d.heading)) for d in iter_divisions(proposed.outline)
    )
    return (tuple(changed), live, headings)


def _prepare(keys: _Keys, proposal: Proposal, proposed: Document) -> _Prepared:
    structural: set[str] = set()
    anchors: set[str] = set()
    for op in proposal.operations:
        if isinstance(op, Insert | Move):
            anchors.add(op.position.anchor)
        if not isinstance(op, Amend):
            structural.add(op.target if isinstance(op, AmendHeading) else op.article)
    return _Prepared(
        proposal,
        proposed,
        touched_places(keys.doc, proposal, proposed),
        frozenset(touched_articles(proposal)),
        frozenset(structural),
        frozenset(anchors),
        carried_alone(keys.doc, proposal, proposed) is None,
        _reads(keys, proposal, proposed),
    )


def _related(a: _Prepared, b: _Prepared) -> bool:
    """Whether the pair can relate by anything but reading the same."""
    return (
        not a.changes.isdisjoint(b.changes)
        or not a.anchors.isdisjoint(b.structural | b.anchors)
        or not b.anchors.isdisjoint(a.structural)
    )


def _compare_prepared(
    doc: Document, a: _Prepared, alone: Consolidation | None, b: _Prepared
) -> PairReport:
    """`compare_pair` on what was computed once per proposal.

    `alone` is the consolidation of the first proposal alone (None when it
    clashes with itself).
    """
    first, second = a.proposal, b.proposal
    if a.reads is not None and a.reads == b.reads:
        return PairReport(first.id, second.id, "duplicate", ())
    shared = tuple(
        sorted(k for k in a.places if k in b.places and not k.startswith("@"))
    )
    same_place = any(k.startswith("@") for k in a.places if k in b.places)
    clashes = (
        collisions_after(alone, doc, second, b.proposed) if alone is not None else []
    )
    if clashes:
        return PairReport(first.id, second.id, "collide", shared, tuple(clashes))
    if shared or same_place:
        return PairReport(first.id, second.id, "mergeable", shared)
    return PairReport(first.id, second.id, "none", ())


def find_collisions(doc: Document, proposals: list[Proposal]) -> CollisionReport:
    """Every pair of proposals compared; proposals that fail alone are listed apart.

    The result is that of `compare_pair` on every pair, but each proposal is
    applied and read once, and only pairs that name a common article, or read
    the same, are compared: the others relate by nothing.
    """
    keys = _Keys(doc)
    usable: list[_Prepared] = []
    failures: list[BylawsError] = []
    for proposal in proposals:
        try:
            proposed = apply_proposal(doc, proposal)
        except BylawsError as exc:
            failures.append(exc)
            continue
        usable.append(_prepare(keys, proposal, proposed))
    found: dict[tuple[int, int], PairReport] = {}
    alone: tuple[int, Consolidation | None] = (-1, None)
    with remembered_changes():
        for i, j in _candidates(usable):  # in order: each first carried once
            if alone[0] != i:
                a = usable[i]
                alone = (i, carried_alone(doc, a.proposal, a.proposed))
            found[i, j] = _compare_prepared(doc, usable[i], alone[1], usable[j])
    pairs = [
        found.get((i, j)) or PairReport(a.proposal.id, b.proposal.id, "none", ())
        for i, a in enumerate(usable)
        for j, b in enumerate(usable[i + 1 :], i + 1)
    ]
    ids = tuple(p.proposal.id for p in usable)
    errors = tuple(str(exc) for exc in failures)
    return CollisionReport(ids, tuple(pairs), errors, tuple(failures))


def _candidates(usable: list[_Prepared]) -> list[tuple[int, int]]:
    """The pairs (i < j) that share a name or read the same, each once, in order."""
    by_name: dict[str, list[int]] = defaultdict(list)
    by_reading: dict[Hashable, list[int]] = defaultdict(list)
    for n, prepared in enumerate(usable):
        for name in prepared.changes | prepared.anchors:
            by_name[name].append(n)
        if prepared.reads is not None:
            by_reading[prepared.reads].append(n)
    pairs: set[tuple[int, int]] = {
        (i, j) for j, b in enumerate(usable) if b.clashes_alone for i in range(j)
    }
    for group in (*by_name.values(), *by_reading.values()):
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                if (i, j) in pairs:
                    continue
                a, b = usable[i], usable[j]
                if _related(a, b) or (a.reads is not None and a.reads == b.reads):
                    pairs.add((i, j))
    return sorted(pairs)
