"""The few git calls proposals need: the current commit, a folder at a commit."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import NotFound


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60
    )


def head_commit(folder: Path) -> str | None:
    """The commit checked out in the repository holding `folder`, if any."""
    try:
        done = _git(folder, "rev-parse", "--verify", "-q", "HEAD")
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode().strip() or None


def repo_root(folder: Path) -> Path | None:
    try:
        done = _git(folder, "rev-parse", "--show-toplevel")
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode().strip())


def commit_exists(folder: Path, commit: str) -> bool:
    done = _git(folder, "cat-file", "-e", f"{commit}^{{commit}}")
    return done.returncode == 0


@dataclass(frozen=True)
class GitTree:
    """A folder as it was at a commit, read with `git show`, without checkout.

    `prefix` is the folder's path inside the repository.
    """

    repo: Path
    commit: str
    prefix: PurePosixPath

    def _spec(self, rel: PurePosixPath) -> str:
        return f"{self.commit}:{(self.prefix / rel).as_posix()}"

    def read_bytes(self, rel: PurePosixPath) -> bytes:
        done = _git(self.repo, "show", self._spec(rel))
        if done.returncode != 0:
            raise NotFound(f"not in commit {self.commit[:12]}", self.display(rel))
        return done.stdout

    def _type(self, rel: PurePosixPath) -> str:
        done = _git(self.repo, "cat-file", "-t", self._spec(rel))
        return done.stdout.decode().strip() if done.returncode == 0 else ""

    def is_file(self, rel: PurePosixPath) -> bool:
        return self._type(rel) == "blob"

    def is_dir(self, rel: PurePosixPath) -> bool:
        return self._type(rel) == "tree"

    def list_dir(self, rel: PurePosixPath) -> list[str]:
        done = _git(self.repo, "ls-tree", "--name-only", self._spec(rel))
        if done.returncode != 0:
            return []
        return sorted(line for line in done.stdout.decode().splitlines() if line)

    def display(self, rel: PurePosixPath) -> str:
        return self._spec(rel)


def tree_at(folder: Path, commit: str) -> GitTree:
    """The document folder `folder` as it was at `commit`."""
    root = repo_root(folder)
    if root is None:
        raise NotFound("not inside a git repository", str(folder))
    prefix = PurePosixPath(folder.resolve().relative_to(root.resolve()).as_posix())
    return GitTree(root, commit, prefix)
