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


# Bylaws that say their units (Articles holding Sections) are amended by
# motions in the forms of Robert's Rules of Order: "to strike out … and
# insert …", "to insert after … the following new section", and a note that
# the sections after it are renumbered.
_RENUMBER = r"(?:, and renumber the sections after it)?"
ROBERTS = Patterns(
    words=re.compile(r"To strike out \x000\x00 and insert \x001\x00 in (?P<loc>.+)\."),
    delete=re.compile(r"To strike out \x000\x00 in (?P<loc>.+)\."),
    restate=re.compile(r"To amend (?P<loc>.+) to read as follows:"),
    repeal=re.compile(rf"To strike out (?P<art>[^\x00]+?){_RENUMBER}\."),
    insert=re.compile(
        r"To insert (?:(?P<rel>after|before) (?P<art>.+?)"
        r"|at the (?P<edge>start|end) of (?P<div>.+?))"
        rf" the following new section{_RENUMBER}:"
    ),
    move=re.compile(
        r"To move (?P<art>.+?) (?:(?P<rel>after|before) (?P<anchor>.+)"
        r"|to the (?P<edge>start|end) of (?P<div>.+))\."
    ),
    heading=re.compile(
        r"To strike out the heading of (?P<thing>.+) and insert \x000\x00\."
    ),
)
