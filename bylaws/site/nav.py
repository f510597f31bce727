"""The site's navigation as mkdocs' `nav` setting: generated pages, then the manual.

Built from the pages and the manual files that exist, so a manual page
written later appears without touching `mkdocs.yml`, and a missing one never
breaks `mkdocs build --strict`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

from .escape import nav_title
from .labels import Labels
from .pages import SitePage

__all__ = ["DEVELOPER_PAGES", "MANUAL_SECTIONS", "manual_nav", "site_nav"]

# Folders of docs/ in reading order, with the label key of their nav section:
# the reviewer's first.
MANUAL_SECTIONS: tuple[tuple[str, str], ...] = (
    ("reviewing", "section_reviewing"),
    ("drafting", "section_drafting"),
    ("guides", "section_guides"),
    ("reference", "section_reference"),
    ("cli", "section_cli"),
)
# Pages for people who run or change `bylaws`, not for reviewers: out of the
# nav unless the plugin's `developer_pages` option asks for them (they are
# still built, and linked from the manual).
DEVELOPER_PAGES = ("cli/", "contributing/", "benchmarks.md")


def _for_developers(path: str) -> bool:
    return any(
        path.startswith(p) if p.endswith("/") else path == p for p in DEVELOPER_PAGES
    )


NavItem = Any  # str | dict[str, str | list[NavItem]], as mkdocs reads it


def _entry(page: SitePage) -> NavItem:
    return {nav_title(page.title): page.src_uri}


def document_nav(pages: Sequence[SitePage], labels: Labels, title: str) -> NavItem:
    """One document's section: home, text, proposals, consolidated, tables."""
    by_section: dict[str, list[SitePage]] = {}
    for page in pages:
        by_section.setdefault(page.section, []).append(page)
    items: list[NavItem] = [_entry(p) for p in by_section.get("home", [])]
    items.append(
        {nav_title(labels["text"]): [_entry(p) for p in by_section.get("text", [])]}
    )
    proposals = [p.src_uri for p in by_section.get("proposals-index", [])]
    proposals += [_entry(p) for p in by_section.get("proposals", [])]
    items.append({nav_title(labels["proposals"]): proposals})
    for section in ("consolidated", "collisions", "disposition", "adopted"):
        items.extend(_entry(p) for p in by_section.get(section, []))
    return {nav_title(title): items}


def _inside(paths: list[str], folder: str) -> list[str]:
    return [p for p in paths if p.startswith(folder + "/")]


def _index_first(paths: list[str]) -> list[str]:
    index = [p for p in paths if posixpath.basename(p) == "index.md"]
    return index + [p for p in paths if p not in index]


def manual_nav(doc_pages: Iterable[str], labels: Labels) -> list[NavItem]:
    """The manual's pages (paths relative to docs/), grouped by folder.

    The known folders come first, in reading order and under their labels;
    any other folder follows under its own name; loose pages come last.
    """
    paths = sorted(p for p in doc_pages if p.endswith(".md"))
    items: list[NavItem] = [
        {nav_title(labels[key]): _index_first(_inside(paths, folder))}
        for folder, key in MANUAL_SECTIONS
        if _inside(paths, folder)
    ]
    known = {folder for folder, _ in MANUAL_SECTIONS}
    others = sorted({p.split("/")[0] for p in paths if "/" in p} - known)
    items.extend({nav_title(folder): _inside(paths, folder)} for folder in others)
    items.extend(p for p in paths if "/" not in p and p != "index.md")
    return items


def site_nav(
    home: str | None,
    documents: Sequence[tuple[str, Sequence[SitePage], Labels]],
    manual: Iterable[str],
    labels: Labels,
    developer_pages: bool = False,
) -> list[NavItem]:
    """The whole nav: the home page, each document, the manual, then (if asked)
    the developer's pages in their own section."""
    nav: list[NavItem] = [home] if home else []
    for title, pages, doc_labels in documents:
        nav.append(document_nav(pages, doc_labels, title))
    paths = list(manual)
    manual_items = manual_nav([p for p in paths if not _for_developers(p)], labels)
    if manual_items:
        nav.append({nav_title(labels["manual"]): manual_items})
    if developer_pages:
        developer_items = manual_nav([p for p in paths if _for_developers(p)], labels)
        if developer_items:
            nav.append({nav_title(labels["section_developers"]): developer_items})
    return nav
