"""A .po string reads the same with or without the quick path for plain text (issue #16)."""

from __future__ import annotations

import ast

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.locale.po import _unquote

from .conftest import examples


@settings(max_examples=examples(300))
@given(
    st.text(st.sampled_from([*"ab عر{}'%", "\\n", "\\t", '\\"', "\\\\"]), max_size=12)
)
def test_unquote_reads_as_python_literal_syntax(body: str) -> None:
    quoted = f'"{body}"'
    assert _unquote(f"  {quoted} ", "x.po", 1) == ast.literal_eval(quoted)
