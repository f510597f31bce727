"""The text in force: the document's home page and one page per top-level division."""

from __future__ import annotations

from bylaws.locale import _, language_of, tr
from bylaws.model import ArticleEntry, Division, OutlineNode, P
from bylaws.numbering import number_divisions

from ..escape import Html
from ..render import article_html
from .builder import Builder
from .outline import TextGroup, division_title
from .page import SitePage
from .pieces import paragraphs_html
from .rulings import date_html

__all__ = ["home_page", "text_page"]


def text_page(b: Builder, group: TextGroup) -> SitePage:
    """One top-level division (or the loose articles) with every article in it."""
    page = b.urls.text(group.id)
    numbers = number_divisions(b.doc)
    whole = [n for n in group.nodes if isinstance(n, Division) and n.id == group.id]
    # A division's page is where a reference to it ("this Article") leads.
    if whole:
        parts = [Html('<h1 id="{}">{}</h1>').format(group.id, group.title)]
    else:
        parts = [Html("<h1>{}</h1>").format(group.title)]

    def walk(nodes: tuple[OutlineNode, ...], top: bool) -> None:
        for node in nodes:
            if isinstance(node, Division):
                if not top:
                    parts.append(
                        Html('<h2 class="bylaws-division" id="{}">{}</h2>').format(
                            node.id, division_title(b.doc, numbers, node)
                        )
                    )
                walk(node.children, False)
                continue
            parts.append(_article_in_text(b, page, node))

    first, last = b.groups[0].id, b.groups[-1].id
    if group.id == first and b.doc.preamble:
        parts.insert(1, _document_text(b, page, "preamble", b.doc.preamble))
    walk(group.nodes, True)
    if group.id == last and b.doc.closing:
        parts.append(_document_text(b, page, "closing", b.doc.closing))
    return b.page(page, group.title, Html("\n").join(parts), "text")


def _document_text(b: Builder, page: str, kind: str, texts: tuple[P, ...]) -> Html:
    """The preamble or closing: the document's own text, outside any article."""
    return Html('<div class="bylaws-{}" id="{}">{}</div>').format(
        kind, kind, paragraphs_html(b.ctx, texts, page)
    )


def _page_label(b: Builder) -> str:
    """ "Article page", or "Section page" where the document's units are Sections."""
    units = b.doc.units
    if units is None:
        return b.labels["see_article"]
    return tr(_("{unit} page"), language_of(b.doc), unit=units.unit_name)


def _article_in_text(b: Builder, page: str, entry: ArticleEntry) -> Html:
    article = None if entry.repealed else b.doc.articles.get(entry.ref)
    if article is None:
        return article_html(b.ctx, article, page, entry.ref)
    more = b.link(page, b.urls.article(entry.ref), _page_label(b))
    touching = b.touching(entry.ref)
    if touching:
        links = Html(b.list_separator).join(
            b.proposal_link(page, p.id) for p in touching
        )
        more += Html(" · {}: {}").format(b.labels["proposals"], links)
    extra = Html('\n<p class="bylaws-article-links" data-search-exclude>{}</p>').format(
        more
    )
    return article_html(b.ctx, article, page, entry.ref, extra=extra)


def home_page(b: Builder) -> SitePage:
    """The document's first page: its facts and every way into it."""
    page = b.urls.home()
    meta = b.doc.meta
    rows = [
        (b.labels["text"], [(g.title, b.urls.text(g.id)) for g in b.groups]),
        (
            b.labels["proposals"],
            [(p.title, b.urls.proposal(p.id)) for p in b.bundle.proposals],
        ),
    ]
    parts = [Html("<h1>{}</h1>").format(meta.title)]
    facts: list[str | Html] = [x for x in (meta.organisation, meta.version) if x]
    if meta.date:
        facts.append(date_html(meta.date))
    if facts:
        parts.append(
            Html('<p class="bylaws-facts">{}</p>').format(Html(" · ").join(facts))
        )
    for heading, links in rows:
        parts.append(Html("<h2>{}</h2>").format(heading))
        parts.append(_link_list(b, page, links))
    others = [
        (b.labels["consolidated"], b.urls.consolidated()),
        (b.labels["collisions"], b.urls.collisions()),
        (b.labels["disposition"], b.urls.disposition()),
    ]
    parts.append(_link_list(b, page, others))
    return b.page(page, meta.short_title or meta.title, Html("\n").join(parts), "home")


def _link_list(b: Builder, page: str, links: list[tuple[str, str]]) -> Html:
    items = Html().join(
        Html("<li>{}</li>").format(b.link(page, uri, title)) for title, uri in links
    )
    return Html("<ul>{}</ul>").format(items)
