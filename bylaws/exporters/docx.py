"""Word (.docx): the document with real headings and list numbering, and a
proposal as tracked changes a reviewer can accept or reject one by one.

The package is written by hand (zipfile + lxml). Arabic paragraphs carry
`w:bidi` and their runs `w:rtl`. Articles and divisions carry their ids as
bookmarks and references are links to them, so `bylaws import` of the file
gives back the same document. A proposal as tracked changes is written by
`bylaws.exporters.tracked` on the same paragraph writer.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..locale import is_arabic
from ..model import Article, Document, Hyperlink, Inline, P, Point, Proposal, Text
from ..numbering import point_label
from ..render import Reader
from . import ooxml
from .walk import ArticleBlock, DivisionBlock, blocks

W = "{" + ooxml.W_NS + "}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_INDENT = 720  # twips of indentation per point level, read back on import


def w_el(parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
    qualified = {W + k: v for k, v in attrs.items()}
    if parent is None:
        return etree.Element(
            W + tag, qualified, nsmap={"w": ooxml.W_NS, "r": ooxml.R_NS}
        )
    return etree.SubElement(parent, W + tag, qualified)


class Body:
    """Appends paragraphs to `w:body`, with the direction of the document."""

    def __init__(self, doc: Document, body: etree._Element) -> None:
        self.doc = doc
        self.rtl = doc.rtl
        self.body = body
        self.reader = Reader(doc)
        self.next_id = 1
        self.num_id = 0
        self.bookmarks: dict[str, str] = {}  # digest names -> addresses
        # Arabic points carry their letter as literal list text, one list per
        # label: word processors write abjad numbering with the wrong letters.
        self.literal_lists: dict[tuple[int, str], int] = {}
        self.literal_points = is_arabic(doc.lang)

    def bookmark_name(self, address: str) -> str:
        """The bookmark of an address; digest names are kept for the file's table."""
        name = ooxml.bookmark_name(address)
        if ooxml.address_of_bookmark(name) != address:
            self.bookmarks[name] = address
        return name

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
        label: str = "",
    ) -> etree._Element:
        p = w_el(self.body, "p")
        ppr = w_el(p, "pPr")
        if style:
            w_el(ppr, "pStyle", val=style)
        if level is not None:
            numpr = w_el(ppr, "numPr")
            w_el(numpr, "ilvl", val=str(level))
            w_el(numpr, "numId", val=str(self.list_for(level, label)))
        if self.rtl:
            w_el(ppr, "bidi")
        if indent:
            w_el(ppr, "ind", start=str(indent * _INDENT))
        if mark:
            # The paragraph mark itself is inserted or deleted, so accepting or
            # rejecting the change adds or removes the whole paragraph.
            w_el(w_el(ppr, "rPr"), mark, id=self.new_id(), author=author, date=date)
        return p

    def list_for(self, level: int, label: str) -> int:
        """The list a numbered paragraph belongs to: the article's, or a literal one."""
        if not (label and level and self.literal_points):
            return self.num_id
        key = (level, label)
        if key not in self.literal_lists:
            self.literal_lists[key] = ooxml.LITERAL_BASE + len(self.literal_lists)
        return self.literal_lists[key]

    def run(
        self,
        parent: etree._Element,
        text: str,
        deleted: bool = False,
        char_style: str | None = None,
    ) -> etree._Element:
        r = w_el(parent, "r")
        if char_style or self.rtl:
            rpr = w_el(r, "rPr")
            if char_style:
                w_el(rpr, "rStyle", val=char_style)
            if self.rtl:
                w_el(rpr, "rtl")
        t = w_el(r, "delText" if deleted else "t")
        t.text = text
        t.set(XML_SPACE, "preserve")
        return r

    def runs(self, p: etree._Element, runs: tuple[Inline, ...]) -> None:
        for run in runs:
            if isinstance(run, Text):
                self.run(p, run.value)
            elif isinstance(run, Hyperlink):
                self.run(p, f"{run.text} <{run.href}>")
            else:
                link = w_el(p, "hyperlink", anchor=self.bookmark_name(run.to))
                self.run(link, self.reader.ref(run), char_style="Hyperlink")

    def bookmark(self, p: etree._Element, address: str) -> None:
        mark = self.new_id()
        w_el(p, "bookmarkStart", id=mark, name=self.bookmark_name(address))
        w_el(p, "bookmarkEnd", id=mark)

    def heading(self, level: int, text: str, address: str) -> None:
        p = self.paragraph(f"Heading{min(level, 6)}")
        self.bookmark(p, address)
        self.run(p, text)

    def items(
        self,
        items: tuple[P | Point, ...],
        depth: int,
        numbered_first: bool,
        label: str = "",
    ) -> None:
        """Text and points; the first text of a numbered unit carries its number."""
        first = numbered_first
        points = 0
        for item in items:
            if isinstance(item, P):
                p = self.paragraph(
                    level=depth if first else None,
                    indent=0 if first else depth,
                    label=label,
                )
                self.runs(p, item.runs)
                first = False
                continue
            if first:
                self.paragraph(level=depth, label=label)  # the number alone
                first = False
            points += 1
            self.items(
                item.items,
                depth + 1,
                True,
                point_label(points, depth + 1, self.doc.lang, self.doc.style),
            )
        if first:
            self.paragraph(level=depth, label=label)

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
        self.items(article.intro, 0, False)
        many = len(article.paragraphs) > 1 or bool(article.intro)
        for paragraph in article.paragraphs:
            if many:
                self.items(paragraph.items, 0, True)
            else:
                self.items(paragraph.items, 0, False)
        for note in article.notes:
            self.runs(self.paragraph("BylawsNote"), note.runs)


def document_part(body_root: etree._Element) -> bytes:
    return etree.tostring(
        body_root, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def new_document(doc: Document) -> tuple[etree._Element, etree._Element]:
    root = w_el(None, "document")
    body = w_el(root, "body")
    return root, body


def finish_body(body: etree._Element, rtl: bool) -> None:
    sect = w_el(body, "sectPr")
    w_el(sect, "pgSz", w="11906", h="16838")
    w_el(
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
        w_el(sect, "bidi")


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
        "senders": [[s.address, s.body] for s in meta.senders],
    }


def package(
    doc: Document,
    document_xml: bytes,
    articles: int,
    track: bool,
    props: dict[str, object] | None,
    literal: dict[tuple[int, str], int] | None = None,
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
            doc.lang, doc.style, max(articles, 1), doc.rtl, literal
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


def title_paragraph(writer: Body, title: str) -> None:
    writer.run(writer.paragraph("Title"), title)


def export_docx(
    doc: Document,
    proposal: Proposal | None = None,
    proposed: Document | None = None,
    changed_only: bool = False,
) -> bytes:
    """The document as .docx; with a proposal, the proposed text as tracked changes
    (with `changed_only`, only the articles the proposal touches)."""
    if proposal is not None and proposed is not None:
        from .tracked import export_tracked

        return export_tracked(doc, proposal, proposed, changed_only)
    root, body = new_document(doc)
    writer = Body(doc, body)
    title_paragraph(writer, doc.meta.title)
    writer.items(doc.preamble, 0, False)
    for block in blocks(doc, writer.reader):
        if isinstance(block, DivisionBlock):
            text = writer.reader.division_line(block.division, one_line=True)
            writer.heading(block.depth + 1, text, block.division.id)
        else:
            writer.article(block, block.depth + 1)
    writer.items(doc.closing, 0, False)
    finish_body(body, doc.rtl)
    props = _settings_json(doc)
    props["exact"] = True
    if writer.bookmarks:
        props["bookmarks"] = writer.bookmarks
    return package(
        doc, document_part(root), writer.num_id, False, props, writer.literal_lists
    )
