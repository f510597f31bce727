"""What `bylaws check` does once its arguments are known, without click.

Pre-commit hooks and editors run `bylaws check` on every commit or save, so
`bylaws.cli.main` runs a plain `check PATH...` straight through this function,
without importing click (a third of a small check's start-up); the click
command in `bylaws.commands.texts` calls the same function.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

EXIT_PROBLEMS = 1


def check_and_report(paths: Sequence[Path], quiet: bool) -> None:
    """Check PATHS (the current folder if none), print each problem and a summary.

    Args:
        paths: document folders, workspaces or files inside a document.
        quiet: print nothing; only the exit code speaks.

    Raises:
        SystemExit: with EXIT_PROBLEMS when a problem was found.
    """
    from ..diff.memory import paused_collector
    from ..locale import _, cli_language, tr
    from ..terminal import echo

    # The modules check loads make thousands of objects and no garbage: the
    # cyclic collector's passes over them while they load would find nothing.
    with paused_collector():
        from ..check import check_paths

        report = check_paths(paths or (Path("."),))
    if not quiet:
        lang = cli_language(report.languages[0] if report.languages else None)
        for problem in report.sorted():
            echo(problem.render(lang))
        if report.problems:
            echo(
                tr(
                    _("{errors} error(s), {warnings} warning(s) in {files} file(s)"),
                    lang,
                    errors=report.errors,
                    warnings=report.warnings,
                    files=report.files,
                ),
                err=True,
            )
    if report.problems:
        raise SystemExit(EXIT_PROBLEMS)
