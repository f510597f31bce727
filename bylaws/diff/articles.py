"""Comparing articles: what happened to each pair of old and new articles.

What an article change says is decided by a table of named rules
(`_ARTICLE_RULES`), each looking at one question (was it inserted? renumbered?
are its words different?), so a new kind of change is one more rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bylaws.diff.changes import ArticleChange, ArticleKind, UnitChange
from bylaws.diff.sides import FingerprintedArticles, Side
from bylaws.diff.structure import MOVE_THRESHOLD, Pair, best_matches, moved
from bylaws.diff.units import unit_changes, whole_units
from bylaws.diff.words import WordOp, diff_words, is_formal
from bylaws.model import Document, iter_entries
from bylaws.text import loose_key, strip_for_search

__all__ = [
    "FingerprintedArticles",
    "Sides",
    "article_change",
    "cross_article_moves",
    "live_ids",
    "moved_in_place",
    "same_text",
]

# A paragraph moved to another article must be nearly the same text.
CROSS_MOVE_THRESHOLD = 0.75


# --- unchanged articles, told cheaply ------------------------------------------


def live_ids(doc: Document) -> list[str]:
    """Ids of the articles in force, in reading order (repealed entries left out)."""
    return [e.ref for e in iter_entries(doc.outline) if not e.repealed]


def same_text(old: Document, new: Document, old_id: str, new_id: str) -> bool:
    """Whether an article's text is unchanged, as cheaply as can be told."""
    old_map, new_map = old.articles, new.articles
    if isinstance(old_map, FingerprintedArticles) and isinstance(
        new_map, FingerprintedArticles
    ):
        a, b = old_map.fingerprint(old_id), new_map.fingerprint(new_id)
        if a is not None and a == b and old_id == new_id:
            return True
    a_art, b_art = old_map.get(old_id), new_map.get(new_id)
    if a_art is b_art:
        return True
    if a_art is None or b_art is None:
        return False
    # Ids differ when pairing by content; compare everything else.
    return replace(a_art, id=new_id) == b_art if old_id != new_id else a_art == b_art


# --- one article's change, by rules --------------------------------------------


class Sides:
    """The two sides of a diff, and whether articles were paired by content.

    A plain class: a dataclass costs every start-up the compiling of its
    methods, and nothing compares or copies these.
    """

    __slots__ = ("by_content", "new", "old")

    def __init__(self, old: Side, new: Side, by_content: bool) -> None:
        self.old, self.new, self.by_content = old, new, by_content


def _division_key(ctx: Sides, side: Side, article_id: str) -> str | None:
    division = side.division_of.get(article_id)
    if division is None:
        return None
    return loose_key(division.heading) if ctx.by_content else division.id


class _Pairing:
    """An old and a new article paired by the alignment (either may be None).

    One is made for every article of both texts: a plain class, cheaper to
    make than a dataclass.
    """

    __slots__ = ("_same", "both", "context", "ctx", "is_moved", "new_id", "old_id")

    def __init__(
        self,
        ctx: Sides,
        old_id: str | None,
        new_id: str | None,
        is_moved: bool,
        context: bool,
    ) -> None:
        self.ctx, self.old_id, self.new_id = ctx, old_id, new_id
        self.is_moved, self.context = is_moved, context
        # Both ids, when the article exists on both sides.
        self.both = (
            (old_id, new_id) if old_id is not None and new_id is not None else None
        )
        self._same: bool | None = None

    @property
    def same_words(self) -> bool:
        """Whether an article on both sides kept its text (cheap where it can be)."""
        if self._same is None:
            assert self.both is not None
            old_id, new_id = self.both
            self._same = same_text(self.ctx.old.doc, self.ctx.new.doc, old_id, new_id)
        return self._same


class _Findings:
    """What the rules have found so far about one pairing."""

    __slots__ = ("heading", "kinds", "units")

    def __init__(self) -> None:
        self.kinds: set[ArticleKind] = set()
        self.heading: tuple[WordOp, ...] | None = None
        self.units: tuple[UnitChange, ...] = ()


def _inserted(p: _Pairing, found: _Findings) -> None:
    """Only on the new side: every unit inserted, the heading too."""
    if p.old_id is None and p.new_id is not None:
        found.kinds.add("inserted")
        heading = p.ctx.new.article(p.new_id).heading
        found.heading = diff_words("", heading) if heading else None
        found.units = whole_units(p.ctx.new.units(p.new_id), "inserted")


def _repealed(p: _Pairing, found: _Findings) -> None:
    """Only on the old side: every unit deleted."""
    if p.new_id is None and p.old_id is not None:
        found.kinds.add("repealed")
        found.units = whole_units(p.ctx.old.units(p.old_id), "deleted")


def _renumbered(p: _Pairing, found: _Findings) -> None:
    """On both sides under different numbers."""
    if p.both is not None and p.ctx.old.number(p.old_id) != p.ctx.new.number(p.new_id):
        found.kinds.add("renumbered")


def _moved(p: _Pairing, found: _Findings) -> None:
    """Out of order in its division, or now in another division."""
    if p.both is None:
        return
    old_id, new_id = p.both
    ctx = p.ctx
    if p.is_moved or _division_key(ctx, ctx.old, old_id) != _division_key(
        ctx, ctx.new, new_id
    ):
        found.kinds.add("moved")


def _amended(p: _Pairing, found: _Findings) -> None:
    """Other words in its heading or its units (formal changes included)."""
    if p.both is None or p.same_words:
        return
    old_id, new_id = p.both
    old, new = p.ctx.old, p.ctx.new
    a, b = old.article(old_id), new.article(new_id)
    heading = (
        diff_words(a.heading or "", b.heading or "") if a.heading != b.heading else None
    )
    found.units = unit_changes(old.units(old_id), new.units(new_id))
    if heading is not None or any(u.changed for u in found.units):
        found.kinds.add("amended")
        found.heading = heading


def _unchanged_in_context(p: _Pairing, found: _Findings) -> None:
    """Same words on both sides, shown for --context: references may still
    read otherwise."""
    if p.both is not None and p.same_words and p.context:
        old_id, new_id = p.both
        found.units = unit_changes(p.ctx.old.units(old_id), p.ctx.new.units(new_id))


_ARTICLE_RULES: tuple[Callable[[_Pairing, _Findings], None], ...] = (
    _inserted,
    _repealed,
    _renumbered,
    _moved,
    _amended,
    _unchanged_in_context,
)
# The rules that can find something about an article whose words are the same.
_PLACE_RULES = (_renumbered, _moved)


def _only_formal(found: _Findings) -> bool:
    """An amendment whose every changed word is formal (and nothing else happened)."""
    if "amended" not in found.kinds or found.kinds & {"inserted", "repealed"}:
        return False
    if found.heading is not None and not is_formal(found.heading):
        return False
    return all(u.kind == "amended" and u.formal for u in found.units if u.changed)


_KIND_SETS: dict[frozenset[ArticleKind], frozenset[ArticleKind]] = {}


def article_change(
    ctx: Sides, old_id: str | None, new_id: str | None, is_moved: bool, context: bool
) -> ArticleChange | None:
    """What happened to one pair of articles; None when nothing did (and no
    context is asked for)."""
    pairing = _Pairing(ctx, old_id, new_id, is_moved, context)
    found = _Findings()
    # Most articles of a big text keep their words: of the rules, only those
    # about their place can find anything.
    kept = not context and pairing.both is not None and pairing.same_words
    for rule in _PLACE_RULES if kept else _ARTICLE_RULES:
        rule(pairing, found)
    if not found.kinds and not context:
        return None
    article_id = new_id if new_id is not None else old_id
    assert article_id is not None
    old, new = ctx.old, ctx.new
    kinds = frozenset(found.kinds)
    return ArticleChange(
        # Thousands of records have one of a few sets of kinds: share them.
        kinds=_KIND_SETS.setdefault(kinds, kinds),
        article=article_id,
        old_id=old_id,
        new_id=new_id,
        old_number=old.number(old_id),
        new_number=new.number(new_id),
        old_label=old.label(old_id),
        new_label=new.label(new_id),
        old_division=_division_name(old, old_id),
        new_division=_division_name(new, new_id),
        heading=found.heading,
        units=found.units,
        formal=_only_formal(found),
    )


def _division_name(side: Side, article_id: str | None) -> str | None:
    if article_id is None:
        return None
    division = side.division_of.get(article_id)
    return division.id if division is not None else None


def cross_article_moves(changes: list[ArticleChange]) -> list[ArticleChange]:
    """A paragraph deleted from one amended article and inserted in another: a move."""

    amended = [n for n, c in enumerate(changes) if "amended" in c.kinds]
    deleted: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    for n in amended:
        for k, unit in enumerate(changes[n].units):
            if unit.kind == "deleted":
                deleted.append((n, k))
            elif unit.kind == "inserted":
                inserted.append((n, k))
    if not deleted or not inserted:
        return changes

    def words(n: int, k: int, side: str) -> tuple[str, ...]:
        ops = changes[n].units[k].ops
        text = "".join(op.old if side == "old" else op.new for op in ops)
        return tuple(strip_for_search(text).split())

    old_words = [words(n, k, "old") for n, k in deleted]
    new_words = [words(n, k, "new") for n, k in inserted]
    matches = best_matches(
        range(len(deleted)),
        range(len(inserted)),
        old_words,
        new_words,
        max(CROSS_MOVE_THRESHOLD, MOVE_THRESHOLD),
    )
    units = {n: list(changes[n].units) for n in amended}
    for d, i in matches:
        (dn, dk), (inn, ik) = deleted[d], inserted[i]
        if dn == inn:
            continue
        gone, come = units[dn][dk], units[inn][ik]
        old_text = "".join(op.old for op in gone.ops)
        new_text = "".join(op.new for op in come.ops)
        ops = diff_words(old_text, new_text)
        formal = not any(op.kind != "equal" for op in ops) or is_formal(ops)
        units[dn][dk] = replace(
            gone,
            kind="moved",
            ops=ops,
            formal=formal,
            other_article=changes[inn].article,
        )
        units[inn][ik] = replace(
            come,
            kind="moved",
            ops=ops,
            formal=formal,
            other_article=changes[dn].article,
        )
    return [
        replace(c, units=tuple(units[n])) if n in units else c
        for n, c in enumerate(changes)
    ]


def moved_in_place(
    ctx: Sides,
    pairs: Sequence[Pair],
    old_ids: list[str],
    new_ids: list[str],
    moves: frozenset[str] = frozenset(),
) -> set[int]:
    """Old indices of articles out of order inside the division they stay in.

    An article that changes division is a move anyway (`article_change`);
    one whose whole chapter moved keeps its place in it and is not a move of
    its own: the chapter's move is reported once, among the divisions. Where
    the articles in `moves` explain a division's new order with no more moves
    than the longest run kept in place, they are the ones reported.
    """
    groups: dict[str | None, list[tuple[int, int]]] = {}
    for i, j in pairs:
        if i is None or j is None:
            continue
        key = _division_key(ctx, ctx.old, old_ids[i])
        if key == _division_key(ctx, ctx.new, new_ids[j]):
            groups.setdefault(key, []).append((i, j))
    found: set[int] = set()
    for group in groups.values():
        least = moved(group)
        said = {i for i, _ in group if old_ids[i] in moves}
        if least and said and len(said) <= len(least):
            rest = [(i, j) for i, j in group if i not in said]
            if not moved(rest):
                least = said
        found |= least
    return found
