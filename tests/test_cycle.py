"""The amendment cycle by commands alone: rule, feedback add, apply, adopt, and again."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.archive import archived_versions
from bylaws.cli import cli

from .cli_run import messages_in_english, run  # noqa: F401 (a fixture)
from .conftest import ROOT, SAMPLE

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
DOC = "drafts/internal-regulations"


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        [*GIT, *args], cwd=folder, check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh git repository holding a copy of the sample in drafts/."""
    shutil.copytree(SAMPLE, tmp_path / DOC)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "the sample")
    monkeypatch.chdir(tmp_path)
    return tmp_path


pytestmark = pytest.mark.usefixtures("messages_in_english")


def _adopt_finally(proposal: str, start: str) -> None:
    """Rulings through every stage after `start`, each a decision to adopt."""
    order = [
        "drafting-committee",
        "central-leadership",
        "central-committee",
        "conference",
    ]
    for n, stage in enumerate(order[order.index(start) :]):
        out = run(
            "rule",
            proposal,
            "--decide",
            "adopt",
            "--stage",
            stage,
            "--votes",
            f"{20 + n}/2/1",
            "--reason",
            "أُقرّ",
            "--date",
            f"2026-06-{10 + n:02d}",
        )
        assert "recorded the decision adopt" in out


def test_the_whole_cycle_twice(repo: Path) -> None:
    doc = repo / DOC
    assert run("check") == ""
    # Stage by stage, accountable-leaderships is adopted; the drafting
    # committee's recommendation alone sends member-consultation on.
    _adopt_finally("accountable-leaderships", "central-committee")
    status = run("status")
    assert "(مع 21، ضد 2، امتناع 1)" in status
    # A comment on the article the proposal inserts is listed under it.
    out = run(
        "feedback",
        "add",
        "--on",
        "art-accountability-session/para-2",
        "--author",
        "ليلى",
        "--from",
        "فرع الساحل",
        "نقترح أن تُعقد الجلسة علناً.",
    )
    assert re.search(r"added comment fb-accountability-session-1 to .*\.xml", out)
    listed = run("feedback", "--proposal", "accountable-leaderships")
    assert "(جديدة في accountable-leaderships) (art-accountability-session)" in listed
    assert "(!)" not in listed
    assert "نقترح أن تُعقد الجلسة علناً." in listed
    assert run("check") == ""

    before = repo / "out/before"
    shutil.copytree(doc / "articles", before / "articles")
    shutil.copy(doc / "document.xml", before / "document.xml")
    out = run("adopt", "--version", "2026-conference", "--date", "2026-06-20")
    assert "adopted accountable-leaderships as version 2026-conference" in out
    assert "stale: finance-transparency" in out  # art-leadership-reports moved
    assert run("check") == ""
    assert run("fmt", "--check", "drafts") == ""
    assert not (doc / "proposals/accountable-leaderships").exists()
    archive = doc / "archive/2026-conference"
    assert (archive / "proposals/accountable-leaderships/proposal.xml").is_file()
    archived_comments = "".join(
        p.read_text(encoding="utf-8") for p in (archive / "feedback").glob("*.xml")
    )
    assert "نقترح أن تُعقد الجلسة علناً." in archived_comments
    # The archived instrument is the published one, and it reads back: applied
    # to the text as it was, it gives the text now in force.
    instrument = (archive / "instrument.txt").read_text(encoding="utf-8")
    assert instrument.startswith("قرار بتعديل")
    assert "المؤتمر العام" in instrument and "2026-06-" in instrument
    assert "[art-" not in instrument and "](art-" not in instrument
    run(
        "apply-instrument",
        str(before),
        str(archive / "instrument.txt"),
        "--into",
        "out/after",
    )
    assert run("show", "out/after") == run("show", DOC)
    document = (doc / "document.xml").read_text(encoding="utf-8")
    assert "<version>2026-conference</version>" in document
    assert "<date>2026-06-20</date>" in document
    assert "art-accountability-session" in document
    _pre_commit_hook_passes(repo)
    # The archive is read back by the listings.
    assert "نقترح" in run("feedback", "--version", "2026-conference")
    assert "accountable-leaderships" in run(
        "disposition", "--version", "2026-conference"
    )
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "adopted at the 2026 conference")

    # The next cycle: a proposal on the new text, adopted in turn.
    run(
        "propose",
        "new",
        "session-quorum",
        "--doc",
        DOC,
        "--title",
        "نصاب جلسة المساءلة",
        "--proposer",
        "لجنة الصياغة",
        "--amend",
        "art-accountability-session",
    )
    text = doc / "proposals/session-quorum/articles/art-accountability-session.xml"
    text.write_text(
        text.read_text(encoding="utf-8").replace("مرة في السنة", "مرتين في السنة"),
        encoding="utf-8",
    )
    assert run("check") == ""
    _adopt_finally("session-quorum", "drafting-committee")
    run("adopt", "--version", "2027-conference", "--date", "2027-06-20")
    assert run("check") == ""
    assert archived_versions(doc) == ["2026-conference", "2027-conference"]
    for version in ("2026-conference", "2027-conference"):
        assert (doc / "archive" / version / "instrument.txt").is_file()
    in_force = (doc / "articles/art-accountability-session.xml").read_text(
        encoding="utf-8"
    )
    assert "مرتين في السنة" in in_force
    hook = subprocess.run(
        ["git", "diff", "--quiet"], cwd=repo, check=False, capture_output=True
    )
    assert hook.returncode == 1  # the adoption changed tracked files, nothing else


def _pre_commit_hook_passes(repo: Path) -> None:
    """What the hooks of .pre-commit-hooks.yaml run on the files a commit
    would hold (their `files` pattern, every changed or new file)."""
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text()
    pattern = re.compile(re.findall(r"files: '([^']+)'", hooks)[0])
    status = _git(repo, "status", "--porcelain", "--untracked-files=all")
    files = [
        line[3:]
        for line in status.splitlines()
        if not line.startswith(" D") and pattern.search(line[3:])
    ]
    assert any("/archive/" in f for f in files)
    assert run("check", *files) == ""
    assert run("fmt", "--check", *files) == ""


def _amend(proposal: str, article: str, old: str, new: str) -> None:
    run(
        "propose",
        "new",
        proposal,
        "--doc",
        DOC,
        "--title",
        proposal,
        "--proposer",
        "p",
        "--amend",
        article,
    )
    path = Path(DOC) / "proposals" / proposal / "articles" / f"{article}.xml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_adopted_change_is_never_undone(repo: Path) -> None:
    """Two proposals drafted against the same text of one article; the first
    adopted, then the second: both changes stand."""
    quorum = Path(DOC) / "articles/art-quorum.xml"
    _amend("first-change", "art-quorum", "ساعة واحدة", "أولاً")
    _amend("second-change", "art-quorum", "ثلث الأعضاء", "أخيراً")
    _adopt_finally("first-change", "drafting-committee")
    run("adopt", "--version", "v1", "--date", "2026-07-01")
    assert "أولاً" in quorum.read_text(encoding="utf-8")
    _adopt_finally("second-change", "drafting-committee")
    run("apply", "--into", "out/preview")
    both = (Path("out/preview") / "articles/art-quorum.xml").read_text(encoding="utf-8")
    assert "أولاً" in both and "أخيراً" in both
    run("adopt", "--version", "v2", "--date", "2026-07-02")
    text = quorum.read_text(encoding="utf-8")
    assert "أولاً" in text and "أخيراً" in text
    assert run("check", DOC) == ""


def test_the_same_words_changed_twice_stop_with_the_words(repo: Path) -> None:
    quorum = Path(DOC) / "articles/art-quorum.xml"
    _amend("first-change", "art-quorum", "ساعة واحدة", "أولاً")
    _amend("second-change", "art-quorum", "ساعة واحدة", "ثانياً")
    _adopt_finally("first-change", "drafting-committee")
    run("adopt", "--version", "v1", "--date", "2026-07-01")
    _adopt_finally("second-change", "drafting-committee")
    before = quorum.read_bytes()
    out = run("adopt", "--version", "v2", code=2)
    assert "collision" in out and "أولاً" in out and "ثانياً" in out
    assert quorum.read_bytes() == before
    assert not (Path(DOC) / "archive/v2").exists()


def test_apply_takes_the_finally_adopted_and_previews_the_rest(repo: Path) -> None:
    out = run("apply", code=2)
    assert "no proposal is finally adopted" in out
    out = run("apply", "member-consultation", "--doc", DOC, code=2)
    assert "not finally adopted" in out and "--preview" in out
    run("apply", "member-consultation", "--doc", DOC, "--preview", "--into", "p")
    assert (Path("p") / "articles/art-member-consultation.xml").is_file()
    out = run("apply", "--doc", DOC, "--preview", "--into", DOC, code=2)
    assert "bylaws adopt" in out


def test_a_proposal_without_a_base_is_refused(repo: Path) -> None:
    xml = Path(DOC) / "proposals/finance-transparency/proposal.xml"
    xml.write_text(
        re.sub(
            r"<base ([^>]*)>.*?</base>",
            r"<base \1/>",
            xml.read_text(encoding="utf-8"),
            flags=re.S,
        ),
        encoding="utf-8",
    )
    out = run("check", code=1)
    assert "records no base" in out
    out = run("apply", "finance-transparency", "--doc", DOC, "--preview", code=2)
    assert "bylaws rebase finance-transparency --base REV" in out


def test_rule_refuses_what_check_refuses(repo: Path) -> None:
    xml = Path(DOC) / "proposals/member-consultation/proposal.xml"
    before = xml.read_bytes()
    out = run(
        "rule",
        "member-consultation",
        "--decide",
        "adopt",
        "--stage",
        "conference",
        code=2,
    )
    assert re.search(r"proposal\.xml:\d+:\d+: error: .*skips a stage", out)
    assert xml.read_bytes() == before
    out = run("rule", "member-consultation", "--decide", "adopt-modified", code=2)
    assert 'modified="PROPOSAL-ID"' in out
    out = run("rule", "member-consultation", "--decide", "maybe", code=2)
    assert "unknown verdict" in out
    run(
        "rule",
        "member-consultation",
        "--decide",
        "refer-back",
        "--reason",
        "تُعاد للصياغة",
    )
    assert 'stage="drafting-committee"' in xml.read_text(encoding="utf-8")
    assert run("check") == ""


def test_a_mistyped_verdict_is_said_in_the_documents_language(repo: Path) -> None:
    """No BYLAWS_LANG and an English LANG: the Arabic document decides."""
    result = CliRunner().invoke(
        cli,
        ["rule", "member-consultation", "--decide", "maybe"],
        env={"BYLAWS_LANG": None, "LANG": "C.UTF-8", "LC_ALL": None},
    )
    assert result.exit_code == 2
    assert "حكم غير معروف 'maybe'" in result.output


def test_feedback_add_checks_its_anchor_and_creates_the_file(repo: Path) -> None:
    out = run(
        "feedback",
        "add",
        "--on",
        "art-nowhere",
        "--author",
        "a",
        "--from",
        "Branch X",
        "text",
        code=2,
    )
    assert "there is no art-nowhere" in out
    out = run(
        "feedback",
        "add",
        "--on",
        "art-quorum/para-1",
        "--author",
        "a",
        "--from",
        "Branch X",
        "--date",
        "2026-04-01",
        "first paragraph\n\nsecond paragraph",
    )
    path = Path(DOC) / "feedback/branch-x.xml"
    assert str(path) in out
    text = path.read_text(encoding="utf-8")
    assert 'id="fb-quorum-1"' in text and text.count("<p>") == 2
    run(
        "feedback",
        "add",
        "--on",
        "art-quorum",
        "--author",
        "b",
        "--from",
        "Branch X",
        "x",
    )
    assert 'id="fb-quorum-2"' in path.read_text(encoding="utf-8")
    assert run("check") == ""
    assert run("fmt", "--check", DOC) == ""


def test_git_setup_writes_an_absolute_path(repo: Path) -> None:
    run("git-setup")
    config = _git(repo, "config", "--local", "diff.bylaws.textconv")
    program = config.split(" diff --textconv")[0].strip("'\"")
    assert Path(program.split(" -m ")[0]).is_absolute()


def test_without_git_the_archive_keeps_the_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No repository at all: the text a proposal was drafted against is found
    in archive/*/previous/, where the first adoption kept it."""
    shutil.copytree(SAMPLE, tmp_path / DOC)
    monkeypatch.chdir(tmp_path)
    quorum = Path(DOC) / "articles/art-quorum.xml"
    _amend("first-change", "art-quorum", "ساعة واحدة", "أولاً")
    _amend("second-change", "art-quorum", "ثلث الأعضاء", "أخيراً")
    _adopt_finally("first-change", "drafting-committee")
    run("adopt", "--version", "v1", "--date", "2026-07-01")
    assert (Path(DOC) / "archive/v1/previous/articles/art-quorum.xml").is_file()
    assert run("check") == ""  # stale, but it merges: nothing to say
    _adopt_finally("second-change", "drafting-committee")
    run("adopt", "--version", "v2", "--date", "2026-07-02")
    text = quorum.read_text(encoding="utf-8")
    assert "أولاً" in text and "أخيراً" in text


def test_check_reads_the_archive_as_history(repo: Path) -> None:
    _adopt_finally("accountable-leaderships", "central-committee")
    run("adopt", "--version", "v1", "--date", "2026-06-20")
    archived = Path(DOC) / "archive/v1/proposals/accountable-leaderships/proposal.xml"
    archived.write_text(
        archived.read_text(encoding="utf-8").replace("</meta>", "</meta"),
        encoding="utf-8",
    )
    out = run("check", code=1)
    assert "archive/v1/proposals/accountable-leaderships/proposal.xml" in out
    (Path(DOC) / "archive/v1/version.txt").unlink()
    assert "has no version.txt" in run("check", code=1)


def test_adopted_as_modified_brings_in_the_text_adopted_instead(repo: Path) -> None:
    stages = ["drafting-committee", "central-leadership", "central-committee"]
    for n, stage in enumerate([*stages, "conference"]):
        run(
            "rule",
            "consultation-alternative",
            "--decide",
            "adopt-modified",
            "--modified",
            "member-consultation",
            "--stage",
            stage,
            "--date",
            f"2026-06-{10 + n:02d}",
        )
    out = run("adopt", "--version", "v1", "--date", "2026-06-20")
    assert "consultation-alternative, member-consultation" in out
    doc = Path(DOC)
    assert (doc / "articles/art-member-consultation.xml").is_file()
    for name in ("consultation-alternative", "member-consultation"):
        assert (doc / "archive/v1/proposals" / name / "proposal.xml").is_file()
        assert not (doc / "proposals" / name).exists()
    assert run("check") == ""


def test_rule_names_the_stage_it_moved_to(repo: Path) -> None:
    """The stage in the confirmation is the document's own name for it, with
    its id beside it, not the id alone."""
    out = run(
        "rule",
        "accountable-leaderships",
        "--decide",
        "adopt",
        "--date",
        "2026-04-10",
    )
    assert "its stage is now المؤتمر العام (conference)" in out


def test_a_proposal_named_among_several_documents_finds_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """drafts/ holds two documents: a proposal's name says which one is meant."""
    shutil.copytree(ROOT / "drafts", tmp_path / "drafts")
    monkeypatch.chdir(tmp_path)
    out = run(
        "rule", "accountable-leaderships", "--decide", "adopt", "--date", "2026-04-10"
    )
    assert "its stage is now" in out
    out = run("rule", "no-such-proposal", "--decide", "adopt", code=2)
    assert "several documents here" in out
