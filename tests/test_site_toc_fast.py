"""The side table of contents read off the headings equals a parse of the page.

Issue #16: `toc_tokens` finds a page's headings with a regular expression and
parses only those it cannot read off; these tests hold it to what parsing
the whole page with lxml gives, on every page of the sample sites and on
markup it must hand to the parser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from lxml import html as lxml_html

from bylaws.site.build import site_pages
from bylaws.site.escape import nav_title
from bylaws.site.toc import toc_tokens

from .conftest import ENGLISH, SAMPLE


def _by_parsing(page_html: str) -> list[dict[str, Any]]:
    """The tokens as a whole-page parse gives them: the reference."""
    if not page_html.strip():
        return []
    root = lxml_html.fragment_fromstring(page_html, create_parent="div")
    tokens: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    division_rank = 0
    for element in root.iter("h2", "h3", "h4"):
        ident = element.get("id")
        if not ident:
            continue
        for link in element.xpath('.//a[@class="headerlink"]'):
            link.drop_tree()
        level = int(element.tag[1])
        if "bylaws-division" in (element.get("class") or "").split():
            rank = division_rank = level
        else:
            rank = division_rank + 1 if division_rank else level
        name = " ".join(element.text_content().split())
        token = {"level": rank, "id": ident, "name": nav_title(name), "children": []}
        while stack and stack[-1][0] >= rank:
            stack.pop()
        (stack[-1][1]["children"] if stack else tokens).append(token)
        stack.append((rank, token))
    return tokens


@pytest.mark.parametrize("workspace", [SAMPLE.parent, ENGLISH.parent])
def test_every_page_of_the_sample_sites(workspace: Path) -> None:
    built = site_pages(workspace, have_home=False)
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    for page in built.pages:
        html = md.reset().convert(page.markdown().split("---\n", 2)[-1])
        assert toc_tokens(html) == _by_parsing(html), page.src_uri


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="a">One &amp; two <a class="headerlink" href="#a" title="x">¶</a></h2>',
        '<h2 class="bylaws-division" id="c">Ch</h2><h3 id="d">A <b>b</b></h3>',
        '<h2 id="a">x</h2><!-- <h2 id="b">hidden</h2> --><h3 id="c">y</h3>',
        '<H2 ID="up">Upper</H2><h2 id="low">lower</h2>',
        '<h2 id="n">nested <h3 id="m">inner</h3></h2>',
        '<h2 id="e" title="a>b">odd</h2><h4 id="f">\n  spaced\n  words </h4>',
        "<p>no heading</p>",
        '<h2 id="q">quoted "text"</h2><h3>no id</h3><h3 id="r" class="x y">r</h3>',
    ],
)
def test_markup_it_must_parse(html: str) -> None:
    assert toc_tokens(html) == _by_parsing(html)
