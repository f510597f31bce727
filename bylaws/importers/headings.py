"""Article headings written in forms other than «المادة …» / "Article …".

Each form is one row of `HEADING_FORMS`: a regular expression with a group
`num` (the number, in digits, words or roman numerals) and an optional group
`title`. Another recogniser adds its rows to the table; `import --heading`
puts the user's own row in front of it.

A *bare* form (`1.`, `2)`) looks like a numbered paragraph, so it is a
heading only where the source marks it as one (a Markdown heading) or where
the whole text is numbered that way and has no other kind of article heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..errors import UnusableInput
from ..locale import _
from ..numbering import parse_number, parse_roman
from ..text import ARABIC_INDIC_DIGITS
from .patterns import ArticleHead, article_head, style_of

_DIGITS = f"[0-9{ARABIC_INDIC_DIGITS}]+"
_ROMAN = "[IVXLC]+|[ivxlc]+"
# A title that is not a sentence: short, and not ending like one.
_TITLE_WORDS = 12


@dataclass(frozen=True, slots=True)
class HeadingForm:
    """One way a text writes an article heading."""

    name: str
    pattern: re.Pattern[str]
    bare: bool = False  # a bare number: a heading only where headings are marked


HEADING_FORMS: list[HeadingForm] = [
    HeadingForm(
        "section sign", re.compile(rf"§+\s*(?P<num>{_DIGITS})\.?(?P<title>.*)")
    ),
    HeadingForm(
        "Art. N",
        re.compile(rf"(?:Art\.|Arts?\b)\s*(?P<num>{_DIGITS})\.?(?P<title>.*)"),
    ),
    HeadingForm(
        "Section N",
        re.compile(rf"(?:Section|SECTION|Sec\.)\s+(?P<num>{_DIGITS})\.?(?P<title>.*)"),
        bare=True,
    ),
    HeadingForm(
        "N. or N)",
        re.compile(rf"(?P<num>{_DIGITS}|{_ROMAN})\s*[.)]\s*(?P<title>.*)"),
        bare=True,
    ),
]


def compile_heading(regex: str) -> HeadingForm:
    """The user's `--heading REGEX` as a form; it must have a group `num`."""
    try:
        pattern = re.compile(regex)
    except re.error as exc:
        raise UnusableInput(
            _("--heading is not a regular expression: {problem}"), problem=str(exc)
        ) from None
    if "num" not in pattern.groupindex:
        raise UnusableInput(
            _("--heading needs a named group for the number, like {example}"),
            example="(?P<num>\\d+)",
        )
    return HeadingForm("--heading", pattern)


def _number(token: str) -> int | None:
    value = parse_number(token)
    return value if value is not None else parse_roman(token)


def _titled(text: str) -> bool:
    """Whether a heading's rest reads as a title rather than a sentence."""
    return len(text.split()) <= _TITLE_WORDS and not text.endswith(
        ("،", ",", ":", ";", "؛")
    )


def form_head(
    text: str, forms: Sequence[HeadingForm], marked: bool
) -> ArticleHead | None:
    """The heading a line writes in one of `forms`, or None.

    Args:
        marked: the source marks the line as a heading (a Markdown `#`), or the
            text numbers its articles with bare numbers.
    """
    text = text.strip()
    for form in forms:
        if form.bare and not marked:
            continue
        found = form.pattern.fullmatch(text)
        if found is None:
            continue
        token = found.group("num")
        value = _number(token) if token else None
        if value is None:
            continue
        title = (found.groupdict().get("title") or "").strip()
        if form.bare and form.name != "--heading" and title and not _titled(title):
            continue
        return ArticleHead(value, 0, style_of(token), title.strip(" .:-–—"))
    return None


def numbers_bare(texts: Sequence[str], forms: Sequence[HeadingForm]) -> bool:
    """Whether a plain text numbers its articles `1.`, `2.`, … with no other heading.

    True when no line is an «المادة»/"Article" heading and the lines that read
    as a bare-numbered title, each followed by a line of text that is not
    one, count 1, 2, 3… (at least two of them).
    """
    bare = [f for f in forms if f.bare]
    lines = [t.strip() for t in texts if t.strip()]
    heads = [form_head(t, bare, marked=True) for t in lines]
    if any(article_head(t) is not None for t in lines):
        return False
    numbers = [
        head.number
        for head, after in pairwise([*heads, None])
        if head is not None
        and head.rest
        and not head.rest.endswith(".")
        and after is None
    ]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
