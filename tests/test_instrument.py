"""The amendment instrument of the sample proposals, and reading it back."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.instrument import (
    InsertArticle,
    InstrumentError,
    apply_clauses,
    apply_instrument,
    frame_of_proposal,
    publish_instrument,
    reader_view,
    write_instrument,
)
from bylaws.model import Article, P, Paragraph, Position, Text
from bylaws.overlay import apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposals

from .conftest import ENGLISH, SAMPLE, golden


def _cases(folder: Path):  # type: ignore[no-untyped-def]
    tree = DiskTree(folder)
    doc = load_document(tree)
    return doc, load_proposals(tree, PurePosixPath())


@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_each_sample_proposal_reads_back_exactly(folder: Path) -> None:
    doc, proposals = _cases(folder)
    assert proposals
    for proposal in proposals:
        proposed = apply_proposal(doc, proposal)
        text = write_instrument(doc, proposed)
        golden(f"proposals/instrument-{proposal.id}.txt", text)
        assert apply_instrument(doc, text) == proposed


def test_drafting_choices() -> None:
    doc, proposals = _cases(SAMPLE)
    by_id = {p.id: p for p in proposals}
    text = write_instrument(doc, apply_proposal(doc, by_id["digital-registry"]))
    # A few words: replaced in place; much of a paragraph: the paragraph restated;
    # repeal and insertion in the drafting style.
    assert (
        "تُستبدل بعبارة «ورقياً» الواردة في الفقرة (1) من المادة (الحادية عشرة)" in text
    )
    assert "تُعدَّل الفقرة (2) من المادة (الحادية عشرة) لتصبح على النحو الآتي:" in text
    assert "تُلغى المادة (العاشرة)." in text
    assert "يُضاف إلى الفصل الثاني مادة جديدة بعد المادة (الحادية عشرة) نصها:" in text


def test_apply_instrument_command(tmp_path: Path) -> None:
    doc, proposals = _cases(SAMPLE)
    proposal = next(p for p in proposals if p.id == "accountable-leaderships")
    instrument = tmp_path / "instrument.txt"
    instrument.write_text(write_instrument(doc, apply_proposal(doc, proposal)))
    out = tmp_path / "amended"
    result = CliRunner().invoke(
        cli, ["apply-instrument", str(SAMPLE), str(instrument), "--into", str(out)]
    )
    assert result.exit_code == 0, result.output
    amended = load_document(DiskTree(out))
    assert amended == apply_proposal(doc, proposal)


def test_words_that_are_not_there(tmp_path: Path) -> None:
    instrument = tmp_path / "bad.txt"
    instrument.write_text(
        "1- تُلغى المادة (العاشرة).\n"
        "2- تُستبدل بعبارة «كلمات غائبة» الواردة في الفقرة (1) من المادة (التاسعة) "
        "عبارة «أخرى».\n"
    )
    args = ["apply-instrument", str(SAMPLE), str(instrument)]
    args += ["--into", str(tmp_path / "out")]
    # The document amended is Arabic, so its instrument's errors are too...
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert re.search(r"bad\.txt:2:1: error: لا ترد «كلمات غائبة» في", result.output)
    # ... unless the reader asks for another language.
    english = CliRunner().invoke(cli, args, env={"BYLAWS_LANG": "en"})
    assert re.search(
        r"bad\.txt:2:1: error: «كلمات غائبة» does not occur", english.output
    )
    assert not (tmp_path / "out").exists()


def test_unknown_forms_and_articles_name_their_line() -> None:
    doc, _ = _cases(SAMPLE)
    with pytest.raises(InstrumentError) as caught:
        apply_instrument(doc, "1- تُلغى المادة (الألف).\n", "x.txt")
    assert (caught.value.path, caught.value.line) == ("x.txt", 1)
    with pytest.raises(InstrumentError, match="not in a form"):
        apply_instrument(doc, "\n\n1- افعل شيئاً.\n", "x.txt")
    with pytest.raises(InstrumentError, match="never ends"):
        apply_instrument(
            doc, "1- تُعدَّل المادة (الأولى) لتصبح على النحو الآتي:\n««\nالمادة\n", "x.txt"
        )


def test_reader_segments_keep_designations_and_drop_read_back_marks() -> None:
    from bylaws.instrument import reader_segments
    from bylaws.model import Ref

    line = (
        "المادة (الحادية عشرة) [art-new]: وفق [الفقرة (1) من المادة الثانية]"
        '(art-two/para-1) و[الثالثة](art-three "number").'
    )
    assert list(reader_segments(line)) == [
        ("المادة (الحادية عشرة): وفق ", None),
        ("الفقرة (1) من المادة الثانية", Ref("art-two/para-1")),
        (" و", None),
        ("الثالثة", Ref("art-three", "number")),
        (".", None),
    ]


# --- the published instrument ---------------------------------------------------

PUBLISHED = [
    (SAMPLE, "digital-registry"),
    (SAMPLE, "member-consultation"),
    (ENGLISH, "family-membership"),
]


@pytest.mark.parametrize(("folder", "proposal_id"), PUBLISHED)
def test_published_instrument_reads_back_as_apply_reads(
    folder: Path, proposal_id: str
) -> None:
    doc, proposals = _cases(folder)
    proposal = next(p for p in proposals if p.id == proposal_id)
    proposed = apply_proposal(doc, proposal)
    text = publish_instrument(doc, proposed, frame_of_proposal(proposal))
    golden(f"proposals/published-{proposal_id}.txt", text)
    # No ids and no link syntax: only what a reader sees.
    assert "[art-" not in text and "](" not in text
    assert reader_view(apply_instrument(doc, text)) == reader_view(proposed)


def test_a_person_may_reword_the_title_preamble_and_closing() -> None:
    doc, proposals = _cases(SAMPLE)
    proposal = next(p for p in proposals if p.id == "digital-registry")
    proposed = apply_proposal(doc, proposal)
    lines = publish_instrument(doc, proposed).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("1- "))
    last = max(i for i, line in enumerate(lines) if line == "»».")
    edited = [
        "قرار المؤتمر العام رقم 3 لسنة 2026",
        "إن المؤتمر العام، بعد الاطلاع على مقترح لجنة التنظيم،",
        "قرر ما يلي:",
        *lines[first : last + 1],
        "",
        "المادة الأخيرة: يُنشر هذا القرار ويُعمل به من تاريخ نشره.",
    ]
    back = apply_instrument(doc, "\n".join(edited) + "\n", "edited.txt")
    assert reader_view(back) == reader_view(proposed)
    # The new articles carry no ids in the text: theirs are derived.
    assert "art-new-8" in back.articles and "art-new-9" in back.articles


def test_an_article_the_instrument_inserts_is_named_by_its_clause() -> None:
    doc, proposals = _cases(SAMPLE)
    by_id = {p.id: p for p in proposals}
    proposed = apply_proposal(doc, by_id["digital-registry"])
    # A second new article right after the first: its place can only be
    # said through the clause that inserts the first one.
    extra = Article(
        "art-data-officer",
        "مسؤول حماية البيانات",
        (Paragraph((P((Text("تعيّن الأمانة العامة مسؤولاً عن حماية البيانات."),)),)),),
    )
    proposed = apply_clauses(
        proposed,
        [
            InsertArticle(
                extra.id, Position("after", "art-member-data-protection"), extra
            )
        ],
    )
    text = publish_instrument(doc, proposed)
    assert "مادة جديدة بعد المادة المضافة بالبند (8) نصها:" in text
    back = apply_instrument(doc, text)
    assert reader_view(back) == reader_view(proposed)
    # Ids derived where the text gives none: from the clause's number.
    assert {"art-new-8", "art-new-9"} <= set(back.articles)


def test_diff_format_instrument_is_the_published_form(tmp_path: Path) -> None:
    proposal = SAMPLE / "proposals" / "accountable-leaderships"
    runner = CliRunner()
    published = runner.invoke(
        cli, ["diff", str(SAMPLE), str(proposal), "--format", "instrument"]
    )
    assert published.exit_code == 0, published.output
    head = published.output.splitlines()[:3]
    assert head[0] == "قرار بتعديل النظام الداخلي لحركة النهوض المدني"
    # The body and date of the decision come from the proposal's reviews.
    assert "القيادة المركزية الصادر بتاريخ 2026-03-18" in head[2]
    assert published.output.rstrip().endswith("يُعمل بهذه التعديلات من تاريخ إقرارها.")
    chosen = runner.invoke(
        cli,
        [
            "diff",
            str(SAMPLE),
            str(proposal),
            "--format",
            "instrument",
            "--body",
            "المؤتمر العام",
            "--date",
            "2026-05-01",
        ],
    )
    assert "بناءً على قرار المؤتمر العام الصادر بتاريخ 2026-05-01" in chosen.output
    ids = runner.invoke(
        cli, ["diff", str(SAMPLE), str(proposal), "--format", "instrument-ids"]
    )
    assert ids.exit_code == 0, ids.output
    assert "[art-accountability-session]" in ids.output
    assert ids.output.startswith("1- ")
    # apply-instrument reads the published text back, as `apply` gives it.
    instrument = tmp_path / "published.txt"
    instrument.write_text(published.output, encoding="utf-8")
    out = tmp_path / "amended"
    result = runner.invoke(
        cli, ["apply-instrument", str(SAMPLE), str(instrument), "--into", str(out)]
    )
    assert result.exit_code == 0, result.output
    doc, proposals = _cases(SAMPLE)
    applied = apply_proposal(doc, next(p for p in proposals if p.id == proposal.name))
    assert reader_view(load_document(DiskTree(out))) == reader_view(applied)


def test_the_closing_words_may_be_set_in_document_xml(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "club"
    shutil.copytree(ENGLISH, folder)
    document = folder / "document.xml"
    document.write_text(
        document.read_text("utf-8").replace(
            "    </stages>\n  </meta>",
            "    </stages>\n    <instrumentClosing>This resolution takes effect"
            " at the close of the meeting.</instrumentClosing>\n  </meta>",
        ),
        "utf-8",
    )
    check = CliRunner().invoke(cli, ["check", str(folder)])
    assert check.exit_code == 0, check.output
    result = CliRunner().invoke(
        cli,
        [
            "diff",
            str(folder),
            str(folder / "proposals" / "family-membership"),
            "--format",
            "instrument",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "This resolution takes effect at the close of the meeting."
    assert lines[2].startswith("By decision of the Committee of 2026-02-12")
    doc, proposals = _cases(folder)
    proposed = apply_proposal(doc, proposals[0])
    back = apply_instrument(doc, result.output)
    assert reader_view(back) == reader_view(proposed)
