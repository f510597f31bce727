"""The change records a diff is made of: small immutable values, no behaviour.

The algorithm (`bylaws.diff.compare` and the modules it uses) only builds them;
formatters only read them, with `match` over the record types so a type checker
sees every case handled.
"""

from __future__ import annotations

from dataclasses import field, replace
from typing import Literal

from bylaws.diff.words import WordOp
from bylaws.model import Document
from bylaws.values import Value, value_class

__all__ = [
    "ARTICLE_KINDS",
    "ArticleChange",
    "ArticleKind",
    "Change",
    "DocumentDiff",
    "HeadingChanged",
    "OutlineChanged",
    "UnitChange",
    "UnitKind",
    "without_formal",
    "without_punctuation",
]

ArticleKind = Literal["amended", "inserted", "repealed", "moved", "renumbered"]
# The order kinds are reported in; the first one an article has is its main kind.
ARTICLE_KINDS: tuple[ArticleKind, ...] = (
    "inserted",
    "repealed",
    "amended",
    "moved",
    "renumbered",
)
UnitKind = Literal["equal", "amended", "inserted", "deleted", "moved"]


@value_class(frozen=True, slots=True, eq=False, repr=False)
class UnitChange(Value):
    """One aligned text unit of an article: a paragraph's own text or a point.

    Addresses are positions inside the article: "para-2", "para-2/point-1".
    A unit that came from (or went to) another article is `moved`, and
    `other_article` names that article. `ops` rebuild both sides exactly:
    `old_text(ops) == old_text_of_unit`, `new_text(ops) == new_text_of_unit`.

    Attributes:
        kind: equal, amended, inserted, deleted or moved.
        old_address: where the unit was in the old article (None if inserted).
        new_address: where it is in the new article (None if deleted).
        ops: the word diff of its rendered text (references shown as numbers).
        formal: whether every change in `ops` is formal.
        other_article: for a move between articles, the article on the other side.
        old_label: the unit's designation as the old text shows it, "(2)" or "(أ)".
        new_label: the same in the new text.
    """

    kind: UnitKind
    old_address: str | None
    new_address: str | None
    ops: tuple[WordOp, ...]
    formal: bool = False
    other_article: str | None = None
    old_label: str = ""
    new_label: str = ""

    @property
    def changed(self) -> bool:
        return self.kind != "equal"


@value_class(frozen=True, slots=True, eq=False, repr=False)
class ArticleChange(Value):
    """What happened to one article; it can be several kinds at once.

    `article` is the article's id in the new text (the old id for a repeal).
    Numbers are plain ASCII ("12", "12-bis"); labels are as readers see them
    («المادة الثانية عشرة»). `units` hold every aligned unit, unchanged ones
    included, so that a formatter can show context; an article with no kind
    (only when a diff is built with context) has `kinds` empty. `formal` says
    that its amendment, if any, is only formal (it may still be renumbered or
    moved).
    """

    kinds: frozenset[ArticleKind]
    article: str
    old_id: str | None
    new_id: str | None
    old_number: str | None
    new_number: str | None
    old_label: str | None
    new_label: str | None
    old_division: str | None = None
    new_division: str | None = None
    heading: tuple[WordOp, ...] | None = None
    units: tuple[UnitChange, ...] = ()
    formal: bool = False

    @property
    def kind(self) -> ArticleKind | None:
        """The main kind: inserted, repealed, amended, moved, then renumbered."""
        return next((k for k in ARTICLE_KINDS if k in self.kinds), None)

    @property
    def changed_units(self) -> tuple[UnitChange, ...]:
        return tuple(u for u in self.units if u.changed)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class HeadingChanged(Value):
    """A part, chapter or section got a new heading."""

    division: str
    label: str
    ops: tuple[WordOp, ...]
    formal: bool = False


OutlineAction = Literal["added", "removed", "moved"]


@value_class(frozen=True, slots=True, eq=False, repr=False)
class OutlineChanged(Value):
    """A part, chapter or section was added, removed or moved in the outline."""

    action: OutlineAction
    division: str
    old_label: str | None
    new_label: str | None
    heading: str


Change = ArticleChange | HeadingChanged | OutlineChanged


@value_class(frozen=True, slots=True, eq=False, repr=False)
class DocumentDiff(Value):
    """The whole comparison of two texts.

    Attributes:
        old: how the old operand is named ("drafts/x", "HEAD~1:drafts/x").
        new: the same for the new operand.
        lang: the language of the text (the new side's), for labels and direction.
        rtl: whether that language is written right to left.
        changes: article records in the new text's reading order (repealed ones
            where they stood), then division records.
        context: only when asked for: every article of the text in reading
            order, changed ones (the same records as in `changes`) and unchanged
            ones (records with no kind), so formatters can show the whole text.
    """

    old: str
    new: str
    lang: str
    rtl: bool
    changes: tuple[Change, ...]
    context: tuple[ArticleChange, ...] = ()
    # Set by `without_formal`: outputs then show a renumbered unit's new
    # designation only, as they show a formal word change's new spelling only.
    formal_hidden: bool = False
    # The two texts compared, for outputs that must word the change itself
    # (the amendment instrument); not part of what the diff says.
    old_document: Document | None = field(default=None, compare=False, repr=False)
    new_document: Document | None = field(default=None, compare=False, repr=False)

    @property
    def articles(self) -> tuple[ArticleChange, ...]:
        return tuple(c for c in self.changes if isinstance(c, ArticleChange))

    @property
    def summary(self) -> dict[str, int]:
        """How many articles have each kind (an article may count in several)."""
        counts = dict.fromkeys(
            ("amended", "inserted", "repealed", "moved", "renumbered"), 0
        )
        for change in self.articles:
            for kind in change.kinds:
                counts[kind] += 1
        return counts

    @property
    def is_empty(self) -> bool:
        return not self.changes


def _quiet_ops(ops: tuple[WordOp, ...], punctuation: bool) -> tuple[WordOp, ...]:
    """Formal (or punctuation) changes read as their new text, unchanged."""
    return tuple(
        WordOp("equal", op.new, op.new)
        if op.kind != "equal" and (op.punctuation if punctuation else op.formal)
        else op
        for op in ops
    )


def _quiet_unit(unit: UnitChange, punctuation: bool = False) -> UnitChange:
    ops = _quiet_ops(unit.ops, punctuation)
    if unit.kind == "amended" and all(op.kind == "equal" for op in ops):
        return replace(unit, kind="equal", ops=ops, formal=False)
    return replace(unit, ops=ops)


def _quiet_article(
    change: ArticleChange, punctuation: bool = False
) -> ArticleChange | None:
    units = tuple(_quiet_unit(u, punctuation) for u in change.units)
    heading = change.heading
    heading_changed = False
    if heading is not None:
        heading = _quiet_ops(heading, punctuation)
        heading_changed = any(op.kind != "equal" for op in heading)
    kinds = set(change.kinds)
    if "amended" in kinds and not heading_changed and not any(u.changed for u in units):
        kinds.discard("amended")
    if not kinds:
        return None
    return replace(
        change,
        kinds=frozenset(kinds),
        units=units,
        heading=heading if heading_changed else None,
        formal=change.formal if punctuation else False,
    )


def _quiet(diff: DocumentDiff, punctuation: bool) -> DocumentDiff:
    changes: list[Change] = []
    for change in diff.changes:
        match change:
            case ArticleChange():
                quiet = _quiet_article(change, punctuation)
                if quiet is not None:
                    changes.append(quiet)
            case HeadingChanged():
                ops = _quiet_ops(change.ops, punctuation)
                if any(op.kind != "equal" for op in ops):
                    changes.append(replace(change, ops=ops))
            case OutlineChanged():
                changes.append(change)
    context = tuple(
        _quiet_article(c, punctuation)
        or replace(
            c,
            kinds=frozenset(),
            heading=None,
            formal=False,
            units=tuple(_quiet_unit(u, punctuation) for u in c.units),
        )
        for c in diff.context
    )
    return replace(diff, changes=tuple(changes), context=context)


def without_formal(diff: DocumentDiff) -> DocumentDiff:
    """The same diff with formal changes hidden (`--ignore-formal`).

    A formal word change reads as its new spelling; an article amended only
    formally, and a heading changed only formally, disappear; a renumbered
    unit shows its new designation only.
    """
    return replace(_quiet(diff, punctuation=False), formal_hidden=True)


def without_punctuation(diff: DocumentDiff) -> DocumentDiff:
    """The same diff with changes of punctuation only hidden (`--ignore-punctuation`).

    Such a change reads as its new text; an article whose only change was
    punctuation disappears.
    """
    return _quiet(diff, punctuation=True)
