"""`bylaws diff`, `bylaws log` and `bylaws git-setup`: thin commands over the diff.

Each parses its options, calls one library function and hands the result to a
formatter. Exit codes: `diff --exit-code` gives 0 (same) or 1 (different);
errors give 2 through the boundary in `bylaws.cli`.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec

import click

from bylaws.formatters import FORMATS

from ..locale import _, say

if TYPE_CHECKING:
    from bylaws.instrument import Frame

P = ParamSpec("P")

_BIDI_ENV = "BYLAWS_BIDI"
# GitHub refuses a comment over 65,536 characters; bytes count Arabic twice,
# so this leaves room for whatever the CI adds around the diff.
MARKDOWN_MAX_BYTES = 60000


def _use_color(flag: bool | None) -> bool:
    """--color/--no-color wins; then NO_COLOR; then colour only on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _pager() -> str | None:
    """The pager to page through: BYLAWS_PAGER, then PAGER; None for none.

    `cat` (or an empty value) means no pager, as for git.
    """
    for name in ("BYLAWS_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            return None if value.strip() in ("", "cat") else value
    return ""  # click's own choice (less, more)


def _emit_pieces(
    pieces: Iterable[str], color: bool, paged: bool = True, escaped: bool = False
) -> None:
    """`_emit` for output made in pieces: written as made unless it may be paged.

    Only a terminal is paged, and paging needs the whole text; anywhere else
    each piece is written when it is ready, so a big diff is never held whole.
    `escaped` text (JSON, every invisible character a \\u escape) has no
    colour to strip and nothing for the terminal guard to find: it is written
    as it is, not scanned twice more.
    """
    if paged and sys.stdout.isatty():
        _emit("".join(pieces), color, paged)
        return
    from bylaws.terminal import already_escaped, styled

    if escaped and not color:
        with already_escaped():
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        return
    with styled(color):
        for piece in pieces:
            click.echo(piece, nl=False, color=color)


def _emit(text: str, color: bool, paged: bool = True) -> None:
    """Print, through a pager when the output is a terminal and longer than it."""
    from bylaws.terminal import safe, styled

    if not text:
        return
    pager = _pager() if paged else None
    import shutil

    long = text.count("\n") > shutil.get_terminal_size().lines
    if pager is not None and sys.stdout.isatty() and long:
        if pager:
            os.environ["PAGER"] = pager  # click reads the pager from PAGER
        # The pager is fed directly, not through the guarded stdout.
        click.echo_via_pager(safe(text, styled=color), color=color)
    else:
        # color=True: click would strip our escapes when stdout is not a terminal.
        with styled(color):
            click.echo(text, nl=False, color=color)


_IGNORE_PUNCTUATION = click.option(
    "--ignore-punctuation",
    is_flag=True,
    help="Hide changes of punctuation only (brackets, commas, a hyphen for a space).",
)


_NO_PAGER = click.option(
    "--no-pager",
    is_flag=True,
    help="Never page (also: BYLAWS_PAGER=cat or PAGER=cat).",
)


def _progress(done: int, total: int) -> None:
    if total < 2000 or not sys.stderr.isatty():
        return
    end = "\n" if done >= total else ""
    from bylaws.terminal import styled

    progress = say(_("comparing articles: {done}/{total}"), done=done, total=total)
    with styled():
        click.echo("\r" + progress, err=True, nl=bool(end))


def _collector_paused(command: Callable[P, None]) -> Callable[P, None]:
    """Run a command with Python's cyclic collector paused throughout.

    A diff pauses it while it is built (`bylaws.diff.memory`); turned back on
    with the diff still alive, its first pass walks every one of the diff's
    hundreds of thousands of values, and later passes walk them again while
    the output is written. Paused to the end of the command, once its
    values are let go, it finds next to nothing.
    """

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        from bylaws.diff.memory import paused_collector

        with paused_collector():
            command(*args, **kwargs)

    return run


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
@_IGNORE_PUNCTUATION
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
@click.option(
    "--body",
    help="--format instrument: the body whose decision it is "
    "(default: from the reviews of a proposal NEW).",
)
@click.option(
    "--date",
    help="--format instrument: the date of the decision, YYYY-MM-DD "
    "(default: from the reviews of a proposal NEW).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=None,
    help=f"markdown: leave out whole articles past this size, for a review "
    f"comment (default {MARKDOWN_MAX_BYTES}, under GitHub's 65,536 characters; "
    "0: no limit).",
)
@click.option(
    "--link",
    envvar="BYLAWS_LINK",
    help="markdown: where the whole redline is published, named when articles "
    "are left out (default: from mkdocs.yml's site_url; env BYLAWS_LINK).",
)
@_NO_PAGER
@click.option("--textconv", is_flag=True, hidden=True)
@_collector_paused
def diff_command(
    operands: tuple[str, ...],
    fmt: str,
    ignore_formal: bool,
    ignore_punctuation: bool,
    exit_code: bool,
    quiet: bool,
    color: bool | None,
    context: bool,
    bidi: str,
    align: str,
    body: str | None,
    date: str | None,
    max_bytes: int | None,
    link: str | None,
    no_pager: bool,
    textconv: bool,
) -> None:
    """Compare two texts article by article and word by word.

    OLD and NEW are each a document folder, a proposal folder (its base with
    the proposal applied), an article file, or any of these at a git revision
    as REV:PATH (HEAD~1:drafts/internal-regulations).
    """
    from bylaws.diff.changes import without_formal, without_punctuation
    from bylaws.formatters import FormatOptions, escapes_invisibles, pieces
    from bylaws.operands import diff_paths

    ctx = click.get_current_context()
    if textconv:
        _textconv(operands)
        return
    if len(operands) != 2:
        raise click.UsageError(
            say(
                _("expected two operands, OLD and NEW, got {count}"),
                count=len(operands),
            )
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
    if ignore_punctuation:
        diff = without_punctuation(diff)
    if not quiet:
        terminal = fmt in ("inline", "side-by-side", "stat")
        options = FormatOptions(
            color=terminal and _use_color(color),
            context=context,
            bidi="visual" if bidi == "visual" else "logical",
            # Only side-by-side lays out columns; asking the terminal costs
            # importing shutil (and with it bz2, lzma...) at every start.
            width=_terminal_width() if fmt == "side-by-side" else 100,  # the default
            frame=_instrument_frame(operands[1], body, date)
            if fmt == "instrument"
            else None,
            max_bytes=_markdown_limit(max_bytes) if fmt == "markdown" else None,
            link=link or (_published_link(operands[1]) if fmt == "markdown" else None),
        )
        _emit_pieces(
            pieces(diff, fmt, options),
            options.color,
            paged=not no_pager,
            escaped=escapes_invisibles(fmt),
        )
    same = diff.is_empty
    # Let the texts go while the collector is still paused (see _collector_paused).
    del diff
    if exit_code or quiet:
        ctx.exit(0 if same else 1)


def _instrument_frame(new: str, body: str | None, date: str | None) -> Frame:
    """The published instrument's frame: the options given, and what they leave
    open from the reviews when NEW is a proposal folder on disk."""
    from pathlib import PurePosixPath

    from bylaws.instrument import Frame, frame_of_proposal
    from bylaws.workspace import PROPOSAL_FILE, DiskTree, load_proposal

    frame = Frame(body=body, date=date)
    folder = Path(new)
    if (folder / PROPOSAL_FILE).is_file():
        proposal = load_proposal(DiskTree(folder), PurePosixPath())
        frame = frame_of_proposal(proposal, frame)
    return frame


def _published_link(operand: str) -> str | None:
    from bylaws.site.published import published_link

    return published_link(operand)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns


def _markdown_limit(asked: int | None) -> int | None:
    """--max-bytes as the formatter takes it: the default when not given, 0 is none."""
    if asked is None:
        return MARKDOWN_MAX_BYTES
    return asked or None


def _textconv(operands: tuple[str, ...]) -> None:
    """`git diff` calls this with one file: print it as plain lines."""
    from bylaws.history import textconv

    if len(operands) != 1:
        raise click.UsageError(say(_("--textconv takes exactly one file")))
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
@_IGNORE_PUNCTUATION
@click.option("--color/--no-color", default=None)
@click.option(
    "--bidi",
    type=click.Choice(["logical", "visual"]),
    envvar=_BIDI_ENV,
    default="logical",
)
@_NO_PAGER
def log_command(
    article: str,
    path: Path | None,
    fmt: str,
    ignore_formal: bool,
    ignore_punctuation: bool,
    color: bool | None,
    bidi: str,
    no_pager: bool,
) -> None:
    """Every commit that changed ARTICLE (an id or a number), with its word diff."""
    import json

    from bylaws.diff.changes import DocumentDiff, without_formal, without_punctuation
    from bylaws.formatters import FormatOptions, render
    from bylaws.formatters.json import as_data
    from bylaws.history import article_log
    from bylaws.invisibles import json_escaped
    from bylaws.terminal import safe

    def shown(diff: DocumentDiff) -> DocumentDiff:
        diff = without_formal(diff) if ignore_formal else diff
        return without_punctuation(diff) if ignore_punctuation else diff

    entries = article_log(article, path)
    if fmt == "json":
        data = [
            {
                "commit": e.commit,
                "author": e.author,
                "date": e.date,
                "subject": e.subject,
                "diff": as_data(shown(e.diff)),
            }
            for e in entries
        ]
        click.echo(json_escaped(json.dumps(data, ensure_ascii=False, indent=2)))
        return
    options = FormatOptions(
        color=fmt != "markdown" and _use_color(color),
        bidi="visual" if bidi == "visual" else "logical",
        width=_terminal_width(),
    )
    chunks = []
    for entry in entries:
        diff = shown(entry.diff)
        commit, author, date, subject = (
            safe(value, line=True)
            for value in (entry.commit, entry.author, entry.date, entry.subject)
        )
        head = f"commit {commit}\nAuthor: {author}\nDate:   {date}\n\n"
        head += f"    {subject}\n\n"
        if options.color:
            head = (
                click.style(head.split("\n", 1)[0], fg="yellow")
                + "\n"
                + head.split("\n", 1)[1]
            )
        chunks.append(head + render(diff, fmt, options))
    _emit("\n".join(chunks), options.color, paged=not no_pager)


WORD_REGEX = r"[^[:space:][:punct:]،؛؟«»]+|[^[:space:]]"
ATTRIBUTES_LINE = "**/articles/*.xml diff=bylaws"


def _this_bylaws() -> str:
    """The absolute path of the `bylaws` running now, so git finds it with or
    without the venv on PATH; `python -m bylaws` when run as a module."""
    import shlex

    script = Path(sys.argv[0])
    if script.name == "bylaws" and script.exists():
        return shlex.quote(str(script.resolve()))
    beside = Path(sys.executable).parent / "bylaws"
    if beside.exists():
        return shlex.quote(str(beside.absolute()))
    return f"{shlex.quote(sys.executable)} -m bylaws"


@click.command("git-setup")
@click.option(
    "--bylaws",
    "program",
    default=None,
    help="How git should call bylaws (default: the absolute path of this bylaws).",
)
@click.argument("path", required=False, type=click.Path(path_type=Path))
def git_setup_command(program: str | None, path: Path | None) -> None:
    """Make git diff, git log -p and git difftool -t bylaws show word diffs of articles.

    Writes `.gitattributes` at the top of the repository (PATH or the current
    folder) and sets the repository's git config.
    """
    from bylaws import gitio, workspace

    root = gitio.repo_root((path or Path(".")).resolve())
    program = program or _this_bylaws()
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
