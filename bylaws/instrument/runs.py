"""Inline text of an instrument: plain words, and references written `[shown](address)`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..errors import BylawsError
from ..model import (
    Document,
    Hyperlink,
    Inline,
    Ref,
    RefForm,
    Text,
)
from ..numbering import (
    render_ref,
)
from ..render import dangling
from .designations import is_arabic

# `[shown](address)`; ` "number"` for a number alone, ` "words"` for a
# reference in the text's own words ("this Article"), which `shown` holds.
_REF = re.compile(
    r"\[([^\[\]\n]*)\]\(([a-z0-9][a-z0-9\-]*(?:/(?:para|point)-[1-9][0-9]*)*)"
    r"(?: \"(number|words)\")?\)"
)


# The id written after a new article's designation, so that it reads back.
_ID_MARK = re.compile(r" \[[a-z0-9][a-z0-9\-]*\](?!\()")


def reader_segments(line: str) -> Iterator[tuple[str, Ref | None]]:
    """A line of instrument text as a reader sees it: plain text, and each
    reference's designation with the reference it stands for. The marks that
    only serve reading the text back (a new article's id) are left out."""
    cursor = 0
    for found in _REF.finditer(line):
        if found.start() > cursor:
            yield _ID_MARK.sub("", line[cursor : found.start()]), None
        yield found.group(1), _ref_of(found)
        cursor = found.end()
    if cursor < len(line):
        yield _ID_MARK.sub("", line[cursor:]), None


def encode_runs(runs: Sequence[Inline], doc: Document | None) -> str:
    """Runs as instrument text: references as `[designation](address)`."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            out.append(run.value)
            continue
        if isinstance(run, Hyperlink):
            out.append(run.text)
            continue
        shown = run.to
        if doc is not None:
            try:
                shown = render_ref(doc, run)
            except BylawsError:
                # As readers see a reference to nothing (`check` reports it).
                shown = dangling(run)
        form = ' "number"' if run.form == "number" else ""
        if run.words is not None:
            shown, form = run.words, ' "words"'
        out.append(f"[{shown}]({run.to}{form})")
    return "".join(out)


def _ref_of(found: re.Match[str]) -> Ref:
    """The reference a `[shown](address "form")` match writes."""
    if found.group(3) == "words":
        return Ref(found.group(2), words=found.group(1))
    form: RefForm = "number" if found.group(3) else "full"
    return Ref(found.group(2), form)


def decode_runs(text: str) -> tuple[Inline, ...]:
    """Instrument text back into runs (the shown designations are ignored)."""
    runs: list[Inline] = []
    cursor = 0
    for found in _REF.finditer(text):
        if found.start() > cursor:
            runs.append(Text(text[cursor : found.start()]))
        runs.append(_ref_of(found))
        cursor = found.end()
    if cursor < len(text):
        runs.append(Text(text[cursor:]))
    return tuple(runs)


def quotes_of(doc: Document) -> tuple[str, str]:
    return ("«", "»") if is_arabic(doc) else ("“", "”")


def balanced(text: str, quotes: tuple[str, str]) -> bool:
    depth = 0
    for ch in text:
        if ch == quotes[0]:
            depth += 1
        elif ch == quotes[1]:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
