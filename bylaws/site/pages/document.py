"""Every page of one document, in nav order."""

from __future__ import annotations

from bylaws.model import iter_entries
from bylaws.overlay import touched_articles

from ..integration import Switch
from ..sources import DocumentBundle
from ..urls import SiteUrls
from .adopted import adopted_page
from .article import article_page
from .builder import Builder
from .collisions import collisions_page
from .consolidated import consolidated_page
from .disposition import disposition_page
from .page import SitePage
from .proposal import proposal_page, proposals_index
from .text import home_page, text_page

__all__ = ["document_pages"]


def _other_switch(switch: Switch) -> Switch:
    return "recommended" if switch == "adopted" else "adopted"


def _article_ids(b: Builder) -> list[str]:
    """Articles with a page: in force or added by a proposal, in reading order."""
    bundle = b.bundle
    ids = dict.fromkeys(
        [e.ref for e in iter_entries(bundle.doc.outline)]
        + [ref for p in bundle.proposals for ref in touched_articles(p)]
    )
    known = set(b.ctx.numbers) | {
        ref for d in b.proposed.values() for ref in d.articles
    }
    return [a for a in ids if a in known]


def document_pages(
    bundle: DocumentBundle,
    *,
    directory_urls: bool = True,
    switch: Switch = "adopted",
    comments_to: str = "",
) -> list[SitePage]:
    """Every page of one document, in nav order.

    Args:
        bundle: the document, its proposals and its feedback.
        directory_urls: mkdocs' `use_directory_urls`, which shapes relative links.
        switch: which proposals the main consolidated draft applies.
        comments_to: the secretariat's address for "send a comment" links.
    """
    urls = SiteUrls(bundle.doc.id, directory_urls)
    b = Builder(bundle, urls, switch, comments_to)
    pages = [home_page(b)]
    pages.extend(text_page(b, g) for g in b.groups)
    pages.append(proposals_index(b))
    pages.extend(proposal_page(b, p) for p in bundle.proposals)
    main = urls.consolidated()
    other_switch = _other_switch(switch)
    other = main.replace("consolidated.md", f"consolidated-{other_switch}.md")
    pages.append(consolidated_page(b, switch, main, other))
    pages.append(consolidated_page(b, other_switch, other, main))
    pages.append(collisions_page(b))
    pages.append(disposition_page(b))
    if bundle.adopted:
        pages.append(adopted_page(b))
    pages.extend(article_page(b, a) for a in _article_ids(b))
    return pages
