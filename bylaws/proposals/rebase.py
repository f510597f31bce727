"""Carry a stale proposal onto the current text with a three-way word merge."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..errors import BylawsError, CollisionError, InvalidOperation, NotFound
from ..model import Amend, Base, Document, Fingerprint, Proposal
from ..overlay import apply_proposal
from ..render import Reader
from ..workspace import ARTICLES, DiskTree, load_document
from .consolidate import Collision, Readers, collision_error
from .git import commit_exists, head_commit, tree_at
from .merge import MergeConflict, merge_articles


def _base_place(proposal: Proposal) -> tuple[str | None, int | None, int | None]:
    """Where the proposal's <base> element is, for messages."""
    loc = proposal.loc
    if loc is None:
        return None, None, None
    try:
        lines = Path(loc.path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return loc.path, loc.line, loc.col
    for number, line in enumerate(lines, 1):
        col = line.find("<base")
        if col >= 0:
            return loc.path, number, col + 1
    return loc.path, loc.line, loc.col


def base_document(doc_folder: Path, proposal: Proposal) -> Document:
    """The text a proposal was drafted against, recovered from git by its commit."""
    path, line, col = _base_place(proposal)
    commit = proposal.base.commit
    if not commit:
        raise InvalidOperation(
            "the proposal records no base commit, so the text it was drafted against "
            "cannot be recovered; add commit= to <base> or redraft it",
            path,
            line,
            col,
        )
    if not commit_exists(doc_folder, commit):
        raise NotFound(
            f"the proposal's base commit {commit} is not in this repository "
            "(its base is gone); fetch it or redraft the proposal",
            path,
            line,
            col,
        )
    return load_document(tree_at(doc_folder, commit))


def fingerprints_for(doc_folder: Path, ids: list[str]) -> tuple[Fingerprint, ...]:
    """The fingerprints of the given articles as their files are now."""
    from ..workspace import fingerprint

    tree = DiskTree(doc_folder)
    found: list[Fingerprint] = []
    for ref in ids:
        rel = PurePosixPath(ARTICLES) / f"{ref}.xml"
        if tree.is_file(rel):
            found.append(Fingerprint(ref, fingerprint(tree.read_bytes(rel))))
    return tuple(found)


def _readers(base: Document, current: Document, proposal: Proposal) -> Readers | None:
    """Readers for the words of a clash; None (raw addresses) if the proposal
    no longer applies to its own base, which the clash message need not say."""
    try:
        proposed = apply_proposal(base, proposal)
    except BylawsError:
        return None
    return Reader(base), Reader(current), Reader(proposed)


def with_base(doc_folder: Path, proposal: Proposal, rev: str) -> Proposal:
    """The proposal recorded as drafted against git revision `rev`: its commit,
    and the fingerprints of the articles it amends as they were there."""
    from ..workspace import fingerprint

    tree = tree_at(doc_folder, rev)
    commit = tree.commit
    found: list[Fingerprint] = []
    for op in proposal.operations:
        rel = PurePosixPath(ARTICLES) / f"{getattr(op, 'article', '')}.xml"
        if isinstance(op, Amend) and tree.is_file(rel):
            found.append(Fingerprint(op.article, fingerprint(tree.read_bytes(rel))))
    return replace(proposal, base=Base(proposal.base.document, commit, tuple(found)))


def rebase(doc_folder: Path, proposal: Proposal) -> Proposal:
    """The proposal carried onto the document as it is now on disk.

    Raises:
        CollisionError: the text in force changed the same words as the proposal.
        InvalidOperation: the base cannot be known, or an operation names an
            article that is gone.
    """
    from ..bases import base_articles, base_of

    current = load_document(DiskTree(doc_folder))
    base = base_of(current, base_articles(doc_folder, current, proposal))
    articles = dict(proposal.articles)
    collisions: list[Collision] = []
    for op in proposal.operations:
        if not isinstance(op, Amend):
            continue
        ref = op.article
        if ref not in current.articles:
            loc = op.loc
            raise InvalidOperation(
                f"cannot carry the amendment of {ref} over: the article is no longer "
                "in the text in force",
                loc.path if loc else None,
                loc.line if loc else None,
                loc.col if loc else None,
            )
        if base.articles[ref] == current.articles[ref]:
            continue  # nothing moved under it: the proposal's text stands
        try:
            articles[ref] = merge_articles(
                base.articles[ref], current.articles[ref], articles[ref]
            )
        except MergeConflict as conflict:
            collisions.extend(
                Collision(
                    ref,
                    c.where,
                    c.base,
                    "the text in force",
                    proposal.id,
                    c.ours,
                    c.theirs,
                )
                for c in conflict.clashes
            )
    if collisions:
        raise collision_error(collisions, proposal, _readers(base, current, proposal))
    commit = head_commit(doc_folder)
    ids = list(
        dict.fromkeys(
            [fp.article for fp in proposal.base.fingerprints]
            + [op.article for op in proposal.operations if isinstance(op, Amend)]
        )
    )
    rebased = replace(
        proposal,
        base=Base(proposal.base.document, commit, fingerprints_for(doc_folder, ids)),
        articles=articles,
    )
    apply_proposal(current, rebased)  # every operation must still apply
    return rebased


__all__ = [
    "CollisionError",
    "base_document",
    "fingerprints_for",
    "rebase",
    "with_base",
]
