"""The characters a reader cannot see, in one table, and how to show them.

Controls, bidi embeddings, overrides and isolates, zero-width and the other
default-ignorable characters change what a text says or how it is shown while
showing nothing themselves. `INVISIBLES` names them by kind; `check`, `import`,
the diff, every terminal output and the site read it through the functions here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import Literal

from .text import regex_class

__all__ = [
    "HARD_INVISIBLE_RE",
    "INVISIBLES",
    "INVISIBLE_RE",
    "SERIOUS_INVISIBLES",
    "InvisibleKind",
    "describe_char",
    "find_invisibles",
    "invisible_kind",
    "json_escaped",
    "reveal",
    "token_for",
]

InvisibleKind = Literal[
    "control",  # C0/C1 controls and DEL: a terminal obeys them
    "override",  # LRO, RLO: they reorder the characters a reader sees
    "embedding",  # LRE, RLE, PDF
    "isolate",  # LRI, RLI, FSI, PDI
    "zero-width",  # ZWSP, ZWNJ, ZWJ, word joiner, BOM: they split or join words unseen
    "separator",  # LINE SEPARATOR, PARAGRAPH SEPARATOR: a line break that is not one
    "ignorable",  # the other default-ignorable code points (soft hyphen, selectors…)
    "direction-mark",  # ALM, LRM, RLM: soft, used on purpose between digits and Arabic
]

# The one table: (first, last, kind), in code point order, without overlaps.
# Tab, line feed and carriage return are not here: a file may hold them.
INVISIBLES: tuple[tuple[int, int, InvisibleKind], ...] = (
    (0x00, 0x08, "control"),
    (0x0B, 0x0C, "control"),
    (0x0E, 0x1F, "control"),
    (0x7F, 0x9F, "control"),
    (0xAD, 0xAD, "ignorable"),
    (0x034F, 0x034F, "ignorable"),
    (0x061C, 0x061C, "direction-mark"),
    (0x115F, 0x1160, "ignorable"),
    (0x17B4, 0x17B5, "ignorable"),
    (0x180B, 0x180F, "ignorable"),
    (0x200B, 0x200D, "zero-width"),
    (0x200E, 0x200F, "direction-mark"),
    (0x2028, 0x2029, "separator"),
    (0x202A, 0x202C, "embedding"),
    (0x202D, 0x202E, "override"),
    (0x2060, 0x2064, "zero-width"),
    (0x2065, 0x2065, "ignorable"),
    (0x2066, 0x2069, "isolate"),
    (0x206A, 0x206F, "ignorable"),
    (0x3164, 0x3164, "ignorable"),
    (0xFE00, 0xFE0F, "ignorable"),
    (0xFEFF, 0xFEFF, "zero-width"),
    (0xFFA0, 0xFFA0, "ignorable"),
    (0xFFF0, 0xFFF8, "ignorable"),
    (0x1BCA0, 0x1BCA3, "ignorable"),
    (0x1D173, 0x1D17A, "ignorable"),
    (0xE0000, 0xE0FFF, "ignorable"),
)
# The kinds `check` reports as errors; the others are warnings, and the soft
# direction marks are not reported at all.
SERIOUS_INVISIBLES: frozenset[InvisibleKind] = frozenset({"control", "override"})

# Controls have no Unicode name, only aliases: the short ones terminals use.
_C0_NAMES = [
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "HT",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
]


def _ranges_class(kinds: Callable[[InvisibleKind], bool]) -> str:
    return regex_class(tuple((lo, hi) for lo, hi, kind in INVISIBLES if kinds(kind)))


# Every invisible character, the soft direction marks too.
INVISIBLE_RE = re.compile(f"[{_ranges_class(lambda kind: True)}]")
# Every invisible character but the soft direction marks.
HARD_INVISIBLE_RE = re.compile(
    f"[{_ranges_class(lambda kind: kind != 'direction-mark')}]"
)


def invisible_kind(char: str) -> InvisibleKind | None:
    """The kind of an invisible character, or None for one a reader can see."""
    code = ord(char)
    for lo, hi, kind in INVISIBLES:
        if lo <= code <= hi:
            return kind
        if code < lo:
            break
    return None


def describe_char(char: str) -> str:
    """A character as a reader can name it: `U+202E RIGHT-TO-LEFT OVERRIDE`."""
    code = ord(char)
    name = unicodedata.name(char, "")
    if not name:
        if code < len(_C0_NAMES):
            name = f"CONTROL {_C0_NAMES[code]}"
        elif code == 0x7F:
            name = "CONTROL DEL"
        elif 0x80 <= code <= 0x9F:
            name = "C1 CONTROL"
    return f"U+{code:04X} {name}".rstrip()


def find_invisibles(
    text: str, *, soft: bool = False
) -> Iterator[tuple[int, str, InvisibleKind]]:
    """(offset, character, kind) for each invisible character of a text.

    Args:
        text: the text to search.
        soft: include the direction marks ALM, LRM and RLM.
    """
    pattern = INVISIBLE_RE if soft else HARD_INVISIBLE_RE
    for match in pattern.finditer(text):
        char = match.group()
        yield match.start(), char, invisible_kind(char) or "control"


def token_for(char: str) -> str:
    """The visible stand-in for an invisible character: `⟨U+202E⟩`."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


def reveal(
    text: str,
    *,
    soft: bool = True,
    also: str = "",
    style: Callable[[str], str] | None = None,
) -> str:
    """The text with every invisible character replaced by a visible token.

    Args:
        text: the text to show.
        soft: replace the soft direction marks (ALM, LRM, RLM) too.
        also: more characters to replace (a terminal's "\\n" in a file name).
        style: wraps each token (reverse video on a colour terminal).

    Returns:
        The text, where each invisible character is `⟨U+XXXX⟩`.
    """
    pattern = INVISIBLE_RE if soft else HARD_INVISIBLE_RE
    if also:
        pattern = re.compile(f"{pattern.pattern}|[{re.escape(also)}]")
    if pattern.search(text) is None:
        return text
    if style is None:
        return pattern.sub(lambda m: token_for(m.group()), text)
    paint = style
    return pattern.sub(lambda m: paint(token_for(m.group())), text)


def _json_escape(char: str) -> str:
    """One character as JSON's `\\uXXXX` escape (a surrogate pair past the BMP)."""
    data = char.encode("utf-16-be")
    return "".join(
        f"\\u{int.from_bytes(data[i : i + 2], 'big'):04x}"
        for i in range(0, len(data), 2)
    )


def json_escaped(json_text: str) -> str:
    """JSON text with every invisible character written as a `\\uXXXX` escape.

    Outside its strings JSON holds no such character, so the document means
    exactly what it did, and a terminal that shows it gets no control.
    """
    if not _past_the_bmp(json_text) and _bmp_invisible_re().search(json_text) is None:
        return json_text
    return INVISIBLE_RE.sub(lambda m: _json_escape(m.group()), json_text)


def _past_the_bmp(text: str) -> bool:
    """Whether a character of the text lies past U+FFFF (it takes 4 bytes in UTF-16)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@cache
def _bmp_invisible_re() -> re.Pattern[str]:
    """The invisible characters of the Basic Multilingual Plane only.

    The texts of a diff's JSON are megabytes with no character past it:
    searched with these ranges, each character costs one table look-up,
    without a test for each range past the plane (half of the time).
    """
    return re.compile(
        f"[{regex_class(tuple((lo, hi) for lo, hi, _kind in INVISIBLES if hi <= 0xFFFF))}]"
    )
