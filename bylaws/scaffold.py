"""Scaffolding proposals: a new proposal folder and its operations, ready to edit.

Every function returns the new Proposal value; writing it is left to
`bylaws.proposal_files.write_proposal`, so the result is whole or nothing. Each
operation records the fingerprint of the articles it touches, so that `check`
can tell when the text in force moved on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from .errors import InvalidOperation, NotFound, UnusableInput
from .locale import _
from .model import (
    Amend,
    AmendHeading,
    Article,
    Base,
    Document,
    Fingerprint,
    Insert,
    Move,
    Operation,
    P,
    Paragraph,
    Position,
    Proposal,
    Relation,
    Repeal,
    Text,
    iter_divisions,
    iter_entries,
)
from .numbering import number_outline, parse_number, parse_plain_number
from .overlay import apply_proposal
from .proposal_files import head_commit
from .render import Reader
from .review import stages
from .workspace import ARTICLES, PROPOSALS, DiskTree, fingerprint

_SLUG = re.compile(r"[a-z0-9][a-z0-9\-]*")


# The refusal of a bad id, by what the id names: one whole sentence each,
# so that each reads naturally in every language.
_NOT_A_SLUG = {
    "proposal name": _(
        "proposal name '{value}' is not a valid id: use lowercase ASCII letters, "
        "digits and hyphens (e.g. art-member-consultation)"
    ),
    "article id": _(
        "article id '{value}' is not a valid id: use lowercase ASCII letters, "
        "digits and hyphens (e.g. art-member-consultation)"
    ),
}


def check_slug(value: str, what: str) -> str:
    """Refuse an id that is not an ASCII slug, saying what would be accepted."""
    if not _SLUG.fullmatch(value):
        raise UnusableInput(_NOT_A_SLUG[what], value=value)
    return value


def _rationale(text: str | None) -> tuple[P, ...]:
    if not text:
        return ()
    return tuple(
        P((Text(part.strip()),)) for part in text.split("\n\n") if part.strip()
    )


_NO_SUCH_ARTICLE = {
    "article": _(
        "no article '{given}' in document '{document}': give an article id "
        "(art-…) or its number"
    ),
    "article or division": _(
        "no article or division '{given}' in document '{document}': give an "
        "article id (art-…) or its number"
    ),
}


def resolve_article(doc: Document, given: str, what: str = "article") -> str:
    """An article id from an id, a plain number ("12", "12-bis") or an ordinal word."""
    if given in doc.articles or any(e.ref == given for e in iter_entries(doc.outline)):
        return given
    if doc.units is not None:
        # "II.3", "Article II, Section 3"; a bare "3" only where it is one Section
        cited = Reader(doc).unit_cited(given)
        if cited is not None:
            return cited
    numbers = number_outline(doc)
    wanted: tuple[int, int] | None = None
    try:
        wanted = parse_plain_number(given)
    except ValueError:
        parsed = parse_number(given)
        wanted = (parsed, 0) if parsed is not None else None
    if wanted is not None:
        for ref, number in numbers.items():
            if (number.n, number.k) == wanted:
                return ref
    raise NotFound(
        _NO_SUCH_ARTICLE[what],
        doc.loc.path if doc.loc else None,
        given=given,
        document=doc.id,
    )


def _resolve_live(doc: Document, current: Document, given: str) -> str:
    """An article that still stands in the proposal so far (not repealed by it)."""
    try:
        ref = resolve_article(current, given)
    except NotFound:
        ref = resolve_article(doc, given)
        raise InvalidOperation(
            _("article '{ref}' is repealed by this proposal; it cannot be changed"),
            ref=ref,
        ) from None
    _live(current, ref)
    return ref


def _live(doc: Document, ref: str) -> None:
    entry = next((e for e in iter_entries(doc.outline) if e.ref == ref), None)
    if entry is None:
        raise NotFound(
            _("no article '{ref}' in document '{document}'"), ref=ref, document=doc.id
        )
    if entry.repealed or ref not in doc.articles:
        raise InvalidOperation(
            _("article '{ref}' is repealed; it cannot be changed"), ref=ref
        )


def _fingerprints(
    doc_folder: Path, base: Base, refs: list[str]
) -> tuple[Fingerprint, ...]:
    known = {fp.article for fp in base.fingerprints}
    tree = DiskTree(doc_folder)
    added = list(base.fingerprints)
    for ref in refs:
        rel = PurePosixPath(ARTICLES) / f"{ref}.xml"
        if ref not in known and tree.is_file(rel):
            added.append(Fingerprint(ref, fingerprint(tree.read_bytes(rel))))
            known.add(ref)
    return tuple(added)


def new_proposal(
    doc_folder: Path,
    doc: Document,
    name: str,
    title: str,
    proposer: str,
    submitted: str | None = None,
    rationale: str | None = None,
) -> Proposal:
    """A proposal with no operation yet, based on the current commit (if any)."""
    check_slug(name, "proposal name")
    if (doc_folder / PROPOSALS / name).exists():
        raise InvalidOperation(
            _("a proposal named '{name}' exists already"),
            str(doc_folder / PROPOSALS / name),
            name=name,
        )
    stage = _first_stage(doc)
    return Proposal(
        id=name,
        title=title,
        proposer=proposer,
        submitted=submitted,
        base=Base(doc.id, head_commit(doc_folder)),
        stage=stage,
        rationale=_rationale(rationale),
        reviews=(),
        operations=(),
        articles={},
    )


def _first_stage(doc: Document) -> str:
    return stages(doc)[0].id


def _add(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    op: Operation,
    fingerprint_refs: list[str],
    articles: dict[str, Article] | None = None,
) -> Proposal:
    updated = replace(
        proposal,
        operations=(*proposal.operations, op),
        articles={**proposal.articles, **(articles or {})},
        base=replace(
            proposal.base,
            fingerprints=_fingerprints(doc_folder, proposal.base, fingerprint_refs),
        ),
    )
    apply_proposal(doc, updated)  # the proposal must still apply as a whole
    return updated


def _proposed(doc: Document, proposal: Proposal) -> Document:
    return apply_proposal(doc, proposal)


def add_amend(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    article: str,
    rationale: str | None,
) -> Proposal:
    """Copy an article into the proposal for editing and record the amendment."""
    current = _proposed(doc, proposal)
    ref = _resolve_live(doc, current, article)
    if any(
        isinstance(op, Amend | Insert) and op.article == ref
        for op in proposal.operations
    ):
        raise InvalidOperation(
            _(
                "the proposal already has a text for '{ref}': edit "
                "articles/{ref}.xml in the proposal folder"
            ),
            ref=ref,
        )
    return _add(
        doc_folder,
        doc,
        proposal,
        Amend(ref, _rationale(rationale)),
        [ref],
        {ref: current.articles[ref]},
    )


def _position(
    doc: Document, after: str | None, before: str | None, into: str | None, at: str
) -> Position:
    given = [x for x in (after, before, into) if x]
    if len(given) != 1:
        raise UnusableInput(_("give exactly one of --after, --before, --into"))
    if after:
        return Position("after", resolve_article(doc, after))
    if before:
        return Position("before", resolve_article(doc, before))
    assert into is not None
    if not any(d.id == into for d in iter_divisions(doc.outline)):
        ids = ", ".join(d.id for d in iter_divisions(doc.outline))
        raise NotFound(
            _("no part, chapter or section '{into}'; the divisions are: {ids}"),
            into=into,
            ids=ids,
        )
    relation: Relation = "start" if at == "start" else "end"
    return Position(relation, into)


def _placeholder(doc: Document) -> str:
    if doc.units is not None:
        return f"Text of the new {doc.units.unit_name.lower()}."
    return "نص المادة الجديدة." if doc.rtl else "Text of the new article."


def add_insert(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    article: str,
    rationale: str | None,
    after: str | None = None,
    before: str | None = None,
    into: str | None = None,
    at: str = "end",
    heading: str | None = None,
) -> Proposal:
    """A new article with a placeholder text, placed after/before an article or in a division."""
    check_slug(article, "article id")
    current = _proposed(doc, proposal)
    if article in current.articles or any(
        e.ref == article for e in iter_entries(current.outline)
    ):
        raise InvalidOperation(
            _("an article with the id '{article}' exists already"), article=article
        )
    position = _position(current, after, before, into, at)
    for op in proposal.operations:
        if isinstance(op, Insert | Move) and op.position == position:
            raise InvalidOperation(
                _(
                    "the proposal already places '{article}' {relation} {anchor}; "
                    "place the new article relative to it instead"
                ),
                article=op.article,
                relation=position.relation,
                anchor=position.anchor,
            )
    text = Article(article, heading, (Paragraph((P((Text(_placeholder(doc)),)),)),))
    anchors = [position.anchor] if position.relation in ("after", "before") else []
    return _add(
        doc_folder,
        doc,
        proposal,
        Insert(article, position, _rationale(rationale)),
        anchors,
        {article: text},
    )


def add_repeal(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    article: str,
    rationale: str | None,
) -> Proposal:
    current = _proposed(doc, proposal)
    ref = _resolve_live(doc, current, article)
    return _add(doc_folder, doc, proposal, Repeal(ref, _rationale(rationale)), [ref])


def add_move(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    article: str,
    rationale: str | None,
    after: str | None = None,
    before: str | None = None,
    into: str | None = None,
    at: str = "end",
) -> Proposal:
    current = _proposed(doc, proposal)
    ref = _resolve_live(doc, current, article)
    position = _position(current, after, before, into, at)
    return _add(
        doc_folder, doc, proposal, Move(ref, position, _rationale(rationale)), [ref]
    )


def add_heading(
    doc_folder: Path,
    doc: Document,
    proposal: Proposal,
    target: str,
    heading: str,
    rationale: str | None,
) -> Proposal:
    """A new heading for an article or a division."""
    current = _proposed(doc, proposal)
    if not any(d.id == target for d in iter_divisions(current.outline)):
        target = resolve_article(current, target, "article or division")
        _live(current, target)
    refs = [target] if target in doc.articles else []
    return _add(
        doc_folder,
        doc,
        proposal,
        AmendHeading(target, heading, _rationale(rationale)),
        refs,
    )
