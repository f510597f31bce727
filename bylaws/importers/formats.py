"""Names shared by an importer and the exporter of the same format.

They live here, below both, so that importers never import exporters.
"""

from __future__ import annotations

import re

# Markdown: characters our exporter escapes with a backslash.
MARKDOWN_SPECIAL = "\\`*_[]<>{}|"

# WordprocessingML.
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CUSTOM_PROPERTY = "bylaws"  # the custom document property carrying our settings


# Word bookmark names: a letter first, then letters, digits and underscores,
# at most 40 characters. Ours start with BOOKMARK_PREFIX; an address's slug
# keeps its letters and digits, its hyphens become underscores, and each
# "/para-N" or "/point-N" becomes "PN" or "QN" (slugs are lower case, so the
# capitals cannot be confused with them). Names of earlier exports ("b_…")
# are still read, as well as their scheme allows.
BOOKMARK_PREFIX = "b2_"
BOOKMARK_MAX = 40
_LEVELS = {"para": "P", "point": "Q"}
_LEVEL_OF = {v: k for k, v in _LEVELS.items()}
_HASHED = "H"  # a name too long to carry its address whole


def bookmark_name(address: str) -> str:
    """The Word bookmark name for an address: reversible, and within 40 characters.

    An address too long for 40 characters gets a shortened name with a hash
    (unique, but `address_of_bookmark` cannot read it back).
    """
    slug, *steps = address.split("/")
    name = BOOKMARK_PREFIX + slug.replace("-", "_")
    for step in steps:
        level, number = step.rsplit("-", 1)
        name += _LEVELS[level] + number
    if len(name) <= BOOKMARK_MAX:
        return name
    import hashlib

    digest = hashlib.sha1(address.encode()).hexdigest()[:8]
    return name[: BOOKMARK_MAX - len(digest) - 1] + _HASHED + digest


def _legacy_address(body: str) -> str:
    return body.replace("__", "/").replace("_", "-")


def address_of_bookmark(name: str) -> str | None:
    """The address a bookmark name of ours stands for; None for anyone else's."""
    if name.startswith("b_"):
        return _legacy_address(name[2:])
    if not name.startswith(BOOKMARK_PREFIX):
        return None
    body = name[len(BOOKMARK_PREFIX) :]
    if _HASHED in body or not body:
        return None
    parts = re.split(r"([PQ])", body)
    address = parts[0].replace("_", "-")
    for marker, number in zip(parts[1::2], parts[2::2], strict=True):
        address += f"/{_LEVEL_OF[marker]}-{number}"
    return address
