"""The Word export opens in a real word processor: LibreOffice, where installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bylaws.exporters import export_document
from tests.conftest import SAMPLE

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler's pdftotext are not installed",
)


def _as_text(docx: Path, tmp_path: Path) -> str:
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    # pdftotext wraps right-to-left runs in embedding marks; they are not text.
    return done.stdout.replace("\u202b", "").replace("\u202c", "")


def test_the_document_opens_with_its_text(tmp_path: Path) -> None:
    docx = tmp_path / "regulations.docx"
    docx.write_bytes(export_document(SAMPLE, "docx", None))
    text = _as_text(docx, tmp_path)
    # Words without lam-alef: pdftotext splits that ligature.
    for word in ("النهوض", "العضوية", "المالية", "الحركة"):
        assert word in text


def test_a_proposal_opens_with_its_tracked_changes(tmp_path: Path) -> None:
    docx = tmp_path / "proposal.docx"
    docx.write_bytes(export_document(SAMPLE, "docx", "digital-registry"))
    text = _as_text(docx, tmp_path)
    # LibreOffice prints tracked insertions and deletions alike: both words show.
    for word in ("ورقي", "رقمي"):
        assert word in text


def _marks_out(text: str) -> str:
    return text.replace("\u202b", "").replace("\u202c", "").replace("\u200f", "")


def test_lettered_points_have_the_right_arabic_letters(tmp_path: Path) -> None:
    docx = tmp_path / "regulations.docx"
    docx.write_bytes(export_document(SAMPLE, "docx", None))
    text = _marks_out(_as_text(docx, tmp_path))
    assert "(أ)" in text and "(هـ)" in text
    # Abjad numbering as word processors draw it: bare alef and heh.
    assert "(ا)" not in text and "(ه)" not in text


@pytest.mark.parametrize("name", ["digital-registry", "member-consultation"])
def test_no_heading_glues_two_numbers(name: str, tmp_path: Path) -> None:
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(export_document(SAMPLE, "docx", name))
    text = _marks_out(_as_text(docx, tmp_path))
    # «المادة الثانية والخمسونالمادة السابعة»: a number run into the next.
    assert re.search(r"[^\s(«]المادة", text) is None
