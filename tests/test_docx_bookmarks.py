"""Word bookmark names made from addresses: valid for Word, within its 40
characters, and read back to the same address (a name too long or ambiguous to
spell its address out is a digest, read back through the table the export
records in the file)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bylaws.importers.formats import MAX_BOOKMARK, address_of_bookmark, bookmark_name

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
    assert WORD_NAME.match(name) and len(name) <= MAX_BOOKMARK
    table = {name: address} if name.startswith("h_") else None
    assert address_of_bookmark(name, table) == address


def test_double_hyphens_come_back() -> None:
    """`art--1/para-2` spelt out would read back as `art/1/para-2`: it gets a
    digest name, which the file's table reads back."""
    name = bookmark_name("art--1/para-2")
    assert name.startswith("h_")
    assert address_of_bookmark(name) is None
    assert address_of_bookmark(name, {name: "art--1/para-2"}) == "art--1/para-2"


def test_names_of_other_programs_are_not_ours() -> None:
    assert address_of_bookmark("b_art_1__para_2") == "art-1/para-2"
    assert address_of_bookmark("_Toc123") is None
