"""`bylaws fmt`: every file of a workspace in its one canonical form."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import xmlio
from .errors import BylawsError, UnusableInput
from .locale import _
from .workspace import document_folders_for, write_atomic


@dataclass
class FmtResult:
    """Files that were (or, with --check, would be) rewritten, and files that failed."""

    changed: list[Path] = field(default_factory=list)
    failed: list[BylawsError] = field(default_factory=list)
    seen: int = 0


def workspace_files(folder: Path) -> Iterator[Path]:
    """Every XML file of a document folder: document, articles, proposals, feedback."""
    yield from _visible(folder, "document.xml")
    yield from _visible(folder, "articles/*.xml")
    for proposal in _visible(folder, "proposals/*/"):
        yield from _visible(proposal, "proposal.xml")
        yield from _visible(proposal, "articles/*.xml")
    yield from _visible(folder, "feedback/*.xml")


def _visible(folder: Path, pattern: str) -> list[Path]:
    """Matches of a pattern, sorted, without hidden names: editors keep lock
    and backup files there (Emacs's `.#art-name.xml` links to nothing)."""
    return sorted(p for p in folder.glob(pattern) if not p.name.startswith("."))


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise UnusableInput(
            _("cannot read the file: {reason}"), str(file), reason=exc.strerror
        ) from None


def _files_for(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for folder in document_folders_for(path):
        yield from workspace_files(folder)


def format_paths(paths: Iterable[Path], check_only: bool = False) -> FmtResult:
    """Rewrite each file in canonical form, atomically; a bad file is skipped.

    With `check_only`, nothing is written: the result lists what would change.
    """
    result = FmtResult()
    seen: set[Path] = set()
    for path in paths:
        for file in _files_for(path):
            if file in seen:
                continue
            seen.add(file)
            result.seen += 1
            try:
                data = _read(file)
                canonical = xmlio.canonical_bytes(data, str(file))
            except BylawsError as exc:
                result.failed.append(exc)
                continue
            if canonical != data:
                result.changed.append(file)
                if not check_only:
                    write_atomic(file, canonical)
    return result
