"""`bylaws show`: the reader's view of a document as text, Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .formatters.markdown import escape
from .invisibles import json_escaped
from .model import Hyperlink, Inline
from .render import ReadArticle, ReadDivision, Reader

Item = ReadArticle | ReadDivision


def _heading(item: ReadArticle) -> str:
    return f"{item.label}: {item.heading}" if item.heading else item.label


def as_text(reader: Reader, items: Iterable[Item], whole: bool = False) -> str:
    """Plain text, one paragraph or point per line, points indented.

    Args:
        whole: the items are the whole document: its title and preamble
            come first and its closing last, so that the text imports back
            as the same document (a title line first, as bylaws are written).
    """
    doc = reader.doc
    lines: list[str] = []
    if whole and doc.meta.title:
        lines += [doc.meta.title, ""]
    if whole and doc.preamble:
        lines += [*(reader.runs(p.runs) for p in doc.preamble), ""]
    for item in items:
        if isinstance(item, ReadDivision):
            lines += ["", reader.division_line(item), ""]
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
    if whole and doc.closing:
        lines += [reader.runs(p.runs) for p in doc.closing]
    return "\n".join(lines).strip("\n") + "\n"


def as_markdown(reader: Reader, items: Iterable[Item], whole: bool = True) -> str:
    """Markdown with escaped text: divisions and articles as headings.

    Args:
        whole: the items are the whole document: its title and preamble come
            first and its closing last.
    """
    lines: list[str] = []
    doc = reader.doc
    if whole:
        lines += [f"# {escape(doc.meta.title)}", ""]
        for p in doc.preamble:
            lines += [escape(reader.runs(p.runs)), ""]
    article_level = 2
    for item in items:
        if isinstance(item, ReadDivision):
            level = min(2 + item.depth, 5)
            article_level = level + 1
            heading = escape(reader.division_line(item, one_line=True))
            lines += [f"{'#' * level} {heading}", ""]
            continue
        heading = escape(_heading(item))
        lines += [f"{'#' * article_level} {heading} {{#{item.id}}}", ""]
        if item.repealed:
            lines += [escape(reader.repealed_mark()), ""]
            continue
        article = reader.doc.articles[item.id]
        for block, line in zip(item.blocks, reader.lines(article), strict=True):
            indent = "    " * max(block.depth - 1, 0)
            label = f"{escape(block.label)} " if block.label else ""
            bullet = "- " if block.depth else ""
            lines.append(f"{indent}{bullet}{label}{_markdown_runs(reader, line.runs)}")
            lines.append("")
        for note in item.notes:
            lines += [f"> {escape(note)}", ""]
    if whole:
        for p in doc.closing:
            lines += [escape(reader.runs(p.runs)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_runs(reader: Reader, runs: tuple[Inline, ...]) -> str:
    """Runs as escaped Markdown: an outside link stays a link, with its target."""
    return "".join(
        f"[{escape(r.text)}](<{r.href}>)"
        if isinstance(r, Hyperlink)
        else escape(reader.runs((r,)))
        for r in runs
    )


def as_json(reader: Reader, items: Iterable[Item], whole: bool = False) -> str:
    """The reader's view as JSON: document metadata and items in order.

    Args:
        whole: the items are the whole document: its preamble and closing too.
    """
    doc = reader.doc
    payload: dict[str, object] = {
        "document": doc.id,
        "title": doc.meta.title,
        "lang": doc.lang,
        "direction": "rtl" if doc.rtl else "ltr",
        "items": [_json_item(item) for item in items],
    }
    if whole and doc.preamble:
        payload["preamble"] = [reader.runs(p.runs) for p in doc.preamble]
    if whole and doc.closing:
        payload["closing"] = [reader.runs(p.runs) for p in doc.closing]
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
