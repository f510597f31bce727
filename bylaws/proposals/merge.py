"""Three-way merge of article texts, word by word.

Two texts drafted against the same base merge when their changes touch
different words; when they touch the same words the merge fails with the
exact words of both sides, so that no proposal is silently lost. A "word" here
is what the reader sees between two spaces: a change to a full stop and a
change to the space beside it belong to one word, so they clash too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import TypeVar

from ..model import (
    Article,
    Hyperlink,
    Inline,
    P,
    Paragraph,
    Point,
    Ref,
    Text,
    plain_text,
)
from ..text import tokenize

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Clash:
    """One place where two sides changed the same words.

    `where` names the place inside the article ("para-2", "heading", "notes",
    "" for the whole article); the three texts are shown as written.
    """

    where: str
    base: str
    ours: str
    theirs: str


class MergeConflict(Exception):
    """Raised inside the merge; the caller turns it into a CollisionError."""

    def __init__(self, clashes: list[Clash]) -> None:
        super().__init__(f"{len(clashes)} clash(es)")
        self.clashes = clashes


@dataclass(frozen=True, slots=True)
class _Change:
    start: int  # base range [start, end) replaced by `items`
    end: int
    items: tuple[object, ...]


# Within `remembered_changes()`: (base, side, joins) -> that side's changes.
_REMEMBERED: ContextVar[dict[object, list[_Change]] | None] = ContextVar(
    "remembered_changes", default=None
)


@contextmanager
def remembered_changes() -> Iterator[None]:
    """Within the block, what a side changed against its base is found once.

    Comparing many proposals pairwise merges each one's text against many
    others; the matching against the base is the costly part, and the same.
    """
    token = _REMEMBERED.set({})
    try:
        yield
    finally:
        _REMEMBERED.reset(token)


def _changes(
    base: Sequence[T], side: Sequence[T], joins: Callable[[Sequence[T]], bool] | None
) -> list[_Change]:
    """Base ranges a side replaced; changes split only by a `joins` gap become one."""
    memo = _REMEMBERED.get()
    if memo is None:
        return _find_changes(base, side, joins)
    key = (tuple(base), tuple(side), joins)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _find_changes(base, side, joins)
    return found


def _find_changes(
    base: Sequence[T], side: Sequence[T], joins: Callable[[Sequence[T]], bool] | None
) -> list[_Change]:
    matcher = SequenceMatcher(None, list(base), list(side), autojunk=False)
    changes: list[_Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if changes and joins is not None and joins(base[changes[-1].end : i1]):
            last = changes[-1]
            gap = tuple(base[last.end : i1])
            changes[-1] = _Change(last.start, i2, (*last.items, *gap, *side[j1:j2]))
            continue
        changes.append(_Change(i1, i2, tuple(side[j1:j2])))
    return changes


def _overlap(a: _Change, b: _Change) -> bool:
    """Whether two changes replace some of the same base items."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two insertions at the same point
    # An insertion where the other side's replacement starts overlaps it: the
    # two may be one edit seen twice (a word inserted by one side, the same
    # word with its space by the other), which applied one after the other
    # would write the word twice.
    if a.start == a.end:
        return b.start <= a.start < b.end
    if b.start == b.end:
        return a.start <= b.start < a.end
    return a.start < b.end and b.start < a.end


Resolver = Callable[[Sequence[T], Sequence[T], Sequence[T]], list[T] | None]


def merge3(
    base: Sequence[T],
    ours: Sequence[T],
    theirs: Sequence[T],
    describe: Callable[[Sequence[T]], str],
    where: str,
    resolve: Resolver[T] | None = None,
    joins: Callable[[Sequence[T]], bool] | None = None,
    parts: Callable[[Sequence[T]], bool] | None = None,
) -> list[T]:
    """Merge two edits of a sequence; overlapping different edits clash.

    Args:
        describe: shows a run of items as text for the clash report.
        where: the place named in clashes.
        resolve: may merge two overlapping edits itself (e.g. a paragraph
            edited on both sides is merged word by word); None means it cannot.
        joins: whether a run of unchanged items between two changes of one
            side is too slight to separate them (spaces between words).
        parts: whether a run of unchanged base items between a change of one
            side and a change of the other keeps them apart (it holds a space,
            so each change stays in words of its own); None: any run does,
            and so does none at all (changes that merely touch).
    """
    if list(ours) == list(base):
        return list(theirs)
    if list(theirs) == list(base) or list(ours) == list(theirs):
        return list(ours)
    hunks = _hunks(
        base, _changes(base, ours, joins), _changes(base, theirs, joins), parts
    )
    out: list[T] = []
    clashes: list[Clash] = []
    cursor = 0
    for hunk in hunks:
        start = min(c.start for c, _ in hunk)
        end = max(c.end for c, _ in hunk)
        out.extend(base[cursor:start])
        cursor = max(cursor, end)
        merged = _merge_hunk(base, start, end, hunk, resolve)
        if isinstance(merged, tuple):
            shown = [describe(run) for run in merged]
            if not all(any(ch.isalnum() for ch in text) for text in shown):
                before, after = _word_around(base, start, end, parts)
                shown = [describe([*before, *run, *after]) for run in merged]
            clashes.append(Clash(where, *shown))
        else:
            out.extend(merged)
    out.extend(base[cursor:])
    if clashes:
        raise MergeConflict(clashes)
    return out


def _word_around(
    base: Sequence[T], start: int, end: int, parts: Callable[[Sequence[T]], bool] | None
) -> tuple[Sequence[T], Sequence[T]]:
    """The unchanged rest of the words a clash falls in: a clash over a full
    stop or a space alone shows nothing to read without the words around it."""
    if parts is None:
        return (), ()
    left, right = start, end
    while left > 0 and not parts(base[left - 1 : left]):
        left -= 1
    while right < len(base) and not parts(base[right : right + 1]):
        right += 1
    return base[left:start], base[end:right]


_Hunk = list[tuple[_Change, int]]  # changes that overlap, each with its side (0, 1)


def _hunks(
    base: Sequence[T],
    mine: list[_Change],
    other: list[_Change],
    parts: Callable[[Sequence[T]], bool] | None,
) -> list[_Hunk]:
    """Both sides' changes in base order, those that meet (transitively) grouped.

    Changes of the two sides meet when they overlap, or when `parts` says the
    base items between them do not keep them apart. Sorted by start, a change
    that meets an earlier one also meets the last group: checking it suffices.
    """
    tagged = sorted(
        [(c, 0) for c in mine] + [(c, 1) for c in other],
        key=lambda ct: (ct[0].start, ct[0].end != ct[0].start, ct[1]),
    )

    def meet(a: _Change, a_side: int, b: _Change, b_side: int) -> bool:
        if _overlap(a, b):
            return True
        if parts is None or a_side == b_side:
            return False
        first, second = (a, b) if a.start <= b.start else (b, a)
        return not parts(base[first.end : second.start])

    hunks: list[_Hunk] = []
    for change, side in tagged:
        if hunks and any(meet(change, side, c, s) for c, s in hunks[-1]):
            hunks[-1].append((change, side))
        else:
            hunks.append([(change, side)])
    return hunks


def _merge_hunk(
    base: Sequence[T],
    start: int,
    end: int,
    hunk: _Hunk,
    resolve: Resolver[T] | None,
) -> list[T] | tuple[Sequence[T], list[T], list[T]]:
    """What replaces base[start:end]; or, when the sides clash, the three runs."""
    if len({side for _, side in hunk}) == 1:
        return [item for change, _ in hunk for item in change.items]  # type: ignore[misc]
    ours_run = _rebuild(base, start, end, [c for c, s in hunk if s == 0])
    theirs_run = _rebuild(base, start, end, [c for c, s in hunk if s == 1])
    if ours_run == theirs_run:
        return ours_run
    merged = resolve(base[start:end], ours_run, theirs_run) if resolve else None
    if merged is None:
        return base[start:end], ours_run, theirs_run
    return merged


def _rebuild(
    base: Sequence[T], start: int, end: int, changes: list[_Change]
) -> list[T]:
    out: list[T] = []
    cursor = start
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        out.extend(base[cursor : change.start])
        out.extend(change.items)  # type: ignore[arg-type]
        cursor = max(cursor, change.end)
    out.extend(base[cursor:end])
    return out


# --- runs as tokens -----------------------------------------------------------

Token = str | Ref | Hyperlink


def run_tokens(runs: Sequence[Inline]) -> list[Token]:
    """Inline runs as tokens: words, spaces and punctuation, each ref whole."""
    tokens: list[Token] = []
    for run in runs:
        if isinstance(run, Text):
            tokens.extend(tokenize(run.value))
        elif isinstance(run, Hyperlink):
            tokens.append(run)
        else:
            tokens.append(Ref(run.to, run.form, words=run.words))
    return tokens


def tokens_runs(tokens: Sequence[Token]) -> tuple[Inline, ...]:
    """Tokens back into runs (adjacent text joined)."""
    runs: list[Inline] = []
    for tok in tokens:
        if isinstance(tok, Ref | Hyperlink):
            runs.append(tok)
        elif runs and isinstance(runs[-1], Text):
            runs[-1] = Text(runs[-1].value + tok)
        elif tok:
            runs.append(Text(tok))
    return tuple(runs)


def _slight(gap: Sequence[Token]) -> bool:
    """Spaces, or one short word between two changes, do not separate them."""
    words = [t for t in gap if not (isinstance(t, str) and t.isspace())]
    return len(words) <= 1 and all(isinstance(t, str) and len(t) <= 4 for t in words)


def _spaced(gap: Sequence[Token]) -> bool:
    """A space between two changes keeps them in different words."""
    return any(isinstance(t, str) and t.isspace() for t in gap)


def show_tokens(tokens: Sequence[Token]) -> str:
    return plain_text(tokens_runs(tokens))


# --- articles -------------------------------------------------------------------


def merge_runs(
    base: tuple[Inline, ...],
    ours: tuple[Inline, ...],
    theirs: tuple[Inline, ...],
    where: str,
) -> tuple[Inline, ...]:
    merged = merge3(
        run_tokens(base),
        run_tokens(ours),
        run_tokens(theirs),
        show_tokens,
        where,
        joins=_slight,
        parts=_spaced,
    )
    return tokens_runs(merged)


Item = P | Point


def _show_items(items: Sequence[Item]) -> str:
    return " / ".join(_item_text(i) for i in items)


def _item_text(item: Item | Paragraph) -> str:
    if isinstance(item, P):
        return plain_text(item.runs)
    return " ".join(_item_text(i) for i in item.items)


def _merge_items(
    base: Sequence[Item], ours: Sequence[Item], theirs: Sequence[Item], where: str
) -> list[Item]:
    def resolve(
        b: Sequence[Item], o: Sequence[Item], t: Sequence[Item]
    ) -> list[Item] | None:
        if not (len(b) == len(o) == len(t) == 1):
            return None
        bb, oo, tt = b[0], o[0], t[0]
        if isinstance(bb, P) and isinstance(oo, P) and isinstance(tt, P):
            return [P(merge_runs(bb.runs, oo.runs, tt.runs, where))]
        if isinstance(bb, Point) and isinstance(oo, Point) and isinstance(tt, Point):
            return [Point(tuple(_merge_items(bb.items, oo.items, tt.items, where)))]
        return None

    return merge3(
        _strip(base), _strip(ours), _strip(theirs), _show_items, where, resolve
    )


def _strip(items: Sequence[Item]) -> list[Item]:
    """Items without source locations, so that equal texts compare equal."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, P):
            out.append(
                P(
                    tuple(
                        Ref(r.to, r.form, words=r.words) if isinstance(r, Ref) else r
                        for r in item.runs
                    )
                )
            )
        else:
            out.append(Point(tuple(_strip(item.items))))
    return out


def merge_articles(base: Article, ours: Article, theirs: Article) -> Article:
    """Merge two edits of one article, paragraph by paragraph and word by word.

    Raises:
        MergeConflict: the two sides changed the same words.
    """
    if ours == base:
        return theirs
    if theirs == base or ours == theirs:
        return ours
    clashes: list[Clash] = []
    heading = base.heading
    if ours.heading != base.heading and theirs.heading != base.heading:
        if ours.heading != theirs.heading:
            clashes.append(
                Clash(
                    "heading",
                    base.heading or "",
                    ours.heading or "",
                    theirs.heading or "",
                )
            )
        heading = ours.heading
    else:
        heading = ours.heading if ours.heading != base.heading else theirs.heading

    def resolve(
        b: Sequence[Paragraph], o: Sequence[Paragraph], t: Sequence[Paragraph]
    ) -> list[Paragraph] | None:
        # Neighbouring paragraphs edited on one side come as one run; when
        # no side added or removed one, they pair up one to one.
        if not (len(b) == len(o) == len(t)):
            return None
        merged: list[Paragraph] = []
        found: list[Clash] = []
        for bb, oo, tt in zip(b, o, t, strict=True):
            where = f"para-{_index(base.paragraphs, bb)}"
            try:
                merged.append(
                    Paragraph(tuple(_merge_items(bb.items, oo.items, tt.items, where)))
                )
            except MergeConflict as conflict:
                found.extend(conflict.clashes)
        if found:
            raise MergeConflict(found)
        return merged

    def show(paras: Sequence[Paragraph]) -> str:
        return " / ".join(_item_text(p) for p in paras)

    paragraphs: list[Paragraph] = []
    try:
        paragraphs = merge3(
            _strip_paras(base.paragraphs),
            _strip_paras(ours.paragraphs),
            _strip_paras(theirs.paragraphs),
            show,
            "",
            resolve,
        )
    except MergeConflict as conflict:
        clashes.extend(conflict.clashes)
    notes = ours.notes if ours.notes != base.notes else theirs.notes
    changed_both = ours.notes != base.notes and theirs.notes != base.notes
    if changed_both and ours.notes != theirs.notes:
        # Notes are merged whole: two new wordings of them cannot both stand.
        clashes.append(
            Clash(
                "notes",
                _notes_text(base),
                _notes_text(ours),
                _notes_text(theirs),
            )
        )
    if clashes:
        raise MergeConflict(clashes)
    return replace(base, heading=heading, paragraphs=tuple(paragraphs), notes=notes)


def _notes_text(article: Article) -> str:
    return " / ".join(plain_text(note.runs) for note in article.notes)


def _strip_paras(paras: Sequence[Paragraph]) -> list[Paragraph]:
    return [Paragraph(tuple(_strip(p.items))) for p in paras]


def _index(paragraphs: Sequence[Paragraph], target: Paragraph) -> int:
    stripped = _strip_paras(paragraphs)
    for i, para in enumerate(stripped, 1):
        if para == target:
            return i
    return 0
