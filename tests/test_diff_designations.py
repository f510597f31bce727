"""Renumbered and re-nested paragraphs shown where they happen: both
designations on the line, a deleted unit under its old number, and never two
lines of one article with the same label for different units."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.diff.changes import ArticleChange, DocumentDiff, without_formal
from bylaws.diff.compare import diff_documents
from bylaws.diff.designations import designations
from bylaws.formatters import render
from bylaws.importers import import_file
from bylaws.model import P, Paragraph, Point, Text
from bylaws.overlay import apply_proposal

from .conftest import CORPORA, NO_CORPORA, examples, golden
from .diff_helpers import art, document
from .proposal_strategies import decorated, documents, proposals


def _shown_labels(change: ArticleChange, rtl: bool) -> list[tuple[str, str, str]]:
    """Each labelled line as a reader tells it apart: whose number (deleted,
    inserted or kept), and which, with the paragraph's number before a point's."""
    return [
        (found.side, found.old, found.new)
        for found in designations(change.units, rtl)
        if found.text
    ]


def _assert_labels_tell_units_apart(change: ArticleChange, rtl: bool) -> None:
    shown = designations(change.units, rtl)
    lines = _shown_labels(change, rtl)
    assert len(lines) == len(set(lines)), (change.article, lines)
    # A plain "(5)" is the same unit in both texts: no deleted old (5) and no
    # inserted new (5) beside it.
    kept = {d.new for d in shown if d.side == "both" and not d.changed and d.text}
    gone = {d.old for d in shown if d.side == "old" and d.text}
    came = {d.new for d in shown if d.side == "new" and d.text}
    assert not kept & gone and not kept & came, (
        change.article,
        [
            (u.old_address, u.new_address, u.old_label, u.new_label)
            for u in change.units
        ],
    )
    for found in shown:
        if found.changed:
            assert found.old != found.new


@settings(
    max_examples=examples(50),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_no_two_lines_of_an_article_carry_one_label_for_different_units(
    data: st.DataObject,
) -> None:
    base = data.draw(documents())
    old = data.draw(decorated(base))
    new = data.draw(decorated(apply_proposal(base, data.draw(proposals(base)))))
    diff = diff_documents(old, new, context=True)
    for change in diff.context:
        _assert_labels_tell_units_apart(change, diff.rtl)


def _renumbering_diff(lang: str = "ar") -> DocumentDiff:
    old = document(
        [("ch-1", "أحكام", [art("art-1", "أول.", "ثان.", "ثالث.", "رابع.", "خامس.")])],
        lang,
    )
    new = document(
        [("ch-1", "أحكام", [art("art-1", "أول.", "جديد تماما هنا.", "ثان.", "ثالث.")])],
        lang,
    )
    return diff_documents(old, new)


def test_a_renumbered_paragraph_shows_both_numbers_in_reading_direction() -> None:
    diff = _renumbering_diff()
    text = render(diff, "inline")
    assert "(2←3) ثان." in text
    assert "(3←4) ثالث." in text
    # The deleted old (4) and (5) carry their old numbers, inside the deletion.
    assert "[-(4) رابع.-]" in text and "[-(5) خامس.-]" in text
    assert "{+(2) جديد تماما هنا.+}" in text


def test_ignore_formal_shows_the_new_number_only() -> None:
    text = render(without_formal(_renumbering_diff()), "inline")
    assert "(3) ثان." in text and "←" not in text


def test_a_paragraph_moved_into_another_shows_both_full_designations() -> None:
    from .diff_helpers import para

    old = document(
        [("ch-1", "أحكام", [art("art-1", "الأولى.", "الشروط:", "الأخير هنا دوما.")])]
    )
    new = document(
        [
            (
                "ch-1",
                "أحكام",
                [
                    art(
                        "art-1",
                        "الأولى.",
                        para("الشروط:", "أ.", "ب.", "الأخير هنا دوما."),
                    )
                ],
            )
        ]
    )
    diff = diff_documents(old, new)
    found = [
        d
        for d in designations(diff.articles[0].units, diff.rtl)
        if d.changed and d.side == "both"
    ]
    assert [d.text for d in found] == ["(3)←(2)(ج)"]
    assert "(3)←(2)(ج)" in render(diff, "inline")


def test_english_renumbering_reads_left_to_right() -> None:
    diff = _renumbering_diff("en")
    text = render(diff, "inline")
    assert "(2→3)" in text and "←" not in text


def _corpus_article(folder: str, old: str, new: str, article: str) -> DocumentDiff:
    before = import_file(CORPORA / folder / old, doc_id="law").document
    after = import_file(CORPORA / folder / new, doc_id="law").document
    diff = diff_documents(before, after)
    kept = tuple(c for c in diff.changes if getattr(c, "article", None) == article)
    return replace(diff, old="before", new="after", changes=kept)


CORPUS_CASES = [
    ("sa-pdpl-2023-ar", "before.txt", "after.txt", "art-4", "pdpl-art-4"),
    ("sa-pdpl-2023-ar", "before.txt", "after.txt", "art-29", "pdpl-art-29"),
    ("za-cpt-ombudsman-en-akn", "before.xml", "after.xml", "art-5", "cpt-section-5"),
]


@pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)
@pytest.mark.parametrize(
    ("folder", "old", "new", "article", "name"),
    CORPUS_CASES,
    ids=[c[-1] for c in CORPUS_CASES],
)
def test_real_renumberings_golden(
    folder: str, old: str, new: str, article: str, name: str
) -> None:
    diff = _corpus_article(folder, old, new, article)
    assert len(diff.articles) == 1
    _assert_labels_tell_units_apart(diff.articles[0], diff.rtl)
    golden(f"diff/corpora/{name}.inline.txt", render(diff, "inline"))
    golden(f"diff/corpora/{name}.side-by-side.txt", render(diff, "side-by-side"))
    golden(f"diff/corpora/{name}.markdown.md", render(diff, "markdown"))
    golden(f"diff/corpora/{name}.html.html", render(diff, "html"))


@pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)
def test_pdpl_renumbered_paragraphs_show_old_and_new() -> None:
    text = render(_corpus_article(*CORPUS_CASES[0][:4]), "inline")
    assert "(3←4) الحق في طلب تصحيح" in text
    assert "(4←5) الحق في طلب إتلاف" in text
    assert "[-(5) الحقوق الأخرى" in text
    labels = Counter(line.split(" ", 1)[0] for line in text.splitlines()[4:])
    assert labels["(5)"] == 0
    text = render(_corpus_article(*CORPUS_CASES[1][:4]), "inline")
    assert "  (3)←(2)(ج) أن يقتصر النقل" in text


def _trailing(intro: str, point: str, after: str) -> Paragraph:
    """A paragraph whose text goes on after its point."""
    return Paragraph(
        (P((Text(intro),)), Point((P((Text(point),)),)), P((Text(after),)))
    )


def test_text_after_the_points_is_never_taken_for_the_paragraph() -> None:
    """A paragraph's own words and the words after its points trade places
    (found by the property above): the two lines must not both read "(1)"."""
    second = Paragraph(
        (
            P((Text("\u200bالعضو"),)),
            Point((P((Text("\u200bالعضو"),)),)),
            Point((P((Text("العضو"),)),)),
        )
    )
    before = _trailing("العضو", "\u200bالعضو", "الحركة")
    after = _trailing("الحركة", "\u200bالعضو", "العضو")
    old = document([("ch-1", "أحكام", [art("art-1", before, second)])])
    new = document([("ch-1", "أحكام", [art("art-1", after, second)])])
    diff = diff_documents(old, new, context=True)
    (change,) = [c for c in diff.context if c.article == "art-1"]
    _assert_labels_tell_units_apart(change, diff.rtl)
    texts = [d.text for d in designations(change.units, diff.rtl) if d.text]
    assert texts.count("(1)") <= 1, texts
    # The two that traded places moved; the point between them, at its own
    # address in both texts, did not.
    kinds = {(u.old_address, u.new_address): u.kind for u in change.units}
    assert kinds[("para-1/point-1", "para-1/point-1")] != "moved"
    assert kinds[("para-1", "para-1/text-1")] == "moved"
    assert kinds[("para-1/text-1", "para-1")] == "moved"
