"""The workspace lock: one writing command at a time.

Every command that writes holds it from before it reads until after its last
rename, so two of them never read the same file and each write back its own
version (eight `propose amend` at once keep all eight operations). A second
writer waits a few seconds, then gives up with a clear message having written
nothing. The lock is an advisory `flock` on `.git/bylaws.lock`, or outside git
on `.bylaws.lock` in the folder that holds the document folders (drafts/):
the kernel drops it when a process dies, so a killed command never leaves the
workspace locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .atomic import clean_leftovers, refused
from .errors import WorkspaceBusy
from .locale import _

LOCK_FILE = ".bylaws.lock"
_TIMEOUT_ENV = "BYLAWS_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 10.0


def lock_path(doc_folder: Path) -> Path:
    """Where the lock of the workspace holding `doc_folder` lives: inside the
    git repository's .git folder (where `git status` never lists it), else in
    the folder that holds the document folder."""
    workspace = doc_folder.absolute().parent
    for folder in (workspace, *workspace.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git / "bylaws.lock"
        if dot_git.is_file():  # a worktree or submodule: "gitdir: <its git folder>"
            text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
            gitdir = Path(text.removeprefix("gitdir:").strip())
            gitdir = gitdir if gitdir.is_absolute() else folder / gitdir
            if text.startswith("gitdir:") and gitdir.is_dir():
                return gitdir / "bylaws.lock"
            break
    return workspace / LOCK_FILE


def _timeout() -> float:
    try:
        return float(os.environ.get(_TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def workspace_lock(doc_folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the workspace lock of `doc_folder`, then tidy interrupted writes.

    Raises:
        WorkspaceBusy: another command kept the lock for `timeout` seconds.
        WriteRefused: the lock file cannot be created (read-only, permission).
    """
    path = lock_path(doc_folder)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise refused(exc, path) from None
    try:
        deadline = time.monotonic() + (_timeout() if timeout is None else timeout)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WorkspaceBusy(
                        _(
                            "another bylaws command is writing to this workspace; nothing was changed: run this one again when it has finished"
                        ),
                        str(path),
                    ) from None
                time.sleep(0.05)
        # Only the workspace folder itself and this document: the folder
        # above a document may be a home directory.
        clean_leftovers(doc_folder.absolute().parent, depth=0)
        clean_leftovers(doc_folder.absolute(), depth=6)
        yield
    finally:
        os.close(fd)  # closing drops the lock
