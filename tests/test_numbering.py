"""Numbers, ordinals, labels and live references (bylaws.numbering)."""

from __future__ import annotations

from collections.abc import Callable
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.errors import NotFound
from bylaws.model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    DocumentMeta,
    NumberingMode,
    NumberStyle,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Ref,
    SourceLoc,
    Text,
)
from bylaws.numbering import (
    SUFFIXES_EN,
    ArticleNumber,
    article_label,
    article_number,
    cardinal_digits,
    division_label,
    label_for,
    number_divisions,
    number_outline,
    ordinal_ar,
    ordinal_en,
    paragraph_label,
    parse_number,
    parse_plain_number,
    plain_number,
    point_label,
    point_letter,
    ref_designation,
    render_ref,
    repealed_mark,
    suffix_label,
)

from .conftest import examples

STYLES: tuple[NumberStyle, ...] = get_args(NumberStyle)
LANGS = ("ar", "en")
ONE_TO_300 = range(1, 301)

# n: (feminine, masculine, English)
ORDINALS: dict[int, tuple[str, str, str]] = {
    1: ("الأولى", "الأول", "first"),
    2: ("الثانية", "الثاني", "second"),
    3: ("الثالثة", "الثالث", "third"),
    4: ("الرابعة", "الرابع", "fourth"),
    5: ("الخامسة", "الخامس", "fifth"),
    6: ("السادسة", "السادس", "sixth"),
    7: ("السابعة", "السابع", "seventh"),
    8: ("الثامنة", "الثامن", "eighth"),
    9: ("التاسعة", "التاسع", "ninth"),
    10: ("العاشرة", "العاشر", "tenth"),
    11: ("الحادية عشرة", "الحادي عشر", "eleventh"),
    12: ("الثانية عشرة", "الثاني عشر", "twelfth"),
    13: ("الثالثة عشرة", "الثالث عشر", "thirteenth"),
    14: ("الرابعة عشرة", "الرابع عشر", "fourteenth"),
    15: ("الخامسة عشرة", "الخامس عشر", "fifteenth"),
    16: ("السادسة عشرة", "السادس عشر", "sixteenth"),
    17: ("السابعة عشرة", "السابع عشر", "seventeenth"),
    18: ("الثامنة عشرة", "الثامن عشر", "eighteenth"),
    19: ("التاسعة عشرة", "التاسع عشر", "nineteenth"),
    20: ("العشرون", "العشرون", "twentieth"),
    21: ("الحادية والعشرون", "الحادي والعشرون", "twenty-first"),
    22: ("الثانية والعشرون", "الثاني والعشرون", "twenty-second"),
    30: ("الثلاثون", "الثلاثون", "thirtieth"),
    40: ("الأربعون", "الأربعون", "fortieth"),
    50: ("الخمسون", "الخمسون", "fiftieth"),
    60: ("الستون", "الستون", "sixtieth"),
    70: ("السبعون", "السبعون", "seventieth"),
    80: ("الثمانون", "الثمانون", "eightieth"),
    90: ("التسعون", "التسعون", "ninetieth"),
    99: ("التاسعة والتسعون", "التاسع والتسعون", "ninety-ninth"),
    100: ("المائة", "المائة", "one hundredth"),
    101: ("الحادية بعد المائة", "الحادي بعد المائة", "one hundred and first"),
    102: ("الثانية بعد المائة", "الثاني بعد المائة", "one hundred and second"),
    110: ("العاشرة بعد المائة", "العاشر بعد المائة", "one hundred and tenth"),
    111: (
        "الحادية عشرة بعد المائة",
        "الحادي عشر بعد المائة",
        "one hundred and eleventh",
    ),
    120: ("العشرون بعد المائة", "العشرون بعد المائة", "one hundred and twentieth"),
    121: (
        "الحادية والعشرون بعد المائة",
        "الحادي والعشرون بعد المائة",
        "one hundred and twenty-first",
    ),
    199: (
        "التاسعة والتسعون بعد المائة",
        "التاسع والتسعون بعد المائة",
        "one hundred and ninety-ninth",
    ),
    200: ("المائتان", "المائتان", "two hundredth"),
    201: ("الحادية بعد المائتين", "الحادي بعد المائتين", "two hundred and first"),
    211: (
        "الحادية عشرة بعد المائتين",
        "الحادي عشر بعد المائتين",
        "two hundred and eleventh",
    ),
    299: (
        "التاسعة والتسعون بعد المائتين",
        "التاسع والتسعون بعد المائتين",
        "two hundred and ninety-ninth",
    ),
    300: ("الثلاثمائة", "الثلاثمائة", "three hundredth"),
    301: ("الحادية بعد الثلاثمائة", "الحادي بعد الثلاثمائة", "three hundred and first"),
    999: (
        "التاسعة والتسعون بعد التسعمائة",
        "التاسع والتسعون بعد التسعمائة",
        "nine hundred and ninety-ninth",
    ),
    1000: ("الألف", "الألف", "one thousandth"),
    1101: (
        "الحادية بعد الألف والمائة",
        "الحادي بعد الألف والمائة",
        "one thousand one hundred and first",
    ),
    2000: ("الألفان", "الألفان", "two thousandth"),
}


# --- ordinals -------------------------------------------------------------------


@pytest.mark.parametrize("n", sorted(ORDINALS))
def test_ordinals_match_the_table(n: int) -> None:
    feminine, masculine, english = ORDINALS[n]
    assert ordinal_ar(n, "f") == feminine
    assert ordinal_ar(n, "m") == masculine
    assert ordinal_en(n) == english


def test_feminine_is_the_default_gender() -> None:
    assert ordinal_ar(12) == "الثانية عشرة"


@pytest.mark.parametrize("n", ONE_TO_300)
def test_arabic_ordinals_carry_no_diacritics_and_spell_hundred_with_alef(
    n: int,
) -> None:
    for gender in ("f", "m"):
        words = ordinal_ar(n, gender)
        assert not any("\u064b" <= c <= "\u065f" or c == "\u0640" for c in words)
        assert "مئ" not in words


def test_ordinals_out_of_range_raise() -> None:
    for n in (0, -1, 10_000):
        with pytest.raises(ValueError):
            ordinal_ar(n)
    with pytest.raises(ValueError):
        ordinal_en(-1)


@settings(max_examples=examples(200))
@given(st.integers(1, 300), st.sampled_from(["f", "m"]))
def test_arabic_ordinals_parse_back(n: int, gender: str) -> None:
    assert parse_number(ordinal_ar(n, "f" if gender == "f" else "m")) == n


@settings(max_examples=examples(200))
@given(st.integers(1, 9999))
def test_arabic_ordinals_parse_back_up_to_9999(n: int) -> None:
    assert parse_number(ordinal_ar(n)) == n


@settings(max_examples=examples(200))
@given(st.integers(1, 300))
def test_english_ordinals_parse_back(n: int) -> None:
    assert parse_number(ordinal_en(n)) == n


def test_every_ordinal_from_1_to_300_is_distinct_and_parses_back() -> None:
    for gender in ("f", "m"):
        words = [ordinal_ar(n, "f" if gender == "f" else "m") for n in ONE_TO_300]
        assert len(set(words)) == 300
        assert [parse_number(w) for w in words] == list(ONE_TO_300)
    assert [parse_number(ordinal_en(n)) for n in ONE_TO_300] == list(ONE_TO_300)


# --- parsing what importers meet ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        (" 7 ", 7),
        ("١٢", 12),
        ("۱۲", 12),
        ("الاولى", 1),
        ("اولى", 1),
        ("الأول", 1),
        ("المائه", 100),
        ("المئة", 100),
        ("مائة", 100),
        ("الحادية عشر", 11),
        ("الحادي عشرة", 11),
        ("حادية عشرة", 11),
        ("الثَّانِيَةَ عَشْرَةَ", 12),
        ("الثانيـــة", 2),
        ("الثانية و العشرون", 22),
        ("الحادية بعد المئتين", 201),
        ("الثلاثمئة", 300),
        ("ثلاث مائة", 300),
        ("الأولى بعد المائة", 101),
        ("twelfth", 12),
        ("Twelfth", 12),
        ("twelve", 12),
        ("12th", 12),
        ("21st", 21),
        ("twenty first", 21),
        ("the first", 1),
        ("one hundred and first", 101),
        ("one hundred one", 101),
        ("three hundred", 300),
    ],
)
def test_parse_number_accepts_common_spellings(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "المادة",
        "12 مكرر",
        "hello",
        "first hundred",
        "twelve three",
        "twenty thirty",
        "الثانية الثالثة",
        "بعد المائة",
        "12a",
        "-3",
        "1_000",
    ],
)
def test_parse_number_rejects_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


# --- digits, suffixes and plain numbers -------------------------------------------


def test_cardinal_digits() -> None:
    assert cardinal_digits(12, "digits") == "12"
    assert cardinal_digits(12, "arabic-indic") == "١٢"
    assert cardinal_digits(190, "arabic-indic") == "\u0661\u0669\u0660"
    with pytest.raises(ValueError):
        cardinal_digits(12, "words")


@settings(max_examples=examples(200))
@given(st.integers(0, 100_000), st.sampled_from(["digits", "arabic-indic"]))
def test_digit_styles_round_trip(n: int, style: NumberStyle) -> None:
    assert parse_number(cardinal_digits(n, style)) == n


def test_suffix_labels() -> None:
    assert [suffix_label(k, "ar") for k in (1, 2, 3, 5)] == [
        "مكرر",
        "مكرر (أ)",
        "مكرر (ب)",
        "مكرر (د)",
    ]
    assert [suffix_label(k, "en") for k in (1, 2, 3, 9)] == [
        "bis",
        "ter",
        "quater",
        "decies",
    ]
    assert suffix_label(10, "fr") == "bis-10"
    with pytest.raises(ValueError):
        suffix_label(0, "ar")


def test_plain_numbers() -> None:
    assert plain_number(12) == "12"
    assert plain_number(12, 1) == "12-bis"
    assert plain_number(12, 2) == "12-ter"
    assert ArticleNumber(12, 3, False).plain() == "12-quater"
    assert parse_plain_number("12-ter") == (12, 2)


@settings(max_examples=examples(200))
@given(st.integers(0, 5000), st.integers(0, 30))
def test_plain_numbers_round_trip(n: int, k: int) -> None:
    assert parse_plain_number(plain_number(n, k)) == (n, k)


@pytest.mark.parametrize(
    "text", ["", "12-", "12-foo", "012", "12bis", "bis", "12-bis-3", "١٢", " 12"]
)
def test_parse_plain_number_rejects_bad_input(text: str) -> None:
    with pytest.raises(ValueError):
        parse_plain_number(text)


# --- labels -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "k", "lang", "style", "expected"),
    [
        (12, 0, "ar", "words", "الثانية عشرة"),
        (12, 1, "ar", "words", "الثانية عشرة مكرر"),
        (12, 0, "ar", "arabic-indic", "١٢"),
        (12, 2, "ar", "arabic-indic", "١٢ مكرر (أ)"),
        (12, 0, "ar", "digits", "12"),
        (12, 1, "ar", "digits", "12 مكرر"),
        (12, 0, "en", "digits", "12"),
        (12, 1, "en", "digits", "12bis"),
        (12, 0, "en", "words", "Twelfth"),
        (21, 1, "en", "words", "Twenty-first bis"),
        (0, 1, "ar", "words", "صفر مكرر"),
        (0, 1, "en", "digits", "0bis"),
    ],
)
def test_article_number(
    n: int, k: int, lang: str, style: NumberStyle, expected: str
) -> None:
    assert article_number(n, k, lang, style) == expected


@pytest.mark.parametrize(
    ("n", "k", "lang", "style", "expected"),
    [
        (1, 0, "ar", "words", "المادة الأولى"),
        (12, 0, "ar", "arabic-indic", "المادة ١٢"),
        (12, 1, "ar", "digits", "المادة 12 مكرر"),
        (12, 0, "en", "digits", "Article 12"),
        (12, 1, "en", "digits", "Article 12bis"),
        (12, 0, "en", "words", "Twelfth Article"),
        (12, 2, "en", "words", "Twelfth Article ter"),
        (12, 0, "fr", "digits", "Article 12"),
        (3, 0, "ar-EG", "words", "المادة الثالثة"),
    ],
)
def test_article_label(
    n: int, k: int, lang: str, style: NumberStyle, expected: str
) -> None:
    assert article_label(n, k, lang, style) == expected


def test_repealed_mark() -> None:
    assert repealed_mark("ar") == "(ملغاة)"
    assert repealed_mark("en") == "(repealed)"


@pytest.mark.parametrize(
    ("kind", "n", "lang", "style", "expected"),
    [
        ("part", 1, "ar", "words", "الباب الأول"),
        ("chapter", 2, "ar", "words", "الفصل الثاني"),
        ("section", 3, "ar", "words", "الفرع الثالث"),
        ("chapter", 11, "ar", "words", "الفصل الحادي عشر"),
        ("chapter", 2, "ar", "arabic-indic", "الفصل ٢"),
        ("chapter", 2, "ar", "digits", "الفصل 2"),
        ("part", 1, "en", "digits", "Part 1"),
        ("chapter", 2, "en", "digits", "Chapter 2"),
        ("section", 3, "en", "digits", "Section 3"),
        ("chapter", 2, "en", "words", "Chapter Two"),
        ("chapter", 21, "en", "words", "Chapter Twenty-One"),
        ("part", 101, "en", "words", "Part One Hundred and One"),
    ],
)
def test_division_label(
    kind: str, n: int, lang: str, style: NumberStyle, expected: str
) -> None:
    assert kind in ("part", "chapter", "section")
    assert division_label(kind, n, lang, style) == expected  # type: ignore[arg-type]


def test_paragraph_and_point_labels() -> None:
    assert paragraph_label(1, "ar", "words") == "(1)"
    assert paragraph_label(1, "ar", "digits") == "(1)"
    assert paragraph_label(12, "ar", "arabic-indic") == "(١٢)"
    assert paragraph_label(1, "en", "digits") == "(1)"
    assert point_label(1, 1, "ar", "words") == "(أ)"
    assert point_label(5, 1, "ar", "digits") == "(هـ)"
    assert point_label(2, 2, "ar", "arabic-indic") == "(٢)"
    assert point_label(2, 2, "ar", "digits") == "(2)"
    assert point_label(1, 1, "en", "digits") == "(a)"
    assert point_label(4, 2, "en", "digits") == "(iv)"
    assert point_label(2, 3, "en", "digits") == "(B)"


def test_point_letters() -> None:
    abjad = [*"أبجد", "هـ", *"وزحطيكلمنسعفصقرشتثخذضظغ"]
    assert [point_letter(n, "ar") for n in range(1, 29)] == abjad
    assert point_letter(29, "ar") == "أأ"
    assert point_letter(30, "ar") == "أب"
    assert point_letter(1, "en") == "a"
    assert point_letter(26, "en") == "z"
    assert point_letter(27, "en") == "aa"
    assert point_letter(28, "en") == "ab"
    assert point_letter(53, "en") == "ba"


LABELLERS: dict[str, Callable[[int, str, NumberStyle], str]] = {
    "article": lambda n, lang, style: article_label(n, 0, lang, style),
    "article-bis": lambda n, lang, style: article_label(n, 1, lang, style),
    "part": lambda n, lang, style: division_label("part", n, lang, style),
    "section": lambda n, lang, style: division_label("section", n, lang, style),
    "paragraph": paragraph_label,
    "point-1": lambda n, lang, style: point_label(n, 1, lang, style),
    "point-2": lambda n, lang, style: point_label(n, 2, lang, style),
    "point-3": lambda n, lang, style: point_label(n, 3, lang, style),
}


@pytest.mark.parametrize("labeller", sorted(LABELLERS))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("style", STYLES)
def test_labels_are_injective_over_1_to_300(
    labeller: str, lang: str, style: NumberStyle
) -> None:
    labels = [LABELLERS[labeller](n, lang, style) for n in ONE_TO_300]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("style", STYLES)
def test_article_labels_parse_back_in_every_style(style: NumberStyle) -> None:
    for n in ONE_TO_300:
        assert (
            parse_number(article_label(n, 0, "ar", style).removeprefix("المادة ")) == n
        )
        assert parse_number(division_label("chapter", n, "ar", style)[6:]) == n
        english = article_label(n, 0, "en", style)
        number = english.removesuffix(" Article").removeprefix("Article ")
        assert parse_number(number) == n
        assert parse_number(division_label("part", n, "en", style)[5:]) == n


def test_article_labels_with_suffixes_are_injective() -> None:
    for lang in LANGS:
        for style in STYLES:
            labels = {
                article_label(n, k, lang, style) for n in range(1, 60) for k in range(6)
            }
            assert len(labels) == 59 * 6


# --- references by path ------------------------------------------------------------


def test_ref_designation_arabic_full() -> None:
    article = ("article", 12, 0)
    assert ref_designation([article], "ar", "words", "full") == "المادة الثانية عشرة"
    assert (
        ref_designation([article, ("para", 2, 0)], "ar", "words", "full")
        == "الفقرة (2) من المادة الثانية عشرة"
    )
    assert (
        ref_designation(
            [article, ("para", 2, 0), ("point", 1, 1)], "ar", "words", "full"
        )
        == "البند (أ) من الفقرة (2) من المادة الثانية عشرة"
    )
    assert (
        ref_designation([article, ("para", 2, 0)], "ar", "arabic-indic", "full")
        == "الفقرة (٢) من المادة ١٢"
    )


def test_ref_designation_english_full() -> None:
    article = ("article", 12, 0)
    assert ref_designation([article], "en", "digits", "full") == "Article 12"
    path = [article, ("para", 2, 0), ("point", 1, 1)]
    assert ref_designation(path[:2], "en", "digits", "full") == "Article 12(2)"
    assert ref_designation(path, "en", "digits", "full") == "Article 12(2)(a)"
    assert (
        ref_designation([("article", 12, 1), ("para", 3, 0)], "en", "digits", "full")
        == "Article 12bis(3)"
    )
    assert ref_designation(path, "en", "words", "full") == "Twelfth Article, (2)(a)"


def test_ref_designation_number_form_gives_the_innermost_number() -> None:
    article = ("article", 12, 0)
    assert ref_designation([article], "ar", "words", "number") == "الثانية عشرة"
    assert ref_designation([article], "ar", "arabic-indic", "number") == "١٢"
    assert ref_designation([article, ("para", 2, 0)], "ar", "words", "number") == "(2)"
    path = [article, ("para", 2, 0), ("point", 3, 1), ("point", 4, 2)]
    assert ref_designation(path[:3], "ar", "words", "number") == "(ج)"
    assert ref_designation(path, "en", "digits", "number") == "(iv)"


# --- whole documents ---------------------------------------------------------------


def _article(article_id: str, *paragraphs: Paragraph) -> Article:
    body = paragraphs or (Paragraph((P((Text("نص."),)),)),)
    return Article(article_id, None, tuple(body))


def _document(
    outline: tuple[OutlineNode, ...],
    numbering: NumberingMode = "auto",
    lang: str = "ar",
    style: NumberStyle = "words",
    articles: dict[str, Article] | None = None,
) -> Document:
    if articles is None:
        ids = {e.ref for e in _entries(outline)}
        articles = {i: _article(i) for i in ids}
    return Document(
        "sample", lang, numbering, style, DocumentMeta("نظام داخلي"), outline, articles
    )


def _entries(nodes: tuple[OutlineNode, ...]) -> list[ArticleEntry]:
    found: list[ArticleEntry] = []
    for node in nodes:
        if isinstance(node, ArticleEntry):
            found.append(node)
        else:
            found.extend(_entries(node.children))
    return found


def test_number_outline_auto_counts_through_divisions() -> None:
    outline: tuple[OutlineNode, ...] = (
        Division(
            "chapter",
            "ch-name",
            "الاسم",
            (ArticleEntry("art-name"), ArticleEntry("art-seat")),
        ),
        Division("chapter", "ch-members", "العضوية", (ArticleEntry("art-join"),)),
        ArticleEntry("art-final"),
    )
    numbers = number_outline(_document(outline))
    assert numbers == {
        "art-name": ArticleNumber(1, 0, False),
        "art-seat": ArticleNumber(2, 0, False),
        "art-join": ArticleNumber(3, 0, False),
        "art-final": ArticleNumber(4, 0, False),
    }


def test_number_outline_auto_skips_repealed_entries() -> None:
    outline = (
        ArticleEntry("art-a"),
        ArticleEntry("art-old", repealed=True),
        ArticleEntry("art-b"),
    )
    numbers = number_outline(_document(outline))
    assert numbers == {"art-a": ArticleNumber(1), "art-b": ArticleNumber(2)}


def test_number_outline_fixed_with_inserts_and_repeals() -> None:
    outline = (
        ArticleEntry("art-preamble-note"),
        ArticleEntry("art-a", num="1"),
        ArticleEntry("art-b", num="2"),
        ArticleEntry("art-b1"),
        ArticleEntry("art-b2"),
        ArticleEntry("art-b3"),
        ArticleEntry("art-c", num="3", repealed=True),
        ArticleEntry("art-c1", repealed=True),
        ArticleEntry("art-d", num="4"),
    )
    doc = _document(outline, numbering="fixed")
    numbers = number_outline(doc)
    assert numbers == {
        "art-preamble-note": ArticleNumber(0, 1, False),
        "art-a": ArticleNumber(1, 0, False),
        "art-b": ArticleNumber(2, 0, False),
        "art-b1": ArticleNumber(2, 1, False),
        "art-b2": ArticleNumber(2, 2, False),
        "art-b3": ArticleNumber(2, 3, False),
        "art-c": ArticleNumber(3, 0, True),
        "art-c1": ArticleNumber(3, 1, True),
        "art-d": ArticleNumber(4, 0, False),
    }
    assert [numbers[e.ref].plain() for e in outline] == [
        "0-bis",
        "1",
        "2",
        "2-bis",
        "2-ter",
        "2-quater",
        "3",
        "3-bis",
        "4",
    ]
    assert label_for(doc, "art-b1", numbers) == "المادة الثانية مكرر"
    assert label_for(doc, "art-b2") == "المادة الثانية مكرر (أ)"
    assert label_for(doc, "art-b3") == "المادة الثانية مكرر (ب)"
    english = _document(outline, numbering="fixed", lang="en", style="digits")
    assert label_for(english, "art-b2") == "Article 2ter"


def test_label_for_unknown_article_raises() -> None:
    doc = _document((ArticleEntry("art-a"),))
    with pytest.raises(NotFound):
        label_for(doc, "art-missing")


def test_number_divisions() -> None:
    outline: tuple[OutlineNode, ...] = (
        Division(
            "part",
            "part-one",
            "عام",
            (
                Division(
                    "chapter",
                    "ch-1",
                    "أ",
                    (
                        Division("section", "sec-1-1", "أ", (ArticleEntry("a1"),)),
                        Division("section", "sec-1-2", "ب", (ArticleEntry("a2"),)),
                    ),
                ),
                Division(
                    "chapter",
                    "ch-2",
                    "ب",
                    (Division("section", "sec-2-1", "أ", (ArticleEntry("a3"),)),),
                ),
            ),
        ),
        Division(
            "part",
            "part-two",
            "خاص",
            (Division("chapter", "ch-3", "ج", (ArticleEntry("a4"),)),),
        ),
    )
    assert number_divisions(_document(outline)) == {
        "part-one": 1,
        "ch-1": 1,
        "sec-1-1": 1,
        "sec-1-2": 2,
        "ch-2": 2,
        "sec-2-1": 1,
        "part-two": 2,
        "ch-3": 3,
    }


# --- live references in a document ---------------------------------------------------


def _text(value: str) -> P:
    return P((Text(value),))


def _reference_document(lang: str = "ar", style: NumberStyle = "words") -> Document:
    membership = _article(
        "art-membership",
        Paragraph((_text("العضوية مفتوحة."),)),
        Paragraph(
            (
                _text("يشترط في العضو:"),
                Point((_text("أن يكون بالغا."),)),
                Point(
                    (
                        _text("أن يقبل:"),
                        Point((_text("النظام."),)),
                        Point((_text("البرنامج."),)),
                    )
                ),
            )
        ),
    )
    single = _article(
        "art-dues",
        Paragraph((_text("الاشتراك:"), Point((_text("شهري."),)))),
    )
    outline = (
        *(ArticleEntry(f"art-{i}") for i in range(1, 12)),
        ArticleEntry("art-membership"),
        ArticleEntry("art-dues"),
    )
    articles = {e.ref: _article(e.ref) for e in outline}
    articles.update({"art-membership": membership, "art-dues": single})
    return _document(outline, lang=lang, style=style, articles=articles)


@pytest.mark.parametrize(
    ("to", "form", "expected"),
    [
        ("art-membership", "full", "المادة الثانية عشرة"),
        ("art-membership", "number", "الثانية عشرة"),
        ("art-membership/para-2", "full", "الفقرة (2) من المادة الثانية عشرة"),
        (
            "art-membership/para-2/point-1",
            "full",
            "البند (أ) من الفقرة (2) من المادة الثانية عشرة",
        ),
        (
            "art-membership/para-2/point-2/point-2",
            "full",
            "البند (2) من البند (ب) من الفقرة (2) من المادة الثانية عشرة",
        ),
        ("art-membership/para-2/point-2", "number", "(ب)"),
        ("art-dues/point-1", "full", "البند (أ) من المادة الثالثة عشرة"),
    ],
)
def test_render_ref_arabic(to: str, form: str, expected: str) -> None:
    ref = Ref(to, "full" if form == "full" else "number")
    assert render_ref(_reference_document(), ref) == expected


def test_render_ref_english_and_arabic_indic() -> None:
    english = _reference_document("en", "digits")
    assert render_ref(english, Ref("art-membership/para-2/point-2")) == (
        "Article 12(2)(b)"
    )
    indic = _reference_document("ar", "arabic-indic")
    numbers = number_outline(indic)
    assert render_ref(indic, Ref("art-membership/para-2"), numbers) == (
        "الفقرة (٢) من المادة ١٢"
    )


@pytest.mark.parametrize(
    "to",
    [
        "art-nowhere",
        "art-nowhere/para-1",
        "art-membership/para-3",
        "art-membership/para-1/point-1",
        "art-membership/para-2/point-3",
        "art-membership/para-2/point-1/point-1",
        "art-membership/point-1",
        "art-membership/para-1/para-1",
    ],
)
def test_render_ref_dangling_raises_not_found_with_location(to: str) -> None:
    ref = Ref(to, loc=SourceLoc("articles/art-dues.xml", 7, 12))
    with pytest.raises(NotFound) as caught:
        render_ref(_reference_document(), ref)
    assert caught.value.path == "articles/art-dues.xml"
    assert (caught.value.line, caught.value.col) == (7, 12)
    assert to in caught.value.message
    assert str(caught.value).startswith("articles/art-dues.xml:7:12: error:")


def test_render_ref_to_paragraph_of_repealed_article_without_text() -> None:
    outline = (
        ArticleEntry("art-a", num="1"),
        ArticleEntry("art-b", num="2", repealed=True),
    )
    doc = _document(outline, numbering="fixed", articles={"art-a": _article("art-a")})
    assert render_ref(doc, Ref("art-b")) == "المادة الثانية"
    with pytest.raises(NotFound):
        render_ref(doc, Ref("art-b/para-1"))


def test_suffix_names_are_the_latin_ones() -> None:
    assert SUFFIXES_EN[:3] == ("bis", "ter", "quater")
