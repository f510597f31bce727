"""Words that name a reference's target by its place stay true, or check says so.

"the preceding Section" keeps its target when the outline changes around it,
but may then read wrong. check warns where the text in force reads wrong, and
on a proposal whose changes would make it read wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bylaws.check import check_paths
from bylaws.numbering.places import place_of

from .conftest import ROOT, SAMPLE

GARDEN = ROOT / "drafts" / "garden-club"


@pytest.mark.parametrize(
    ("words", "place"),
    [
        ("this Article", (0, "article")),
        ("the preceding Section", (-1, "section")),
        ("The previous article", (-1, "article")),
        ("the foregoing Section", (-1, "section")),
        ("the following Article", (1, "article")),
        ("the next Section", (1, "section")),
        ("هذه المادة", (0, "article")),
        ("المادة السابقة", (-1, "article")),
        ("المادة التالية", (1, "article")),
        ("المادة المذكورة", None),
        ("Section 3", None),
        ("this Article and the next", None),
    ],
)
def test_place_words_are_read(words: str, place: tuple[int, str] | None) -> None:
    assert place_of(words) == place


def _messages(folder: Path) -> list[str]:
    report = check_paths([folder])
    return [
        f"{Path(p.path).name}:{p.line}:{p.col}: {p.message}" for p in report.sorted()
    ]


def _garden(tmp_path: Path) -> Path:
    folder = tmp_path / "garden-club"
    shutil.copytree(GARDEN, folder)
    return folder


def _swap(document: Path, first: str, second: str) -> None:
    text = document.read_text(encoding="utf-8")
    a, b = f'<article ref="{first}"/>', f'<article ref="{second}"/>'
    assert a in text and b in text
    document.write_text(
        text.replace(a, "\0").replace(b, a).replace("\0", b), encoding="utf-8"
    )


def test_the_samples_words_say_where_their_targets_are(tmp_path: Path) -> None:
    assert _messages(_garden(tmp_path)) == []


def test_text_in_force_whose_words_went_wrong_is_shown_at_the_words(
    tmp_path: Path,
) -> None:
    folder = _garden(tmp_path)
    _swap(folder / "document.xml", "sec-officers", "sec-terms")
    assert _messages(folder) == [
        "sec-terms.xml:5:35: 'the preceding Section' no longer names "
        "sec-officers by its place: nothing is there now; write other words, "
        "or cite sec-officers by its number"
    ]


def _propose_between(folder: Path) -> None:
    from click.testing import CliRunner

    from bylaws.cli import cli

    runner = CliRunner()
    for args in (
        ["new", "vice", "--title", "A vice-chair", "--proposer", "Board"],
        ["insert", "vice", "sec-vice", "--after", "sec-officers"],
    ):
        result = runner.invoke(cli, ["propose", *args, "--doc", str(folder)])
        assert result.exit_code == 0, result.output


def test_a_proposal_that_would_make_words_wrong_is_told_so(tmp_path: Path) -> None:
    folder = _garden(tmp_path)
    _propose_between(folder)
    assert _messages(folder) == [
        "proposal.xml:2:1: after proposal vice, 'the preceding Section' in "
        "sec-terms would no longer name sec-officers by its place (sec-vice "
        "would be there); change those words in the proposal, or cite "
        "sec-officers by its number"
    ]


def test_words_wrong_already_are_told_once_not_for_each_proposal(
    tmp_path: Path,
) -> None:
    folder = _garden(tmp_path)
    _swap(folder / "document.xml", "sec-officers", "sec-terms")
    _propose_between(folder)
    messages = _messages(folder)
    assert len(messages) == 1 and messages[0].startswith("sec-terms.xml:5:35:")


def test_arabic_place_words_are_checked_too(tmp_path: Path) -> None:
    folder = tmp_path / "internal-regulations"
    shutil.copytree(SAMPLE, folder)
    seat = folder / "articles" / "art-seat.xml"
    text = seat.read_text(encoding="utf-8")
    seat.write_text(
        text.replace(
            "في مدينة سَمَرْوان،",
            'في مدينة سَمَرْوان المذكورة في <ref to="art-name">المادة السابقة</ref>،',
        ),
        encoding="utf-8",
    )
    assert _messages(folder) == []
    _swap(folder / "document.xml", "art-name", "art-seat")
    (message,) = _messages(folder)
    assert message.startswith("art-seat.xml:5:")
    assert "'المادة السابقة' no longer names art-name" in message
