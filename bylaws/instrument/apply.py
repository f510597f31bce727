"""Carrying clauses out on a document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..errors import BylawsError
from ..locale import _
from ..model import (
    Amend,
    AmendHeading,
    Article,
    Base,
    Document,
    Hyperlink,
    Insert,
    Move,
    Operation,
    P,
    Paragraph,
    Point,
    Proposal,
    Repeal,
    Text,
)
from ..numbering import render_ref
from ..overlay import apply_operation
from ..proposals.merge import Token, run_tokens, tokens_runs
from ..render import dangling
from .clauses import (
    Clause,
    InsertArticle,
    InstrumentError,
    MoveArticle,
    RepealArticle,
    ReplaceArticle,
    ReplaceHeading,
    ReplaceParagraph,
    ReplaceWords,
)
from .runs import encode_runs


def flat_ps(items: Sequence[P | Point]) -> list[P]:
    """The Ps of a paragraph's items, points flattened, in reading order."""
    out: list[P] = []
    for item in items:
        if isinstance(item, P):
            out.append(item)
        else:
            out.extend(flat_ps(item.items))
    return out


def _hits(ps: Sequence[P], needle: list[Token]) -> list[tuple[int, int]]:
    """Where `needle` occurs in the Ps: (which P, which token)."""
    hits: list[tuple[int, int]] = []
    for k, p in enumerate(ps):
        tokens = run_tokens(p.runs)
        for i in range(len(tokens) - len(needle) + 1):
            if needle and tokens[i : i + len(needle)] == needle:
                hits.append((k, i))
    return hits


def _as_read(p: P, doc: Document) -> P:
    """A P with its references written out as a reader sees them in `doc`."""
    words = []
    for run in p.runs:
        if isinstance(run, Text):
            words.append(run.value)
        elif isinstance(run, Hyperlink):
            words.append(run.text)
        else:
            try:
                words.append(render_ref(doc, run))
            except BylawsError:
                words.append(dangling(run))
    return P((Text("".join(words)),))


def _replace_words(
    article: Article, clause: ReplaceWords, shown: Document | None = None
) -> Article:
    if not 1 <= clause.para <= len(article.paragraphs):
        raise InstrumentError(
            _("{article} has {count} paragraph(s), not {para}"),
            article=article.id,
            count=len(article.paragraphs),
            para=clause.para,
        )
    para = article.paragraphs[clause.para - 1]
    needle = run_tokens(clause.old)
    ps = flat_ps(para.items)
    hits = _hits(ps, needle)
    if not hits and shown is not None:
        # The published instrument quotes references as the words they read
        # as: match those words, and the P keeps them as plain words.
        ps = [_as_read(p, shown) for p in ps]
        hits = _hits(ps, needle)
    if len(hits) != 1:
        raise InstrumentError(
            _("«{words}» occurs {count} times in paragraph {para} of {article}")
            if hits
            else _("«{words}» does not occur in paragraph {para} of {article}"),
            words=encode_runs(clause.old, None),
            count=len(hits),
            para=clause.para,
            article=article.id,
        )
    k, i = hits[0]
    target = ps[k]
    tokens = run_tokens(target.runs)
    tokens[i : i + len(needle)] = run_tokens(clause.new)
    replaced = P(tokens_runs(tokens))
    counter = iter(range(len(ps)))

    def swap(items: tuple[P | Point, ...]) -> tuple[P | Point, ...]:
        out: list[P | Point] = []
        for item in items:
            if isinstance(item, P):
                out.append(replaced if next(counter) == k else item)
            else:
                out.append(Point(swap(item.items)))
        return tuple(out)

    paragraphs = list(article.paragraphs)
    paragraphs[clause.para - 1] = Paragraph(swap(para.items))
    return replace(article, paragraphs=tuple(paragraphs))


def apply_to_article(
    article: Article, clauses: Sequence[Clause], shown: Document | None = None
) -> Article:
    """An article's text with the clauses on it carried out; `shown` is the
    document whose references a quotation may hold as plain words."""
    for clause in clauses:
        match clause:
            case ReplaceWords():
                article = _replace_words(article, clause, shown)
            case ReplaceParagraph(para=para, paragraph=paragraph):
                paragraphs = list(article.paragraphs)
                paragraphs[para - 1] = paragraph
                article = replace(article, paragraphs=tuple(paragraphs))
            case ReplaceHeading(heading=heading):
                article = replace(article, heading=heading)
            case ReplaceArticle(text=text):
                article = replace(text, id=article.id)
            case _:
                # The reader hands only these clauses to an article: a bug otherwise.
                raise TypeError(f"not a change of an article's text: {clause!r}")
    return article


def operation_of(doc: Document, clause: Clause) -> tuple[Operation, dict[str, Article]]:
    match clause:
        case ReplaceWords(article=ref) | ReplaceParagraph(article=ref):
            current = doc.articles.get(ref)
            if current is None:
                raise InstrumentError(
                    _("cannot amend {article}: it has no text (repealed?)"),
                    article=ref,
                )
            return Amend(ref), {ref: apply_to_article(current, [clause], doc)}
        case ReplaceArticle(article=ref, text=text):
            return Amend(ref), {ref: replace(text, id=ref)}
        case RepealArticle(article=ref):
            return Repeal(ref), {}
        case InsertArticle(article=ref, position=position, text=text):
            return Insert(ref, position), {ref: replace(text, id=ref)}
        case MoveArticle(article=ref, position=position):
            return Move(ref, position), {}
        case ReplaceHeading(target=target, heading=heading):
            return AmendHeading(target, heading), {}
    raise TypeError(f"unknown clause {clause!r}")  # every Clause is matched above


def apply_clauses(doc: Document, clauses: Sequence[Clause]) -> Document:
    """The document with every clause carried out in order."""
    for clause in clauses:
        op, articles = operation_of(doc, clause)
        carrier = Proposal(
            "instrument", "", "", None, Base(doc.id), "", (), (), (op,), articles
        )
        doc = apply_operation(doc, carrier, op)
    return doc
