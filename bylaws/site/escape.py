"""Escaping of text that comes from files, for every place the site puts it.

The pages are Markdown files made of raw HTML blocks, read by Python-Markdown,
then by mkdocs-material's Jinja templates (which do not autoescape). Each
function here makes a string inert for one of those places.

HTML is built as `Html` (a `markupsafe.Markup`): a template's `format`, `+`
and `join` escape every plain string they are given, so text from a file can
only reach a page escaped. Only markup this package writes is `Html`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from string import Formatter
from typing import Any, Self
from urllib.parse import quote

from markupsafe import Markup

from ..invisibles import (
    HARD_INVISIBLE_RE,
    INVISIBLE_RE,
    describe_char,
    find_invisibles,
    reveal,
    token_for,
)

__all__ = [
    "Html",
    "escaped",
    "front_matter_title",
    "h",
    "has_hidden",
    "hidden_warning",
    "marked",
    "nav_title",
    "url_segment",
]

# Control characters break YAML front matter and mean nothing on a page.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile(r"[\r\n\u2028\u2029]+")


# Anything `_clean` changes: nearly every text has none, and one search says so.
# (One character class, so the search scans in C rather than trying three.)
_UNCLEAN_RE = re.compile(
    f"[{_CONTROL_RE.pattern[1:-1]}{_NEWLINES_RE.pattern[1:-2]}"
    f"{HARD_INVISIBLE_RE.pattern[1:-1]}]"
)


def _clean(text: str) -> str:
    # A newline inside a raw HTML block could start a Markdown line (a
    # `--8<--` snippet, an abbreviation definition); text never needs one.
    # An invisible character (an override, a zero-width space) becomes its
    # visible token, `⟨U+202E⟩`, wherever text lands, attributes included.
    if _UNCLEAN_RE.search(text) is None:
        return text
    return reveal(_NEWLINES_RE.sub(" ", _CONTROL_RE.sub("", text)), soft=False)


_MARK = '<span class="bylaws-invisible" title="{title}">{token}</span>'


def marked(text: str, *, soft: bool = False) -> Html:
    """Text for a page's body, each invisible character a marked, visible token.

    Args:
        text: the text, from a file.
        soft: mark the direction marks LRM, RLM and ALM too (in a change,
            where they may be all that changed).
    """
    if (INVISIBLE_RE if soft else HARD_INVISIBLE_RE).search(text) is None:
        return Html.escape(text)  # nearly every text: one search says so
    found = list(find_invisibles(text, soft=soft))
    out, last = [], 0
    for offset, char, _kind in found:
        out.append(str(Html.escape(text[last:offset])))
        title = html.escape(describe_char(char), quote=True)
        out.append(_MARK.format(title=title, token=token_for(char)))
        last = offset + 1
    out.append(str(Html.escape(text[last:])))
    return Html("".join(out))


def has_hidden(text: str) -> bool:
    """Whether a text holds an invisible character other than a direction mark."""
    return HARD_INVISIBLE_RE.search(text) is not None


def escaped(text: str) -> str:
    """Text for an HTML body or a double-quoted attribute, as `h` makes it, but
    a plain string: for the few loops that write markup for thousands of
    articles, where building an `Html` for each piece costs more than the
    rest. Whatever comes from a file still passes through here."""
    return html.escape(_clean(text), quote=True)


class Html(Markup):
    """HTML written by the site; whatever plain text joins it is escaped by `h`.

    markupsafe's own escaping writes `&#34;` and `&#39;` and keeps newlines;
    this one keeps the entities the pages have always had and cleans the text.
    """

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any, /) -> Self:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        # str.__new__: what Markup's constructor does for a plain string.
        return str.__new__(cls, html.escape(_clean(str(s)), quote=True))

    def format(self, /, *args: Any, **kwargs: Any) -> Self:
        """The template with each field's value escaped, as markupsafe does.

        markupsafe formats through `string.Formatter` in Python, field by field,
        which was most of the time spent making a site's pages. A template whose
        fields are plain (`{}`, `{0}`, `{name}`: no conversion, format spec,
        attribute or index) gets the same values escaped the same way and
        filled in by `str.format`; any other goes to markupsafe.
        """
        if not _plain_fields(str(self)):
            return super().format(*args, **kwargs)
        filled = str.format(
            self,
            *[_field(value) for value in args],
            **{name: _field(value) for name, value in kwargs.items()},
        )
        return self.__class__(filled)

    def join(self, iterable: Iterable[Any], /) -> Self:
        """The pieces, each escaped as markupsafe's `join` escapes it, joined."""
        pieces = [_piece(value) for value in iterable]
        return str.__new__(type(self), str.join(self, pieces))


def _piece(value: Any) -> str:
    """A piece of a join as markupsafe escapes it (`Html.escape`), as a string."""
    if type(value) is Html:
        return value
    if type(value) is str:
        return escaped(value)
    return str(Html.escape(value))


@lru_cache(maxsize=1024)
def _plain_fields(template: str) -> bool:
    """Whether every field of a template is a bare name or position."""
    return all(
        name is None or (not spec and conversion is None and _bare(name))
        for _text, name, spec, conversion in Formatter().parse(template)
    )


def _bare(name: str) -> bool:
    return name == "" or name.isdigit() or name.isidentifier()


def _field(value: Any) -> str:
    """A field's value as markupsafe's formatter writes it: escaped, as a string."""
    if type(value) is Html:
        return value
    if type(value) is str:
        return escaped(value)
    if hasattr(value, "__html_format__"):
        value = value.__html_format__("")
    elif hasattr(value, "__html__"):
        value = value.__html__()
    else:
        value = format(value, "")
    return str(Html.escape(value))


def h(text: str) -> Html:
    """Text for an HTML body or a double-quoted attribute: `& < > " '` escaped."""
    return Html.escape(text)


def nav_title(text: str) -> str:
    """A page or section title as the theme prints it, raw, in several places.

    Material writes `page.meta.title` and nav titles without escaping, so the
    title is given already escaped; it then reads as the original text.
    """
    return str(h(text))


def front_matter_title(text: str) -> str:
    """A YAML front matter line `title: "…"` carrying an escaped title.

    JSON strings are valid YAML double-quoted scalars, so `json.dumps` quotes
    every character YAML would otherwise read as syntax.
    """
    return "title: " + json.dumps(nav_title(text), ensure_ascii=False)


@lru_cache(maxsize=1 << 16)  # the same ids, in link after link
def url_segment(text: str) -> str:
    """One path segment of a URL: everything but unreserved ASCII percent-encoded."""
    return quote(_clean(text), safe="-._~")


def hidden_warning(words: str) -> Html:
    """The warning a page carries above a text holding invisible characters."""
    return Html(
        '<p class="bylaws-invisible-warning" data-search-exclude>{}</p>\n'
    ).format(words)
