"""The `bylaws` command line: its entry point, its commands and one error boundary.

Commands live in `bylaws.commands.*` and are imported only when run, so
`bylaws check` does not pay for mkdocs. Library errors become one line on
stderr (`file:line:col: error: message`, the message in the reader's
language: see `bylaws.locale.cli_language`) and exit code 2; no traceback.

This module does not import click: the click group lives in `bylaws.cli_group`
(its names are found here too, loaded on first use). A plain `bylaws check
PATH...`, which pre-commit hooks and editors run on every commit or save, is
recognised in `main` and run without click, whose import is a third of the
start-up of a small check; everything else goes through click.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import BylawsError, UnusableInput

if TYPE_CHECKING:
    from .cli_group import BylawsGroup, cli, summary

__all__ = [
    "COMMANDS",
    "SUMMARIES",
    "BylawsGroup",
    "cli",
    "main",
    "summary",
    "system_error",
    "within_boundary",
]

# command name -> module in bylaws.commands that defines it (attribute = name with _)
COMMANDS: dict[str, str] = {
    "check": "texts",
    "fmt": "texts",
    "show": "texts",
    "diff": "diffing",
    "log": "diffing",
    "git-setup": "diffing",
    "propose": "proposing",
    "apply": "cycle",
    "collisions": "proposing",
    "rebase": "proposing",
    "apply-instrument": "proposing",
    "status": "proposing",
    "disposition": "proposing",
    "feedback": "commenting",
    "rule": "cycle",
    "adopt": "cycle",
    "import": "converting",
    "export": "converting",
    "site": "publishing",
    "new": "hosting",
    "ci": "hosting",
    "packet": "packet",
}

# command name -> the first paragraph of its help, so that `bylaws --help`
# lists the commands without importing them all (a test keeps these equal).
SUMMARIES: dict[str, str] = {
    "adopt": "Put every finally adopted proposal into force, in one step.",
    "apply": "Consolidate the finally adopted proposals (or PROPOSALS, in order) into a copy.",
    "apply-instrument": "Apply the amendment instrument FILE to DOC and write the result to --into (a new or empty folder).",
    "check": "Check documents, proposals and feedback for every problem a drafter can fix.",
    "ci": "Continuous integration on a git host: checks, redlines, the published site.",
    "collisions": "Which proposals change the same words (✗), the same article elsewhere (~), the same text (=), or nothing in common (·).",
    "diff": "Compare two texts article by article and word by word.",
    "disposition": "The table a conference votes from: proposal, proposer, articles, recommendation, decision.",
    "export": "Export a document to Akoma Ntoso 3.0, Word (.docx) or Markdown.",
    "feedback": "Comments from reviewers and branches: list them (the default), or add one.",
    "fmt": "Write every file in the one canonical form, atomically.",
    "git-setup": "Make git diff, git log -p and git difftool -t bylaws show word diffs of articles.",
    "import": "Import an existing text (plain text, Markdown, Word, Akoma Ntoso) as a document.",
    "log": "Every commit that changed ARTICLE (an id or a number), with its word diff.",
    "new": "Start a workspace in DIRECTORY (new or empty): a document, the site, git.",
    "packet": "Write a PDF packet: one PROPOSAL, or with --stage a whole meeting's.",
    "propose": "Scaffold a proposal and its operations, ready to edit.",
    "rebase": "Carry a stale PROPOSAL onto the current text (three-way word merge).",
    "rule": "Record a body's recommendation or decision on PROPOSAL.",
    "show": "Show the text as readers see it, numbers and references resolved.",
    "site": "The review site: the text in force, proposals as redlines, the consolidated draft.",
    "status": "Proposals by review stage, with the last ruling on each.",
}


EXIT_USAGE = 2
EXIT_INTERNAL = 3


def system_error(exc: OSError) -> BylawsError:
    """An error the operating system raised, as one line naming the file."""
    from .locale import _

    path = exc.filename if isinstance(exc.filename, str) else None
    reason = exc.strerror or str(exc) or type(exc).__name__
    return UnusableInput(_("the system refused: {reason}"), path, reason=reason)


Result = TypeVar("Result")


def within_boundary(
    run: Callable[[], Result], *, passing: tuple[type[BaseException], ...] = ()
) -> Result:
    """Run a command; library errors become one line and exit 2, bugs exit 3.

    Args:
        run: the command, already parsed.
        passing: exceptions that are not ours to judge (click's own, which the
            click group leaves to click).

    Returns:
        What `run` returns; otherwise raises SystemExit with the exit code.
    """
    from .locale import _, cli_language, forget_language, say
    from .terminal import echo

    forget_language()  # a new run: no document yet (CliRunner runs many in one process)
    try:
        return run()
    except passing:
        raise
    except BylawsError as exc:
        echo(exc.render(cli_language()), err=True)
        raise SystemExit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        echo(say(_("interrupted")), err=True)
        raise SystemExit(130) from None
    except BrokenPipeError:
        # The reader (a pager, `head`) went away: not an error of ours.
        sys.stderr.close()
        raise SystemExit(0) from None
    except OSError as exc:
        # The system refused (a file we may not read, a full or read-only
        # disk): the user can act on it, so it is not a bug of ours.
        echo(system_error(exc).render(cli_language()), err=True)
        raise SystemExit(EXIT_USAGE) from None
    except Exception as exc:
        # A bug of ours: say so in one line; BYLAWS_DEBUG=1 shows the traceback.
        if os.environ.get("BYLAWS_DEBUG"):
            raise
        echo(
            say(
                _(
                    "internal error: {kind}: {error} (this is a bug in bylaws; run again with BYLAWS_DEBUG=1 and report the traceback)"
                ),
                kind=type(exc).__name__,
                error=exc,
            ),
            err=True,
        )
        raise SystemExit(EXIT_INTERNAL) from None


def plain_check(args: list[str]) -> tuple[list[str], bool] | None:
    """The paths and quiet flag of a plain `bylaws check`, or None for click.

    Plain: `check`, then only `-q`/`--quiet` and paths that click would take
    as they are (not empty, not starting with `-`, readable if they exist).
    """
    if not args or args[0] != "check":
        return None
    flags = {arg for arg in args[1:] if arg.startswith("-") or not arg}
    paths = [arg for arg in args[1:] if arg not in flags]
    if not flags <= {"-q", "--quiet"} or not all(map(_readable_or_absent, paths)):
        return None
    return paths, bool(flags)


def _readable_or_absent(path: str) -> bool:
    """click's own test of a path: one that exists must be readable."""
    try:
        os.stat(path)
    except OSError:
        return True
    return os.access(path, os.R_OK)


def _closed_streams_to_nowhere() -> None:
    """A standard stream closed before bylaws started (`>&-`) is None in
    Python: nobody reads it, so what would go there goes nowhere, as with
    `>/dev/null`, rather than ending in a traceback."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> None:
    """`bylaws`: a plain check straight away, anything else through click."""
    import gc

    _closed_streams_to_nowhere()
    collecting = gc.isenabled()
    try:
        plain = plain_check(sys.argv[1:])
        if plain is None:
            from .cli_group import cli

            cli(prog_name="bylaws")
        else:
            # A check makes thousands of objects and no garbage, then ends:
            # the cyclic collector stays off to the end, where what is alive
            # is frozen. Turned back on earlier, its first pass would walk all
            # that the check made (1.4 ms at 2,000 articles).
            gc.disable()
            from .commands.checking import check_and_report
            from .terminal import guarded_output

            paths, quiet = plain
            with guarded_output():
                within_boundary(
                    lambda: check_and_report([Path(p) for p in paths], quiet)
                )
    finally:
        # The process ends here. At exit Python walks every object still
        # alive (modules, classes, functions, a big diff's outline) looking
        # for cycles to free, which the exit frees anyway: 6% of a small
        # diff's instructions. Frozen objects are left out of that walk.
        # (Deferred clean-up still runs: atexit and weakref.finalize come
        # first, and every output is flushed and closed by the with blocks.)
        gc.freeze()
        if collecting:
            gc.enable()  # after the freeze: no pass over what the command made


_CLICK_NAMES = frozenset({"BylawsGroup", "cli", "summary"})


def __getattr__(name: str) -> Any:
    """The click group's names, from `bylaws.cli_group`, imported on first use."""
    if name in _CLICK_NAMES:
        from . import cli_group

        return getattr(cli_group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
