"""Comparing divisions (parts, chapters, sections): added, removed, renamed, moved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bylaws import numbering
from bylaws.diff.changes import Change, HeadingChanged, OutlineChanged
from bylaws.diff.structure import Pair, moved
from bylaws.diff.words import diff_words, is_formal
from bylaws.model import Division, Document, OutlineNode
from bylaws.text import loose_key

__all__ = ["division_changes"]


def _divisions(doc: Document) -> dict[str, tuple[Division, str | None]]:
    found: dict[str, tuple[Division, str | None]] = {}

    def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
        for node in nodes:
            if isinstance(node, Division):
                found.setdefault(node.id, (node, parent))
                walk(node.children, node.id)

    walk(doc.outline, None)
    return found


def _reordered_divisions(
    before: dict[str, tuple[Division, str | None]],
    after: dict[str, tuple[Division, str | None]],
) -> set[str]:
    """Divisions that kept their parent but changed places among its children."""
    old_order = {div_id: n for n, div_id in enumerate(before)}
    by_parent: dict[str | None, list[tuple[str, int]]] = {}
    for n, (div_id, (_, parent)) in enumerate(after.items()):
        if div_id in before and before[div_id][1] == parent:
            by_parent.setdefault(parent, []).append((div_id, n))
    found: set[str] = set()
    for children in by_parent.values():
        pairs: list[Pair] = [(old_order[div_id], n) for div_id, n in children]
        out_of_order = moved(pairs)
        found |= {div_id for div_id, _ in children if old_order[div_id] in out_of_order}
    return found


def _division_label(
    doc: Document, numbers: Mapping[str, int], division: Division
) -> str:
    n = numbers.get(division.id, 0)
    return numbering.division_label_in(doc, division.kind, n) if n else division.id


def _renamed_divisions(
    before: dict[str, tuple[Division, str | None]],
    after: dict[str, tuple[Division, str | None]],
) -> dict[str, str]:
    """Old id -> new id for divisions that changed id but kept kind and heading
    (an imported text names its chapters anew): the same division, not one
    removed and one added."""
    unclaimed: dict[tuple[str, str], list[str]] = {}
    for div_id, (division, _) in after.items():
        if div_id not in before:
            key = (division.kind, loose_key(division.heading))
            unclaimed.setdefault(key, []).append(div_id)
    renamed: dict[str, str] = {}
    for div_id, (division, _) in before.items():
        candidates = unclaimed.get((division.kind, loose_key(division.heading)))
        if div_id not in after and candidates:
            renamed[div_id] = candidates.pop(0)
    return renamed


def division_changes(old: Document, new: Document) -> list[Change]:
    before, after = _divisions(old), _divisions(new)
    renamed = _renamed_divisions(before, after)
    if renamed:
        # Keyed by the new ids from here on; each Division keeps its old id,
        # which its old number is looked up by.
        before = {
            renamed.get(div_id, div_id): (
                division,
                renamed.get(parent, parent) if parent is not None else None,
            )
            for div_id, (division, parent) in before.items()
        }
    old_numbers, new_numbers = (
        numbering.number_divisions(old),
        numbering.number_divisions(new),
    )
    out: list[Change] = []
    reordered = _reordered_divisions(before, after)
    for div_id, (division, parent) in after.items():
        label = _division_label(new, new_numbers, division)
        if div_id not in before:
            out.append(OutlineChanged("added", div_id, None, label, division.heading))
            continue
        was, was_parent = before[div_id]
        if was.heading != division.heading:
            ops = diff_words(was.heading, division.heading)
            out.append(HeadingChanged(div_id, label, ops, is_formal(ops)))
        if was_parent != parent or div_id in reordered:
            old_label = _division_label(old, old_numbers, was)
            out.append(
                OutlineChanged("moved", div_id, old_label, label, division.heading)
            )
    for div_id, (division, _) in before.items():
        if div_id not in after:
            label = _division_label(old, old_numbers, division)
            out.append(OutlineChanged("removed", div_id, label, None, division.heading))
    return out
