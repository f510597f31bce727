"""A document (or a proposed one) as Markdown that imports back exactly.

Front matter carries the document's id, language, numbering and metadata;
headings carry ids as `{#id}` (the attr_list syntax mkdocs understands);
references are links to their target's address; points are list items,
nested by indentation. A line of text that would read as a heading or label
starts with a backslash.
"""

from __future__ import annotations

import re

from ..importers.formats import CLOSING_ANCHOR
from ..locale import _, is_arabic, tr
from ..model import Article, Document, Hyperlink, Inline, P, Point, Text
from ..render import Reader
from ..text import ARABIC_LETTERS
from .walk import ArticleBlock, Block, DivisionBlock, blocks

_SPECIAL = re.compile(r"([\\`*_\[\]<>{}|])")
_LINE_START = re.compile(
    rf"^(?:[-+#>]|\d+[.)]|\(|[{ARABIC_LETTERS}]\s*[-–—)]|\S+\s*[:\-–—])"
)


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _runs(runs: tuple[Inline, ...], reader: Reader) -> str:
    out = []
    for run in runs:
        if isinstance(run, Text):
            out.append(escape(run.value))
        elif isinstance(run, Hyperlink):
            out.append(f"[{escape(run.text)}](<{run.href}>)")
        else:
            out.append(f"[{escape(reader.ref(run))}](#{run.to})")
    return "".join(out)


def _text_line(runs: tuple[Inline, ...], reader: Reader) -> str:
    line = _runs(runs, reader)
    if line.startswith("\\"):
        return line  # an escaped mark already opens it: read as text
    if _needs_escape(line, reader) or _needs_escape(reader.runs(runs), reader):
        return "\\" + line
    return line


def _needs_escape(line: str, reader: Reader) -> bool:
    from ..importers.patterns import article_head, division_head, numbered

    plain = line.lstrip()
    if not plain:
        return False
    if _LINE_START.match(plain):
        return True
    arabic = is_arabic(reader.doc)
    return (
        numbered(plain, arabic) is not None
        or article_head(plain, True) is not None
        or division_head(plain) is not None
    )


def _items(
    items: tuple[P | Point, ...], depth: int, reader: Reader, out: list[str]
) -> None:
    """Points as list items; text inside a point as its continuation lines."""
    count = 0
    indent = "  " * depth
    for item in items:
        if isinstance(item, P):
            out.append(
                indent + _text_line(item.runs, reader)
                if depth
                else _text_line(item.runs, reader)
            )
            out.append("")
            continue
        count += 1
        label = reader.point_label(count, depth + 1)
        first, rest = (item.items[0], item.items[1:]) if item.items else (None, ())
        if isinstance(first, P):
            body = _runs(first.runs, reader)
            out.append(f"{indent}- {label} {body}".rstrip())
        else:
            out.append(f"{indent}- {label}")
            rest = item.items
        out.append("")
        _items(tuple(rest), depth + 1, reader, out)


def _article(block: ArticleBlock, reader: Reader, out: list[str]) -> None:
    level = "#" * min(6, block.depth + 2)
    article: Article | None = block.article
    if article is None:
        out.append(
            f"{level} {block.label} {reader.repealed_mark()} {{#{block.entry.ref}}}"
        )
        out.append("")
        return
    heading = f": {escape(article.heading)}" if article.heading else ""
    out.append(f"{level} {block.label}{heading} {{#{article.id}}}")
    out.append("")
    for p in article.intro:
        out += [_text_line(p.runs, reader), ""]
    many = len(article.paragraphs) > 1 or bool(article.intro)
    for n, paragraph in enumerate(article.paragraphs, start=1):
        items = paragraph.items
        if many:
            label = reader.paragraph_label(n)
            if items and isinstance(items[0], P):
                out.append(f"{label} {_runs(items[0].runs, reader)}".rstrip())
                items = items[1:]
            else:
                out.append(label)
            out.append("")
        _items(items, 0, reader, out)
    for note in article.notes:
        out.append("> " + _runs(note.runs, reader))
        out.append("")


def _front_matter(doc: Document) -> list[str]:
    meta = doc.meta
    lines = ["---", "bylaws: 1", f"id: {doc.id}", f"lang: {doc.lang}"]
    lines += [f"numbering: {doc.numbering}", f"style: {doc.style}"]
    for key, value in (
        ("title", meta.title),
        ("short-title", meta.short_title),
        ("organisation", meta.organisation),
        ("version", meta.version),
        ("date", meta.date),
    ):
        if value is not None:
            lines.append(f"{key}: {value}")
    lines += [f"stage: {s.id} | {s.label}" for s in meta.stages]
    lines += [f"sender: {s.address} | {s.body}" for s in meta.senders]
    return [*lines, "---", ""]


def export_markdown(doc: Document) -> bytes:
    """The document as Markdown (UTF-8), front matter first."""
    reader = Reader(doc)
    out = _front_matter(doc)
    # A title ending in "#" would read as a heading's closing #s: escape it.
    title = re.sub(r"#$", r"\\#", escape(doc.meta.title))
    out += [f"# {title}", ""]
    for p in doc.preamble:
        out += [_text_line(p.runs, reader), ""]
    block: Block
    for block in blocks(doc, reader):
        if isinstance(block, DivisionBlock):
            level = "#" * min(6, block.depth + 2)
            heading = escape(reader.division_line(block.division, one_line=True))
            out.append(f"{level} {heading} {{#{block.division.id}}}")
            out.append("")
        else:
            _article(block, reader, out)
    if doc.closing:
        # A heading of its own, so that the closing is not read as article text.
        out += [f"## {escape(tr(_('Closing'), doc.lang))} {{#{CLOSING_ANCHOR}}}", ""]
        for p in doc.closing:
            out += [_text_line(p.runs, reader), ""]
    return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")
