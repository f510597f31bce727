"""Word (.docx): the document with real headings and list numbering, and a
proposal as tracked changes a reviewer can accept or reject one by one.

The package is written by hand (zipfile + lxml). Arabic paragraphs carry
`w:bidi` and their runs `w:rtl`. Articles and divisions carry their ids as
bookmarks and references are links to them, so `bylaws import` of the file
gives back the same document. For a proposal, the word operations of
`bylaws.diff` become `w:ins`/`w:del` runs with the proposer as author.
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from collections.abc import Iterable

from lxml import etree

from ..diff.changes import ArticleChange, HeadingChanged, UnitChange
from ..diff.compare import NOTE_PREFIX, diff_documents
from ..diff.words import WordOp
from ..model import Article, Document, Inline, P, Point, Proposal, Text
from ..render import Reader
from . import ooxml
from .walk import ArticleBlock, DivisionBlock, blocks

W = "{" + ooxml.W_NS + "}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INDENT = 720  # twips of indentation per point level, read back on import


def _w(parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
    qualified = {W + k: v for k, v in attrs.items()}
    if parent is None:
        return etree.Element(
            W + tag, qualified, nsmap={"w": ooxml.W_NS, "r": ooxml.R_NS}
        )
    return etree.SubElement(parent, W + tag, qualified)


class _Body:
    """Appends paragraphs to `w:body`, with the direction of the document."""

    def __init__(self, doc: Document, body: etree._Element) -> None:
        self.doc = doc
        self.rtl = doc.rtl
        self.body = body
        self.reader = Reader(doc)
        self.next_id = 1
        self.num_id = 0

    def new_id(self) -> str:
        self.next_id += 1
        return str(self.next_id)

    def paragraph(
        self,
        style: str | None = None,
        level: int | None = None,
        indent: int = 0,
        mark: str | None = None,
        author: str = "",
        date: str = "",
    ) -> etree._Element:
        p = _w(self.body, "p")
        ppr = _w(p, "pPr")
        if style:
            _w(ppr, "pStyle", val=style)
        if level is not None:
            numpr = _w(ppr, "numPr")
            _w(numpr, "ilvl", val=str(level))
            _w(numpr, "numId", val=str(self.num_id))
        if self.rtl:
            _w(ppr, "bidi")
        if indent:
            _w(ppr, "ind", start=str(indent * _INDENT))
        if mark:
            # The paragraph mark itself is inserted or deleted, so accepting or
            # rejecting the change adds or removes the whole paragraph.
            _w(_w(ppr, "rPr"), mark, id=self.new_id(), author=author, date=date)
        return p

    def run(
        self,
        parent: etree._Element,
        text: str,
        deleted: bool = False,
        char_style: str | None = None,
    ) -> etree._Element:
        r = _w(parent, "r")
        if char_style or self.rtl:
            rpr = _w(r, "rPr")
            if char_style:
                _w(rpr, "rStyle", val=char_style)
            if self.rtl:
                _w(rpr, "rtl")
        t = _w(r, "delText" if deleted else "t")
        t.text = text
        t.set(XML_SPACE, "preserve")
        return r

    def runs(self, p: etree._Element, runs: tuple[Inline, ...]) -> None:
        for run in runs:
            if isinstance(run, Text):
                self.run(p, run.value)
            else:
                link = _w(p, "hyperlink", anchor=ooxml.bookmark_name(run.to))
                self.run(link, self.reader.ref(run), char_style="Hyperlink")

    def bookmark(self, p: etree._Element, address: str) -> None:
        mark = self.new_id()
        _w(p, "bookmarkStart", id=mark, name=ooxml.bookmark_name(address))
        _w(p, "bookmarkEnd", id=mark)

    def heading(self, level: int, text: str, address: str) -> None:
        p = self.paragraph(f"Heading{min(level, 6)}")
        self.bookmark(p, address)
        self.run(p, text)

    def items(
        self, items: tuple[P | Point, ...], depth: int, numbered_first: bool
    ) -> None:
        """Text and points; the first text of a numbered unit carries its number."""
        first = numbered_first
        for item in items:
            if isinstance(item, P):
                p = self.paragraph(
                    level=depth if first else None, indent=0 if first else depth
                )
                self.runs(p, item.runs)
                first = False
                continue
            if first:
                self.paragraph(level=depth)  # the unit's number alone
                first = False
            self.items(item.items, depth + 1, True)
        if first:
            self.paragraph(level=depth)

    def article(self, block: ArticleBlock, level: int) -> None:
        article: Article | None = block.article
        if article is None:
            self.heading(
                level, f"{block.label} {self.reader.repealed_mark()}", block.entry.ref
            )
            return
        heading = (
            f"{block.label}: {article.heading}" if article.heading else block.label
        )
        self.heading(level, heading, article.id)
        self.num_id += 1
        many = len(article.paragraphs) > 1
        for paragraph in article.paragraphs:
            if many:
                self.items(paragraph.items, 0, True)
            else:
                self.items(paragraph.items, 0, False)
        for note in article.notes:
            self.runs(self.paragraph("BylawsNote"), note.runs)


def _document_part(body_root: etree._Element) -> bytes:
    return etree.tostring(
        body_root, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _new_document(doc: Document) -> tuple[etree._Element, etree._Element]:
    root = _w(None, "document")
    body = _w(root, "body")
    return root, body


def _finish_body(body: etree._Element, rtl: bool) -> None:
    sect = _w(body, "sectPr")
    _w(sect, "pgSz", w="11906", h="16838")
    _w(
        sect,
        "pgMar",
        top="1440",
        right="1440",
        bottom="1440",
        left="1440",
        header="708",
        footer="708",
        gutter="0",
    )
    if rtl:
        _w(sect, "bidi")


def _settings_json(doc: Document) -> dict[str, object]:
    meta = doc.meta
    return {
        "id": doc.id,
        "lang": doc.lang,
        "numbering": doc.numbering,
        "style": doc.style,
        "title": meta.title,
        "short_title": meta.short_title,
        "organisation": meta.organisation,
        "version": meta.version,
        "date": meta.date,
        "stages": [[s.id, s.label] for s in meta.stages],
    }


def _package(
    doc: Document,
    document_xml: bytes,
    articles: int,
    track: bool,
    props: dict[str, object] | None,
) -> bytes:
    buffer = io.BytesIO()
    # A fixed timestamp keeps the bytes of an export the same from run to run.
    stamp = (2000, 1, 1, 0, 0, 0)
    parts = {
        "[Content_Types].xml": ooxml.CONTENT_TYPES.encode(),
        "_rels/.rels": ooxml.PACKAGE_RELS.encode(),
        "word/_rels/document.xml.rels": ooxml.DOCUMENT_RELS.encode(),
        "word/document.xml": document_xml,
        "word/styles.xml": ooxml.styles(doc.lang, doc.rtl).encode(),
        "word/numbering.xml": ooxml.numbering(
            doc.lang, doc.style, max(articles, 1), doc.rtl
        ).encode(),
        "word/settings.xml": ooxml.settings(track).encode(),
        "docProps/core.xml": ooxml.core(
            doc.meta.title, doc.lang, doc.meta.date
        ).encode(),
        "docProps/custom.xml": ooxml.custom(props or {}).encode(),
    }
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, stamp), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _title(writer: _Body, title: str) -> None:
    writer.run(writer.paragraph("Title"), title)


def export_docx(
    doc: Document, proposal: Proposal | None = None, proposed: Document | None = None
) -> bytes:
    """The document as .docx; with a proposal, the proposed text as tracked changes."""
    if proposal is not None and proposed is not None:
        return _tracked(doc, proposal, proposed)
    root, body = _new_document(doc)
    writer = _Body(doc, body)
    _title(writer, doc.meta.title)
    for block in blocks(doc, writer.reader):
        if isinstance(block, DivisionBlock):
            text = block.label + (
                f": {block.division.heading}" if block.division.heading else ""
            )
            writer.heading(block.depth + 1, text, block.division.id)
        else:
            writer.article(block, block.depth + 1)
    _finish_body(body, doc.rtl)
    props = _settings_json(doc)
    props["exact"] = True
    return _package(doc, _document_part(root), writer.num_id, False, props)


# --- a proposal as tracked changes ---------------------------------------------


class _Tracked(_Body):
    """Paragraphs whose words are inserted or deleted in the proposer's name."""

    def __init__(
        self, doc: Document, body: etree._Element, author: str, date: str
    ) -> None:
        super().__init__(doc, body)
        self.author = author
        self.date = date

    def change(self, p: etree._Element, kind: str, text: str) -> None:
        holder = _w(p, kind, id=self.new_id(), author=self.author, date=self.date)
        self.run(holder, text, deleted=kind == "del")

    def ops(self, p: etree._Element, ops: Iterable[WordOp]) -> None:
        for op in ops:
            if op.kind == "equal":
                self.run(p, op.new)
                continue
            if op.old:
                self.change(p, "del", op.old)
            if op.new:
                self.change(p, "ins", op.new)

    def whole(self, style: str | None, text: str, kind: str, indent: int = 0) -> None:
        p = self.paragraph(
            style, indent=indent, mark=kind, author=self.author, date=self.date
        )
        self.change(p, kind, text)

    def unit(self, unit: UnitChange) -> None:
        address = unit.new_address or unit.old_address or ""
        depth = address.count("/point-")
        label = unit.new_label or unit.old_label
        mark = {"inserted": "ins", "deleted": "del"}.get(unit.kind)
        if unit.kind == "moved" and unit.new_address is None:
            mark = "del"
        elif unit.kind == "moved" and unit.old_address is None:
            mark = "ins"
        if address.startswith(NOTE_PREFIX):
            # An editorial note keeps its own style, as in the plain export,
            # so that it reads (and imports) back as a note, not as text.
            p = self.paragraph(
                "BylawsNote", mark=mark, author=self.author, date=self.date
            )
            self.ops(p, unit.ops)
            return
        p = self.paragraph(indent=depth, mark=mark, author=self.author, date=self.date)
        if label:
            if unit.old_label and unit.new_label and unit.old_label != unit.new_label:
                self.change(p, "del", unit.old_label + " ")
                self.change(p, "ins", unit.new_label + " ")
            elif mark:
                self.change(p, mark, label + " ")
            else:
                self.run(p, label + " ")
        self.ops(p, unit.ops)

    def article_change(self, change: ArticleChange, level: int) -> None:
        style = f"Heading{min(level, 6)}"
        if "inserted" in change.kinds:
            heading = change.new_label or ""
            new = self.doc.articles.get(change.new_id or "")
            if new is not None and new.heading:
                heading += f": {new.heading}"
            self.whole(style, heading, "ins")
        elif "repealed" in change.kinds:
            self.whole(style, change.old_label or "", "del")
        else:
            p = self.paragraph(style)
            if (
                change.old_label != change.new_label
                and change.old_label
                and change.new_label
            ):
                self.change(p, "del", change.old_label)
                self.change(p, "ins", change.new_label)
            else:
                self.run(p, change.new_label or "")
            if change.heading is not None:
                self.run(p, ": ")
                self.ops(p, change.heading)
            else:
                article = self.doc.articles.get(change.new_id or "")
                if article is not None and article.heading:
                    self.run(p, f": {article.heading}")
        for unit in change.units:
            self.unit(unit)


def _gone_after(
    base: Document, context: Iterable[ArticleChange]
) -> dict[str | None, list[ArticleChange]]:
    """Repealed and removed articles by the base article they followed (None: first)."""
    old_order = [e.ref for e in base.entries()]
    after_old: dict[str | None, list[ArticleChange]] = {}
    for change in context:
        if change.new_id is not None and "repealed" not in change.kinds:
            continue
        previous = None
        if change.old_id in old_order:
            index = old_order.index(change.old_id)
            previous = old_order[index - 1] if index else None
        after_old.setdefault(previous, []).append(change)
    return after_old


def _tracked_heading(
    writer: _Tracked, block: DivisionBlock, change: HeadingChanged | None
) -> None:
    """A division's heading, its words tracked where the proposal changes them."""
    p = writer.paragraph(f"Heading{min(block.depth + 1, 6)}")
    writer.run(p, block.label + ": ")
    if change is not None:
        writer.ops(p, change.ops)
    else:
        writer.run(p, block.division.heading)


def _tracked(base: Document, proposal: Proposal, proposed: Document) -> bytes:
    diff = diff_documents(base, proposed, context=True)
    date = (
        proposal.submitted or base.meta.date or _dt.date.today().isoformat()
    ) + "T00:00:00Z"
    root, body = _new_document(proposed)
    writer = _Tracked(proposed, body, proposal.proposer, date)
    _title(writer, f"{proposed.meta.title} — {proposal.title}")
    by_new = {c.new_id: c for c in diff.context if c.new_id}
    after_old = _gone_after(base, diff.context)
    headings = {c.division: c for c in diff.changes if isinstance(c, HeadingChanged)}
    depth_of_last = 1
    for change in after_old.pop(None, []):
        writer.article_change(change, 1)
    for block in blocks(proposed, writer.reader):
        if isinstance(block, DivisionBlock):
            _tracked_heading(writer, block, headings.get(block.division.id))
            continue
        depth_of_last = block.depth + 1
        found = by_new.get(block.entry.ref)
        if found is not None and "repealed" not in found.kinds:
            writer.article_change(found, depth_of_last)
        for gone in after_old.pop(block.entry.ref, []):
            writer.article_change(gone, depth_of_last)
    for rest in after_old.values():
        for gone in rest:
            writer.article_change(gone, depth_of_last)
    _finish_body(body, proposed.rtl)
    props: dict[str, object] = {"proposal": proposal.id, "base": base.id}
    return _package(proposed, _document_part(root), 0, True, props)
