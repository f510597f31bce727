"""The folded field of the site's search index, added after material writes it.

material's search plugin indexes each section's original text; this adds a
field `folded` (the `search_key` of the title and text) that the worker
indexes too, so a query folded the same way finds a word however it is
spelled, while results still show the text as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from bylaws.text import search_key
from bylaws.workspace import write_atomic

__all__ = ["FOLDED_FIELD", "add_folded_field", "index_script"]

FOLDED_FIELD = "folded"
_TAG_RE = re.compile(r"<[^>]*>")


def _plain(html_text: str) -> str:
    return _TAG_RE.sub(" ", html_text)


def add_folded_field(index_file: Path) -> bool:
    """Add the folded field to every entry of a search index; False if none."""
    if not index_file.is_file():
        return False
    data: dict[str, Any] = json.loads(index_file.read_text(encoding="utf-8"))
    fields = data.setdefault("config", {}).setdefault("fields", {})
    fields[FOLDED_FIELD] = {"boost": 10}
    # An article's words are indexed on several pages (its own, its division's,
    # the consolidated text): each distinct section is folded once.
    folded: dict[str, str] = {}
    for entry in data.get("docs", []):
        words = f"{_plain(entry.get('title', ''))} {_plain(entry.get('text', ''))}"
        keys = folded.get(words)
        if keys is None:
            keys = folded[words] = " ".join(dict.fromkeys(search_key(words).split()))
        entry[FOLDED_FIELD] = keys
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomic(index_file, text.encode("utf-8"))
    return True


def index_script(search_dir: Path) -> None:
    """search_index.js beside search_index.json: what the theme loads from file://.

    The theme's offline plugin writes the same file but also adds a script
    from a third-party CDN; the site loads nothing from the network.
    """
    index_file = search_dir / "search_index.json"
    if index_file.is_file():
        data = index_file.read_text(encoding="utf-8")
        write_atomic(search_dir / "search_index.js", f"var __index = {data}".encode())
