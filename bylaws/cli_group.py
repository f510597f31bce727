"""The `bylaws` click group: commands imported lazily, `--help` from short texts.

`bylaws.cli.main` loads this module for every command line except a plain
`bylaws check PATH...`, which runs without click (see `bylaws.cli`): hooks and
editors run that on every commit or save, and importing click is a third of
its start-up. The error boundary both paths share is `bylaws.cli.within_boundary`.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from . import __version__
from .cli import COMMANDS, SUMMARIES, within_boundary


def summary(name: str, limit: int) -> str:
    """A command's help as `--help` lists it, cut to `limit` as click cuts it."""
    return click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)


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
        """Run the command within the error boundary; click's own exceptions
        (usage errors, exits) are click's to handle."""

        def run() -> Any:
            try:
                return super(BylawsGroup, self).invoke(ctx)
            except click.exceptions.Abort:  # click's word for Ctrl-C at a prompt
                raise KeyboardInterrupt from None

        return within_boundary(
            run, passing=(click.ClickException, click.exceptions.Exit)
        )


@click.group(cls=BylawsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="bylaws")
def cli() -> None:
    """Draft internal regulations as XML and review amendments word by word."""
