"""Proposals and documents on disk and in git: the file side of `bylaws.proposals`.

`bylaws.proposals` merges and consolidates values; this module loads what
they work on (a proposal's base text from git, the text in force from disk),
answers whether a proposal is stale by its files' fingerprints, and writes
whole document and proposal folders atomically: the new tree is built in a
temporary folder beside the target and swapped in with one rename, so the
target holds either the old text or the whole new one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import BylawsError, InvalidOperation, NotFound
from .gitio import GitTree, repo_root, resolve_commit
from .model import Article, Base, Document, Fingerprint, Proposal
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
        raise NotFound("not inside a git repository", str(folder)) from None
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
    tree = DiskTree(doc_folder)
    found: list[Fingerprint] = []
    for ref in ids:
        rel = PurePosixPath(ARTICLES) / f"{ref}.xml"
        if tree.is_file(rel):
            found.append(Fingerprint(ref, fingerprint(tree.read_bytes(rel))))
    return tuple(found)


def rebase(doc_folder: Path, proposal: Proposal) -> Proposal:
    """The proposal carried onto the document as it is now on disk.

    Raises:
        CollisionError: the text in force changed the same words as the proposal.
        NotFound / InvalidOperation: the base cannot be recovered, or an
            operation names an article that is gone.
    """
    base = base_document(doc_folder, proposal)
    current = load_document(DiskTree(doc_folder))
    ids = [fp.article for fp in proposal.base.fingerprints]
    new_base = Base(
        proposal.base.document,
        head_commit(doc_folder),
        fingerprints_for(doc_folder, ids),
    )
    return rebase_onto(base, current, proposal, new_base)


# --- writing whole folders -----------------------------------------------------


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(
        at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def _fsync_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_articles(folder: Path, articles: dict[str, Article] | None) -> None:
    (folder / ARTICLES).mkdir(parents=True, exist_ok=True)
    for ref, article in sorted((articles or {}).items()):
        _fsync_file(
            folder / ARTICLES / f"{ref}.xml", serialize(article_to_xml(article))
        )


def swap_in(build: Path, target: Path) -> None:
    """Put a finished folder at `target`, replacing what was there in one step."""
    if not target.exists():
        os.replace(build, target)
        return
    if _exchange(build, target):
        shutil.rmtree(build)  # `build` now holds the old tree
        return
    # No atomic exchange here: the old tree is renamed aside first, then the new
    # one in; a crash in between leaves the old tree beside the target.
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.rmdir(aside)
    os.replace(target, aside)
    os.replace(build, target)
    shutil.rmtree(aside)


def _write_folder(
    target: Path, main_file: str, main_bytes: bytes, articles: Mapping[str, Article]
) -> None:
    """A folder with one main file and articles/, written beside and swapped in.

    Whatever else the target holds (proposals/, feedback/, …) is carried over.
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        if target.is_dir():
            for entry in target.iterdir():
                if entry.name in (ARTICLES, main_file):
                    continue
                if entry.is_dir():
                    shutil.copytree(entry, build / entry.name, symlinks=True)
                else:
                    shutil.copy2(entry, build / entry.name)
        _fsync_file(build / main_file, main_bytes)
        _write_articles(build, dict(articles))
        os.chmod(build, 0o755)
        swap_in(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


def write_document(doc: Document, target: Path) -> None:
    """Write a document folder (document.xml, articles/) atomically."""
    _write_folder(target, DOCUMENT_FILE, serialize(document_to_xml(doc)), doc.articles)


def write_proposal(proposal: Proposal, folder: Path) -> None:
    """Write a proposal folder (proposal.xml, articles/) atomically."""
    data = serialize(proposal_to_xml(proposal))
    _write_folder(folder, PROPOSAL_FILE, data, proposal.articles)
