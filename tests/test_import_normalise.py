"""What PDFs, web pages and Word leave in a text: cleaned before lines are read."""

from __future__ import annotations

from bylaws.importers import import_bytes
from bylaws.importers.normalise import normalise_letters, rejoin_wrapped, unmirror


def test_arabic_presentation_forms_become_letters_and_latin_ligatures_stay() -> None:
    shaped = "\ufe8d\ufedf\ufee4\ufe8e\ufea9\ufe93"  # «المادة» as a PDF stores it
    assert normalise_letters(shaped, arabic=False) == "المادة"
    assert normalise_letters("ﬁnal ＡＢ", arabic=False) == "ﬁnal ＡＢ"
    assert normalise_letters("\ufefb", arabic=False) == "لا"  # lam-alef ligature


def test_persian_letters_and_digits_in_arabic_only() -> None:
    assert normalise_letters("النادی کتاب ۱۲", arabic=True) == "النادي كتاب ١٢"
    assert normalise_letters("کتاب ۱۲", arabic=False) == "کتاب ۱۲"


def test_mirrored_brackets_are_turned_when_every_pair_is() -> None:
    assert unmirror(")1( نص )أ(") == "(1) نص (أ)"
    assert unmirror("(1) نص") == "(1) نص"
    assert unmirror("نص (أ) ثم )ب(") == "نص (أ) ثم )ب("


def test_wrapped_sentences_are_joined_and_sentences_are_not() -> None:
    long = "The members of the association meet on the second Saturday of each"
    lines = [long, "month at the hall.", long + ".", "Next sentence.", "1. item"]
    assert rejoin_wrapped(lines, arabic=False) == [
        (1, long + " month at the hall."),
        (3, long + "."),
        (4, "Next sentence."),
        (5, "1. item"),
    ]


def test_a_pdf_extract_imports_as_the_text_reads() -> None:
    shaped_heading = (
        "\ufe8d\ufedf\ufee4\ufe8e\ufea9\ufe93 \u0627\u0644\u0623\u0648\u0644\u0649"
    )
    text = "\n".join(
        [
            "لائحة النادی",
            "",
            shaped_heading,
            "تتكون موارد النادي من:",
            ")۱( اشتراكات الأعضاء.",
            ")۲( التبرعات.",
        ]
    )
    doc = import_bytes(text.encode(), "x.txt", "text", "d").document
    article = doc.articles["art-1"]
    assert doc.meta.title == "لائحة النادي"
    assert len(article.intro) == 1 and len(article.paragraphs) == 2
