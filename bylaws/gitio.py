"""A folder as it was at a git revision, read without checkout.

`GitTree` implements the `bylaws.workspace.Tree` protocol over one commit:
the file list comes from one `git ls-tree`, the bytes from one long-running
`git cat-file --batch`, so the working tree and the index are never touched.
`file_history` lists the commits that changed one file.
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from bylaws import xmlio
from bylaws.errors import NotFound, UnusableInput
from bylaws.locale import _

__all__ = [
    "Commit",
    "GitTree",
    "file_history",
    "repo_root",
    "resolve_commit",
    "run_git",
    "split_rev_path",
]


def run_git(args: list[str], cwd: Path) -> str:
    """Run git and return its standard output; a failure becomes a BylawsError."""
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UnusableInput(
            _("git is not installed or not on PATH"), str(cwd)
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise NotFound(
            _("git {command} failed: {reason}"),
            str(cwd),
            command=args[0],
            reason=message[-1] if message else "unknown error",
        )
    return done.stdout.decode("utf-8", "replace")


def repo_root(start: Path) -> Path:
    """The top folder of the git repository that holds `start`."""
    folder = start if start.is_dir() else start.parent
    if not folder.exists():
        folder = Path(".")
    return Path(run_git(["rev-parse", "--show-toplevel"], folder).strip())


def resolve_commit(root: Path, rev: str) -> str:
    """The full commit id a revision names (tag, branch, HEAD~3, …)."""
    if rev.startswith("-"):
        raise NotFound(_("{rev!r} is not a git revision"), str(root), rev=rev)
    try:
        return run_git(
            ["rev-parse", "--verify", "--quiet", rev + "^{commit}"], root
        ).strip()
    except NotFound:
        raise NotFound(
            _("unknown git revision {rev!r} (a tag, branch, commit or HEAD~N)"),
            str(root),
            rev=rev,
        ) from None


def split_rev_path(operand: str) -> tuple[str, str] | None:
    """`REV:PATH` split in two, or None when the operand is not of that form."""
    if ":" not in operand:
        return None
    rev, path = operand.split(":", 1)
    if not rev or rev.startswith("/") or "\\" in rev:
        return None
    return rev, path


@dataclass
class GitTree:
    """The files below `prefix` at one commit of the repository at `root`.

    Paths are relative to `prefix`; messages show them as `REV:path`.
    """

    root: Path
    rev: str
    prefix: PurePosixPath = field(default_factory=PurePosixPath)
    commit: str = ""
    _blobs: dict[str, str] = field(default_factory=dict, repr=False)
    _dirs: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _cat: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.commit:
            self.commit = resolve_commit(self.root, self.rev)
        self._list()

    def _list(self) -> None:
        spec = str(self.prefix) if self.prefix.parts else "."
        listing = run_git(
            ["ls-tree", "-r", "-z", "--full-tree", self.commit, "--", spec], self.root
        )
        base = len(self.prefix.parts)
        self._dirs.setdefault("", set())
        for record in listing.split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            _mode, kind, blob = meta.split()
            if kind != "blob":
                continue
            parts = PurePosixPath(path).parts
            if tuple(parts[:base]) != self.prefix.parts or len(parts) == base:
                continue
            rel = parts[base:]
            self._blobs["/".join(rel)] = blob
            for depth in range(len(rel)):
                parent = "/".join(rel[:depth])
                self._dirs.setdefault(parent, set()).add(rel[depth])
        if not self._blobs and self.prefix.parts:
            raise NotFound(
                _("no such path at revision {rev!r}"),
                f"{self.rev}:{self.prefix}",
                rev=self.rev,
            )

    @staticmethod
    def _key(rel: PurePosixPath) -> str:
        return "/".join(p for p in rel.parts if p != ".")

    def blob_id(self, rel: PurePosixPath) -> str | None:
        """The git object id of a file, or None; equal ids mean equal bytes."""
        return self._blobs.get(self._key(rel))

    def _process(self) -> subprocess.Popen[bytes]:
        if self._cat is None:
            self._cat = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self._cat

    def read_bytes(self, rel: PurePosixPath) -> bytes:
        blob = self.blob_id(rel)
        if blob is None:
            kind = (
                _("is a folder, expected a file at revision {rev!r}")
                if self.is_dir(rel)
                else _("file does not exist at revision {rev!r}")
            )
            raise NotFound(kind, self.display(rel), rev=self.rev)
        process = self._process()
        stdin: IO[bytes] | None = process.stdin
        stdout: IO[bytes] | None = process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(blob.encode("ascii") + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            raise UnusableInput(_("git could not read this file"), self.display(rel))
        size = int(header[2])
        if size > xmlio.MAX_FILE_BYTES:
            stdout.read(size + 1)
            xmlio.check_bytes(b"x" * size, self.display(rel))
        data = stdout.read(size)
        stdout.read(1)  # the newline after each object
        return data

    def is_file(self, rel: PurePosixPath) -> bool:
        return self._key(rel) in self._blobs

    def is_dir(self, rel: PurePosixPath) -> bool:
        return self._key(rel) in self._dirs

    def list_dir(self, rel: PurePosixPath) -> list[str]:
        # Hidden names are editors' lock and backup files, never ours.
        return sorted(n for n in self._dirs.get(self._key(rel), ()) if n[:1] != ".")

    def display(self, rel: PurePosixPath) -> str:
        path = self.prefix / rel if rel.parts else self.prefix
        return f"{self.rev}:{path}"

    def close(self) -> None:
        """Stop the `git cat-file` process, if one was started."""
        if self._cat is not None:
            if self._cat.stdin is not None:
                self._cat.stdin.close()
            self._cat.wait()
            if self._cat.stdout is not None:
                self._cat.stdout.close()
            self._cat = None

    def __enter__(self) -> GitTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit of a file's history."""

    id: str
    parent: str | None
    author: str
    date: str
    subject: str


def file_history(root: Path, path: PurePosixPath, rev: str = "HEAD") -> list[Commit]:
    """Every commit reachable from `rev` that changed a file, newest first.

    Renames are followed, so an article file moved between folders keeps its
    history.
    """
    out = run_git(
        [
            "log",
            "--follow",
            "--format=%H%x00%P%x00%an%x00%ad%x00%s",
            "--date=short",
            resolve_commit(root, rev),
            "--",
            str(path),
        ],
        root,
    )
    commits = []
    for line in out.splitlines():
        if not line:
            continue
        commit, parents, author, date, subject = line.split("\0", 4)
        parent = parents.split()[0] if parents.split() else None
        commits.append(Commit(commit, parent, author, date, subject))
    return commits
