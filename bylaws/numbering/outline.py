"""Numbers of a whole document: its articles and divisions from the outline,
and references resolved to what they designate."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from bylaws.errors import NotFound
from bylaws.locale import _
from bylaws.model import (
    Division,
    Document,
    OutlineNode,
    Ref,
    iter_divisions,
    iter_entries,
)
from bylaws.values import Value, value_class

from .labels import article_label, plain_number, ref_designation
from .units import division_label_in, unit_citation, unit_label, unit_number


@value_class(frozen=True, slots=True, eq=False, repr=False)
class ArticleNumber(Value):
    """An article's number: n, the insertion suffix index k (0 = none), repealed."""

    n: int
    k: int = 0
    repealed: bool = False
    division: int = 0  # the enclosing division's number, where units restart in it

    def plain(self) -> str:
        return plain_number(self.n, self.k)


_NUMBERS_CACHE: dict[
    tuple[int, str], tuple[tuple[OutlineNode, ...], dict[str, ArticleNumber]]
] = {}


def number_outline(doc: Document) -> dict[str, ArticleNumber]:
    """Every article id of the outline mapped to its number (shared: do not mutate).

    Numbers depend only on the outline and the numbering mode, and a proposal
    that only amends texts keeps its base's outline object: the numbers are
    computed once per outline.
    """
    key = (id(doc.outline), doc.numbering + repr(doc.units))
    cached = _NUMBERS_CACHE.get(key)
    if cached is not None and cached[0] is doc.outline:
        return cached[1]
    numbers = _number_outline(doc)
    if len(_NUMBERS_CACHE) > 32:
        _NUMBERS_CACHE.clear()
    _NUMBERS_CACHE[key] = (doc.outline, numbers)
    return numbers


def _number_outline(doc: Document) -> dict[str, ArticleNumber]:
    """Every article id of the outline mapped to its number.

    `auto` numbers articles 1.. in outline order; repealed entries take no
    number and are left out. `fixed` keeps each entry's `num`; an entry without
    one follows the previous entry with the next suffix (12, 12 مكرر, 12 مكرر
    (أ)); one before any numbered entry is 0 مكرر. Repealed entries keep their
    number. When an id appears twice, its first place wins.
    """
    if doc.units is not None:
        return _number_units(doc)
    numbers: dict[str, ArticleNumber] = {}
    n, k = 0, 0
    for entry in iter_entries(doc.outline):
        if doc.numbering == "auto":
            if entry.repealed:
                continue
            n, k = n + 1, 0
        elif entry.num is not None:
            n, k = int(entry.num), 0
        else:
            k += 1
        numbers.setdefault(entry.ref, ArticleNumber(n, k, entry.repealed))
    return numbers


def _number_units(doc: Document) -> dict[str, ArticleNumber]:
    """Units numbered afresh inside each division of the kind `<units>` names.

    `fixed` keeps each entry's `num` (its number within the division) and
    gives an entry without one the next suffix, as for articles.
    """
    assert doc.units is not None
    kind = doc.units.division
    numbers: dict[str, ArticleNumber] = {}
    division = 0

    def walk(nodes: Sequence[OutlineNode], n: int, k: int) -> tuple[int, int]:
        nonlocal division
        for node in nodes:
            if isinstance(node, Division):
                if node.kind == kind:
                    division += 1
                    walk(node.children, 0, 0)
                else:
                    n, k = walk(node.children, n, k)
                continue
            if doc.numbering == "auto":
                if node.repealed:
                    continue
                n, k = n + 1, 0
            elif node.num is not None:
                n, k = int(node.num), 0
            else:
                k += 1
            numbers.setdefault(node.ref, ArticleNumber(n, k, node.repealed, division))
        return n, k

    walk(doc.outline, 0, 0)
    return numbers


def number_divisions(doc: Document) -> dict[str, int]:
    """Division ids mapped to their numbers.

    Parts and chapters count on through the whole document; sections start
    again inside each enclosing division.
    """
    numbers: dict[str, int] = {}
    running = {"part": 0, "chapter": 0}

    def walk(nodes: Sequence[OutlineNode]) -> None:
        sections = 0
        for node in nodes:
            if not isinstance(node, Division):
                continue
            if node.kind == "section":
                sections += 1
                numbers[node.id] = sections
            else:
                running[node.kind] += 1
                numbers[node.id] = running[node.kind]
            walk(node.children)

    walk(doc.outline)
    return numbers


def label_for(
    doc: Document, article_id: str, numbers: Mapping[str, ArticleNumber] | None = None
) -> str:
    """The label of one article in the document's language and style."""
    numbers = number_outline(doc) if numbers is None else numbers
    if article_id not in numbers:
        raise NotFound(
            _("document '{document}' has no numbered article '{article}'"),
            document=doc.id,
            article=article_id,
        )
    return designation(doc, numbers[article_id])


def designation(doc: Document, number: ArticleNumber, citation: bool = True) -> str:
    """An article's designation: "Article 12", «المادة الثانية عشرة», or where
    the document says its units, the citation "Article II, Section 3"
    (`citation`) or the unit's own label "Section 3"."""
    if doc.units is not None:
        make = unit_citation if citation else unit_label
        return make(doc.units, number.division, number.n, number.k)
    return article_label(number.n, number.k, doc.lang, doc.style)


def _not_found(ref: Ref, why: str, **args: Any) -> NotFound:
    """A reference that points to nothing, where it is written; `why` is a
    msgid (with `args`), said in the language of the sentence around it."""
    loc = ref.loc
    return NotFound(
        _("reference to '{to}' points to nothing: {why}"),
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
        to=ref.to,
        why=NotFound(why, **args),
    )


class PointShape(Protocol):
    """What resolving an address needs of a paragraph or point: its points."""

    @property
    def points(self) -> Sequence[PointShape]: ...


class ArticleShape(Protocol):
    """What resolving an address needs of an article: its paragraphs."""

    @property
    def paragraphs(self) -> Sequence[PointShape]: ...


def resolve_ref_path(
    doc: Document,
    ref: Ref,
    numbers: Mapping[str, ArticleNumber] | None = None,
    lookup: Callable[[str], ArticleShape | None] | None = None,
) -> list[tuple[str, int, int]]:
    """The designation path of a reference's target; NotFound if there is none.

    A point may be addressed without a paragraph (`art-x/point-1`) when its
    article has exactly one paragraph. `lookup` finds an article's shape
    (by default the document's article); `check` passes element trees' shapes
    so that it need not build every article's value.
    """
    numbers = number_outline(doc) if numbers is None else numbers
    article_id, *steps = ref.to.split("/")
    if article_id not in numbers:
        division = _division_target(doc, article_id) if not steps else None
        if division is not None:
            return [division]
        raise _not_found(
            ref, _("there is no article '{article}' in the outline"), article=article_id
        )
    number = numbers[article_id]
    path: list[tuple[str, int, int]] = [("article", number.n, number.k)]
    if not steps:
        return path
    article = (lookup or doc.articles.get)(article_id)
    if article is None:
        raise _not_found(ref, _("article '{article}' has no text"), article=article_id)
    container: PointShape | None = None
    if steps[0].startswith("point-") and len(article.paragraphs) == 1:
        container = article.paragraphs[0]
    depth = 0
    for step in steps:
        match = re.fullmatch(r"(para|point)-([1-9][0-9]*)", step)
        if match is None:
            raise _not_found(
                ref, _("'{step}' is not a paragraph or point address"), step=step
            )
        kind, index = match.group(1), int(match.group(2))
        if kind == "para":
            if container is not None:
                raise _not_found(
                    ref, _("a paragraph address must come right after the article")
                )
            count = len(article.paragraphs)
            if index > count:
                raise _not_found(
                    ref,
                    _("article '{article}' has only {count} paragraph(s)"),
                    article=article_id,
                    count=count,
                )
            container = article.paragraphs[index - 1]
            path.append(("para", index, 0))
        else:
            if container is None:
                raise _not_found(ref, _("a point address needs its paragraph first"))
            points = container.points
            if index > len(points):
                raise _not_found(
                    ref,
                    _("'{step}' does not exist ({count} point(s))"),
                    step=step,
                    count=len(points),
                )
            container = points[index - 1]
            depth += 1
            path.append(("point", index, depth))
    return path


def _division_target(doc: Document, division_id: str) -> tuple[str, int, int] | None:
    """The path step of a division a reference may name: the divisions of the
    kind a document's units name ("this Article"), where it says its units."""
    if doc.units is None:
        return None
    for division in iter_divisions(doc.outline):
        if division.id == division_id and division.kind == doc.units.division:
            return ("division", number_divisions(doc)[division_id], 0)
    return None


def render_ref(
    doc: Document, ref: Ref, numbers: Mapping[str, ArticleNumber] | None = None
) -> str:
    """The text a live reference shows in the document's language and style:
    its words as written where it has them ("this Article"), whether or not
    its target is still there (`check` reports one that is not)."""
    if ref.words is not None:
        return ref.words
    path = resolve_ref_path(doc, ref, numbers)
    if path[0][0] == "division":
        return division_label_in(
            doc, doc.units.division if doc.units else "chapter", path[0][1]
        )
    if doc.units is None:
        return ref_designation(path, doc.lang, doc.style, ref.form)
    # The article step is the unit's citation; paragraphs and points read as usual.
    number = (numbers or number_outline(doc))[ref.to.split("/")[0]]
    if ref.form == "number" and len(path) == 1:
        return unit_number(doc.units, number.division, number.n, number.k)
    tail = "".join(
        ref_designation([s], doc.lang, doc.style, "number") for s in path[1:]
    )
    if ref.form == "number":
        return ref_designation(path[-1:], doc.lang, doc.style, "number")
    return designation(doc, number) + tail
