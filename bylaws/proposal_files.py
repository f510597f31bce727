"""Proposals and documents on disk and in git: the file side of `bylaws.proposals`.

`bylaws.proposals` merges and consolidates values; this module loads what
they work on (a proposal's base text from git, the text in force from disk),
answers whether a proposal is stale by its files' fingerprints, and writes
whole document and proposal folders atomically through `bylaws.atomic`: the
new tree is built beside the target and swapped in with one rename, so the
target holds either the old text or the whole new one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from .atomic import replace_folder
from .errors import BylawsError, InvalidOperation, NotFound
from .gitio import GitTree, repo_root, resolve_commit
from .locale import _
from .model import Amend, Article, Base, Document, Fingerprint, Proposal
from .proposals.rebase import rebase_onto
from .workspace import (
    ARTICLES,
    DOCUMENT_FILE,
    PROPOSAL_FILE,
    DiskTree,
    Tree,
    fingerprint,
    load_document,
)
from .xmlio import article_to_xml, document_to_xml, proposal_to_xml, serialize

# --- git ---------------------------------------------------------------------


def head_commit(folder: Path) -> str | None:
    """The commit checked out in the repository holding `folder`, if any."""
    try:
        return resolve_commit(repo_root(folder), "HEAD")
    except BylawsError:
        return None


def commit_exists(folder: Path, commit: str) -> bool:
    """Whether the repository holding `folder` has `commit`."""
    try:
        resolve_commit(repo_root(folder), commit)
    except BylawsError:
        return False
    return True


def tree_at(folder: Path, commit: str) -> GitTree:
    """The document folder `folder` as it was at `commit`."""
    try:
        root = repo_root(folder)
    except BylawsError:
        raise NotFound(_("not inside a git repository"), str(folder)) from None
    prefix = PurePosixPath(folder.resolve().relative_to(root.resolve()).as_posix())
    return GitTree(root, commit, prefix)


# --- stale proposals and their base --------------------------------------------

_ROOT = PurePosixPath()


def stale_articles(
    doc_tree: Tree, proposal: Proposal, folder: PurePosixPath = _ROOT
) -> list[str]:
    """Article ids whose file changed (or is gone) since the proposal recorded it.

    Args:
        doc_tree: the tree holding the document folder.
        proposal: the proposal whose `base` fingerprints are compared.
        folder: the document folder inside `doc_tree`.

    Returns:
        The ids in the order the proposal records them; empty when current.
    """
    stale: list[str] = []
    for fp in proposal.base.fingerprints:
        rel = folder / ARTICLES / f"{fp.article}.xml"
        if not doc_tree.is_file(rel):
            stale.append(fp.article)
            continue
        if fingerprint(doc_tree.read_bytes(rel)) != fp.sha256:
            stale.append(fp.article)
    return stale


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
            _(
                "the proposal records no base commit, so the text it was drafted "
                "against cannot be recovered; add commit= to <base> or redraft it"
            ),
            path,
            line,
            col,
        )
    if not commit_exists(doc_folder, commit):
        raise NotFound(
            _(
                "the proposal's base commit {commit} is not in this repository "
                "(its base is gone); fetch it or redraft the proposal"
            ),
            path,
            line,
            col,
            commit=commit,
        )
    return load_document(tree_at(doc_folder, commit))


def fingerprints_for(doc_folder: Path, ids: list[str]) -> tuple[Fingerprint, ...]:
    """The fingerprints of the given articles as their files are now."""
    tree = DiskTree(doc_folder)
    found: list[Fingerprint] = []
    for ref in ids:
        rel = PurePosixPath(ARTICLES) / f"{ref}.xml"
        if tree.is_file(rel):
            found.append(Fingerprint(ref, fingerprint(tree.read_bytes(rel))))
    return tuple(found)


def with_base(doc_folder: Path, proposal: Proposal, rev: str) -> Proposal:
    """The proposal recorded as drafted against git revision `rev`: its commit,
    and the fingerprints of the articles it amends as they were there."""
    tree = tree_at(doc_folder, rev)
    found: list[Fingerprint] = []
    for op in proposal.operations:
        if not isinstance(op, Amend):
            continue
        rel = PurePosixPath(ARTICLES) / f"{op.article}.xml"
        if tree.is_file(rel):
            found.append(Fingerprint(op.article, fingerprint(tree.read_bytes(rel))))
    return replace(
        proposal, base=Base(proposal.base.document, tree.commit, tuple(found))
    )


def rebase(doc_folder: Path, proposal: Proposal) -> Proposal:
    """The proposal carried onto the document as it is now on disk.

    Its base text is found by `bylaws.bases`: by fingerprint in the text in
    force, the archive or git, or at the recorded commit.

    Raises:
        CollisionError: the text in force changed the same words as the proposal.
        InvalidOperation: the base cannot be known, or an operation names an
            article that is gone.
    """
    from .bases import base_articles, base_of

    current = load_document(DiskTree(doc_folder))
    base = base_of(current, base_articles(doc_folder, current, proposal))
    ids = list(
        dict.fromkeys(
            [fp.article for fp in proposal.base.fingerprints]
            + [op.article for op in proposal.operations if isinstance(op, Amend)]
        )
    )
    new_base = Base(
        proposal.base.document,
        head_commit(doc_folder),
        fingerprints_for(doc_folder, ids),
    )
    return rebase_onto(base, current, proposal, new_base)


# --- writing whole folders (through bylaws.atomic) ------------------------------

_ARTICLES = PurePosixPath(ARTICLES)


def _not_an_article_file(rel: PurePosixPath) -> bool:
    """Old article files give way to the new set; anything else stays."""
    return not (rel.parent == _ARTICLES and rel.suffix == ".xml")


def folder_files(
    main_file: str, main_bytes: bytes, articles: Mapping[str, Article]
) -> dict[PurePosixPath, bytes]:
    """The files of a document or proposal folder: its main file and articles/."""
    files = {PurePosixPath(main_file): main_bytes}
    for ref, article in sorted(articles.items()):
        files[_ARTICLES / f"{ref}.xml"] = serialize(article_to_xml(article))
    return files


def write_document(doc: Document, target: Path) -> None:
    """Write a document folder (document.xml, articles/) atomically; what else
    the folder holds (proposals/, feedback/, archive/, notes) is kept."""
    data = serialize(document_to_xml(doc))
    replace_folder(
        target, folder_files(DOCUMENT_FILE, data, doc.articles), _not_an_article_file
    )


def write_proposal(proposal: Proposal, folder: Path) -> None:
    """Write a proposal folder (proposal.xml, articles/) atomically."""
    data = serialize(proposal_to_xml(proposal))
    replace_folder(
        folder,
        folder_files(PROPOSAL_FILE, data, proposal.articles),
        _not_an_article_file,
    )
