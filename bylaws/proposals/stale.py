"""Stale proposals: the text in force changed after the proposal was drafted."""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model import Proposal
from ..workspace import ARTICLES, Tree, fingerprint

_ROOT = PurePosixPath()


def stale_articles(
    doc_tree: Tree, proposal: Proposal, folder: PurePosixPath = _ROOT
) -> list[str]:
    """Article ids whose file changed (or is gone) since the proposal recorded it.

    Args:
        doc_tree: the tree holding the document folder.
        proposal: the proposal whose `base` fingerprints are compared.
        folder: the document folder inside `doc_tree`.

    Returns:
        The ids in the order the proposal records them; empty when current.
    """
    stale: list[str] = []
    for fp in proposal.base.fingerprints:
        rel = folder / ARTICLES / f"{fp.article}.xml"
        if not doc_tree.is_file(rel):
            stale.append(fp.article)
            continue
        if fingerprint(doc_tree.read_bytes(rel)) != fp.sha256:
            stale.append(fp.article)
    return stale
