"""Pure page builders: a document and its proposals in, pages as strings out.

Each page is a Markdown file made of raw HTML blocks, so Python-Markdown
passes it through untouched and nothing written in an article can become
Markdown or HTML syntax. `SitePage.markdown()` is what the mkdocs plugin
serves and what `bylaws site markdown` writes. The HTML is `escape.Html`
throughout, so text from a file is escaped wherever it joins a page.

One module per page family: `text` (home and text in force), `proposal`,
`article`, `consolidated`, `collisions`, `disposition`; `document` puts them
in nav order. `builder` holds what a document's pages share, `pieces` the
fragments several families use, `outline` how the text is cut into pages.
"""

from .document import document_pages
from .outline import TextGroup, search_copy, text_groups
from .page import SitePage

__all__ = ["SitePage", "TextGroup", "document_pages", "search_copy", "text_groups"]
