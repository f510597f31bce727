"""A workspace read for the site: each document with its proposals and feedback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bylaws.model import Comment, Document, Proposal
from bylaws.workspace import (
    DiskTree,
    iter_document_folders,
    load_document,
    load_feedback,
    load_proposals,
)

__all__ = ["DocumentBundle", "load_workspace"]


@dataclass(frozen=True)
class DocumentBundle:
    """One document and everything reviewers read about it."""

    doc: Document
    proposals: tuple[Proposal, ...]
    feedback: tuple[Comment, ...]


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
            )
        )
    return bundles
