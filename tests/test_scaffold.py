"""`bylaws propose …`: scaffolded proposals pass `check` at once."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.model import Amend, Insert, Move, Repeal
from bylaws.workspace import DiskTree, fingerprint, load_proposal


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _fail(*args: str) -> str:
    # The sample is Arabic, so its errors are too unless English is asked.
    result = CliRunner().invoke(cli, list(args), env={"BYLAWS_LANG": "en"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


def test_a_scaffolded_proposal_checks_clean(sample: Path) -> None:
    doc = str(sample)
    _run(
        "propose",
        "new",
        "quorum-reform",
        "--doc",
        doc,
        "--title",
        "إصلاح النصاب",
        "--proposer",
        "فرع تجريبي",
        "--amend",
        "art-quorum",
        "--rationale",
        "النصاب الحالي مرتفع.",
    )
    p = str(sample / "proposals/quorum-reform")
    _run(
        "propose",
        "insert",
        p,
        "art-remote-attendance",
        "--after",
        "art-quorum",
        "--heading",
        "الحضور عن بعد",
        "-r",
        "تيسير المشاركة.",
    )
    _run("propose", "repeal", p, "art-emblem")
    _run("propose", "move", p, "art-seat", "--into", "chp-general", "--at", "end")
    _run("propose", "heading", p, "chp-general", "الأحكام العامة")
    # Clean but for the reminder that the amended text is still a copy.
    check = CliRunner().invoke(cli, ["check", doc], env={"BYLAWS_LANG": "en"})
    assert check.exit_code == 1, check.output
    assert "0 error(s), 1 warning(s)" in check.output
    assert "amends art-quorum but its text is the text in force" in check.output
    amended = sample / "proposals/quorum-reform/articles/art-quorum.xml"
    copy = amended.read_bytes()
    amended.write_text(amended.read_text().replace("</p>", " (معدّلة)</p>", 1))
    check = CliRunner().invoke(cli, ["check", doc], env={"BYLAWS_LANG": "en"})
    assert check.exit_code == 0, check.output
    amended.write_bytes(copy)
    proposal = load_proposal(DiskTree(sample), PurePosixPath("proposals/quorum-reform"))
    kinds = [type(op) for op in proposal.operations]
    assert kinds[:4] == [Amend, Insert, Repeal, Move]
    recorded = {fp.article: fp.sha256 for fp in proposal.base.fingerprints}
    quorum = (sample / "articles/art-quorum.xml").read_bytes()
    assert recorded["art-quorum"] == fingerprint(quorum)
    assert {"art-emblem", "art-seat"} <= set(recorded)
    assert proposal.rationale and proposal.operations[1].rationale  # rationales kept
    # The amended article is a copy, ready to edit.
    copied = sample / "proposals/quorum-reform/articles/art-quorum.xml"
    assert copied.read_bytes() == quorum


def test_articles_may_be_named_by_number(sample: Path) -> None:
    _run(
        "propose",
        "new",
        "by-number",
        "--doc",
        str(sample),
        "--title",
        "t",
        "--proposer",
        "p",
        "--amend",
        "3",
    )
    proposal = load_proposal(DiskTree(sample), PurePosixPath("proposals/by-number"))
    assert proposal.operations[0] == Amend("art-nature")


def test_new_records_the_git_commit(sample: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=sample, check=True)
    subprocess.run([*git, "add", "."], cwd=sample, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=sample, check=True)
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"],
        cwd=sample,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    _run(
        "propose",
        "new",
        "with-commit",
        "--doc",
        str(sample),
        "--title",
        "t",
        "--proposer",
        "p",
        "--amend",
        "art-seat",
    )
    proposal = load_proposal(DiskTree(sample), PurePosixPath("proposals/with-commit"))
    assert proposal.base.commit == head


def test_bad_scaffolding_gets_a_clear_error(sample: Path) -> None:
    doc = str(sample)
    assert "no article 'art-nowhere'" in _fail(
        "propose",
        "new",
        "x",
        "--doc",
        doc,
        "--title",
        "t",
        "--proposer",
        "p",
        "--amend",
        "art-nowhere",
    )
    _run(
        "propose",
        "new",
        "y",
        "--doc",
        doc,
        "--title",
        "t",
        "--proposer",
        "p",
        "--repeal",
        "art-emblem",
    )
    out = _fail("propose", "amend", "y", "art-emblem", "--doc", doc)
    assert "repealed" in out
    _run("propose", "insert", "y", "art-a", "--after", "art-seat", "--doc", doc)
    out = _fail("propose", "insert", "y", "art-b", "--after", "art-seat", "--doc", doc)
    assert "already places" in out
    out = _fail(
        "propose",
        "new",
        "y",
        "--doc",
        doc,
        "--title",
        "t",
        "--proposer",
        "p",
        "--amend",
        "art-seat",
    )
    assert "exists already" in out
    assert re.search(r"proposals/y", out)
    out = _fail(
        "propose",
        "new",
        "Bad Name",
        "--doc",
        doc,
        "--title",
        "t",
        "--proposer",
        "p",
        "--amend",
        "art-seat",
    )
    assert "not a valid id" in out
