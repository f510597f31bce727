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

from .errors import BylawsError

# command name -> module in bylaws.commands that defines it (attribute = name with _)
COMMANDS: dict[str, str] = {
    "check": "texts",
    "fmt": "texts",
    "show": "texts",
    "diff": "diffing",
    "log": "diffing",
    "git-setup": "diffing",
    "propose": "proposing",
    "apply": "proposing",
    "collisions": "proposing",
    "rebase": "proposing",
    "apply-instrument": "proposing",
    "status": "proposing",
    "disposition": "proposing",
    "feedback": "proposing",
    "import": "converting",
    "export": "converting",
    "site": "publishing",
}

EXIT_USAGE = 2
EXIT_INTERNAL = 3


class BylawsGroup(click.Group):
    """A group that imports its commands lazily and owns the error boundary."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module_name = COMMANDS.get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"bylaws.commands.{module_name}")
        command = getattr(module, cmd_name.replace("-", "_") + "_command", None)
        return command if isinstance(command, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        from .locale import _, cli_language, forget_language, say

        forget_language()  # a new run: no document yet (CliRunner runs many in one process)
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
@click.version_option(package_name="bylaws")
def cli() -> None:
    """Draft internal regulations as XML and review amendments word by word."""


def main() -> None:
    cli(prog_name="bylaws")
