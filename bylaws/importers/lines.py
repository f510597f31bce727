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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..locale import _
from ..model import DivisionKind
from ..text import ARABIC_INDIC_DIGITS
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
from .english_bylaws import parse_bylaws_shape
from .headings import HEADING_FORMS, HeadingForm, form_head, numbers_bare
from .patterns import (
    ArticleHead,
    DivisionHead,
    Numbered,
    article_head,
    division_head,
    is_repealed_text,
    numbered,
)
from .source import SourceLine, cut_runs

_RANK: dict[DivisionKind, int] = {"part": 0, "chapter": 1, "section": 2}
_HEADING_WORDS = 10
# Points (a) to (h): a following "(i)" is the letter i, not the roman numeral one.
_POINTS_BEFORE_LETTER_I = ord("i") - ord("a")
# «(أحكام عامة)»: words in brackets, no digits, short enough to be a heading.
_BRACKETED_HEADING = re.compile(rf"\(([^()0-9{ARABIC_INDIC_DIGITS}]{{1,60}})\)")


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
    forms: Sequence[HeadingForm] = ()  # other forms of article headings
    bare: bool = False  # the text numbers its articles "1.", "2." …

    def container(self) -> list[DraftDivision | DraftArticle]:
        return self.stack[-1][0].children if self.stack else self.draft.outline


def _is_heading_text(rest: str, hinted: bool) -> bool:
    if hinted:
        return True
    return len(rest.split()) <= _HEADING_WORDS and not rest.endswith(
        (".", "؛", "،", ":", ";", ",")
    )


def parse_lines(
    draft: Draft,
    lines: list[SourceLine],
    section_is_article: bool,
    heading: HeadingForm | None = None,
) -> None:
    """Fill `draft.outline` from lines; warnings go to `draft.warnings`.

    English bylaws (Articles holding Sections) are recognised first, as a
    whole; otherwise each line is placed by the line rules.

    Args:
        heading: the user's own form of article heading, tried first.
    """
    shape = [(line.line, line.text, line.list_level) for line in lines]
    if heading is None and parse_bylaws_shape(draft, shape):
        return
    forms = [heading, *HEADING_FORMS] if heading else HEADING_FORMS
    state = _State(draft, section_is_article, forms=forms)
    marked = [s.text for s in lines if s.level is None and not s.literal]
    state.bare = heading is None and numbers_bare(marked, HEADING_FORMS)
    for line in lines:
        if not line.text.strip() and line.list_level is None:
            continue
        _place_line(state, line)
    last = list(iter_draft_articles(draft.outline))
    if state.preamble and not last:
        # No article heading anywhere: the whole text becomes one article
        # rather than be lost.
        first = state.preamble[0][0]
        draft.warn(
            first, _("no article heading found; the text is kept as one article")
        )
        article = DraftArticle(None, line=first)
        article.paragraphs.append(
            DraftParagraph([DraftP(runs, line) for line, runs in state.preamble], first)
        )
        state.container().append(article)
        return
    # Text after a last heading that no article follows: the closing.
    draft.closing += [DraftP(runs, n) for n, runs in state.preamble]


@dataclass
class _Line:
    """A source line being placed, with what several rules ask of it."""

    source: SourceLine
    text: str  # stripped
    arabic: bool

    @cached_property
    def label(self) -> Numbered | None:
        """Its paragraph number or point letter; a literal line has none."""
        if self.source.literal:
            return None
        return numbered(self.text, self.arabic, self.source.depth is not None)

    @property
    def may_be_heading(self) -> bool:
        """Whether its shape may make it a heading: not escaped, not list-numbered."""
        return not self.source.literal and self.source.list_level is None


def _editorial_note(state: _State, line: _Line) -> bool:
    if not (line.source.note and state.article is not None):
        return False
    state.article.notes.append(line.source.all_runs())
    return True


def _first_top_heading_is_title(state: _State, line: _Line) -> bool:
    if line.source.level != 1 or state.seen_structure or state.draft.title:
        return False
    state.draft.title = line.text
    return True


def _own_heading(state: _State, line: _Line) -> bool:
    """An article heading in a form of `--heading` or the table of forms."""
    if not line.may_be_heading:
        return False
    marked = state.bare or line.source.level is not None
    own = [f for f in state.forms if f.name == "--heading"]
    head = form_head(line.text, own or state.forms, marked)
    if head is None or not (own or division_head(line.text) is None):
        return False
    if not own and article_head(line.text, state.section_is_article) is not None:
        return False
    _open_article(state, head, line.source)
    return True


def _division_heading(state: _State, line: _Line) -> bool:
    division = division_head(line.text) if line.may_be_heading else None
    if division is None:
        return False
    # An English text numbering Sections as articles has no section divisions.
    if state.section_is_article and division.kind == "section" and not line.arabic:
        return False
    _open_division(state, division, line.source)
    return True


def _article_heading(state: _State, line: _Line) -> bool:
    if not line.may_be_heading:
        return False
    head = article_head(line.text, state.section_is_article)
    if head is None:
        return False
    _open_article(state, head, line.source)
    return True


def _title_under_division_heading(state: _State, line: _Line) -> bool:
    # Only the line right after a bare division heading can be its title.
    pending, state.pending_title = state.pending_title, None
    if pending is None or line.source.literal or line.label is not None:
        return False
    pending.heading = line.text
    return True


def _text_before_any_article(state: _State, line: _Line) -> bool:
    if state.article is not None:
        return False
    source = line.source
    if not state.draft.title and not state.seen_structure and not source.literal:
        state.draft.title = line.text
    else:
        state.preamble.append((source.line, source.all_runs()))
    return True


def _numbered_by_source(state: _State, line: _Line) -> bool:
    """A paragraph or point the source numbered itself (a Word list): no label text."""
    source = line.source
    if source.list_level is None:
        return False
    if source.list_level == 0:
        assert state.article is not None
        _open_paragraph(state, len(state.article.paragraphs) + 1, source)
        target = _ensure_paragraph(state, source).items
    else:
        _open_point(state, source.list_level, source)
        target = state.points[-1].items
    trimmed = cut_runs(source.all_runs(), 0)
    if trimmed:
        target.append(DraftP(trimmed, source.line))
    return True


def _repealed_mark(state: _State, line: _Line) -> bool:
    article = state.article
    if article is None or article.paragraphs or line.source.literal:
        return False
    if not is_repealed_text(line.text):
        return False
    article.repealed = True
    return True


def _text_under_repealed_article(state: _State, line: _Line) -> bool:
    if state.article is None or not state.article.repealed:
        return False
    state.draft.warn(
        line.source.line, _("text under a repealed article; kept as a note")
    )
    state.article.notes.append(line.source.all_runs())
    return True


def _bracketed_heading(state: _State, line: _Line) -> bool:
    """«(أحكام عامة)» before an article's first paragraph is its heading."""
    article = state.article
    source = line.source
    if (
        article is None
        or article.paragraphs
        or article.heading is not None
        or source.level is not None
        or source.depth is not None
        or source.literal
        or not _BRACKETED_HEADING.fullmatch(line.text)
    ):
        return False
    article.heading = line.text[1:-1].strip()
    return True


def _numbered_paragraph(state: _State, line: _Line) -> bool:
    label = line.label
    if label is None or label.kind != "para" or line.source.depth is not None:
        return False
    _open_paragraph(state, label.number, line.source)
    rest = _after_label(line.source, label)
    if rest:
        assert state.paragraph is not None
        state.paragraph.items.append(DraftP(rest, line.source.line))
    return True


def _lettered_point(state: _State, line: _Line) -> bool:
    label = line.label
    source = line.source
    if label is None and source.item and source.depth is not None:
        # An unlabelled bullet is a point all the same; its number is its place.
        _open_point(state, source.depth, source)
        rest = cut_runs(source.all_runs(), 0)
    elif label is None or (label.kind != "point" and source.depth is None):
        return False
    else:
        _open_point(state, _point_depth(state, source, label), source)
        rest = _after_label(source, label)
    if rest:
        state.points[-1].items.append(DraftP(rest, line.source.line))
    return True


def _running_text(state: _State, line: _Line) -> bool:
    _add_text(state, line.source.all_runs(), line.source)
    return True


# What a line is, asked in this order; the first rule that places it wins.
_LINE_RULES: tuple[Callable[[_State, _Line], bool], ...] = (
    _editorial_note,
    _first_top_heading_is_title,
    _own_heading,
    _division_heading,
    _article_heading,
    _title_under_division_heading,
    _text_before_any_article,
    _numbered_by_source,
    _repealed_mark,
    _text_under_repealed_article,
    _bracketed_heading,
    _numbered_paragraph,
    _lettered_point,
    _running_text,
)


def _place_line(state: _State, source: SourceLine) -> None:
    """Put one line where it belongs in the draft, by the first rule that fits."""
    line = _Line(source, source.text.strip(), state.draft.lang.startswith("ar"))
    for rule in _LINE_RULES:
        if rule(state, line):
            return


def _after_label(source: SourceLine, label: Numbered) -> list[DraftRun]:
    return cut_runs(source.all_runs(), _offset(source.text, label.label_len))


def _point_depth(state: _State, source: SourceLine, label: Numbered) -> int:
    """A point's depth: as the source says, else 1, or 2 for (i), (ii) under a point.

    "(i)" right after point (h) is the letter i, the next point at its level.
    """
    if source.depth is not None:
        return source.depth
    if not label.roman or not state.points:
        return 1
    if label.roman == 1 and _points_so_far(state) == _POINTS_BEFORE_LETTER_I:
        return 1
    return 2


def _offset(raw: str, label_len: int) -> int:
    return label_len + (len(raw) - len(raw.lstrip()))


def _points_so_far(state: _State) -> int:
    """How many points the level of the current point holds."""
    holder = (
        state.points[-2].items
        if len(state.points) > 1
        else (state.paragraph.items if state.paragraph else [])
    )
    return sum(isinstance(i, DraftPoint) for i in holder)


def _keep_preamble(state: _State) -> None:
    """Text before the first heading of any kind is the document's preamble."""
    if state.preamble and not state.seen_structure:
        state.draft.preamble += [DraftP(runs, n) for n, runs in state.preamble]
        state.preamble = []


def _open_division(state: _State, head: DivisionHead, line: SourceLine) -> None:
    _keep_preamble(state)
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
    _keep_preamble(state)
    if state.preamble:
        for lineno, runs in state.preamble:
            state.draft.warn(
                lineno,
                _("text here could not be placed; kept as a note of the next article"),
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
        # Lead-in text ("… in the following cases:") is the article's
        # unnumbered introduction, so that "(1)" stays on the sentence the
        # text numbers 1 and paragraph numbers are the ones references use.
        lead = article.paragraphs.pop()
        article.intro.extend(i for i in lead.items if isinstance(i, DraftP))
    expected = len(article.paragraphs) + 1
    if number != expected:
        state.draft.warn(
            line.line,
            _(
                "paragraph numbered {number} is paragraph {expected} of its article; paragraphs are numbered by position"
            ),
            number=number,
            expected=expected,
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
