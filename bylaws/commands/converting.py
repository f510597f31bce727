"""`bylaws import` and `bylaws export`: texts in and out of other formats."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import UnusableInput
from ..locale import _, cli_language, note_language, say

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
    type=click.Path(path_type=Path, file_okay=False),
    help="The new document folder to write (must not hold a document yet).",
)
@click.option(
    "--as-proposal",
    "as_proposal",
    metavar="ID",
    help="A .docx edited with track changes: write it as proposal ID on the "
    "document (--doc) instead of a new document.",
)
@click.option(
    "--doc",
    "doc_folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="With --as-proposal: the document the file is a copy of.",
)
@click.option("--title", help="With --as-proposal: the proposal's title.")
@click.option(
    "--id", "doc_id", help="The document's id; by default from the folder name."
)
@click.option(
    "--lang", help="The language (ar, en, …); by default guessed from the text."
)
@click.option(
    "--heading",
    metavar="REGEX",
    help="Article headings of another form: a regular expression matching the "
    "whole heading line, with a group (?P<num>…) for the number and optionally "
    "(?P<title>…) for the title.",
)
def import_command(
    file: Path,
    fmt: str | None,
    output: Path | None,
    as_proposal: str | None,
    doc_folder: Path | None,
    title: str | None,
    doc_id: str | None,
    lang: str | None,
    heading: str | None,
) -> None:
    """Import an existing text (plain text, Markdown, Word, Akoma Ntoso) as a document.

    Headings, article numbers, numbered paragraphs, lettered points and
    references written in prose are recognised in Arabic and English. A line
    that cannot be placed is kept and reported as `file:line: warning: …`.
    """
    from ..importers import import_file, write_document
    from ..importers.builder import slugify

    if as_proposal is not None:
        _import_proposal(file, as_proposal, doc_folder, title)
        return
    if output is None:
        raise UnusableInput(_("give the new document's folder with -o"))
    doc_id = doc_id or slugify(output.resolve().name)
    if lang:
        note_language(lang)  # the text's language, named: its errors are said in it
    result = import_file(file, fmt, doc_id, lang, heading)
    note_language(result.document)
    language = cli_language(result.document)
    for problem in result.problems:
        click.echo(problem.render(language), err=True)
    refused = sum(problem.level == "error" for problem in result.problems)
    if refused:
        raise UnusableInput(
            _(
                "refused: {count} control or override character(s) that a reader cannot see; delete them and import again"
            ),
            str(file),
            count=refused,
        )
    for warning in result.warnings:
        click.echo(
            f"{file}:{warning.line}: warning: {warning.text(language)}", err=True
        )
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


def _import_proposal(
    file: Path, name: str, doc_folder: Path | None, title: str | None
) -> None:
    """`import FILE.docx --as-proposal NAME`: the file's tracked changes as a proposal."""
    from ..errors import InvalidOperation
    from ..importers.word_proposal import proposal_from_docx
    from ..proposal_files import head_commit, write_proposal
    from ..review import stages
    from ..scaffold import check_slug
    from ..workspace import PROPOSALS, DiskTree, find_document_folder, load_document
    from .locking import hold_workspace_lock

    check_slug(name, "proposal name")
    folder = find_document_folder(doc_folder)
    hold_workspace_lock(folder)
    base = load_document(DiskTree(folder))
    note_language(base)
    target = folder / PROPOSALS / name
    if target.exists():
        raise InvalidOperation(
            _("a proposal named '{name}' exists already"), str(target), name=name
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InvalidOperation(
            _("cannot read file: {reason}"), str(file), reason=exc.strerror
        ) from None
    found = proposal_from_docx(
        data, str(file), base, name, stages(base)[0].id, head_commit(folder), title
    )
    write_proposal(found.proposal, target)
    if found.comments:
        from ..feedback_store import add_comments

        add_comments(folder, list(found.comments))
    click.echo(
        say(
            _(
                "wrote proposal {name} ({operations} operation(s), by {proposer}) and {comments} comment(s)"
            ),
            base,
            name=name,
            operations=len(found.proposal.operations),
            proposer=found.proposal.proposer,
            comments=len(found.comments),
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
    "--changed-only",
    is_flag=True,
    help="Word, with --proposal: only the articles the proposal touches "
    "(by default the whole text, the untouched articles as they will read).",
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
    document: Path | None,
    fmt: str,
    proposal: str | None,
    changed_only: bool,
    output: Path,
) -> None:
    """Export a document to Akoma Ntoso 3.0, Word (.docx) or Markdown."""
    import sys

    from ..exporters import export_document
    from ..workspace import write_atomic

    if changed_only and (fmt != "docx" or proposal is None):
        raise UnusableInput(_("--changed-only needs --to docx and --proposal"))
    data = export_document(document, fmt, proposal, changed_only)
    if str(output) == "-":
        if fmt == "docx":
            raise UnusableInput(_("a .docx is binary; give a file name with -o"))
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    click.echo(say(_("wrote {path}"), path=output), err=True)
