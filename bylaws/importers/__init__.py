"""Existing texts -> documents: plain text, Markdown, Word (.docx), Akoma Ntoso.

Each importer is a function `(data, path, doc_id, lang) -> ImportResult`,
registered by name in `IMPORTERS`. `import_file` picks one from the file's
extension (or the name given), and `write_document` writes the result as a
document folder, each file atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from .. import xmlio
from ..atomic import replace_folder
from ..errors import Problem, UnusableInput
from ..locale import _
from ..model import Document, SourceLoc
from ..validation import schema_problems
from ..visibility import decode_tokens, invisible_problems
from ..workspace import ARTICLES, DOCUMENT_FILE
from .builder import Draft, ImportWarning, slugify
from .headings import HeadingForm, compile_heading

__all__ = [
    "IMPORTERS",
    "ImportResult",
    "ImportWarning",
    "detect_format",
    "import_bytes",
    "import_file",
    "write_document",
]


@dataclass(frozen=True)
class ImportResult:
    """An imported document and what the importer had to guess, by source line.

    `problems` are the source's invisible characters, as `check` reports them
    (`bylaws.visibility`): `import` refuses a source with an error among them.
    """

    document: Document
    warnings: tuple[ImportWarning, ...]
    problems: tuple[Problem, ...] = ()


Importer = Callable[
    [bytes, str, str, str | None, HeadingForm | None], tuple[Document, Draft]
]


def _text(
    data: bytes, path: str, doc_id: str, lang: str | None, heading: HeadingForm | None
) -> tuple[Document, Draft]:
    from .text import import_text

    return import_text(data, path, doc_id, lang, heading)


def _markdown(
    data: bytes, path: str, doc_id: str, lang: str | None, heading: HeadingForm | None
) -> tuple[Document, Draft]:
    from .markdown import import_markdown

    return import_markdown(data, path, doc_id, lang, heading)


def _docx(
    data: bytes, path: str, doc_id: str, lang: str | None, heading: HeadingForm | None
) -> tuple[Document, Draft]:
    from .docx import import_docx

    return import_docx(data, path, doc_id, lang, heading)


def _akn(
    data: bytes, path: str, doc_id: str, lang: str | None, heading: HeadingForm | None
) -> tuple[Document, Draft]:
    # Akoma Ntoso marks its articles itself; a heading form has nothing to do.
    from .akn import import_akn

    return import_akn(data, path, doc_id, lang)


IMPORTERS: dict[str, Importer] = {
    "text": _text,
    "markdown": _markdown,
    "docx": _docx,
    "akn": _akn,
}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".xml": "akn",
    ".akn": "akn",
}


def detect_format(path: Path, data: bytes) -> str:
    """The importer for a file: by extension, else by its first bytes."""
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "akn"
    return "text"


def import_bytes(
    data: bytes,
    path: str,
    fmt: str,
    doc_id: str = "imported",
    lang: str | None = None,
    heading: str | None = None,
) -> ImportResult:
    """Import a file's bytes with the named importer.

    Args:
        heading: a regular expression for article headings, with a group
            `num` and optionally `title` (`import --heading`).
    """
    importer = IMPORTERS.get(fmt)
    if importer is None:
        names = ", ".join(sorted(IMPORTERS))
        raise UnusableInput(
            _("unknown import format {format!r}; use one of {names}"),
            path,
            format=fmt,
            names=names,
        )
    problems: list[Problem] = []
    if fmt in ("text", "markdown", "akn"):
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            source = ""  # the importer says what is wrong with the bytes
        if source.startswith("\ufeff"):
            source = " " + source[1:]  # a byte-order mark is no hidden content
        problems = invisible_problems(
            source, path, xml=fmt == "akn", tokens=fmt != "akn"
        )
        if fmt != "akn" and "\u27e8" in source:
            data = decode_tokens(source).encode("utf-8")
    elif fmt == "docx":
        from .docx import paragraph_text

        problems = invisible_problems(paragraph_text(data, path), path)
    form = compile_heading(heading) if heading else None
    document, draft = importer(data, path, doc_id, lang, form)
    return ImportResult(
        document,
        tuple(sorted(draft.warnings, key=lambda w: w.line)),
        tuple(problems),
    )


def import_file(
    path: Path,
    fmt: str | None = None,
    doc_id: str | None = None,
    lang: str | None = None,
    heading: str | None = None,
) -> ImportResult:
    """Import a file; the format comes from its extension unless named."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnusableInput(_("file does not exist"), str(path)) from None
    except IsADirectoryError:
        raise UnusableInput(
            _("is a folder, expected a file to import"), str(path)
        ) from None
    except PermissionError:
        raise UnusableInput(_("permission denied"), str(path)) from None
    chosen = fmt or detect_format(path, data)
    doc_id = doc_id or slugify(path.stem)
    return import_bytes(data, str(path), chosen, doc_id, lang, heading)


def write_document(doc: Document, folder: Path) -> list[Path]:
    """Write document.xml and one file per article, the folder in one step.

    Refuses a folder that already holds a document, so an import never
    overwrites someone's texts.
    """
    if (folder / DOCUMENT_FILE).exists() or (folder / ARTICLES).exists():
        raise UnusableInput(
            _("already holds a document; import into a new folder"), str(folder)
        )
    files: list[tuple[Path, bytes]] = []
    for article in doc.articles.values():
        root = xmlio.article_to_xml(article)
        _refuse_invalid(
            root,
            article.loc,
            _(
                "article {article} would not pass check ({problem}); nothing was written"
            ),
            article=article.id,
        )
        files.append((folder / ARTICLES / f"{article.id}.xml", xmlio.serialize(root)))
    root = xmlio.document_to_xml(doc)
    _refuse_invalid(
        root,
        doc.loc,
        _("the document would not pass check ({problem}); nothing was written"),
    )
    files.append((folder / DOCUMENT_FILE, xmlio.serialize(root)))
    # Only once every file is known to be valid, and the folder in one step:
    # an interrupted import leaves nothing half-written.
    replace_folder(folder, {PurePosixPath(f.relative_to(folder)): d for f, d in files})
    return [target for target, _data in files]


def _refuse_invalid(
    root: etree._Element, loc: SourceLoc | None, message: str, **args: Any
) -> None:
    """Stop an import that would write a file `check` rejects, naming its source;
    `message` says what would not pass, its `{problem}` the schema's first error."""
    problems = schema_problems(root, loc.path if loc and loc.path else "")
    if problems:
        raise UnusableInput(
            message,
            loc.path if loc else None,
            loc.line or None if loc else None,
            problem=problems[0],
            **args,
        )
