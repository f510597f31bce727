"""The amendment instrument of the sample proposals, and reading it back."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.instrument import InstrumentError, apply_instrument, write_instrument
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
    result = CliRunner().invoke(
        cli,
        [
            "apply-instrument",
            str(SAMPLE),
            str(instrument),
            "--into",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 2
    assert re.search(
        r"bad\.txt:2:1: error: «كلمات غائبة» does not occur", result.output
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
