"""A workspace read for the site: each document with its proposals and feedback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bylaws.archive import ARCHIVE, INSTRUMENT_FILE, archived, archived_proposals
from bylaws.model import Comment, Document, Proposal
from bylaws.workspace import (
    DiskTree,
    Tree,
    iter_document_folders,
    load_document,
    load_feedback,
    load_proposals,
)

__all__ = ["AdoptedVersion", "DocumentBundle", "load_workspace"]


@dataclass(frozen=True)
class AdoptedVersion:
    """One version `bylaws adopt` put into force, as its archive keeps it."""

    label: str
    date: str
    proposals: tuple[Proposal, ...]
    instrument: str  # the published instrument, as adopted


@dataclass(frozen=True)
class DocumentBundle:
    """One document and everything reviewers read about it."""

    doc: Document
    proposals: tuple[Proposal, ...]
    feedback: tuple[Comment, ...]
    adopted: tuple[AdoptedVersion, ...] = ()  # oldest first


def _adopted(tree: Tree, here: PurePosixPath) -> tuple[AdoptedVersion, ...]:
    versions = []
    for version in archived(tree, here):
        instrument = here / ARCHIVE / version.label / INSTRUMENT_FILE
        text = ""
        if tree.is_file(instrument):
            text = tree.read_bytes(instrument).decode("utf-8", "replace")
        proposals = tuple(archived_proposals(tree, version.label, here))
        versions.append(AdoptedVersion(version.label, version.date, proposals, text))
    return tuple(versions)


def load_workspace(root: Path) -> list[DocumentBundle]:
    """Every document at or below `root` (a document folder or a drafts/ folder)."""
    bundles: list[DocumentBundle] = []
    for folder in iter_document_folders(root):
        tree = DiskTree(folder)
        here = PurePosixPath()
        bundles.append(
            DocumentBundle(
                load_document(tree, here),
                tuple(load_proposals(tree, here)),
                tuple(load_feedback(tree, here)),
                _adopted(tree, here),
            )
        )
    return bundles
