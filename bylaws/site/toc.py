"""The side table of contents of a generated page, read from its headings.

The pages are raw HTML, which Python-Markdown's `toc` extension never reads,
so the theme's side table of contents stayed empty. This reads the headings
that carry an id (divisions, articles, a proposal's sections and changes)
and nests them: an article under its division, a change under its section.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from .escape import nav_title

__all__ = ["toc_tokens"]

_HEADINGS = ("h2", "h3", "h4")


def _name(element: Any) -> str:
    for link in element.xpath('.//a[@class="headerlink"]'):
        link.drop_tree()
    return " ".join(element.text_content().split())


# A heading, found without parsing the page: its tag, attributes and content.
_HEADING_RE = re.compile(r"<(h[234])(\s[^<>]*)?>(.*?)</\1>", re.DOTALL)
_HEADING_START_RE = re.compile(r"<h[234][\s>/]", re.IGNORECASE)
_HIDDEN_RE = re.compile(r"<!--|<!\[CDATA\[|<(?:script|style|textarea|template)", re.I)
# The headings this package writes: an id, perhaps a class, plain text and a
# permalink. Their facts are read off the markup; any other is parsed.
_SIMPLE_ATTRIBUTES_RE = re.compile(
    r' (?:class="([^"<>&]*)" )?id="([^"<>&]*)"\Z|'
    r' id="([^"<>&]*)"(?: class="([^"<>&]*)")?\Z'
)
_SIMPLE_CONTENT_RE = re.compile(
    r'([^<>&]*)(?:<a class="headerlink" href="[^"<>&]*" title="[^"<>&]*">¶</a>)?\Z'
)
# A heading's facts: tag, id, class, and its text as a reader sees it.
_Heading = tuple[str, str | None, str | None, str]


def _parsed(fragment: str) -> _Heading:
    element = lxml_html.fragment_fromstring(fragment)
    return element.tag, element.get("id"), element.get("class"), _name(element)


def _headings(page_html: str) -> list[_Heading]:
    """Every h2, h3 and h4 of the page, in order.

    A page of the site is thousands of elements and a few dozen headings: the
    headings are found with a regular expression, and the few this package
    does not write in its usual form are parsed one by one. When the search
    does not account for every heading tag in the page, the whole page is
    parsed, as lxml reads it.
    """
    found = list(_HEADING_RE.finditer(page_html))
    hidden = _HIDDEN_RE.search(page_html) is not None  # markup that is not markup
    if hidden or len(found) != len(_HEADING_START_RE.findall(page_html)):
        root = lxml_html.fragment_fromstring(page_html, create_parent="div")
        return [
            (el.tag, el.get("id"), el.get("class"), _name(el))
            for el in root.iter(*_HEADINGS)
        ]
    headings: list[_Heading] = []
    for match in found:
        tag, attributes, content = match.groups()
        simple = _SIMPLE_ATTRIBUTES_RE.match(attributes or "")
        text = _SIMPLE_CONTENT_RE.match(content)
        if simple is None or text is None:
            headings.append(_parsed(match.group()))
            continue
        class_a, id_a, id_b, class_b = simple.groups()
        words = " ".join(text.group(1).split())
        headings.append((tag, id_a or id_b, class_a or class_b, words))
    return headings


def toc_tokens(page_html: str) -> list[dict[str, Any]]:
    """mkdocs' toc tokens (level, id, name, children) for a page's headings."""
    if not page_html.strip():
        return []
    tokens: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    division_rank = 0
    for tag, ident, classes, name in _headings(page_html):
        if not ident:
            continue
        level = int(tag[1])
        if "bylaws-division" in (classes or "").split():
            rank = division_rank = level
        else:
            rank = division_rank + 1 if division_rank else level
        token: dict[str, Any] = {
            "level": rank,
            "id": ident,
            # The theme prints toc names raw, as the toc extension's
            # (already escaped) HTML: the heading's text goes in escaped.
            "name": nav_title(name),
            "children": [],
        }
        while stack and stack[-1][0] >= rank:
            stack.pop()
        (stack[-1][1]["children"] if stack else tokens).append(token)
        stack.append((rank, token))
    return tokens
