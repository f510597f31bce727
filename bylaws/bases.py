"""The text each proposal was drafted against, found on disk, in the archive or in git.

A proposal's amendment carries the whole new text of an article. Applied as
it stands onto a text that moved on since, it would undo what was adopted in
between; so `apply`, `adopt` and `rebase` merge three ways, and need the base
text of every amended article. A proposal records it as the fingerprint of
the article file (and the commit) when it was drafted; the text with that
fingerprint is looked for, in order:

1. the text in force, when the article has not changed since;
2. `archive/*/previous/`, where `bylaws adopt` keeps each text it replaced;
3. git: the file at the recorded commit, then the file's history.

A proposal whose base cannot be found is refused, with the way to record one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from .archive import archived_versions, previous_articles_folder
from .errors import BylawsError, InvalidOperation
from .locale import _
from .model import Amend, Article, Document, Proposal
from .workspace import ARTICLES, DiskTree, fingerprint, read_article_file

# How far back in an article's git history a fingerprint is looked for.
_HISTORY_LIMIT = 200


def amended_articles(proposal: Proposal) -> list[str]:
    """The articles whose text a proposal replaces, in its order."""
    return [op.article for op in proposal.operations if isinstance(op, Amend)]


def records_no_base(proposal: Proposal) -> list[str]:
    """Amended articles for which the proposal records neither a commit nor a
    fingerprint: their base text cannot be known."""
    if proposal.base.commit:
        return []
    known = {fp.article for fp in proposal.base.fingerprints}
    return [ref for ref in amended_articles(proposal) if ref not in known]


def _article_file(ref: str) -> PurePosixPath:
    return PurePosixPath(ARTICLES) / f"{ref}.xml"


def _archived_candidates(doc_folder: Path, ref: str) -> Iterator[tuple[bytes, str]]:
    for version in reversed(archived_versions(doc_folder)):
        path = previous_articles_folder(doc_folder, version) / f"{ref}.xml"
        if path.is_file():
            yield path.read_bytes(), str(path)


def _git_candidates(
    doc_folder: Path, ref: str, commit: str | None, history: bool
) -> Iterator[tuple[bytes, str]]:
    """The article's file at the recorded commit, then (when `history`) at
    every commit that changed it."""
    # Here, not above: `check` needs this module, and git only now and then.
    from .gitio import GitTree, file_history, repo_root, resolve_commit

    try:
        root = repo_root(doc_folder.absolute())
    except BylawsError:
        return
    prefix = PurePosixPath(doc_folder.resolve().relative_to(root.resolve()).as_posix())
    rel = _article_file(ref)
    commits: list[str] = []
    if commit:
        with contextlib.suppress(BylawsError):  # a commit gone is looked past
            commits.append(resolve_commit(root, commit))
    if history:
        try:
            changed = file_history(root, prefix / rel)
        except BylawsError:
            changed = []
        commits.extend(c.id for c in changed[:_HISTORY_LIMIT])
    for sha in dict.fromkeys(commits):
        with GitTree(root, sha, prefix) as tree:
            if tree.is_file(rel):
                yield tree.read_bytes(rel), tree.display(rel)


_NO_BASE = _(
    "the base of proposal {proposal} cannot be known for {ref} (it records neither a commit nor a fingerprint), so applying it could undo what was adopted since; record the text it was drafted against with `bylaws rebase {proposal} --base REV` (REV: the git revision it was drafted on)"
)
_NOT_AT_COMMIT = _(
    "the base of proposal {proposal} cannot be known for {ref} (it is not in the recorded commit {commit}), so applying it could undo what was adopted since; record the text it was drafted against with `bylaws rebase {proposal} --base REV` (REV: the git revision it was drafted on)"
)
_NOT_FOUND = _(
    "the base of proposal {proposal} cannot be known for {ref} (no text of the article with the recorded fingerprint is found), so applying it could undo what was adopted since; record the text it was drafted against with `bylaws rebase {proposal} --base REV` (REV: the git revision it was drafted on)"
)


def _unknown(
    proposal: Proposal, ref: str, message: str, commit: str | None = None
) -> InvalidOperation:
    loc = proposal.loc
    fields = {"proposal": proposal.id, "ref": ref}
    if commit is not None:
        fields["commit"] = commit
    return InvalidOperation(
        message,
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
        **fields,
    )


def base_article(
    doc_folder: Path, current: Document, proposal: Proposal, ref: str
) -> Article:
    """The text of article `ref` that `proposal` was drafted against.

    Raises:
        InvalidOperation: the proposal records no base for it, or no text
            with the recorded fingerprint is found anywhere.
    """
    wanted = {fp.article: fp.sha256 for fp in proposal.base.fingerprints}.get(ref)
    commit = proposal.base.commit
    if wanted is None and not commit:
        raise _unknown(proposal, ref, _NO_BASE)
    tree = DiskTree(doc_folder)
    rel = _article_file(ref)
    if (
        wanted is not None
        and ref in current.articles
        and tree.is_file(rel)
        and fingerprint(tree.read_bytes(rel)) == wanted
    ):
        return current.articles[ref]
    candidates: Iterator[tuple[bytes, str]] = _archived_candidates(doc_folder, ref)
    for data, path in candidates:
        if wanted is not None and fingerprint(data) == wanted:
            return read_article_file(data, path, f"{ref}.xml")
    # Without a fingerprint only the recorded commit tells the base.
    for data, path in _git_candidates(doc_folder, ref, commit, wanted is not None):
        if wanted is None or fingerprint(data) == wanted:
            return read_article_file(data, path, f"{ref}.xml")
    if wanted is None:
        raise _unknown(proposal, ref, _NOT_AT_COMMIT, commit or "")
    raise _unknown(proposal, ref, _NOT_FOUND)


def base_articles(
    doc_folder: Path, current: Document, proposal: Proposal
) -> dict[str, Article]:
    """Article id -> base text, for every amended article whose base text differs
    from the text in force (an unchanged article needs no merge)."""
    found: dict[str, Article] = {}
    for ref in amended_articles(proposal):
        if ref not in current.articles:
            continue  # the overlay reports an amendment of a missing article
        article = base_article(doc_folder, current, proposal, ref)
        if article != current.articles[ref]:
            found[ref] = article
    return found


def bases_for(
    doc_folder: Path, current: Document, proposals: list[Proposal]
) -> dict[str, dict[str, Article]]:
    """Proposal id -> its base texts that differ from the text in force."""
    return {p.id: base_articles(doc_folder, current, p) for p in proposals}


def base_of(current: Document, bases: Mapping[str, Article]) -> Document:
    """The text in force with some articles as they were at a proposal's base."""
    if not bases:
        return current
    return replace(current, articles={**current.articles, **bases})
