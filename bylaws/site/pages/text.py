"""The text in force: the document's home page and one page per top-level division."""

from __future__ import annotations

from bylaws.model import ArticleEntry, Division, OutlineNode
from bylaws.numbering import number_divisions

from ..escape import Html
from ..render import article_blocks, article_html
from .builder import Builder
from .outline import TextGroup, division_title, search_copy
from .page import SitePage

__all__ = ["home_page", "text_page"]


def text_page(b: Builder, group: TextGroup) -> SitePage:
    """One top-level division (or the loose articles) with every article in it."""
    page = b.urls.text(group.id)
    numbers = number_divisions(b.doc)
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

    walk(group.nodes, True)
    return b.page(page, group.title, Html("\n").join(parts), "text")


def _article_in_text(b: Builder, page: str, entry: ArticleEntry) -> Html:
    article = None if entry.repealed else b.doc.articles.get(entry.ref)
    if article is None:
        return article_html(b.ctx, article, page, entry.ref)
    text = " ".join(
        [article.heading or ""] + [x.text for x in article_blocks(b.ctx, article, None)]
    )
    more = b.link(page, b.urls.article(entry.ref), b.labels["see_article"])
    touching = b.touching(entry.ref)
    if touching:
        links = Html(b.list_separator).join(
            b.proposal_link(page, p.id) for p in touching
        )
        more += Html(" · {}: {}").format(b.labels["proposals"], links)
    extra = Html(
        '\n<p class="bylaws-article-links" data-search-exclude>{}</p>\n{}'
    ).format(more, search_copy(text))
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
    facts = [x for x in (meta.organisation, meta.version, meta.date) if x]
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
