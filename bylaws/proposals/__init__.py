"""Proposals: consolidation, collisions and rebasing, on values alone.

`bylaws.overlay` applies one proposal; this package carries several onto one
text, finds where they clash, and carries one onto a newer text. It reads and
writes no files: `bylaws.proposal_files` loads what it needs and writes what it
makes.
"""

from __future__ import annotations

from .collisions import CollisionReport, PairReport, compare_pair, find_collisions
from .consolidate import Collision, consolidate, pair_collisions, touched_places
from .merge import Clash, MergeConflict, merge3, merge_articles
from .rebase import rebase_onto

__all__ = [
    "Clash",
    "Collision",
    "CollisionReport",
    "MergeConflict",
    "PairReport",
    "compare_pair",
    "consolidate",
    "find_collisions",
    "merge3",
    "merge_articles",
    "pair_collisions",
    "rebase_onto",
    "touched_places",
]
