"""`--bidi visual`: the Unicode bidi algorithm against Unicode's own conformance
cases (BidiCharacterTest.txt, from Debian's unicode-data package or the folder
named by BYLAWS_UNICODE_DATA), and Latin text inside Arabic lines."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from bylaws.formatters.bidi import visual, visual_segments
from bylaws.formatters.bidi_algorithm import (
    EXPLICIT_CONTROLS,
    levels,
    paragraph_level,
    visual_order,
)

from .conftest import HYPOTHESIS_PROFILE

UNICODE_DATA = Path(os.environ.get("BYLAWS_UNICODE_DATA", "/usr/share/unicode"))
CONFORMANCE = UNICODE_DATA / "BidiCharacterTest.txt"
NO_CONFORMANCE = (
    f"no {CONFORMANCE} (install Debian's unicode-data, or set BYLAWS_UNICODE_DATA "
    "to a folder holding BidiCharacterTest.txt)"
)


def _claimed(text: str) -> bool:
    """The cases the algorithm claims: no explicit embeddings, overrides or
    isolates, and only characters this Python's Unicode database knows."""
    return not any(
        ch in EXPLICIT_CONTROLS or unicodedata.category(ch) == "Cn" for ch in text
    )


def _cases() -> Iterator[tuple[int, str, int | None, int, list[int | None], list[int]]]:
    with CONFORMANCE.open(encoding="utf-8") as lines:
        for number, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            points, direction, level, levels_field, order = line.split(";")
            text = "".join(chr(int(cp, 16)) for cp in points.split())
            yield (
                number,
                text,
                None if direction == "2" else int(direction),
                int(level),
                [None if lv == "x" else int(lv) for lv in levels_field.split()],
                [int(i) for i in order.split()],
            )


@pytest.mark.skipif(not CONFORMANCE.is_file(), reason=NO_CONFORMANCE)
def test_unicode_conformance_cases_without_explicit_controls() -> None:
    failures: list[str] = []
    claimed = 0
    # The quick profile tries every tenth case; CI tries them all.
    step = 1 if HYPOTHESIS_PROFILE == "ci" else 10
    for number, text, base, level, expected, order in _cases():
        if not _claimed(text):
            continue
        claimed += 1
        if number % step:
            continue
        if base is None and paragraph_level(text) != level:
            failures.append(f"line {number}: paragraph level")
            continue
        got = levels(text, base)
        if got != expected or visual_order(got) != order:
            failures.append(f"line {number}: {got} != {expected}")
    assert claimed > 90_000, "the file holds the cases this test expects"
    assert not failures, "\n".join(failures[:20])


def test_latin_phrase_inside_arabic_stays_in_reading_order() -> None:
    line = "انظر Article 5 (a) of the Charter الآن"
    assert visual(line) == "نآلا Article 5 (a) of the Charter رظنا"


def test_email_inside_arabic_stays_in_reading_order() -> None:
    assert visual("راسلونا على info@party.org اليوم") == (
        "مويلا info@party.org ىلع انولسار"
    )


def test_brackets_mirror_and_marks_stay_after_their_letter() -> None:
    assert visual("المادة 12 (أ)") == "(أ) 12 ةداملا"
    assert visual("كَتَبَ") == "بَتَكَ"
    assert visual("abc 12") == "abc 12"
    assert visual("الرقم ٢٣ (ب)") == "(ب) ٢٣ مقرلا"


def test_segments_keep_their_styles_in_display_order() -> None:
    shown = visual_segments([("المادة ", "plain"), ("[-ذلك-]", "del")])
    assert shown == [("[-كلذ-]", "del"), (" ةداملا", "plain")]
