"""Plain text (Arabic or English) -> a document."""

from __future__ import annotations

from ..model import Document
from .builder import Draft, finish
from .common import decode_text, guess_lang, section_is_article
from .headings import HeadingForm
from .lines import parse_lines
from .lists import BULLET, INDENTED, ListDepth
from .normalise import normalise_letters, rejoin_wrapped, unmirror
from .source import SourceLine


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
    text = normalise_letters(decode_text(data, path), arabic=False)
    draft = Draft(lang=lang or guess_lang(text), doc_id=doc_id)
    arabic = draft.lang.startswith("ar")
    raw = text.split("\n")
    if arabic:
        raw = [unmirror(normalise_letters(line, arabic)) for line in raw]
    depths = ListDepth(arabic=arabic)
    lines = [_source_line(line, i, depths) for i, line in rejoin_wrapped(raw, arabic)]
    parse_lines(draft, lines, section_is_article(raw), heading)
    return finish(draft, path, prose_refs=True), draft


def _source_line(line: str, number: int, lists: ListDepth) -> SourceLine:
    """A line; one that opens with "* " is an editorial note, as `bylaws show`
    writes notes (and as footnotes and remarks are usually marked).

    A bulleted line, or an indented one that opens with a label, is a list
    item as deep as its indentation; an unindented line closes the list.
    """
    stripped = line.strip()
    if stripped.startswith("* ") and stripped[2:].strip():
        return SourceLine(stripped[2:].strip(), number, note=True)
    bullet = BULLET.match(line)
    if bullet and bullet.group("text"):
        depth = lists.depth(bullet.group("indent"))
        return SourceLine(bullet.group("text"), number, depth=depth, item=True)
    indented = INDENTED.match(line)
    label = lists.label(stripped) if indented else None
    # An indented paragraph number alone is a first-line indent, not a list.
    if indented and label and (lists.open or label.kind == "point"):
        return SourceLine(stripped, number, depth=lists.depth(indented.group("indent")))
    within = lists.continued(indented.group("indent")) if indented else None
    if within is not None:
        # Text of an open item, as deep as its label: `show` writes it so.
        return SourceLine(stripped, number, depth=within)
    if stripped and not line[0].isspace():
        lists.close()
    return SourceLine(line, number)
