"""sitemap.xml for a site whose address is not known (no `site_url`).

mkdocs fills sitemap.xml only from `site_url`, and leaves it empty without
one. A review site is often built before anyone knows where it will be
published (or never is: a copy on disk), so the plugin then lists every page
by its address relative to the site's root, in the sitemap's own format.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from bylaws.workspace import write_atomic

__all__ = ["write_sitemap"]

_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_sitemap(site_dir: Path, urls: Iterable[str]) -> None:
    """Write sitemap.xml (and the .gz mkdocs writes beside it) for these URLs."""
    entries = "".join(
        f"  <url>\n    <loc>{escape(url)}</loc>\n  </url>\n"
        for url in sorted(set(urls))
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{_NAMESPACE}">\n{entries}</urlset>\n'
    ).encode()
    write_atomic(site_dir / "sitemap.xml", text)
    write_atomic(site_dir / "sitemap.xml.gz", gzip.compress(text, mtime=0))
