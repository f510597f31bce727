"""The few git questions proposals ask, answered through `bylaws.gitio`."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..errors import BylawsError, NotFound
from ..gitio import GitTree, repo_root, resolve_commit


def head_commit(folder: Path) -> str | None:
    """The commit checked out in the repository holding `folder`, if any."""
    try:
        return resolve_commit(repo_root(folder), "HEAD")
    except BylawsError:
        return None


def commit_exists(folder: Path, commit: str) -> bool:
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
