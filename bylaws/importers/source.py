"""One line of a source, with what its format knows about it, as the line
rules of `lines` read it."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Text
from .builder import DraftRun


@dataclass
class SourceLine:
    """One line of a source with what the source format knows about it."""

    text: str
    line: int
    runs: list[DraftRun] | None = None  # with links, when the source has them
    level: int | None = None  # a heading level the source marked
    depth: int | None = None  # list nesting: 1 for a point, 2 for a point in it
    anchor: str | None = None  # an id the source carried
    literal: bool = False  # escaped by the source: never a heading or a label
    note: bool = False  # an editorial note of the current article
    list_level: int | None = None  # numbered by the source: 0 paragraph, n point depth
    item: bool = False  # a list item the source marked (a bullet), labelled or not

    def all_runs(self) -> list[DraftRun]:
        return list(self.runs) if self.runs is not None else [Text(self.text)]


def cut_runs(runs: list[DraftRun], count: int) -> list[DraftRun]:
    """Runs without their first `count` characters (a label), leading spaces trimmed."""
    out: list[DraftRun] = []
    for run in runs:
        value = run.value if isinstance(run, Text) else run.text
        if count >= len(value):
            count -= len(value)
            continue
        if count:
            # A label cut through a link keeps the words, not the link.
            run = Text(value[count:])
            count = 0
        out.append(run)
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].value.lstrip())
    return [r for r in out if not (isinstance(r, Text) and not r.value)]
