"""The word diff of bylaws.diff.words: round trips, formal changes, readability."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.diff.words import (
    WHOLE_REPLACE_THRESHOLD,
    WordOp,
    diff_words,
    is_formal,
    new_text,
    old_text,
    similarity,
)

from .conftest import examples

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئةى"
TASHKEEL = "\u064b\u064e\u064f\u0650\u0651\u0652\u0670"

arabic_word = st.builds(
    lambda letters, marks: (
        "".join(letter + mark for letter, mark in zip(letters, marks, strict=False))
        + letters[len(marks) :]
    ),
    st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=6),
    st.text(alphabet=TASHKEEL + "\u0640", max_size=6),
)
latin_word = st.text(alphabet="abcdefxyzéÀ", min_size=1, max_size=6)
number = st.one_of(
    st.integers(0, 10_000).map(str),
    st.text(alphabet="٠١٢٣٤٥٦٧٨٩", min_size=1, max_size=4),
)

punctuation = st.sampled_from(list("،؛؟«»().,:;!?-—/\"'"))
space = st.sampled_from([" ", " ", " ", "  ", "\n", "\t "])
token = st.one_of(arabic_word, arabic_word, latin_word, number, punctuation, space)
token_lists = st.lists(token, max_size=40)


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A text and the same text after a few random word edits."""
    old = draw(token_lists)
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(new)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert" or not new:
            new[at:at] = draw(st.lists(token, min_size=1, max_size=4))
        elif action == "delete":
            del new[at : at + draw(st.integers(1, 3))]
        else:
            new[at : at + 1] = [draw(token)]
    return "".join(old), "".join(new)


def changes(ops: tuple[WordOp, ...]) -> list[WordOp]:
    return [op for op in ops if op.kind != "equal"]


@given(edited_pair())
@settings(max_examples=examples(200))
def test_each_side_is_rebuilt_exactly(pair: tuple[str, str]) -> None:
    old, new = pair
    ops = diff_words(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new


@given(st.text(), st.text())
@settings(max_examples=examples(100))
def test_any_two_unicode_texts_round_trip(old: str, new: str) -> None:
    ops = diff_words(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new


@given(edited_pair())
@settings(max_examples=examples(100))
def test_ops_are_well_formed(pair: tuple[str, str]) -> None:
    for op in diff_words(*pair):
        match op.kind:
            case "equal":
                assert op.old == op.new
                assert op.old
                assert not op.formal
            case "insert":
                assert op.old == ""
                assert op.new
            case "delete":
                assert op.old
                assert op.new == ""
            case "replace":
                assert op.old
                assert op.new
                assert op.old != op.new


@given(token_lists.map("".join))
@settings(max_examples=examples(100))
def test_a_text_against_itself_is_all_equal(text: str) -> None:
    ops = diff_words(text, text)
    assert all(op.kind == "equal" for op in ops)
    assert old_text(ops) == text
    assert is_formal(ops)


def test_empty_texts() -> None:
    assert diff_words("", "") == ()
    assert diff_words("", "نص") == (WordOp("insert", "", "نص", False),)
    assert diff_words("نص", "") == (WordOp("delete", "نص", "", False),)


SENTENCE = "يشترط في العضو أن يكون {} من العمر ثمانية عشر عاماً، وأن يقبل النظام."


def test_a_changed_word_is_replaced_whole() -> None:
    ops = diff_words(SENTENCE.format("بالغاً"), SENTENCE.format("راشداً"))
    assert changes(ops) == [WordOp("replace", "بالغاً", "راشداً", False)]


def test_a_diacritics_only_change_is_formal() -> None:
    ops = diff_words(SENTENCE.format("كتب"), SENTENCE.format("كَتَبَ"))
    assert changes(ops) == [WordOp("replace", "كتب", "كَتَبَ", True)]
    assert is_formal(ops)


def test_tatweel_is_formal() -> None:
    ops = diff_words(SENTENCE.format("المادة"), SENTENCE.format("المـــادة"))
    assert changes(ops) == [WordOp("replace", "المادة", "المـــادة", True)]


def test_alef_with_hamza_is_formal() -> None:
    ops = diff_words(SENTENCE.format("أعضاء"), SENTENCE.format("اعضاء"))
    assert changes(ops) == [WordOp("replace", "أعضاء", "اعضاء", True)]


def test_teh_marbuta_and_heh_at_the_end_are_formal() -> None:
    ops = diff_words(SENTENCE.format("اللجنة"), SENTENCE.format("اللجنه"))
    assert changes(ops) == [WordOp("replace", "اللجنة", "اللجنه", True)]


def test_arabic_indic_and_ascii_digits_are_formal() -> None:
    ops = diff_words(SENTENCE.format("١٢"), SENTENCE.format("12"))
    assert changes(ops) == [WordOp("replace", "١٢", "12", True)]


def test_a_double_space_is_formal() -> None:
    ops = diff_words("في المؤتمر العام", "في  المؤتمر العام")
    assert changes(ops) == [WordOp("replace", " ", "  ", True)]


def test_an_inserted_space_is_a_formal_insert() -> None:
    ops = diff_words("في المؤتمر العام", "في المؤتمر العام ")
    assert changes(ops) == [WordOp("insert", "", " ", True)]


def test_alef_maksura_and_yeh_are_a_real_change() -> None:
    ops = diff_words(SENTENCE.format("على"), SENTENCE.format("علي"))
    assert changes(ops) == [WordOp("replace", "على", "علي", False)]
    assert not is_formal(ops)


def test_each_side_keeps_its_own_spelling_in_a_formal_change() -> None:
    ops = diff_words("تجتمع اللجنة المركزية", "تَجتمع اللجنةُ المركزيّة")
    assert old_text(ops) == "تجتمع اللجنة المركزية"
    assert new_text(ops) == "تَجتمع اللجنةُ المركزيّة"
    assert is_formal(ops)


def test_spaces_between_changes_do_not_become_islands() -> None:
    assert diff_words("أ ب ج", "د ه و") == (WordOp("replace", "أ ب ج", "د ه و", False),)


def test_nearby_word_edits_read_as_one_block() -> None:
    old = "تعقد اللجنة المركزية اجتماعاتها مرة كل ثلاثة أشهر بدعوة من رئيسها."
    new = "تعقد اللجنة المركزية اجتماعاتها مرة كل شهرين بدعوة من أمينها العام."
    assert changes(diff_words(old, new)) == [
        WordOp("replace", "ثلاثة أشهر", "شهرين", False),
        WordOp("replace", "رئيسها", "أمينها العام", False),
    ]


def test_a_mostly_rewritten_text_is_replaced_whole() -> None:
    old = "تنتخب الهيئة العامة رئيسا لها لمدة سنتين قابلة للتجديد مرة واحدة."
    new = "يعين المجلس الوطني أمينا عاما للمنظمة لمدة سنتين غير قابلة للتجديد."
    assert diff_words(old, new) == (WordOp("replace", old, new, False),)


def test_whole_replacement_follows_the_threshold() -> None:
    # Four of six equally long words change: over the threshold of the longer side.
    assert WHOLE_REPLACE_THRESHOLD < 4 / 6
    assert len(diff_words("a b c d e f", "x y z w e f")) == 1
    # One word of six is well under it.
    assert len(diff_words("a b c d e f", "a b c d e x")) == 2


def test_latin_text_works_the_same() -> None:
    ops = diff_words(
        "Members shall pay dues every year.", "Members shall pay dues every month."
    )
    assert changes(ops) == [WordOp("replace", "year", "month", False)]


def test_more_distinct_tokens_than_the_basic_private_use_area() -> None:
    # 70,000 distinct words: more than the BMP private-use area and the 16 bits
    # that diff-match-patch's own line coder survives.
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = [
        "".join(chars)
        for chars in itertools.islice(itertools.product(letters, repeat=4), 70_000)
    ]
    old = " ".join(words)
    edited = list(words)
    edited[10] = "تعديل"
    edited[40_000] = "إضافة " + edited[40_000]
    del edited[69_000]
    new = " ".join(edited)
    ops = diff_words(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert sum(1 for op in ops if op.kind != "equal") == 3


def test_similarity_ignores_formal_differences_and_punctuation() -> None:
    assert similarity("المادةُ الأولى: الأعضاء", "الماده الاولي، الاعضاء") == 1.0
    assert similarity("", "") == 1.0
    assert similarity("أ ب ج", "د ه و") == 0.0
    assert 0.0 < similarity("أ ب ج د", "أ ب ج ه") < 1.0


@given(token_lists.map("".join), token_lists.map("".join))
@settings(max_examples=examples(100))
def test_similarity_is_between_zero_and_one(a: str, b: str) -> None:
    assert 0.0 <= similarity(a, b) <= 1.0
    assert similarity(a, a) == 1.0
