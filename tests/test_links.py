"""Links outside the document keep their target: `<ref href>` in the XML, a
Markdown link, an Akoma Ntoso `ref href`, an HTML link on the site."""

from __future__ import annotations

import pytest
from lxml import etree

from bylaws import xmlio
from bylaws.errors import UnusableInput
from bylaws.exporters import export_model
from bylaws.importers import import_bytes
from bylaws.model import (
    Article,
    ArticleEntry,
    Document,
    DocumentMeta,
    Hyperlink,
    P,
    Paragraph,
    Text,
)
from bylaws.render import Reader
from bylaws.show import as_markdown
from bylaws.validation import validated_article

LINK = Hyperlink("https://example.org/water?a=1&b=2#top", "county water guidance")
ARTICLE = Article(
    "art-1",
    "Water",
    (Paragraph((P((Text("Members follow the "), LINK, Text(" at all times."))),)),),
)
DOC = Document(
    "orchard",
    "en",
    "auto",
    "digits",
    DocumentMeta("Rules of the Orchard Society"),
    (ArticleEntry("art-1"),),
    {"art-1": ARTICLE},
)


def test_a_link_is_written_as_ref_href_and_read_back() -> None:
    data = xmlio.serialize(xmlio.article_to_xml(ARTICLE))
    assert b'<ref href="https://example.org/water?a=1&amp;b=2#top">county' in data
    assert validated_article(data, "art-1.xml") == ARTICLE


@pytest.mark.parametrize("href", ["javascript:alert(1)", "file:///etc/passwd", "x y"])
def test_only_web_and_mail_addresses_are_accepted(href: str) -> None:
    data = xmlio.serialize(xmlio.article_to_xml(ARTICLE))
    bad = data.replace(b"https://example.org/water?a=1&amp;b=2#top", href.encode())
    with pytest.raises(UnusableInput):
        validated_article(bad, "art-1.xml")


@pytest.mark.parametrize(("fmt", "name"), [("markdown", "x.md"), ("akn", "x.xml")])
def test_markdown_and_akoma_ntoso_keep_the_target(fmt: str, name: str) -> None:
    back = import_bytes(
        export_model(DOC, fmt),
        name,
        "markdown" if fmt == "markdown" else "akn",
        "orchard",
    ).document
    assert back.articles["art-1"] == ARTICLE


def test_akoma_ntoso_writes_ref_href() -> None:
    root = etree.fromstring(export_model(DOC, "akn"))
    refs = [el for el in root.iter() if el.tag.endswith("}ref")]
    assert [(r.get("href"), r.text) for r in refs] == [(LINK.href, LINK.text)]


def test_show_markdown_and_hand_written_markdown_links() -> None:
    reader = Reader(DOC)
    shown = as_markdown(reader, reader.outline())
    assert "[county water guidance](<https://example.org/water?a=1&b=2#top>)" in shown
    source = '# T\n\n## Article 1\n\nSee [the rules](https://example.org/r "Rules").\n'
    doc = import_bytes(source.encode(), "x.md", "markdown", "t").document
    assert Hyperlink("https://example.org/r", "the rules") in (
        doc.articles["art-1"].paragraphs[0].items[0].runs  # type: ignore[union-attr]
    )


def test_the_site_links_outside() -> None:
    from bylaws.site.render import DocContext, runs_html
    from bylaws.site.urls import SiteUrls

    ctx = DocContext.of(DOC, SiteUrls("orchard"), {})
    runs = ARTICLE.paragraphs[0].items[0].runs  # type: ignore[union-attr]
    html, plain = runs_html(ctx, runs, "orchard/index.md")
    assert 'href="https://example.org/water?a=1&amp;b=2#top"' in str(html)
    assert plain == "Members follow the county water guidance at all times."
