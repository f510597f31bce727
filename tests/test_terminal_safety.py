"""The terminal takes no orders from the text (issue #11, item 2).

Article text, folder names and commit subjects holding escape sequences are
printed with every control character as a visible token, by every command.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.terminal import safe

from .conftest import SAMPLE

TITLE = "\x1b]0;owned\x07"  # sets the terminal window's title
CLEAR = "\x1b[2J"  # clears the screen
CSI = "\x9b2J"  # the same, as one C1 control: XML allows it in text
HOSTILE = f"evil{TITLE}{CLEAR}\nx.xml:1:1: error: fake"
BUDGET = "articles/art-budget.xml"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="no git")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def assert_no_controls(*outputs: str) -> None:
    for output in outputs:
        assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The sample in a folder whose name holds escapes and a fake error line,
    with C1 escapes in an article's text."""
    folder = tmp_path / HOSTILE
    shutil.copytree(SAMPLE, folder)
    path = folder / BUDGET
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("الموازنة</heading>", f"الموازنة{CSI}</heading>"))
    return folder


def test_safe_escapes_and_keeps_only_our_colours() -> None:
    assert safe(f"a{CLEAR}b\n") == "a⟨U+001B⟩[2Jb\n"
    assert safe("a\nb", line=True) == "a⟨U+000A⟩b"
    assert safe("\x1b[31mred\x1b[0m") == "⟨U+001B⟩[31mred⟨U+001B⟩[0m"
    assert safe(f"\x1b[31mred{CLEAR}\x1b[0m", styled=True) == (
        "\x1b[31mred\x1b[7m⟨U+001B⟩\x1b[27m[2J\x1b[0m"
    )
    assert safe("\rprogress", styled=True) == "\rprogress"
    assert safe("a\rb") == "a⟨U+000D⟩b"


def test_show_and_check_escape_text_and_names(hostile: Path) -> None:
    code, out, err = run("show", str(hostile), "--article", "art-budget")
    assert code == 0 and "⟨U+009B⟩2J" in out
    assert_no_controls(out, err)
    code, out, err = run("check", str(hostile))
    assert code == 1 and "U+009B C1 CONTROL" in out
    assert_no_controls(out, err)
    for line in out.splitlines():
        # every problem line starts with the whole folder name, on one line
        assert line.startswith(str(hostile.parent / "evil⟨U+001B⟩]0;owned⟨U+0007⟩"))
        assert "⟨U+000A⟩x.xml:1:1: error: fake" in line


def test_diff_escapes_text_and_names(hostile: Path) -> None:
    for colour in ("--color", "--no-color"):
        code, out, err = run("diff", colour, str(SAMPLE), str(hostile))
        assert code == 0 and "⟨U+009B⟩" in out
        assert "\nx.xml" not in out  # the folder name stays on its line
        assert "\x07" not in out and "\x9b" not in out
        assert CLEAR not in out and "\x1b]" not in out
    code, out, err = run("diff", "--no-color", str(SAMPLE), str(hostile))
    assert_no_controls(out, err)


def test_an_error_naming_a_hostile_folder_is_one_line(hostile: Path) -> None:
    (hostile / BUDGET).write_text("<article", encoding="utf-8")
    code, out, err = run("diff", str(SAMPLE), str(hostile))
    assert code == 2 and out == ""
    assert_no_controls(err)
    assert len(err.splitlines()) == 1
    assert not err.startswith("x.xml")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@needs_git
def test_log_escapes_commit_subjects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root / "doc")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", f"text in force {TITLE}{CLEAR}")
    budget = root / "doc" / BUDGET
    budget.write_text(budget.read_text("utf-8").replace("الموازنة<", f"الموازنة{CSI}<"))
    git(root, "commit", "-q", "-am", f"{CLEAR}amend")
    monkeypatch.chdir(root)
    for args in (["--no-color"], ["--color"], ["--format", "json"]):
        code, out, err = run("log", "art-budget", "doc", *args)
        assert code == 0
        assert "\x07" not in out and "\x9b" not in out
        assert CLEAR not in out and TITLE not in out
    code, out, err = run("log", "art-budget", "doc", "--no-color")
    assert "⟨U+001B⟩[2Jamend" in out and "⟨U+009B⟩2J" in out
    assert_no_controls(out, err)


def test_a_message_naming_a_hostile_path_stays_on_one_line(tmp_path: Path) -> None:
    from bylaws.locale import _, say

    folder = tmp_path / "a\nb.xml:1:1: error: fake"
    assert "\n" not in say(_("wrote {path}"), path=folder)
    assert "⟨U+000A⟩b.xml" in say(_("wrote {path}"), path=str(folder))
