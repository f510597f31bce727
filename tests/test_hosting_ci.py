"""`bylaws ci init`: each host's file is valid for the host and its commands work.

The files are validated offline against the hosts' published schemas, as
vendored by check-jsonschema, and the steps they run are run here, in their
order, on a copy of the sample in a git repository whose branch is a merge
request against `main` (the posting and publishing steps, which need the host,
are the only ones left out).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.hosting.ci import HOSTS, ci_file
from tests.conftest import SAMPLE

BIN = Path(sys.executable).parent
SCHEMAS = {
    "github": "vendor.github-workflows",
    "forgejo": "vendor.github-workflows",
    "gitlab": "vendor.gitlab-ci",
}
# What the host would put in ${{ … }} on a pull request from `proposal` to `main`.
EXPRESSIONS = {
    "github.base_ref": "main",
    "github.server_url": "https://git.example.org",
    "github.repository": "movement/regulations",
    "github.run_id": "17",
    "github.run_number": "17",
    "github.event.pull_request.number": "4",
    "github.token": "not-a-token",
}
GITLAB_VARIABLES = {
    "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
    "CI_JOB_URL": "https://gitlab.example.org/movement/regulations/-/jobs/17",
}


def _validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("packets", [False, True])
@pytest.mark.parametrize("host", sorted(HOSTS))
def test_the_file_is_valid_against_the_hosts_schema(
    tmp_path: Path, host: str, packets: bool
) -> None:
    path = tmp_path / f"{host}.yml"
    path.write_text(ci_file(host, packets=packets), encoding="utf-8")
    done = _validate(path, SCHEMAS[host])
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("bylaws packet" in path.read_text("utf-8")) is packets


def test_the_schema_check_does_catch_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    text = ci_file("github").replace("runs-on: ubuntu-latest", "runs_on: ubuntu", 1)
    path.write_text(text, encoding="utf-8")
    assert _validate(path, SCHEMAS["github"]).returncode != 0


@pytest.mark.parametrize("host", sorted(HOSTS))
def test_the_file_is_commented_and_pins_this_bylaws(host: str) -> None:
    text = ci_file(host)
    assert f'BYLAWS: "bylaws=={version("bylaws")}"' in text
    assert 'pip install "$BYLAWS"' in text
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) > 10
    assert "@" + "REDLINE@" not in text and "@packet" not in text


def test_the_packet_step_appears_when_the_command_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bylaws import cli as cli_module

    assert "bylaws packet" not in ci_file("gitlab")
    monkeypatch.setitem(cli_module.COMMANDS, "packet", "packets")
    assert "bylaws packet" in ci_file("gitlab")


# --- running the steps -------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def merge_request(tmp_path: Path) -> Path:
    """A clone of a repository holding the sample, on a branch that amends it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    _git(tmp_path, "clone", "-q", str(origin), str(work))
    for key, value in (("user.name", "Drafter"), ("user.email", "d@example.org")):
        _git(work, "config", key, value)
    _git(work, "checkout", "-q", "-b", "main")
    shutil.copytree(SAMPLE, work / "drafts" / SAMPLE.name)
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "the text in force")
    _git(work, "push", "-q", "origin", "main")
    _git(work, "checkout", "-q", "-b", "proposal")
    article = work / "drafts" / SAMPLE.name / "articles" / "art-name.xml"
    text = article.read_text("utf-8")
    article.write_text(text.replace("مراسلاتها الرسمية", "مراسلاتها كلها"), "utf-8")
    _git(work, "commit", "-q", "-am", "a proposal")
    _git(work, "push", "-q", "origin", "proposal")
    # Meanwhile the target moves on: that change is not the branch's.
    _git(work, "checkout", "-q", "main")
    other = work / "drafts" / SAMPLE.name / "articles" / "art-objectives.xml"
    text = other.read_text("utf-8")
    other.write_text(text.replace("ترسيخ دولة", "بناء دولة"), "utf-8")
    _git(work, "commit", "-q", "-am", "the target moves on")
    _git(work, "push", "-q", "origin", "main")
    _git(work, "checkout", "-q", "proposal")
    return work


def _expand(text: str) -> str:
    return re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: EXPRESSIONS[m.group(1)], text)


def _run(script: str, cwd: Path, env: dict[str, str], shell: list[str]) -> None:
    full = {**os.environ, **env, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    full.pop("NO_COLOR", None)
    done = subprocess.run(
        [*shell, script], cwd=cwd, env=full, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"


def _is_install(script: str) -> bool:
    return script.strip() == 'pip install "$BYLAWS"'


def _run_actions_job(job: dict[str, Any], cwd: Path) -> list[str]:
    """Run a GitHub/Forgejo job's `run:` steps in order; the names of those run."""
    ran = []
    for step in job["steps"]:
        if "run" not in step:
            continue  # an action of the host: checkout, upload, the comment, Pages
        if _is_install(step["run"]):
            continue  # this bylaws is the pinned one, already on PATH
        if "curl" in step["run"]:
            continue  # posts the comment: needs the host
        env = {k: _expand(str(v)) for k, v in step.get("env", {}).items()}
        _run(step["run"], cwd, env, ["bash", "-e", "-c"])
        ran.append(step.get("name", step["run"]))
    return ran


def _check_redline(work: Path) -> None:
    comment = (work / "redline" / "comment.md").read_text("utf-8")
    assert comment.startswith("<!-- bylaws-redline -->\n")
    assert '<div dir="rtl">' in comment
    assert "~~الرسمية~~" in comment and "**كلها**" in comment
    # Only what the branch changed since it left the target.
    assert "ترسيخ" not in comment and "بناء" not in comment
    assert "معدّلة: 1" in comment
    assert "```text" in comment and "consultation-alternative" in comment
    page = work / "redline" / f"{SAMPLE.name}.html"
    assert '<meta charset="utf-8">' in page.read_text("utf-8")


@pytest.mark.parametrize("host", ["github", "forgejo"])
def test_the_actions_workflow_runs_on_a_pull_request_and_on_main(
    merge_request: Path, host: str
) -> None:
    work = merge_request
    result = CliRunner().invoke(cli, ["ci", "init", "--host", host, str(work)])
    assert result.exit_code == 0, result.output
    workflow = yaml.safe_load((work / HOSTS[host].path).read_text("utf-8"))
    jobs = workflow["jobs"]
    assert list(jobs) == ["check", "redline", "site"]
    # The pull request: checks, then the redline.
    assert _run_actions_job(jobs["check"], work)
    _run_actions_job(jobs["redline"], work)
    _check_redline(work)
    shutil.rmtree(work / "redline")
    # The default branch: checks, then the site (on Forgejo, pushed to `pages`).
    _git(work, "checkout", "-q", "main")
    _run_actions_job(jobs["check"], work)
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "CI")
    _run_actions_job(jobs["site"], work)
    assert (work / "site-offline" / "index.html").is_file()
    if host == "github":
        assert (work / "site" / "index.html").is_file()
    else:
        origin = work.parent / "origin.git"
        listing = _git(origin, "ls-tree", "-r", "--name-only", "pages")
        assert "index.html" in listing.split()


def test_the_gitlab_pipeline_runs_on_a_merge_request_and_on_main(
    merge_request: Path,
) -> None:
    work = merge_request
    result = CliRunner().invoke(cli, ["ci", "init", "--host", "gitlab", str(work)])
    assert result.exit_code == 0, result.output
    pipeline = yaml.safe_load((work / ".gitlab-ci.yml").read_text("utf-8"))
    assert pipeline["stages"] == ["check", "review", "publish"]
    assert [_is_install(s) for s in pipeline["default"]["before_script"]] == [True]

    def run_job(name: str) -> None:
        job = pipeline[name]
        env = dict(GITLAB_VARIABLES)
        for key, value in job.get("variables", {}).items():
            env[key] = re.sub(r"\$(\w+)", lambda m: env[m.group(1)], str(value))
        for script in job["script"]:
            if "curl" in script:
                continue  # posts the note: needs GitLab
            _run(script, work, env, ["bash", "-e", "-o", "pipefail", "-c"])

    run_job("check")
    run_job("redline")
    _check_redline(work)
    _git(work, "checkout", "-q", "main")
    run_job("check")
    run_job("pages")
    assert (work / "public" / "index.html").is_file()
    assert (work / "site-offline" / "index.html").is_file()


# --- the command ---------------------------------------------------------------


def test_ci_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["ci", "init", "--host", "gitlab", str(tmp_path)])
    assert first.exit_code == 0, first.output
    target = tmp_path / ".gitlab-ci.yml"
    target.write_text("# mine\n", encoding="utf-8")
    again = runner.invoke(cli, ["ci", "init", "--host", "gitlab", str(tmp_path)])
    assert again.exit_code == 2
    assert "--force" in again.output and ".gitlab-ci.yml" in again.output
    assert target.read_text("utf-8") == "# mine\n"
    forced = runner.invoke(
        cli, ["ci", "init", "--host", "gitlab", "--force", str(tmp_path)]
    )
    assert forced.exit_code == 0, forced.output
    assert target.read_text("utf-8") == ci_file("gitlab")
    assert not list(tmp_path.glob(".*.tmp"))


def test_ci_init_finds_the_host_from_the_remote(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    runner = CliRunner()
    unknown = runner.invoke(cli, ["ci", "init", str(tmp_path)])
    assert unknown.exit_code == 2 and "--host" in unknown.output
    _git(tmp_path, "remote", "add", "origin", "https://codeberg.org/movement/rules.git")
    found = runner.invoke(cli, ["ci", "init", str(tmp_path)])
    assert found.exit_code == 0, found.output
    assert (tmp_path / ".forgejo" / "workflows" / "bylaws.yml").is_file()
