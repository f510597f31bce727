"""Names shared by an importer and the exporter of the same format.

They live here, below both, so that importers never import exporters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

# Markdown: characters our exporter escapes with a backslash.
MARKDOWN_SPECIAL = "\\`*_[]<>{}|"
# Markdown: the anchor of the heading our exporter puts over a closing text.
CLOSING_ANCHOR = "closing"

# WordprocessingML.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CUSTOM_PROPERTY = "bylaws"  # the custom document property carrying our settings


# Word keeps bookmark names of at most 40 characters: letters, digits, "_".
MAX_BOOKMARK = 40


def bookmark_name(address: str) -> str:
    """A Word bookmark name for an address: letters, digits and underscores only.

    Most addresses spell out (`b_art_x__para_2`) and read back by themselves;
    one too long for Word, or with an underscore of its own, gets a name
    from its digest (`h_…`), which the file's table of names reads back.
    """
    name = "b_" + address.replace("-", "_").replace("/", "__")
    if len(name) <= MAX_BOOKMARK and address_of_bookmark(name) == address:
        return name
    return "h_" + hashlib.sha256(address.encode("utf-8")).hexdigest()[:30]


def address_of_bookmark(
    name: str, table: Mapping[str, str] | None = None
) -> str | None:
    """The address a bookmark name of ours stands for; None for anyone else's.

    Args:
        table: digest names -> addresses, as the export records them.
    """
    if name.startswith("h_"):
        return (table or {}).get(name)
    if not name.startswith("b_"):
        return None
    return name[2:].replace("__", "/").replace("_", "-")
