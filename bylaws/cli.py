"""The `bylaws` command line: one click group and one error boundary.

Commands live in `bylaws.commands.*` and are imported only when run, so
`bylaws check` does not pay for mkdocs. Library errors become one line on
stderr (`file:line:col: error: message`, the message in the reader's
language: see `bylaws.locale.cli_language`) and exit code 2; no traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from . import __version__
from .errors import BylawsError, UnusableInput

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


def summary(name: str, limit: int) -> str:
    """A command's help as `--help` lists it, cut to `limit` as click cuts it."""
    return click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)


EXIT_USAGE = 2
EXIT_INTERNAL = 3


def system_error(exc: OSError) -> BylawsError:
    """An error the operating system raised, as one line naming the file."""
    from .locale import _

    path = exc.filename if isinstance(exc.filename, str) else None
    reason = exc.strerror or str(exc) or type(exc).__name__
    return UnusableInput(_("the system refused: {reason}"), path, reason=reason)


class BylawsGroup(click.Group):
    """A group that imports its commands lazily and owns the error boundary."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def format_commands(
        self, ctx: click.Context, formatter: click.HelpFormatter
    ) -> None:
        """The list of commands, from SUMMARIES: no command module is imported."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(n, summary(n, limit)) for n in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"bylaws.commands.{module_name}")
        command = getattr(module, cmd_name.replace("-", "_") + "_command", None)
        return command if isinstance(command, click.Command) else None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run with stdout and stderr escaped (`bylaws.terminal`), click's usage
        errors included: a path named on the command line may hold escapes too."""
        from .terminal import guarded_output

        with guarded_output():
            return super().main(*args, **kwargs)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in `args`; a mistyped one gets a suggestion."""
        name = click.utils.make_str(args[0]) if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            import difflib

            from .locale import _, say

            close = difflib.get_close_matches(name, list(COMMANDS), n=3, cutoff=0.6)
            if close:
                ctx.fail(
                    say(
                        _("no such command {name!r}; did you mean {suggestions}?"),
                        name=name,
                        suggestions=", ".join(repr(c) for c in close),
                    )
                )
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        from .locale import cli_language, forget_language

        forget_language()  # a new run: no document yet (CliRunner runs many in one process)
        return self._invoke_within_boundary(ctx, cli_language)

    def _invoke_within_boundary(self, ctx: click.Context, cli_language: Any) -> Any:
        """Run the command; library errors become one line and exit 2, bugs exit 3."""
        from .locale import _, say

        try:
            return super().invoke(ctx)
        except BylawsError as exc:
            click.echo(exc.render(cli_language()), err=True)
            ctx.exit(EXIT_USAGE)
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo(say(_("interrupted")), err=True)
            ctx.exit(130)
        except (click.ClickException, click.exceptions.Exit, SystemExit):
            raise
        except BrokenPipeError:
            # The reader (a pager, `head`) went away: not an error of ours.
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:
            # The system refused (a file we may not read, a full or read-only
            # disk): the user can act on it, so it is not a bug of ours.
            click.echo(system_error(exc).render(cli_language()), err=True)
            ctx.exit(EXIT_USAGE)
        except Exception as exc:
            # A bug of ours: say so in one line; BYLAWS_DEBUG=1 shows the traceback.
            if os.environ.get("BYLAWS_DEBUG"):
                raise
            click.echo(
                say(
                    _(
                        "internal error: {kind}: {error} (this is a bug in bylaws; run again with BYLAWS_DEBUG=1 and report the traceback)"
                    ),
                    kind=type(exc).__name__,
                    error=exc,
                ),
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=BylawsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="bylaws")
def cli() -> None:
    """Draft internal regulations as XML and review amendments word by word."""


def main() -> None:
    try:
        cli(prog_name="bylaws")
    finally:
        # The process ends here. At exit Python walks every object still
        # alive (modules, classes, functions, a big diff's outline) looking
        # for cycles to free, which the exit frees anyway: 6% of a small
        # diff's instructions. Frozen objects are left out of that walk.
        # (Deferred clean-up still runs: atexit and weakref.finalize come
        # first, and every output is flushed and closed by the with blocks.)
        import gc

        gc.freeze()
