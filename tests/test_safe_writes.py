"""Writes are safe: refused targets, the workspace lock, interrupted and refused writes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bylaws.lock import workspace_lock

from .cli_run import messages_in_english, run  # noqa: F401 (a fixture)
from .conftest import SAMPLE

DOC = "drafts/internal-regulations"
BYLAWS = [sys.executable, "-m", "bylaws"]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SAMPLE, tmp_path / DOC)
    monkeypatch.chdir(tmp_path)
    return tmp_path


pytestmark = pytest.mark.usefixtures("messages_in_english")


def snapshot(root: Path) -> dict[str, str]:
    """Every file below `root` (but the lock file) by its sha256."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name != ".bylaws.lock":
            found[str(path.relative_to(root))] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


PREVIEW = ("apply", "member-consultation", "--doc", DOC, "--preview", "--into")


# --- --into -------------------------------------------------------------------------


def test_into_a_non_empty_folder_is_refused(workspace: Path) -> None:
    target = workspace / "mine"
    (target / "articles").mkdir(parents=True)
    (target / "articles/notes.txt").write_text("mine")
    (target / "document.xml.bak").write_text("mine too")
    out = run(*PREVIEW, str(target), code=2)
    assert "exists and is not empty" in out
    assert sorted(p.name for p in target.rglob("*")) == [
        "articles",
        "document.xml.bak",
        "notes.txt",
    ]


def test_into_a_proposal_folder_is_refused(workspace: Path) -> None:
    folder = workspace / DOC / "proposals/digital-registry"
    before = snapshot(folder)
    out = run(*PREVIEW, str(folder), code=2)
    assert "exists and is not empty" in out
    assert snapshot(folder) == before


def test_into_a_symlink_is_refused(workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text("x")
    (workspace / "link").symlink_to(outside)
    out = run(*PREVIEW, "link", code=2)
    assert "symbolic link" in out
    assert [p.name for p in outside.iterdir()] == ["private.txt"]


def test_into_a_document_folder_only_on_purpose(workspace: Path) -> None:
    run(*PREVIEW, "out/copy")
    (workspace / "out/copy/articles/README.txt").write_text("keep me")
    (workspace / "out/copy/notes.md").write_text("keep me too")
    out = run(*PREVIEW, "out/copy", code=2)
    assert "--replace" in out
    run(*PREVIEW, "out/copy", "--replace")
    assert (workspace / "out/copy/articles/README.txt").read_text() == "keep me"
    assert (workspace / "out/copy/notes.md").read_text() == "keep me too"
    assert (workspace / "out/copy/articles/art-member-consultation.xml").is_file()


def test_the_text_in_force_is_never_the_target_of_apply(workspace: Path) -> None:
    before = snapshot(workspace / DOC)
    out = run(*PREVIEW, DOC, "--replace", code=2)
    assert "bylaws adopt" in out
    assert snapshot(workspace / DOC) == before


# --- the lock and interrupted writes --------------------------------------------------


def test_a_second_writer_waits_then_fails_clearly(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLAWS_LOCK_TIMEOUT", "0.3")
    before = snapshot(workspace / DOC)
    with workspace_lock(workspace / DOC):
        out = run(
            "propose",
            "amend",
            "member-consultation",
            "art-quorum",
            "--doc",
            DOC,
            code=2,
        )
    assert "another bylaws command is writing to this workspace" in out
    assert "nothing was changed" in out
    assert snapshot(workspace / DOC) == before
    run("propose", "amend", "member-consultation", "art-quorum", "--doc", DOC)


def test_leftovers_of_an_interrupted_write_are_removed(workspace: Path) -> None:
    doc = workspace / DOC
    (doc / "articles/.bylaws-tmp.art-quorum.xml.abc").write_text("half")
    (workspace / "drafts/.bylaws-build.internal-regulations-consolidated.x").mkdir()
    (
        workspace
        / "drafts/.bylaws-build.internal-regulations-consolidated.x/document.xml"
    ).write_text("")
    proposal = doc / "proposals/digital-registry"
    aside = doc / "proposals/.bylaws-old.digital-registry.q1w2"
    proposal.rename(aside)  # a crash between the two renames of a swap
    assert run("show", DOC)
    run(
        "rule",
        "member-consultation",
        "--recommend",
        "adopt",
        "--stage",
        "central-leadership",
    )
    leftovers = [p for p in workspace.rglob(".bylaws-*") if p.name != ".bylaws.lock"]
    assert leftovers == []
    assert (proposal / "proposal.xml").is_file()  # put back, not deleted
    assert run("check", DOC) == ""


def _bylaws(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "BYLAWS_LOCK_TIMEOUT": "120"}
    return subprocess.Popen(
        [*BYLAWS, *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_kill_during_apply_leaves_nothing_taken_for_a_document(workspace: Path) -> None:
    for delay in (0.3, 0.5, 0.7, 0.9, 1.1, 1.4):
        process = _bylaws("apply", "member-consultation", "--preview", cwd=workspace)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate()  # reaps it and closes its pipes
        shown = subprocess.run(
            [*BYLAWS, "show", DOC], cwd=workspace, capture_output=True, check=False
        )
        assert shown.returncode == 0, shown.stderr
        check = subprocess.run(
            [*BYLAWS, "check", "drafts"],
            cwd=workspace,
            capture_output=True,
            check=False,
        )
        assert b": error:" not in check.stdout, check.stdout
    done = _bylaws("apply", "member-consultation", "--preview", cwd=workspace)
    _, err = done.communicate()
    assert done.returncode == 0, err.decode()
    leftovers = [p for p in workspace.rglob(".bylaws-*") if p.name != ".bylaws.lock"]
    assert leftovers == []
    assert (
        workspace / "build/internal-regulations-consolidated/document.xml"
    ).is_file()


def test_eight_concurrent_amendments_keep_all_eight(workspace: Path) -> None:
    run("propose", "new", "many", "--doc", DOC, "--title", "t", "--proposer", "p")
    articles = [
        "art-quorum",
        "art-voting",
        "art-seat",
        "art-emblem",
        "art-budget",
        "art-accounts",
        "art-dissolution",
        "art-interpretation",
    ]
    processes = [
        _bylaws("propose", "amend", "many", article, "--doc", DOC, cwd=workspace)
        for article in articles
    ]
    for process in processes:
        _, err = process.communicate()
        assert process.returncode == 0, err.decode()
    xml = (workspace / DOC / "proposals/many/proposal.xml").read_text()
    for article in articles:
        assert f'<amend article="{article}"' in xml
        assert (
            workspace / DOC / "proposals/many/articles" / f"{article}.xml"
        ).is_file()


# --- refused writes -------------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of our own (root only; skipped where mounting is refused)."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        shutil.copytree(SAMPLE, mount / DOC)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _one_line_error(result: subprocess.CompletedProcess[bytes], words: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err and "internal error" not in err


def test_a_full_disk_is_one_line_and_changes_nothing(tmpfs: Path) -> None:
    filler = tmpfs / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    before = snapshot(tmpfs / "drafts")
    result = subprocess.run(
        [
            *BYLAWS,
            "propose",
            "amend",
            "member-consultation",
            "art-quorum",
            "--doc",
            DOC,
        ],
        cwd=tmpfs,
        capture_output=True,
        check=False,
    )
    _one_line_error(result, "no space left on the device")
    assert snapshot(tmpfs / "drafts") == before
    filler.unlink()
    leftovers = [p for p in tmpfs.rglob(".bylaws-*") if p.name != ".bylaws.lock"]
    assert leftovers == []


def test_a_read_only_file_system_is_one_line(tmpfs: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    before = snapshot(tmpfs / "drafts")
    result = subprocess.run(
        [*BYLAWS, "adopt", "--doc", DOC], cwd=tmpfs, capture_output=True, check=False
    )
    _one_line_error(result, "read-only")
    assert snapshot(tmpfs / "drafts") == before


def test_a_permission_refusal_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() != 0 and sys.platform != "linux":
        pytest.skip("needs Linux")
    top = tmp_path / "shared"
    shutil.copytree(SAMPLE, top / DOC)
    command = [
        *BYLAWS,
        "propose",
        "amend",
        "member-consultation",
        "art-quorum",
        "--doc",
        DOC,
    ]
    if os.geteuid() == 0:
        # Root passes every permission check; without the capabilities that
        # let it, writing into a folder owned by someone else is refused.
        for path in [top, *top.rglob("*")]:
            os.chown(path, 65534, 65534)
        command = [
            "setpriv",
            "--bounding-set=-dac_override,-dac_read_search,-fowner",
            "--",
            *command,
        ]
    else:
        for path in [top / "drafts", *(top / "drafts").rglob("*")]:
            if path.is_dir():
                path.chmod(0o555)
    before = snapshot(top)
    result = subprocess.run(command, cwd=top, capture_output=True, check=False)
    _one_line_error(result, "permission denied")
    assert snapshot(top) == before


def test_kill_during_adopt_leaves_the_old_cycle_or_the_new(workspace: Path) -> None:
    doc = workspace / DOC
    for stage, date in (
        ("central-committee", "2026-06-01"),
        ("conference", "2026-06-02"),
    ):
        run(
            "rule",
            "accountable-leaderships",
            "--decide",
            "adopt",
            "--stage",
            stage,
            "--date",
            date,
        )
    for delay in (0.3, 0.5, 0.7, 0.9, 1.1, 1.3, 1.6):
        process = _bylaws(
            "adopt", "--version", "v1", "--date", "2026-06-03", cwd=workspace
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate()
        old = (doc / "proposals/accountable-leaderships/proposal.xml").is_file()
        new = (
            doc / "archive/v1/proposals/accountable-leaderships/proposal.xml"
        ).is_file()
        assert old != new  # one whole state, never a mixture
        check = subprocess.run(
            [*BYLAWS, "check", "drafts"],
            cwd=workspace,
            capture_output=True,
            check=False,
        )
        assert b": error:" not in check.stdout, check.stdout
        if new:
            break
