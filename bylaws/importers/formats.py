"""Names shared by an importer and the exporter of the same format.

They live here, below both, so that importers never import exporters.
"""

from __future__ import annotations

# Markdown: characters our exporter escapes with a backslash.
MARKDOWN_SPECIAL = "\\`*_[]<>{}|"
# Markdown: the anchor of the heading our exporter puts over a closing text.
CLOSING_ANCHOR = "closing"

# WordprocessingML.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CUSTOM_PROPERTY = "bylaws"  # the custom document property carrying our settings


def bookmark_name(address: str) -> str:
    """A Word bookmark name for an address: letters, digits and underscores only."""
    return "b_" + address.replace("-", "_").replace("/", "__")


def address_of_bookmark(name: str) -> str | None:
    """The address a bookmark name of ours stands for; None for anyone else's."""
    if not name.startswith("b_"):
        return None
    return name[2:].replace("__", "/").replace("_", "-")
