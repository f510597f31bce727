"""Stages, recommendations and decisions; status and the disposition table."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.errors import InvalidOperation
from bylaws.model import Ruling
from bylaws.review import check_stage, record, review_problems, stages
from bylaws.workspace import DiskTree, load_document, load_proposal

from .conftest import ENGLISH, SAMPLE, golden


def _proposal(folder: Path, name: str):  # type: ignore[no-untyped-def]
    tree = DiskTree(folder)
    return load_document(tree), load_proposal(tree, PurePosixPath("proposals") / name)


def test_stages_come_from_the_document_or_the_default() -> None:
    doc = load_document(DiskTree(SAMPLE))
    assert [s.id for s in stages(doc)] == [
        "drafting-committee",
        "central-leadership",
        "central-committee",
        "conference",
    ]
    english = load_document(DiskTree(ENGLISH))
    assert stages(english) == english.meta.stages
    bare = replace(english, meta=replace(english.meta, stages=()))
    assert stages(bare)[0].label == "Drafting committee"


def test_the_sample_proposals_are_where_their_reviews_put_them() -> None:
    doc, prop = _proposal(SAMPLE, "accountable-leaderships")
    state = check_stage(doc, prop)
    assert state.stage == "central-committee" and state.outcome == "open"
    doc, prop = _proposal(SAMPLE, "digital-registry")
    assert check_stage(doc, prop).referred_back


def _edit(folder: Path, name: str, old: str, new: str) -> Path:
    path = folder / "proposals" / name / "proposal.xml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path


def test_skipping_a_stage_is_an_error_with_file_and_line(sample: Path) -> None:
    path = _edit(
        sample,
        "member-consultation",
        'stage="central-leadership">',
        'stage="central-committee">',
    )
    doc, prop = _proposal(sample, "member-consultation")
    problems = review_problems(doc, prop)
    assert problems and problems[0].path == str(path)
    assert problems[0].line > 0
    assert (
        "skips a stage" in problems[0].message
        or "does not follow" in problems[0].message
    )


def test_a_review_that_skips_a_stage(sample: Path) -> None:
    path = _edit(
        sample,
        "consultation-alternative",
        '<review body="لجنة الصياغة" stage="drafting-committee">',
        '<review body="اللجنة المركزية" stage="central-committee">',
    )
    doc, prop = _proposal(sample, "consultation-alternative")
    with pytest.raises(InvalidOperation) as caught:
        check_stage(doc, prop)
    assert "skips a stage" in caught.value.message
    assert caught.value.path == str(path) and caught.value.line
    result = CliRunner().invoke(cli, ["status", str(sample)], env={"BYLAWS_LANG": "en"})
    assert result.exit_code == 2
    assert re.search(r"proposal\.xml:\d+:\d+: error: .*skips a stage", result.output)
    assert "Traceback" not in result.output


def test_going_back_needs_a_refer_back(sample: Path) -> None:
    doc, prop = _proposal(sample, "accountable-leaderships")
    late = Ruling("adopt", "2026-04-01")
    with pytest.raises(InvalidOperation, match="goes back"):
        record(doc, prop, "drafting-committee", "لجنة الصياغة", "decision", late)
    # After a refer-back, the earlier stage may take it up again.
    doc, referred = _proposal(sample, "digital-registry")
    again = record(
        doc,
        referred,
        "drafting-committee",
        "لجنة الصياغة",
        "recommendation",
        Ruling("adopt", "2026-04-02"),
    )
    assert again.reviews[-1].stage == "drafting-committee"


def test_recording_an_adoption_moves_the_proposal_on(sample: Path) -> None:
    doc, prop = _proposal(sample, "accountable-leaderships")
    decided = record(
        doc,
        prop,
        "central-committee",
        "اللجنة المركزية",
        "decision",
        Ruling("adopt", "2026-04-10"),
    )
    assert decided.stage == "conference"
    final = record(
        doc,
        decided,
        "conference",
        "المؤتمر العام",
        "decision",
        Ruling("adopt", "2026-05-01"),
    )
    assert check_stage(doc, final).outcome == "adopted"
    with pytest.raises(
        InvalidOperation, match=r"already finally adopted \(adopt\)"
    ) as e:
        record(
            doc,
            final,
            "conference",
            "المؤتمر العام",
            "decision",
            Ruling("reject", "2026-05-02"),
        )
    # The outcome and the verdict are words of the reader's language.
    said = e.value.render("ar").split("error: ", 1)[1]
    assert "أُقرّ نهائياً (اعتماد)" in said
    assert "adopt" not in said


def test_adopt_modified_needs_the_modified_text(sample: Path) -> None:
    doc, prop = _proposal(sample, "member-consultation")
    with pytest.raises(InvalidOperation, match="modified="):
        record(
            doc,
            prop,
            "central-leadership",
            "القيادة المركزية",
            "decision",
            Ruling("adopt-modified", "2026-04-01"),
        )


def test_status_lists_proposals_by_stage() -> None:
    result = CliRunner().invoke(cli, ["status", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    golden("proposals/status.txt", result.output)


def test_disposition_formats() -> None:
    runner = CliRunner()
    markdown = runner.invoke(cli, ["disposition", str(SAMPLE)])
    assert markdown.exit_code == 0, markdown.output
    golden("proposals/disposition.md", markdown.output)
    table = runner.invoke(cli, ["disposition", str(SAMPLE), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(table.output)))
    assert {r["proposal"] for r in rows} >= {"member-consultation", "digital-registry"}
    data = json.loads(
        runner.invoke(cli, ["disposition", str(SAMPLE), "--format", "json"]).output
    )
    registry = next(r for r in data if r["proposal"] == "digital-registry")
    assert registry["decision"]["verdict"] == "refer-back"
    assert "المادة العاشرة" in registry["articles"]
