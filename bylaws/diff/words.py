"""Word diff of two texts, on whole tokens, with formal changes labelled.

Each distinct token becomes one private-use character (the lines-to-chars trick of
diff-match-patch, applied to words), the coded strings are diffed, and the result
is decoded by position so that each side keeps its own spelling. A change never
splits a word, because a word is one character to the algorithm.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from bylaws.text import (
    change_class,
    is_space,
    normalize_word,
    strip_for_search,
    token_kind,
    tokenize,
)
from bylaws.values import Value, value_class

__all__ = [
    "WHOLE_REPLACE_THRESHOLD",
    "WordOp",
    "WordOpKind",
    "diff_words",
    "is_formal",
    "new_text",
    "old_text",
    "similarity",
]

WordOpKind = Literal["equal", "insert", "delete", "replace"]

# When more than this share of the longer side's characters (counted on
# non-space tokens) changed, the text is shown replaced whole rather than as
# confetti of small edits that nobody can read.
WHOLE_REPLACE_THRESHOLD = 0.6


@value_class(frozen=True, slots=True, eq=False, repr=False)
class WordOp(Value):
    """One step of a word diff: whole tokens of the old and the new text.

    `equal` holds identical text on both sides; `insert` has `old == ""`;
    `delete` has `new == ""`; `replace` holds both. `formal` is true when the
    two sides differ only formally (see `bylaws.text.is_formal_change`), so a
    formatter can show or hide the change; `punctuation` when only
    punctuation changed (`bylaws.text.change_class`). Both are false for
    `equal`, and never both true.
    """

    kind: WordOpKind
    old: str
    new: str
    formal: bool = False
    punctuation: bool = False


# Private-use code points, in the order they are handed out: the BMP's area,
# then planes 15 and 16. No surrogates, no control characters.
_CODE_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
_CODE_CAPACITY = sum(hi - lo + 1 for lo, hi in _CODE_RANGES)


def _code_point(index: int) -> str:
    """The index-th private-use character in hand-out order."""
    for lo, hi in _CODE_RANGES:
        if index <= hi - lo:
            return chr(lo + index)
        index -= hi - lo + 1
    raise _TooManyTokens


class _TooManyTokens(Exception):
    """More distinct tokens than there are private-use code points."""


def _encode(old_tokens: Sequence[str], new_tokens: Sequence[str]) -> tuple[str, str]:
    """Both token lists as strings of one private-use character per token.

    Codes are handed out in order of first appearance, old text first.
    """
    # dict.fromkeys keeps first appearances in order, in one pass in C.
    distinct = dict.fromkeys(old_tokens)
    distinct.update(dict.fromkeys(new_tokens))
    if len(distinct) > _CODE_CAPACITY:
        raise _TooManyTokens
    first = _CODE_RANGES[0][1] - _CODE_RANGES[0][0] + 1
    codes = {
        tok: chr(_CODE_RANGES[0][0] + n) if n < first else _code_point(n)
        for n, tok in enumerate(distinct)
    }
    return (
        "".join(map(codes.__getitem__, old_tokens)),
        "".join(map(codes.__getitem__, new_tokens)),
    )


_EQUAL, _DELETE, _INSERT = 0, -1, 1


def _coded_diff(a: str, b: str) -> list[tuple[int, int]]:
    """diff-match-patch on coded strings: (operation, number of tokens) pairs."""
    # Imported when a text first differs: a diff of equal texts never needs it.
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    # The default one-second timeout silently degrades big diffs to near-total
    # replacement; we diff a paragraph or an article at a time instead.
    dmp.Diff_Timeout = 0
    # checklines would re-code our codes by "lines": it must stay off.
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs if text]


class _Group:
    """A run of changes being merged into one op (a plain class: see `Sides`)."""

    __slots__ = ("new", "old")

    def __init__(self, old: list[str], new: list[str]) -> None:
        self.old, self.new = old, new


def _decode(
    steps: Iterable[tuple[int, int]],
    old_tokens: Sequence[str],
    new_tokens: Sequence[str],
) -> list[tuple[str, str, bool]]:
    """Turn coded steps back into (old text, new text, is_equal) segments, by position.

    Adjacent deletions and insertions merge into one change; a whitespace-only
    equality between two changes joins them too, so that a sentence rewritten
    word by word reads as one replacement instead of islands of spaces.
    """
    segments: list[tuple[str, str, bool]] = []
    i = j = 0
    for op, n in steps:
        if op == _EQUAL:
            text = "".join(old_tokens[i : i + n])
            i += n
            j += n
            segments.append((text, text, True))
        elif op == _DELETE:
            segments.append(("".join(old_tokens[i : i + n]), "", False))
            i += n
        else:
            segments.append(("", "".join(new_tokens[j : j + n]), False))
            j += n

    merged: list[tuple[str, str, bool]] = []
    group: _Group | None = None
    for index, (old, new, equal) in enumerate(segments):
        between_changes = (
            equal
            and is_space(old)
            and group is not None
            and index + 1 < len(segments)
            and not segments[index + 1][2]
        )
        if equal and not between_changes:
            if group is not None:
                merged.append(("".join(group.old), "".join(group.new), False))
                group = None
            merged.append((old, new, True))
            continue
        if group is None:
            group = _Group([], [])
        group.old.append(old)
        group.new.append(new)
    if group is not None:
        merged.append(("".join(group.old), "".join(group.new), False))
    return merged


def _op(old: str, new: str) -> WordOp:
    """The change op for two differing texts, labelled formal, punctuation or not."""
    kind = change_class(old, new)
    formal, punctuation = kind == "formal", kind == "punctuation"
    if not old:
        return WordOp("insert", "", new, formal, punctuation)
    if not new:
        return WordOp("delete", old, "", formal, punctuation)
    return WordOp("replace", old, new, formal, punctuation)


# A word shared by both sides of a replaced run is kept as unchanged only when
# it carries meaning: "مطلوباً" is, "أو" or "of" alone would cut a rewritten
# sentence into confetti. Tuned on the real corpora (PDPL 10(3)).
_ANCHOR_LETTERS = 4

Segment = tuple[str, str, bool]


def _key(tok: str) -> str:
    return " " if tok.isspace() else normalize_word(tok)


def _anchors(tokens: Sequence[str]) -> bool:
    """Whether a run common to both sides is worth showing as kept."""
    return any(
        not tok.isspace()
        and token_kind(tok) in ("word", "number")
        and len(normalize_word(tok)) >= _ANCHOR_LETTERS
        for tok in tokens
    )


def _refined(old: str, new: str) -> list[Segment]:
    """A replaced run cut into its smallest true changes.

    Words the two sides share (compared formally) come out of the change: as
    unchanged text when identical, as a formal change of their own when they
    differ only formally, so `ذلك ضروريًّا → ضرورياً` is «ذلك» deleted and a
    formal change, not one real replacement. Shared text that anchors nothing
    (a space, «أو») stays inside the real change around it.
    """
    a, b = tokenize(old), tokenize(new)
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, [_key(t) for t in a], [_key(t) for t in b], False)
    pieces: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag != "equal":
            # Part of a rewrite: a comma that goes with a deleted clause is
            # deleted with it, not a punctuation change of its own.
            pieces.append((old_part, new_part, "real"))
        elif not _anchors(a[i1:i2]) and old_part == new_part:
            pieces.append((old_part, new_part, "neutral"))
        else:
            # Token by token: identical ones kept, the others formal changes.
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                pieces.append((x, y, "equal" if x == y else "formal"))
    return _joined(pieces)


def _joined(pieces: Sequence[tuple[str, str, str]]) -> list[Segment]:
    """Neighbours of one class joined; neutral text joins a real change beside it."""
    out: list[list[str]] = []
    for old, new, kind in pieces:
        if not old and not new:
            continue
        if out:
            last = out[-1][2]
            merged = (
                kind
                if last == kind
                else "real"
                if {last, kind} == {"real", "neutral"}
                else None
            )
            if merged is not None:
                out[-1] = [out[-1][0] + old, out[-1][1] + new, merged]
                continue
        out.append([old, new, kind])
    segments: list[Segment] = []
    for old, new, kind in out:
        equal = kind in ("equal", "neutral")
        if equal and segments and segments[-1][2]:
            segments[-1] = (segments[-1][0] + old, segments[-1][1] + new, True)
        else:
            segments.append((old, new, equal))
    return segments


def _smallest(segments: Sequence[Segment]) -> list[Segment]:
    """Every real replacement refined (see `_refined`); the rest as they are."""
    out: list[Segment] = []
    for old, new, equal in segments:
        if not equal and old and new and change_class(old, new) == "real":
            out.extend(_refined(old, new))
        else:
            out.append((old, new, equal))
    return out


def _weight(text: str) -> int:
    """Characters of a text, not counting whitespace."""
    # str.split() cuts at exactly the characters for which str.isspace() holds.
    return sum(map(len, text.split()))


def _mostly_changed(segments: Sequence[tuple[str, str, bool]], a: str, b: str) -> bool:
    longer = max(_weight(a), _weight(b))
    if longer == 0:
        return False
    changed_old = sum(_weight(old) for old, _, equal in segments if not equal)
    changed_new = sum(_weight(new) for _, new, equal in segments if not equal)
    return max(changed_old, changed_new) > WHOLE_REPLACE_THRESHOLD * longer


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Compare two texts word by word.

    Args:
        old: the text before.
        new: the text after.

    Returns:
        Ops in reading order; `old_text(ops) == old` and `new_text(ops) == new`.
        When most of the text changed (see `WHOLE_REPLACE_THRESHOLD`), one
        replace of the whole text.
    """
    if old == new:
        return (WordOp("equal", old, new),) if old else ()
    if not old or not new:
        return (_op(old, new),)
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    try:
        a, b = _encode(old_tokens, new_tokens)
    except _TooManyTokens:
        # Two texts with over 137,000 distinct words between them share too
        # little for a word diff to help a reader.
        return (_op(old, new),)
    segments = _decode(_coded_diff(a, b), old_tokens, new_tokens)
    if _mostly_changed(segments, old, new):
        return (_op(old, new),)
    return _brackets_follow_their_pair(
        tuple(
            WordOp("equal", seg_old, seg_new) if equal else _op(seg_old, seg_new)
            for seg_old, seg_new, equal in _smallest(segments)
        )
    )


_BRACKETS = "()[]{}«»"


def _brackets_follow_their_pair(ops: tuple[WordOp, ...]) -> tuple[WordOp, ...]:
    """A bracket deleted (or inserted) alone whose partner went with a real
    change is part of that change: `[-5 (-]five[-)-]`, not a punctuation change."""
    real = [
        op for op in ops if op.kind != "equal" and not (op.formal or op.punctuation)
    ]
    real_old = "".join(op.old for op in real)
    real_new = "".join(op.new for op in real)
    out = []
    for op in ops:
        text = op.old + op.new
        lone = op.punctuation and text.strip() and not text.strip(_BRACKETS + " ")
        if lone and _partner_in(op.old, real_old) and _partner_in(op.new, real_new):
            op = WordOp(op.kind, op.old, op.new)
        out.append(op)
    return tuple(out)


def _partner_in(brackets: str, changed: str) -> bool:
    """Whether each bracket's partner is in some real change on the same side."""
    pairs = dict(zip(_BRACKETS[::2], _BRACKETS[1::2], strict=True))
    pairs.update({v: k for k, v in pairs.items()})
    return all(pairs.get(ch, ch) in changed for ch in brackets.strip())


def old_text(ops: Iterable[WordOp]) -> str:
    """The old text, rebuilt from a diff."""
    return "".join(op.old for op in ops)


def new_text(ops: Iterable[WordOp]) -> str:
    """The new text, rebuilt from a diff."""
    return "".join(op.new for op in ops)


def is_formal(ops: Iterable[WordOp]) -> bool:
    """Whether every change in a diff is formal (true for no change at all)."""
    return all(op.kind == "equal" or op.formal for op in ops)


def similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 to 1, on their loosely folded words.

    Used to pair paragraphs and articles that have no common id: formal
    differences, punctuation and spacing do not count.
    """
    words_a = strip_for_search(a).split()
    words_b = strip_for_search(b).split()
    if words_a == words_b:
        return 1.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio()
