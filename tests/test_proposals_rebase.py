"""Stale proposals: found by fingerprint, carried over by a three-way word merge."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.proposal_files import stale_articles
from bylaws.workspace import DiskTree, load_proposal

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]


def _git(folder: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True)


def _repo_with_proposal(sample: Path) -> Path:
    _git(sample, "init", "-q")
    _git(sample, "add", ".")
    _git(sample, "commit", "-qm", "base")
    result = CliRunner().invoke(
        cli,
        [
            "propose",
            "new",
            "quorum",
            "--doc",
            str(sample),
            "--title",
            "t",
            "--proposer",
            "p",
            "--amend",
            "art-quorum",
        ],
    )
    assert result.exit_code == 0, result.output
    folder = sample / "proposals/quorum"
    article = folder / "articles/art-quorum.xml"
    article.write_text(article.read_text().replace("ساعة واحدة", "ساعتين"))
    return folder


def _proposal(folder: Path):  # type: ignore[no-untyped-def]
    return load_proposal(DiskTree(folder.parent), PurePosixPath(folder.name))


def test_rebase_merges_a_change_made_elsewhere_in_the_article(sample: Path) -> None:
    folder = _repo_with_proposal(sample)
    assert stale_articles(DiskTree(sample), _proposal(folder)) == []
    text_in_force = sample / "articles/art-quorum.xml"
    text_in_force.write_text(
        text_in_force.read_text().replace("ثلث الأعضاء", "ربع الأعضاء")
    )
    _git(sample, "commit", "-qam", "quorum lowered")
    assert stale_articles(DiskTree(sample), _proposal(folder)) == ["art-quorum"]
    # Stale, but its base is in git and the changes merge: `apply` carries it
    # over by itself, so `check` has nothing to say.
    check = CliRunner().invoke(cli, ["check", str(sample)])
    assert check.exit_code == 0, check.output
    result = CliRunner().invoke(cli, ["rebase", str(folder)])
    assert result.exit_code == 0, result.output
    merged = (folder / "articles/art-quorum.xml").read_text()
    assert "ساعتين" in merged and "ربع الأعضاء" in merged
    assert stale_articles(DiskTree(sample), _proposal(folder)) == []
    assert CliRunner().invoke(cli, ["check", str(sample)]).exit_code == 0


def test_rebase_stops_on_the_same_words(sample: Path) -> None:
    folder = _repo_with_proposal(sample)
    text_in_force = sample / "articles/art-quorum.xml"
    text_in_force.write_text(
        text_in_force.read_text().replace("ساعة واحدة", "نصف ساعة")
    )
    _git(sample, "commit", "-qam", "shorter delay")
    before = (folder / "proposal.xml").read_text()
    check = CliRunner().invoke(cli, ["check", str(sample)])
    assert check.exit_code == 1 and "art-quorum" in check.output
    result = CliRunner().invoke(cli, ["rebase", str(folder)])
    assert result.exit_code == 2
    assert "نصف ساعة" in result.output and "ساعتين" in result.output
    assert (folder / "proposal.xml").read_text() == before


def _forget_base(folder: Path, commit: str | None) -> None:
    xml = folder / "proposal.xml"
    text = re.sub(r"\s*<fingerprint [^>]*/>", "", xml.read_text())
    text = re.sub(r' commit="[0-9a-f]+"', f' commit="{commit}"' if commit else "", text)
    xml.write_text(text.replace('"></base>', '"/>').replace('">\n  </base>', '"/>'))


def test_a_proposal_whose_base_is_gone(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLAWS_LANG", "en")
    folder = _repo_with_proposal(sample)
    _forget_base(folder, "ab" * 20)
    result = CliRunner().invoke(cli, ["rebase", str(folder)])
    assert result.exit_code == 2
    assert re.search(
        r"quorum/proposal\.xml:\d+:\d+: error: .*cannot be known.*--base REV",
        result.output,
    )
    assert "Traceback" not in result.output


def test_a_proposal_without_a_base_gets_one_with_base_rev(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLAWS_LANG", "en")
    folder = _repo_with_proposal(sample)
    _forget_base(folder, None)
    check = CliRunner().invoke(cli, ["check", str(sample)])
    assert "records no base for art-quorum" in check.output
    assert "bylaws rebase quorum --base REV" in check.output
    refused = CliRunner().invoke(cli, ["rebase", str(folder)])
    assert refused.exit_code == 2 and "--base REV" in refused.output
    result = CliRunner().invoke(cli, ["rebase", str(folder), "--base", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "<fingerprint" in (folder / "proposal.xml").read_text()
    assert CliRunner().invoke(cli, ["check", str(sample)]).exit_code == 0
