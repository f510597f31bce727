"""Where every generated page lives, and relative links between them.

Addresses are built from ids only (ASCII slugs), never from Arabic headings,
so a link stays valid when a heading or a number changes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from .escape import url_segment

__all__ = ["SiteUrls"]


@dataclass(frozen=True)
class SiteUrls:
    """Source paths (`src_uri`) of one document's pages and links between them."""

    document: str
    directory_urls: bool = True

    def _src(self, *parts: str) -> str:
        return "/".join([url_segment(self.document), *(url_segment(p) for p in parts)])

    def home(self) -> str:
        return self._src("index.md")

    def text(self, group: str) -> str:
        return self._src("text", group + ".md")

    def article(self, article_id: str) -> str:
        return self._src("articles", article_id + ".md")

    def proposals(self) -> str:
        return self._src("proposals", "index.md")

    def proposal(self, proposal_id: str) -> str:
        return self._src("proposals", proposal_id + ".md")

    def consolidated(self) -> str:
        return self._src("consolidated.md")

    def collisions(self) -> str:
        return self._src("collisions.md")

    def disposition(self) -> str:
        return self._src("disposition.md")

    def adopted(self) -> str:
        return self._src("adopted.md")

    def page_url(self, src_uri: str) -> str:
        """The URL mkdocs gives a page, relative to the site root."""
        stem = src_uri[: -len(".md")]
        if posixpath.basename(stem) == "index":
            return posixpath.dirname(stem) + "/" if "/" in stem else ""
        return stem + "/" if self.directory_urls else stem + ".html"

    def link(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """A relative URL from one page to another (or to an anchor in it)."""
        fragment = "#" + url_segment(anchor) if anchor else ""
        if from_src == to_src and fragment:
            return fragment
        return _relative(self, from_src, to_src) + fragment


# A page links to the same few pages again and again (every article of a
# division to its text page): each pair's path is worked out once.
@lru_cache(maxsize=1 << 16)
def _relative(urls: SiteUrls, from_src: str, to_src: str) -> str:
    here = urls.page_url(from_src)
    there = urls.page_url(to_src)
    # A directory URL ("a/b/") is its own base; a file URL's base is its folder.
    base = (
        here if urls.directory_urls or here.endswith("/") else posixpath.dirname(here)
    )
    rel = _relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = "./" if rel == "." else rel + "/"
    return rel


def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath` for the site's own paths, without asking the system
    for the current folder twice per link: ids are slugs, so a path holds no
    ".." and its folders cancel against the start's as relpath's would."""
    if ".." in path or ".." in start or path[:1] == "/" or start[:1] == "/":
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(base, to, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(base) - common) + to[common:]
    return "/".join(parts) if parts else "."
