"""The one place the site asks for a diff: `document_diff(old, new)`.

The diff engine (`bylaws.diff.compare.diff_documents`) computes the change
records; the site only reads them (`bylaws.site.redline`) and never diffs.
"""

from __future__ import annotations

from bylaws.diff.changes import DocumentDiff
from bylaws.diff.compare import diff_documents
from bylaws.model import Document

__all__ = ["document_diff"]


def document_diff(
    old: Document, new: Document, moves: frozenset[str] = frozenset()
) -> DocumentDiff:
    """The change records between two versions of a document, aligned by id;
    `moves` are the articles a proposal says it moves."""
    return diff_documents(old, new, align="id", moves=moves)
