"""English bylaws as written: ARTICLE I holding Section 1., numbered afresh
in each Article, cited "Article II, Section 3", renumbered within an Article."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws import xmlio
from bylaws.cli import cli
from bylaws.diff.compare import diff_documents
from bylaws.exporters import export_model
from bylaws.formatters import render
from bylaws.importers import import_bytes, import_file
from bylaws.instrument import (
    apply_instrument,
    publish_instrument,
    reader_view,
    write_instrument,
)
from bylaws.model import (
    Article,
    ArticleEntry,
    Base,
    Division,
    Document,
    DocumentMeta,
    Insert,
    P,
    Paragraph,
    Position,
    Proposal,
    Text,
    Units,
    iter_divisions,
)
from bylaws.numbering import upper_roman
from bylaws.operands import load_operand
from bylaws.overlay import apply_proposal
from bylaws.render import Reader
from bylaws.show import as_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "english-bylaws"


def _shape(doc: Document) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    """Each Article's label and title, and its Sections' labels and titles."""
    reader = Reader(doc)
    out = []
    for division in iter_divisions(doc.outline):
        sections = [
            (reader.label(e.ref), doc.articles[e.ref].heading)
            for e in division.children
            if not hasattr(e, "kind")
        ]
        out.append((reader.division_label(division), division.heading, sections))
    return out


def test_the_garden_club_imports_as_three_articles_in_order() -> None:
    doc = import_file(DATA / "garden-club.txt").document
    assert _shape(doc) == [
        ("Article I", "NAME", [("Section 1", "Name")]),
        (
            "Article II",
            "MEMBERSHIP",
            [
                ("Section 1", "Eligibility"),
                ("Section 2", "Dues"),
                ("Section 3", "Lapse"),
            ],
        ),
        (
            "Article III",
            "OFFICERS",
            [("Section 1", "Officers"), ("Section 2", "Terms")],
        ),
    ]
    # The citation in prose is live and reads as it was written.
    lapse = doc.articles["sec-lapse"].paragraphs[0].items[0]
    assert isinstance(lapse, P)
    assert Reader(doc).runs(lapse.runs).endswith("as set out in Article II, Section 2.")
    assert "Article II, Section 2" not in str(lapse.runs)


def test_show_output_imports_back_to_the_same_document() -> None:
    doc = import_file(DATA / "garden-club.txt").document
    reader = Reader(doc)
    shown = as_text(reader, reader.outline(), whole=True)
    # The Article headings as the source writes them.
    assert "ARTICLE II - MEMBERSHIP\n\nSection 1: Eligibility\n" in shown
    back = import_bytes(shown.encode(), "show.txt", "text", doc.id).document
    assert back.outline == doc.outline
    assert back.articles == doc.articles
    assert back.units == doc.units


@pytest.mark.parametrize("name", ["decimal-sec.txt", "points-section-sign.txt"])
def test_show_prints_each_shape_back(name: str) -> None:
    doc = import_file(DATA / name).document
    reader = Reader(doc)
    shown = as_text(reader, reader.outline(), whole=True)
    back = import_bytes(shown.encode(), "show.txt", "text", doc.id).document
    assert (back.preamble, back.outline, back.units) == (
        doc.preamble,
        doc.outline,
        doc.units,
    )
    assert back.articles == doc.articles


def test_decimal_numbers_titles_on_their_own_line_and_a_preamble() -> None:
    result = import_file(DATA / "decimal-sec.txt")
    doc = result.document
    assert doc.units is not None and doc.units.numbering == "decimal"
    assert _shape(doc) == [
        ("Article 1", "Name and Purpose", [("1.01", "Name"), ("1.02", "Purpose")]),
        ("Article 2", "Members", [("2.01", "Admission"), ("2.02", "Dues")]),
    ]
    reader = Reader(doc)
    admission = doc.articles["sec-admission"].paragraphs[0].items[0]
    assert isinstance(admission, P)
    assert reader.runs(admission.runs).endswith("fixed under Section 2.02.")
    dues = doc.articles["sec-dues"]
    assert [b.label for b in reader.blocks(dues)] == [None, "(a)", "(b)"]
    # Nothing lost: the text before the first Article is the preamble.
    assert [reader.runs(p.runs) for p in doc.preamble] == [
        "Adopted by the members at the founding meeting."
    ]
    assert not doc.articles["sec-name"].notes
    assert doc.units.heading == "Article {d}\n{title}"


def test_word_numbers_sec_and_markdown_headings() -> None:
    doc = import_file(DATA / "words-sec.md").document
    assert doc.units is not None and doc.units.numerals == "words"
    assert doc.units.label == "Sec. {n}"
    assert _shape(doc) == [
        ("Article One", "NAME", [("Sec. 1", "Name")]),
        (
            "Article Two",
            "MEETINGS",
            [("Sec. 1", "Regular meetings"), ("Sec. 2", "Notice")],
        ),
    ]
    notice = doc.articles["sec-notice"].paragraphs[0].items[0]
    assert isinstance(notice, P)
    assert "Article Two, Section 1" in Reader(doc).runs(notice.runs)


def test_units_survive_document_xml(tmp_path: Path) -> None:
    doc = import_file(DATA / "garden-club.txt").document
    data = xmlio.serialize(xmlio.document_to_xml(doc))
    assert b'<unit citation="Article {d}, Section {n}"' in data
    target = tmp_path / "us"
    runner = CliRunner()
    imported = runner.invoke(
        cli, ["import", str(DATA / "garden-club.txt"), "-o", str(target)]
    )
    assert imported.exit_code == 0, imported.output
    assert runner.invoke(cli, ["check", str(target)]).exit_code == 0
    assert runner.invoke(cli, ["fmt", "--check", str(target)]).exit_code == 0


def _with_guests(doc: Document, after: str = "sec-eligibility") -> Document:
    guests = Article(
        "sec-guests",
        "Guests",
        (Paragraph((P((Text("Members may bring guests to meetings."),)),)),),
    )
    proposal = Proposal(
        id="guests",
        title="Guests",
        proposer="Membership committee",
        submitted=None,
        base=Base(doc.id),
        stage="committee",
        rationale=(),
        reviews=(),
        operations=(Insert("sec-guests", Position("after", after)),),
        articles={"sec-guests": guests},
    )
    return apply_proposal(doc, proposal)


def test_inserting_a_section_renumbers_within_its_article_only() -> None:
    doc = import_file(DATA / "garden-club.txt").document
    new = _with_guests(doc)
    reader = Reader(new)
    assert reader.label("sec-guests") == "Section 2"
    assert reader.label("sec-dues") == "Section 3"
    assert reader.label("sec-lapse") == "Section 4"
    assert reader.label("sec-officers") == "Section 1"  # Article III untouched
    lapse = new.articles["sec-lapse"].paragraphs[0].items[0]
    assert isinstance(lapse, P)
    assert reader.runs(lapse.runs).endswith("Article II, Section 3.")
    shown = render(diff_documents(doc, new), "inline")
    assert "@@ — → Article II, Section 2 @@ inserted" in shown
    assert (
        "@@ Article II, Section 2 … Article II, Section 3 → "
        "Article II, Section 3 … Article II, Section 4 @@ renumbered (2)"
    ) in shown
    assert "Article III" not in shown


def test_roman_numerals() -> None:
    assert [upper_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XL",
        "XC",
        "CD",
        "MCMXCIV",
    ]


def test_arabic_documents_have_no_units(sample: Path) -> None:
    doc = load_operand(str(sample)).document
    assert doc.units is None
    assert replace(doc, units=None) == doc


def test_the_instrument_moves_in_roberts_rules_form() -> None:
    doc = import_file(DATA / "garden-club.txt").document
    new = _with_guests(doc)
    sixty = P(
        (Text("Annual dues shall be sixty dollars, payable at the March meeting."),)
    )
    articles = dict(new.articles)
    articles["sec-dues"] = replace(
        articles["sec-dues"], paragraphs=(Paragraph((sixty,)),)
    )
    del articles["sec-terms"]
    officers = replace(
        new.outline[2],
        children=tuple(e for e in new.outline[2].children if e.ref != "sec-terms"),  # type: ignore[union-attr]
    )
    new = replace(new, articles=articles, outline=(*new.outline[:2], officers))
    text = write_instrument(doc, new)
    assert text.splitlines()[:3] == [
        "1. To strike out “ninety” and insert “sixty” in Article II, Section 2.",
        "2. To strike out Article III, Section 2.",
        "3. To insert after Article II, Section 1 the following new section, "
        "and renumber the sections after it:",
    ]
    assert apply_instrument(doc, text) == new
    published = publish_instrument(doc, new)
    assert "Article II, Section 2: Guests" in published
    assert reader_view(apply_instrument(doc, published)) == reader_view(new)


@pytest.mark.parametrize(("fmt", "suffix"), [("docx", ".docx"), ("markdown", ".md")])
def test_word_and_markdown_exports_import_back(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    sample = load_operand(str(ROOT / "drafts" / "garden-club")).document
    exported = tmp_path / f"bylaws{suffix}"
    exported.write_bytes(export_model(sample, fmt))
    back = import_file(exported).document
    reader, again = Reader(sample), Reader(back)
    assert as_text(again, again.outline()) == as_text(reader, reader.outline())
    assert back.units == sample.units


def test_decimal_citations_follow_an_insertion() -> None:
    doc = import_file(DATA / "decimal-sec.txt").document
    new = _with_guests(doc, after="sec-admission")
    reader = Reader(new)
    assert [reader.label(r) for r in ("sec-admission", "sec-guests", "sec-dues")] == [
        "2.01",
        "2.02",
        "2.03",
    ]
    assert reader.label("sec-purpose") == "1.02"  # Article 1 untouched
    admission = new.articles["sec-admission"].paragraphs[0].items[0]
    assert isinstance(admission, P)
    assert reader.runs(admission.runs).endswith("fixed under Section 2.03.")


def test_section_signs_and_nested_points() -> None:
    doc = import_file(DATA / "points-section-sign.txt").document
    reader = Reader(doc)
    assert _shape(doc) == [
        ("Article I", "MEMBERS", [("§ 1", "Who may join"), ("§ 2", "Rights")]),
        ("Article II", "MEETINGS", [("§ 1", "Calling")]),
    ]
    rights = [(b.label, b.depth) for b in reader.blocks(doc.articles["sec-rights"])]
    assert rights == [(None, 0), ("(a)", 1), ("(i)", 2), ("(ii)", 2), ("(b)", 1)]
    calling = [b.label for b in reader.blocks(doc.articles["sec-calling"])]
    assert calling == [None, "(a)", "(b)"]


def test_published_motions_name_a_new_section_by_its_clause() -> None:
    """Found by the property: with decimal numbers the published text left
    "Section 1.01" for a Section the first motion inserts, which named another."""
    units = Units(numbering="decimal", citation="Section {n}")
    texts = {"art-1": "member", "art-2": "member member", "art-new": "member"}

    def doc(refs: list[str]) -> Document:
        chapter = Division(
            "chapter", "chp-1", "member", tuple(ArticleEntry(r) for r in refs)
        )
        articles = {
            r: Article(r, None, (Paragraph((P((Text(texts[r]),)),)),)) for r in refs
        }
        meta = DocumentMeta("T")
        return Document(
            "doc", "en", "auto", "words", meta, (chapter,), articles, units=units
        )

    old, new = doc(["art-1", "art-2"]), doc(["art-new", "art-2", "art-1"])
    published = publish_instrument(old, new)
    assert (
        "2. To move Section 1.02 after the article inserted by clause 1." in published
    )
    assert reader_view(apply_instrument(old, published)) == reader_view(new)
