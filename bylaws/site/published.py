"""Where a diff's new side is published, from the site's address in mkdocs.yml.

A review comment that cannot hold the whole redline links to it; when no link
is given, this finds the page the site publishes for the same text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .urls import SiteUrls

__all__ = ["published_link"]


class _LenientLoader(yaml.SafeLoader):
    """YAML's safe loader that reads mkdocs' `!!python/name:` tags as nothing."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    del loader, suffix, node
    return None


_LenientLoader.add_multi_constructor("", _ignore_tag)


def site_url(config: Path) -> str | None:
    """mkdocs.yml's site_url, ending in a slash; None when unset or unreadable."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_LenientLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    url = data.get("site_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.strip():
        return None
    return url.strip().rstrip("/") + "/"


def published_link(operand: str, config: Path = Path("mkdocs.yml")) -> str | None:
    """The published page of a diff operand, from `config`'s site_url.

    A proposal folder links to its redline page, a document folder to its
    home page (also at a revision, REV:PATH); anything else, or no site_url,
    gives None.
    """
    base = site_url(config)
    path = Path(operand.split(":", 1)[1]) if ":" in operand else Path(operand)
    if base is None or not path.is_dir():
        return None
    parts = path.resolve().parts
    if len(parts) >= 3 and parts[-2] == "proposals":
        urls = SiteUrls(parts[-3])
        return base + urls.page_url(urls.proposal(parts[-1]))
    if (path / "document.xml").is_file():
        urls = SiteUrls(parts[-1])
        return base + urls.page_url(urls.home())
    return None
