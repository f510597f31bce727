"""How a unit of a changed article is designated where the reader sees it.

A paragraph renumbered in place shows both numbers, "(4→5)" (or «(٤←٥)» in a
right-to-left text: old first in reading order, the arrow pointing to the
new); a paragraph moved into another one shows both full designations,
"(3)→(2)(ج)". A deleted unit carries its old designation, an inserted one its
new, so that no two lines of an article read alike for different units. Every
human output takes its designations from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from bylaws.diff.changes import UnitChange
from bylaws.values import Value, value_class

__all__ = ["Designation", "arrow", "designation", "designations"]

Side = Literal["old", "new", "both"]
_NONE = "—"  # where a unit had, or has, no designation


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Designation(Value):
    """A unit's designation as shown.

    Attributes:
        text: what the reader sees: "(5)", "(4→5)", "(3)→(2)(ج)", or "".
        side: whose designation it is: the old text's (a deleted unit), the new
            text's (an inserted unit) or both (a unit in both texts).
        old: the old full designation, its paragraph's number before a
            point's ("(3)", "(2)(ب)"); "" when the unit is new.
        new: the same in the new text ("(2)(ج)"); "" when the unit is gone.
        changed: the designation changed (a formal change: `--ignore-formal`
            shows only the new one).
    """

    text: str
    side: Side
    old: str
    new: str
    changed: bool


def arrow(rtl: bool) -> str:
    """The arrow from an old designation to a new one, in reading direction."""
    return "←" if rtl else "→"


def _parent(address: str | None) -> str | None:
    """The paragraph a point (or the text after a paragraph's points) is in."""
    if address is None or "/" not in address:
        return None
    return address.rsplit("/", 1)[0]


def _renested(unit: UnitChange, units: Sequence[UnitChange]) -> bool:
    """Whether a unit in both texts now sits in another paragraph (or none)."""
    old_parent, new_parent = _parent(unit.old_address), _parent(unit.new_address)
    if (old_parent is None) != (new_parent is None):
        return True
    if old_parent is None:
        return False
    holder = next((u for u in units if u.old_address == old_parent), None)
    return holder is None or holder.new_address != new_parent


def _full(
    unit: UnitChange, units: Sequence[UnitChange], side: Literal["old", "new"]
) -> str:
    """A unit's designation with its paragraph's before it: "(2)(ج)"."""
    address = unit.old_address if side == "old" else unit.new_address
    label = unit.old_label if side == "old" else unit.new_label
    parent = _parent(address)
    if parent is None:
        return label
    # The text after a paragraph's points has no number of its own: it is
    # "(2)—", never "(2)", which would read as the paragraph's own text.
    label = label or _NONE
    for other in units:
        if (other.old_address if side == "old" else other.new_address) == parent:
            return (other.old_label if side == "old" else other.new_label) + label
    return label


def _joined(old: str, new: str, rtl: bool) -> str:
    """ "(4→5)" for two bracketed numbers, else "old→new"."""
    simple = all(
        len(s) > 2 and s[0] == "(" and s[-1] == ")" and "(" not in s[1:]
        for s in (old, new)
    )
    if simple:
        return f"({old[1:-1]}{arrow(rtl)}{new[1:-1]})"
    return f"{old}{arrow(rtl)}{new}"


def designation(
    unit: UnitChange, units: Sequence[UnitChange], rtl: bool, formal: bool = True
) -> Designation:
    """The designation to show for one unit of an article.

    Args:
        unit: the unit.
        units: all units of its article (to find the paragraph a point is in).
        rtl: whether the text is written right to left.
        formal: show a changed designation; False shows the new one only.
    """
    old = _full(unit, units, "old") if unit.old_address is not None else ""
    new = _full(unit, units, "new") if unit.new_address is not None else ""
    if unit.old_address is None:
        return Designation(unit.new_label, "new", "", new, False)
    if unit.new_address is None:
        return Designation(unit.old_label, "old", old, "", False)
    label = unit.new_label or unit.old_label
    if not formal or old == new:
        return Designation(label, "both", old, new, False)
    if _renested(unit, units):
        return Designation(f"{old}{arrow(rtl)}{new}", "both", old, new, True)
    if unit.old_label != unit.new_label:
        # Text that followed a paragraph's points may gain a number, or lose it.
        text = _joined(unit.old_label or _NONE, unit.new_label or _NONE, rtl)
        return Designation(text, "both", old, new, True)
    # Only the paragraph around it was renumbered: that line says so.
    return Designation(label, "both", old, new, False)


def designations(
    units: Sequence[UnitChange], rtl: bool, formal: bool = True
) -> list[Designation]:
    """The designation of each unit of an article, in order."""
    return [designation(unit, units, rtl, formal) for unit in units]
