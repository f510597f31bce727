"""One generated page and the Markdown file mkdocs reads for it."""

from __future__ import annotations

from dataclasses import dataclass

from ..escape import Html, front_matter_title

__all__ = ["SitePage"]


@dataclass(frozen=True)
class SitePage:
    """One generated page: where it goes, its title (plain text) and its HTML body.

    `section` names the nav section it belongs to ("text", "proposals", …);
    pages with section "" stay out of the nav (they are linked from others).
    """

    src_uri: str
    title: str
    body: Html
    section: str = ""
    lang: str = "ar"
    rtl: bool = True
    searchable: bool = True

    def markdown(self) -> str:
        """The page as mkdocs reads it: front matter, then one raw HTML block."""
        direction = "rtl" if self.rtl else "ltr"
        # material's search plugin honours `search: {exclude: true}`.
        exclude = "" if self.searchable else "search:\n  exclude: true\n"
        page = Html('<div class="bylaws-page" dir="{}" lang="{}">\n{}\n</div>\n')
        # The front matter is YAML, not HTML: it is quoted by `front_matter_title`.
        front = f"---\n{front_matter_title(self.title)}\n{exclude}---\n\n"
        return front + str(page.format(direction, self.lang, self.body))
