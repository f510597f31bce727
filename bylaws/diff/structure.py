"""Alignment: which old article is which new article, which paragraph which.

Pure functions over small keys, no model and no formatting, so that they are
easy to test and to reason about:

- `align_articles` pairs articles by id, or, when ids are missing or mean
  nothing, by content (difflib over loose keys), then by number, then by
  similarity, so that a renumbered or moved article is found as such rather
  than as a repeal plus an insertion.
- `align_units` pairs the paragraphs and points of two articles by text and
  similarity.
- `moved` finds the pairs whose relative order changed (the complement of a
  longest increasing subsequence).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import Literal

__all__ = [
    "AlignMode",
    "Pair",
    "Slot",
    "align_articles",
    "align_ids",
    "align_units",
    "ids_are_meaningful",
    "moved",
    "word_similarity",
]

AlignMode = Literal["auto", "id", "content"]
Pair = tuple[int | None, int | None]

# Two texts at least this alike (difflib ratio on loose words) are one text edited.
PAIR_THRESHOLD = 0.5
# Between far-apart positions we demand more before calling it a move.
MOVE_THRESHOLD = 0.6
# Beyond this many candidate comparisons the similarity passes are skipped;
# difflib's exact matching has already paired nearly everything by then.
MAX_COMPARISONS = 250_000


class Slot:
    """What alignment needs to know about one article.

    Attributes:
        id: the article id.
        number: its plain number ("12", "12-bis").
        key: a loose key of its whole text (`bylaws.text.loose_key`), for exact
            content matching.
        words: its loosely folded words, for similarity.
    """

    __slots__ = ("id", "key", "number", "words")

    def __init__(self, id: str, number: str, key: str, words: tuple[str, ...]) -> None:
        self.id, self.number, self.key, self.words = id, number, key, words


def word_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """difflib's ratio over two word sequences, 1.0 for two empty ones."""
    if not a and not b:
        return 1.0
    from difflib import SequenceMatcher  # imported when first needed: start-up

    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _similar(a: Sequence[str], b: Sequence[str], threshold: float) -> float:
    """The similarity of a and b if it reaches threshold, else 0 (cheap bounds first)."""
    if not a and not b:
        return 1.0
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else 0.0


def ids_are_meaningful(old_ids: Sequence[str], new_ids: Sequence[str]) -> bool:
    """Whether the two sides share enough ids for pairing by id to make sense.

    Two separately imported texts, or an old version from before ids existed,
    share few or none: at least half of the smaller side must be shared.
    """
    if not old_ids or not new_ids:
        return True
    shared = len(set(old_ids) & set(new_ids))
    return shared * 2 >= min(len(old_ids), len(new_ids))


def _by_id(old_ids: Sequence[str], new_ids: Sequence[str]) -> dict[int, int]:
    new_index = {a: j for j, a in enumerate(new_ids)}
    return {i: new_index[a] for i, a in enumerate(old_ids) if a in new_index}


def align_ids(old_ids: Sequence[str], new_ids: Sequence[str]) -> list[Pair]:
    """`align_articles` by id, from the ids alone (no slot made per article)."""
    if len(old_ids) == 1 and len(new_ids) == 1:
        return [(0, 0)]
    return _as_pairs(_by_id(old_ids, new_ids), len(old_ids), len(new_ids))


def best_matches(
    olds: Sequence[int],
    news: Sequence[int],
    old_words: Sequence[Sequence[str]],
    new_words: Sequence[Sequence[str]],
    threshold: float,
) -> list[tuple[int, int]]:
    """Greedy pairing by descending similarity among two sets of indices."""
    if not olds or not news or len(olds) * len(news) > MAX_COMPARISONS:
        return []
    scored: list[tuple[float, int, int]] = []
    for i in olds:
        for j in news:
            score = _similar(old_words[i], new_words[j], threshold)
            if score:
                scored.append((score, i, j))
    # Best first; ties go to the pair closest to reading order.
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    out = []
    for _, i, j in scored:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        out.append((i, j))
    return out


def _in_place_opcodes(
    old_keys: Sequence[str], new_keys: Sequence[str]
) -> list[tuple[str, int, int, int, int]] | None:
    """SequenceMatcher's opcodes, cheaply, when every shared text kept its place.

    The usual amended article: each text found on both sides stands once on
    each, at the same index. Then every matching block difflib can find lies
    on the diagonal, and its recursion finds all of them, so the blocks are
    the runs of equal positions. None when the condition does not hold.
    """
    old_at: dict[str, int] = {}
    for i, key in enumerate(old_keys):
        old_at[key] = -1 if key in old_at else i
    new_at: dict[str, int] = {}
    for j, key in enumerate(new_keys):
        new_at[key] = -1 if key in new_at else j
    for key, i in old_at.items():
        if key in new_at and (i != new_at[key] or i < 0):
            return None
    # Runs of equal positions, then the end, as get_matching_blocks gives them.
    blocks: list[tuple[int, int, int]] = []
    k, common = 0, min(len(old_keys), len(new_keys))
    while k < common:
        if old_keys[k] != new_keys[k]:
            k += 1
            continue
        run = k
        while k < common and old_keys[k] == new_keys[k]:
            k += 1
        blocks.append((run, run, k - run))
    blocks.append((len(old_keys), len(new_keys), 0))
    # As SequenceMatcher.get_opcodes turns blocks into opcodes.
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj, size in blocks:
        if i < ai and j < bj:
            opcodes.append(("replace", i, ai, j, bj))
        elif i < ai:
            opcodes.append(("delete", i, ai, j, bj))
        elif j < bj:
            opcodes.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            opcodes.append(("equal", ai, i, bj, j))
    return opcodes


def _pair_by_content(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    old_words: Sequence[Sequence[str]],
    new_words: Sequence[Sequence[str]],
    old_numbers: Sequence[str] | None = None,
    new_numbers: Sequence[str] | None = None,
) -> dict[int, int]:
    """Pair two sequences of texts: exact runs, exact moves, number, similarity."""
    pairs, gaps = _exact_runs(old_keys, new_keys)
    taken = set(pairs.values())
    _pair_moved_unchanged(old_keys, new_keys, pairs, taken)
    numbers = (
        (old_numbers, new_numbers)
        if old_numbers is not None and new_numbers is not None
        else None
    )
    for gap in gaps:
        _pair_in_gap(gap, old_words, new_words, numbers, pairs, taken)

    # Across gaps: moved and edited.
    olds = [i for i in range(len(old_keys)) if i not in pairs]
    news = [j for j in range(len(new_keys)) if j not in taken]
    for i, j in best_matches(olds, news, old_words, new_words, MOVE_THRESHOLD):
        pairs[i] = j
    return pairs


def _exact_runs(
    old_keys: Sequence[str], new_keys: Sequence[str]
) -> tuple[dict[int, int], list[tuple[int, int, int, int]]]:
    """Runs of equal texts kept in place, paired; the gaps between them."""
    opcodes: Sequence[tuple[str, int, int, int, int]] | None = _in_place_opcodes(
        old_keys, new_keys
    )
    if opcodes is None:
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        opcodes = matcher.get_opcodes()
    pairs: dict[int, int] = {}
    gaps: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            gaps.append((i1, i2, j1, j2))
    return pairs, gaps


def _pair_moved_unchanged(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    pairs: dict[int, int],
    taken: set[int],
) -> None:
    """The same text elsewhere: moved unchanged."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        if j not in taken:
            waiting[key].append(j)
    for i, key in enumerate(old_keys):
        if i not in pairs and waiting.get(key):
            j = waiting[key].pop(0)
            pairs[i] = j
            taken.add(j)


def _pair_in_gap(
    gap: tuple[int, int, int, int],
    old_words: Sequence[Sequence[str]],
    new_words: Sequence[Sequence[str]],
    numbers: tuple[Sequence[str], Sequence[str]] | None,
    pairs: dict[int, int],
    taken: set[int],
) -> None:
    """Inside a gap: the same number first, then the most similar text."""
    i1, i2, j1, j2 = gap
    olds = [i for i in range(i1, i2) if i not in pairs]
    news = [j for j in range(j1, j2) if j not in taken]
    if numbers is not None:
        old_numbers, new_numbers = numbers
        by_number = {new_numbers[j]: j for j in news}
        for i in olds:
            j_found = by_number.get(old_numbers[i])
            if (
                j_found is not None
                and j_found not in taken
                and _similar(old_words[i], new_words[j_found], PAIR_THRESHOLD)
            ):
                pairs[i] = j_found
                taken.add(j_found)
        olds = [i for i in olds if i not in pairs]
        news = [j for j in news if j not in taken]
    for i, j in best_matches(olds, news, old_words, new_words, PAIR_THRESHOLD):
        pairs[i] = j
        taken.add(j)


def _as_pairs(pairs: dict[int, int], n_old: int, n_new: int) -> list[Pair]:
    """Paired indices plus the unpaired ones of both sides, in old order."""
    out: list[Pair] = [(i, pairs.get(i)) for i in range(n_old)]
    taken = set(pairs.values())
    out.extend((None, j) for j in range(n_new) if j not in taken)
    return out


def align_articles(
    old: Sequence[Slot], new: Sequence[Slot], mode: AlignMode = "auto"
) -> list[Pair]:
    """Pair old and new articles.

    Args:
        old: the articles in force before, in reading order.
        new: the articles after, in reading order.
        mode: "id" pairs by id only; "content" ignores ids; "auto" uses ids when
            `ids_are_meaningful`, else content.

    Returns:
        (old index, new index) pairs; (i, None) for an article that is gone,
        (None, j) for a new one. When each side has exactly one article, they
        are paired whatever they say (two article files compared).
    """
    if mode == "auto":
        meaningful = ids_are_meaningful([s.id for s in old], [s.id for s in new])
        mode = "id" if meaningful else "content"
    if len(old) == 1 and len(new) == 1:
        return [(0, 0)]
    if mode == "id":
        pairs = _by_id([s.id for s in old], [s.id for s in new])
    else:
        pairs = _pair_by_content(
            [s.key for s in old],
            [s.key for s in new],
            [s.words for s in old],
            [s.words for s in new],
            [s.number for s in old],
            [s.number for s in new],
        )
    return _as_pairs(pairs, len(old), len(new))


def align_units(
    old_texts: Sequence[str],
    new_texts: Sequence[str],
    old_words: Sequence[Sequence[str]],
    new_words: Sequence[Sequence[str]],
) -> list[Pair]:
    """Pair the text units (paragraphs, points) of two versions of an article.

    Args:
        old_texts: the units' texts before, compared exactly.
        new_texts: the same after.
        old_words: their loosely folded words, for similarity.
        new_words: the same after.

    Returns:
        Pairs as in `align_articles`.
    """
    if list(old_texts) == list(new_texts):
        # Only the heading or the notes changed: every unit stays in place.
        return [(i, i) for i in range(len(old_texts))]
    pairs = _pair_by_content(old_texts, new_texts, old_words, new_words)
    return _as_pairs(pairs, len(old_texts), len(new_texts))


# Up to this many pairs, the run kept in place is chosen among all the
# longest runs (quadratic in the pairs); past it, any longest run will do.
_WEIGHTED_RUNS = 200


def moved(pairs: Sequence[Pair], in_place: AbstractSet[Pair] = frozenset()) -> set[int]:
    """The old indices of pairs whose relative order changed.

    The pairs kept in place are a longest run that is increasing on both sides;
    every other pair is a move. Unpaired entries never are. Of the longest
    runs, one with the most pairs of `in_place` is kept (up to _WEIGHTED_RUNS
    pairs).
    """
    matched = sorted((j, i) for i, j in pairs if i is not None and j is not None)
    if in_place and len(matched) <= _WEIGHTED_RUNS:
        keep = _heaviest_run(matched, in_place)
    else:
        keep = _longest_run([i for _, i in matched])
    return {i for _, i in matched if i not in keep}


def _longest_run(olds: list[int]) -> set[int]:
    """The values of one longest increasing run of `olds`."""
    # Patience sorting: tails[k] is the smallest tail of an increasing run of
    # length k + 1; back links rebuild one longest run.
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(olds)
    for position, value in enumerate(olds):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[k] = value
            tail_at[k] = position
        back[position] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        keep.add(olds[position])
        position = back[position]
    return keep


def _heaviest_run(
    matched: list[tuple[int, int]], in_place: AbstractSet[Pair]
) -> set[int]:
    """The old indices of a longest run increasing on both sides, with the
    most pairs of `in_place` among the longest."""
    olds = [i for _, i in matched]
    # Each pair outweighs all the in-place bonuses together: longest first.
    unit = len(matched) + 1
    weights = [unit + ((i, j) in in_place) for j, i in matched]
    best = list(weights)
    back = [-1] * len(olds)
    for b in range(len(olds)):
        for a in range(b):
            if olds[a] < olds[b] and best[a] + weights[b] > best[b]:
                best[b], back[b] = best[a] + weights[b], a
    keep: set[int] = set()
    position = max(range(len(best)), key=best.__getitem__, default=-1)
    while position >= 0:
        keep.add(olds[position])
        position = back[position]
    return keep
