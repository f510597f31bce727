"""The review site: pure page builders and the mkdocs plugin that serves them."""

from __future__ import annotations

from .build import SiteBuild, build, serve, site_pages, write_markdown
from .pages import SitePage, document_pages

__all__ = [
    "SiteBuild",
    "SitePage",
    "build",
    "document_pages",
    "serve",
    "site_pages",
    "write_markdown",
]
