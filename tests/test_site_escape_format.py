"""`Html.format`'s quick path writes exactly what markupsafe's formatter writes.

The site fills its templates with `str.format` after escaping each value
(issue #16); markupsafe's `EscapeFormatter` is the reference it must equal.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import EscapeFormatter

from bylaws.site.escape import Html

from .conftest import examples


def _reference(template: Html, *args: Any, **kwargs: Any) -> str:
    return Html(EscapeFormatter(Html.escape).vformat(template, args, kwargs))


_TEXT = st.text(
    st.sampled_from([*"ab عر<>&\"'\n\r\t{}", "\u202e", "\u200b", "\x07", "\u2028"]),
    max_size=12,
)
_VALUE = st.one_of(
    _TEXT,
    _TEXT.map(Html),
    _TEXT.map(Html.escape),
    st.integers(-5, 500),
    st.booleans(),
    st.none(),
)


@settings(max_examples=examples(300))
@given(_VALUE, _VALUE, _VALUE)
def test_positional_and_named_fields(a: Any, b: Any, c: Any) -> None:
    template = Html('<p class="x" id="{}">{}<b>{}</b></p>')
    assert template.format(a, b, c) == _reference(template, a, b, c)
    named = Html("<h{level}{ident}>{title}</h{level}>")
    assert named.format(level=a, ident=b, title=c) == _reference(
        named, level=a, ident=b, title=c
    )
    numbered = Html("{1}{0}{1}")
    assert numbered.format(a, b) == _reference(numbered, a, b)


def test_a_template_with_a_conversion_or_spec_goes_to_markupsafe() -> None:
    assert Html("<i>{!r}</i>").format("<a>") == _reference(Html("<i>{!r}</i>"), "<a>")
    assert Html("{:>4}").format(7) == _reference(Html("{:>4}"), 7)
    assert Html("{0[0]}").format(["<"]) == _reference(Html("{0[0]}"), ["<"])


def test_the_result_is_html() -> None:
    filled = Html("<p>{}</p>").format("<script>")
    assert type(filled) is Html
    assert filled == "<p>&lt;script&gt;</p>"


@settings(max_examples=examples(300))
@given(st.lists(_VALUE, max_size=5), _VALUE)
def test_join_escapes_each_piece_as_markupsafe_does(
    pieces: list[Any], sep: Any
) -> None:
    separator = Html.escape(sep)
    reference = Html(str.join(separator, (str(Html.escape(p)) for p in pieces)))
    joined = separator.join(pieces)
    assert type(joined) is Html
    assert joined == reference
