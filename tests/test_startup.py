"""Start-up: `--help` and `--version` import no command, and say the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from bylaws.cli import COMMANDS, SUMMARIES, cli, summary


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_is_the_command_s_own_short_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    for limit in (30, 45, 60, 200):
        assert summary(name, limit) == command.get_short_help_str(limit)


def test_every_command_has_a_summary() -> None:
    assert set(SUMMARIES) == set(COMMANDS)


def _modules_after(args: str) -> set[str]:
    code = (
        "import sys\n"
        "from bylaws.cli import cli\n"
        f"try: cli.main({args}, prog_name='bylaws')\n"
        "except SystemExit: pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


def test_help_and_version_import_no_command_nor_package_metadata() -> None:
    for args in ("['--help']", "['--version']"):
        loaded = _modules_after(args)
        assert not {m for m in loaded if m.startswith("bylaws.commands")}
        assert "importlib.metadata" not in loaded
        assert "bylaws.model" not in loaded


def test_the_diff_leaves_validation_to_check() -> None:
    sample = Path(__file__).resolve().parents[1] / "drafts" / "internal-regulations"
    loaded = _modules_after(f"['diff', {str(sample)!r}, {str(sample)!r}]")
    assert "bylaws.operands" in loaded
    assert "bylaws.validation" not in loaded
