"""Comments and processing instructions inside text are refused by `check` (issue #11, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.visibility import hidden_markup_problems

BUDGET = "articles/art-budget.xml"


def test_each_one_is_found_at_its_line_and_column() -> None:
    text = (
        '<?xml version="1.0"?>\n<!-- licence -->\n<article>\n'
        "  <p>Members <?php x ?>pay<!-- not -->\n dues.</p>\n</article>\n<!-- end -->\n"
    )
    found = [
        (p.line, p.col, p.level, p.message[:8])
        for p in hidden_markup_problems(text, "a.xml")
    ]
    assert found == [(4, 14, "error", "a proces"), (4, 27, "error", "a commen")]


def test_a_file_without_any_has_no_problem() -> None:
    assert hidden_markup_problems('<?xml version="1.0"?>\n<a><p>x</p></a>\n', "a") == []
    assert hidden_markup_problems("<a/>", "a") == []


@pytest.mark.parametrize(
    ("inserted", "words"),
    [("<?php echo 1 ?>", "a processing instruction"), ("<!-- x -->", "a comment")],
)
def test_check_refuses_them(
    sample: Path, monkeypatch: pytest.MonkeyPatch, inserted: str, words: str
) -> None:
    monkeypatch.setenv("BYLAWS_LANG", "en")
    path = sample / BUDGET
    lines = path.read_text("utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if "<p>" in line)
    col = lines[number].index("<p>") + len("<p>") + 1
    lines[number] = lines[number].replace("<p>", "<p>" + inserted, 1)
    path.write_text("".join(lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(sample)])
    assert result.exit_code == 1
    assert f"{path}:{number + 1}:{col}: error: {words} inside the text" in result.stdout
