"""The preamble and closing of a document, and an article's lead-in: kept by
import, written and read by xmlio, shown by `show`, compared by `diff` as
units of their own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from bylaws import xmlio
from bylaws.check import check_paths
from bylaws.cli import cli
from bylaws.diff.compare import diff_documents
from bylaws.importers import import_bytes, write_document
from bylaws.model import P, Text
from bylaws.workspace import disk_document

TEXT = """Charter of the Brook Choir

Adopted by the founding meeting on 3 March 2024.
The singers of the brook valley agree as follows:

Article 1
The choir sings at the spring festival.

Article 2
The choir meets on Tuesdays.
"""


def test_text_before_the_first_article_is_the_preamble() -> None:
    doc = import_bytes(TEXT.encode(), "c.txt", "text", "choir").document
    assert [p.runs for p in doc.preamble] == [
        (Text("Adopted by the founding meeting on 3 March 2024."),),
        (Text("The singers of the brook valley agree as follows:"),),
    ]
    assert not doc.articles["art-1"].notes


def test_a_changed_preamble_is_reported_as_the_preamble() -> None:
    old = import_bytes(TEXT.encode(), "c.txt", "text", "choir").document
    new_text = TEXT.replace("3 March", "5 May")
    new = import_bytes(new_text.encode(), "c.txt", "text", "choir").document
    diff = diff_documents(old, new)
    assert [(c.article, c.new_label, sorted(c.kinds)) for c in diff.articles] == [
        ("preamble", "Preamble", ["amended"])
    ]


def test_preamble_closing_and_intro_are_written_read_and_pass_check(
    tmp_path: Path,
) -> None:
    doc = import_bytes(TEXT.encode(), "c.txt", "text", "choir").document
    doc = replace(doc, closing=(P((Text("Signed at the valley hall."),)),))
    folder = tmp_path / "choir"
    write_document(doc, folder)
    _, back = disk_document(folder)
    assert (back.preamble, back.closing) == (doc.preamble, doc.closing)
    assert all(p.level != "error" for p in check_paths([folder]).problems)
    root = xmlio.document_to_xml(doc)
    assert [el.tag.split("}")[1] for el in root] == [
        "meta",
        "preamble",
        "outline",
        "closing",
    ]


def test_show_prints_the_preamble_first_and_the_closing_last(tmp_path: Path) -> None:
    doc = import_bytes(TEXT.encode(), "c.txt", "text", "choir").document
    doc = replace(doc, closing=(P((Text("Signed at the valley hall."),)),))
    write_document(doc, tmp_path / "choir")
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "choir")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "Charter of the Brook Choir",
        "",
        "Adopted by the founding meeting on 3 March 2024.",
    ]
    assert lines[-1] == "Signed at the valley hall."
    one = CliRunner().invoke(cli, ["show", str(tmp_path / "choir"), "-a", "1"])
    assert "Adopted" not in one.output
