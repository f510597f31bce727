"""`bylaws import` and `bylaws export`: texts in and out of other formats."""

from __future__ import annotations

from pathlib import Path

import click

from ..locale import _, say

FORMATS_IN = ("text", "markdown", "docx", "akn")
FORMATS_OUT = ("akn", "docx", "markdown")


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--from",
    "fmt",
    type=click.Choice(FORMATS_IN),
    help="The file's format; by default from its extension (.txt .md .docx .xml).",
)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The new document folder to write (must not hold a document yet).",
)
@click.option(
    "--id", "doc_id", help="The document's id; by default from the folder name."
)
@click.option(
    "--lang", help="The language (ar, en, …); by default guessed from the text."
)
def import_command(
    file: Path, fmt: str | None, output: Path, doc_id: str | None, lang: str | None
) -> None:
    """Import an existing text (plain text, Markdown, Word, Akoma Ntoso) as a document.

    Headings, article numbers, numbered paragraphs, lettered points and
    references written in prose are recognised in Arabic and English. A line
    that cannot be placed is kept and reported as `file:line: warning: …`.
    """
    from ..importers import import_file, write_document
    from ..importers.builder import slugify

    result = import_file(file, fmt, doc_id or slugify(output.resolve().name), lang)
    for warning in result.warnings:
        click.echo(f"{file}:{warning.line}: warning: {warning.message}", err=True)
    write_document(result.document, output)
    doc = result.document
    repealed = sum(1 for e in doc.entries() if e.repealed)
    message = (
        _(
            "imported {count} article(s) and {repealed} repealed into {output} ({lang}, numbering {numbering}, style {style}); {warnings} warning(s)"
        )
        if repealed
        else _(
            "imported {count} article(s) into {output} ({lang}, numbering {numbering}, style {style}); {warnings} warning(s)"
        )
    )
    click.echo(
        say(
            message,
            doc,
            count=len(doc.articles),
            repealed=repealed,
            output=output,
            lang=doc.lang,
            numbering=doc.numbering,
            style=doc.style,
            warnings=len(result.warnings),
        )
    )


@click.command("export")
@click.argument("document", type=click.Path(path_type=Path), required=False)
@click.option("--to", "fmt", type=click.Choice(FORMATS_OUT), required=True)
@click.option(
    "--proposal",
    "proposal",
    help="A proposal (its folder, or its id in the document): Akoma Ntoso writes "
    "an amendment, Word tracked changes, Markdown the proposed text.",
)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="The file to write; - for standard output (not for docx).",
)
def export_command(
    document: Path | None, fmt: str, proposal: str | None, output: Path
) -> None:
    """Export a document to Akoma Ntoso 3.0, Word (.docx) or Markdown."""
    import sys

    from ..errors import UnusableInput
    from ..exporters import export_document
    from ..workspace import write_atomic

    data = export_document(document, fmt, proposal)
    if str(output) == "-":
        if fmt == "docx":
            raise UnusableInput(_("a .docx is binary; give a file name with -o"))
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    click.echo(say(_("wrote {path}"), path=output), err=True)
