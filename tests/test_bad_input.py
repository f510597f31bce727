"""Bad input gets a clear message naming file, line and column; never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bylaws.cli import cli
from tests.conftest import ROOT

ARTICLE = "art-name.xml"


def run(*args: str) -> Result:
    # The sample is Arabic; its messages are compared in English.
    return CliRunner().invoke(cli, list(args), env={"BYLAWS_LANG": "en"})


def _article(sample: Path) -> Path:
    return sample / "articles" / ARTICLE


def _assert_clean_failure(result: Result, code: int, *needles: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for needle in needles:
        assert needle in result.output, result.output


@pytest.mark.parametrize("command", [["check"], ["show"], ["fmt", "--check"]])
def test_malformed_xml(sample: Path, command: list[str]) -> None:
    path = _article(sample)
    path.write_text(path.read_text().replace("</heading>", "</head>"), encoding="utf-8")
    result = run(*command, str(sample))
    expected = 1 if command == ["check"] else 2
    _assert_clean_failure(result, expected, f"{path}:3:", "malformed XML")


def test_wrong_root(sample: Path) -> None:
    path = _article(sample)
    path.write_text('<?xml version="1.0"?>\n<articel xmlns="urn:bylaws:1" id="x"/>\n')
    _assert_clean_failure(
        run("check", str(sample)), 1, f"{path}:2:1:", "root element must be article"
    )


def test_wrong_namespace(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8").replace("urn:bylaws:1", "urn:other")
    path.write_text(text, encoding="utf-8")
    _assert_clean_failure(
        run("show", str(sample)), 2, f"{path}:2:1:", "{urn:other}article instead"
    )


def test_not_utf8(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8").replace("utf-8", "windows-1256")
    path.write_bytes(
        text.encode("utf-8").replace("حركة".encode(), "حركة".encode("cp1256"))
    )
    result = run("check", str(sample))
    _assert_clean_failure(result, 1, f"{path}:", "not UTF-8")


def test_bom_is_a_warning_and_fmt_removes_it(sample: Path) -> None:
    path = _article(sample)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    _assert_clean_failure(
        run("check", str(sample)), 1, f"{path}:1:1: warning:", "byte-order mark"
    )
    assert run("fmt", str(sample)).exit_code == 0
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert run("check", str(sample)).exit_code == 0


def test_empty_file(sample: Path) -> None:
    path = _article(sample)
    path.write_bytes(b"")
    _assert_clean_failure(run("check", str(sample)), 1, f"{path}:1:1:", "file is empty")


def test_missing_article_file(sample: Path) -> None:
    _article(sample).unlink()
    result = run("check", str(sample))
    _assert_clean_failure(
        result,
        1,
        f"{sample / 'document.xml'}:",
        "art-name is in the outline but has no file",
    )


def test_external_entity_reads_no_file(sample: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    path = _article(sample)
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<article xmlns="urn:bylaws:1" id="art-name"><paragraph><p>&x;</p></paragraph></article>\n'
    )
    for command in (["check"], ["show"], ["fmt"]):
        result = run(*command, str(sample))
        assert "TOP-SECRET-VALUE" not in result.output
        _assert_clean_failure(
            result, 1 if command == ["check"] else 2, f"{path}:2:1:", "DOCTYPE"
        )
    assert "TOP-SECRET-VALUE" not in path.read_text()


def test_entity_expansion_bomb_is_refused_at_once(sample: Path) -> None:
    lol = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    path = _article(sample)
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY l0 "lol">{lol}]>\n'
        '<article xmlns="urn:bylaws:1" id="art-name"><paragraph><p>&l9;</p></paragraph></article>\n'
    )
    # A guard against a hang, not a timing assertion: the real run takes milliseconds.
    done = subprocess.run(
        [sys.executable, "-m", "bylaws", "check", str(sample)],
        capture_output=True,
        text=True,
        timeout=30,
        # The sample is Arabic, so its messages are too unless English is asked.
        env={**os.environ, "BYLAWS_LANG": "en"},
    )
    assert done.returncode == 1
    assert f"{path}:2:1: error: DOCTYPE" in done.stdout
    assert "Traceback" not in done.stderr


def test_plain_dtd_is_refused(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("<article", '<!DOCTYPE article SYSTEM "x.dtd">\n<article', 1)
    )
    _assert_clean_failure(run("check", str(sample)), 1, f"{path}:2:1:", "DOCTYPE")


def test_dtd_after_comments_in_the_prolog_is_refused(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "<article",
            "<!-- a <note> about <article> -->\n<?tool x?>\n"
            '<!doctype article [<!ENTITY e "x">]>\n<article',
            1,
        )
    )
    _assert_clean_failure(run("check", str(sample)), 1, f"{path}:4:1:", "DOCTYPE")


def test_declarations_after_the_root_starts_are_malformed_not_expanded(
    sample: Path,
) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("</p>", '<!ENTITY e SYSTEM "file:///etc/passwd"></p>', 1)
    )
    result = run("check", str(sample))
    _assert_clean_failure(result, 1, f"{path}:", "malformed XML")
    assert "root:" not in result.output


def test_the_word_doctype_in_a_comment_is_only_a_comment(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<article", "<!-- no <!DOCTYPE here -->\n<article", 1))
    result = run("check", str(sample))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_wide_encoding_is_refused_before_parsing(sample: Path, encoding: str) -> None:
    # UTF-16 hides a DOCTYPE from any byte check; libxml2 would read it anyway.
    path = _article(sample)
    text = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
        '<!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
        '<article xmlns="urn:bylaws:1" id="art-name"><paragraph><p>&x;</p>'
        "</paragraph></article>\n"
    )
    path.write_bytes(text.encode(encoding))
    message = "file is not UTF-8 (it is UTF-16 or UTF-32)"
    _assert_clean_failure(run("check", str(sample)), 1, f"{path}:1:1:", message)
    _assert_clean_failure(run("show", str(sample)), 2, f"{path}:1:1:", message)
    _assert_clean_failure(run("fmt", str(sample)), 2, f"{path}:1:1:", message)


def test_control_characters_and_deep_nesting_are_one_line_each(sample: Path) -> None:
    path = _article(sample)
    path.write_bytes(path.read_bytes().replace(b"<p>", b"<p>\x00", 1))
    deep = sample / "articles" / "art-seat.xml"
    deep.write_bytes(
        b'<article xmlns="urn:bylaws:1" id="art-seat"><paragraph><p>x</p>'
        + b"<point><p>y</p>" * 300
        + b"</point>" * 300
        + b"</paragraph></article>"
    )
    result = run("check", str(sample))
    _assert_clean_failure(result, 1, "nested more than 256 deep", "Char 0x0")
    lines = result.output.splitlines()
    # two problems and the count: no blank line left by a message
    assert len(lines) == 3 and all(line.strip() for line in lines), lines


def test_huge_file_is_refused_without_parsing(sample: Path) -> None:
    path = _article(sample)
    with path.open("wb") as handle:
        handle.write(b'<article xmlns="urn:bylaws:1" id="art-name"><paragraph><p>')
        handle.write(b"x" * (50 * 1024 * 1024))
        handle.write(b"</p></paragraph></article>")
    _assert_clean_failure(
        run("check", str(sample)), 1, f"{path}:1:1:", "larger than 10 MB"
    )
    _assert_clean_failure(
        run("show", str(sample)), 2, f"{path}:1:1:", "larger than 10 MB"
    )


def test_folder_with_no_document(tmp_path: Path) -> None:
    for command in (["check"], ["show"], ["fmt"]):
        result = run(*command, str(tmp_path))
        _assert_clean_failure(result, 2, str(tmp_path), "no document here")


def test_path_that_does_not_exist(tmp_path: Path) -> None:
    _assert_clean_failure(
        run("check", str(tmp_path / "nope")), 2, "no such file or folder"
    )


def test_schema_error_names_line_and_column(sample: Path) -> None:
    path = _article(sample)
    text = path.read_text(encoding="utf-8").replace("<paragraph>", "<paragraf>", 1)
    path.write_text(text.replace("</paragraph>", "</paragraf>", 1), encoding="utf-8")
    result = run("check", str(sample))
    _assert_clean_failure(result, 1, f"{path}:4:", "paragraf")


def test_unknown_article_for_show(sample: Path) -> None:
    _assert_clean_failure(
        run("show", str(sample), "-a", "art-nothing"), 2, "no article"
    )


def test_editor_lock_and_backup_files_are_not_workspace_files(sample: Path) -> None:
    # Emacs marks a file open for editing with a link to nothing; others
    # leave hidden copies. Neither is a file of the workspace.
    articles = sample / "articles"
    (articles / ".#art-name.xml").symlink_to("drafter@host.4242:1700000000")
    (articles / ".art-seat.xml").write_text("<half written")
    (sample / "proposals" / ".#proposal.xml").symlink_to("nowhere")
    for command in (["check"], ["fmt", "--check"], ["show"]):
        result = run(*command, str(sample))
        assert result.exit_code == 0, (command, result.output)


def test_a_file_that_cannot_be_read_is_named_not_a_crash(sample: Path) -> None:
    broken = sample / "articles" / "art-gone.xml"
    broken.symlink_to("nowhere.xml")
    _assert_clean_failure(
        run("fmt", "--check", str(sample)), 2, f"{broken}:", "cannot read the file"
    )
    _assert_clean_failure(run("check", str(sample)), 1, f"{broken}:")


def test_a_file_outside_every_document_is_refused(tmp_path: Path) -> None:
    # Beside the drafts, not in one: checking the drafts instead would answer
    # a question nobody asked.
    shutil.copytree(ROOT / "drafts", tmp_path / "drafts")
    notes = tmp_path / "NOTES.md"
    notes.write_text("# notes\n")
    _assert_clean_failure(
        run("check", str(notes)), 2, f"{notes}:", "not part of a document"
    )


def _with_closed(fd: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run bylaws with its standard output (1) or error (2) closed (`>&-`)."""
    keep = 2 if fd == 1 else 1
    return subprocess.run(
        [sys.executable, "-m", "bylaws", *args],
        stdout=subprocess.PIPE if keep == 1 else None,
        stderr=subprocess.PIPE if keep == 2 else None,
        text=True,
        preexec_fn=lambda: os.close(fd),
        cwd=ROOT,
    )


@pytest.mark.parametrize("fd", [1, 2])
@pytest.mark.parametrize(
    ("args", "code"),
    [(["--version"], 0), (["check", "drafts"], 0), (["check", "nowhere"], 2)],
)
def test_a_closed_stream_is_nowhere_to_write_not_a_traceback(
    fd: int, args: list[str], code: int
) -> None:
    done = _with_closed(fd, *args)
    assert done.returncode == code
    other = done.stderr if fd == 1 else done.stdout
    assert "Traceback" not in (other or "")
