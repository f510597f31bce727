"""`bylaws show`: the reader's view, golden files for every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from tests.conftest import ENGLISH, SAMPLE, golden


def show(*args: str) -> str:
    result = CliRunner().invoke(cli, ["show", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_whole_sample(fmt: str) -> None:
    extension = {"text": "txt", "markdown": "md", "json": "json"}[fmt]
    golden(f"show/internal-regulations.{extension}", show(str(SAMPLE), "--format", fmt))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_english_fixed_numbering(fmt: str) -> None:
    extension = {"text": "txt", "json": "json"}[fmt]
    golden(f"show/english-sample.{extension}", show(str(ENGLISH), "--format", fmt))


@pytest.mark.parametrize(
    "wanted", ["art-member-rights", "12", "١٢", "الثانية عشرة", "الثانيه عشر"]
)
def test_one_article_by_id_or_number(wanted: str) -> None:
    out = show(str(SAMPLE), "--article", wanted)
    assert out.startswith("المادة الثانية عشرة: حقوق العضو\n")


def test_references_follow_renumbering_in_genitive() -> None:
    out = show(str(SAMPLE), "--article", "art-member-rights")
    # After a preposition the tens take their genitive ending.
    assert "وفق المادة الثالثة والأربعين." in out


def test_inserted_and_repealed_articles_in_a_fixed_document() -> None:
    assert show(str(ENGLISH), "-a", "4-bis").startswith(
        "Article 4bis: Junior membership"
    )
    assert show(str(ENGLISH), "-a", "5") == "Article 5 (repealed)\n"


def test_json_is_structured() -> None:
    data = json.loads(show(str(SAMPLE), "--format", "json"))
    assert data["direction"] == "rtl"
    articles = [i for i in data["items"] if i["type"] == "article"]
    assert len(articles) >= 45
    assert articles[11]["label"] == "المادة الثانية عشرة"
    assert articles[11]["blocks"][1]["address"] == "para-1/point-1"


def test_markdown_escapes_text() -> None:
    out = show(str(SAMPLE), "--format", "markdown")
    assert "<" not in out.replace("<!--", "")


def test_a_reference_to_nothing_shows_its_address(sample: Path) -> None:
    path = sample / "articles" / "art-name.xml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("</p>", ' <ref to="art-gone"/></p>', 1), encoding="utf-8"
    )
    out = show(str(sample), "--article", "art-name")
    assert "{art-gone}" in out.splitlines()[1]


@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_what_show_prints_imports_back_to_the_same_text(
    folder: Path, tmp_path: Path
) -> None:
    # The text a reader sees is enough to rebuild the document: the same
    # articles, paragraphs, points, notes and chapters; only the ids are new.
    runner = CliRunner()
    shown = runner.invoke(cli, ["show", str(folder)])
    assert shown.exit_code == 0, shown.output
    source = tmp_path / "shown.txt"
    source.write_text(shown.output, encoding="utf-8")
    imported = runner.invoke(cli, ["import", str(source), "-o", str(tmp_path / "back")])
    assert imported.exit_code == 0, imported.output
    compared = runner.invoke(
        cli,
        [
            "diff",
            str(folder),
            str(tmp_path / "back"),
            "--align",
            "content",
            "--exit-code",
        ],
    )
    assert (compared.exit_code, compared.output) == (0, "")
