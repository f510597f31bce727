"""`bylaws import` and `bylaws export` on the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from bylaws.cli import cli

from .conftest import ROOT, SAMPLE

DATA = ROOT / "tests" / "data" / "import"


def test_import_writes_a_document_and_reports_warnings(tmp_path: Path) -> None:
    out = tmp_path / "club"
    result = CliRunner().invoke(
        cli, ["import", str(DATA / "ar-words.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    # An Arabic text: the summary is said in Arabic (see docs/reference/messages.md).
    assert "المواد: 7، الملغاة: 2" in result.stdout
    assert f"{DATA / 'ar-words.txt'}:45: warning: " in result.stderr
    assert (out / "document.xml").is_file()
    assert (out / "articles" / "art-5-bis.xml").is_file()
    assert 'id="club"' in (out / "document.xml").read_text(encoding="utf-8")
    check = CliRunner().invoke(cli, ["check", str(out)])
    assert check.exit_code == 0, check.output


def test_import_into_an_existing_document_is_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "d"
    args = ["import", str(DATA / "ar-indic.txt"), "-o", str(target)]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert again.exit_code == 2
    # The text is Arabic, so is the refusal (see docs/reference/messages.md).
    assert "في المجلد وثيقة من قبل" in again.stderr
    english = runner.invoke(cli, args, env={"BYLAWS_LANG": "en"})
    assert "already holds a document" in english.stderr


def test_import_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(tmp_path / "none.txt"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_export_each_format_and_import_back(tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, name in (("markdown", "x.md"), ("akn", "x.xml"), ("docx", "x.docx")):
        target = tmp_path / name
        result = runner.invoke(
            cli, ["export", str(SAMPLE), "--to", fmt, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        back = runner.invoke(cli, ["import", str(target), "-o", str(tmp_path / fmt)])
        assert back.exit_code == 0, back.output
        diff = runner.invoke(
            cli,
            [
                "diff",
                str(SAMPLE),
                str(tmp_path / fmt),
                "--exit-code",
                "--format",
                "stat",
            ],
        )
        assert diff.exit_code == 0, diff.output


def test_export_a_proposal_as_word_tracked_changes(tmp_path: Path) -> None:
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            str(SAMPLE),
            "--to",
            "docx",
            "--proposal",
            "member-consultation",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        assert b"<w:ins " in archive.read("word/document.xml")


def test_export_an_unknown_proposal(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "export",
            str(SAMPLE),
            "--to",
            "akn",
            "--proposal",
            "nope",
            "-o",
            str(tmp_path / "a"),
        ],
    )
    assert result.exit_code == 2
    # The sample is Arabic, so is the message (see docs/reference/messages.md).
    assert "لا مقترح 'nope' في هذه الوثيقة" in result.stderr


def test_markdown_to_standard_output() -> None:
    result = CliRunner().invoke(
        cli, ["export", str(SAMPLE), "--to", "markdown", "-o", "-"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("---\nbylaws: 1\n")
