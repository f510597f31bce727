"""`bylaws.model` values to element trees, and to canonical bytes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from ..model import (
    DEFAULT_DIVISION_HEADING,
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Comment,
    Document,
    Hyperlink,
    Inline,
    Insert,
    Move,
    Operation,
    OutlineNode,
    P,
    Point,
    Proposal,
    Repeal,
    Ruling,
    Text,
)
from .canonical import serialize
from .parse import NS, XML_LANG, Q


def _el(
    parent: etree._Element | None, tag: str, **attrib: str | None
) -> etree._Element:
    clean = {k: v for k, v in attrib.items() if v is not None}
    if parent is None:
        nsmap: Any = {
            None: NS
        }  # the stubs do not allow the default namespace's None key
        return etree.Element(Q + tag, clean, nsmap=nsmap)
    return etree.SubElement(parent, Q + tag, clean)


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
        elif isinstance(run, Hyperlink):
            last = _el(el, "ref", href=run.href)
            last.text = run.text
        else:
            last = _el(
                el, "ref", to=run.to, form=None if run.form == "full" else run.form
            )
            last.text = run.words


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
    _write_texts(root, "intro", article.intro)
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
    _text_el(meta, "instrumentClosing", doc.meta.instrument_closing)
    if doc.meta.senders:
        senders = _el(meta, "senders")
        for sender in doc.meta.senders:
            _el(senders, "sender", address=sender.address).text = sender.body
    if doc.units is not None:
        units = _el(root, "units")
        _el(
            units,
            "division",
            kind=doc.units.division,
            name=doc.units.division_name,
            numerals=doc.units.numerals,
            heading=None
            if doc.units.heading == DEFAULT_DIVISION_HEADING
            else doc.units.heading,
        )
        _el(
            units,
            "unit",
            name=doc.units.unit_name,
            numbering=doc.units.numbering,
            label=doc.units.label,
            citation=doc.units.citation,
        )
    _write_texts(root, "preamble", doc.preamble)
    _write_outline(_el(root, "outline"), doc.outline)
    _write_texts(root, "closing", doc.closing)
    return root


def _write_texts(el: etree._Element, name: str, texts: tuple[P, ...]) -> None:
    if texts:
        holder = _el(el, name)
        for p in texts:
            _write_runs(_el(holder, "p"), p.runs)


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
    """A feedback file's element: its comments, in the order given."""
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


def write_article(article: Article) -> bytes:
    """The canonical bytes of an article file."""
    return serialize(article_to_xml(article))
