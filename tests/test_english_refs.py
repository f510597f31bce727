"""References English bylaws make by place ("this Article", "the preceding
Section", "Section 2 of this Article"): live on import, kept in their words,
following every renumbering, through XML, Word, Markdown and the instrument."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bylaws import xmlio
from bylaws.exporters import export_model
from bylaws.importers import import_bytes, import_file
from bylaws.instrument import (
    apply_instrument,
    publish_instrument,
    reader_view,
    write_instrument,
)
from bylaws.model import (
    Article,
    Base,
    Document,
    Insert,
    P,
    Paragraph,
    Position,
    Proposal,
    Ref,
    Text,
)
from bylaws.overlay import apply_proposal
from bylaws.render import Reader

from .cli_run import messages_in_english, run

__all__ = ["messages_in_english"]

DATA = Path(__file__).resolve().parent / "data" / "english-bylaws"


@pytest.fixture(scope="module")
def doc() -> Document:
    return import_file(DATA / "relative-refs.txt").document


def _runs(doc: Document, article_id: str) -> tuple[object, ...]:
    first = doc.articles[article_id].paragraphs[0].items[0]
    assert isinstance(first, P)
    return first.runs


def test_words_become_references_to_what_they_name(doc: Document) -> None:
    assert _runs(doc, "sec-lapse") == (
        Text("A member whose dues under Section "),
        Ref("sec-dues", "number"),
        Text(" of "),
        Ref("art-membership", words="this Article"),
        Text(" are unpaid by June 1 shall be dropped; "),
        Ref("sec-lapse", words="this Section"),
        Text(" does not apply to honorary members under "),
        Ref("sec-honorary-members", words="the following Section"),
        Text("."),
    )
    assert _runs(doc, "sec-dues")[-2:] == (
        Ref("sec-eligibility", words="the preceding Section"),
        Text("."),
    )
    honorary = [r for r in _runs(doc, "sec-honorary-members") if isinstance(r, Ref)]
    assert honorary == [
        Ref("art-name", words="the preceding Article"),
        Ref("art-membership", words="this Article"),
    ]
    terms = [r for r in _runs(doc, "sec-terms") if isinstance(r, Ref)]
    assert terms == [Ref("art-membership", words="the preceding Article")]


def test_words_that_name_nothing_stay_text() -> None:
    text = (
        "ARTICLE I - NAME\n"
        "Section 1. Name. As the preceding Section and the following Article say.\n"
    )
    doc = import_bytes(text.encode(), "x.txt", "text", "x").document
    assert _runs(doc, "sec-name") == (
        Text("As the preceding Section and the following Article say."),
    )


def test_they_read_as_written(doc: Document) -> None:
    reader = Reader(doc)
    assert reader.runs(_runs(doc, "sec-lapse")) == (
        "A member whose dues under Section 2 of this Article are unpaid by June 1 "
        "shall be dropped; this Section does not apply to honorary members under "
        "the following Section."
    )


def _insert_before_dues(doc: Document) -> Document:
    fee = Article(
        "sec-fee", "Joining fee", (Paragraph((P((Text("A fee of ten dollars."),)),)),)
    )
    proposal = Proposal(
        "fee",
        "Fee",
        "Treasurer",
        None,
        Base(doc.id),
        "board",
        (),
        (),
        (Insert("sec-fee", Position("after", "sec-eligibility")),),
        {"sec-fee": fee},
    )
    return apply_proposal(doc, proposal)


def test_a_section_inserted_before_them(doc: Document) -> None:
    new = _insert_before_dues(doc)
    # The same targets; the number shown follows, the words stay.
    assert _runs(new, "sec-lapse") == _runs(doc, "sec-lapse")
    assert (
        Reader(new)
        .runs(_runs(new, "sec-lapse"))
        .startswith("A member whose dues under Section 3 of this Article are unpaid")
    )
    assert (
        Reader(new)
        .runs(_runs(new, "sec-dues"))
        .endswith("subject to the preceding Section.")
    )


def test_xml_keeps_the_words(doc: Document) -> None:
    lapse = doc.articles["sec-lapse"]
    data = xmlio.serialize(xmlio.article_to_xml(lapse))
    assert (
        b'<ref to="art-membership">this Article</ref>' in data
        and b'<ref to="sec-dues" form="number"/>' in data
    )
    root = xmlio.parse_bytes(data, "sec-lapse.xml")
    assert xmlio.article_from_xml(root, "sec-lapse.xml", data) == lapse


def test_check_accepts_them_and_reports_one_to_nothing(
    tmp_path: Path, messages_in_english: None
) -> None:
    folder = tmp_path / "club"
    run("import", str(DATA / "relative-refs.txt"), "-o", str(folder))
    run("check", str(folder))
    lapse = folder / "articles" / "sec-lapse.xml"
    lapse.write_text(lapse.read_text().replace('to="art-membership"', 'to="art-gone"'))
    said = run("check", str(folder), code=1)
    assert "sec-lapse.xml:5:" in said and "'art-gone' points to nothing" in said


@pytest.mark.parametrize(("fmt", "name"), [("docx", "x.docx"), ("markdown", "x.md")])
def test_word_and_markdown_keep_them(doc: Document, fmt: str, name: str) -> None:
    back = import_bytes(export_model(doc, fmt), name, fmt, doc.id).document
    for article_id in ("sec-lapse", "sec-honorary-members", "sec-terms"):
        assert _runs(back, article_id) == _runs(doc, article_id)


def test_the_instrument_carries_them(doc: Document) -> None:
    lapse = doc.articles["sec-lapse"]
    runs = tuple(
        Text(r.value.replace("June 1", "July 1")) if isinstance(r, Text) else r
        for r in _runs(doc, "sec-lapse")
    )
    amended = replace(lapse, paragraphs=(Paragraph((P(runs),)),))
    new = replace(doc, articles={**doc.articles, "sec-lapse": amended})
    new = _insert_before_dues(new)
    text = write_instrument(doc, new)
    assert "To strike out “June” and insert “July” in Article II, Section 3." in text
    assert apply_instrument(doc, text) == new
    published = publish_instrument(doc, new)
    assert reader_view(apply_instrument(doc, published)) == reader_view(new)
