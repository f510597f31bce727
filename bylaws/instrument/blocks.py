"""Restated articles and paragraphs: written as lines, and read back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..locale import _
from ..model import (
    Article,
    Document,
    Note,
    P,
    Paragraph,
    Point,
)
from ..numbering import (
    paragraph_label,
    point_label,
)
from .clauses import InstrumentError
from .designations import is_arabic
from .runs import decode_runs, encode_runs

_INDENT = "    "


def _item_lines(
    items: Sequence[P | Point],
    depth: int,
    doc: Document,
    shown: Document,
    out: list[str],
) -> None:
    """Items of a paragraph or point; the first P is already on the label line."""
    count = 0
    for item in items:
        if isinstance(item, P):
            out.append(_INDENT * depth + encode_runs(item.runs, shown))
        else:
            count += 1
            label = point_label(count, depth, doc.lang, doc.style)
            first, rest = split_first(item.items)
            line = _INDENT * depth + label
            if first is not None:
                line += " " + encode_runs(first.runs, shown)
            out.append(line)
            _item_lines(rest, depth + 1, doc, shown, out)


def split_first(items: Sequence[P | Point]) -> tuple[P | None, Sequence[P | Point]]:
    if items and isinstance(items[0], P):
        return items[0], items[1:]
    return None, items


def paragraph_lines(
    para: Paragraph, number: int | None, doc: Document, shown: Document
) -> list[str]:
    """One paragraph as lines; `number` None writes it without its label."""
    first, rest = split_first(para.items)
    text = encode_runs(first.runs, shown) if first is not None else ""
    if number is None:
        head = text
    else:
        label = paragraph_label(number, doc.lang, doc.style)
        head = f"{label} {text}" if first is not None else label
    out = [head]
    _item_lines(rest, 1, doc, shown, out)
    return out


def note_prefix(doc: Document) -> str:
    return "ملاحظة: " if is_arabic(doc) else "Note: "


def article_lines(
    article: Article, label: str, doc: Document, shown: Document
) -> list[str]:
    """A whole article as lines: label and heading, paragraphs, notes."""
    out = [f"{label}: {article.heading}" if article.heading is not None else label]
    single = len(article.paragraphs) == 1 and not _looks_labelled(
        article.paragraphs[0], doc
    )
    for i, para in enumerate(article.paragraphs, 1):
        out.extend(paragraph_lines(para, None if single else i, doc, shown))
    for note in article.notes:
        out.append(note_prefix(doc) + encode_runs(note.runs, shown))
    return out


def _looks_labelled(para: Paragraph, doc: Document) -> bool:
    first, _ = split_first(para.items)
    if first is None:
        return True
    text = encode_runs(first.runs, None)
    return bool(re.match(r"\(\S+?\)( |$)", text)) or text.startswith(note_prefix(doc))


class BlockLines:
    """Block lines being read back, with their line numbers."""

    def __init__(self, lines: list[tuple[int, str]], path: str, doc: Document) -> None:
        self.lines = lines
        self.pos = 0
        self.path = path
        self.doc = doc

    def peek(self) -> tuple[int, str] | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def fail(self, message: str, **args: str) -> InstrumentError:
        """The error at the line being read; `message` is a msgid, `args` its fields."""
        line = self.lines[min(self.pos, len(self.lines) - 1)][0] if self.lines else 0
        return InstrumentError(message, self.path, line, 1, **args)


def _depth(line: str) -> tuple[int, str]:
    stripped = line.lstrip(" ")
    return (len(line) - len(stripped)) // len(_INDENT), stripped


def _read_items(reader: BlockLines, depth: int, items: list[P | Point]) -> None:
    """Lines at `depth`: plain lines are Ps, labelled ones points (with their items)."""
    count = sum(1 for i in items if isinstance(i, Point))
    doc = reader.doc
    while (current := reader.peek()) is not None:
        level, text = _depth(current[1])
        if level < depth or (depth == 1 and level == 0):
            return
        if level > depth:
            raise reader.fail(_("this line is indented more than a point of its level"))
        label = point_label(count + 1, depth, doc.lang, doc.style)
        reader.pos += 1
        if text == label or text.startswith(label + " "):
            count += 1
            inner: list[P | Point] = []
            rest = text[len(label) + 1 :]
            if text != label:
                inner.append(P(decode_runs(rest)))
            _read_items(reader, depth + 1, inner)
            items.append(Point(tuple(inner)))
        else:
            items.append(P(decode_runs(text)))


def read_paragraph(reader: BlockLines, number: int | None) -> Paragraph:
    """One paragraph from its lines; `number` is the label it must carry (or None)."""
    current = reader.peek()
    if current is None:
        raise reader.fail(_("a paragraph is missing"))
    _level, text = _depth(current[1])
    items: list[P | Point] = []
    if number is not None:
        label = paragraph_label(number, reader.doc.lang, reader.doc.style)
        if not (text == label or text.startswith(label + " ")):
            raise reader.fail(_("expected paragraph {label} here"), label=label)
        text = text[len(label) + 1 :]
        reader.pos += 1
        if current[1].strip() != label:
            items.append(P(decode_runs(text)))
    else:
        reader.pos += 1
        items.append(P(decode_runs(text)))
    _read_items(reader, 1, items)
    return Paragraph(tuple(items))


def read_article(reader: BlockLines, ref: str | None) -> tuple[str | None, Article]:
    """An article block: returns the id given in its label line (if any) and the text."""
    current = reader.peek()
    if current is None:
        raise reader.fail(_("the article's text is missing"))
    reader.pos += 1
    head = current[1]
    label, _sep, heading = head.partition(": ")
    found = re.search(r"\[([a-z0-9][a-z0-9\-]*)\]$", label)
    given = found.group(1) if found else None
    doc = reader.doc
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    prefix = note_prefix(doc)
    first_label = paragraph_label(1, doc.lang, doc.style)
    peek = reader.peek()
    numbered = peek is not None and (
        peek[1] == first_label or peek[1].startswith(first_label + " ")
    )
    while (peek := reader.peek()) is not None:
        if paragraphs and peek[1].startswith(prefix):
            reader.pos += 1
            notes.append(Note(decode_runs(peek[1][len(prefix) :])))
            continue
        if notes or (paragraphs and not numbered):
            raise reader.fail(_("this line does not belong to the restated article"))
        paragraphs.append(
            read_paragraph(reader, len(paragraphs) + 1 if numbered else None)
        )
    if not paragraphs:
        raise reader.fail(_("an article needs at least one paragraph"))
    return given, Article(
        ref or given or "",
        heading if head.find(": ") >= 0 else None,
        tuple(paragraphs),
        tuple(notes),
    )
