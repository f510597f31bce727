"""`bylaws packet`: PDF packets a secretary prints, read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.packets import proposal_packet_html
from bylaws.packets.html import page_number_css
from bylaws.site.sources import load_workspace
from tests.conftest import SAMPLE

needs_pdf = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed"
)
# Short vowels and shadda: pdftotext may place them apart from their letter.
_MARKS = re.compile("[\u064b-\u0652\u0670\u202a-\u202e]")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return _MARKS.sub("", done.stdout)


@needs_pdf
def test_a_proposal_packet_holds_the_proposal(tmp_path: Path) -> None:
    pdf = tmp_path / "p.pdf"
    code, output = _run(
        "packet", "digital-registry", "--doc", str(SAMPLE), "-o", str(pdf)
    )
    assert code == 0, output
    text = _pdf_text(pdf)
    for words in (
        # the title, whole words in the running header and the heading
        "السجل الرقمي للعضوية والتصويت الإلكتروني",
        # the proposer and the general rationale
        "لجنة التنظيم والعضوية",
        "تتباين سجلات الفروع الورقية",
        # a ruling's reasons
        "لضبط أحكام حماية البيانات",
        # an operation's own rationale
        "قواعد صريحة لحماية بيانات الأعضاء",
        # the redline: a deleted and an added word
        "ورقية",
        "السجل الرقمي",
        # a comment received on the proposal
        "مراقب على التصويت الإلكتروني",
    ):
        assert words in text, words
    # Page numbers in the document's digits (pdftotext may reorder the digits).
    assert re.search("صفحة\\s+[٠-٩]*\\s*من\\s*[٠-٩]", text), text[-40:]


@needs_pdf
def test_a_meeting_packet_has_a_cover_and_each_proposal(tmp_path: Path) -> None:
    pdf = tmp_path / "m.pdf"
    code, output = _run(
        "packet", "--stage", "central-committee", "--doc", str(SAMPLE), "-o", str(pdf)
    )
    assert code == 0, output
    text = _pdf_text(pdf)
    for words in ("جدول الأعمال", "جدول البت", "مساءلة القيادات", "صفحة"):
        assert words in text, words


def test_each_proposal_of_a_meeting_starts_a_page_under_its_title() -> None:
    bundle = load_workspace(SAMPLE)[0]
    html = proposal_packet_html(bundle, "digital-registry")
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="packet-title">السجل الرقمي' in html
    css = page_number_css(bundle)
    assert (
        '"صفحة " counter(page, arabic-indic) " من " counter(pages, arabic-indic)' in css
    )


def test_an_english_packet_reads_left_to_right(english: Path) -> None:
    bundle = load_workspace(english)[0]
    html = proposal_packet_html(bundle, "family-membership")
    assert '<html lang="en" dir="ltr">' in html
    assert '"Page " counter(page, decimal) " of " counter(pages, decimal)' in (
        page_number_css(bundle)
    )


def test_a_packet_names_what_is_missing(tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    code, output = _run("packet", "nothing-such", "--doc", str(SAMPLE), "-o", out)
    assert code == 2 and "nothing-such" in output
    code, output = _run("packet", "--stage", "nowhere", "--doc", str(SAMPLE), "-o", out)
    assert code == 2 and "nowhere" in output
    code, output = _run("packet", "--doc", str(SAMPLE), "-o", out)
    assert code == 2
    assert not Path(out).exists()


def test_a_proposal_folder_names_its_document(tmp_path: Path) -> None:
    out = tmp_path / "p.html"
    folder = SAMPLE / "proposals" / "digital-registry"
    code, output = _run("packet", str(folder), "--html", "-o", str(out))
    assert code == 0, output
    assert "السجل الرقمي للعضوية" in out.read_text(encoding="utf-8")


def test_the_meeting_packets_hold_the_four_reasons_of_the_sample(
    tmp_path: Path,
) -> None:
    reasons = (
        "أحيل إلى اللجنة المركزية في دورتها العادية.",
        "تأخذ اللجنة بصيغة مقترح استشارة الأعضاء، مع النظر في إدراج الاقتراع السري فيها.",
        "تعاد إلى لجنة الصياغة لضبط أحكام حماية البيانات قبل عرضها على اللجنة المركزية.",
        "ترى القيادة أن نشر أسماء المتبرعين يحتاج إلى سند قانوني أوضح.",
    )
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    text = ""
    for stage in ("drafting-committee", "central-leadership", "central-committee"):
        pdf = tmp_path / f"{stage}.pdf"
        code, output = _run(
            "packet", "--stage", stage, "--doc", str(SAMPLE), "-o", str(pdf)
        )
        assert code == 0, output
        text += _pdf_text(pdf)
    # pdftotext may set a space before an Arabic comma: compare without spaces.
    text = "".join(text.split())
    for reason in reasons:
        assert "".join(_MARKS.sub("", reason).split()) in text, reason


def test_a_document_with_the_default_stages_names_them_and_refuses_others(
    tmp_path: Path,
) -> None:
    """A workspace from `bylaws new` declares no stages: the four defaults are
    its stages, by name in the packet, and a mistyped one is refused."""
    from bylaws.packets import meeting_packet_html

    code, output = _run("new", str(tmp_path / "club"), "--lang", "ar")
    assert code == 0, output
    folder = tmp_path / "club" / "drafts" / "regulations"
    bundle = load_workspace(folder)[0]
    assert not bundle.doc.meta.stages
    html = meeting_packet_html(bundle, "drafting-committee")
    assert 'class="packet-title">ملف الاجتماع — لجنة الصياغة<' in html
    out = str(tmp_path / "x.pdf")
    code, output = _run(
        "packet", "--stage", "drafting", "--doc", str(folder), "-o", out
    )
    assert code == 2 and "drafting-committee" in output, output
    assert not Path(out).exists()
