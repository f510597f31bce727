"""Word bookmark names made from addresses: valid for Word, within its 40
characters, and read back to the same address."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bylaws.importers.formats import BOOKMARK_MAX, address_of_bookmark, bookmark_name

SLUGS = st.from_regex(r"[a-z0-9][a-z0-9\-]{0,40}", fullmatch=True)
STEPS = st.lists(
    st.tuples(st.sampled_from(["para", "point"]), st.integers(1, 200)), max_size=3
)
WORD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


@given(SLUGS, STEPS)
def test_bookmark_names_are_valid_short_and_reversible(
    slug: str, steps: list[tuple[str, int]]
) -> None:
    address = slug + "".join(f"/{level}-{n}" for level, n in steps)
    name = bookmark_name(address)
    assert WORD_NAME.match(name) and len(name) <= BOOKMARK_MAX
    back = address_of_bookmark(name)
    assert back == address or (back is None and len(name) == BOOKMARK_MAX)


def test_double_hyphens_come_back() -> None:
    assert bookmark_name("art--1/para-2") == "b2_art__1P2"
    assert address_of_bookmark("b2_art__1P2") == "art--1/para-2"


def test_names_of_earlier_exports_are_still_read() -> None:
    assert address_of_bookmark("b_art_1__para_2") == "art-1/para-2"
    assert address_of_bookmark("_Toc123") is None
