"""`bylaws show`: the reader's view of a document as text, Markdown or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from .render import ReadArticle, ReadDivision, Reader

Item = ReadArticle | ReadDivision


def _heading(item: ReadArticle) -> str:
    return f"{item.label}: {item.heading}" if item.heading else item.label


def as_text(reader: Reader, items: Iterable[Item]) -> str:
    """Plain text, one paragraph or point per line, points indented."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, ReadDivision):
            lines += ["", f"{item.label}: {item.heading}", ""]
            continue
        if item.repealed:
            lines += [f"{item.label} {reader.repealed_mark()}", ""]
            continue
        lines.append(_heading(item))
        for block in item.blocks:
            label = f"{block.label} " if block.label else ""
            lines.append("  " * block.depth + label + block.text)
        lines += [f"  * {note}" for note in item.notes]
        lines.append("")
    return "\n".join(lines).strip("\n") + "\n"


_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}!])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=])")
_MD_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def _md_escape(text: str) -> str:
    """Text from a file as inert Markdown: no syntax, no HTML, nothing live."""
    escaped = _MD_INLINE.sub(r"\\\1", text)
    escaped = _MD_LIST_NUMBER.sub(r"\1\\\2", escaped)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def as_markdown(reader: Reader, items: Iterable[Item], title: bool = True) -> str:
    """Markdown with escaped text: divisions and articles as headings."""
    lines: list[str] = []
    if title:
        lines += [f"# {_md_escape(reader.doc.meta.title)}", ""]
    article_level = 2
    for item in items:
        if isinstance(item, ReadDivision):
            level = min(2 + item.depth, 5)
            article_level = level + 1
            heading = f"{_md_escape(item.label)}: {_md_escape(item.heading)}"
            lines += [f"{'#' * level} {heading}", ""]
            continue
        heading = _md_escape(_heading(item))
        lines += [f"{'#' * article_level} {heading} {{#{item.id}}}", ""]
        if item.repealed:
            lines += [_md_escape(reader.repealed_mark()), ""]
            continue
        for block in item.blocks:
            indent = "    " * max(block.depth - 1, 0)
            label = f"{_md_escape(block.label)} " if block.label else ""
            bullet = "- " if block.depth else ""
            lines.append(f"{indent}{bullet}{label}{_md_escape(block.text)}")
            lines.append("")
        for note in item.notes:
            lines += [f"> {_md_escape(note)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(reader: Reader, items: Iterable[Item]) -> str:
    """The reader's view as JSON: document metadata and items in order."""
    doc = reader.doc
    payload = {
        "document": doc.id,
        "title": doc.meta.title,
        "lang": doc.lang,
        "direction": "rtl" if doc.rtl else "ltr",
        "items": [_json_item(item) for item in items],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _json_item(item: Item) -> dict[str, object]:
    if isinstance(item, ReadDivision):
        return {
            "type": item.kind,
            "id": item.id,
            "label": item.label,
            "heading": item.heading,
        }
    return {
        "type": "article",
        "id": item.id,
        "number": item.number,
        "label": item.label,
        "heading": item.heading,
        "repealed": item.repealed,
        "blocks": [
            {"address": b.address, "label": b.label, "depth": b.depth, "text": b.text}
            for b in item.blocks
        ],
        "notes": list(item.notes),
    }


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
