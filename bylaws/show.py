"""`bylaws show`: the reader's view of a document as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .formatters.markdown import escape
from .render import ReadArticle, ReadDivision, Reader
from .text import json_escaped

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


def as_markdown(reader: Reader, items: Iterable[Item], title: bool = True) -> str:
    """Markdown with escaped text: divisions and articles as headings."""
    lines: list[str] = []
    if title:
        lines += [f"# {escape(reader.doc.meta.title)}", ""]
    article_level = 2
    for item in items:
        if isinstance(item, ReadDivision):
            level = min(2 + item.depth, 5)
            article_level = level + 1
            heading = f"{escape(item.label)}: {escape(item.heading)}"
            lines += [f"{'#' * level} {heading}", ""]
            continue
        heading = escape(_heading(item))
        lines += [f"{'#' * article_level} {heading} {{#{item.id}}}", ""]
        if item.repealed:
            lines += [escape(reader.repealed_mark()), ""]
            continue
        for block in item.blocks:
            indent = "    " * max(block.depth - 1, 0)
            label = f"{escape(block.label)} " if block.label else ""
            bullet = "- " if block.depth else ""
            lines.append(f"{indent}{bullet}{label}{escape(block.text)}")
            lines.append("")
        for note in item.notes:
            lines += [f"> {escape(note)}", ""]
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
    return json_escaped(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


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
