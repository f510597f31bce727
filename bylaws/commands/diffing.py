"""`bylaws diff`, `bylaws log` and `bylaws git-setup`: thin commands over the diff.

Each parses its options, calls one library function and hands the result to a
formatter. Exit codes: `diff --exit-code` gives 0 (same) or 1 (different);
errors give 2 through the boundary in `bylaws.cli`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from bylaws.formatters import FORMATS

from ..locale import _, say

_BIDI_ENV = "BYLAWS_BIDI"


def _use_color(flag: bool | None) -> bool:
    """--color/--no-color wins; then NO_COLOR; then colour only on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _emit(text: str, color: bool) -> None:
    """Print, through a pager when the output is a terminal and longer than it."""
    if not text:
        return
    if sys.stdout.isatty() and text.count("\n") > shutil.get_terminal_size().lines:
        click.echo_via_pager(text, color=color)
    else:
        # color=True: click would strip our escapes when stdout is not a terminal.
        click.echo(text, nl=False, color=color)


def _progress(done: int, total: int) -> None:
    if total < 2000 or not sys.stderr.isatty():
        return
    end = "\n" if done >= total else ""
    progress = say(_("comparing articles: {done}/{total}"), done=done, total=total)
    click.echo("\r" + progress, err=True, nl=bool(end))


@click.command("diff")
@click.argument("operands", nargs=-1, metavar="OLD NEW")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="inline",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--ignore-formal", is_flag=True, help="Hide formal changes (diacritics, digits…)."
)
@click.option(
    "--exit-code", is_flag=True, help="Exit 1 when the texts differ, 0 when not."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing; implies --exit-code.")
@click.option(
    "--color/--no-color", default=None, help="Colour (default: on a terminal)."
)
@click.option("--context", is_flag=True, help="Show unchanged articles too.")
@click.option(
    "--bidi",
    type=click.Choice(["logical", "visual"]),
    envvar=_BIDI_ENV,
    default="logical",
    show_default=True,
    help="visual: lay out Arabic lines for terminals without bidi (env BYLAWS_BIDI).",
)
@click.option(
    "--align",
    type=click.Choice(["auto", "id", "content"]),
    default="auto",
    show_default=True,
    help="Pair articles by id, by content, or auto (ids when they are shared).",
)
@click.option("--textconv", is_flag=True, hidden=True)
def diff_command(
    operands: tuple[str, ...],
    fmt: str,
    ignore_formal: bool,
    exit_code: bool,
    quiet: bool,
    color: bool | None,
    context: bool,
    bidi: str,
    align: str,
    textconv: bool,
) -> None:
    """Compare two texts article by article and word by word.

    OLD and NEW are each a document folder, a proposal folder (its base with
    the proposal applied), an article file, or any of these at a git revision
    as REV:PATH (HEAD~1:drafts/internal-regulations).
    """
    from bylaws.diff.changes import without_formal
    from bylaws.formatters import FormatOptions, render
    from bylaws.operands import diff_paths

    ctx = click.get_current_context()
    if textconv:
        _textconv(operands)
        return
    if len(operands) != 2:
        raise click.UsageError(
            f"expected two operands, OLD and NEW, got {len(operands)}"
        )
    diff = diff_paths(
        operands[0],
        operands[1],
        align=align,  # type: ignore[arg-type]
        context=context,
        progress=_progress,
    )
    if ignore_formal:
        diff = without_formal(diff)
    if not quiet:
        terminal = fmt in ("inline", "side-by-side", "stat")
        options = FormatOptions(
            color=terminal and _use_color(color),
            context=context,
            bidi="visual" if bidi == "visual" else "logical",
            width=shutil.get_terminal_size((120, 24)).columns,
        )
        _emit(render(diff, fmt, options), options.color)
    if exit_code or quiet:
        ctx.exit(0 if diff.is_empty else 1)


def _textconv(operands: tuple[str, ...]) -> None:
    """`git diff` calls this with one file: print it as plain lines."""
    from bylaws.history import textconv

    if len(operands) != 1:
        raise click.UsageError("--textconv takes exactly one file")
    path = Path(operands[0])
    try:
        data = path.read_bytes()
    except OSError as exc:
        from bylaws.errors import UnusableInput

        raise UnusableInput(
            _("cannot read file: {reason}"), str(path), reason=exc.strerror
        ) from None
    click.echo(textconv(data, str(path)), nl=False)


@click.command("log")
@click.argument("article")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["inline", "side-by-side", "json", "markdown"]),
    default="inline",
    show_default=True,
)
@click.option("--ignore-formal", is_flag=True, help="Hide formal changes.")
@click.option("--color/--no-color", default=None)
@click.option(
    "--bidi",
    type=click.Choice(["logical", "visual"]),
    envvar=_BIDI_ENV,
    default="logical",
)
def log_command(
    article: str,
    path: Path | None,
    fmt: str,
    ignore_formal: bool,
    color: bool | None,
    bidi: str,
) -> None:
    """Every commit that changed ARTICLE (an id or a number), with its word diff."""
    import json

    from bylaws.diff.changes import without_formal
    from bylaws.formatters import FormatOptions, render
    from bylaws.formatters.json import as_data
    from bylaws.history import article_log

    entries = article_log(article, path)
    if fmt == "json":
        data = [
            {
                "commit": e.commit,
                "author": e.author,
                "date": e.date,
                "subject": e.subject,
                "diff": as_data(without_formal(e.diff) if ignore_formal else e.diff),
            }
            for e in entries
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    options = FormatOptions(
        color=fmt != "markdown" and _use_color(color),
        bidi="visual" if bidi == "visual" else "logical",
        width=shutil.get_terminal_size((120, 24)).columns,
    )
    chunks = []
    for entry in entries:
        diff = without_formal(entry.diff) if ignore_formal else entry.diff
        head = (
            f"commit {entry.commit}\nAuthor: {entry.author}\nDate:   {entry.date}\n\n"
        )
        head += f"    {entry.subject}\n\n"
        if options.color:
            head = (
                click.style(head.split("\n", 1)[0], fg="yellow")
                + "\n"
                + head.split("\n", 1)[1]
            )
        chunks.append(head + render(diff, fmt, options))
    _emit("\n".join(chunks), options.color)


WORD_REGEX = r"[^[:space:][:punct:]،؛؟«»]+|[^[:space:]]"
ATTRIBUTES_LINE = "**/articles/*.xml diff=bylaws"


@click.command("git-setup")
@click.option(
    "--bylaws",
    "program",
    default="bylaws",
    show_default=True,
    help="How git should call bylaws (a full path if it is not on PATH).",
)
@click.argument("path", required=False, type=click.Path(path_type=Path))
def git_setup_command(program: str, path: Path | None) -> None:
    """Make git diff, git log -p and git difftool -t bylaws show word diffs of articles.

    Writes `.gitattributes` at the top of the repository (PATH or the current
    folder) and sets the repository's git config.
    """
    from bylaws import gitio, workspace

    root = gitio.repo_root((path or Path(".")).resolve())
    attributes = root / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    lines = existing.splitlines()
    if ATTRIBUTES_LINE not in (line.strip() for line in lines):
        if lines and lines[-1].strip():
            lines.append("")
        lines += [
            "# article files: word diffs through `bylaws git-setup`",
            ATTRIBUTES_LINE,
        ]
        workspace.write_atomic(attributes, ("\n".join(lines) + "\n").encode("utf-8"))
    settings = {
        "diff.bylaws.textconv": f"{program} diff --textconv",
        "diff.bylaws.wordRegex": WORD_REGEX,
        "difftool.bylaws.cmd": f'{program} diff "$LOCAL" "$REMOTE"',
    }
    for key, value in settings.items():
        gitio.run_git(["config", "--local", key, value], root)
    click.echo(say(_("wrote {path}"), path=attributes))
    for key, value in settings.items():
        click.echo(f"git config {key} {value!r}")
    click.echo(say(_("try: git diff --word-diff, git log -p, git difftool -t bylaws")))
