"""`bylaws diff`, `log` and `git-setup` through click's CliRunner, and git operands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.operands import diff_paths
from tests.conftest import SAMPLE

PROPOSAL = "proposals/finance-transparency"
needs_git = pytest.mark.skipif(
    shutil.which("git") is None, reason="git is not installed"
)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_exit_codes() -> None:
    assert run("diff", str(SAMPLE), str(SAMPLE), "--exit-code")[0] == 0
    assert run("diff", str(SAMPLE), str(SAMPLE / PROPOSAL), "--exit-code")[0] == 1
    assert run("diff", str(SAMPLE), str(SAMPLE / PROPOSAL))[0] == 0
    code, out, _ = run("diff", "-q", str(SAMPLE), str(SAMPLE / PROPOSAL))
    assert (code, out) == (1, "")


def test_bad_operand_is_one_line_without_traceback(tmp_path: Path) -> None:
    code, out, err = run("diff", str(tmp_path / "nope"), str(SAMPLE))
    assert code == 2 and out == ""
    assert err.strip() == f"{tmp_path / 'nope'}: error: no such file or folder"
    assert "Traceback" not in err


def test_broken_article_names_file_line_col(sample: Path) -> None:
    broken = sample / "articles" / "art-name.xml"
    broken.write_text(
        '<?xml version="1.0"?>\n<article xmlns="urn:bylaws:1" id="art-name">\n<p>',
        encoding="utf-8",
    )
    code, _, err = run("diff", str(SAMPLE), str(sample))
    assert code == 2
    assert err.startswith(f"{broken}:3:")
    assert ": error: malformed XML" in err


def test_article_against_document_is_refused() -> None:
    code, _, err = run("diff", str(SAMPLE / "articles" / "art-name.xml"), str(SAMPLE))
    assert code == 2 and "cannot compare an article file with a document" in err


def test_wrong_number_of_operands_is_usage_error() -> None:
    assert run("diff", str(SAMPLE))[0] == 2


def test_color_flags_and_no_color() -> None:
    args = ["diff", str(SAMPLE), str(SAMPLE / PROPOSAL)]
    assert "\x1b[" in run(*args, "--color")[1]
    assert "\x1b[" not in run(*args, "--color", "--no-color")[1]
    assert "\x1b[" not in run(*args, env={"NO_COLOR": "1"})[1]
    assert "{+" in run(*args)[1]  # not a terminal: no colour by default


def test_bidi_env_var() -> None:
    args = ["diff", str(SAMPLE), str(SAMPLE / PROPOSAL)]
    logical = run(*args)[1]
    visual = run(*args, env={"BYLAWS_BIDI": "visual"})[1]
    assert logical != visual
    assert visual == run(*args, "--bidi", "visual")[1]


def test_ignore_formal_and_json(sample: Path) -> None:
    audit = sample / "articles" / "art-financial-audit.xml"
    text = audit.read_text(encoding="utf-8")
    assert "الحركة" in text
    audit.write_text(text.replace("الحركة", "الحركـة"), encoding="utf-8")
    assert run("diff", str(SAMPLE), str(sample), "--exit-code")[0] == 1
    assert (
        run("diff", str(SAMPLE), str(sample), "--exit-code", "--ignore-formal")[0] == 0
    )
    data = json.loads(run("diff", str(SAMPLE), str(sample), "--format", "json")[1])
    assert data["changes"][0]["formal"] is True


def test_two_proposals_and_two_article_files() -> None:
    code, out, _ = run(
        "diff",
        str(SAMPLE / "proposals/member-consultation"),
        str(SAMPLE / "proposals/consultation-alternative"),
        "--format",
        "json",
    )
    assert code == 0
    kinds = {c["article"]: c["kinds"] for c in json.loads(out)["changes"]}
    assert "amended" in kinds["art-candidacy"]
    old = SAMPLE / "articles" / "art-candidacy.xml"
    new = SAMPLE / "proposals/member-consultation/articles/art-candidacy.xml"
    code, out, _ = run("diff", str(old), str(new), "--format", "stat")
    assert code == 0 and "معدّلة" in out


def test_textconv_prints_one_line_per_paragraph() -> None:
    code, out, _ = run(
        "diff", "--textconv", str(SAMPLE / "articles" / "art-donations.xml")
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("# ")
    assert lines[1].startswith("(1) ")


# --- git -------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(SAMPLE, root / "drafts" / "internal-regulations")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "text in force")
    git(root, "tag", "v1")
    donations = root / "drafts/internal-regulations/articles/art-donations.xml"
    donations.write_text(donations.read_text("utf-8").replace("5000", "7000"), "utf-8")
    git(root, "commit", "-q", "-am", "raise the donation cap")
    return root


@needs_git
def test_git_operands(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    doc = "drafts/internal-regulations"
    diff = diff_paths(f"HEAD~1:{doc}", doc)
    assert [(c.article, c.kinds) for c in diff.articles] == [
        ("art-donations", {"amended"})
    ]
    assert diff_paths(f"v1:{doc}", f"main~1:{doc}").is_empty
    # the working tree was not touched
    assert "7000" in (repo / doc / "articles/art-donations.xml").read_text("utf-8")
    assert git(repo, "status", "--porcelain") == ""
    code, out, _ = run(
        "diff",
        f"v1:{doc}/proposals/finance-transparency",
        f"HEAD:{doc}",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["summary"]["inserted"] == 0
    article = f"{doc}/articles/art-donations.xml"
    assert run("diff", f"HEAD~1:{article}", article, "--exit-code")[0] == 1


@needs_git
def test_bad_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    code, _, err = run(
        "diff", "nosuchrev:drafts/internal-regulations", "drafts/internal-regulations"
    )
    assert code == 2 and "unknown git revision 'nosuchrev'" in err


@needs_git
def test_log_lists_commits_with_word_diffs(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    code, out, _ = run(
        "log", "art-donations", "drafts/internal-regulations", "--no-color"
    )
    assert code == 0
    assert out.count("commit ") == 2
    assert "raise the donation cap" in out and "[-5000-]{+7000+}" in out
    code, out, _ = run(
        "log", "art-donations", "drafts/internal-regulations", "--format", "json"
    )
    entries = json.loads(out)
    assert [e["diff"]["changes"][0]["kind"] for e in entries] == ["amended", "inserted"]


@needs_git
def test_git_setup(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    # The command installed beside this interpreter (a venv's bin/ need not be
    # on PATH when pytest runs as `.venv/bin/python -m pytest`).
    beside = Path(sys.executable).parent / "bylaws"
    program = str(
        beside if beside.exists() else Path(shutil.which("bylaws") or "bylaws")
    )
    assert run("git-setup", "--bylaws", program)[0] == 0
    assert run("git-setup", "--bylaws", program)[0] == 0  # idempotent
    attributes = (repo / ".gitattributes").read_text("utf-8")
    assert attributes.count("**/articles/*.xml diff=bylaws") == 1
    assert git(repo, "config", "diff.bylaws.textconv") == f"{program} diff --textconv\n"
    if Path(program).exists():
        out = git(repo, "log", "-p", "-1", "--word-diff", "--", "drafts")
        assert "[-5000-]{+7000+}" in out


def test_a_proposal_that_moves_an_article_past_its_neighbour_names_it(
    sample: Path,
) -> None:
    runner = CliRunner()
    doc = str(sample)
    for args in (
        ["propose", "new", "swap", "--doc", doc, "--title", "ت", "--proposer", "س"],
        ["propose", "move", "swap", "art-name", "--after", "art-seat", "--doc", doc],
    ):
        assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(
        cli, ["diff", doc, str(sample / "proposals/swap"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)["changes"]
    assert [c["article"] for c in changes if c["kind"] == "moved"] == ["art-name"]
