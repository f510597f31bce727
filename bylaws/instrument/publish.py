"""The instrument as a body publishes it: a title, a preamble, the numbered
clauses with no ids and no link syntax, and closing words on entry into force.

The clauses are those `write_instrument` words; what only served reading them
back goes: a reference is the words it reads as, a new article's id is gone,
and an article the instrument itself inserts is designated by the clause that
inserts it («المادة المضافة بالبند (8)», "the article inserted by clause 8"),
since its new number would name another article of the text in force. The
reader (`apply_instrument`) reads this form too; `publish_instrument` checks,
before it returns, that it reads back as the proposed text reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..locale import _
from ..model import Document, Proposal, Ref, Ruling
from ..render import ReadDivision, Reader
from ..review import ADOPTING, stages
from .apply import flat_ps
from .choose import instrument_clauses, unsupported
from .clauses import (
    Clause,
    InsertArticle,
    InstrumentError,
    ReplaceParagraph,
    ReplaceWords,
)
from .designations import inserted_by_clause, is_arabic
from .read import apply_instrument
from .runs import quotes_of, reader_segments
from .write import render_instrument


@dataclass(frozen=True, slots=True)
class Frame:
    """The words around the clauses; each None takes the default.

    Attributes:
        title: the first line.
        body: the body whose decision the instrument is (default: the body of
            the document's last review stage).
        date: the date of that decision (YYYY-MM-DD); no date, no date phrase.
        closing: the closing words on entry into force (default: the
            document's `<instrumentClosing>`, else the language's words).
    """

    title: str | None = None
    body: str | None = None
    date: str | None = None
    closing: str | None = None


def frame_of_proposal(proposal: Proposal, frame: Frame = Frame()) -> Frame:
    """`frame` with the body and date it leaves open taken from the proposal's
    reviews: the last decision to adopt, else the last ruling of any kind."""
    rulings: list[tuple[str, Ruling, bool]] = []
    for review in proposal.reviews:
        if review.recommendation is not None:
            rulings.append((review.body, review.recommendation, False))
        if review.decision is not None:
            rulings.append((review.body, review.decision, True))
    adopting = [r for r in rulings if r[2] and r[1].verdict in ADOPTING]
    if not (adopting or rulings):
        return frame
    body, ruling, _ = (adopting or rulings)[-1]
    return replace(frame, body=frame.body or body, date=frame.date or ruling.date)


def _frame_lines(doc: Document, frame: Frame) -> tuple[list[str], list[str]]:
    """The lines before the clauses and the lines after them."""
    title = doc.meta.title
    body = frame.body or stages(doc)[-1].label
    if is_arabic(doc):
        when = f" الصادر بتاريخ {frame.date}" if frame.date else ""
        head = frame.title or f"قرار بتعديل {title}"
        preamble = f"بناءً على قرار {body}{when}، تُعدَّل أحكام {title} على النحو الآتي:"
        closing = (
            frame.closing
            or doc.meta.instrument_closing
            or "يُعمل بهذه التعديلات من تاريخ إقرارها."
        )
    else:
        when = f" of {frame.date}" if frame.date else ""
        the = "" if body.lower().startswith("the ") else "the "
        head = frame.title or f"Amendments to the {title}"
        preamble = (
            f"By decision of {the}{body}{when}, the {title} are amended as follows:"
        )
        closing = (
            frame.closing
            or doc.meta.instrument_closing
            or "These amendments enter into force on the date of their adoption."
        )
    return [head, "", preamble, ""], ["", closing]


def _designation_with_id(doc: Document) -> re.Pattern[str]:
    # A number may take several words ("Article First bis", "Article II,
    # Section 3"), but never runs over another designation in the same line.
    words = ["المادة"] if is_arabic(doc) else ["Article"]
    if doc.units is not None:
        # Bylaws cite their Sections as the document says: "Section 2.03".
        words.append(re.escape(doc.units.citation.split(" ")[0]))
    word = "(?:" + "|".join(words) + ")"
    number = rf"(?: \([^()\n]*\)|(?: (?!{word}\b)[^\s\[]+){{1,4}})?"
    return re.compile(rf"{word}{number} \[([a-z0-9][a-z0-9\-]*)\]")


def _published_lines(doc: Document, text: str, inserted: dict[str, int]) -> list[str]:
    """The lines of an instrument with ids and link syntax taken out."""
    ar = is_arabic(doc)
    q1, q2 = quotes_of(doc)
    by_id = _designation_with_id(doc)
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        stripped = line.strip()
        if not inside and stripped != f"{q1}{q1}":
            # A clause's own line: an article it inserts itself is named by
            # the clause that inserts it.
            line = by_id.sub(
                lambda m: (
                    inserted_by_clause(inserted[m[1]], ar) if m[1] in inserted else m[0]
                ),
                line,
            )
        inside = (inside or stripped == f"{q1}{q1}") and stripped != f"{q2}{q2}."
        out.append("".join(words for words, _ in reader_segments(line)))
    return out


def render_published(
    old: Document, new: Document, clauses: Sequence[Clause], frame: Frame = Frame()
) -> str:
    """The published text of the clauses that turn `old` into `new`."""
    inserted = {
        c.article: n for n, c in enumerate(clauses, 1) if isinstance(c, InsertArticle)
    }
    head, tail = _frame_lines(old, frame)
    body = _published_lines(old, render_instrument(old, new, clauses), inserted)
    return "\n".join([*head, *body, *tail]) + "\n"


def reader_view(doc: Document) -> list[tuple[object, ...]]:
    """A document as readers see it: numbers, headings, paragraphs, notes; no ids."""
    reader = Reader(doc)
    view: list[tuple[object, ...]] = []
    for item in reader.outline():
        if isinstance(item, ReadDivision):
            view.append((item.kind, item.label, item.heading, item.depth))
        else:
            blocks = tuple((b.depth, b.label, b.text) for b in item.blocks)
            view.append((item.label, item.heading, item.repealed, blocks, item.notes))
    return view


def _has_ref(doc: Document, clause: ReplaceWords) -> bool:
    """Whether the words replaced, or the paragraph they stand in, hold a reference."""
    runs = [*clause.old, *clause.new]
    article = doc.articles.get(clause.article)
    if article is not None and clause.para <= len(article.paragraphs):
        paragraph = article.paragraphs[clause.para - 1]
        runs += [run for p in flat_ps(paragraph.items) for run in p.runs]
    return any(isinstance(run, Ref) for run in runs)


def _restated(
    old: Document, new: Document, clauses: Sequence[Clause], everywhere: bool
) -> list[Clause]:
    """The clauses with word replacements turned into restated paragraphs:
    those near a reference, or all of them."""
    out: list[Clause] = []
    done: set[tuple[str, int]] = set()
    for clause in clauses:
        if isinstance(clause, ReplaceWords) and (everywhere or _has_ref(old, clause)):
            key = (clause.article, clause.para)
            if key not in done:
                done.add(key)
                paragraph = new.articles[clause.article].paragraphs[clause.para - 1]
                out.append(ReplaceParagraph(clause.article, clause.para, paragraph))
            continue
        out.append(clause)
    return out


def publish_instrument(old: Document, new: Document, frame: Frame = Frame()) -> str:
    """The published instrument that turns `old` into `new`, checked to read
    back (by `apply_instrument`) as `new` reads.

    Where a quotation would hold a reference, whose words can read alike in
    two places, the paragraph is restated instead, if that is what it takes.

    Raises:
        InstrumentError: the change cannot be worded, or would not read back.
    """
    clauses = instrument_clauses(old, new)
    want = reader_view(new)
    for attempt in (
        clauses,
        _restated(old, new, clauses, everywhere=False),
        _restated(old, new, clauses, everywhere=True),
    ):
        text = render_published(old, new, attempt, frame)
        try:
            if reader_view(apply_instrument(old, text, "<instrument>")) == want:
                return text
        except InstrumentError:
            continue
    raise unsupported(_("the published text does not read back as the proposed text"))
