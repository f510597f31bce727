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
from typing import Any, Self
from urllib.parse import quote

from markupsafe import Markup

__all__ = ["Html", "front_matter_title", "h", "nav_title", "url_segment"]

# Control characters break YAML front matter and mean nothing on a page.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES_RE = re.compile(r"[\r\n\u2028\u2029]+")


def _clean(text: str) -> str:
    # A newline inside a raw HTML block could start a Markdown line (a
    # `--8<--` snippet, an abbreviation definition); text never needs one.
    return _NEWLINES_RE.sub(" ", _CONTROL_RE.sub("", text))


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
        return cls(html.escape(_clean(str(s)), quote=True))


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


def url_segment(text: str) -> str:
    """One path segment of a URL: everything but unreserved ASCII percent-encoded."""
    return quote(_clean(text), safe="-._~")
