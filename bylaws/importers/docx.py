"""Word (.docx) -> a document.

Reads `word/document.xml` (with `styles.xml` for heading levels and
`numbering.xml` for list formats) through the same safe XML parser as every
other file: no DTD, no entities, no network; the archive's parts are size
checked before they are read. Tracked changes are read as accepted, the
document as it reads with every change accepted: insertions and text moved
to a place kept, deletions and text moved away dropped, a deleted paragraph
mark joins its paragraph to the next, property changes take the new
properties; a warning says how many changes were accepted. A file written by `bylaws export --to
docx` comes back exactly: its settings, bookmarks and links carry the ids.
Warnings name the paragraph's position in the file as its line.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Mapping
from typing import cast

from lxml import etree

from ..errors import UnusableInput
from ..locale import _
from ..model import (
    Document,
    DocumentMeta,
    NumberingMode,
    NumberStyle,
    Sender,
    Stage,
    Text,
)
from ..xmlio import parse_bytes
from .builder import Draft, DraftRun, Link, finish
from .common import guess_lang, section_is_article
from .formats import CUSTOM_PROPERTY, W_NS, address_of_bookmark
from .headings import HeadingForm
from .lines import parse_lines
from .source import SourceLine

W = "{" + W_NS + "}"
# Tracked changes of every kind (ECMA-376 §17.13.5): what `import` accepts.
_DROPPED = (W + "del", W + "moveFrom")
_KEPT = (W + "ins", W + "moveTo")
_PROPERTY_CHANGES = tuple(
    W + name
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "tblGridChange",
        "trPrChange",
        "tcPrChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
    )
)
MAX_PART_BYTES = 50 * 1024 * 1024
# A Word file has tens of parts; a zip of a million entries is an attack.
MAX_PARTS = 10_000
# What a damaged or hostile archive raises while it is read: a CRC that does
# not match (a size header that lies), a truncated stream, an unknown
# compression method, an encrypted part.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)
_LETTER_FORMATS = {"lowerLetter", "upperLetter", "arabicAlpha", "arabicAbjad"}
_INDENT = 720


def _damaged(path: str, exc: BaseException) -> UnusableInput:
    return UnusableInput(
        _(
            "damaged Word file: the archive does not hold what its headers say ({reason})"
        ),
        path,
        reason=str(exc) or type(exc).__name__,
    )


def _open(data: bytes, path: str) -> zipfile.ZipFile:
    if not data.startswith(b"PK"):
        raise UnusableInput(_("not a Word .docx file (not a zip archive)"), path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnusableInput(
            _("not a Word .docx file (not a zip archive)"), path
        ) from None
    except _ARCHIVE_ERRORS as exc:
        raise _damaged(path, exc) from None
    if len(archive.infolist()) > MAX_PARTS:
        raise UnusableInput(
            _("damaged Word file: {count} parts, more than {limit}"),
            path,
            count=len(archive.infolist()),
            limit=MAX_PARTS,
        )
    for info in archive.infolist():
        if info.file_size > MAX_PART_BYTES:
            raise UnusableInput(
                _("part {part} would unpack to {size} MB; refusing a file that large"),
                path,
                part=info.filename,
                size=info.file_size // 1024 // 1024,
            )
    return archive


def _part(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    try:
        with archive.open(name) as part:
            # The size header was checked in `_open`; a part that lies about it
            # is cut here and then fails its CRC.
            data = part.read(MAX_PART_BYTES + 1)
    except KeyError:
        return None
    except _ARCHIVE_ERRORS as exc:
        raise _damaged(path, exc) from None
    if len(data) > MAX_PART_BYTES:
        raise UnusableInput(
            _("damaged Word file: part {part} is larger than its header says"),
            path,
            part=name,
        )
    # Parts are checked like any file of ours: no DOCTYPE, no entities.
    return parse_bytes(data, f"{path}!{name}")


def _heading_levels(styles: etree._Element | None) -> dict[str, int]:
    """Style ids mapped to heading levels (Title 0, Heading 1 -> 1 …)."""
    levels: dict[str, int] = {}
    if styles is None:
        return levels
    for style in styles.iter(W + "style"):
        style_id = style.get(W + "styleId", "")
        name_el = style.find(W + "name")
        name = (name_el.get(W + "val", "") if name_el is not None else "").lower()
        found = re.fullmatch(r"heading ?([1-9])", name) or re.fullmatch(
            r"heading([1-9])", style_id.lower()
        )
        if found:
            levels[style_id] = int(found.group(1))
        elif name == "title" or style_id == "Title":
            levels[style_id] = 0
    return levels


def _list_formats(numbering: etree._Element | None) -> dict[tuple[str, int], str]:
    """(numId, ilvl) -> the list's number format (decimal, arabicAbjad …)."""
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.iter(W + "abstractNum"):
        levels: dict[int, str] = {}
        for lvl in node.iter(W + "lvl"):
            fmt_el = lvl.find(W + "numFmt")
            levels[int(lvl.get(W + "ilvl", "0"))] = (
                fmt_el.get(W + "val", "") if fmt_el is not None else ""
            )
        abstract[node.get(W + "abstractNumId", "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.iter(W + "num"):
        abstract_id = num.find(W + "abstractNumId")
        key = abstract_id.get(W + "val", "") if abstract_id is not None else ""
        for ilvl, fmt in abstract.get(key, {}).items():
            formats[(num.get(W + "numId", ""), ilvl)] = fmt
    return formats


def file_settings(archive: zipfile.ZipFile, path: str) -> dict[str, object]:
    custom = _part(archive, "docProps/custom.xml", path)
    if custom is None:
        return {}
    for prop in custom:
        if prop.get("name") == CUSTOM_PROPERTY:
            try:
                value = json.loads("".join(str(t) for t in prop.itertext()))
            except json.JSONDecodeError:
                return {}
            return value if isinstance(value, dict) else {}
    return {}


def _runs(p: etree._Element, line: int, table: Mapping[str, str]) -> list[DraftRun]:
    """The paragraph's text as runs: insertions kept, deletions dropped, links kept."""
    out: list[DraftRun] = []

    def text_of(el: etree._Element) -> str:
        parts = []
        for node in el.iter(W + "t", W + "tab", W + "br"):
            if _inside(node, el, _DROPPED):
                continue
            parts.append(node.text or "" if node.tag == W + "t" else " ")
        return "".join(parts)

    for child in p:
        if child.tag == W + "hyperlink":
            anchor = child.get(W + "anchor")
            text = text_of(child)
            address = address_of_bookmark(anchor, table) if anchor else None
            out.append(Link(address, text, line) if address else Text(text))
        elif child.tag in (
            W + "r",
            W + "ins",
            W + "moveTo",  # a moved text at its new place; w:moveFrom is dropped
            W + "smartTag",
            W + "sdt",
            W + "fldSimple",
        ):
            out.append(Text(text_of(child)))
    return out


def _inside(node: etree._Element, stop: etree._Element, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def tracked_changes(body: etree._Element) -> int:
    """How many tracked changes a document body holds, of every kind."""
    return sum(1 for _ in body.iter(*_DROPPED, *_KEPT, *_PROPERTY_CHANGES))


def _first_changed(paragraphs: list[etree._Element]) -> int:
    """The number (from 1) of the first paragraph holding a tracked change."""
    for number, p in enumerate(paragraphs, start=1):
        if next(p.iter(*_DROPPED, *_KEPT, *_PROPERTY_CHANGES), None) is not None:
            return number
    return 1


def _mark_deleted(p: etree._Element) -> bool:
    """Whether the paragraph's own mark is a tracked deletion (it joins the next)."""
    rpr = p.find(f"{W}pPr/{W}rPr")
    return rpr is not None and (
        rpr.find(W + "del") is not None or rpr.find(W + "moveFrom") is not None
    )


def _accepted_paragraphs(body: etree._Element) -> list[etree._Element]:
    """The body's paragraphs as they read with every change accepted.

    A paragraph whose mark was deleted runs on into the next one: its runs
    are moved to the start of the next paragraph (which keeps its own
    properties, as Word does when the change is accepted).
    """
    paragraphs = [p for p in body.iter(W + "p") if not _inside(p, body, _DROPPED)]
    out: list[etree._Element] = []
    carried: list[etree._Element] = []
    for p in paragraphs:
        if carried:
            at = 1 if p.find(W + "pPr") is not None else 0
            for offset, child in enumerate(carried):
                p.insert(at + offset, child)
            carried = []
        if _mark_deleted(p):
            carried = [child for child in p if child.tag != W + "pPr"]
            continue
        out.append(p)
    return out


def _plain(runs: list[DraftRun]) -> str:
    return "".join(r.value if isinstance(r, Text) else r.text for r in runs)


def paragraph_text(data: bytes, path: str) -> str:
    """The file's paragraphs as they read with every change accepted, one a line."""
    archive = _open(data, path)
    document = _part(archive, "word/document.xml", path)
    body = document.find(W + "body") if document is not None else None
    if body is None:
        return ""
    return "\n".join(
        _plain(_runs(p, number, {}))
        for number, p in enumerate(_accepted_paragraphs(body), start=1)
    )


def import_docx(
    data: bytes,
    path: str,
    doc_id: str,
    lang: str | None = None,
    heading: HeadingForm | None = None,
) -> tuple[Document, Draft]:
    """A Word file as a document; our own exports come back exactly."""
    archive = _open(data, path)
    document = _part(archive, "word/document.xml", path)
    if document is None:
        raise UnusableInput(
            _("not a Word .docx file: it has no word/document.xml"), path
        )
    levels = _heading_levels(_part(archive, "word/styles.xml", path))
    formats = _list_formats(_part(archive, "word/numbering.xml", path))
    settings = file_settings(archive, path)
    exact = settings.get("exact") is True
    table = bookmark_table(settings)
    body = document.find(W + "body")
    changes = tracked_changes(body) if body is not None else 0
    paragraphs = _accepted_paragraphs(body) if body is not None else []
    lines = [
        _line(p, number, levels, formats, exact, table)
        for number, p in enumerate(paragraphs, start=1)
    ]
    text = "\n".join(line.text for line in lines)
    draft = Draft(
        lang=lang or str(settings.get("lang") or guess_lang(text)), doc_id=doc_id
    )
    if changes:
        draft.warn(
            _first_changed(paragraphs),
            _(
                "{count} tracked change(s) were accepted: the text is read as it is with every change accepted"
            ),
            count=changes,
        )
    if exact:
        _apply_settings(draft, settings)
    parse_lines(
        draft, lines, section_is_article([line.text for line in lines]), heading
    )
    if draft.meta is None and draft.title:
        draft.meta = DocumentMeta(title=draft.title)
    return finish(draft, path, prose_refs=not exact), draft


def _style_of(ppr: etree._Element | None) -> str:
    """The paragraph's style id, "" when it has none."""
    style_el = ppr.find(W + "pStyle") if ppr is not None else None
    return style_el.get(W + "val", "") if style_el is not None else ""


def _list_level(
    ppr: etree._Element | None, formats: dict[tuple[str, int], str], exact: bool
) -> int | None:
    """Where Word numbered the paragraph itself: 0 a paragraph, n a point's depth."""
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is None:
        return None
    ilvl_el, num_el = numpr.find(W + "ilvl"), numpr.find(W + "numId")
    ilvl = int(ilvl_el.get(W + "val", "0")) if ilvl_el is not None else 0
    num_id = num_el.get(W + "val", "") if num_el is not None else ""
    if num_id == "0":
        return None  # numbering switched off
    fmt = formats.get((num_id, ilvl), "decimal")
    if exact:
        return ilvl
    if fmt in _LETTER_FORMATS:
        return max(ilvl, 1)
    if fmt in {"decimal", "hindiNumbers", "decimalZero"}:
        return ilvl
    return None


def _indent_steps(ppr: etree._Element | None) -> int:
    """The paragraph's start indent in our export's steps (one per point level)."""
    ind = ppr.find(W + "ind") if ppr is not None else None
    if ind is None:
        return 0
    start = ind.get(W + "start") or ind.get(W + "left") or "0"
    return int(start) // _INDENT if start.lstrip("-").isdigit() else 0


def bookmark_table(settings: Mapping[str, object]) -> dict[str, str]:
    """The digest bookmark names our export recorded, with their addresses."""
    table = settings.get("bookmarks")
    if not isinstance(table, dict):
        return {}
    return {str(k): str(v) for k, v in table.items()}


def bookmarked_article(p: etree._Element, table: Mapping[str, str]) -> str | None:
    """The article id our export bookmarks the paragraph with, if any."""
    anchor = None
    for mark in p.iter(W + "bookmarkStart"):
        found = address_of_bookmark(mark.get(W + "name", ""), table)
        if found and "/" not in found:
            anchor = found
    return anchor


def _line(
    p: etree._Element,
    number: int,
    levels: dict[str, int],
    formats: dict[tuple[str, int], str],
    exact: bool,
    table: Mapping[str, str],
) -> SourceLine:
    ppr = p.find(W + "pPr")
    style = _style_of(ppr)
    list_level = _list_level(ppr, formats, exact)
    runs = _runs(p, number, table)
    level = levels.get(style)
    # Our own export marks what the text alone cannot say; others are read by shape.
    plain_paragraph = exact and level is None and list_level is None
    indent = _indent_steps(ppr)
    return SourceLine(
        _plain(runs),
        number,
        runs,
        level=None if level is None else level + 1,
        anchor=bookmarked_article(p, table) if exact else None,
        literal=plain_paragraph,
        note=style == "BylawsNote",
        depth=indent if plain_paragraph and indent else None,
        list_level=list_level,
    )


def _apply_settings(draft: Draft, settings: dict[str, object]) -> None:
    def text(key: str) -> str | None:
        value = settings.get(key)
        return value if isinstance(value, str) else None

    draft.exact = True
    draft.doc_id = text("id") or draft.doc_id
    draft.lang = text("lang") or draft.lang
    draft.numbering = cast(NumberingMode, text("numbering") or "auto")
    draft.style = cast(NumberStyle, text("style") or "words")
    stages = settings.get("stages")
    senders = settings.get("senders")
    draft.meta = DocumentMeta(
        title=text("title") or "",
        short_title=text("short_title"),
        organisation=text("organisation"),
        version=text("version"),
        date=text("date"),
        stages=tuple(
            Stage(str(s[0]), str(s[1]))
            for s in (stages if isinstance(stages, list) else [])
            if isinstance(s, list) and len(s) == 2
        ),
        senders=tuple(
            Sender(str(s[0]), str(s[1]))
            for s in (senders if isinstance(senders, list) else [])
            if isinstance(s, list) and len(s) == 2
        ),
    )
