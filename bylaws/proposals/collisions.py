"""Which proposals collide, can be merged, or duplicate each other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..errors import BylawsError
from ..model import (
    Document,
    P,
    Point,
    Proposal,
    iter_divisions,
    iter_entries,
    plain_text,
)
from ..overlay import apply_proposal, touched_articles
from ..text import normalize_word, tokenize
from .consolidate import Collision, pair_collisions, touched_places

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

    def relation(self, a: str, b: str) -> Relation | None:
        for pair in self.pairs:
            if {pair.first, pair.second} == {a, b}:
                return pair.relation
        return None


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


def find_collisions(doc: Document, proposals: list[Proposal]) -> CollisionReport:
    """Every pair of proposals compared; proposals that fail alone are listed apart."""
    usable: list[Proposal] = []
    errors: list[str] = []
    for proposal in proposals:
        try:
            apply_proposal(doc, proposal)
        except BylawsError as exc:
            errors.append(str(exc))
            continue
        usable.append(proposal)
    pairs = [
        compare_pair(doc, a, b) for i, a in enumerate(usable) for b in usable[i + 1 :]
    ]
    return CollisionReport(tuple(p.id for p in usable), tuple(pairs), tuple(errors))
