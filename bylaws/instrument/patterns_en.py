"""The English forms of the clauses, for the reader."""

from __future__ import annotations

import re

from .patterns import Patterns

ENGLISH = Patterns(
    words=re.compile(
        r"In (?P<loc>.+), the words \x000\x00 are replaced by \x001\x00\."
    ),
    delete=re.compile(r"In (?P<loc>.+), the words \x000\x00 are deleted\."),
    restate=re.compile(r"(?P<loc>.+) is amended to read as follows:"),
    repeal=re.compile(r"(?P<art>.+) is repealed\."),
    insert=re.compile(
        r"A new article is inserted (?:in (?P<div>.+?) )?"
        r"(?:(?P<rel>after|before) (?P<art>.+)|at the (?P<edge>start|end)), reading as follows:"
    ),
    move=re.compile(
        r"(?P<art>.+?) is moved (?:(?P<rel>after|before) (?P<anchor>.+)"
        r"|to the (?P<edge>start|end) of (?P<div>.+))\."
    ),
    heading=re.compile(r"The heading of (?P<thing>.+) is replaced by \x000\x00\."),
)
