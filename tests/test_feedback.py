"""`bylaws feedback`: comments per article, anchored to ids, shown with current numbers."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bylaws.cli import cli

from .conftest import SAMPLE, golden


def test_feedback_of_the_sample() -> None:
    result = CliRunner().invoke(cli, ["feedback", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    golden("proposals/feedback.txt", result.output)


def test_one_article_by_id_or_number() -> None:
    by_id = CliRunner().invoke(
        cli, ["feedback", str(SAMPLE), "--article", "art-candidacy"]
    )
    assert by_id.exit_code == 0
    assert "art-candidacy" in by_id.output and "art-voting" not in by_id.output
    by_number = CliRunner().invoke(cli, ["feedback", str(SAMPLE), "--article", "34"])
    assert by_number.output == by_id.output


def test_comments_follow_their_article_through_renumbering(sample: Path) -> None:
    before = (
        CliRunner()
        .invoke(cli, ["feedback", str(sample), "--article", "art-candidacy"])
        .output
    )
    assert "المادة الرابعة والثلاثون" in before
    document = sample / "document.xml"
    # A new article early in the outline pushes every number after it up by one.
    document.write_text(
        document.read_text().replace(
            '<article ref="art-seat"/>',
            '<article ref="art-seat"/>\n<article ref="art-new"/>',
        )
    )
    (sample / "articles/art-new.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<article xmlns="urn:bylaws:1" '
        'id="art-new">\n  <paragraph>\n    <p>نص.</p>\n  </paragraph>\n</article>\n'
    )
    after = (
        CliRunner()
        .invoke(cli, ["feedback", str(sample), "--article", "art-candidacy"])
        .output
    )
    assert "المادة الخامسة والثلاثون (art-candidacy)" in after
    assert "الفقرة (2) من المادة الخامسة والثلاثين" in after
