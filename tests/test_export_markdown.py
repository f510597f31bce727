"""Markdown export and import: front matter, ids in `{#id}`, references as
links, points as nested list items; hand-written Markdown imports too."""

from __future__ import annotations

from pathlib import PurePosixPath

from bylaws.exporters import export_model
from bylaws.importers import import_bytes, import_file
from bylaws.model import Ref
from bylaws.overlay import apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposal

from .conftest import ROOT, SAMPLE


def test_markdown_shape() -> None:
    text = export_model(load_document(DiskTree(SAMPLE)), "markdown").decode()
    lines = text.splitlines()
    assert lines[0] == "---" and "bylaws: 1" in lines and "lang: ar" in lines
    assert "## الفصل الأول: أحكام عامة {#chp-general}" in lines
    assert "### المادة الأولى: الاسم {#art-name}" in lines
    assert any(line.startswith("(1) ") for line in lines)
    assert any(line.startswith("- (أ) ") for line in lines)
    assert "](#art-" in text


def test_a_line_that_looks_like_a_label_is_escaped() -> None:
    from bylaws.model import (
        Article,
        ArticleEntry,
        Document,
        DocumentMeta,
        P,
        Paragraph,
        Text,
    )

    doc = Document(
        "d",
        "ar",
        "auto",
        "words",
        DocumentMeta("عنوان"),
        (ArticleEntry("art-a"),),
        {
            "art-a": Article(
                "art-a",
                None,
                (Paragraph((P((Text("نص"),)), P((Text("1- ليس فقرة"),)))),),
            )
        },
    )
    text = export_model(doc, "markdown").decode()
    assert "\\1- ليس فقرة" in text
    assert import_bytes(text.encode(), "x.md", "markdown").document == doc


def test_markdown_of_a_proposal_is_the_proposed_text() -> None:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    proposal = load_proposal(tree, PurePosixPath("proposals/member-consultation"))
    data = export_model(doc, "markdown", proposal)
    back = import_bytes(data, "p.md", "markdown").document
    assert back == apply_proposal(doc, proposal)


def test_hand_written_markdown() -> None:
    result = import_file(ROOT / "tests" / "data" / "import" / "ar-hand.md")
    doc = result.document
    assert doc.meta.title == "نظام جمعية حماية الطيور"
    assert [d.heading for d in doc.outline] == ["أحكام عامة", "الهيئات"]  # type: ignore[union-attr]
    goals = doc.articles["art-2"]
    assert goals.heading == "الأهداف" and len(goals.paragraphs[0].points) == 2
    point = goals.paragraphs[0].points[1]
    # Emphasis marks go; the reference in bold becomes live.
    assert Ref("art-1", "full") in point.items[0].runs  # type: ignore[union-attr]
    assert result.warnings == ()
