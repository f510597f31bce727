"""The smallest true change: formal parts split from real ones, shared words
kept, punctuation-only changes a class of their own (made-up cases, then the
real texts where the corpora are present)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.diff.changes import without_punctuation
from bylaws.diff.compare import diff_documents
from bylaws.diff.words import WordOp, diff_words, new_text, old_text
from bylaws.formatters import render
from bylaws.importers import import_file
from bylaws.text import change_class

from .conftest import CORPORA, NO_CORPORA, examples
from .diff_helpers import art, document


def _changes(ops: tuple[WordOp, ...]) -> list[tuple[str, str, str]]:
    return [
        (
            op.old,
            op.new,
            "formal" if op.formal else "punctuation" if op.punctuation else "real",
        )
        for op in ops
        if op.kind != "equal"
    ]


def test_formal_part_of_a_replaced_run_is_split_from_the_real_part() -> None:
    ops = diff_words("إذا كان ذلك ضروريًّا لحماية", "إذا كان ضرورياً لحماية")
    assert _changes(ops) == [("ذلك ", "", "real"), ("ضروريًّا", "ضرورياً", "formal")]


def test_a_word_common_to_both_sides_is_kept() -> None:
    old = (
        "وكان جمع البيانات من غير صاحبها مباشرةً أو معالجتها لغرض آخر؛ "
        "مطلوباً لأغراض أمنية أو لتنفيذ نظام آخر أو لاستيفاء متطلبات قضائية"
    )
    new = (
        "وكان جمع البيانات أومعالجتها؛ مطلوباً لأغراض المصلحة العامة أو "
        "لأغراض أمنية أو لتنفيذ نظام آخر أو لاستيفاء متطلبات قضائية"
    )
    ops = diff_words(old, new)
    assert not any("مطلوباً" in op.old for op in ops if op.kind != "equal")
    assert any("مطلوباً" in op.new for op in ops if op.kind == "equal")


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ("من المادة (الخامسة عشرة) من النظام", "من المادة الخامسة عشرة من النظام", "("),
        ("A person may be re-appointed once", "A person may be re appointed once", "-"),
        ("the members, the council and", "the members the council and", ","),
    ],
)
def test_punctuation_only_is_its_own_class(old: str, new: str, change: str) -> None:
    changes = _changes(diff_words(old, new))
    assert changes and all(kind == "punctuation" for _, _, kind in changes)
    assert any(change in o for o, _, _ in changes)


def test_punctuation_is_shown_apart_and_can_be_hidden() -> None:
    old = document([("ch", "x", [art("art-1", "may be re-appointed once.")])], "en")
    new = document([("ch", "x", [art("art-1", "may be re appointed once.")])], "en")
    diff = diff_documents(old, new)
    assert "re[:-:]{: :}appointed" in render(diff, "inline")
    assert "punctuation: 1" in render(diff, "stat")
    assert without_punctuation(diff).is_empty


_WORDS = st.sampled_from(
    [
        "ذلك",
        "ضروريًّا",
        "ضرورياً",
        "مطلوباً",
        "أو",
        "إلا",
        "إلاَّ",
        "(",
        ")",
        "،",
        "-",
        "the",
        "The",
        "re",
        "appointed",
        "٥",
        "5",
        "على",
        "علي",
    ]
)
_TEXTS = st.lists(st.tuples(_WORDS, st.sampled_from([" ", "", "  "])), max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=examples(300))
@given(_TEXTS, _TEXTS)
def test_every_word_once_and_no_real_change_classed_formal(old: str, new: str) -> None:
    ops = diff_words(old, new)
    assert old_text(ops) == old and new_text(ops) == new
    for op in ops:
        if op.kind == "equal":
            assert op.old == op.new and not (op.formal or op.punctuation)
            continue
        assert not (op.formal and op.punctuation)
        if op.formal:
            assert change_class(op.old, op.new) == "formal"
        if op.punctuation:
            assert change_class(op.old, op.new) == "punctuation"


def _pdpl_inline(article: str) -> str:
    before = import_file(CORPORA / "sa-pdpl-2023-ar" / "before.txt", doc_id="law")
    after = import_file(CORPORA / "sa-pdpl-2023-ar" / "after.txt", doc_id="law")
    diff = diff_documents(before.document, after.document)
    return render(diff, "inline").split(f"@@ {article} @@", 1)[1].split("\n@@", 1)[0]


@pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)
def test_pdpl_9_10_16_show_their_smallest_true_changes() -> None:
    # NFC: the corpus and this file may order shadda and tanween differently.
    nine = unicodedata.normalize("NFC", _pdpl_inline("المادة التاسعة"))
    assert unicodedata.normalize("NFC", "[-ذلك -][~ضروريًّا~]{~ضرورياً~}") in nine
    ten = _pdpl_inline("المادة العاشرة")
    line = next(x for x in ten.splitlines() if x.startswith("(3)"))
    assert "مطلوباً" not in "".join(part.split("-]")[0] for part in line.split("[-")[1:])
    sixteen = _pdpl_inline("المادة السادسة عشرة")
    assert "[:(:]الخامسة عشرة[:):]" in sixteen


@pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)
def test_cape_town_hyphen_to_space_is_punctuation() -> None:
    folder: Path = CORPORA / "za-cpt-ombudsman-en-akn"
    before = import_file(folder / "before.xml", doc_id="law").document
    after = import_file(folder / "after.xml", doc_id="law").document
    text = render(diff_documents(before, after), "inline")
    assert "re[:-:]{: :}appointed" in text
