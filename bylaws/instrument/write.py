"""Writing, second half: the clauses in the words of the document's language."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import (
    Document,
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

# --- writing: the words ---------------------------------------------------------------


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


def render_instrument(old: Document, new: Document, clauses: Sequence[Clause]) -> str:
    """The instrument's text: one numbered clause per change."""
    names = Names.of(old)
    ar = names.ar
    q1, q2 = quotes_of(old)
    block_open, block_close = (f"{q1}{q1}", f"{q2}{q2}.")
    out: list[str] = []
    for number, clause in enumerate(clauses, 1):
        lead = f"{number}- " if ar else f"{number}. "
        match clause:
            case ReplaceWords(article=ref, para=para, old=before, new=after):
                loc = names.paragraph(ref, para)
                a, b = encode_runs(before, new), encode_runs(after, new)
                if not after:
                    text = (
                        f"تُحذف عبارة {q1}{a}{q2} الواردة في {loc}."
                        if ar
                        else f"In {loc}, the words {q1}{a}{q2} are deleted."
                    )
                else:
                    text = (
                        f"تُستبدل بعبارة {q1}{a}{q2} الواردة في {loc} عبارة {q1}{b}{q2}."
                        if ar
                        else f"In {loc}, the words {q1}{a}{q2} are replaced by {q1}{b}{q2}."
                    )
                out.append(lead + text)
            case ReplaceParagraph(article=ref, para=para, paragraph=paragraph):
                loc = names.paragraph(ref, para)
                out.append(
                    lead
                    + (
                        f"تُعدَّل {loc} لتصبح على النحو الآتي:"
                        if ar
                        else f"{loc} is amended to read as follows:"
                    )
                )
                out.append(block_open)
                out.extend(paragraph_lines(paragraph, para, old, new))
                out.append(block_close)
            case ReplaceArticle(article=ref, text=article):
                art = names.article(ref)
                out.append(
                    lead
                    + (
                        f"تُعدَّل {art} لتصبح على النحو الآتي:"
                        if ar
                        else f"{art} is amended to read as follows:"
                    )
                )
                out.append(block_open)
                out.extend(article_lines(article, art, old, new))
                out.append(block_close)
            case RepealArticle(article=ref):
                art = names.article(ref)
                out.append(lead + (f"تُلغى {art}." if ar else f"{art} is repealed."))
            case InsertArticle(article=ref, position=position, text=article):
                division = _insert_division(new, clause)
                where = _position_words(names, new, position, move=False)
                if ar:
                    into = f"إلى {names.division(division)} " if division else ""
                    out.append(lead + f"يُضاف {into}مادة جديدة {where} نصها:")
                else:
                    into = f"in {names.division(division)} " if division else ""
                    out.append(
                        lead
                        + f"A new article is inserted {into}{where}, reading as follows:"
                    )
                out.append(block_open)
                out.extend(article_lines(article, names.article(ref, new), old, new))
                out.append(block_close)
            case MoveArticle(article=ref, position=position):
                art = names.article(ref)
                where = _position_words(names, new, position, move=True)
                out.append(
                    lead
                    + (f"تُنقل {art} {where}." if ar else f"{art} is moved {where}.")
                )
            case ReplaceHeading(target=target, heading=heading):
                thing = (
                    names.division(target)
                    if target in names.divisions
                    else names.article(target, gen=True)
                )
                out.append(
                    lead
                    + (
                        f"يُستبدل بعنوان {thing} العنوان الآتي: {q1}{heading}{q2}."
                        if ar
                        else f"The heading of {thing} is replaced by {q1}{heading}{q2}."
                    )
                )
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
        raise unsupported("the worded text does not give back the proposal exactly")
    return text
