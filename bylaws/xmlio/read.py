"""Element trees to `bylaws.model` values, each remembering where it came from."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

from lxml import etree

from ..errors import UnusableInput
from ..locale import _
from ..model import (
    DEFAULT_DIVISION_HEADING,
    DIVISION_KINDS,
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Base,
    Comment,
    Division,
    DivisionKind,
    Document,
    DocumentMeta,
    Fingerprint,
    Hyperlink,
    Inline,
    Insert,
    Move,
    Note,
    NumberingMode,
    NumberStyle,
    Numerals,
    Operation,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Position,
    Proposal,
    Ref,
    RefForm,
    Repeal,
    Review,
    Ruling,
    Sender,
    SourceLoc,
    Stage,
    Text,
    UnitNumbering,
    Units,
    Verdict,
)
from .canonical import fold, local_name
from .parse import XML_LANG, Q, parse_bytes, source_line


class _Locator:
    """Turns an element into a SourceLoc, finding its column in the source."""

    def __init__(self, path: str, data: bytes | None) -> None:
        self.path = path
        self._lines = data.decode("utf-8", "replace").splitlines() if data else []
        # "<" + local name by tag: a few distinct tags, thousands of elements.
        self._openers: dict[object, str] = {}

    def at_opener(self, el: etree._Element, opener: str) -> SourceLoc:
        """`self(el)` for an element whose start tag is `opener` ("<article"):
        the outline's thousands of entries skip the lookups of the general case."""
        line: Any = el.sourceline
        lines = self._lines
        if line and 0 < line <= len(lines):
            found = lines[line - 1].find(opener)
            return SourceLoc(self.path, line, found + 1 if found >= 0 else 1)
        return SourceLoc(self.path, int(line) if line else 0, 1)

    def __call__(self, el: etree._Element, needle: str | None = None) -> SourceLoc:
        line = source_line(el)
        lines = self._lines
        if not 0 < line <= len(lines):
            return SourceLoc(self.path, line, 1)
        text = lines[line - 1]
        found = text.find(needle) if needle else -1
        if found < 0:
            tag = el.tag
            opener = self._openers.get(tag)
            if opener is None:
                opener = self._openers[tag] = "<" + local_name(el)
            found = text.find(opener)
        return SourceLoc(self.path, line, found + 1 if found >= 0 else 1)


def source_loc(
    el: etree._Element, path: str, data: bytes | None, needle: str | None = None
) -> SourceLoc:
    """Where an element is in its file; `needle` narrows the column on its line."""
    return _Locator(path, data)(el, needle)


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return el.find(Q + name)


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return el.findall(Q + name)


def _text_of(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return fold(el.text).strip()


def _runs(el: etree._Element, loc: _Locator) -> tuple[Inline, ...]:
    """Inline content of a text element, whitespace folded as in canonical form."""
    if len(el) == 0:
        # Plain text, the common case: one run, trimmed as below.
        value = fold(el.text).strip(" ")
        return (Text(value),) if value else ()
    pieces: list[Inline] = []

    def add_text(value: str) -> None:
        if not value:
            return
        if pieces and isinstance(pieces[-1], Text):
            pieces[-1] = Text(pieces[-1].value + value)
        else:
            pieces.append(Text(value))

    add_text(fold(el.text))
    for child in el:
        href = child.get("href") if isinstance(child.tag, str) else None
        if href is not None and local_name(child) == "ref":
            pieces.append(Hyperlink(href, fold(child.text).strip(" "), loc(child)))
        elif isinstance(child.tag, str) and local_name(child) == "ref":
            to = child.get("to", "")
            form: RefForm = "number" if child.get("form") == "number" else "full"
            words = fold(child.text).strip(" ") or None
            pieces.append(Ref(to, form, loc(child, f'to="{to}"'), words))
        add_text(fold(child.tail))
    if pieces and isinstance(pieces[0], Text):
        pieces[0] = Text(pieces[0].value.lstrip(" "))
    if pieces and isinstance(pieces[-1], Text):
        pieces[-1] = Text(pieces[-1].value.rstrip(" "))
    return tuple(p for p in pieces if not (isinstance(p, Text) and not p.value))


def _p(el: etree._Element, loc: _Locator) -> P:
    return P(_runs(el, loc), loc(el))


_P_TAG = Q + "p"
_POINT_TAG = Q + "point"


def _items(el: etree._Element, loc: _Locator) -> tuple[P | Point, ...]:
    items: list[P | Point] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        # The namespaced tags first: one comparison instead of cutting a name.
        name = (
            "p"
            if tag == _P_TAG
            else "point"
            if tag == _POINT_TAG
            else local_name(child)
        )
        if name == "p":
            items.append(_p(child, loc))
        elif name == "point":
            items.append(Point(_items(child, loc), loc(child)))
    return tuple(items)


def article_from_xml(
    root: etree._Element, path: str = "", data: bytes | None = None
) -> Article:
    """An article element (already validated) as an Article."""
    loc = _Locator(path, data)
    return Article(
        id=root.get("id", ""),
        heading=_text_of(_child(root, "heading")),
        paragraphs=tuple(
            Paragraph(_items(p, loc), loc(p)) for p in _children(root, "paragraph")
        ),
        notes=tuple(Note(_runs(n, loc), loc(n)) for n in _children(root, "note")),
        loc=loc(root),
        intro=_texts(root, "intro", loc),
    )


_ARTICLE_TAG = Q + "article"


def _outline(el: etree._Element, loc: _Locator) -> tuple[OutlineNode, ...]:
    nodes: list[OutlineNode] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        # Thousands of entries: the namespaced tag is compared before any name
        # is cut out of it, and the fields are passed in order.
        if tag == _ARTICLE_TAG or local_name(child) == "article":
            get = child.get
            nodes.append(
                ArticleEntry(
                    get("ref", ""),
                    get("num"),
                    get("status") == "repealed",
                    loc.at_opener(child, "<article"),
                )
            )
            continue
        name = local_name(child)
        if name in DIVISION_KINDS:
            nodes.append(
                Division(
                    kind=name,
                    id=child.get("id", ""),
                    heading=_text_of(_child(child, "heading")) or "",
                    children=_outline(child, loc),
                    loc=loc(child),
                )
            )
    return tuple(nodes)


def document_from_xml(
    root: etree._Element,
    articles: Mapping[str, Article],
    path: str = "",
    data: bytes | None = None,
) -> Document:
    """A document element (already validated) and its loaded articles."""
    loc = _Locator(path, data)
    meta = _child(root, "meta")
    assert meta is not None  # the schema requires it
    stages = _child(meta, "stages")
    senders = _child(meta, "senders")
    outline = _child(root, "outline")
    return Document(
        id=root.get("id", ""),
        lang=root.get(XML_LANG, "ar"),
        numbering=cast(NumberingMode, root.get("numbering", "auto")),
        style=cast(NumberStyle, root.get("style", "words")),
        meta=DocumentMeta(
            title=_text_of(_child(meta, "title")) or "",
            short_title=_text_of(_child(meta, "shortTitle")),
            organisation=_text_of(_child(meta, "organisation")),
            version=_text_of(_child(meta, "version")),
            date=_text_of(_child(meta, "date")),
            stages=tuple(
                Stage(s.get("id", ""), _text_of(s) or "")
                for s in (_children(stages, "stage") if stages is not None else [])
            ),
            instrument_closing=_text_of(_child(meta, "instrumentClosing")),
            senders=tuple(
                Sender(s.get("address", ""), _text_of(s) or "")
                for s in (_children(senders, "sender") if senders is not None else [])
            ),
        ),
        outline=_outline(outline, loc) if outline is not None else (),
        articles=articles,
        loc=loc(root),
        preamble=_texts(root, "preamble", loc),
        closing=_texts(root, "closing", loc),
        units=_units(_child(root, "units")),
    )


def _texts(el: etree._Element, name: str, loc: _Locator) -> tuple[P, ...]:
    """The `<p>`s of a child holding only text (a preamble, an intro)."""
    return tuple(
        _p(p, loc) for found in _children(el, name) for p in _children(found, "p")
    )


def _units(el: etree._Element | None) -> Units | None:
    """The `<units>` of a document (already validated), or None for the defaults."""
    if el is None:
        return None
    division, unit = _child(el, "division"), _child(el, "unit")
    assert division is not None and unit is not None  # the schema requires both
    return Units(
        division=cast(DivisionKind, division.get("kind", "chapter")),
        division_name=division.get("name", ""),
        numerals=cast(Numerals, division.get("numerals", "upper-roman")),
        unit_name=unit.get("name", ""),
        numbering=cast(UnitNumbering, unit.get("numbering", "restart")),
        label=unit.get("label", ""),
        citation=unit.get("citation", ""),
        heading=division.get("heading", DEFAULT_DIVISION_HEADING),
    )


def _rationale(el: etree._Element, loc: _Locator) -> tuple[P, ...]:
    found = _child(el, "rationale")
    return tuple(_p(p, loc) for p in _children(found, "p")) if found is not None else ()


def _position(el: etree._Element) -> Position:
    for relation in ("after", "before", "start", "end"):
        anchor = el.get(relation)
        if anchor:
            return Position(relation, anchor)
    raise UnusableInput(
        _("{element} needs one of after=, before=, start=, end="),
        "",
        source_line(el),
        element=local_name(el),
    )


def _operation(el: etree._Element, loc: _Locator) -> Operation | None:
    name = local_name(el)
    rationale = _rationale(el, loc)
    article = el.get("article", "")
    where_ = loc(el)
    if name == "amend":
        return Amend(article, rationale, where_)
    if name == "insert":
        return Insert(article, _position(el), rationale, where_)
    if name == "repeal":
        return Repeal(article, rationale, where_)
    if name == "move":
        return Move(article, _position(el), rationale, where_)
    if name == "amendHeading":
        heading = _text_of(_child(el, "heading")) or ""
        return AmendHeading(el.get("target", ""), heading, rationale, where_)
    return None


def _ruling(el: etree._Element | None) -> Ruling | None:
    if el is None:
        return None
    return Ruling(
        verdict=cast(Verdict, el.get("verdict", "")),
        date=el.get("date", ""),
        modified=el.get("modified"),
        by=el.get("by"),
        note=_text_of(el) or None,
        votes=_votes(el.get("votes")),
    )


def _votes(value: str | None) -> tuple[int, int, int] | None:
    """ "41/3/2" (the schema checked its form) as (for, against, abstentions)."""
    if not value:
        return None
    cast_for, against, abstain = (int(n) for n in value.split("/"))
    return cast_for, against, abstain


def proposal_from_xml(
    root: etree._Element,
    articles: Mapping[str, Article],
    path: str = "",
    data: bytes | None = None,
) -> Proposal:
    """A proposal element (already validated) and its proposed article texts."""
    loc = _Locator(path, data)
    meta = _child(root, "meta")
    base = _child(root, "base")
    assert meta is not None and base is not None  # the schema requires them
    reviews = _child(root, "reviews")
    operations = _child(root, "operations")
    ops = [_operation(op, loc) for op in (operations if operations is not None else [])]
    return Proposal(
        id=root.get("id", ""),
        title=_text_of(_child(meta, "title")) or "",
        proposer=_text_of(_child(meta, "proposer")) or "",
        submitted=_text_of(_child(meta, "submitted")),
        base=Base(
            document=base.get("document", ""),
            commit=base.get("commit"),
            fingerprints=tuple(
                Fingerprint(f.get("article", ""), f.get("sha256", ""))
                for f in _children(base, "fingerprint")
            ),
        ),
        stage=root.get("stage", ""),
        rationale=_rationale(root, loc),
        reviews=tuple(
            Review(
                stage=r.get("stage", ""),
                body=r.get("body", ""),
                recommendation=_ruling(_child(r, "recommendation")),
                decision=_ruling(_child(r, "decision")),
                loc=loc(r),
            )
            for r in (_children(reviews, "review") if reviews is not None else [])
        ),
        operations=tuple(op for op in ops if op is not None),
        articles=articles,
        loc=loc(root),
    )


def feedback_from_xml(
    root: etree._Element, path: str = "", data: bytes | None = None
) -> list[Comment]:
    """The comments of one feedback file."""
    loc = _Locator(path, data)
    return [
        Comment(
            id=c.get("id", ""),
            on=c.get("on", ""),
            author=c.get("author", ""),
            body=c.get("body", ""),
            date=c.get("date", ""),
            proposal=c.get("proposal"),
            text=tuple(_p(p, loc) for p in _children(c, "p")),
            loc=loc(c),
        )
        for c in _children(root, "comment")
    ]


class LazyArticles(Mapping[str, Article]):
    """Article files already checked, each turned into a value only when used.

    `check` parses and validates every file but needs the values of only a
    few (those a proposal touches): building all of them would cost more
    than parsing. It keeps the bytes, not the trees: a tree let go at once
    leaves its memory to the next file's parse.
    """

    def __init__(self, sources: Mapping[str, tuple[str, bytes]]) -> None:
        self.sources = sources
        self._values: dict[str, Article] = {}

    def root(self, key: str) -> etree._Element:
        """The element tree of an article, parsed again from its bytes."""
        path, data = self.sources[key]
        return parse_bytes(data, path)

    def __getitem__(self, key: str) -> Article:
        value = self._values.get(key)
        if value is None:
            path, data = self.sources[key]
            value = self._values[key] = article_from_xml(self.root(key), path, data)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)

    def __contains__(self, key: object) -> bool:
        return key in self.sources
