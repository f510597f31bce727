"""The Arabic forms of the clauses, for the reader."""

from __future__ import annotations

import re

from .patterns import Patterns

ARABIC = Patterns(
    words=re.compile(
        r"تُستبدل بعبارة \x000\x00 الواردة في (?P<loc>.+) عبارة \x001\x00\."
    ),
    delete=re.compile(r"تُحذف عبارة \x000\x00 الواردة في (?P<loc>.+)\."),
    restate=re.compile(r"تُعدَّل (?P<loc>.+) لتصبح على النحو الآتي:"),
    repeal=re.compile(r"تُلغى (?P<art>.+)\."),
    insert=re.compile(
        r"يُضاف (?:إلى (?P<div>.+?) )?مادة جديدة "
        r"(?:(?P<rel>بعد|قبل) (?P<art>.+)|(?P<edge>في بدايته|في نهايته)) نصها:"
    ),
    move=re.compile(
        r"تُنقل (?P<art>.+?) (?:لتصبح (?P<rel>بعد|قبل) (?P<anchor>.+)"
        r"|إلى (?P<edge>بداية|نهاية) (?P<div>.+))\."
    ),
    heading=re.compile(r"يُستبدل بعنوان (?P<thing>.+) العنوان الآتي: \x000\x00\."),
)
