"""`bylaws check`, `bylaws fmt` and `bylaws show`: the texts themselves.

The body of `check` is `bylaws.commands.checking.check_and_report`, which
`bylaws.cli.main` also runs without click for a plain `bylaws check PATH...`.
"""

from __future__ import annotations

from pathlib import Path

import click

from .checking import EXIT_PROBLEMS, check_and_report


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-q", "--quiet", is_flag=True, help="Print nothing; only the exit code speaks."
)
def check_command(paths: tuple[Path, ...], quiet: bool) -> None:
    """Check documents, proposals and feedback for every problem a drafter can fix.

    PATHS are document folders, a workspace holding drafts/, or files inside a
    document (as a pre-commit hook passes them); the current folder by default.
    Prints `file:line:col: level: message`. Exit 0 clean, 1 problems found,
    2 unusable input (no document at all).
    """
    check_and_report(paths, quiet)


@click.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; list the files that would change and exit 1 if any.",
)
def fmt_command(paths: tuple[Path, ...], check_only: bool) -> None:
    """Write every file in the one canonical form, atomically.

    Indentation, attribute order and line breaks are fixed so that a one-word
    change is a one-line git diff. Comments are kept. A file that is not
    well-formed XML is reported and left untouched (exit 2).
    """
    from ..fmt import format_paths
    from ..locale import _, cli_language, tr
    from ..workspace import document_folders_for
    from .locking import hold_workspace_lock

    if not check_only:
        for given in paths or (Path("."),):
            if given.exists():
                for folder in document_folders_for(given):
                    hold_workspace_lock(folder)
    result = format_paths(paths or (Path("."),), check_only=check_only)
    lang = cli_language()
    done = _("would reformat {path}") if check_only else _("reformatted {path}")
    for path in result.changed:
        click.echo(tr(done, lang, path=path))
    for error in result.failed:
        click.echo(error.render(lang), err=True)
    if result.failed:
        raise SystemExit(2)
    if check_only and result.changed:
        raise SystemExit(EXIT_PROBLEMS)


@click.command("show")
@click.argument("document", required=False, type=click.Path(path_type=Path))
@click.option(
    "-a",
    "--article",
    "wanted",
    metavar="ID-OR-NUMBER",
    help="One article, by id (art-membership) or number (12, ١٢, الثانية عشرة, 12-bis); "
    "in English bylaws an Article (II) or a Section by its citation (II.3, 'Article II, Section 3', 2.03).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
def show_command(document: Path | None, wanted: str | None, fmt: str) -> None:
    """Show the text as readers see it, numbers and references resolved."""
    from ..locale import note_language
    from ..render import Reader
    from ..show import FORMATS
    from ..workspace import disk_document

    _, doc = disk_document(document)
    note_language(doc)  # an article that is not there is said in the text's language
    reader = Reader(doc)
    items = reader.select(wanted) if wanted else list(reader.outline())
    click.echo(FORMATS[fmt](reader, items, not wanted), nl=False)
