"""The real texts in $BYLAWS_CORPORA (../shared/corpora by default): import each
version, diff them, and get the official amendments only (skipped where the
corpora are absent)."""

from __future__ import annotations

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


def test_cape_town_preamble_is_kept_and_reported() -> None:
    result = import_file(CORPORA / "za-cpt-ombudsman-en-akn" / "before.xml")
    first = result.document.ordered_articles()[0]
    assert len(first.notes) == len(result.warnings) == 6
    assert all("kept as a note" in w.message for w in result.warnings)
