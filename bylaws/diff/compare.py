"""The pure layer of a diff: two Documents in, a DocumentDiff out.

Cost grows with what changed: an article whose text did not change (the same
object, the same bytes on disk, or an equal value) is never word-diffed; only
its number is looked at, to report a renumbering or a move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import overload

from bylaws import numbering
from bylaws.diff.changes import (
    ArticleChange,
    ArticleKind,
    Change,
    DocumentDiff,
    HeadingChanged,
    OutlineChanged,
    UnitChange,
    UnitKind,
)
from bylaws.diff.memory import paused_collector
from bylaws.diff.structure import (
    AlignMode,
    Pair,
    Slot,
    align_articles,
    align_units,
    ids_are_meaningful,
    moved,
)
from bylaws.diff.words import WordOp, diff_words, is_formal
from bylaws.errors import BylawsError
from bylaws.model import (
    Article,
    Division,
    Document,
    DocumentMeta,
    Inline,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Text,
    iter_entries,
)
from bylaws.text import loose_key, strip_for_search

__all__ = [
    "FingerprintedArticles",
    "Progress",
    "article_as_text_lines",
    "diff_documents",
    "render_runs",
]

Progress = Callable[[int, int], None]
# A paragraph moved to another article must be nearly the same text.
CROSS_MOVE_THRESHOLD = 0.75


# --- text units ----------------------------------------------------------------


def render_runs(
    doc: Document,
    numbers: Mapping[str, numbering.ArticleNumber],
    runs: Sequence[Inline],
) -> str:
    """Runs as readers see them: references replaced by their current designation.

    A reference that resolves to nothing shows its raw address in braces; `check`
    is where that is reported, a diff still shows the text.
    """
    parts: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            parts.append(run.value)
            continue
        try:
            parts.append(numbering.render_ref(doc, run, numbers))
        except (BylawsError, ValueError):
            parts.append("{" + run.to + "}")
    return "".join(parts)


def _raw_runs(runs: Sequence[Inline]) -> str:
    return "".join(r.value if isinstance(r, Text) else "{" + r.to + "}" for r in runs)


# Notes follow the paragraphs of an article, addressed "note-1", "note-2"…
NOTE_PREFIX = "note-"
# Text after a point, inside its paragraph or point: "para-2/text-1".
TEXT_PREFIX = "text-"
_NOTE_WORD = {"ar": "ملاحظة", "en": "Note"}


class _Unit:
    """A paragraph, point or note: its address, label and text, raw and rendered.

    `blocks` are the runs its text was made of (one tuple per `<p>`, joined by
    a space) and `side` renders them: kept to tell, cheaply, which references
    read otherwise when the words themselves are the same.
    """

    __slots__ = ("_words", "address", "blocks", "label", "raw", "side", "text")

    def __init__(
        self,
        address: str,
        label: str,
        raw: str,
        text: str,
        blocks: tuple[tuple[Inline, ...], ...],
        side: _Side,
    ) -> None:
        self.address, self.label, self.raw, self.text = address, label, raw, text
        self.blocks, self.side = blocks, side
        self._words: tuple[str, ...] | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """Its loosely folded words, for similarity: folded only when asked."""
        if self._words is None:
            self._words = tuple(strip_for_search(self.text).split())
        return self._words


class _Words(Sequence[tuple[str, ...]]):
    """The words of a list of units, folded only for the units alignment looks at.

    Alignment pairs equal texts first; only the units left over are compared
    by similarity.
    """

    def __init__(self, units: Sequence[_Unit]) -> None:
        self._units = units

    @overload
    def __getitem__(self, index: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[str, ...]]: ...
    def __getitem__(
        self, index: int | slice
    ) -> tuple[str, ...] | Sequence[tuple[str, ...]]:
        if isinstance(index, slice):
            return [u.words for u in self._units[index]]
        return self._units[index].words

    def __len__(self) -> int:
        return len(self._units)


class _Side:
    """One document prepared for comparison: numbers, divisions, rendered units."""

    def __init__(
        self, doc: Document, labels: dict[tuple[int, int, str, str], str] | None = None
    ) -> None:
        self.doc = doc
        self.numbers = numbering.number_outline(doc)
        # Labels by number, language and style: after an early insertion most
        # articles are renumbered, and the old side's labels are the new one's.
        self._labels = labels if labels is not None else {}
        self._plain: dict[str, str] = {}
        self.division_of: dict[str, Division] = {}
        self._walk(doc.outline, None)
        self._units: dict[str, list[_Unit]] = {}
        # A reference shows the same text wherever it stands, and a unit's
        # label depends only on its place: both are worked out once.
        self._refs: dict[tuple[str, str], str] = {}
        self._unit_labels: dict[tuple[int, int], str] = {}

    def _walk(self, nodes: Sequence[OutlineNode], parent: Division | None) -> None:
        for node in nodes:
            if isinstance(node, Division):
                self._walk(node.children, node)
            elif parent is not None:
                self.division_of.setdefault(node.ref, parent)

    def number(self, article_id: str) -> str | None:
        plain = self._plain.get(article_id)
        if plain is None:
            found = self.numbers.get(article_id)
            if found is None:
                return None
            plain = self._plain[article_id] = found.plain()
        return plain

    def label(self, article_id: str) -> str | None:
        number = self.numbers.get(article_id)
        if number is None:
            return None
        lang, style = self.doc.lang, self.doc.style
        key = (number.n, number.k, lang, style)
        found = self._labels.get(key)
        if found is None:
            try:
                found = numbering.article_label(number.n, number.k, lang, style)
            except ValueError:
                # Beyond the ordinal words (over 9,999 articles): digits still work.
                found = numbering.article_label(number.n, number.k, lang, "digits")
            self._labels[key] = found
        return found

    def article(self, article_id: str) -> Article:
        found = self.doc.articles.get(article_id)
        return found if found is not None else Article(article_id, None, ())

    def units(self, article_id: str) -> list[_Unit]:
        found = self._units.get(article_id)
        if found is None:
            found = self._units[article_id] = list(
                self._unit_iter(self.article(article_id))
            )
        return found

    def _render(self, runs: Sequence[Inline]) -> str:
        """`render_runs` for this side, each reference rendered once."""
        parts: list[str] = []
        for run in runs:
            if isinstance(run, Text):
                parts.append(run.value)
                continue
            key = (run.to, run.form)
            shown = self._refs.get(key)
            if shown is None:
                shown = self._refs[key] = render_runs(self.doc, self.numbers, (run,))
            parts.append(shown)
        return "".join(parts)

    def _unit(
        self, address: str, label: str, blocks: Sequence[Sequence[Inline]]
    ) -> _Unit:
        """A unit of text made of `blocks` of runs, joined by a space."""
        raw = " ".join(_raw_runs(runs) for runs in blocks)
        text = " ".join(self._render(runs) for runs in blocks)
        return _Unit(address, label, raw, text, tuple(tuple(b) for b in blocks), self)

    def _unit_label(self, n: int, depth: int) -> str:
        """A paragraph's label at depth 0, a point's at its depth."""
        key = (n, depth)
        found = self._unit_labels.get(key)
        if found is None:
            lang, style = self.doc.lang, self.doc.style
            found = self._unit_labels[key] = (
                numbering.point_label(n, depth, lang, style)
                if depth
                else numbering.paragraph_label(n, lang, style)
            )
        return found

    def _unit_iter(self, article: Article) -> Iterator[_Unit]:
        numbered = len(article.paragraphs) > 1
        for n, paragraph in enumerate(article.paragraphs, 1):
            address = f"para-{n}"
            label = self._unit_label(n, 0) if numbered else ""
            yield from self._container(paragraph, address, label, 0)
        # Editorial notes are compared too: a changed note is a changed word.
        word = _NOTE_WORD["ar" if self.doc.lang.startswith("ar") else "en"]
        for n, note in enumerate(article.notes, 1):
            label = word if len(article.notes) == 1 else f"{word} {n}"
            yield self._unit(f"{NOTE_PREFIX}{n}", label, (note.runs,))

    def _container(
        self, node: Paragraph | Point, address: str, label: str, depth: int
    ) -> Iterator[_Unit]:
        """A paragraph or point, then its points in order; text that follows
        a point ("…, in every case by decision of the council") is a unit of
        its own, `{address}/text-N`, where it stands."""
        items = node.items
        first = next((i for i, it in enumerate(items) if isinstance(it, Point)), None)
        lead = items if first is None else items[:first]
        yield self._unit(address, label, [i.runs for i in lead if isinstance(i, P)])
        if first is None:
            return
        points = texts = 0
        pending: list[P] = []
        for item in (*items[first:], None):
            if isinstance(item, P):
                pending.append(item)
                continue
            if pending:
                texts += 1
                runs = [p.runs for p in pending]
                yield self._unit(f"{address}/{TEXT_PREFIX}{texts}", "", runs)
                pending = []
            if item is not None:
                points += 1
                yield from self._container(
                    item,
                    f"{address}/point-{points}",
                    self._unit_label(points, depth + 1),
                    depth + 1,
                )

    def slot(self, article_id: str) -> Slot:
        article = self.article(article_id)
        units = self.units(article_id)
        whole = " ".join([article.heading or "", *(u.text for u in units)])
        return Slot(
            article_id,
            self.number(article_id) or "",
            loose_key(whole),
            tuple(strip_for_search(whole).split()),
        )


def article_as_text_lines(article: Article, lang: str = "ar") -> list[str]:
    """An article as lines of text: its heading, then one line per paragraph or point.

    References show their raw address in braces: there is no document to number them.
    """
    doc = Document(
        id="",
        lang=lang,
        numbering="auto",
        style="digits",
        meta=DocumentMeta(title=""),
        outline=(),
        articles={article.id: article},
    )
    side = _Side(doc)
    lines = [f"# {article.heading}"] if article.heading else []
    for unit in side.units(article.id):
        indent = "  " * unit.address.count("/point-")
        lines.append(
            f"{indent}{unit.label} {unit.text}".rstrip() if unit.label else unit.text
        )
    return lines


def _live_ids(doc: Document) -> list[str]:
    """Ids of the articles in force, in reading order (repealed entries left out)."""
    return [e.ref for e in iter_entries(doc.outline) if not e.repealed]


def _same_text(old: Document, new: Document, old_id: str, new_id: str) -> bool:
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


class FingerprintedArticles:
    """Base of article mappings that know each article's stored bytes.

    Two articles with the same id and the same fingerprint (the same bytes, or
    the same git blob) are equal without being parsed.
    """

    def fingerprint(self, article_id: str) -> object | None:
        raise NotImplementedError


# --- ordering -----------------------------------------------------------------


def _reading_order(pairs: Sequence[Pair]) -> list[Pair]:
    """New reading order; a vanished old item goes right after its old predecessor."""
    anchor: dict[int, float] = {}
    last = -1.0
    for i, j in sorted((p for p in pairs if p[0] is not None), key=lambda p: p[0] or 0):
        if j is None:
            assert i is not None
            anchor[i] = last
        else:
            last = float(j)

    def key(pair: Pair) -> tuple[float, int, int]:
        i, j = pair
        if j is not None:
            return (float(j), 0, 0)
        assert i is not None
        return (anchor[i] + 0.5, 1, i)

    return sorted(pairs, key=key)


# --- units ---------------------------------------------------------------------


def _equal_ops(text: str) -> tuple[WordOp, ...]:
    return (WordOp("equal", text, text),) if text else ()


def _renamed_references(old: _Unit, new: _Unit) -> tuple[WordOp, ...]:
    """The same words, with references that read otherwise because the
    articles they name were renumbered, moved or repealed: a consequence, not
    an amendment, so every change is formal (hidden by --ignore-formal).

    Only the references that read otherwise are compared word by word: a
    whole paragraph's word diff for each of them would cost the diff a tenth
    of its time after an early insertion.
    """
    shapes_match = len(old.blocks) == len(new.blocks) and all(
        len(a) == len(b) and all(type(x) is type(y) for x, y in zip(a, b, strict=True))
        for a, b in zip(old.blocks, new.blocks, strict=True)
    )
    if not shapes_match:
        return _formal(diff_words(old.text, new.text))
    ops: list[WordOp] = []
    same: list[str] = []
    for k, (a, b) in enumerate(zip(old.blocks, new.blocks, strict=True)):
        if k:
            same.append(" ")
        for x, y in zip(a, b, strict=True):
            if isinstance(x, Text):
                same.append(x.value)
                continue
            shown_old, shown_new = old.side._render((x,)), new.side._render((y,))
            if shown_old == shown_new:
                same.append(shown_new)
                continue
            ops.extend(_equal_ops("".join(same)))
            same = []
            ops.extend(_changed_designation(shown_old, shown_new))
    ops.extend(_equal_ops("".join(same)))
    return _merged(ops)


def _changed_designation(old: str, new: str) -> list[WordOp]:
    """Two readings of one reference: the words they share at either end kept,
    the rest replaced, formally («المادة [السادسة→السابعة] والثلاثين»)."""
    a, b = old.split(" "), new.split(" ")
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_old = " ".join(a[head : len(a) - tail])
    middle_new = " ".join(b[head : len(b) - tail])
    if not middle_old or not middle_new:
        return [WordOp("replace", old, new, formal=True)]
    before = " ".join(a[:head]) + " " if head else ""
    after = " " + " ".join(a[len(a) - tail :]) if tail else ""
    return [
        *_equal_ops(before),
        WordOp("replace", middle_old, middle_new, formal=True),
        *_equal_ops(after),
    ]


def _formal(ops: Sequence[WordOp]) -> tuple[WordOp, ...]:
    return tuple(op if op.kind == "equal" else replace(op, formal=True) for op in ops)


def _merged(ops: Sequence[WordOp]) -> tuple[WordOp, ...]:
    """Neighbouring equal steps joined into one, as a word diff gives them."""
    out: list[WordOp] = []
    for op in ops:
        if out and op.kind == "equal" and out[-1].kind == "equal":
            text = out[-1].new + op.new
            out[-1] = WordOp("equal", text, text)
        else:
            out.append(op)
    return tuple(out)


def _unit_changes(old: list[_Unit], new: list[_Unit]) -> tuple[UnitChange, ...]:
    """The text's units aligned, then the notes aligned apart: a note never
    pairs with a paragraph, however alike their words."""
    old_notes = [u for u in old if u.address.startswith(NOTE_PREFIX)]
    new_notes = [u for u in new if u.address.startswith(NOTE_PREFIX)]
    if not old_notes and not new_notes:
        return _aligned_changes(old, new)
    body = _aligned_changes(
        old[: len(old) - len(old_notes)], new[: len(new) - len(new_notes)]
    )
    return body + _aligned_changes(old_notes, new_notes)


def _aligned_changes(old: list[_Unit], new: list[_Unit]) -> tuple[UnitChange, ...]:
    pairs = align_units(
        [u.raw for u in old], [u.raw for u in new], _Words(old), _Words(new)
    )
    out_of_order = moved(pairs)
    changes: list[UnitChange] = []
    for i, j in _reading_order(pairs):
        if i is not None and j is not None:
            a, b = old[i], new[j]
            kind: UnitKind
            if a.text == b.text:
                ops, kind = _equal_ops(b.text), "equal"
            elif a.raw == b.raw:
                ops, kind = _renamed_references(a, b), "equal"
            else:
                ops, kind = diff_words(a.text, b.text), "amended"
            if i in out_of_order:
                kind = "moved"
            changes.append(
                UnitChange(
                    kind,
                    a.address,
                    b.address,
                    ops,
                    kind != "equal" and is_formal(ops),
                    old_label=a.label,
                    new_label=b.label,
                )
            )
        elif i is not None:
            a = old[i]
            changes.append(
                UnitChange(
                    "deleted",
                    a.address,
                    None,
                    diff_words(a.text, ""),
                    old_label=a.label,
                )
            )
        elif j is not None:
            b = new[j]
            changes.append(
                UnitChange(
                    "inserted",
                    None,
                    b.address,
                    diff_words("", b.text),
                    new_label=b.label,
                )
            )
    return tuple(changes)


def _whole(units: list[_Unit], kind: UnitKind) -> tuple[UnitChange, ...]:
    """Every unit of an inserted or repealed article, as inserted or deleted."""
    if kind == "inserted":
        return tuple(
            UnitChange(
                "inserted", None, u.address, diff_words("", u.text), new_label=u.label
            )
            for u in units
        )
    return tuple(
        UnitChange(
            "deleted", u.address, None, diff_words(u.text, ""), old_label=u.label
        )
        for u in units
    )


# --- articles ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    old: _Side
    new: _Side
    by_content: bool


def _division_key(ctx: _Context, side: _Side, article_id: str) -> str | None:
    division = side.division_of.get(article_id)
    if division is None:
        return None
    return loose_key(division.heading) if ctx.by_content else division.id


def _article_change(
    ctx: _Context, old_id: str | None, new_id: str | None, is_moved: bool, context: bool
) -> ArticleChange | None:
    old, new = ctx.old, ctx.new
    kinds: set[ArticleKind] = set()
    heading: tuple[WordOp, ...] | None = None
    units: tuple[UnitChange, ...] = ()
    if old_id is None and new_id is not None:
        kinds.add("inserted")
        article = new.article(new_id)
        heading = diff_words("", article.heading) if article.heading else None
        units = _whole(new.units(new_id), "inserted")
    elif new_id is None and old_id is not None:
        kinds.add("repealed")
        units = _whole(old.units(old_id), "deleted")
    elif old_id is not None and new_id is not None:
        if old.number(old_id) != new.number(new_id):
            kinds.add("renumbered")
        old_division = _division_key(ctx, old, old_id)
        if is_moved or old_division != _division_key(ctx, new, new_id):
            kinds.add("moved")
        if not _same_text(old.doc, new.doc, old_id, new_id):
            a, b = old.article(old_id), new.article(new_id)
            if a.heading != b.heading:
                heading = diff_words(a.heading or "", b.heading or "")
            units = _unit_changes(old.units(old_id), new.units(new_id))
            if heading is not None or any(u.changed for u in units):
                kinds.add("amended")
            else:
                heading = None
        elif context:
            # Same words on both sides; references may still read otherwise.
            units = _unit_changes(old.units(old_id), new.units(new_id))
    if not kinds and not context:
        return None
    article_id = new_id if new_id is not None else old_id
    assert article_id is not None
    changed_units = [u for u in units if u.changed]
    formal = (
        "amended" in kinds
        and not kinds & {"inserted", "repealed"}
        and (heading is None or is_formal(heading))
        and all(u.kind == "amended" and u.formal for u in changed_units)
    )
    return ArticleChange(
        kinds=frozenset(kinds),
        article=article_id,
        old_id=old_id,
        new_id=new_id,
        old_number=old.number(old_id) if old_id is not None else None,
        new_number=new.number(new_id) if new_id is not None else None,
        old_label=old.label(old_id) if old_id is not None else None,
        new_label=new.label(new_id) if new_id is not None else None,
        old_division=_division_name(old, old_id),
        new_division=_division_name(new, new_id),
        heading=heading,
        units=units,
        formal=formal,
    )


def _division_name(side: _Side, article_id: str | None) -> str | None:
    if article_id is None:
        return None
    division = side.division_of.get(article_id)
    return division.id if division is not None else None


def _cross_article_moves(changes: list[ArticleChange]) -> list[ArticleChange]:
    """A paragraph deleted from one amended article and inserted in another: a move."""
    from bylaws.diff.structure import MOVE_THRESHOLD, _best_matches

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
    matches = _best_matches(
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


def _moved_in_place(
    ctx: _Context,
    pairs: Sequence[Pair],
    old_ids: list[str],
    new_ids: list[str],
    moves: frozenset[str] = frozenset(),
) -> set[int]:
    """Old indices of articles out of order inside the division they stay in.

    An article that changes division is a move anyway (`_article_change`);
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


# --- divisions -----------------------------------------------------------------


def _divisions(doc: Document) -> dict[str, tuple[Division, str | None]]:
    found: dict[str, tuple[Division, str | None]] = {}

    def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
        for node in nodes:
            if isinstance(node, Division):
                found.setdefault(node.id, (node, parent))
                walk(node.children, node.id)

    walk(doc.outline, None)
    return found


def _reordered_divisions(
    before: dict[str, tuple[Division, str | None]],
    after: dict[str, tuple[Division, str | None]],
) -> set[str]:
    """Divisions that kept their parent but changed places among its children."""
    old_order = {div_id: n for n, div_id in enumerate(before)}
    by_parent: dict[str | None, list[tuple[str, int]]] = {}
    for n, (div_id, (_, parent)) in enumerate(after.items()):
        if div_id in before and before[div_id][1] == parent:
            by_parent.setdefault(parent, []).append((div_id, n))
    found: set[str] = set()
    for children in by_parent.values():
        pairs: list[Pair] = [(old_order[div_id], n) for div_id, n in children]
        out_of_order = moved(pairs)
        found |= {div_id for div_id, _ in children if old_order[div_id] in out_of_order}
    return found


def _division_label(
    doc: Document, numbers: Mapping[str, int], division: Division
) -> str:
    n = numbers.get(division.id, 0)
    return (
        numbering.division_label(division.kind, n, doc.lang, doc.style)
        if n
        else division.id
    )


def _renamed_divisions(
    before: dict[str, tuple[Division, str | None]],
    after: dict[str, tuple[Division, str | None]],
) -> dict[str, str]:
    """Old id -> new id for divisions that changed id but kept kind and heading
    (an imported text names its chapters anew): the same division, not one
    removed and one added."""
    unclaimed: dict[tuple[str, str], list[str]] = {}
    for div_id, (division, _) in after.items():
        if div_id not in before:
            key = (division.kind, loose_key(division.heading))
            unclaimed.setdefault(key, []).append(div_id)
    renamed: dict[str, str] = {}
    for div_id, (division, _) in before.items():
        candidates = unclaimed.get((division.kind, loose_key(division.heading)))
        if div_id not in after and candidates:
            renamed[div_id] = candidates.pop(0)
    return renamed


def _division_changes(old: Document, new: Document) -> list[Change]:
    before, after = _divisions(old), _divisions(new)
    renamed = _renamed_divisions(before, after)
    if renamed:
        # Keyed by the new ids from here on; each Division keeps its old id,
        # which its old number is looked up by.
        before = {
            renamed.get(div_id, div_id): (
                division,
                renamed.get(parent, parent) if parent is not None else None,
            )
            for div_id, (division, parent) in before.items()
        }
    old_numbers, new_numbers = (
        numbering.number_divisions(old),
        numbering.number_divisions(new),
    )
    out: list[Change] = []
    reordered = _reordered_divisions(before, after)
    for div_id, (division, parent) in after.items():
        label = _division_label(new, new_numbers, division)
        if div_id not in before:
            out.append(OutlineChanged("added", div_id, None, label, division.heading))
            continue
        was, was_parent = before[div_id]
        if was.heading != division.heading:
            ops = diff_words(was.heading, division.heading)
            out.append(HeadingChanged(div_id, label, ops, is_formal(ops)))
        if was_parent != parent or div_id in reordered:
            old_label = _division_label(old, old_numbers, was)
            out.append(
                OutlineChanged("moved", div_id, old_label, label, division.heading)
            )
    for div_id, (division, _) in before.items():
        if div_id not in after:
            label = _division_label(old, old_numbers, division)
            out.append(OutlineChanged("removed", div_id, label, None, division.heading))
    return out


# --- the entry point -------------------------------------------------------------


def diff_documents(
    old: Document,
    new: Document,
    *,
    old_name: str = "old",
    new_name: str = "new",
    align: AlignMode = "auto",
    context: bool = False,
    progress: Progress | None = None,
    only: tuple[str | None, str | None] | None = None,
    moves: frozenset[str] = frozenset(),
) -> DocumentDiff:
    """Compare two documents article by article and word by word.

    Args:
        old: the text before.
        new: the text after.
        old_name: how the old text is named in the result ("HEAD~1:drafts/x").
        new_name: the same for the new text.
        align: pair articles by "id", by "content", or "auto" (ids when the two
            sides share enough of them).
        context: also return every unchanged article, for `--context`.
        progress: called with (done, total) every few hundred articles.
        only: compare just this pair of article ids (either may be None: the
            article did not exist on that side), ignoring the rest.
        moves: the articles a proposal says it moves. When they explain the
            new order as well as any other choice (two neighbours swapped),
            they are the ones reported as moved.

    Returns:
        The change records, articles in the new reading order.
    """
    with paused_collector():
        return _diff_documents(
            old, new, old_name, new_name, align, context, progress, only, moves
        )


def _diff_documents(
    old: Document,
    new: Document,
    old_name: str,
    new_name: str,
    align: AlignMode,
    context: bool,
    progress: Progress | None,
    only: tuple[str | None, str | None] | None,
    moves: frozenset[str],
) -> DocumentDiff:
    old_ids, new_ids = _live_ids(old), _live_ids(new)
    if only is not None:
        old_ids = [only[0]] if only[0] is not None else []
        new_ids = [only[1]] if only[1] is not None else []
    by_content = align == "content" or (
        align == "auto" and not ids_are_meaningful(old_ids, new_ids)
    )
    labels: dict[tuple[int, int, str, str], str] = {}
    ctx = _Context(_Side(old, labels), _Side(new, labels), by_content)
    if only is not None:
        pairs: list[Pair] = (
            [(0 if old_ids else None, 0 if new_ids else None)]
            if old_ids or new_ids
            else []
        )
    elif by_content and not (len(old_ids) == 1 and len(new_ids) == 1):
        old_slots = [ctx.old.slot(a) for a in old_ids]
        new_slots = [ctx.new.slot(a) for a in new_ids]
        pairs = align_articles(old_slots, new_slots, "content")
    else:
        old_slots = [Slot(a, "", "", ()) for a in old_ids]
        new_slots = [Slot(a, "", "", ()) for a in new_ids]
        pairs = align_articles(old_slots, new_slots, "id")
    out_of_order = _moved_in_place(ctx, pairs, old_ids, new_ids, moves)
    ordered = _reading_order(pairs)
    records: list[ArticleChange] = []
    everything: list[ArticleChange] = []
    total = len(ordered)
    for done, (i, j) in enumerate(ordered, 1):
        if progress is not None and done % 500 == 0:
            progress(done, total)
        change = _article_change(
            ctx,
            old_ids[i] if i is not None else None,
            new_ids[j] if j is not None else None,
            i is not None and i in out_of_order,
            context,
        )
        if change is None:
            continue
        if change.kinds:
            records.append(change)
        everything.append(change)
    if progress is not None:
        progress(total, total)
    records = _cross_article_moves(records)
    if context:
        by_article = {c.article: c for c in records}
        everything = [
            by_article.get(c.article, c) if c.kinds else c for c in everything
        ]
    divisions = _division_changes(old, new) if only is None else []
    changes: list[Change] = [*records, *divisions]
    return DocumentDiff(
        old=old_name,
        new=new_name,
        lang=new.lang,
        rtl=new.rtl,
        changes=tuple(changes),
        context=tuple(everything) if context else (),
        old_document=old,
        new_document=new,
    )
