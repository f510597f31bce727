"""Proposals: consolidation, collisions, stale detection and rebasing.

`bylaws.overlay` applies one proposal; this package carries several onto one
text, finds where they clash, and keeps them current when the text moves on.
"""

from __future__ import annotations

from .collisions import CollisionReport, PairReport, compare_pair, find_collisions
from .consolidate import Collision, consolidate, pair_collisions, touched_places
from .merge import Clash, MergeConflict, merge3, merge_articles
from .output import write_document, write_proposal
from .rebase import base_document, fingerprints_for, rebase
from .stale import stale_articles

__all__ = [
    "Clash",
    "Collision",
    "CollisionReport",
    "MergeConflict",
    "PairReport",
    "base_document",
    "compare_pair",
    "consolidate",
    "find_collisions",
    "fingerprints_for",
    "merge3",
    "merge_articles",
    "pair_collisions",
    "rebase",
    "stale_articles",
    "touched_places",
    "write_document",
    "write_proposal",
]
