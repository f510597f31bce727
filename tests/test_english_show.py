"""`bylaws show` on English bylaws: Article headings as the source writes
them, the preamble, and choosing an Article or a Section by its citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from .cli_run import messages_in_english, run

__all__ = ["messages_in_english"]

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "english-bylaws"


@pytest.fixture
def club(tmp_path: Path, messages_in_english: None) -> Path:
    target = tmp_path / "club"
    run("import", str(DATA / "garden-club.txt"), "-o", str(target))
    return target


@pytest.fixture
def chess(tmp_path: Path, messages_in_english: None) -> Path:
    target = tmp_path / "chess"
    run("import", str(DATA / "decimal-sec.txt"), "-o", str(target))
    return target


def test_show_prints_the_article_headings_as_written(club: Path) -> None:
    shown = run("show", str(club))
    assert shown.startswith(
        "BYLAWS OF THE MAPLE HOLLOW GARDEN CLUB\n\n\nARTICLE I - NAME\n\nSection 1: Name\n"
    )
    assert "\n\nARTICLE III - OFFICERS\n\nSection 1: Officers\n" in shown


def test_a_title_on_its_own_line_and_the_preamble(chess: Path) -> None:
    shown = run("show", str(chess))
    assert shown.startswith(
        "Bylaws of the Riverbend Chess Society\n\n"
        "Adopted by the members at the founding meeting.\n\n\n"
        "Article 1\nName and Purpose\n\n1.01: Name\n"
    )
    assert "<preamble>" in (chess / "document.xml").read_text()


@pytest.mark.parametrize(
    "wanted", ["II.3", "ii.3", "Article II, Section 3", "Art. II, Sec. 3", "sec-lapse"]
)
def test_a_section_by_its_citation(club: Path, wanted: str) -> None:
    assert run("show", str(club), "-a", wanted) == (
        "ARTICLE II - MEMBERSHIP\n\nSection 3: Lapse\n"
        "A member whose dues are unpaid by June 1 shall be dropped, "
        "as set out in Article II, Section 2.\n"
    )


@pytest.mark.parametrize("wanted", ["III", "Article III", "article 3", "art-officers"])
def test_a_whole_article(club: Path, wanted: str) -> None:
    shown = run("show", str(club), "-a", wanted)
    assert shown.startswith("ARTICLE III - OFFICERS\n\nSection 1: Officers\n")
    assert shown.count("Section ") == 2


def test_a_bare_number_in_one_article_only_is_that_section(club: Path) -> None:
    assert run("show", str(club), "-a", "3").startswith(
        "ARTICLE II - MEMBERSHIP\n\nSection 3: Lapse\n"
    )


def test_a_bare_number_in_several_articles_lists_them(club: Path) -> None:
    said = run("show", str(club), "-a", "2", code=2)
    assert said == (
        "error: '2' is in several places: Article II, Section 2 (sec-dues); "
        "Article III, Section 2 (sec-terms); name one as 'III.2' or "
        "'Article III, Section 2', or by its id\n"
    )


def test_decimal_sections(chess: Path) -> None:
    shown = run("show", str(chess), "-a", "2.02")
    assert shown.startswith("Article 2\nMembers\n\n2.02: Dues\n")
    assert run("show", str(chess), "-a", "Section 1.02").startswith(
        "Article 1\nName and Purpose\n\n1.02: Purpose\n"
    )
    said = run("show", str(chess), "-a", "1", code=2)
    assert "name one as '2.01' or 'Section 2.01', or by its id" in said


@pytest.mark.parametrize("wanted", ["IV", "II.9", "9"])
def test_nothing_there(club: Path, wanted: str) -> None:
    said = run("show", str(club), "-a", wanted, code=2)
    assert said.startswith("error: document club has no ")
