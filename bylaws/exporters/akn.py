"""Akoma Ntoso 3.0: a document as an `act`, a proposal as an `amendment`.

The output validates against the OASIS schema (akomantoso30.xsd). eIds follow
the AKN naming convention (`chp_2__art_12__para_2`); each article and division
also carries our permanent id in `GUID`, and the document's own settings ride
in `proprietary`, so that `bylaws import` gives back the same document.
"""

from __future__ import annotations

import datetime as _dt

from lxml import etree

from ..model import (
    Amend,
    AmendHeading,
    Article,
    Document,
    Hyperlink,
    Inline,
    Insert,
    Move,
    P,
    Point,
    Proposal,
    Repeal,
    Text,
)
from ..render import Reader
from ..xmlio import NS as BYLAWS_NS
from ..xmlio import XML_LANG
from .walk import ArticleBlock, DivisionBlock, akn_division, blocks

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + AKN_NS + "}"
B = "{" + BYLAWS_NS + "}"
COUNTRY = "xx"  # an organisation's rules belong to no country: a user-assigned code
_LANG3 = {"ar": "ara", "en": "eng", "fr": "fra", "de": "deu", "es": "spa", "fa": "fas"}


def _el(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str
) -> etree._Element:
    clean = {k.rstrip("_"): v for k, v in attrs.items() if v is not None}
    el = (
        etree.Element(A + tag, clean, nsmap={None: AKN_NS})  # type: ignore[dict-item]
        if parent is None
        else etree.SubElement(parent, A + tag, clean)
    )
    if text is not None:
        el.text = text
    return el


def lang3(lang: str) -> str:
    base = lang.split("-")[0].lower()
    return _LANG3.get(base, base)


class _Writer:
    """Writes the body of one document; `prefix` keeps quoted eIds unique."""

    def __init__(self, doc: Document, prefix: str = "") -> None:
        self.doc = doc
        self.reader = Reader(doc)
        self.prefix = prefix
        self.targets: dict[str, str] = {}
        for block in blocks(doc, self.reader):
            if isinstance(block, ArticleBlock):
                self.targets[block.entry.ref] = prefix + block.eid
            else:  # an Article that "this Article" names
                self.targets.setdefault(block.division.id, prefix + block.eid)

    def target(self, address: str) -> str:
        article_id, *steps = address.split("/")
        eid = self.targets.get(article_id, article_id)
        for step in steps:
            kind, n = step.split("-")
            eid += f"__{kind}_{n}"
        return eid

    def runs(self, el: etree._Element, runs: tuple[Inline, ...]) -> None:
        last: etree._Element | None = None
        for run in runs:
            if isinstance(run, Text):
                if last is None:
                    el.text = (el.text or "") + run.value
                else:
                    last.tail = (last.tail or "") + run.value
            elif isinstance(run, Hyperlink):
                last = _el(el, "ref", run.text, href=run.href)
            else:
                last = _el(
                    el, "ref", self.reader.ref(run), href="#" + self.target(run.to)
                )
                if run.form == "number":
                    last.set("class", "number")

    def p(self, parent: etree._Element, item: P) -> None:
        self.runs(_el(parent, "p"), item.runs)

    def items(
        self, el: etree._Element, items: tuple[P | Point, ...], eid: str, depth: int
    ) -> None:
        """Content of a paragraph or point: text only, or text around points."""
        if not any(isinstance(i, Point) for i in items):
            content = _el(el, "content")
            for item in items:
                self.p(content, item)  # type: ignore[arg-type]
            if not items:
                _el(content, "p")
            return
        lead = 0
        while lead < len(items) and isinstance(items[lead], P):
            lead += 1
        if lead:
            intro = _el(el, "intro")
            for item in items[:lead]:
                self.p(intro, item)  # type: ignore[arg-type]
        count = texts = 0
        for item in items[lead:]:
            if isinstance(item, Point):
                count += 1
                point_eid = f"{eid}__point_{count}"
                point = _el(el, "point", eId=point_eid)
                _el(point, "num", self.reader.point_label(count, depth))
                self.items(point, item.items, point_eid, depth + 1)
            else:
                texts += 1
                holder = _el(
                    el, "hcontainer", eId=f"{eid}__hcontainer_{texts}", name="text"
                )
                self.p(_el(holder, "content"), item)

    def article(self, parent: etree._Element, block: ArticleBlock) -> None:
        eid = self.prefix + block.eid
        name = "section" if self.doc.units is not None else "article"
        el = _el(parent, name, eId=eid, GUID=block.entry.ref)
        _el(el, "num", block.label)
        article = block.article
        if article is None:
            el.set("status", "removed")
            _el(_el(el, "content"), "p", self.reader.repealed_mark())
            return
        self.article_body(el, article, eid)

    def article_body(self, el: etree._Element, article: Article, eid: str) -> None:
        if article.heading is not None:
            _el(el, "heading", article.heading)
        if article.intro:
            intro = _el(el, "intro")
            for item in article.intro:
                self.p(intro, item)
        many = len(article.paragraphs) > 1 or bool(article.intro)
        for n, paragraph in enumerate(article.paragraphs, start=1):
            para_eid = f"{eid}__para_{n}"
            para = _el(el, "paragraph", eId=para_eid)
            if many:
                _el(para, "num", self.reader.paragraph_label(n))
            self.items(para, paragraph.items, para_eid, 1)
        for i, note in enumerate(article.notes, start=1):
            holder = _el(
                el, "hcontainer", eId=f"{eid}__hcontainer_note_{i}", name="note"
            )
            self.runs(_el(_el(holder, "content"), "p"), note.runs)

    def body(self, parent: etree._Element) -> None:
        stack: list[tuple[int, etree._Element]] = [(-1, parent)]
        for block in blocks(self.doc, self.reader):
            while stack[-1][0] >= block.depth:
                stack.pop()
            holder = stack[-1][1]
            if isinstance(block, DivisionBlock):
                el = _el(
                    holder,
                    akn_division(self.doc, block.division.kind),
                    eId=self.prefix + block.eid,
                    GUID=block.division.id,
                )
                _el(el, "num", block.label)
                _el(el, "heading", block.division.heading)
                stack.append((block.depth, el))
            else:
                self.article(holder, block)


def _work_uri(doc: Document, kind: str = "act") -> str:
    return f"/akn/{COUNTRY}/{kind}/bylaws/{doc.id}"


def _identification(
    meta: etree._Element, work: str, lang: str, date: str, author: str
) -> None:
    ident = _el(meta, "identification", source="#bylaws")
    expression = f"{work}/{lang3(lang)}@{date}"
    for name, this, uri in (
        ("FRBRWork", work + "/!main", work),
        ("FRBRExpression", expression + "/!main", expression),
        ("FRBRManifestation", expression + "/!main.xml", expression + ".akn"),
    ):
        frbr = _el(ident, name)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=date, name="Generation")
        _el(frbr, "FRBRauthor", href=author)
        if name == "FRBRWork":
            _el(frbr, "FRBRcountry", value=COUNTRY)
        if name == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language=lang3(lang))


def _references(meta: etree._Element, doc: Document) -> None:
    refs = _el(meta, "references", source="#bylaws")
    _el(
        refs,
        "TLCOrganization",
        eId="bylaws",
        href="/ontology/organization/bylaws",
        showAs="bylaws",
    )
    _el(
        refs,
        "TLCOrganization",
        eId="author",
        href="/ontology/organization/author",
        showAs=doc.meta.organisation or doc.meta.title,
    )


def _proprietary(meta: etree._Element, doc: Document) -> None:
    """Our own settings, so that an import gives back the same document."""
    holder = _el(meta, "proprietary", source="#bylaws")
    own = etree.SubElement(
        holder,
        B + "document",
        nsmap={"bylaws": BYLAWS_NS},
        id=doc.id,
        numbering=doc.numbering,
        style=doc.style,
    )
    own.set(XML_LANG, doc.lang)
    for name, value in (
        ("title", doc.meta.title),
        ("shortTitle", doc.meta.short_title),
        ("organisation", doc.meta.organisation),
        ("version", doc.meta.version),
        ("date", doc.meta.date),
    ):
        if value is not None:
            etree.SubElement(own, B + name).text = value
    for stage in doc.meta.stages:
        etree.SubElement(own, B + "stage", id=stage.id).text = stage.label
    for sender in doc.meta.senders:
        etree.SubElement(own, B + "sender", address=sender.address).text = sender.body


def _date(doc: Document, fallback: str | None = None) -> str:
    return doc.meta.date or fallback or _dt.date.today().isoformat()


def document_to_akn(doc: Document) -> etree._Element:
    """The document as an AKN 3.0 `act` element tree."""
    root = _el(None, "akomaNtoso")
    act = _el(root, "act", name="bylaws")
    meta = _el(act, "meta")
    _identification(meta, _work_uri(doc), doc.lang, _date(doc), "#author")
    _references(meta, doc)
    _proprietary(meta, doc)
    preface = _el(act, "preface")
    preface.set(XML_LANG, doc.lang)
    _el(_el(preface, "longTitle"), "p").append(_doc_title(doc))
    writer = _Writer(doc)
    if doc.preamble:
        preamble = _el(act, "preamble")
        for item in doc.preamble:
            writer.p(preamble, item)
    body = _el(act, "body")
    body.set(XML_LANG, doc.lang)
    writer.body(body)
    if doc.closing:
        conclusions = _el(act, "conclusions")
        for item in doc.closing:
            writer.p(conclusions, item)
    return root


def _doc_title(doc: Document) -> etree._Element:
    el = _el(None, "docTitle", doc.meta.title)
    return el


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def export_akn(doc: Document) -> bytes:
    """The document as AKN 3.0 XML bytes."""
    return _serialize(document_to_akn(doc))


# --- a proposal as an amendment ----------------------------------------------


_MOD_TYPES = {
    Amend: "substitution",
    Insert: "insertion",
    Repeal: "repeal",
    Move: "renumbering",
    AmendHeading: "substitution",
}


def proposal_to_akn(
    base: Document, proposal: Proposal, proposed: Document
) -> etree._Element:
    """A proposal as an AKN `amendment`: one `mod` per operation, with the old and
    new text quoted, and the same operations listed as active modifications."""
    root = _el(None, "akomaNtoso")
    amendment = _el(root, "amendment", name="proposal")
    meta = _el(amendment, "meta")
    work = f"/akn/{COUNTRY}/amendment/bylaws/{base.id}-{proposal.id}"
    _identification(
        meta, work, base.lang, proposal.submitted or _date(base), "#proposer"
    )
    analysis = _el(meta, "analysis", source="#bylaws")
    active = _el(analysis, "activeModifications")
    refs = _el(meta, "references", source="#bylaws")
    _el(
        refs,
        "TLCOrganization",
        eId="bylaws",
        href="/ontology/organization/bylaws",
        showAs="bylaws",
    )
    _el(
        refs,
        "TLCPerson",
        eId="proposer",
        href="/ontology/person/proposer",
        showAs=proposal.proposer,
    )
    _el(_el(_el(amendment, "preface"), "longTitle"), "p").append(
        _el(None, "docTitle", proposal.title)
    )
    body = _el(amendment, "amendmentBody")
    body.set(XML_LANG, base.lang)
    old_writer = _Writer(base)
    new_writer = _Writer(proposed)
    destination_work = _work_uri(base) + "/!main"
    for i, op in enumerate(proposal.operations, start=1):
        mod_eid = f"mod_{i}"
        content = _el(body, "amendmentContent", eId=f"amendmentContent_{i}")
        p = _el(content, "p")
        mod = _el(p, "mod", eId=mod_eid)
        kind = _MOD_TYPES[type(op)]
        target = op.target if isinstance(op, AmendHeading) else op.article
        mod_text = f"{kind}: "
        mod.text = mod_text
        old_eid = new_eid = None
        old_article = base.articles.get(target)
        new_article = proposed.articles.get(target)
        if isinstance(op, AmendHeading):
            old_heading = (
                old_article.heading if old_article else _division_heading(base, target)
            )
            old_eid, new_eid = f"{mod_eid}__qtext_1", f"{mod_eid}__qtext_2"
            _el(mod, "quotedText", old_heading or "", eId=old_eid)
            _el(mod, "quotedText", op.heading, eId=new_eid)
        else:
            if old_article is not None and not isinstance(op, Insert):
                old_eid = f"{mod_eid}__qstr_1"
                _quote(mod, old_writer, old_article, old_eid)
            if new_article is not None and not isinstance(op, Repeal):
                new_eid = f"{mod_eid}__qstr_2"
                _quote(mod, new_writer, new_article, new_eid)
        for rationale in op.rationale:
            justification = _el(
                body, "amendmentJustification", eId=f"amendmentJustification_{i}"
            )
            old_writer.runs(_el(justification, "p"), rationale.runs)
            break
        textual = _el(active, "textualMod", type=kind, eId=f"amod_{i}")
        _el(textual, "source", href="#" + mod_eid)
        where = (
            old_writer.targets.get(target) or new_writer.targets.get(target) or target
        )
        _el(textual, "destination", href=f"{destination_work}~{where}")
        if old_eid:
            _el(textual, "old", href="#" + old_eid)
        if new_eid:
            _el(textual, "new", href="#" + new_eid)
    if proposal.rationale:
        justification = _el(
            body, "amendmentJustification", eId="amendmentJustification_0"
        )
        for rationale_p in proposal.rationale:
            old_writer.runs(_el(justification, "p"), rationale_p.runs)
    return root


def _division_heading(doc: Document, division_id: str) -> str | None:
    from ..model import iter_divisions

    for division in iter_divisions(doc.outline):
        if division.id == division_id:
            return division.heading
    return None


def _quote(mod: etree._Element, writer: _Writer, article: Article, eid: str) -> None:
    quoted = _el(mod, "quotedStructure", eId=eid)
    article_eid = f"{eid}__{writer.targets.get(article.id, article.id)}"
    el = _el(quoted, "article", eId=article_eid)
    number = writer.reader.numbers.get(article.id)
    if number is not None:
        _el(el, "num", writer.reader.label(article.id))
    writer.article_body(el, article, article_eid)


def export_akn_amendment(
    base: Document, proposal: Proposal, proposed: Document
) -> bytes:
    return _serialize(proposal_to_akn(base, proposal, proposed))
