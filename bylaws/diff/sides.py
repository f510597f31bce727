"""Each side of a diff prepared for comparison: numbers, divisions and text units.

A unit is a paragraph, a point, the text after a point, or a note: what the
diff pairs and compares word by word. Its text is rendered as readers see it,
references replaced by the designation they name on that side.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import overload

from bylaws import numbering
from bylaws.diff.structure import Slot
from bylaws.errors import BylawsError
from bylaws.locale import _, language_of, tr
from bylaws.model import (
    INTRO,
    Article,
    Division,
    Document,
    DocumentMeta,
    Hyperlink,
    Inline,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Text,
    inline_text,
)
from bylaws.text import loose_key, strip_for_search

__all__ = [
    "NOTE_PREFIX",
    "TEXT_PREFIX",
    "FingerprintedArticles",
    "Side",
    "Unit",
    "UnitWords",
    "article_lines",
    "render_runs",
]


class FingerprintedArticles:
    """Base of article mappings that know each article's stored bytes.

    Two articles with the same id and the same fingerprint (the same bytes, or
    the same git blob) are equal without being parsed.
    """

    def fingerprint(self, article_id: str) -> object | None:
        raise NotImplementedError

    def forget(self, article_id: str) -> None:
        """Let go of an article parsed for the diff, which is done with it.

        A mapping that can read it again drops it, so that a big diff holds
        the articles it is comparing, not every one it compared.
        """


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
        if isinstance(run, Text | Hyperlink):
            parts.append(run.value if isinstance(run, Text) else run.text)
            continue
        try:
            parts.append(numbering.render_ref(doc, run, numbers))
        except (BylawsError, ValueError):
            parts.append("{" + run.to + "}")
    return "".join(parts)


def _raw_runs(runs: Sequence[Inline]) -> str:
    return "".join(inline_text(r) for r in runs)


# Notes follow the paragraphs of an article, addressed "note-1", "note-2"…
NOTE_PREFIX = "note-"
# Text after a point, inside its paragraph or point: "para-2/text-1".
TEXT_PREFIX = "text-"


class Unit:
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
        side: Side,
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


class UnitWords(Sequence[tuple[str, ...]]):
    """The words of a list of units, folded only for the units alignment looks at.

    Alignment pairs equal texts first; only the units left over are compared
    by similarity.
    """

    def __init__(self, units: Sequence[Unit]) -> None:
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


class Side:
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
        self._units: dict[str, list[Unit]] = {}
        # A reference shows the same text wherever it stands, and a unit's
        # label depends only on its place: both are worked out once.
        self._refs: dict[tuple[str, str, str | None], str] = {}
        self._unit_labels: dict[tuple[int, int], str] = {}
        # The first article number the style cannot write, once one is met.
        self._words_end: int | None = None

    def _walk(self, nodes: Sequence[OutlineNode], parent: Division | None) -> None:
        for node in nodes:
            if isinstance(node, Division):
                self._walk(node.children, node)
            elif parent is not None:
                self.division_of.setdefault(node.ref, parent)

    def number(self, article_id: str | None) -> str | None:
        """The article's plain number on this side; None where it is not."""
        if article_id is None:
            return None
        plain = self._plain.get(article_id)
        if plain is None:
            found = self.numbers.get(article_id)
            if found is None:
                return None
            plain = self._plain[article_id] = found.plain()
        return plain

    def label(self, article_id: str | None) -> str | None:
        """The article's label ("المادة الثالثة") on this side; None where it is not."""
        if article_id is None:
            return None
        number = self.numbers.get(article_id)
        if number is None:
            return None
        if self.doc.units is not None:
            return numbering.designation(self.doc, number)
        lang, style = self.doc.lang, self.doc.style
        key = (number.n, number.k, lang, style)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._article_label(number.n, number.k)
        return found

    def _article_label(self, n: int, k: int) -> str:
        lang, style = self.doc.lang, self.doc.style
        if self._words_end is None or n < self._words_end:
            try:
                return numbering.article_label(n, k, lang, style)
            except ValueError:
                # Beyond the ordinal words (over 9,999 articles): digits still
                # work. The words end at a number: every later one is written
                # in digits straight away (10,000 failed attempts cost more
                # than the labels of a 20,000-article diff).
                if k == 0:
                    self._words_end = n
        return numbering.article_label(n, k, lang, "digits")

    def article(self, article_id: str) -> Article:
        found = self.doc.articles.get(article_id)
        return found if found is not None else Article(article_id, None, ())

    def units(self, article_id: str) -> list[Unit]:
        found = self._units.get(article_id)
        if found is None:
            found = self._units[article_id] = list(
                self._unit_iter(self.article(article_id))
            )
        return found

    def release(self, article_id: str | None) -> None:
        """Let go of an article's units and parsed text: the diff is done with it."""
        if article_id is None:
            return
        self._units.pop(article_id, None)
        articles = self.doc.articles
        if isinstance(articles, FingerprintedArticles):
            articles.forget(article_id)

    def render(self, runs: Sequence[Inline]) -> str:
        """`render_runs` for this side, each reference rendered once."""
        parts: list[str] = []
        for run in runs:
            if isinstance(run, Text | Hyperlink):
                parts.append(run.value if isinstance(run, Text) else run.text)
                continue
            key = (run.to, run.form, run.words)
            shown = self._refs.get(key)
            if shown is None:
                shown = self._refs[key] = render_runs(self.doc, self.numbers, (run,))
            parts.append(shown)
        return "".join(parts)

    def _unit(
        self, address: str, label: str, blocks: Sequence[Sequence[Inline]]
    ) -> Unit:
        """A unit of text made of `blocks` of runs, joined by a space."""
        raws: list[str] = []
        texts: list[str] = []
        for runs in blocks:
            first = runs[0] if len(runs) == 1 else None
            if isinstance(first, Text):
                # Most blocks are one run of plain text, raw and rendered alike.
                raws.append(first.value)
                texts.append(first.value)
            else:
                raws.append(_raw_runs(runs))
                texts.append(self.render(runs))
        raw, text = " ".join(raws), " ".join(texts)
        return Unit(address, label, raw, text, tuple(tuple(b) for b in blocks), self)

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

    def _unit_iter(self, article: Article) -> Iterator[Unit]:
        if article.intro:
            yield self._unit(INTRO, "", [p.runs for p in article.intro])
        numbered = len(article.paragraphs) > 1 or bool(article.intro)
        for n, paragraph in enumerate(article.paragraphs, 1):
            address = f"para-{n}"
            label = self._unit_label(n, 0) if numbered else ""
            yield from self._container(paragraph, address, label, 0)
        if not article.notes:
            return
        # Editorial notes are compared too: a changed note is a changed word.
        word = tr(_("Note"), language_of(self.doc))
        for n, note in enumerate(article.notes, 1):
            label = word if len(article.notes) == 1 else f"{word} {n}"
            yield self._unit(f"{NOTE_PREFIX}{n}", label, (note.runs,))

    def _container(
        self, node: Paragraph | Point, address: str, label: str, depth: int
    ) -> Iterator[Unit]:
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


def article_lines(article: Article, lang: str = "ar") -> list[str]:
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
    side = Side(doc)
    lines = [f"# {article.heading}"] if article.heading else []
    for unit in side.units(article.id):
        indent = "  " * unit.address.count("/point-")
        lines.append(
            f"{indent}{unit.label} {unit.text}".rstrip() if unit.label else unit.text
        )
    return lines
