"""The side table of contents of a generated page, read from its headings.

The pages are raw HTML, which Python-Markdown's `toc` extension never reads,
so the theme's side table of contents stayed empty. This reads the headings
that carry an id (divisions, articles, a proposal's sections and changes)
and nests them: an article under its division, a change under its section.
"""

from __future__ import annotations

from typing import Any

from lxml import html as lxml_html

from .escape import nav_title

__all__ = ["toc_tokens"]

_HEADINGS = ("h2", "h3", "h4")


def _name(element: Any) -> str:
    for link in element.xpath('.//a[@class="headerlink"]'):
        link.drop_tree()
    return " ".join(element.text_content().split())


def toc_tokens(page_html: str) -> list[dict[str, Any]]:
    """mkdocs' toc tokens (level, id, name, children) for a page's headings."""
    if not page_html.strip():
        return []
    root = lxml_html.fragment_fromstring(page_html, create_parent="div")
    tokens: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    division_rank = 0
    for element in root.iter(*_HEADINGS):
        ident = element.get("id")
        if not ident:
            continue
        level = int(element.tag[1])
        if "bylaws-division" in (element.get("class") or "").split():
            rank = division_rank = level
        else:
            rank = division_rank + 1 if division_rank else level
        token: dict[str, Any] = {
            "level": rank,
            "id": ident,
            # The theme prints toc names raw, as the toc extension's
            # (already escaped) HTML: the heading's text goes in escaped.
            "name": nav_title(_name(element)),
            "children": [],
        }
        while stack and stack[-1][0] >= rank:
            stack.pop()
        (stack[-1][1]["children"] if stack else tokens).append(token)
        stack.append((rank, token))
    return tokens
