"""A plain `bylaws check` runs without click and says what the click command says.

Pre-commit hooks and editors run `bylaws check` on every commit or save, so
`bylaws.cli.main` runs `check`, `-q` and paths without importing click
(issue #16). Everything else, and the same check through the click group,
must behave exactly as before: both paths are run here as real processes and
compared byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bylaws.cli import plain_check

from .conftest import ROOT

# The click group run directly, as `bylaws` ran before the plain path existed.
THROUGH_CLICK = (
    "import sys\nfrom bylaws.cli import cli\ncli(sys.argv[1:], prog_name='bylaws')\n"
)
HOSTILE = "evil\x1b]0;owned\x07\x1b[2J\nx.xml:1:1: error: fake"
HOOK_FILES = ("art-budget.xml", "art-branches.xml", "art-definitions.xml")


def bylaws(
    *args: str, through_click: bool = False, lang: str | None = None, cwd: Path = ROOT
) -> tuple[int, str, str]:
    """Run `bylaws ARGS` as a process: exit code, stdout, stderr."""
    if through_click:
        command = [sys.executable, "-c", THROUGH_CLICK, *args]
    else:
        command = [sys.executable, "-m", "bylaws", *args]
    env = dict(os.environ)
    if lang:
        env["BYLAWS_LANG"] = lang
    done = subprocess.run(command, capture_output=True, env=env, cwd=cwd)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A workspace with problems of each kind, one whose name holds escapes,
    and a folder with no document."""
    root = tmp_path_factory.mktemp("quick")
    broken = root / "broken"
    shutil.copytree(ROOT / "drafts", broken)
    articles = broken / "internal-regulations" / "articles"
    (articles / "art-accounts.xml").write_text("<article", encoding="utf-8")
    _replace(
        articles / "art-budget.xml", 'id="art-budget"', 'id="art-budget" colour="red"'
    )
    _replace(articles / "art-branches.xml", "</heading>", "\u200b</heading>")
    hostile = root / HOSTILE
    shutil.copytree(broken / "internal-regulations", hostile)
    (root / "empty").mkdir()
    return {
        "clean": ROOT / "drafts",
        "broken": broken,
        "hostile": hostile,
        "empty": root / "empty",
    }


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES: dict[str, tuple[list[str], int]] = {
    "clean": (["clean"], 0),
    "problems": (["broken"], 1),
    "quiet": (["-q", "broken"], 1),
    "quiet after the path": (["broken", "--quiet"], 1),
    "no document": (["empty"], 2),
    "no such path": (["empty/nowhere"], 2),
    "escapes in a folder name": (["hostile"], 1),
    "files as a hook passes them": (
        [f"internal-regulations/articles/{name}" for name in HOOK_FILES],
        1,
    ),
    "the current folder": ([], 1),
}


def _args(names: list[str], places: dict[str, Path]) -> list[str]:
    """`check` and the arguments, each place named by its key (a flag as it is)."""
    args = ["check"]
    for name in names:
        key, _, rest = name.partition("/")
        args.append(str(places[key] / rest) if key in places else name)
    return args


@pytest.mark.parametrize("lang", [None, "ar", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_plain_path_says_what_click_says(
    case: str, lang: str | None, places: dict[str, Path]
) -> None:
    names, code = CASES[case]
    args = _args(names, places)
    assert plain_check(args) is not None  # the case does take the plain path
    cwd = places["broken"]
    plain = bylaws(*args, lang=lang, cwd=cwd)
    assert plain == bylaws(*args, through_click=True, lang=lang, cwd=cwd)
    assert plain[0] == code
    assert "Traceback" not in plain[2]
    assert "\x1b" not in plain[1] + plain[2] and "\x07" not in plain[1] + plain[2]
    if "-q" in names or "--quiet" in names or code == 0:
        assert plain[1:] == ("", "")


def test_a_plain_check_does_not_import_click(places: dict[str, Path]) -> None:
    code = (
        "import sys\n"
        "from bylaws.cli import main\n"
        "sys.argv = ['bylaws', 'check', sys.argv[1]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code)\n"
        "print('click imported:', 'click' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(places["broken"])],
        capture_output=True,
        text=True,
        env={**os.environ, "BYLAWS_LANG": "en"},
    )
    lines = done.stdout.splitlines()
    assert lines[-2:] == ["exit 1", "click imported: False"]
    assert any("art-accounts.xml:1:9: error: malformed XML" in line for line in lines)
    assert "2 error(s), 1 warning(s)" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["check", "--help"],
        ["check", "-h"],
        ["check", "--", "drafts"],
        ["check", "--frobnicate"],
        ["check", "-qq"],
        ["check", "-"],
        ["check", ""],
        ["check", "drafts", "-q", "--version"],
        ["--version"],
        ["show", "drafts"],
        ["fmt", "--check", "drafts"],
    ],
)
def test_anything_else_goes_through_click(args: list[str]) -> None:
    assert plain_check(args) is None


def test_options_and_mistakes_are_click_s_as_before(places: dict[str, Path]) -> None:
    code, out, err = bylaws("check", "--help")
    assert code == 0 and out.startswith("Usage: bylaws check [OPTIONS] [PATHS]...")
    assert bylaws("check", "-h") == (code, out, err)
    code, out, err = bylaws("check", "--frobnicate")
    assert code == 2 and out == ""
    assert err.endswith("Error: No such option '--frobnicate'.\n")
    code, out, err = bylaws("check", "--", str(places["broken"]), lang="en")
    assert code == 1 and "error(s)" in err
    assert bylaws("check", "--", str(places["broken"]), lang="en") == bylaws(
        "check", str(places["broken"]), lang="en", through_click=True
    )


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root may read any file: click's 'not readable' cannot be seen",
)
def test_an_unreadable_path_is_left_to_click(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        assert plain_check(["check", str(locked)]) is None
        assert plain_check(["check", str(tmp_path / "absent")]) is not None
    finally:
        locked.chmod(0o700)
