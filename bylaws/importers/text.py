"""Plain text (Arabic or English) -> a document."""

from __future__ import annotations

from ..model import Document
from .builder import Draft, finish
from .common import decode_text, guess_lang, section_is_article
from .headings import HeadingForm
from .lines import SourceLine, parse_lines


def import_text(
    data: bytes,
    path: str,
    doc_id: str,
    lang: str | None = None,
    heading: HeadingForm | None = None,
) -> tuple[Document, Draft]:
    """A plain text's structure found from the shape of its lines.

    Returns the document and the draft, whose `warnings` say what was guessed.
    """
    text = decode_text(data, path)
    raw = text.split("\n")
    draft = Draft(lang=lang or guess_lang(text), doc_id=doc_id)
    lines = [_source_line(line, i) for i, line in enumerate(raw, start=1)]
    parse_lines(draft, lines, section_is_article(raw), heading)
    return finish(draft, path, prose_refs=True), draft


def _source_line(line: str, number: int) -> SourceLine:
    """A line; one that opens with "* " is an editorial note, as `bylaws show`
    writes notes (and as footnotes and remarks are usually marked)."""
    stripped = line.strip()
    if stripped.startswith("* ") and stripped[2:].strip():
        return SourceLine(stripped[2:].strip(), number, note=True)
    return SourceLine(line, number)
