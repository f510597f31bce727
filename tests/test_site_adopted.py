"""Nothing adopted leaves the site: after `bylaws adopt`, each archived version
has its page — the proposals it put into force, who proposed them and why,
the decision, and the instrument as published."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.site import site_pages
from bylaws.site.nav import document_nav

from .conftest import ROOT


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), env={"BYLAWS_LANG": "en"})
    assert result.exit_code == 0, result.output


def adopt_garden_club(tmp_path: Path) -> Path:
    """The garden club after its general meeting adopted lower-dues."""
    folder = tmp_path / "garden-club"
    shutil.copytree(ROOT / "drafts" / "garden-club", folder)
    _run(
        "rule",
        "lower-dues",
        "--doc",
        str(folder),
        "--recommend",
        "adopt",
        "--date",
        "2026-04-01",
    )
    _run(
        "rule",
        "lower-dues",
        "--doc",
        str(folder),
        "--decide",
        "adopt",
        "--votes",
        "31/4/2",
        "--date",
        "2026-05-02",
    )
    _run("adopt", "--doc", str(folder), "--version", "2026", "--date", "2026-05-02")
    return folder


@pytest.fixture
def adopted(tmp_path: Path) -> Path:
    return adopt_garden_club(tmp_path)


def test_an_adopted_version_has_its_page(adopted: Path) -> None:
    built = site_pages(adopted, have_home=False)
    ((title, pages, labels),) = built.documents
    by_uri = {p.src_uri: p for p in pages}
    page = by_uri["garden-club/adopted.md"]
    assert page.title == "Adopted versions"
    body = str(page.body)
    assert '<section id="version-2026">' in body
    assert "Version <bdi>2026</bdi> of" in body and "2026-05-02" in body
    # The proposal as decided: its title, proposer, rationale, the votes.
    assert "Lower the annual dues <bdi>(lower-dues)</bdi>" in body
    assert "Treasurer" in body
    assert "Votes: 31 for, 4 against, 2 abstentions" in body
    assert "the plant sale now covers the hall" in body
    proposal_folder = adopted / "archive" / "2026" / "proposals" / "lower-dues"
    assert proposal_folder.is_dir()
    # The instrument as adopted, each of its paragraphs.
    instrument = (adopted / "archive" / "2026" / "instrument.txt").read_text(
        encoding="utf-8"
    )
    assert "“ninety” and insert “sixty” in Article II, Section 2." in instrument
    for block in filter(str.strip, instrument.split("\n\n")):
        assert f'<p dir="auto">{block.strip()}</p>' in body
    # It is in the document's nav, after the disposition table.
    nav = document_nav(pages, labels, title)
    entries = [
        next(iter(e.values())) for e in next(iter(nav.values())) if isinstance(e, dict)
    ]
    assert entries[-1] == "garden-club/adopted.md"


def test_no_page_before_anything_is_adopted() -> None:
    built = site_pages(ROOT / "drafts" / "garden-club", have_home=False)
    assert all(not p.src_uri.endswith("adopted.md") for p in built.pages)
