"""Applying a proposal lays each run of amendments over the document at once:
the result, and the first error, must be those of its operations one by one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest

from bylaws.errors import InvalidOperation
from bylaws.model import Amend, Document, Proposal, Repeal
from bylaws.overlay import apply_operation, apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposals
from tests.conftest import ENGLISH, SAMPLE


def _one_by_one(doc: Document, proposal: Proposal) -> Document:
    for op in proposal.operations:
        doc = apply_operation(doc, proposal, op)
    return doc


def _assert_same(a: Document, b: Document) -> None:
    assert a.outline == b.outline
    assert list(a.articles) == list(b.articles)
    assert all(a.articles[k] == b.articles[k] for k in a.articles)


def _workspace(folder: Path) -> tuple[Document, list[Proposal]]:
    tree = DiskTree(folder)
    return load_document(tree), load_proposals(tree, PurePosixPath())


@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_every_sample_proposal_applies_as_one_by_one(folder: Path) -> None:
    doc, proposals = _workspace(folder)
    assert proposals
    for proposal in proposals:
        _assert_same(apply_proposal(doc, proposal), _one_by_one(doc, proposal))


def test_runs_of_amendments_around_other_operations() -> None:
    """Amendments of the same article twice, split by a repeal, in any order."""
    doc, proposals = _workspace(SAMPLE)
    proposal = next(
        p for p in proposals if any(isinstance(o, Amend) for o in p.operations)
    )
    amend = next(o for o in proposal.operations if isinstance(o, Amend))
    others = [ref for ref in doc.articles if ref != amend.article]
    repeal = Repeal(others[0])
    for operations in (
        (amend, amend, repeal, amend),
        (repeal, amend, amend),
        (amend, repeal),
    ):
        mixed = replace(proposal, operations=operations)
        _assert_same(apply_proposal(doc, mixed), _one_by_one(doc, mixed))


def test_the_first_amendment_that_cannot_apply_is_the_error() -> None:
    doc, proposals = _workspace(SAMPLE)
    proposal = next(
        p for p in proposals if any(isinstance(o, Amend) for o in p.operations)
    )
    amend = next(o for o in proposal.operations if isinstance(o, Amend))
    repeal = Repeal(amend.article)
    for operations in ((amend, Amend("art-none"), amend), (repeal, amend)):
        mixed = replace(proposal, operations=operations)
        with pytest.raises(InvalidOperation) as batched:
            apply_proposal(doc, mixed)
        with pytest.raises(InvalidOperation) as single:
            _one_by_one(doc, mixed)
        assert batched.value.render("en") == single.value.render("en")
