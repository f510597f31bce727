"""A new user's walk through English bylaws, as the README and the guide
tell it: a workspace from the garden club's text, two proposals named by
citation, the diff, the motions, apply-instrument, show, the site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .cli_run import messages_in_english, run

__all__ = ["messages_in_english"]

GARDEN_CLUB = (
    Path(__file__).resolve().parent / "data" / "english-bylaws" / "garden-club.txt"
)


@pytest.fixture
def club(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages_in_english: None
) -> Path:
    monkeypatch.chdir(tmp_path)
    run("new", "club", "--lang", "en", "--from", str(GARDEN_CLUB))
    monkeypatch.chdir(tmp_path / "club")
    return tmp_path / "club" / "drafts" / "garden-club"


def test_the_walk(club: Path, tmp_path: Path) -> None:
    run("propose", "new", "guests", "--title", "Guests", "--proposer", "Committee")
    run(
        "propose",
        "insert",
        "guests",
        "sec-guests",
        "--after",
        "II.1",
        "--heading",
        "Guests",
    )
    guests = club / "proposals" / "guests" / "articles" / "sec-guests.xml"
    assert "<p>Text of the new section.</p>" in guests.read_text()
    guests.write_text(
        guests.read_text().replace(
            "Text of the new section.", "A member may bring a guest to two meetings."
        )
    )
    run(
        "propose",
        "new",
        "lower-dues",
        "--title",
        "Lower dues",
        "--proposer",
        "Treasurer",
    )
    said = run("propose", "amend", "lower-dues", "2", code=2)
    assert "'2' is in several places: Article II, Section 2 (sec-dues)" in said
    run("propose", "amend", "lower-dues", "Article II, Section 2")
    dues = club / "proposals" / "lower-dues" / "articles" / "sec-dues.xml"
    dues.write_text(dues.read_text().replace("ninety", "sixty"))
    run("check")

    diff = run("diff", str(club), str(club / "proposals" / "guests"), code=0)
    assert "@@ — → Article II, Section 2 @@ inserted" in diff
    motions = run(
        "diff",
        str(club),
        str(club / "proposals" / "lower-dues"),
        "--format",
        "instrument",
    )
    assert (
        "1. To strike out “ninety” and insert “sixty” in Article II, Section 2."
        in motions
    )

    instrument = tmp_path / "guests.txt"
    instrument.write_text(
        run(
            "diff",
            str(club),
            str(club / "proposals" / "guests"),
            "--format",
            "instrument",
        )
    )
    run(
        "apply-instrument",
        str(club),
        str(instrument),
        "--into",
        str(tmp_path / "amended"),
    )
    assert (tmp_path / "amended" / "articles" / "sec-guests.xml").exists()
    assert run("show", str(tmp_path / "amended"), "-a", "II.2") == (
        "ARTICLE II - MEMBERSHIP\n\nSection 2: Guests\n"
        "A member may bring a guest to two meetings.\n"
    )


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_log_by_citation(club: Path) -> None:
    root = club.parents[1]
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "the bylaws")
    dues = club / "articles" / "sec-dues.xml"
    dues.write_text(dues.read_text().replace("ninety", "eighty"))
    _git(root, "commit", "-qam", "lower the dues")
    shown = run("log", "II.2", str(club), "--no-color")
    assert shown.count("commit ") == 2 and "[-ninety-]{+eighty+}" in shown
    said = run("log", "2", str(club), code=2)
    assert "'2' is in several places" in said
