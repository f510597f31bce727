"""Plain-text import: every usual heading and label form, references in prose,
lines that fit nowhere kept and reported, and the result passes `check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bylaws.check import check_paths
from bylaws.importers import import_file, write_document
from bylaws.importers.patterns import article_head, division_head, numbered
from bylaws.model import Document, P, Point, Ref, Text, plain_text

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "import"


@pytest.mark.parametrize(
    ("line", "number", "suffix", "style"),
    [
        ("المادة 12", 12, 0, "digits"),
        ("المادة (12)", 12, 0, "digits"),
        ("مادة ١٢", 12, 0, "arabic-indic"),
        ("المادة الثانية عشرة", 12, 0, "words"),
        ("المادة الحادية والعشرون", 21, 0, "words"),
        ("المادة 12 مكرر", 12, 1, "digits"),
        ("المادة 12 مكرر (أ)", 12, 2, "digits"),
        ("المادة الخامسة مكرر", 5, 1, "words"),
        ("Article 12", 12, 0, "digits"),
        ("Article 12bis", 12, 1, "digits"),
        ("Article 12 ter", 12, 2, "digits"),
        ("Twelfth Article", 12, 0, "words"),
    ],
)
def test_article_heading_forms(line: str, number: int, suffix: int, style: str) -> None:
    head = article_head(line)
    assert head is not None
    assert (head.number, head.suffix, head.style) == (number, suffix, style)


def test_section_is_an_article_only_when_asked() -> None:
    assert article_head("Section 12 Definitions") is None
    head = article_head("Section 12 Definitions", section_is_article=True)
    assert head is not None and (head.number, head.rest) == (12, "Definitions")


@pytest.mark.parametrize(
    "line",
    ["المادة (الثامنة عشرة) من النظام تنص على", "Article 12(2) applies to members"],
)
def test_a_sentence_opening_with_a_reference_is_not_a_heading(line: str) -> None:
    assert article_head(line) is None


def test_heading_rest_and_repealed_mark() -> None:
    head = article_head("المادة الأولى: التسمية")
    assert head is not None and head.rest == "التسمية"
    repealed = article_head("المادة الخامسة - (ملغاة)")
    assert repealed is not None and repealed.repealed


@pytest.mark.parametrize(
    ("line", "kind", "number", "title"),
    [
        ("الباب الأول : المبادئ العامة", "part", 1, "المبادئ العامة"),
        ("الفصل الثاني", "chapter", 2, ""),
        ("الفرع 3 - الهيئات", "section", 3, "الهيئات"),
        ("Part II: General", "part", 2, "General"),
        ("Chapter 4 - Members", "chapter", 4, "Members"),
        ("Section 1", "section", 1, ""),
    ],
)
def test_division_heading_forms(line: str, kind: str, number: int, title: str) -> None:
    head = division_head(line)
    assert head is not None
    assert (head.kind, head.number, head.title) == (kind, number, title)


@pytest.mark.parametrize(
    ("line", "kind", "number", "arabic"),
    [
        ("1- نص", "para", 1, True),
        ("(2) نص", "para", 2, True),
        ("٣- نص", "para", 3, True),
        ("أولاً: نص", "para", 1, True),
        ("ثانياً - نص", "para", 2, True),
        ("حادي عشر: نص", "para", 11, True),
        ("أ- نص", "point", 1, True),
        ("(ب) نص", "point", 2, True),
        ("هـ- نص", "point", 5, True),
        ("(1) text", "para", 1, False),
        ("(c) text", "point", 3, False),
    ],
)
def test_paragraph_and_point_labels(
    line: str, kind: str, number: int, arabic: bool
) -> None:
    found = numbered(line, arabic)
    assert found is not None and (found.kind, found.number) == (kind, number)


def _import(name: str) -> tuple[Document, list[str]]:
    result = import_file(DATA / name)
    return result.document, [f"{w.line}: {w.message}" for w in result.warnings]


def _texts(doc: Document, article_id: str) -> list[str]:
    out: list[str] = []

    def walk(items: tuple[P | Point, ...]) -> None:
        for item in items:
            if isinstance(item, P):
                out.append(plain_text(item.runs))
            else:
                walk(item.items)

    for paragraph in doc.articles[article_id].paragraphs:
        walk(paragraph.items)
    return out


def test_arabic_words_document() -> None:
    doc, warnings = _import("ar-words.txt")
    assert (doc.lang, doc.numbering, doc.style) == ("ar", "fixed", "words")
    assert doc.meta.title == "النظام الأساسي لجمعية أصدقاء المكتبة"
    entries = [(e.ref, e.num, e.repealed) for e in doc.entries()]
    assert entries == [
        ("art-1", "1", False),
        ("art-2", "2", False),
        ("art-3", "3", False),
        ("art-4", "4", True),  # «(ملغاة)» in the text
        ("art-5", "5", False),
        ("art-5-bis", None, False),  # «المادة الخامسة مكرر» takes no num
        ("art-6", "6", False),
        ("art-7", "7", True),  # absent from the text: its number stays taken
        ("art-8", "8", False),
    ]
    part = doc.outline[0]
    assert part.kind == "part" and part.id == "part-1" and part.heading == "أحكام عامة"
    chapter = part.children[0]
    # A heading on the line after «الفصل الأول» is the chapter's title.
    assert chapter.id == "chp-1" and chapter.heading == "التسمية والمقر"
    assert doc.articles["art-2"].heading == "الأهداف"
    # Lettered points under the lead-in; ordinal paragraphs (أولاً، ثانياً).
    assert len(doc.articles["art-2"].paragraphs[0].points) == 3
    assert len(doc.articles["art-5"].paragraphs) == 2
    # The trailing sentence after the points stays in paragraph (2).
    assert _texts(doc, "art-6")[-1] == "ولا يصح الاجتماع إلا بحضور نصف الأعضاء."
    # The line before the first heading is the document's preamble.
    assert plain_text(doc.preamble[0].runs).startswith("أُقرّ هذا النظام")
    assert not doc.articles["art-1"].notes
    assert not any(w.startswith("3: ") for w in warnings)
    assert any(w.startswith("45: ") and "article 7" in w for w in warnings)


def test_prose_references_become_live_and_read_the_same() -> None:
    doc, _ = _import("ar-words.txt")
    art3 = doc.articles["art-3"].paragraphs
    # «الفقرة (1) من هذه المادة»: the number only, the words around kept.
    runs = art3[1].items[0].runs  # type: ignore[union-attr]
    assert Ref("art-3/para-1", "number") in runs
    assert runs[-1] == Text(" من هذه المادة.")
    # «المادة (الثانية) من النظام»: the parentheses stay text around the number.
    runs = art3[2].items[0].runs  # type: ignore[union-attr]
    assert runs == (
        Text("يُراعى في قبول الأعضاء ما ورد في المادة ("),
        Ref("art-2", "number"),
        Text(") من النظام."),
    )
    # «الفقرة (2) من المادة (الثالثة)»: two live references.
    runs = doc.articles["art-5"].paragraphs[1].items[0].runs  # type: ignore[union-attr]
    assert Ref("art-3/para-2", "number") in runs and Ref("art-3", "number") in runs
    # «المادة الثالثة» written as the document numbers it: one full reference.
    runs = doc.articles["art-5-bis"].paragraphs[0].items[0].runs  # type: ignore[union-attr]
    assert Ref("art-3", "full") in runs
    # Another law's article is left alone.
    assert not any(
        isinstance(r, Ref)
        for r in doc.articles["art-8"].paragraphs[0].items[0].runs  # type: ignore[union-attr]
    )


def test_digits_parentheses_and_bis_suffixes() -> None:
    doc, warnings = _import("ar-digits.txt")
    assert (doc.numbering, doc.style) == ("fixed", "digits")
    assert [e.ref for e in doc.entries()] == [
        "art-1",
        "art-2",
        "art-3",
        "art-3-bis",
        "art-3-ter",
    ]
    runs = doc.articles["art-3"].paragraphs[0].items[0].runs  # type: ignore[union-attr]
    assert Ref("art-2/para-2", "number") in runs and Ref("art-2", "number") in runs
    assert warnings == []


def test_arabic_indic_digits_give_that_style() -> None:
    doc, _ = _import("ar-indic.txt")
    assert (doc.numbering, doc.style) == ("auto", "arabic-indic")
    assert len(doc.articles["art-2"].paragraphs) == 2


def test_english_articles_parts_points_and_references() -> None:
    doc, warnings = _import("en-articles.txt")
    assert (doc.lang, doc.numbering, doc.style) == ("en", "fixed", "digits")
    assert [(e.ref, e.repealed) for e in doc.entries()] == [
        ("art-1", False),
        ("art-2", False),
        ("art-3", False),
        ("art-3-bis", False),
        ("art-4", True),
    ]
    purpose = doc.articles["art-2"]
    assert purpose.heading == "Purpose"
    races = purpose.paragraphs[1].points[1]
    assert len(races.points) == 2  # (i) and (ii) nest inside (b)
    assert (
        Ref("art-2/para-1", "full") in doc.articles["art-3"].paragraphs[0].items[0].runs
    )  # type: ignore[union-attr]
    assert Ref("art-3", "full") in doc.articles["art-3-bis"].paragraphs[0].items[0].runs  # type: ignore[union-attr]
    assert not warnings
    assert [plain_text(p.runs) for p in doc.preamble] == [
        "Adopted at the founding meeting."
    ]


def test_english_sections_are_articles_when_there_are_no_articles() -> None:
    doc, _ = _import("en-sections.txt")
    assert [a.heading for a in doc.ordered_articles()] == [
        "Definitions",
        "Plots",
        "Meetings",
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir()))
def test_every_import_passes_check(tmp_path: Path, name: str) -> None:
    doc = import_file(DATA / name).document
    folder = tmp_path / "imported"
    write_document(doc, folder)
    report = check_paths([folder])
    assert [str(p) for p in report.problems if p.level == "error"] == []


def test_no_line_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_text(
        "عنوان\nسطر تمهيدي\nالمادة 1\nنص المادة.\nالمادة 2\nنص آخر.\nسطر ختامي\n",
        encoding="utf-8",
    )
    doc = import_file(source).document
    words = " ".join(
        plain_text(p.runs)
        for a in doc.ordered_articles()
        for para in a.paragraphs
        for p in para.items
        if isinstance(p, P)
    ) + " ".join(plain_text(n.runs) for a in doc.ordered_articles() for n in a.notes)
    # The line before the first article is the document's preamble.
    assert [plain_text(p.runs) for p in doc.preamble] == ["سطر تمهيدي"]
    words += " " + " ".join(plain_text(p.runs) for p in doc.preamble)
    for line in ("سطر تمهيدي", "نص المادة.", "نص آخر.", "سطر ختامي"):
        assert line in words


def test_write_document_refuses_an_existing_document(tmp_path: Path) -> None:
    from bylaws.errors import UnusableInput

    doc = import_file(DATA / "ar-indic.txt").document
    write_document(doc, tmp_path / "d")
    with pytest.raises(UnusableInput, match="already holds a document"):
        write_document(doc, tmp_path / "d")


def test_not_utf8_is_reported_with_its_place(tmp_path: Path) -> None:
    from bylaws.errors import UnusableInput

    source = tmp_path / "latin1.txt"
    source.write_bytes("المادة 1\n".encode() + b"caf\xe9\n")
    with pytest.raises(UnusableInput) as caught:
        import_file(source)
    assert caught.value.line == 2 and caught.value.col == 4


def test_a_text_without_article_headings_is_kept_as_one_article(tmp_path: Path) -> None:
    source = tmp_path / "memo.txt"
    source.write_text("مذكرة\nهذا نص بلا مواد.\nوسطر ثان.\n", encoding="utf-8")
    result = import_file(source)
    doc = result.document
    assert doc.numbering == "auto"
    texts = [plain_text(p.runs) for p in doc.articles["art-1"].paragraphs[0].items]  # type: ignore[union-attr]
    assert texts == ["هذا نص بلا مواد.", "وسطر ثان."]
    assert [w.line for w in result.warnings] == [2]


def test_text_under_a_repealed_article_moves_to_the_next_one(tmp_path: Path) -> None:
    source = tmp_path / "rep.txt"
    source.write_text(
        "نظام\nالمادة 1\n(ملغاة)\nملاحظة عن الإلغاء\nالمادة 2\nنص.\n", encoding="utf-8"
    )
    result = import_file(source)
    doc = result.document
    assert [(e.ref, e.repealed) for e in doc.entries()] == [
        ("art-1", True),
        ("art-2", False),
    ]
    assert [plain_text(n.runs) for n in doc.articles["art-2"].notes] == [
        "ملاحظة عن الإلغاء"
    ]
    assert {w.line for w in result.warnings} == {2, 4}


def test_plural_paragraph_references_become_live_each(tmp_path: Path) -> None:
    source = tmp_path / "plural.txt"
    source.write_text(
        "نظام\n"
        "المادة الأولى\n1- نص أول.\n2- نص ثان.\n3- نص ثالث.\n"
        "المادة الثانية\n"
        "1- يُراعى ما ورد في الفقرات (1) و(3) من المادة (الأولى) من النظام.\n"
        "2- وتسري الفقرتين (1) و(2) من هذه المادة، دون الفقرات (1) و(9) من المادة الأولى.\n"
        "3- وتُطبق الفقرات من (1) إلى (3) من المادة الأولى.\n",
        encoding="utf-8",
    )
    doc = import_file(source).document
    first, second, third = (p.items[0].runs for p in doc.articles["art-2"].paragraphs)  # type: ignore[union-attr]
    assert first == (
        Text("يُراعى ما ورد في الفقرات "),
        Ref("art-1/para-1", "number"),
        Text(" و"),
        Ref("art-1/para-3", "number"),
        Text(" من المادة ("),
        Ref("art-1", "number"),
        Text(") من النظام."),
    )
    # «هذه المادة» is the article the words stand in. A paragraph that does
    # not exist (9) leaves the list as text, all of it; the article is still
    # a live reference of its own.
    refs = [r.to for r in second if isinstance(r, Ref)]
    assert refs == ["art-2/para-1", "art-2/para-2", "art-1"]
    assert "الفقرات (1) و(9) من " in plain_text(second)
    # A range: its two ends are live.
    assert third == (
        Text("وتُطبق الفقرات من "),
        Ref("art-1/para-1", "number"),
        Text(" إلى "),
        Ref("art-1/para-3", "number"),
        Text(" من المادة "),
        Ref("art-1", "number"),
        Text("."),
    )
    write_document(doc, tmp_path / "out")
    assert check_paths([tmp_path / "out"]).problems == []


def test_points_referred_to_by_their_letters_become_live(tmp_path: Path) -> None:
    source = tmp_path / "points.txt"
    source.write_text(
        "نظام\n"
        "المادة الأولى\n1- تشمل الموارد:\nأ- الاشتراكات.\nب- التبرعات.\nج- الهبات.\n"
        "2- نص ثان.\n"
        "المادة الثانية\n"
        "1- تُقبل الفقرتين الفرعيتين (ب) و(ج) من الفقرة (1) من المادة (الأولى).\n"
        "2- ولا يُقبل البند (د) من الفقرة (1) من المادة (الأولى).\n",
        encoding="utf-8",
    )
    doc = import_file(source).document
    first, second = (p.items[0].runs for p in doc.articles["art-2"].paragraphs)  # type: ignore[union-attr]
    assert first == (
        Text("تُقبل الفقرتين الفرعيتين "),
        Ref("art-1/para-1/point-2", "number"),
        Text(" و"),
        Ref("art-1/para-1/point-3", "number"),
        Text(" من الفقرة "),
        Ref("art-1/para-1", "number"),
        Text(" من المادة ("),
        Ref("art-1", "number"),
        Text(")."),
    )
    # There is no point (د): its letter stays text; the paragraph and the
    # article after it are live references of their own.
    assert [r.to for r in second if isinstance(r, Ref)] == ["art-1/para-1", "art-1"]
    assert "البند (د) من " in plain_text(second)
    write_document(doc, tmp_path / "out")
    assert check_paths([tmp_path / "out"]).problems == []
