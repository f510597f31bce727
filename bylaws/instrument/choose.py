"""Writing, first half: which clauses turn one text into another."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..locale import _
from ..model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Position,
    iter_divisions,
    iter_entries,
)
from ..proposals.merge import Token, run_tokens, tokens_runs
from .apply import apply_to_article, flat_ps
from .clauses import (
    Clause,
    InsertArticle,
    InstrumentError,
    MoveArticle,
    RepealArticle,
    ReplaceArticle,
    ReplaceHeading,
    ReplaceParagraph,
    ReplaceWords,
)
from .runs import balanced, encode_runs, quotes_of

_MAX_WORD_CLAUSES = 3
_PARAGRAPH_SHARE = 0.5


def _shape(items: Sequence[P | Point]) -> tuple[object, ...]:
    return tuple("p" if isinstance(i, P) else _shape(i.items) for i in items)


def _is_space_token(tok: Token) -> bool:
    return isinstance(tok, str) and tok.isspace()


def _is_word(tok: Token) -> bool:
    return not isinstance(tok, str) or any(ch.isalnum() for ch in tok)


def _count(haystack: Sequence[Token], needle: Sequence[Token]) -> int:
    n = len(needle)
    return sum(
        1
        for i in range(len(haystack) - n + 1)
        if list(haystack[i : i + n]) == list(needle)
    )


Hunk = tuple[int, int, list[Token]]


def _hunks(ta: list[Token], tb: list[Token]) -> list[Hunk]:
    """Where two token lists differ, as (start, end, replacement) in `ta`."""
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    hunks = [
        (i1, i2, tb[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
    return _join_hunks(hunks, ta, tb)


def _quotable_window(
    current: list[list[Token]], index: int, start: int, end: int
) -> bool:
    """Whether tokens start:end of P `index` can be quoted: words, no spaces at
    its edges, and found exactly once in the whole paragraph."""
    cur = current[index]
    window = cur[start:end]
    others = sum(_count(t, window) for k, t in enumerate(current) if k != index)
    return (
        end > start
        and any(_is_word(t) for t in window)
        and not _is_space_token(cur[start])
        and not _is_space_token(cur[end - 1])
        and _count(cur, window) == 1
        and others == 0
    )


def _quotes_balance(
    cur: list[Token],
    start: int,
    end: int,
    consumed: list[Hunk],
    quotes: tuple[str, str],
) -> bool:
    """Whether both quotations (old and new words) hold whole pairs of quote marks."""
    old_runs = tokens_runs(cur[start:end])
    new_runs = tokens_runs(_apply_hunks(cur, start, end, consumed))
    return balanced(encode_runs(old_runs, None), quotes) and balanced(
        encode_runs(new_runs, None), quotes
    )


def _take_overlapped(hunks: list[Hunk], start: int, consumed: list[Hunk]) -> int:
    """Move the hunks the widened window now reaches into `consumed`; the new start."""
    while hunks and (
        start < hunks[-1][1] or (start <= hunks[-1][1] and hunks[-1][0] == hunks[-1][1])
    ):
        h = hunks.pop()
        consumed.append(h)
        start = min(start, h[0])
    return start


def _widen(
    current: list[list[Token]],
    index: int,
    hunks: list[Hunk],
    quotes: tuple[str, str],
) -> tuple[int, int, list[Hunk]] | None:
    """The window around the last hunk that can be quoted, growing right then
    left in turn; None when even the whole P cannot."""
    i1, i2, repl = hunks.pop()
    start, end = i1, i2
    consumed = [(i1, i2, repl)]
    cur = current[index]
    grow_right = True
    while not (
        _quotable_window(current, index, start, end)
        and _quotes_balance(cur, start, end, consumed, quotes)
    ):
        if start == 0 and end == len(cur):
            return None
        if (grow_right and end < len(cur)) or start == 0:
            end += 1
        else:
            start -= 1
        grow_right = not grow_right
        start = _take_overlapped(hunks, start, consumed)
    return start, end, consumed


def _word_clauses(
    ref: str, number: int, old: Paragraph, new: Paragraph, quotes: tuple[str, str]
) -> list[ReplaceWords] | None:
    """Word replacements turning one paragraph into another, or None if unsuitable."""
    olds, news = flat_ps(old.items), flat_ps(new.items)
    current = [run_tokens(p.runs) for p in olds]
    clauses: list[ReplaceWords] = []
    changed = total = 0
    for index, (a, b) in enumerate(zip(olds, news, strict=True)):
        ta, tb = run_tokens(a.runs), run_tokens(b.runs)
        total += len(ta)
        hunks = _hunks(ta, tb) if ta != tb else []
        changed += sum(i2 - i1 for i1, i2, _ in hunks)
        while hunks:
            window = _widen(current, index, hunks, quotes)
            if window is None:
                return None
            start, end, consumed = window
            cur = current[index]
            new_window = _apply_hunks(cur, start, end, consumed)
            clauses.append(
                ReplaceWords(
                    ref, number, tokens_runs(cur[start:end]), tokens_runs(new_window)
                )
            )
            current[index] = [*cur[:start], *new_window, *cur[end:]]
    if len(clauses) > _MAX_WORD_CLAUSES or changed > _PARAGRAPH_SHARE * max(total, 1):
        return None
    return clauses


def _join_hunks(
    hunks: list[tuple[int, int, list[Token]]], ta: list[Token], tb: list[Token]
) -> list[tuple[int, int, list[Token]]]:
    """Join changes separated only by spaces, as a reader sees them: one change."""
    out: list[tuple[int, int, list[Token]]] = []
    for i1, i2, repl in hunks:
        if out:
            p1, p2, prepl = out[-1]
            gap = ta[p2:i1]
            if all(_is_space_token(t) for t in gap):
                out[-1] = (p1, i2, [*prepl, *gap, *repl])
                continue
        out.append((i1, i2, list(repl)))
    return out


def _apply_hunks(
    cur: Sequence[Token],
    start: int,
    end: int,
    hunks: list[tuple[int, int, list[Token]]],
) -> list[Token]:
    out: list[Token] = []
    cursor = start
    for i1, i2, repl in sorted(hunks, key=lambda h: (h[0], h[1])):
        out.extend(cur[cursor:i1])
        out.extend(repl)
        cursor = i2
    out.extend(cur[cursor:end])
    return out


def _article_clauses(
    ref: str, old: Article, new: Article, quotes: tuple[str, str]
) -> list[Clause]:
    """The clauses that turn one article's text into another, as a drafter picks them."""
    whole: list[Clause] = [ReplaceArticle(ref, new)]
    if old.notes != new.notes or len(old.paragraphs) != len(new.paragraphs):
        return whole
    if (old.heading is None) != (new.heading is None):
        return whole
    clauses: list[Clause] = []
    if old.heading != new.heading and new.heading is not None:
        clauses.append(ReplaceHeading(ref, new.heading))
    restated = 0
    for number, (a, b) in enumerate(
        zip(old.paragraphs, new.paragraphs, strict=True), 1
    ):
        if a == b:
            continue
        words = (
            _word_clauses(ref, number, a, b, quotes)
            if _shape(a.items) == _shape(b.items)
            else None
        )
        if words is None:
            clauses.append(ReplaceParagraph(ref, number, b))
            restated += 1
        else:
            clauses.extend(words)
    paragraphs = len(new.paragraphs)
    if restated and (
        restated == paragraphs or (restated > 1 and restated * 2 > paragraphs)
    ):
        return whole
    if len(clauses) > 2 * _MAX_WORD_CLAUSES:
        return whole
    try:
        if apply_to_article(old, clauses) != new:
            return whole
    except InstrumentError:
        return whole
    return clauses


def parent_of(
    nodes: Sequence[OutlineNode], ref: str, parent: Division | None = None
) -> tuple[Division | None, Sequence[OutlineNode]] | None:
    for node in nodes:
        if isinstance(node, ArticleEntry) and node.ref == ref:
            return parent, nodes
        if isinstance(node, Division):
            found = parent_of(node.children, ref, node)
            if found is not None:
                return found
    return None


def unsupported(message: str, **args: Any) -> InstrumentError:
    """The error for a change no instrument can word; `message` (a msgid with
    `args`) says why, in the same language as the sentence around it."""
    return InstrumentError(
        _("this change cannot be worded as an instrument: {reason}"),
        reason=InstrumentError(message, **args),
    )


def _placement(new: Document, ref: str, settled: set[str]) -> Position:
    """Where an inserted or moved article goes, relative to what is already in place."""
    found = parent_of(new.outline, ref)
    assert found is not None
    parent, siblings = found
    index = next(
        i
        for i, n in enumerate(siblings)
        if isinstance(n, ArticleEntry) and n.ref == ref
    )
    before = siblings[index - 1] if index else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    if isinstance(before, ArticleEntry):
        return Position("after", before.ref)
    if before is None and parent is not None:
        return Position("start", parent.id)
    if isinstance(after, ArticleEntry) and after.ref in settled:
        return Position("before", after.ref)
    if after is None and parent is not None:
        return Position("end", parent.id)
    raise unsupported(
        _("cannot say where {article} goes among parts and chapters"), article=ref
    )


def _division_shape(doc: Document) -> list[tuple[str, str, int]]:
    def walk(nodes: Sequence[OutlineNode], depth: int) -> list[tuple[str, str, int]]:
        out: list[tuple[str, str, int]] = []
        for node in nodes:
            if isinstance(node, Division):
                out.append((node.kind, node.id, depth))
                out.extend(walk(node.children, depth + 1))
        return out

    return walk(doc.outline, 0)


def _parents(doc: Document) -> dict[str, str | None]:
    out: dict[str, str | None] = {}

    def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
        for node in nodes:
            if isinstance(node, ArticleEntry):
                out.setdefault(node.ref, parent)
            else:
                walk(node.children, node.id)

    walk(doc.outline, None)
    return out


@dataclass(frozen=True)
class _Texts:
    """The two texts an instrument lies between, with the facts every rule asks."""

    old: Document
    new: Document
    old_entries: dict[str, ArticleEntry]
    old_live: list[str]
    new_live: list[str]
    # Sets for membership: the outlines hold thousands of articles.
    old_live_set: frozenset[str]
    new_live_set: frozenset[str]

    @classmethod
    def of(cls, old: Document, new: Document) -> _Texts:
        old_live = [e.ref for e in iter_entries(old.outline) if not e.repealed]
        new_live = [e.ref for e in iter_entries(new.outline) if not e.repealed]
        return cls(
            old,
            new,
            {e.ref: e for e in iter_entries(old.outline)},
            old_live,
            new_live,
            frozenset(old_live),
            frozenset(new_live),
        )


def _division_headings_changed(texts: _Texts) -> Iterator[Clause]:
    """A new heading for each part, chapter or section whose heading changed."""
    old_divisions = {d.id: d for d in iter_divisions(texts.old.outline)}
    for division in iter_divisions(texts.new.outline):
        if old_divisions[division.id].heading != division.heading:
            yield ReplaceHeading(division.id, division.heading)


def _articles_amended(texts: _Texts) -> Iterator[Clause]:
    """The clauses of each article in force on both sides whose text changed."""
    quotes = quotes_of(texts.old)
    for ref in texts.old_live:
        if ref not in texts.new_live_set:
            continue
        a, b = texts.old.articles.get(ref), texts.new.articles.get(ref)
        # A proposal leaves most articles as the very same values: skip them
        # before comparing field by field.
        if a is b or a == b:
            continue
        if a is None or b is None:
            raise unsupported(
                _("article {article} has no text on one side"), article=ref
            )
        yield from _article_clauses(ref, a, b, quotes)


def _articles_repealed(texts: _Texts) -> Iterator[Clause]:
    """A repeal for each article in force before and not after."""
    for ref in texts.old_live:
        if ref not in texts.new_live_set:
            yield RepealArticle(ref)


def _no_article_brought_back(texts: _Texts) -> Iterator[Clause]:
    """Refuse an article repealed before and in force after: no clause says that."""
    for ref in texts.new_live:
        if ref in texts.old_entries and ref not in texts.old_live_set:
            raise unsupported(
                _("article {article} is brought back from repeal"), article=ref
            )
    yield from ()


def _articles_in_place(texts: _Texts) -> set[str]:
    """Articles that keep their order and their division: they need no clause.

    Repealed entries (a fixed document keeps their place) take part in the
    order: no clause moves them, so the articles around them must be the
    ones that move. Of equally long common orders, one that keeps every
    repealed entry in place is chosen.
    """
    new_refs = {e.ref for e in iter_entries(texts.new.outline)}
    common_old = [e.ref for e in iter_entries(texts.old.outline) if e.ref in new_refs]
    common_new = [
        e.ref for e in iter_entries(texts.new.outline) if e.ref in texts.old_entries
    ]
    fixed = {e.ref for e in iter_entries(texts.new.outline) if e.repealed}
    matcher = SequenceMatcher(None, common_old, common_new, autojunk=False)
    stable = {
        r
        for block in matcher.get_matching_blocks()
        for r in common_new[block.b : block.b + block.size]
    }
    if not fixed.issubset(stable):
        stable = _common_order_keeping(common_old, common_new, fixed)
    old_parent, new_parent = _parents(texts.old), _parents(texts.new)
    return {r for r in stable if old_parent.get(r) == new_parent.get(r)}


def _common_order_keeping(
    old: Sequence[str], new: Sequence[str], fixed: set[str]
) -> set[str]:
    """The longest common order of two id lists that holds as many of `fixed`
    as any can (each weighs more than all the others together)."""
    heavy = len(new) + 1
    rows = [[0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            if old[i] == new[j]:
                weight = heavy if old[i] in fixed else 1
                rows[i][j] = rows[i + 1][j + 1] + weight
            else:
                rows[i][j] = max(rows[i + 1][j], rows[i][j + 1])
    out: set[str] = set()
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            out.add(old[i])
            i, j = i + 1, j + 1
        elif rows[i + 1][j] >= rows[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _articles_moved_or_inserted(texts: _Texts) -> Iterator[Clause]:
    """A move or an insertion for every article not in place, in reading order,
    each placed relative to articles already in place."""
    new = texts.new
    settled = _articles_in_place(texts) | {
        e.ref for e in iter_entries(new.outline) if e.repealed
    }
    for entry in iter_entries(new.outline):
        ref = entry.ref
        if ref in settled:
            continue
        position = _placement(new, ref, settled)
        if ref in texts.old_entries:
            yield MoveArticle(ref, position)
        elif ref not in new.articles:
            raise unsupported(_("the new article {article} has no text"), article=ref)
        else:
            yield InsertArticle(ref, position, new.articles[ref])
        settled.add(ref)


# The rules in the order an instrument lists their clauses.
_RULES: tuple[Callable[[_Texts], Iterator[Clause]], ...] = (
    _division_headings_changed,
    _articles_amended,
    _articles_repealed,
    _no_article_brought_back,
    _articles_moved_or_inserted,
)


def instrument_clauses(old: Document, new: Document) -> list[Clause]:
    """The clauses that turn `old` into `new`, in the order an instrument lists them.

    Raises:
        InstrumentError: a change an instrument cannot word (new or removed
            parts and chapters, an article brought back from repeal).
    """
    if _division_shape(old) != _division_shape(new):
        raise unsupported(
            _("parts, chapters or sections were added, removed or reordered")
        )
    texts = _Texts.of(old, new)
    return [clause for rule in _RULES for clause in rule(texts)]
