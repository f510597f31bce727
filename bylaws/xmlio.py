"""XML in and out: the safe parser, the canonical form, and
conversion between element trees and `bylaws.model` values.

Parsing never loads a DTD, expands an entity or touches the network: a file
with a DOCTYPE is refused before lxml sees it, so a hostile file gets an error
rather than a hang or a read of another file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, cast

from lxml import etree

from .errors import UnusableInput
from .model import (
    DIVISION_KINDS,
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Base,
    Comment,
    Division,
    Document,
    DocumentMeta,
    Fingerprint,
    Inline,
    Insert,
    Move,
    Note,
    NumberingMode,
    NumberStyle,
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
    SourceLoc,
    Stage,
    Text,
    Verdict,
)

NS = "urn:bylaws:1"
Q = "{" + NS + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_FILE_BYTES = 10 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Elements whose content is running text: written on one line, whitespace folded.
TEXT_ELEMENTS = frozenset(
    {
        "title",
        "shortTitle",
        "organisation",
        "version",
        "date",
        "stage",
        "heading",
        "p",
        "note",
        "proposer",
        "submitted",
        "recommendation",
        "decision",
    }
)
# Attributes that identify an element come first, the rest alphabetically.
_ATTRIBUTE_PRIORITY = {
    name: i for i, name in enumerate(("id", XML_LANG, "ref", "to", "article", "target"))
}
_SPACES = re.compile(r"[ \t\r\n]+")
_ROOT_TAGS = {
    name: Q + name for name in ("document", "article", "proposal", "feedback")
}
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
# What nearly every file starts with: no need to look for another encoding.
_UTF8_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
_DECLARED_ENCODING = re.compile(
    rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)"
)


# --- reading ----------------------------------------------------------------


def _line(el: etree._Element) -> int:
    """An element's 1-based source line, 0 when unknown (built in memory)."""
    line: Any = el.sourceline
    return int(line) if line else 0


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def check_bytes(data: bytes, path: str) -> None:
    """Refuse what the XML parser must never see: empty, too big, DTDs."""
    if len(data) > MAX_FILE_BYTES:
        raise UnusableInput(
            f"file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB, the most a "
            "bylaws file may be; split the text into more articles",
            path,
            1,
            1,
        )
    if not data:
        raise _empty(path)
    if data.startswith(_WIDE_BOMS) or data.find(b"\x00", 0, 4) >= 0:
        # libxml2 would read UTF-16 or UTF-32 on its own, past every check
        # here, which reads bytes as ASCII-compatible.
        raise UnusableInput(
            "file is not UTF-8 (it is UTF-16 or UTF-32); save it as UTF-8",
            path,
            1,
            1,
        )
    found = _declaration_in_prolog(data)
    if found >= 0:
        line, col = _line_col(data, found)
        raise UnusableInput(
            "DOCTYPE and ENTITY declarations are not allowed in bylaws files "
            "(they could expand without limit or read other files); remove them",
            path,
            line,
            col,
        )


def _declaration_in_prolog(data: bytes) -> int:
    """Where a DOCTYPE or ENTITY declaration starts before the root, or -1.

    Only the prolog can hold one: later, "<!DOCTYPE" is a syntax error to
    libxml2, which expands nothing. So the scan stops at the first element
    instead of reading the whole text (a byte search through thousands of
    files of Arabic text costs more than the checks that follow).
    """
    pos = 0
    while (start := data.find(b"<", pos)) >= 0:
        if data.startswith(b"<?", start):
            end, skip = data.find(b"?>", start + 2), 2
        elif data.startswith(b"<!--", start):
            end, skip = data.find(b"-->", start + 4), 3
        elif data.startswith(b"<!", start):
            return start if _DOCTYPE.match(data, start) else -1
        else:
            return -1
        if end < 0:
            return -1  # unfinished: the parser says what is wrong
        pos = end + skip
    return -1


def _empty(path: str) -> UnusableInput:
    return UnusableInput("file is empty; expected an XML element", path, 1, 1)


def _not_utf8(data: bytes, path: str) -> UnusableInput | None:
    """The error for bytes that are not UTF-8, or None when they are."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return UnusableInput(
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x} cannot start a "
            "character); save it as UTF-8",
            path,
            line,
            col,
        )
    return None


@lru_cache(maxsize=1)
def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_bytes(data: bytes, path: str) -> etree._Element:
    """Parse one file's bytes safely; errors name the file, line and column."""
    check_bytes(data, path)
    if data.startswith(BOM):
        data = data[len(BOM) :]
    declared = (
        None
        if data.startswith(_UTF8_DECLARATION)
        else _DECLARED_ENCODING.match(data, 0, 200)
    )
    if declared and declared.group(1).upper().replace(b"_", b"-") not in (
        b"UTF-8",
        b"UTF8",
    ):
        encoding = declared.group(1).decode("ascii")
        raise _not_utf8(data, path) or UnusableInput(
            f"file declares encoding {encoding}; bylaws files are UTF-8: save it as "
            'UTF-8 and declare encoding="UTF-8"',
            path,
            1,
            1,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        # Only on failure: a file of blanks is "empty", and libxml2 reports bad
        # UTF-8 vaguely, so we find the byte ourselves.
        if not data.strip(b" \t\r\n"):
            raise _empty(path) from None
        raise _not_utf8(data, path) or _syntax_error(exc, path) from None
    if not isinstance(root.tag, str):
        raise UnusableInput("the root is not an element", path, 1, 1)
    return root


def _syntax_error(exc: etree.XMLSyntaxError, path: str) -> UnusableInput:
    line, col = exc.position if exc.position else (0, 0)
    message = str(exc.msg or exc).split(", line ")[0].strip()
    if message.startswith("Excessive depth"):
        # libxml2's advice (a parser option) is not the drafter's to take.
        message = "elements are nested more than 256 deep"
    return UnusableInput(f"malformed XML: {message}", path, line, max(col, 1))


def expect_root(root: etree._Element, name: str, path: str) -> None:
    """Refuse a root of the wrong name or namespace, in cobalt's tone."""
    if root.tag != _ROOT_TAGS.get(name) and root.tag != Q + name:
        qname = etree.QName(root)
        got = (
            f"{{{qname.namespace}}}{qname.localname}"
            if qname.namespace
            else qname.localname
        )
        raise UnusableInput(
            f"XML root element must be {name} in namespace {NS}, but got {got} instead",
            path,
            _line(root) or 1,
            1,
        )


# --- canonical form ---------------------------------------------------------


def fold(text: str | None) -> str:
    """Fold runs of XML whitespace to one space (other spaces are content)."""
    if not text:
        return ""
    # Most texts have nothing to fold, and four scans cost less than a regex.
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        return _SPACES.sub(" ", text)
    return text


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return (
        _escape_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
        .replace("\r", "&#13;")
    )


def _attr_name(name: str) -> str:
    if name == XML_LANG:
        return "xml:lang"
    if name.startswith("{"):
        raise ValueError(f"attribute {name} is not in the bylaws vocabulary")
    return name


def _attributes(el: etree._Element) -> str:
    attributes = [(str(k), str(v)) for k, v in el.attrib.items()]
    items = sorted(
        attributes, key=lambda kv: (_ATTRIBUTE_PRIORITY.get(kv[0], 99), kv[0])
    )
    return "".join(f' {_attr_name(k)}="{_escape_attr(v)}"' for k, v in items)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if isinstance(tag, str):
        # What QName(el).localname gives, without building a QName per element.
        return tag[tag.index("}") + 1 :] if tag.startswith("{") else tag
    return etree.QName(el).localname


def _is_text_bearing(el: etree._Element) -> bool:
    if _local(el) in TEXT_ELEMENTS:
        return True
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


def _inline(el: etree._Element) -> str:
    """An element inside running text, written exactly, whitespace folded."""
    if isinstance(el, etree._Comment):
        return f"<!--{el.text or ''}-->"
    if isinstance(el, etree._ProcessingInstruction):
        return f"<?{el.target!s} {el.text or ''}?>"
    tag = _local(el)
    inner = _escape_text(fold(el.text)) + "".join(
        _inline(child) + _escape_text(fold(child.tail)) for child in el
    )
    if not inner:
        return f"<{tag}{_attributes(el)}/>"
    return f"<{tag}{_attributes(el)}>{inner}</{tag}>"


def _strip_edges(el: etree._Element) -> str:
    """A text element's content with the whitespace at its two edges removed."""
    out = _inline(el)
    tag = _local(el)
    if out.endswith("/>"):
        return out
    open_end = out.index(">") + 1
    close_start = out.rindex(f"</{tag}>")
    return out[:open_end] + out[open_end:close_start].strip(" ") + out[close_start:]


def _block(el: etree._Element, depth: int, out: list[str], root: bool = False) -> None:
    pad = "  " * depth
    if not isinstance(el.tag, str):
        out.append(pad + _inline(el))
        return
    if etree.QName(el).namespace != NS:
        raise UnusableInput(
            f"element {etree.QName(el).localname} is not in the bylaws namespace {NS}",
            "",
            _line(el),
        )
    xmlns = f' xmlns="{NS}"' if root else ""
    tag = _local(el)
    if _is_text_bearing(el):
        line = _strip_edges(el)
        if xmlns:
            line = line.replace(f"<{tag}", f"<{tag}{xmlns}", 1)
        out.append(pad + line)
        return
    children = list(el)
    if not children:
        out.append(f"{pad}<{tag}{xmlns}{_attributes(el)}/>")
        return
    out.append(f"{pad}<{tag}{xmlns}{_attributes(el)}>")
    for child in children:
        _block(child, depth + 1, out)
    out.append(f"{pad}</{tag}>")


def serialize(root: etree._Element) -> bytes:
    """The canonical bytes of a tree: one element per line, text on one line.

    Deterministic (indentation, attribute order, line breaks, final newline),
    so that a one-word change is a one-line git diff.
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    for sibling in _preceding_siblings(root):
        out.append(_inline(sibling))
    _block(root, 0, out, root=True)
    for sibling in _following_siblings(root):
        out.append(_inline(sibling))
    return ("\n".join(out) + "\n").encode("utf-8")


def _preceding_siblings(root: etree._Element) -> list[etree._Element]:
    siblings = []
    node = root.getprevious()
    while node is not None:
        siblings.append(node)
        node = node.getprevious()
    return list(reversed(siblings))


def _following_siblings(root: etree._Element) -> list[etree._Element]:
    siblings = []
    node = root.getnext()
    while node is not None:
        siblings.append(node)
        node = node.getnext()
    return siblings


def canonical_bytes(data: bytes, path: str) -> bytes:
    """What `bylaws fmt` writes for a file's bytes (comments kept)."""
    root = parse_bytes(data, path)
    if etree.QName(root).namespace != NS:
        expect_root(root, etree.QName(root).localname, path)
    try:
        return serialize(root)
    except UnusableInput as exc:
        raise UnusableInput(exc.message, path, exc.line, 1) from None


# --- element trees -> model -------------------------------------------------


class _Locator:
    """Turns an element into a SourceLoc, finding its column in the source."""

    def __init__(self, path: str, data: bytes | None) -> None:
        self.path = path
        self._lines = data.decode("utf-8", "replace").splitlines() if data else []
        # "<" + local name by tag: a few distinct tags, thousands of elements.
        self._openers: dict[object, str] = {}

    def __call__(self, el: etree._Element, needle: str | None = None) -> SourceLoc:
        line = _line(el)
        lines = self._lines
        if not 0 < line <= len(lines):
            return SourceLoc(self.path, line, 1)
        text = lines[line - 1]
        found = text.find(needle) if needle else -1
        if found < 0:
            tag = el.tag
            opener = self._openers.get(tag)
            if opener is None:
                opener = self._openers[tag] = "<" + _local(el)
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
        if isinstance(child.tag, str) and _local(child) == "ref":
            to = child.get("to", "")
            form: RefForm = "number" if child.get("form") == "number" else "full"
            pieces.append(Ref(to, form, loc(child, f'to="{to}"')))
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
        name = "p" if tag == _P_TAG else "point" if tag == _POINT_TAG else _local(child)
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
        if tag == _ARTICLE_TAG or _local(child) == "article":
            get = child.get
            nodes.append(
                ArticleEntry(
                    get("ref", ""), get("num"), get("status") == "repealed", loc(child)
                )
            )
            continue
        name = _local(child)
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
        ),
        outline=_outline(outline, loc) if outline is not None else (),
        articles=articles,
        loc=loc(root),
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
        f"{_local(el)} needs one of after=, before=, start=, end=", "", _line(el)
    )


def _operation(el: etree._Element, loc: _Locator) -> Operation | None:
    name = _local(el)
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


# --- model -> element trees -------------------------------------------------


def _el(
    parent: etree._Element | None, name: str, **attrib: str | None
) -> etree._Element:
    clean = {k: v for k, v in attrib.items() if v is not None}
    if parent is None:
        nsmap: Any = {
            None: NS
        }  # the stubs do not allow the default namespace's None key
        return etree.Element(Q + name, clean, nsmap=nsmap)
    return etree.SubElement(parent, Q + name, clean)


def _text_el(parent: etree._Element, name: str, text: str | None) -> None:
    if text is not None:
        _el(parent, name).text = text


def _write_runs(el: etree._Element, runs: Iterable[Inline]) -> None:
    last: etree._Element | None = None
    for run in runs:
        if isinstance(run, Text):
            if last is None:
                el.text = (el.text or "") + run.value
            else:
                last.tail = (last.tail or "") + run.value
        else:
            last = _el(
                el, "ref", to=run.to, form=None if run.form == "full" else run.form
            )


def _write_items(el: etree._Element, items: Iterable[P | Point]) -> None:
    for item in items:
        if isinstance(item, P):
            _write_runs(_el(el, "p"), item.runs)
        else:
            _write_items(_el(el, "point"), item.items)


def _write_rationale(el: etree._Element, rationale: tuple[P, ...]) -> None:
    if rationale:
        holder = _el(el, "rationale")
        for p in rationale:
            _write_runs(_el(holder, "p"), p.runs)


def article_to_xml(article: Article) -> etree._Element:
    root = _el(None, "article", id=article.id)
    _text_el(root, "heading", article.heading)
    for paragraph in article.paragraphs:
        _write_items(_el(root, "paragraph"), paragraph.items)
    for note in article.notes:
        _write_runs(_el(root, "note"), note.runs)
    return root


def _write_outline(el: etree._Element, nodes: Iterable[OutlineNode]) -> None:
    for node in nodes:
        if isinstance(node, ArticleEntry):
            _el(
                el,
                "article",
                ref=node.ref,
                num=node.num,
                status="repealed" if node.repealed else None,
            )
        else:
            division = _el(el, node.kind, id=node.id)
            _text_el(division, "heading", node.heading)
            _write_outline(division, node.children)


def document_to_xml(doc: Document) -> etree._Element:
    """The document.xml element of a document (its articles are separate files)."""
    root = _el(None, "document", id=doc.id, numbering=doc.numbering, style=doc.style)
    root.set(XML_LANG, doc.lang)
    meta = _el(root, "meta")
    _text_el(meta, "title", doc.meta.title)
    _text_el(meta, "shortTitle", doc.meta.short_title)
    _text_el(meta, "organisation", doc.meta.organisation)
    _text_el(meta, "version", doc.meta.version)
    _text_el(meta, "date", doc.meta.date)
    if doc.meta.stages:
        stages = _el(meta, "stages")
        for stage in doc.meta.stages:
            _el(stages, "stage", id=stage.id).text = stage.label
    _write_outline(_el(root, "outline"), doc.outline)
    return root


def _write_ruling(el: etree._Element, name: str, ruling: Ruling | None) -> None:
    if ruling is not None:
        _el(
            el,
            name,
            verdict=ruling.verdict,
            date=ruling.date,
            modified=ruling.modified,
            by=ruling.by,
            votes="/".join(map(str, ruling.votes)) if ruling.votes else None,
        ).text = ruling.note


def _write_operation(el: etree._Element, op: Operation) -> None:
    match op:
        case Amend(article=article, rationale=rationale):
            node = _el(el, "amend", article=article)
        case Insert(article=article, position=position, rationale=rationale):
            node = _el(el, "insert", article=article)
            node.set(position.relation, position.anchor)
        case Repeal(article=article, rationale=rationale):
            node = _el(el, "repeal", article=article)
        case Move(article=article, position=position, rationale=rationale):
            node = _el(el, "move", article=article)
            node.set(position.relation, position.anchor)
        case AmendHeading(target=target, heading=heading, rationale=rationale):
            node = _el(el, "amendHeading", target=target)
            _text_el(node, "heading", heading)
    _write_rationale(node, rationale)


def proposal_to_xml(proposal: Proposal) -> etree._Element:
    """The proposal.xml element (its article texts are separate files)."""
    root = _el(None, "proposal", id=proposal.id, stage=proposal.stage)
    meta = _el(root, "meta")
    _text_el(meta, "title", proposal.title)
    _text_el(meta, "proposer", proposal.proposer)
    _text_el(meta, "submitted", proposal.submitted)
    base = _el(
        root, "base", document=proposal.base.document, commit=proposal.base.commit
    )
    for fp in proposal.base.fingerprints:
        _el(base, "fingerprint", article=fp.article, sha256=fp.sha256)
    _write_rationale(root, proposal.rationale)
    if proposal.reviews:
        reviews = _el(root, "reviews")
        for review in proposal.reviews:
            node = _el(reviews, "review", stage=review.stage, body=review.body)
            _write_ruling(node, "recommendation", review.recommendation)
            _write_ruling(node, "decision", review.decision)
    operations = _el(root, "operations")
    for op in proposal.operations:
        _write_operation(operations, op)
    return root


def feedback_to_xml(comments: Iterable[Comment]) -> etree._Element:
    root = _el(None, "feedback")
    for c in comments:
        node = _el(
            root,
            "comment",
            id=c.id,
            on=c.on,
            author=c.author,
            body=c.body,
            date=c.date,
            proposal=c.proposal,
        )
        for p in c.text:
            _write_runs(_el(node, "p"), p.runs)
    return root


# --- convenience: bytes <-> values -------------------------------------------


def write_article(article: Article) -> bytes:
    return serialize(article_to_xml(article))
