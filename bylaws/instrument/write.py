"""Writing, second half: the clauses in the words of the document's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..locale import _
from ..model import (
    ArticleEntry,
    Document,
    Inline,
    Position,
)
from .blocks import article_lines, paragraph_lines
from .choose import instrument_clauses, parent_of, unsupported
from .clauses import (
    Clause,
    InsertArticle,
    MoveArticle,
    RepealArticle,
    ReplaceArticle,
    ReplaceHeading,
    ReplaceParagraph,
    ReplaceWords,
)
from .designations import Names
from .read import apply_instrument
from .runs import encode_runs, quotes_of


def _position_words(names: Names, new: Document, position: Position, move: bool) -> str:
    ar = names.ar
    anchor = position.anchor
    if position.relation in ("after", "before"):
        art = names.article(anchor, new, gen=True)
        if ar:
            word = "بعد" if position.relation == "after" else "قبل"
            return f"لتصبح {word} {art}" if move else f"{word} {art}"
        return f"{position.relation} {art}"
    division = names.division(anchor)
    if ar:
        if move:
            return (
                f"إلى {'بداية' if position.relation == 'start' else 'نهاية'} {division}"
            )
        return "في بدايته" if position.relation == "start" else "في نهايته"
    if move:
        return f"to the {position.relation} of {division}"
    return f"at the {position.relation}"


def _insert_division(new: Document, clause: InsertArticle) -> str | None:
    if clause.position.relation in ("start", "end"):
        return clause.position.anchor
    found = parent_of(new.outline, clause.article)
    return found[0].id if found and found[0] is not None else None


@dataclass(frozen=True)
class _Wording:
    """What every clause's words depend on: the two texts and their language."""

    old: Document
    new: Document
    names: Names
    ar: bool
    q1: str
    q2: str
    # Bylaws in Articles and Sections: motions in Robert's Rules form.
    roberts: bool = False

    @classmethod
    def of(cls, old: Document, new: Document) -> _Wording:
        names = Names.of(old)
        q1, q2 = quotes_of(old)
        roberts = not names.ar and old.units is not None
        return cls(old, new, names, names.ar, q1, q2, roberts)

    def renumber(self) -> str:
        """The note that the sections after a new or struck-out one are renumbered."""
        return ", and renumber the sections after it"

    def quoted(self, runs: Sequence[Inline], doc: Document | None = None) -> str:
        """Words in quotes, each reference read as in `doc` (the new text
        unless said): words struck out are quoted as the old text reads."""
        return f"{self.q1}{encode_runs(runs, doc or self.new)}{self.q2}"

    def block(self, lines: list[str]) -> list[str]:
        """A restated text between its opening and closing lines."""
        return [f"{self.q1}{self.q1}", *lines, f"{self.q2}{self.q2}."]


def _replace_words(w: _Wording, clause: ReplaceWords) -> list[str]:
    loc = w.names.paragraph(clause.article, clause.para)
    a, b = w.quoted(clause.old, w.old), w.quoted(clause.new)
    if w.roberts:
        if not clause.new:
            return [f"To strike out {a} in {loc}."]
        return [f"To strike out {a} and insert {b} in {loc}."]
    if not clause.new:
        return [
            f"تُحذف عبارة {a} الواردة في {loc}."
            if w.ar
            else f"In {loc}, the words {a} are deleted."
        ]
    return [
        f"تُستبدل بعبارة {a} الواردة في {loc} عبارة {b}."
        if w.ar
        else f"In {loc}, the words {a} are replaced by {b}."
    ]


def _replace_paragraph(w: _Wording, clause: ReplaceParagraph) -> list[str]:
    article = w.old.articles.get(clause.article)
    if w.roberts and article is not None and len(article.paragraphs) == 1:
        # A Section of one paragraph is cited as the Section: restate it whole.
        text = replace(article, paragraphs=(clause.paragraph,))
        return _replace_article(w, ReplaceArticle(clause.article, text))
    loc = w.names.paragraph(clause.article, clause.para)
    head = (
        f"تُعدَّل {loc} لتصبح على النحو الآتي:"
        if w.ar
        else f"{loc} is amended to read as follows:"
    )
    if w.roberts:
        head = f"To amend {loc} to read as follows:"
    return [
        head,
        *w.block(paragraph_lines(clause.paragraph, clause.para, w.old, w.new)),
    ]


def _replace_article(w: _Wording, clause: ReplaceArticle) -> list[str]:
    art = w.names.article(clause.article)
    head = (
        f"تُعدَّل {art} لتصبح على النحو الآتي:"
        if w.ar
        else f"{art} is amended to read as follows:"
    )
    if w.roberts:
        head = f"To amend {art} to read as follows:"
    return [head, *w.block(article_lines(clause.text, art, w.old, w.new))]


def _repeal_article(w: _Wording, clause: RepealArticle) -> list[str]:
    art = w.names.article(clause.article)
    if w.roberts:
        after = _renumbers(w.old, clause.article)
        return [f"To strike out {art}{w.renumber() if after else ''}."]
    return [f"تُلغى {art}." if w.ar else f"{art} is repealed."]


def _insert_article(w: _Wording, clause: InsertArticle) -> list[str]:
    names = w.names
    division = _insert_division(w.new, clause)
    where = _position_words(names, w.new, clause.position, move=False)
    if w.roberts:
        where = _position_words(names, w.new, clause.position, move=True)
        if clause.position.relation in ("start", "end"):
            where = where.replace("to the ", "at the ", 1)
        note = w.renumber() if _renumbers(w.new, clause.article) else ""
        head = f"To insert {where} the following new section{note}:"
    elif w.ar:
        into = f"إلى {names.division(division)} " if division else ""
        head = f"يُضاف {into}مادة جديدة {where} نصها:"
    else:
        into = f"in {names.division(division)} " if division else ""
        head = f"A new article is inserted {into}{where}, reading as follows:"
    label = names.article(clause.article, w.new)
    return [head, *w.block(article_lines(clause.text, label, w.old, w.new))]


def _move_article(w: _Wording, clause: MoveArticle) -> list[str]:
    art = w.names.article(clause.article)
    where = _position_words(w.names, w.new, clause.position, move=True)
    if w.roberts:
        return [f"To move {art} {where}."]
    return [f"تُنقل {art} {where}." if w.ar else f"{art} is moved {where}."]


def _replace_heading(w: _Wording, clause: ReplaceHeading) -> list[str]:
    names = w.names
    thing = (
        names.division(clause.target)
        if clause.target in names.divisions
        else names.article(clause.target, gen=True)
    )
    heading = f"{w.q1}{clause.heading}{w.q2}"
    if w.roberts:
        return [f"To strike out the heading of {thing} and insert {heading}."]
    return [
        f"يُستبدل بعنوان {thing} العنوان الآتي: {heading}."
        if w.ar
        else f"The heading of {thing} is replaced by {heading}."
    ]


def _renumbers(doc: Document, ref: str) -> bool:
    """Whether sections follow `ref` in its division, so that their numbers change."""
    found = parent_of(doc.outline, ref)
    if found is None or doc.numbering != "auto":
        return False
    siblings = [n for n in found[1] if isinstance(n, ArticleEntry)]
    refs = [n.ref for n in siblings]
    return ref in refs and refs.index(ref) < len(refs) - 1


# How each kind of clause is worded: its first line, then any restated text.
_WORDING: dict[type, Callable[[_Wording, Any], list[str]]] = {
    ReplaceWords: _replace_words,
    ReplaceParagraph: _replace_paragraph,
    ReplaceArticle: _replace_article,
    RepealArticle: _repeal_article,
    InsertArticle: _insert_article,
    MoveArticle: _move_article,
    ReplaceHeading: _replace_heading,
}


def render_instrument(old: Document, new: Document, clauses: Sequence[Clause]) -> str:
    """The instrument's text: one numbered clause per change."""
    wording = _Wording.of(old, new)
    out: list[str] = []
    for number, clause in enumerate(clauses, 1):
        first, *rest = _WORDING[type(clause)](wording, clause)
        out.append((f"{number}- " if wording.ar else f"{number}. ") + first)
        out.extend(rest)
    return "\n".join(out) + ("\n" if out else "")


def write_instrument(old: Document, new: Document) -> str:
    """The instrument that turns `old` into `new`, checked to read back exactly.

    Raises:
        InstrumentError: the change cannot be worded, or would not read back.
    """
    clauses = instrument_clauses(old, new)
    text = render_instrument(old, new, clauses)
    back = apply_instrument(old, text, "<instrument>")
    if back != new:
        raise unsupported(_("the worded text does not give back the proposal exactly"))
    return text
