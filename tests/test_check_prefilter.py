"""`check`'s one pass over a file's bytes never hides what the slow rules find.

`surely_plain` lets `check` skip decoding and scanning a file's text; these
tests hold it to the rules it stands for (issue #16, item 3).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.errors import UnusableInput
from bylaws.invisibles import INVISIBLES
from bylaws.visibility import (
    hidden_markup_problems,
    invisible_problems,
    surely_plain,
)
from bylaws.xmlio import parse_bytes

from .conftest import examples

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
ARTICLE = '<article xmlns="urn:bylaws:1" id="art-1"><p>{}</p></article>\n'


def _file(text: str) -> bytes:
    return (DECLARATION + ARTICLE.format(text)).encode("utf-8")


def test_a_plain_article_is_plain() -> None:
    assert surely_plain(_file("يحق لكل عضو الترشح، وفق المادة 3 (أ)."))


def _well_formed(data: bytes) -> bool:
    try:
        parse_bytes(data, "a.xml")
    except UnusableInput:
        return False
    return True


def test_every_reported_invisible_character_is_suspected_or_refused() -> None:
    for lo, hi, kind in INVISIBLES:
        for code in range(lo, hi + 1):
            data = _file("قبل" + chr(code) + "بعد")
            reported = bool(invisible_problems(data.decode("utf-8"), "a.xml"))
            assert reported == (kind != "direction-mark")
            if reported and surely_plain(data):
                # Only a C0 control, which no XML file may hold.
                assert code < 0x20 and not _well_formed(data), f"U+{code:04X}"


def test_references_comments_instructions_and_marks_are_suspected() -> None:
    for text in ("&#x202E;", "&#8238;", "<!-- note -->", "<?pi x?>"):
        assert not surely_plain(_file(text)), text
    assert not surely_plain(b"\xef\xbb\xbf" + _file("x"))
    assert not surely_plain(b"<?xml version='1.0'?><article/>")


# Letters, digits, quotation marks and dashes that share a first byte with an
# invisible character, the invisible characters themselves, and markup.
_ALPHABET = st.sampled_from(
    [
        *"abc عربي٣ 12.,;:-\n\t\x01\x1b",
        *("«", "»", "\u00a0", "\u2014", "\u201c", "\u200b", "\u202e", "\u200f"),
        *("\u061c", "\u00ad", "\x7f", "\x85", "\ufeff", "\U000e0041"),
        *("&amp;", "&#x200B;", "&#1;", "<!--c-->", "<?p?>", "!", "?", "&"),
    ]
)


@settings(max_examples=examples(300))
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_a_plain_file_has_no_text_problem(text: str) -> None:
    data = _file(text)
    if surely_plain(data) and _well_formed(data):
        decoded = data.decode("utf-8")
        assert invisible_problems(decoded, "a.xml", xml=True) == []
        assert hidden_markup_problems(decoded, "a.xml") == []
