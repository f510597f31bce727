"""Build a draft from the lines of a text: the shared core of the text,
Markdown and Word importers.

A line is classified by its shape (see `patterns`): a division heading, an
article heading, a numbered paragraph, a lettered point, or running text.
Sources that know more (a Markdown heading level, a list depth, an anchor
carrying an id) pass it along as hints. A line that fits nowhere is kept — as
a note of the next article before the first one, else as text of the current
article — and reported with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import DivisionKind, Text
from .builder import (
    Draft,
    DraftArticle,
    DraftDivision,
    DraftP,
    DraftParagraph,
    DraftPoint,
    DraftRun,
    iter_draft_articles,
)
from .patterns import (
    ArticleHead,
    DivisionHead,
    article_head,
    division_head,
    is_repealed_text,
    numbered,
)

_RANK: dict[DivisionKind, int] = {"part": 0, "chapter": 1, "section": 2}
_HEADING_WORDS = 10


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


@dataclass
class _State:
    draft: Draft
    section_is_article: bool
    stack: list[tuple[DraftDivision, int]] = field(default_factory=list)
    article: DraftArticle | None = None
    paragraph: DraftParagraph | None = None
    implicit: bool = False  # the paragraph was opened by unnumbered text
    points: list[DraftPoint] = field(default_factory=list)
    pending_title: DraftDivision | None = None
    preamble: list[tuple[int, list[DraftRun]]] = field(default_factory=list)
    seen_structure: bool = False

    def container(self) -> list[DraftDivision | DraftArticle]:
        return self.stack[-1][0].children if self.stack else self.draft.outline


def _is_heading_text(rest: str, hinted: bool) -> bool:
    if hinted:
        return True
    return len(rest.split()) <= _HEADING_WORDS and not rest.endswith(
        (".", "؛", "،", ":", ";", ",")
    )


def parse_lines(
    draft: Draft, lines: list[SourceLine], section_is_article: bool
) -> None:
    """Fill `draft.outline` from lines; warnings go to `draft.warnings`."""
    state = _State(draft, section_is_article)
    for line in lines:
        if not line.text.strip() and line.list_level is None:
            continue
        _one(state, line)
    last = list(iter_draft_articles(draft.outline))
    if state.preamble and not last:
        # No article heading anywhere: the whole text becomes one article
        # rather than be lost.
        first = state.preamble[0][0]
        draft.warn(first, "no article heading found; the text is kept as one article")
        article = DraftArticle(None, line=first)
        article.paragraphs.append(
            DraftParagraph([DraftP(runs, line) for line, runs in state.preamble], first)
        )
        state.container().append(article)
        return
    for lineno, runs in state.preamble:
        draft.warn(
            lineno,
            "text after the last article's heading could not be placed; "
            "kept as a note of the last article",
        )
        last[-1].notes.append(runs)


def _one(state: _State, line: SourceLine) -> None:
    text = line.text.strip()
    lang_ar = state.draft.lang.startswith("ar")
    if line.note and state.article is not None:
        state.article.notes.append(line.all_runs())
        return
    if line.level == 1 and not state.seen_structure and not state.draft.title:
        state.draft.title = text
        return
    if not line.literal and line.list_level is None:
        division = division_head(text)
        if division is not None and not (
            state.section_is_article and division.kind == "section" and not lang_ar
        ):
            _open_division(state, division, line)
            return
        head = article_head(text, state.section_is_article)
        if head is not None:
            _open_article(state, head, line)
            return
    pending, state.pending_title = state.pending_title, None
    if pending is not None and not line.literal and numbered(text, lang_ar) is None:
        pending.heading = text
        return
    article = state.article
    if article is None:
        if not state.draft.title and not state.seen_structure and not line.literal:
            state.draft.title = text
            return
        state.preamble.append((line.line, line.all_runs()))
        return
    runs = line.all_runs()
    if line.list_level is not None:
        _numbered_by_source(state, line, runs)
        return
    if is_repealed_text(text) and not article.paragraphs and not line.literal:
        article.repealed = True
        return
    if article.repealed:
        state.draft.warn(line.line, "text under a repealed article; kept as a note")
        article.notes.append(line.all_runs())
        return
    if (
        not article.paragraphs
        and article.heading is None
        and re.fullmatch(r"\(([^()0-9٠-٩]{1,60})\)", text)
        and line.level is None
        and line.depth is None
        and not line.literal
    ):
        article.heading = text[1:-1].strip()
        return
    label = None if line.literal else numbered(text, lang_ar)
    if label is not None and label.kind == "para" and line.depth is None:
        _open_paragraph(state, label.number, line)
        rest = cut_runs(runs, _offset(line.text, label.label_len))
        if rest:
            assert state.paragraph is not None
            state.paragraph.items.append(DraftP(rest, line.line))
        return
    if label is not None and (label.kind == "point" or line.depth is not None):
        depth = line.depth or 1
        if (
            line.depth is None
            and label.roman
            and state.points
            and not (label.roman == 1 and _last_letter_is_h(state))
        ):
            depth = 2
        _open_point(state, depth, line)
        rest = cut_runs(runs, _offset(line.text, label.label_len))
        if rest:
            state.points[-1].items.append(DraftP(rest, line.line))
        return
    _add_text(state, runs, line)


def _numbered_by_source(state: _State, line: SourceLine, runs: list[DraftRun]) -> None:
    """A paragraph or point the source numbered itself (a Word list): no label text."""
    level = line.list_level or 0
    if level == 0:
        assert state.article is not None
        _open_paragraph(state, len(state.article.paragraphs) + 1, line)
        target = _ensure_paragraph(state, line).items
    else:
        _open_point(state, level, line)
        target = state.points[-1].items
    trimmed = cut_runs(runs, 0)
    if trimmed:
        target.append(DraftP(trimmed, line.line))


def _offset(raw: str, label_len: int) -> int:
    return label_len + (len(raw) - len(raw.lstrip()))


def _last_letter_is_h(state: _State) -> bool:
    holder = (
        state.points[-2].items
        if len(state.points) > 1
        else (state.paragraph.items if state.paragraph else [])
    )
    return sum(isinstance(i, DraftPoint) for i in holder) == 8


def _open_division(state: _State, head: DivisionHead, line: SourceLine) -> None:
    rank = _RANK[head.kind] if line.level is None else line.level
    while state.stack and state.stack[-1][1] >= rank:
        state.stack.pop()
    division = DraftDivision(
        head.kind, head.number, head.title, line.anchor, line=line.line
    )
    state.container().append(division)
    state.stack.append((division, rank))
    state.article = None
    state.paragraph = None
    state.points = []
    state.seen_structure = True
    state.pending_title = division if not head.title else None


def _open_article(state: _State, head: ArticleHead, line: SourceLine) -> None:
    state.pending_title = None
    if line.level is not None and state.stack:
        while state.stack and state.stack[-1][1] >= line.level:
            state.stack.pop()
    article = DraftArticle(
        (head.number, head.suffix),
        head.style,
        line.anchor,
        line=line.line,
        repealed=head.repealed,
    )
    if state.preamble:
        where = "before the first article" if not state.seen_structure else "here"
        for lineno, runs in state.preamble:
            state.draft.warn(
                lineno,
                f"text {where} could not be placed; kept as a note of the next article",
            )
            article.notes.append(runs)
        state.preamble = []
    state.container().append(article)
    state.article = article
    state.paragraph = None
    state.points = []
    state.seen_structure = True
    rest = head.rest
    if rest:
        if _is_heading_text(rest, line.level is not None):
            article.heading = rest
        else:
            _add_text(state, cut_runs(line.all_runs(), line.text.find(rest)), line)


def _open_paragraph(state: _State, number: int, line: SourceLine) -> None:
    article = state.article
    if article is None:
        return
    state.points = []
    if (
        number == 1
        and state.implicit
        and len(article.paragraphs) == 1
        and state.paragraph is article.paragraphs[0]
        and not any(isinstance(i, DraftPoint) for i in state.paragraph.items)
    ):
        # Lead-in text ("… the following:") joins paragraph 1, so that paragraph
        # numbers stay the ones the text and its references use.
        state.implicit = False
        return
    expected = len(article.paragraphs) + 1
    if number != expected:
        state.draft.warn(
            line.line,
            f"paragraph numbered {number} is paragraph {expected} of its article; "
            "paragraphs are numbered by position",
        )
    state.paragraph = DraftParagraph([], line.line)
    article.paragraphs.append(state.paragraph)
    state.implicit = False


def _ensure_paragraph(state: _State, line: SourceLine) -> DraftParagraph:
    if state.paragraph is None:
        assert state.article is not None
        state.paragraph = DraftParagraph([], line.line)
        state.article.paragraphs.append(state.paragraph)
        state.implicit = True
    return state.paragraph


def _open_point(state: _State, depth: int, line: SourceLine) -> None:
    if state.article is None:
        return
    paragraph = _ensure_paragraph(state, line)
    depth = max(1, min(depth, len(state.points) + 1))
    del state.points[depth - 1 :]
    point = DraftPoint([], line.line)
    holder = state.points[-1].items if state.points else paragraph.items
    holder.append(point)
    state.points.append(point)


def _add_text(state: _State, runs: list[DraftRun], line: SourceLine) -> None:
    if state.article is None:
        state.preamble.append((line.line, runs))
        return
    if line.depth is not None and state.points:
        depth = min(line.depth, len(state.points))
        del state.points[depth:]
        state.points[-1].items.append(DraftP(runs, line.line))
        return
    state.points = []
    paragraph = _ensure_paragraph(state, line)
    paragraph.items.append(DraftP(runs, line.line))
