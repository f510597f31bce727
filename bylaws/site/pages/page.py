"""One generated page and the Markdown file mkdocs reads for it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..escape import Html, front_matter_title

__all__ = ["SitePage"]

# The search plugin joins the text of adjacent cells and items as it finds
# it: a space between them keeps their last and first words apart.
_ADJACENT_CELLS_RE = re.compile(r"</(td|th|li|dd|dt|p)><")


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
        body = _ADJACENT_CELLS_RE.sub(r"</\1> <", str(self.body))
        return front + str(page.format(direction, self.lang, Html(body)))
