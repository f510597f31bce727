"""Links between the site's pages are what `posixpath.relpath` gives (issue #16).

`bylaws.site.urls` works relative paths out from the strings alone, without
asking the system for the current folder; this holds it to relpath.
"""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.site.urls import _relpath

from .conftest import examples

_SEGMENT = st.sampled_from(
    ["a", "b", "corpus", "art-1", "text", "", ".", "..", "x.html"]
)
_PATH = st.lists(_SEGMENT, max_size=5).map("/".join).map(lambda p: p or ".")


@settings(max_examples=examples(500))
@given(_PATH, _PATH, st.booleans())
def test_as_relpath(path: str, start: str, absolute: bool) -> None:
    if absolute:
        path, start = "/" + path, "/" + start
    assert _relpath(path, start) == posixpath.relpath(path, start)
