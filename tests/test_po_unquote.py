"""A .po string reads the same with or without the quick path for plain text (issue #16)."""

from __future__ import annotations

import ast

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.locale.po import _unquote

from .conftest import examples

_PIECES = st.sampled_from([*"ab عر{}'%", "\\n", "\\t", '\\"', "\\\\"])


@settings(max_examples=examples(300))
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_unquote_reads_as_python_literal_syntax(body: str) -> None:
    quoted = f'"{body}"'
    assert _unquote(f"  {quoted} ", "x.po", 1) == ast.literal_eval(quoted)
