"""Comparing the text units of one article: paired, then diffed word by word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bylaws.diff.changes import UnitChange, UnitKind
from bylaws.diff.sides import NOTE_PREFIX, Unit, UnitWords
from bylaws.diff.structure import Pair, align_units, moved
from bylaws.diff.words import WordOp, diff_words, is_formal
from bylaws.model import Text

__all__ = ["reading_order", "unit_changes", "whole_units"]


def reading_order(pairs: Sequence[Pair]) -> list[Pair]:
    """New reading order; a vanished old item goes right after its old predecessor."""
    anchor: dict[int, float] = {}
    last = -1.0
    for i, j in sorted((p for p in pairs if p[0] is not None), key=lambda p: p[0] or 0):
        if j is None:
            assert i is not None
            anchor[i] = last
        else:
            last = float(j)

    def key(pair: Pair) -> tuple[float, int, int]:
        i, j = pair
        if j is not None:
            return (float(j), 0, 0)
        assert i is not None
        return (anchor[i] + 0.5, 1, i)

    return sorted(pairs, key=key)


def _equal_ops(text: str) -> tuple[WordOp, ...]:
    return (WordOp("equal", text, text),) if text else ()


def _renamed_references(old: Unit, new: Unit) -> tuple[WordOp, ...]:
    """The same words, with references that read otherwise because the
    articles they name were renumbered, moved or repealed: a consequence, not
    an amendment, so every change is formal (hidden by --ignore-formal).

    Only the references that read otherwise are compared word by word: a
    whole paragraph's word diff for each of them would cost the diff a tenth
    of its time after an early insertion.
    """
    shapes_match = len(old.blocks) == len(new.blocks) and all(
        len(a) == len(b) and all(type(x) is type(y) for x, y in zip(a, b, strict=True))
        for a, b in zip(old.blocks, new.blocks, strict=True)
    )
    if not shapes_match:
        return _formal(diff_words(old.text, new.text))
    ops: list[WordOp] = []
    same: list[str] = []
    for k, (a, b) in enumerate(zip(old.blocks, new.blocks, strict=True)):
        if k:
            same.append(" ")
        for x, y in zip(a, b, strict=True):
            if isinstance(x, Text):
                same.append(x.value)
                continue
            shown_old, shown_new = old.side.render((x,)), new.side.render((y,))
            if shown_old == shown_new:
                same.append(shown_new)
                continue
            ops.extend(_equal_ops("".join(same)))
            same = []
            ops.extend(_changed_designation(shown_old, shown_new))
    ops.extend(_equal_ops("".join(same)))
    return _merged(ops)


def _changed_designation(old: str, new: str) -> list[WordOp]:
    """Two readings of one reference: the words they share at either end kept,
    the rest replaced, formally («المادة [السادسة→السابعة] والثلاثين»)."""
    a, b = old.split(" "), new.split(" ")
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_old = " ".join(a[head : len(a) - tail])
    middle_new = " ".join(b[head : len(b) - tail])
    if not middle_old or not middle_new:
        return [WordOp("replace", old, new, formal=True)]
    before = " ".join(a[:head]) + " " if head else ""
    after = " " + " ".join(a[len(a) - tail :]) if tail else ""
    return [
        *_equal_ops(before),
        WordOp("replace", middle_old, middle_new, formal=True),
        *_equal_ops(after),
    ]


def _formal(ops: Sequence[WordOp]) -> tuple[WordOp, ...]:
    return tuple(op if op.kind == "equal" else replace(op, formal=True) for op in ops)


def _merged(ops: Sequence[WordOp]) -> tuple[WordOp, ...]:
    """Neighbouring equal steps joined into one, as a word diff gives them."""
    out: list[WordOp] = []
    for op in ops:
        if out and op.kind == "equal" and out[-1].kind == "equal":
            text = out[-1].new + op.new
            out[-1] = WordOp("equal", text, text)
        else:
            out.append(op)
    return tuple(out)


def unit_changes(old: list[Unit], new: list[Unit]) -> tuple[UnitChange, ...]:
    """The text's units aligned, then the notes aligned apart: a note never
    pairs with a paragraph, however alike their words."""
    old_notes = [u for u in old if u.address.startswith(NOTE_PREFIX)]
    new_notes = [u for u in new if u.address.startswith(NOTE_PREFIX)]
    if not old_notes and not new_notes:
        return _aligned_changes(old, new)
    body = _aligned_changes(
        old[: len(old) - len(old_notes)], new[: len(new) - len(new_notes)]
    )
    return body + _aligned_changes(old_notes, new_notes)


def _aligned_changes(old: list[Unit], new: list[Unit]) -> tuple[UnitChange, ...]:
    pairs = align_units(
        [u.raw for u in old], [u.raw for u in new], UnitWords(old), UnitWords(new)
    )
    # Of the longest runs kept in place, the one keeping the most units at
    # their own address: when a paragraph's words and the words after its
    # points trade places, the point between them is the one that stayed.
    out_of_order = moved(
        pairs,
        in_place={
            (i, j)
            for i, j in pairs
            if i is not None and j is not None and old[i].address == new[j].address
        },
    )
    changes: list[UnitChange] = []
    for i, j in reading_order(pairs):
        if i is not None and j is not None:
            a, b = old[i], new[j]
            kind: UnitKind
            if a.text == b.text:
                ops, kind = _equal_ops(b.text), "equal"
            elif a.raw == b.raw:
                ops, kind = _renamed_references(a, b), "equal"
            else:
                ops, kind = diff_words(a.text, b.text), "amended"
            if i in out_of_order:
                kind = "moved"
            changes.append(
                UnitChange(
                    kind,
                    a.address,
                    b.address,
                    ops,
                    kind != "equal" and is_formal(ops),
                    old_label=a.label,
                    new_label=b.label,
                )
            )
        elif i is not None:
            a = old[i]
            changes.append(
                UnitChange(
                    "deleted",
                    a.address,
                    None,
                    diff_words(a.text, ""),
                    old_label=a.label,
                )
            )
        elif j is not None:
            b = new[j]
            changes.append(
                UnitChange(
                    "inserted",
                    None,
                    b.address,
                    diff_words("", b.text),
                    new_label=b.label,
                )
            )
    return tuple(changes)


def whole_units(units: list[Unit], kind: UnitKind) -> tuple[UnitChange, ...]:
    """Every unit of an inserted or repealed article, as inserted or deleted."""
    if kind == "inserted":
        return tuple(
            UnitChange(
                "inserted", None, u.address, diff_words("", u.text), new_label=u.label
            )
            for u in units
        )
    return tuple(
        UnitChange(
            "deleted", u.address, None, diff_words(u.text, ""), old_label=u.label
        )
        for u in units
    )
