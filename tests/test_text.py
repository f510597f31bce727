"""The Arabic-aware tokenizer and the normalisation keys of bylaws.text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.text import (
    is_formal_change,
    is_space,
    loose_key,
    normalize_word,
    strip_for_search,
    token_kind,
    tokenize,
)

from .conftest import examples

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئةى"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PUNCTUATION = "،؛؟«»().,:;!?-–—/\"'٫٬"
SPACES = " \t\n\u00a0"
JOINERS = "\u0640\u200c\u200d"
LATIN = "abcdeéèçàABCZ\u0301"

# Any text a drafter might type, and then some: every character class the
# tokenizer treats specially, mixed at random.
mixed_text = st.text(
    alphabet=ARABIC_LETTERS
    + TASHKEEL
    + ARABIC_DIGITS
    + "0123456789"
    + PUNCTUATION
    + SPACES
    + JOINERS
    + LATIN
)


@given(mixed_text)
@settings(max_examples=examples(200))
def test_tokens_join_back_to_the_text(s: str) -> None:
    assert "".join(tokenize(s)) == s


@given(st.text())
@settings(max_examples=examples(200))
def test_tokens_join_back_to_any_unicode_text(s: str) -> None:
    assert "".join(tokenize(s)) == s


@given(mixed_text)
@settings(max_examples=examples(100))
def test_every_token_has_one_kind_and_no_token_is_empty(s: str) -> None:
    for tok in tokenize(s):
        assert tok
        assert token_kind(tok) in {"word", "number", "space", "punct"}


def test_a_word_with_its_diacritics_is_one_token() -> None:
    # Python's \w+ would cut this into three pieces at the combining marks.
    assert tokenize("كَتَبَ") == ["كَتَبَ"]
    assert tokenize("بالغاً") == ["بالغاً"]
    assert tokenize("ٱلرَّحْمَٰنِ") == ["ٱلرَّحْمَٰنِ"]


def test_tatweel_and_joiners_stay_inside_the_word() -> None:
    assert tokenize("المـــادة") == ["المـــادة"]
    assert tokenize("می\u200cخواهم") == ["می\u200cخواهم"]


def test_latin_words_keep_their_accents_and_apostrophes() -> None:
    assert tokenize("l'article cafe\u0301 don’t") == [
        "l'article",
        " ",
        "cafe\u0301",
        " ",
        "don’t",
    ]


def test_an_apostrophe_outside_a_word_is_punctuation() -> None:
    assert tokenize("'quoted'") == ["'", "quoted", "'"]


@pytest.mark.parametrize("mark", ["،", "؛", "؟", "«", "»", "(", ")", ":", "—", "/"])
def test_arabic_and_latin_punctuation_are_tokens_of_their_own(mark: str) -> None:
    assert tokenize(f"كلمة{mark}أخرى") == ["كلمة", mark, "أخرى"]


def test_a_sentence_is_cut_where_a_reader_expects() -> None:
    assert tokenize("قال: «نعم»، ثم سأل؟") == [
        "قال",
        ":",
        " ",
        "«",
        "نعم",
        "»",
        "،",
        " ",
        "ثم",
        " ",
        "سأل",
        "؟",
    ]


@pytest.mark.parametrize(
    "number", ["12", "١٢", "۱۲", "3.5", "١٢٫٥", "10,000", "١٠٬٠٠٠"]
)
def test_numbers_in_every_digit_set_are_one_token(number: str) -> None:
    assert tokenize(f"المادة {number}.") == ["المادة", " ", number, "."]
    assert token_kind(number) == "number"


def test_a_run_of_mixed_whitespace_is_one_token() -> None:
    assert tokenize("أ \t\n ب") == ["أ", " \t\n ", "ب"]
    assert is_space(" \t\n ")
    assert not is_space("أ")


def test_token_kind_rejects_more_than_one_token() -> None:
    with pytest.raises(ValueError):
        token_kind("أ ب")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("كَتَبَ", "كتب"),
        ("المـــادة", "المادة"),
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلرَّحْمَٰن", "الرحمن"),
        ("١٢", "12"),
        ("۱۲", "12"),
        ("١٢٫٥", "12.5"),
        ("  \t", " "),
        ("Article", "article"),
        ("ا\u0654", "ا"),  # decomposed hamza: NFC makes it أ, then it folds
    ],
)
def test_normalize_word_hides_formal_differences(written: str, key: str) -> None:
    assert normalize_word(written) == key


@pytest.mark.parametrize("word", ["على", "مادة", "سؤال", "مسائل", "café"])
def test_normalize_word_keeps_letters_that_make_another_word(word: str) -> None:
    assert normalize_word(word) == word


def test_normalize_word_keeps_teh_marbuta_and_alef_maksura_apart() -> None:
    assert normalize_word("على") != normalize_word("علي")
    assert normalize_word("مادة") != normalize_word("ماده")


def test_loose_key_folds_further_and_drops_spaces_and_punctuation() -> None:
    assert loose_key("المادةُ الأولى:") == loose_key("الماده الاولي")
    assert loose_key("«على» ، ١٢") == "علي12"


def test_strip_for_search_keeps_one_space_between_words() -> None:
    assert strip_for_search("  «المادةُ   الأولى»: l'Article ١٢ ") == (
        "الماده الاولي larticle 12"
    )
    assert strip_for_search("x_y") == "x y"
    assert strip_for_search("؟!،") == ""


@given(mixed_text)
@settings(max_examples=examples(100))
def test_strip_for_search_is_idempotent(s: str) -> None:
    once = strip_for_search(s)
    assert strip_for_search(once) == once


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("كتب الرئيس", "كَتَبَ الرئيس"),  # diacritics only
        ("المادة", "المـــادة"),  # tatweel
        ("أعضاء", "اعضاء"),  # alef with hamza
        ("إلى", "الى"),
        ("اللجنة المركزية", "اللجنه المركزيه"),  # ة/ه at a word's end
        ("المادة ١٢", "المادة 12"),  # Arabic-Indic versus ASCII digits
        ("في  المؤتمر", "في المؤتمر"),  # double space
        ("و الحزب", "والحزب"),  # a separated conjunction
        ("بند\u00a0ثالث", "بند ثالث"),  # another kind of space
    ],
)
def test_formal_changes(old: str, new: str) -> None:
    assert is_formal_change(old, new)
    assert is_formal_change(new, old)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("على", "علي"),  # ى/ي is a different word
        ("بالغاً", "راشداً"),
        ("المادة ١٢", "المادة 13"),
        ("سؤال", "سوال"),  # ؤ is not folded
        ("قرر،", "قرر"),  # punctuation is not formal
        ("ou", "où"),
    ],
)
def test_real_changes_are_not_formal(old: str, new: str) -> None:
    assert not is_formal_change(old, new)


def test_the_table_of_combining_marks_is_what_unicodedata_says() -> None:
    import unicodedata

    from bylaws import marks

    if unicodedata.unidata_version != marks.MARKS_UNICODE_VERSION:
        assert marks.mark_ranges() == tuple(marks.scan_marks())
        pytest.skip(
            f"Python's Unicode is {unicodedata.unidata_version}, the table's "
            f"{marks.MARKS_UNICODE_VERSION}: run tools/gen_marks.py"
        )
    assert tuple(marks.scan_marks()) == marks.MARK_RANGES
    assert (0x064B, 0x065F) in marks.MARK_RANGES  # Arabic harakat


@settings(max_examples=examples(300))
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "والحزب مكتبٌ، ١٢ 12.5 (أ) - ـ«»\u064e\u0651\u200c\u200f\u202e\u00ad!?x"
            )
        ),
        max_size=30,
    )
)
def test_against_nothing_the_wording_decides(text: str) -> None:
    """A text inserted or deleted whole is punctuation exactly when it has no
    wording (the short cut for that case gives the general rule's answer)."""
    from bylaws.text import _wording_key, change_class, is_formal_change

    expected = (
        "formal"
        if is_formal_change("", text)
        else "punctuation"
        if _wording_key(text) == _wording_key("")
        else "real"
    )
    assert change_class("", text) == expected
    assert change_class(text, "") == expected
