"""The real texts in $BYLAWS_CORPORA (../shared/corpora by default): import each
version, diff them, and get the official amendments only (skipped where the
corpora are absent)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bylaws.diff.changes import ArticleChange
from bylaws.diff.compare import diff_documents
from bylaws.importers import import_file

from .conftest import CORPORA, NO_CORPORA

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)


def _kinds(folder: str, old: str, new: str) -> dict[str, list[str]]:
    before = import_file(CORPORA / folder / old, doc_id="law").document
    after = import_file(CORPORA / folder / new, doc_id="law").document
    diff = diff_documents(before, after)
    assert all(isinstance(c, ArticleChange) for c in diff.changes), "no outline noise"
    return {c.article: sorted(c.kinds) for c in diff.articles}


def test_pdpl_amendments_and_the_repeal_of_article_32() -> None:
    kinds = _kinds("sa-pdpl-2023-ar", "before.txt", "after.txt")
    assert kinds.pop("art-32") == ["repealed"]
    # Every other change is an amendment in place: no renumbering cascade.
    assert set(map(tuple, kinds.values())) == {("amended",)}
    amended = {int(a.split("-")[1]) for a in kinds}
    assert amended == {
        1,
        4,
        5,
        6,
        8,
        9,
        10,
        11,
        12,
        13,
        15,
        16,
        18,
        20,
        24,
        29,
        30,
        33,
        35,
        36,
        37,
        42,
        43,
    }


def test_pdpl_after_keeps_the_numbers_of_the_text() -> None:
    result = import_file(CORPORA / "sa-pdpl-2023-ar" / "after.txt")
    doc = result.document
    assert doc.numbering == "fixed" and doc.style == "words"
    assert [e.ref for e in doc.entries() if e.repealed] == ["art-32"]
    assert [w.line for w in result.warnings] == [202]
    # References written in prose are live: «المادة (الخامسة)»، «الفقرة (1)».
    refs = sum(
        1
        for a in doc.ordered_articles()
        for para in a.paragraphs
        for item in para.items
        if hasattr(item, "runs")
        for run in item.runs  # type: ignore[union-attr]
        if not hasattr(run, "value")
    )
    assert refs >= 20


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("before.txt", "after_1427.txt"),
        ("after_1427.txt", "after.txt"),
        ("before.txt", "after.txt"),
    ],
)
def test_basic_law_only_article_5_changes(old: str, new: str) -> None:
    assert _kinds("sa-basic-law-ar", old, new) == {"art-5": ["amended"]}


def test_basic_law_parts() -> None:
    doc = import_file(CORPORA / "sa-basic-law-ar" / "before.txt").document
    assert [d.kind for d in doc.outline] == ["part"] * 9
    assert len(doc.articles) == 83 and doc.numbering == "auto"


def test_cape_town_akn_2_amendments() -> None:
    assert _kinds("za-cpt-ombudsman-en-akn", "before.xml", "after.xml") == {
        "art-3": ["amended"],
        "art-5": ["amended"],
    }


def test_corpora_imports_pass_check(tmp_path: Path) -> None:
    from bylaws.check import check_paths
    from bylaws.importers import write_document

    for i, source in enumerate(sorted(CORPORA.glob("*/*.*"))):
        if source.suffix not in {".txt", ".xml"}:
            continue
        folder = tmp_path / f"doc-{i}"
        write_document(import_file(source).document, folder)
        errors = [str(p) for p in check_paths([folder]).problems if p.level == "error"]
        assert errors == [], source


def test_cape_town_preamble_is_the_documents_preamble() -> None:
    result = import_file(CORPORA / "za-cpt-ombudsman-en-akn" / "before.xml")
    doc = result.document
    assert len(doc.preamble) == 6 and not result.warnings
    assert not doc.ordered_articles()[0].notes
    assert doc.preamble[-1].runs[0].value.startswith("NOW THEREFORE")  # type: ignore[union-attr]


def test_pdpl_lead_in_is_unnumbered_and_item_1_is_paragraph_1() -> None:
    from bylaws.render import Reader
    from bylaws.show import as_text

    doc = import_file(CORPORA / "sa-pdpl-2023-ar" / "after.txt").document
    reader = Reader(doc)
    shown = as_text(reader, [reader.article("art-6")]).splitlines()
    assert shown[1].startswith("لا تخضع معالجة البيانات الشخصية")
    assert shown[2].startswith("(1) عندما تُحقق")
    assert shown[5].startswith("(4) عندما تكون المعالجة ضرورية")
    leads = [a.id for a in doc.ordered_articles() if a.intro]
    assert len(leads) == 12  # the articles of the issue: lead-in, then 1- 2- …


def test_pdpl_every_word_of_the_source_is_in_the_import() -> None:
    from bylaws.render import Reader
    from bylaws.show import as_text

    source = CORPORA / "sa-pdpl-2023-ar" / "after.txt"
    doc = import_file(source).document
    reader = Reader(doc)
    shown = [*doc.meta.title.split(), *as_text(reader, reader.outline()).split()]
    words = Counter(shown)
    missing = Counter(source.read_text(encoding="utf-8").split()) - words
    # Only the labels the show output writes in its own form («1-» is «(1)»).
    assert all(w.rstrip("-").isdigit() or len(w) <= 2 for w in missing), missing
    assert missing["1-"] == 26
