"""Word export: a valid package with real heading styles and list numbering,
right to left for Arabic, and a proposal as tracked changes in the proposer's
name; Word import reads our files and hand-made ones."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bylaws.errors import UnusableInput
from bylaws.exporters import export_model
from bylaws.importers import import_bytes
from bylaws.model import Ref
from bylaws.overlay import apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposal

from .conftest import ENGLISH, SAMPLE, examples
from .proposal_strategies import documents, proposals

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def test_package_has_every_part_and_they_are_well_formed() -> None:
    parts = _parts(export_model(load_document(DiskTree(SAMPLE)), "docx"))
    assert {
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "docProps/core.xml",
    } <= set(parts)
    styles = parts["word/styles.xml"]
    ids = {s.get(W + "styleId") for s in styles.iter(W + "style")}
    assert {"Heading1", "Heading2", "Heading3", "Title", "Normal"} <= ids


def test_arabic_paragraphs_are_right_to_left_and_numbered() -> None:
    parts = _parts(export_model(load_document(DiskTree(SAMPLE)), "docx"))
    body = parts["word/document.xml"].find(W + "body")
    assert body is not None
    paragraphs = body.findall(W + "p")
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in body.iter(W + "r"))
    assert body.find(f"{W}sectPr/{W}bidi") is not None
    headings = [p for p in paragraphs if p.find(f"{W}pPr/{W}pStyle") is not None]
    assert any(
        h.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading2"  # type: ignore[union-attr]
        and "".join(h.itertext()).startswith("المادة الأولى")
        for h in headings
    )
    numbered = [p for p in paragraphs if p.find(f"{W}pPr/{W}numPr") is not None]
    assert numbered
    formats = {f.get(W + "val") for f in parts["word/numbering.xml"].iter(W + "numFmt")}
    assert {"decimal", "arabicAbjad"} <= formats


def test_english_is_left_to_right() -> None:
    parts = _parts(export_model(load_document(DiskTree(ENGLISH)), "docx"))
    assert parts["word/document.xml"].find(f".//{W}bidi") is None
    formats = {f.get(W + "val") for f in parts["word/numbering.xml"].iter(W + "numFmt")}
    assert "lowerLetter" in formats


def test_a_proposal_becomes_tracked_changes_by_the_proposer() -> None:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    proposal = load_proposal(tree, PurePosixPath("proposals/member-consultation"))
    parts = _parts(export_model(doc, "docx", proposal))
    document = parts["word/document.xml"]
    inserted = document.findall(f".//{W}ins")
    deleted = document.findall(f".//{W}del")
    assert inserted and deleted
    assert {e.get(W + "author") for e in inserted + deleted} == {proposal.proposer}
    assert all(e.get(W + "date", "").endswith("Z") for e in inserted)
    # Deleted words are delText, never plain text, so Word can reject them.
    for d in deleted:
        assert d.find(f".//{W}t") is None
    assert parts["word/settings.xml"].find(W + "trackRevisions") is not None
    # Accepting every change gives the proposed text: read it back that way.
    proposed = apply_proposal(doc, proposal)
    accepted = " ".join(
        "".join(t.text or "" for t in p.iter(W + "t")) for p in document.iter(W + "p")
    )
    new_article = next(a for a in proposed.articles if a not in doc.articles)
    assert (proposed.articles[new_article].heading or "") in accepted


def test_our_docx_imports_back_with_links() -> None:
    doc = load_document(DiskTree(SAMPLE))
    back = import_bytes(export_model(doc, "docx"), "x.docx", "docx").document
    assert back == doc
    assert any(
        isinstance(run, Ref)
        for a in back.articles.values()
        for para in a.paragraphs
        for item in para.items
        for run in getattr(item, "runs", ())
    )


def _hand_made_docx(paragraphs: list[tuple[str | None, str]]) -> bytes:
    """A Word file as a person types it: heading styles, labels written as text."""

    def one(style: str | None, text: str) -> str:
        style_el = f'<w:pStyle w:val="{style}"/>' if style else ""
        return (
            f"<w:p><w:pPr>{style_el}<w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr>"
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        )

    body = "".join(one(style, text) for style, text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}">'
            f"<w:body>{body}</w:body></w:document>",
        )
        archive.writestr(
            "word/styles.xml",
            f'<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="a1">'
            '<w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" '
            'w:styleId="a2"><w:name w:val="heading 2"/></w:style></w:styles>',
        )
    return buffer.getvalue()


def test_a_hand_made_word_file() -> None:
    data = _hand_made_docx(
        [
            ("a1", "الفصل الأول: أحكام عامة"),
            ("a2", "المادة الأولى: التسمية"),
            (None, "تُسمّى الجمعية «جمعية الحرفيين»."),
            ("a2", "المادة الثانية"),
            (None, "1- تجتمع الهيئة مرة في السنة."),
            (None, "2- تُطبَّق أحكام المادة الأولى على الفروع."),
        ]
    )
    result = import_bytes(data, "hand.docx", "docx")
    doc = result.document
    assert doc.outline[0].id == "chp-1"
    assert [a.heading for a in doc.ordered_articles()] == ["التسمية", None]
    assert len(doc.articles["art-2"].paragraphs) == 2
    runs = doc.articles["art-2"].paragraphs[1].items[0].runs  # type: ignore[union-attr]
    assert Ref("art-1", "full") in runs


def test_word_parts_are_parsed_safely() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
        )
    with pytest.raises(UnusableInput, match="DOCTYPE"):
        import_bytes(buffer.getvalue(), "evil.docx", "docx")
    with pytest.raises(UnusableInput, match="not a zip"):
        import_bytes(b"plain text", "fake.docx", "docx")


@settings(max_examples=examples(40), deadline=None)
@given(data=st.data())
def test_generated_proposals_as_tracked_changes(data: st.DataObject) -> None:
    doc = data.draw(documents())
    proposal = data.draw(proposals(doc))
    document = _parts(export_model(doc, "docx", proposal))["word/document.xml"]
    authors = {e.get(W + "author") for e in document.iter(W + "ins", W + "del")}
    assert authors <= {proposal.proposer}
    # Reading the tracked file accepts every change: the proposed articles' words
    # are all there.
    proposed = apply_proposal(doc, proposal)
    accepted = " ".join(
        "".join(t.text or "" for t in p.iter(W + "t")) for p in document.iter(W + "p")
    )
    for article in proposed.ordered_articles():
        if article.heading:
            assert article.heading in accepted


@pytest.mark.parametrize("name", ["digital-registry", "member-consultation"])
def test_a_proposal_in_word_with_every_change_accepted_is_the_proposed_text(
    name: str,
) -> None:
    from bylaws.diff.compare import diff_documents

    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    proposal = load_proposal(tree, PurePosixPath("proposals") / name)
    data = export_model(doc, "docx", proposal)
    back = import_bytes(data, f"{name}.docx", "docx").document
    # Notes included: they keep their own style in the tracked file.
    diff = diff_documents(apply_proposal(doc, proposal), back, align="content")
    assert [c.article for c in diff.articles] == []
