"""The diff as one JSON object: the stable contract of `--format json`.

```
{"old": …, "new": …,
 "summary": {"amended": n, "inserted": n, "repealed": n, "moved": n, "renumbered": n},
 "changes": [{"kind": …, "kinds": […], "article": id,
              "old_number": "12", "new_number": "12-bis", …}, …]}
```

Numbers are plain, in ASCII digits. Documented in docs/reference/diff-json.md
with a JSON Schema in docs/reference/diff.schema.json.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from bylaws.diff.changes import (
    ARTICLE_KINDS,
    ArticleChange,
    Change,
    DocumentDiff,
    HeadingChanged,
    OutlineChanged,
    UnitChange,
)
from bylaws.diff.memory import paused_collector
from bylaws.diff.words import WordOp
from bylaws.formatters import FormatOptions
from bylaws.invisibles import json_escaped

__all__ = ["ESCAPES_INVISIBLES", "as_data", "format_diff", "iter_diff"]

# Every control and invisible character is a \\u escape (json_escaped): the
# text needs no other guard before a terminal.
ESCAPES_INVISIBLES = True


def _ops(ops: tuple[WordOp, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for op in ops:
        if op.kind == "equal":
            out.append({"op": "equal", "text": op.new})
        else:
            out.append(
                {"op": op.kind, "old": op.old, "new": op.new, "formal": op.formal}
            )
    return out


def _unit(unit: UnitChange) -> dict[str, Any]:
    return {
        "kind": unit.kind,
        "old": unit.old_address,
        "new": unit.new_address,
        "other_article": unit.other_article,
        "formal": unit.formal,
        "ops": _ops(unit.ops),
    }


# Kinds in reported order, by set of kinds: records share a few sets.
_ORDERED_KINDS: dict[frozenset[str], tuple[str, ...]] = {}


def _ordered_kinds(kinds: frozenset[str]) -> tuple[str, ...]:
    found = _ORDERED_KINDS.get(kinds)
    if found is None:
        found = _ORDERED_KINDS[kinds] = tuple(k for k in ARTICLE_KINDS if k in kinds)
    return found


def _article(change: ArticleChange, context: bool) -> dict[str, Any]:
    units = change.units if context else change.changed_units
    kinds = _ordered_kinds(change.kinds)
    return {
        "kind": kinds[0] if kinds else "unchanged",
        "kinds": list(kinds),
        "article": change.article,
        "old_article": change.old_id,
        "old_number": change.old_number,
        "new_number": change.new_number,
        "old_label": change.old_label,
        "new_label": change.new_label,
        "old_division": change.old_division,
        "new_division": change.new_division,
        "formal": change.formal,
        "heading": _ops(change.heading) if change.heading is not None else None,
        "paragraphs": [_unit(u) for u in units],
    }


def _change(change: Change) -> dict[str, Any]:
    match change:
        case ArticleChange():
            return _article(change, context=False)
        case HeadingChanged(division=division, label=label, ops=ops, formal=formal):
            return {
                "kind": "heading-changed",
                "kinds": [],
                "article": None,
                "division": division,
                "old_number": None,
                "new_number": None,
                "label": label,
                "formal": formal,
                "heading": _ops(ops),
            }
        case OutlineChanged(action=action, division=division, heading=heading):
            return {
                "kind": "outline-changed",
                "kinds": [],
                "article": None,
                "division": division,
                "old_number": None,
                "new_number": None,
                "action": action,
                "old_label": change.old_label,
                "new_label": change.new_label,
                "heading_text": heading,
            }


def as_data(diff: DocumentDiff, options: FormatOptions | None = None) -> dict[str, Any]:
    """The JSON object as Python data."""
    data: dict[str, Any] = {
        "old": diff.old,
        "new": diff.new,
        "lang": diff.lang,
        "summary": diff.summary,
        "changes": [_change(c) for c in diff.changes],
    }
    if options is not None and options.context and diff.context:
        data["articles"] = [_article(c, context=True) for c in diff.context]
    return data


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff as one line of JSON, UTF-8 text kept readable (not \\u-escaped).

    One line, because the C encoder is several times faster than the indented
    one on big diffs; pipe through `python -m json.tool` or `jq` to read it.
    """
    return "".join(iter_diff(diff, options))


def _record_encoder() -> Callable[[Any], str]:
    """`json.JSONEncoder(ensure_ascii=False).encode`, its C encoder made once.

    `encode` makes a new C encoder for each value, with a table of the
    containers it is inside to catch a circular one: per record of a big
    diff, more than the encoding. The records are trees made here, and the
    text is the same.
    """
    plain = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python without json's C accelerator
        return plain.encode
    chunks = make(
        None,  # no table of containers: no circular check
        plain.default,
        json.encoder.encode_basestring,
        None,  # no indent
        plain.key_separator,
        plain.item_separator,
        False,  # sort_keys
        False,  # skipkeys
        True,  # allow_nan
    )
    return lambda value: "".join(chunks(value, 0))


# Characters of JSON gathered before a piece is handed on: big enough that
# writing costs little per change, small enough that the whole text of a big
# diff is never held at once.
_PIECE_CHARS = 1 << 16


def iter_diff(diff: DocumentDiff, options: FormatOptions) -> Iterator[str]:
    """`format_diff`'s text in pieces, each change encoded as it is reached.

    At 20,000 articles the text is megabytes, and as one string (with the data
    it was encoded from, its escaped copy and its UTF-8 bytes) it was the
    biggest thing a diff held. The pieces join to exactly `json.dumps` of
    `as_data`.
    """
    encode = _record_encoder()
    head: dict[str, Any] = {"old": diff.old, "new": diff.new, "lang": diff.lang}
    head["summary"] = diff.summary
    items = [(_change(c) for c in diff.changes)]
    if options.context and diff.context:
        items.append(_article(c, context=True) for c in diff.context)
    pending = [encode(head)[:-1]]
    size = 0
    with paused_collector():
        for key, values in zip(("changes", "articles"), items, strict=False):
            pending.append(f', "{key}": [')
            for n, value in enumerate(values):
                text = encode(value)
                pending.append(", " + text if n else text)
                size += len(text)
                if size > _PIECE_CHARS:
                    yield json_escaped("".join(pending))
                    pending, size = [], 0
            pending.append("]")
    pending.append("}\n")
    yield json_escaped("".join(pending))
