"""`bylaws fmt`: every file of a workspace in its one canonical form."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import xmlio
from .errors import BylawsError
from .workspace import document_folders_for, write_atomic


@dataclass
class FmtResult:
    """Files that were (or, with --check, would be) rewritten, and files that failed."""

    changed: list[Path] = field(default_factory=list)
    failed: list[BylawsError] = field(default_factory=list)
    seen: int = 0


def workspace_files(folder: Path) -> Iterator[Path]:
    """Every XML file of a document folder: document, articles, proposals, feedback."""
    yield from sorted(folder.glob("document.xml"))
    yield from sorted(folder.glob("articles/*.xml"))
    for proposal in sorted(folder.glob("proposals/*/")):
        yield from sorted(proposal.glob("proposal.xml"))
        yield from sorted(proposal.glob("articles/*.xml"))
    yield from sorted(folder.glob("feedback/*.xml"))


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
                data = file.read_bytes()
                canonical = xmlio.canonical_bytes(data, str(file))
            except BylawsError as exc:
                result.failed.append(exc)
                continue
            if canonical != data:
                result.changed.append(file)
                if not check_only:
                    write_atomic(file, canonical)
    return result
