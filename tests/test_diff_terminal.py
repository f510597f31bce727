"""The diff at a terminal: suggestions for typos, the pager, no empty lines,
and a stat that says it counts words."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.commands.diffing import _pager
from bylaws.diff.compare import diff_documents
from bylaws.formatters import render
from bylaws.model import P, Paragraph, Point, Text

from .diff_helpers import art, document


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = CliRunner().invoke(cli, ["dif"], env={"BYLAWS_LANG": "en"})
    assert result.exit_code == 2
    assert "did you mean 'diff'?" in result.output


def test_a_mistyped_option_gets_a_suggestion() -> None:
    result = CliRunner().invoke(cli, ["diff", "--colr", "a", "b"])
    assert result.exit_code == 2
    assert "--color" in result.output


def test_an_unknown_command_with_nothing_close_says_only_that() -> None:
    result = CliRunner().invoke(cli, ["zzzz"])
    assert result.exit_code == 2
    assert "did you mean" not in result.output


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ""),
        ({"PAGER": "cat"}, None),
        ({"PAGER": "less -R"}, "less -R"),
        ({"BYLAWS_PAGER": "cat", "PAGER": "less"}, None),
        ({"BYLAWS_PAGER": "most"}, "most"),
        ({"BYLAWS_PAGER": ""}, None),
    ],
)
def test_the_pager_follows_bylaws_pager_then_pager(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str | None
) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("BYLAWS_PAGER", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _pager() == expected


def test_no_pager_is_accepted() -> None:
    result = CliRunner().invoke(cli, ["diff", "--no-pager", "--help"])
    assert result.exit_code == 0
    assert "--no-pager" in result.output


def _points_only(first: str) -> Paragraph:
    return Paragraph((Point((P((Text(first),)),)), Point((P((Text("ثان بند."),)),))))


def test_no_blank_line_for_an_article_with_no_introduction() -> None:
    old = document([("ch-1", "أ", [art("art-1", _points_only("أول بند."))])])
    new = document([("ch-1", "أ", [art("art-1", _points_only("أول بند جديد."))])])
    text = render(diff_documents(old, new), "inline")
    body = text.split("@@ المادة الأولى @@", 1)[1].splitlines()[1:]
    assert body and all(line.strip() for line in body)
    assert body[0].strip().startswith("(أ)")


def test_stat_says_it_counts_words() -> None:
    old = document([("ch-1", "x", [art("art-1", "one two three")])], "en")
    new = document([("ch-1", "x", [art("art-1", "one four three")])], "en")
    text = render(diff_documents(old, new), "stat")
    assert text.splitlines()[0] == "words changed per article (+ inserted, - deleted)"
