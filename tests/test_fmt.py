"""`bylaws fmt`: canonical, idempotent, atomic."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from bylaws import xmlio
from bylaws.cli import cli
from bylaws.fmt import workspace_files


def _mess_up(folder: Path) -> dict[Path, bytes]:
    """Re-indent every file badly; return the canonical bytes each should get back."""
    canonical = {}
    for path in workspace_files(folder):
        data = path.read_bytes()
        canonical[path] = data
        messy = data.replace(b"\n  ", b"\n\t\t").replace(b"> <", b">   <")
        messy = messy.replace(b"<p>", b"<p>\n   ")
        path.write_bytes(messy)
    return canonical


def test_fmt_restores_canonical_form(sample: Path) -> None:
    canonical = _mess_up(sample)
    result = CliRunner().invoke(cli, ["fmt", "--check", str(sample)])
    assert result.exit_code == 1
    assert f"would reformat {sample / 'document.xml'}" in result.output
    assert (sample / "document.xml").read_bytes() != canonical[sample / "document.xml"]
    result = CliRunner().invoke(cli, ["fmt", str(sample)])
    assert result.exit_code == 0, result.output
    for path, data in canonical.items():
        assert path.read_bytes() == data, path
    again = CliRunner().invoke(cli, ["fmt", "--check", str(sample)])
    assert again.exit_code == 0 and again.output == ""


def test_fmt_keeps_file_mode(sample: Path) -> None:
    path = sample / "articles" / "art-name.xml"
    path.write_bytes(path.read_bytes().replace(b"\n  ", b"\n    "))
    path.chmod(0o600)
    assert CliRunner().invoke(cli, ["fmt", str(path)]).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o600


def test_fmt_leaves_a_malformed_file_alone(sample: Path) -> None:
    path = sample / "articles" / "art-name.xml"
    broken = path.read_bytes().replace(b"</heading>", b"")
    path.write_bytes(broken)
    result = CliRunner().invoke(cli, ["fmt", str(sample)])
    assert result.exit_code == 2
    assert f"{path}:" in result.output
    assert path.read_bytes() == broken


def _assert_every_file_whole(before: dict[Path, bytes]) -> None:
    for path, canonical in before.items():
        data = path.read_bytes()
        # Either untouched (still the messy original, which parses) or fully rewritten.
        xmlio.parse_bytes(data, str(path))
        assert data == canonical or xmlio.canonical_bytes(data, str(path)) == canonical


def test_fmt_killed_in_the_middle_of_a_write_leaves_files_whole(sample: Path) -> None:
    """A crash after the temporary file is written but before the rename."""
    canonical = _mess_up(sample)
    script = (
        "import os, sys\n"
        "calls = 0\n"
        "real = os.replace\n"
        "def dying_replace(a, b):\n"
        "    global calls\n"
        "    calls += 1\n"
        "    if calls == 7:\n"
        "        os.kill(os.getpid(), 9)\n"
        "    real(a, b)\n"
        "os.replace = dying_replace\n"
        "from bylaws.cli import main\n"
        "sys.argv = ['bylaws', 'fmt', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(sample)], capture_output=True
    )
    assert done.returncode == -signal.SIGKILL
    _assert_every_file_whole(canonical)
    rewritten = [p for p, data in canonical.items() if p.read_bytes() == data]
    assert len(rewritten) == 6  # the six renames before the kill, nothing half-done


def test_fmt_killed_at_random_moments_leaves_files_whole(sample: Path) -> None:
    canonical = _mess_up(sample)
    for delay in (0.05, 0.15, 0.3):
        proc = subprocess.Popen(
            [sys.executable, "-m", "bylaws", "fmt", str(sample)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        _assert_every_file_whole(canonical)
