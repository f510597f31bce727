"""Consolidation: proposals applied in order, merged word by word, or stopped."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bylaws.cli import cli
from bylaws.errors import CollisionError
from bylaws.model import (
    Amend,
    Article,
    ArticleEntry,
    Base,
    Division,
    Document,
    DocumentMeta,
    P,
    Paragraph,
    Proposal,
    Ref,
    Text,
    plain_text,
)
from bylaws.overlay import apply_proposal
from bylaws.proposals import consolidate
from bylaws.render import Reader
from bylaws.workspace import DiskTree, load_document, load_proposal

from .conftest import examples
from .proposal_strategies import documents, proposals

ROOT = PurePosixPath()


def _load(folder: Path, *names: str) -> tuple[Document, list[Proposal]]:
    tree = DiskTree(folder)
    return load_document(tree), [
        load_proposal(tree, PurePosixPath("proposals") / n) for n in names
    ]


def _text(doc: Document, ref: str) -> str:
    """An article's words: its paragraphs' own text and its notes."""
    article = doc.articles[ref]
    return " ".join(
        [
            *(
                plain_text(item.runs)
                for para in article.paragraphs
                for item in para.items
                if isinstance(item, P)
            ),
            *(plain_text(note.runs) for note in article.notes),
        ]
    )


def test_a_mergeable_pair_keeps_both_changes_in_either_order(sample: Path) -> None:
    doc, (a, b) = _load(sample, "accountable-leaderships", "finance-transparency")
    forward, backward = consolidate(doc, [a, b]), consolidate(doc, [b, a])
    assert forward == backward
    text = _text(forward, "art-leadership-reports")
    assert "في كل سنة" in text  # from accountable-leaderships
    assert "مالي مفصَّل" in text  # from finance-transparency
    assert "بخمسة عشر يوماً" in text


def test_a_collision_names_the_words_of_both_proposals(sample: Path) -> None:
    doc, props = _load(sample, "consultation-alternative", "member-consultation")
    with pytest.raises(CollisionError) as caught:
        consolidate(doc, props)
    message = str(caught.value)
    assert "art-candidacy para-2" in message
    assert "تزكّيهم مؤتمرات الفروع بالاقتراع السري" in message
    assert "بعد استشارة أعضاء الفروع" in message
    assert "member-consultation" in message and "consultation-alternative" in message
    assert re.search(r"member-consultation/proposal\.xml:\d+:\d+: error:", message)
    # The reference in member-consultation's words reads as the article it
    # points to in the text that proposal makes, not as a raw address.
    proposed = Reader(apply_proposal(doc, props[1]))
    designation = proposed.ref(Ref("art-member-consultation"))
    assert f"وفق {designation}»" in message
    assert "{art-" not in message


def test_apply_writes_a_consolidated_copy_in_build(sample: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "apply",
            "--preview",
            str(sample / "proposals/accountable-leaderships"),
            str(sample / "proposals/digital-registry"),
        ],
    )
    assert result.exit_code == 0, result.output
    target = sample.parent / "build/internal-regulations-consolidated"
    doc = load_document(DiskTree(target))
    assert "art-accountability-session" in doc.articles
    assert "art-membership-card" not in doc.articles
    check = CliRunner().invoke(cli, ["check", str(target)])
    assert check.exit_code == 0, check.output


def test_a_collision_writes_nothing(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    result = CliRunner().invoke(
        cli,
        [
            "apply",
            "--preview",
            "consultation-alternative",
            "member-consultation",
            "--doc",
            str(sample),
            "--into",
            str(target),
        ],
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    # The sample is Arabic: so is the error, each clash on a line of its own.
    assert re.search(
        r"proposal\.xml:\d+:\d+: error: عدد التعارضات 1؛ لم يُكتب شيء:\n  art-",
        result.output,
    )
    assert list(target.iterdir()) == []
    assert not list(tmp_path.glob(".*out.*"))  # no half-built folder left behind


def test_apply_never_writes_the_text_in_force(sample: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "apply",
            "finance-transparency",
            "--preview",
            "--doc",
            str(sample),
            "--into",
            str(sample),
        ],
    )
    assert result.exit_code == 2
    assert "bylaws adopt" in result.output
    assert "art-financial-transparency" not in load_document(DiskTree(sample)).articles


def test_unknown_article_in_a_proposal_is_an_error_with_its_line(sample: Path) -> None:
    path = sample / "proposals/finance-transparency/proposal.xml"
    path.write_text(
        path.read_text().replace('start="chp-finance"', 'start="chp-nowhere"')
    )
    result = CliRunner().invoke(cli, ["apply", "--preview", str(path.parent)])
    assert result.exit_code == 2
    assert re.search(
        r"finance-transparency/proposal\.xml:\d+:\d+: error: .*chp-nowhere",
        result.output,
    )
    assert "Traceback" not in result.output


def test_operation_on_a_repealed_article_is_an_error(sample: Path) -> None:
    path = sample / "proposals/digital-registry/proposal.xml"
    text = path.read_text().replace(
        '<amend article="art-voting">',
        '<amend article="art-membership-card"/>\n    <amend article="art-voting">',
    )
    path.write_text(text)
    (path.parent / "articles/art-membership-card.xml").write_text(
        (sample / "articles/art-membership-card.xml").read_text()
    )
    result = CliRunner().invoke(cli, ["apply", "--preview", str(path.parent)])
    assert result.exit_code == 2
    assert "repealed" in result.output
    assert re.search(r"proposal\.xml:\d+:\d+: error:", result.output)


@st.composite
def two_proposals(draw: st.DrawFn) -> tuple[Document, Proposal, Proposal]:
    doc = draw(documents())
    return doc, draw(proposals(doc, "a")), draw(proposals(doc, "b"))


def _one_article_case(
    base: tuple[Text | Ref, ...], a: tuple[Text | Ref, ...], b: tuple[Text | Ref, ...]
) -> tuple[Document, Proposal, Proposal]:
    """A one-article document and two proposals that amend its only paragraph."""

    def article(runs: tuple[Text | Ref, ...]) -> Article:
        return Article("art-1", None, (Paragraph((P(runs),)),))

    def proposal(name: str, runs: tuple[Text | Ref, ...]) -> Proposal:
        return Proposal(
            name,
            name,
            "x",
            None,
            Base("doc"),
            "drafting-committee",
            (),
            (),
            (Amend("art-1"),),
            {"art-1": article(runs)},
        )

    outline = (Division("chapter", "chp-1", "العضو", (ArticleEntry("art-1"),)),)
    doc = Document(
        "doc",
        "ar",
        "auto",
        "words",
        DocumentMeta("T"),
        outline,
        {"art-1": article(base)},
    )
    return doc, proposal("a", a), proposal("b", b)


# Found by the ci profile: «a» deletes the full stop, «b» the space after it;
# merged token by token they made «العضو{art-1}», a word neither wrote.
_FULL_STOP_AND_SPACE = _one_article_case(
    (Text("العضو. "), Ref("art-1"), Text(" العضو")),
    (Text("العضو "), Ref("art-1"), Text(" العضو")),
    (Text("العضو."), Ref("art-1"), Text(" العضو")),
)


@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(two_proposals())
@example(_FULL_STOP_AND_SPACE)
def test_order_does_not_matter_and_no_word_is_lost(
    case: tuple[Document, Proposal, Proposal],
) -> None:
    doc, a, b = case
    try:
        forward = consolidate(doc, [a, b])
    except CollisionError as error:
        # Stopped: the same pair stops the other way round too, naming both.
        with pytest.raises(CollisionError):
            consolidate(doc, [b, a])
        assert "a" in str(error) and "b" in str(error)
        return
    assert consolidate(doc, [b, a]) == forward
    for proposal in (a, b):
        alone = apply_proposal(doc, proposal)
        for ref in proposal.articles:
            if ref not in forward.articles or ref not in alone.articles:
                continue
            base_words = set(_text(doc, ref).split()) if ref in doc.articles else set()
            for word in set(_text(alone, ref).split()) - base_words:
                assert word in _text(forward, ref).split()


def test_two_new_wordings_of_an_articles_notes_collide() -> None:
    from bylaws.model import Article, Note, Text
    from bylaws.proposals.merge import MergeConflict, merge_articles

    def with_note(note: str | None) -> Article:
        notes = (Note((Text(note),)),) if note else ()
        return Article("a", None, (), notes)

    base, ours, theirs = with_note("قديمة"), with_note("أولى"), with_note("ثانية")
    with pytest.raises(MergeConflict) as caught:
        merge_articles(base, ours, theirs)
    (clash,) = caught.value.clashes
    assert (clash.where, clash.base, clash.ours, clash.theirs) == (
        "notes",
        "قديمة",
        "أولى",
        "ثانية",
    )
    # The same new note on both sides, or a change on one side only, merges.
    assert merge_articles(base, ours, ours) == ours
    assert merge_articles(base, base, theirs) == theirs


def test_edits_to_touching_tokens_of_one_word_collide() -> None:
    """A full stop deleted by one proposal and the space beside it by another
    stop the run, naming both wordings; nothing is glued into a new word."""
    doc, a, b = _FULL_STOP_AND_SPACE
    with pytest.raises(CollisionError) as caught:
        consolidate(doc, [a, b])
    message = str(caught.value)
    assert "art-1 para-1" in message
    assert "«العضو" in message and "العضو." in message


def test_edits_a_space_apart_still_merge() -> None:
    """Changes in neighbouring words (a space between them) merge as before."""
    doc, a, b = _one_article_case(
        (Text("العضو في اللجنة."),),
        (Text("الحركة في اللجنة."),),
        (Text("العضو في اللجنة،"),),
    )
    merged = consolidate(doc, [a, b])
    assert _text(merged, "art-1") == "الحركة في اللجنة،"
    assert consolidate(doc, [b, a]) == merged


def test_a_word_inserted_by_both_sides_is_not_written_twice() -> None:
    """One side inserts «العضو» after a reference, the other the same word with
    a wider space: one edit seen twice, not two. Found by the property once
    generated text held invisible characters (the bug has nothing to do with them).
    """
    from bylaws.model import Ref, Text
    from bylaws.proposals.merge import MergeConflict, merge_runs

    ref = Ref("art-1", "full")
    base = (Text("العضو "), ref, Text(" العضو"))
    ours = (Text("العضو "), ref, Text("العضو العضو"))
    theirs = (Text("العضو "), ref, Text("العضو  العضو"))
    with pytest.raises(MergeConflict):
        merge_runs(base, ours, theirs, "art-1/para-1")
