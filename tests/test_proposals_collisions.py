"""`bylaws collisions`: every pair of proposals, as a matrix and as JSON."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.cli import cli
from bylaws.model import Document, Proposal
from bylaws.proposals.collisions import PairReport, compare_pair, find_collisions

from .conftest import SAMPLE, examples, golden
from .proposal_strategies import decorated, documents, proposals


def test_matrix_of_the_sample() -> None:
    result = CliRunner().invoke(cli, ["collisions", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    golden("proposals/collisions-matrix.txt", result.output)


def test_json_names_relations_and_clashing_words() -> None:
    result = CliRunner().invoke(cli, ["collisions", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    relations = {(p["first"], p["second"]): p for p in data["pairs"]}
    clash = relations[("consultation-alternative", "member-consultation")]
    assert clash["relation"] == "collide"
    assert clash["articles"] == ["art-candidacy"]
    words = clash["collisions"][0]
    assert "تزكّيهم" in words["first_text"] and "استشارة" in words["second_text"]
    assert relations[("accountable-leaderships", "finance-transparency")][
        "relation"
    ] == ("mergeable")
    assert relations[("digital-registry", "finance-transparency")]["relation"] == "none"
    assert len(data["pairs"]) == 10
    golden("proposals/collisions.json", result.output)


def test_a_copy_with_only_formal_differences_is_a_duplicate(sample: Path) -> None:
    copy = sample / "proposals/finance-transparency-copy"
    shutil.copytree(sample / "proposals/finance-transparency", copy)
    xml = copy / "proposal.xml"
    xml.write_text(
        xml.read_text().replace(
            'id="finance-transparency"', 'id="finance-transparency-copy"'
        )
    )
    article = copy / "articles/art-financial-transparency.xml"
    # Diacritics only: the same normalised text.
    article.write_text(article.read_text().replace("الشفافية", "الشَّفافية", 1))
    result = CliRunner().invoke(cli, ["collisions", str(sample), "--format", "json"])
    assert result.exit_code == 0, result.output
    pairs = {
        (p["first"], p["second"]): p["relation"]
        for p in json.loads(result.output)["pairs"]
    }
    assert pairs[("finance-transparency", "finance-transparency-copy")] == "duplicate"


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_a_pair_relates_the_same_way_either_way_round(data: st.DataObject) -> None:
    doc = data.draw(documents())
    if data.draw(st.booleans()):
        doc = data.draw(decorated(doc))
    a, b = data.draw(proposals(doc, "a")), data.draw(proposals(doc, "b"))
    forward, backward = compare_pair(doc, a, b), compare_pair(doc, b, a)
    assert forward.relation == backward.relation
    assert set(forward.shared) == set(backward.shared)


# --- find_collisions against the slow reference -----------------------------------

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _reference(doc: Document, proposals: list[Proposal]) -> list[PairReport]:
    """Every pair compared from scratch, as `find_collisions` once did."""
    return [
        compare_pair(doc, a, b)
        for i, a in enumerate(proposals)
        for b in proposals[i + 1 :]
    ]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_collisions_equal_every_pair_compared_from_scratch(
    data: st.DataObject,
) -> None:
    doc = data.draw(documents())
    if data.draw(st.booleans()):
        doc = data.draw(decorated(doc))
    drawn = [
        data.draw(proposals(doc, f"p{n}")) for n in range(data.draw(st.integers(2, 5)))
    ]
    # Some proposals twice under another name: duplicates must be found too.
    copies = data.draw(st.lists(st.sampled_from(drawn), max_size=2))
    drawn += [replace(p, id=f"{p.id}-copy{n}") for n, p in enumerate(copies)]
    report = find_collisions(doc, drawn)
    assert list(report.pairs) == _reference(doc, drawn)


@settings(max_examples=8, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    articles=st.integers(5, 30),
    count=st.integers(2, 40),
)
def test_collisions_of_a_generated_conference_equal_the_reference(
    seed: int, articles: int, count: int
) -> None:
    sys.path.insert(0, str(TOOLS))
    try:
        from gen_conference import base_document, conference
    finally:
        sys.path.remove(str(TOOLS))
    doc = base_document(articles, seed)
    drawn = conference(doc, count, seed)
    report = find_collisions(doc, drawn)
    assert list(report.pairs) == _reference(doc, drawn)
    for pair in report.pairs:
        assert report.relation(pair.second, pair.first) == pair.relation
