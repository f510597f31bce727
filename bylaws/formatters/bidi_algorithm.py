"""The Unicode bidi algorithm (UAX #9) for one line with no explicit controls.

What a diff line needs and no more: paragraph direction (P2, P3), the weak
types (W1–W7), bracket pairs (N0), the neutral types (N1, N2), implicit
levels (I1, I2), the end-of-line reset (L1) and reordering (L2). Explicit
embeddings, overrides and isolates (LRE … PDI) are not handled: a line that
holds one is reported as such, so callers (and the conformance tests, which
read Unicode's BidiCharacterTest.txt) know which lines the algorithm claims.
Boundary-neutral characters are removed as rule X9 says, and get no level.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

__all__ = [
    "EXPLICIT_CONTROLS",
    "levels",
    "mirror",
    "paragraph_level",
    "visual_order",
]

# Embeddings, overrides and isolates: outside what this module claims.
EXPLICIT_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_STRONG_RTL = frozenset({"R", "AL"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"})
_MAX_BRACKET_DEPTH = 63


def _types(text: str) -> list[str]:
    return [unicodedata.bidirectional(ch) or "L" for ch in text]


def paragraph_level(text: str) -> int:
    """0 or 1: the direction of the first strong character (P2, P3); 0 if none."""
    for kind in _types(text):
        if kind == "L":
            return 0
        if kind in _STRONG_RTL:
            return 1
    return 0


def _weak(types: list[str], sos: str) -> None:
    """Rules W1–W7 in place over one run sequence that starts with `sos`."""
    _marks_and_arabic_numbers(types, sos)  # W1–W3
    _number_separators(types)  # W4
    _european_terminators(types)  # W5
    for i, kind in enumerate(types):  # W6
        if kind in ("ES", "ET", "CS"):
            types[i] = "ON"
    last_strong = sos
    for i, kind in enumerate(types):  # W7
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[i] = "L"


def _marks_and_arabic_numbers(types: list[str], sos: str) -> None:
    """W1: a mark takes its base's type; W2, W3: numbers after Arabic letters."""
    previous = sos
    for i, kind in enumerate(types):
        if kind == "NSM":
            types[i] = previous
        else:
            previous = kind
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            last_strong = kind
        if kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    for i, kind in enumerate(types):
        if kind == "AL":
            types[i] = "R"


def _number_separators(types: list[str]) -> None:
    """W4: one separator between two numbers of a kind joins them."""
    for i in range(1, len(types) - 1):
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before


def _european_terminators(types: list[str]) -> None:
    """W5: a run of ET next to a European number becomes part of it."""
    i = 0
    while i < len(types):
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < len(types) and types[end] == "ET":
            end += 1
        touches = (i > 0 and types[i - 1] == "EN") or (
            end < len(types) and types[end] == "EN"
        )
        if touches:
            types[i:end] = ["EN"] * (end - i)
        i = end


def _bracket_partner(ch: str) -> tuple[str, bool] | None:
    """The other bracket of a pair and whether `ch` opens, from its Unicode name."""
    category = unicodedata.category(ch)
    if category not in ("Ps", "Pe") or not unicodedata.mirrored(ch):
        return None
    partner = mirror(ch)
    return (partner, category == "Ps") if partner != ch else None


def _canonical(ch: str) -> str:
    # U+2329/U+232A are canonically the same as U+3008/U+3009 (BD16 note).
    return unicodedata.normalize("NFD", ch)


def _bracket_pairs(text: str, types: Sequence[str]) -> list[tuple[int, int]]:
    """BD16: the positions of paired brackets, sorted by the opening one."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if types[i] != "ON":
            continue
        bracket = _bracket_partner(ch)
        if bracket is None:
            continue
        partner, opening = bracket
        if opening:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((_canonical(partner), i))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == _canonical(ch):
                pairs.append((stack[depth][1], i))
                del stack[depth:]
                break
    return sorted(pairs)


def _strong_of(kind: str) -> str | None:
    if kind == "L":
        return "L"
    if kind in ("R", "AN", "EN"):
        return "R"
    return None


def _brackets(text: str, types: list[str], original: Sequence[str], sos: str) -> None:
    """N0: a bracket pair takes the direction of what it encloses or surrounds."""
    embedding = sos  # one level per line here, so sos is the embedding direction
    for open_at, close_at in _bracket_pairs(text, types):
        inside = {_strong_of(t) for t in types[open_at + 1 : close_at]} - {None}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = next(
                (
                    s
                    for t in reversed(types[:open_at])
                    if (s := _strong_of(t)) is not None
                ),
                sos,
            )
            direction = before if before != embedding else embedding
        for at in (open_at, close_at):
            types[at] = direction
            follow = at + 1
            while follow < len(types) and original[follow] == "NSM":
                types[follow] = direction
                follow += 1


def _neutrals(types: list[str], sos: str) -> None:
    """N1, N2: a run of neutrals between two of one direction takes it, else sos's."""
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < len(types) and types[end] in _NEUTRAL:
            end += 1
        before = _strong_of(types[i - 1]) if i > 0 else sos
        after = _strong_of(types[end]) if end < len(types) else sos
        direction = before if before == after else sos
        types[i:end] = [direction or sos] * (end - i)
        i = end


def levels(text: str, base: int | None = None) -> list[int | None]:
    """The resolved level of each character (None for those rule X9 removes).

    Args:
        text: one line, with no explicit bidi controls (see EXPLICIT_CONTROLS).
        base: the paragraph level, 0 or 1; found from the text when None.
    """
    level = paragraph_level(text) if base is None else base
    original = _types(text)
    kept = [i for i, kind in enumerate(original) if kind != "BN"]
    run_text = "".join(text[i] for i in kept)
    run_original = [original[i] for i in kept]
    types = list(run_original)
    sos = "R" if level else "L"
    _weak(types, sos)
    _brackets(run_text, types, run_original, sos)
    _neutrals(types, sos)
    resolved = [_implicit(level, kind) for kind in types]
    _line_end_reset(resolved, run_original, level)
    out: list[int | None] = [None] * len(text)
    for at, value in zip(kept, resolved, strict=True):
        out[at] = value
    return out


def _implicit(level: int, kind: str) -> int:
    """I1, I2."""
    if level % 2 == 0:
        return level + (1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
    return level + (1 if kind in ("L", "AN", "EN") else 0)


def _line_end_reset(resolved: list[int], original: Sequence[str], level: int) -> None:
    """L1: separators, and whitespace before them or the line's end, at base level."""
    trailing = True
    for i in range(len(resolved) - 1, -1, -1):
        kind = original[i]
        if kind in ("S", "B"):
            resolved[i] = level
            trailing = True
        elif kind == "WS" and trailing:
            resolved[i] = level
        else:
            trailing = False


def visual_order(line_levels: Sequence[int | None]) -> list[int]:
    """L2: the logical indexes in display order (removed characters left out)."""
    order = [i for i, lv in enumerate(line_levels) if lv is not None]
    values = [lv for lv in line_levels if lv is not None]
    if not values:
        return order
    lowest_odd = min(v for v in values) | 1
    for level in range(max(values), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if values[i] < level:
                i += 1
                continue
            end = i
            while end < len(order) and values[end] >= level:
                end += 1
            order[i:end] = order[i:end][::-1]
            values[i:end] = values[i:end][::-1]
            i = end
    return order


_NAME_SWAPS = (
    ("LEFT", "RIGHT"),
    ("OPENING", "CLOSING"),
    ("LESS-THAN", "GREATER-THAN"),
    ("BEGIN", "END"),
    ("INITIAL", "FINAL"),
)


@cache
def mirror(ch: str) -> str:
    """The mirrored glyph of a character with the Bidi_Mirrored property (L4).

    Found by its Unicode name ("LEFT PARENTHESIS" ↔ "RIGHT PARENTHESIS"); a
    character with no named partner is its own mirror.
    """
    if not unicodedata.mirrored(ch):
        return ch
    name = unicodedata.name(ch, "")
    for one, other in _NAME_SWAPS:
        for a, b in ((one, other), (other, one)):
            if a in name:
                try:
                    return unicodedata.lookup(name.replace(a, b))
                except KeyError:
                    continue
    return ch
