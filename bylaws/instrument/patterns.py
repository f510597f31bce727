"""The forms of the clauses, as the reader matches them (quotations taken out)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Relation


@dataclass(frozen=True, slots=True)
class Patterns:
    words: re.Pattern[str]
    delete: re.Pattern[str]
    restate: re.Pattern[str]
    repeal: re.Pattern[str]
    insert: re.Pattern[str]
    move: re.Pattern[str]
    heading: re.Pattern[str]


RELATIONS: dict[str, Relation] = {
    "بعد": "after",
    "قبل": "before",
    "after": "after",
    "before": "before",
}
EDGES: dict[str, Relation] = {
    "في بدايته": "start",
    "في نهايته": "end",
    "بداية": "start",
    "نهاية": "end",
    "start": "start",
    "end": "end",
}
