"""A proposal's operations applied to its base: the proposed document.

Proposals are overlays: nothing in the base is copied into a proposal except
the full text of the articles it amends or inserts. Applying is pure: a new
Document comes back and the base is untouched.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from .errors import InvalidOperation
from .locale import _
from .model import (
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Division,
    Document,
    Insert,
    Move,
    Operation,
    OutlineNode,
    Position,
    Proposal,
    Repeal,
    iter_divisions,
    iter_entries,
)


class ArticleOverlay(Mapping[str, Article]):
    """A base's articles with some replaced, added or removed, copying nothing.

    Each replaced or added id remembers the mapping it comes from (the
    proposal's articles), so applying a proposal neither copies nor, when a
    mapping is lazy, builds the articles that nobody reads.
    """

    _base: Mapping[str, Article]
    _sources: dict[str, Mapping[str, Article]]
    _removed: frozenset[str]

    def __init__(
        self,
        base: Mapping[str, Article],
        sources: Mapping[str, Mapping[str, Article]],
        removed: frozenset[str] = frozenset(),
    ) -> None:
        if isinstance(base, ArticleOverlay):
            # Flatten, so a long chain of operations stays one lookup deep.
            sources = {**base._sources, **sources}
            removed = base._removed | removed
            base = base._base
        self._base = base
        self._sources = {k: v for k, v in sources.items() if k not in removed}
        self._removed = removed - set(self._sources)

    def __getitem__(self, key: str) -> Article:
        source = self._sources.get(key)
        if source is not None:
            return source[key]
        if key in self._removed:
            raise KeyError(key)
        return self._base[key]

    def __contains__(self, key: object) -> bool:
        if key in self._sources:
            return True
        return key not in self._removed and key in self._base

    def __iter__(self) -> Iterator[str]:
        yield from self._sources
        yield from (
            k for k in self._base if k not in self._removed and k not in self._sources
        )

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def source_of(self, key: str) -> Mapping[str, Article]:
        """The mapping an article is read from (the proposal's, or the base)."""
        return self._sources.get(key, self._base)


def _replaced(
    articles: Mapping[str, Article], key: str, source: Mapping[str, Article]
) -> ArticleOverlay:
    return ArticleOverlay(articles, {key: source})


def _removed(articles: Mapping[str, Article], key: str) -> ArticleOverlay:
    return ArticleOverlay(articles, {}, frozenset({key}))


def _fail(op: Operation, message: str, **args: str) -> InvalidOperation:
    """The error of an operation that cannot be carried out, where it is written;
    `message` is a msgid, `args` its fields."""
    loc = op.loc
    return InvalidOperation(
        message,
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
        **args,
    )


def _remove(
    nodes: tuple[OutlineNode, ...], ref: str
) -> tuple[tuple[OutlineNode, ...], ArticleEntry | None]:
    out: list[OutlineNode] = []
    found: ArticleEntry | None = None
    for node in nodes:
        if isinstance(node, ArticleEntry):
            if node.ref == ref and found is None:
                found = node
                continue
            out.append(node)
        else:
            children, inner = _remove(node.children, ref)
            found = found or inner
            out.append(replace(node, children=children) if inner else node)
    return tuple(out), found


def _place(
    nodes: tuple[OutlineNode, ...], entry: ArticleEntry, position: Position
) -> tuple[tuple[OutlineNode, ...], bool]:
    out: list[OutlineNode] = []
    placed = False
    for node in nodes:
        if isinstance(node, ArticleEntry):
            if not placed and node.ref == position.anchor:
                if position.relation == "before":
                    out.extend((entry, node))
                    placed = True
                    continue
                if position.relation == "after":
                    out.extend((node, entry))
                    placed = True
                    continue
            out.append(node)
            continue
        if (
            not placed
            and node.id == position.anchor
            and position.relation in ("start", "end")
        ):
            children = (
                (entry, *node.children)
                if position.relation == "start"
                else (*node.children, entry)
            )
            out.append(replace(node, children=children))
            placed = True
            continue
        if placed:
            out.append(node)
            continue
        children, placed = _place(node.children, entry, position)
        out.append(replace(node, children=children) if placed else node)
    return tuple(out), placed


_ENTRY_INDEXES: dict[int, tuple[tuple[OutlineNode, ...], dict[str, ArticleEntry]]] = {}


def _entry(doc: Document, ref: str) -> ArticleEntry | None:
    """The outline entry of an article, found through an index per outline.

    Operations look up entries again and again in the same outline; a scan
    each time would make applying a proposal cost O(operations × articles).
    """
    key = id(doc.outline)
    cached = _ENTRY_INDEXES.get(key)
    if cached is None or cached[0] is not doc.outline:
        index: dict[str, ArticleEntry] = {}
        for entry in iter_entries(doc.outline):
            index.setdefault(entry.ref, entry)
        if len(_ENTRY_INDEXES) > 32:
            _ENTRY_INDEXES.clear()
        cached = _ENTRY_INDEXES[key] = (doc.outline, index)
    return cached[1].get(ref)


def _check_anchor(doc: Document, op: Insert | Move) -> None:
    position = op.position
    if position.relation in ("after", "before"):
        anchor = _entry(doc, position.anchor)
        if anchor is None:
            raise _fail(
                op,
                _(
                    "cannot place {article} {relation} {anchor}: no such article in the outline"
                ),
                article=op.article,
                relation=position.relation,
                anchor=position.anchor,
            )
    elif not any(d.id == position.anchor for d in iter_divisions(doc.outline)):
        raise _fail(
            op,
            _(
                "cannot place {article} at the {relation} of {anchor}: no such part, chapter or section"
            ),
            article=op.article,
            relation=position.relation,
            anchor=position.anchor,
        )


def _proposed_text(proposal: Proposal, op: Amend | Insert) -> Mapping[str, Article]:
    """The mapping that holds the proposal's text of the article (not the text)."""
    if op.article not in proposal.articles:
        raise _fail(
            op,
            _(
                "the proposal has no text for {article}: add articles/{article}.xml to the proposal folder"
            ),
            article=op.article,
        )
    return proposal.articles


def _amended_text(
    doc: Document, proposal: Proposal, op: Amend
) -> Mapping[str, Article]:
    """Where the new text of an amended article is, once the amendment is
    known to apply to `doc`."""
    ref = op.article
    entry = _entry(doc, ref)
    if entry is None or ref not in doc.articles:
        raise _fail(
            op,
            _("cannot amend {article}: no such article in the document"),
            article=ref,
        )
    if entry.repealed:
        raise _fail(
            op,
            _("cannot amend {article}: the article is repealed"),
            article=ref,
        )
    return _proposed_text(proposal, op)


def apply_operation(doc: Document, proposal: Proposal, op: Operation) -> Document:
    """One operation applied to a document."""
    match op:
        case Amend(article=ref):
            articles = _replaced(doc.articles, ref, _amended_text(doc, proposal, op))
            return replace(doc, articles=articles)
        case Insert(article=ref, position=position):
            if _entry(doc, ref) is not None or ref in doc.articles:
                raise _fail(
                    op,
                    _("cannot insert {article}: an article with this id exists"),
                    article=ref,
                )
            _check_anchor(doc, op)
            articles = _replaced(doc.articles, ref, _proposed_text(proposal, op))
            outline, _spot = _place(doc.outline, ArticleEntry(ref), position)
            return replace(doc, outline=outline, articles=articles)
        case Repeal(article=ref):
            entry = _entry(doc, ref)
            if entry is None:
                raise _fail(
                    op,
                    _("cannot repeal {article}: no such article in the document"),
                    article=ref,
                )
            if entry.repealed:
                raise _fail(
                    op,
                    _("cannot repeal {article}: the article is already repealed"),
                    article=ref,
                )
            articles = _removed(doc.articles, ref)
            if doc.numbering == "fixed":
                # A repealed article keeps its place and number as «(ملغاة)».
                outline = _replace_entry(
                    doc.outline, ref, replace(entry, repealed=True)
                )
            else:
                outline, _entry_out = _remove(doc.outline, ref)
            return replace(doc, outline=outline, articles=articles)
        case Move(article=ref, position=position):
            entry = _entry(doc, ref)
            if entry is None:
                raise _fail(
                    op,
                    _("cannot move {article}: no such article in the document"),
                    article=ref,
                )
            if position.anchor == ref:
                raise _fail(op, _("cannot move {article} next to itself"), article=ref)
            _check_anchor(doc, op)
            outline, _entry_out = _remove(doc.outline, ref)
            outline, _spot = _place(outline, entry, position)
            return replace(doc, outline=outline)
        case AmendHeading(target=target, heading=heading):
            if target in doc.articles:
                renamed = replace(doc.articles[target], heading=heading)
                articles = _replaced(doc.articles, target, {target: renamed})
                return replace(doc, articles=articles)
            outline, found = _rename(doc.outline, target, heading)
            if not found:
                raise _fail(
                    op,
                    _(
                        "cannot amend the heading of {target}: no such article or division"
                    ),
                    target=target,
                )
            return replace(doc, outline=outline)


def _replace_entry(
    nodes: tuple[OutlineNode, ...], ref: str, new: ArticleEntry
) -> tuple[OutlineNode, ...]:
    out: list[OutlineNode] = []
    for node in nodes:
        if isinstance(node, ArticleEntry):
            out.append(new if node.ref == ref else node)
        else:
            out.append(replace(node, children=_replace_entry(node.children, ref, new)))
    return tuple(out)


def _rename(
    nodes: tuple[OutlineNode, ...], target: str, heading: str
) -> tuple[tuple[OutlineNode, ...], bool]:
    out: list[OutlineNode] = []
    found = False
    for node in nodes:
        if isinstance(node, Division):
            if node.id == target:
                out.append(replace(node, heading=heading))
                found = True
                continue
            children, inner = _rename(node.children, target, heading)
            found = found or inner
            out.append(replace(node, children=children) if inner else node)
        else:
            out.append(node)
    return tuple(out), found


def apply_proposal(doc: Document, proposal: Proposal) -> Document:
    """The base document with every operation of the proposal applied in order.

    A run of amendments changes texts only, not the outline nor which
    articles exist, so each is checked against the same document and the
    run's texts are laid over it at once (one new Document, not one each).
    """
    amended: dict[str, Mapping[str, Article]] = {}
    for op in proposal.operations:
        if isinstance(op, Amend):
            amended[op.article] = _amended_text(doc, proposal, op)
            continue
        if amended:
            doc = replace(doc, articles=ArticleOverlay(doc.articles, amended))
            amended = {}
        doc = apply_operation(doc, proposal, op)
    if amended:
        doc = replace(doc, articles=ArticleOverlay(doc.articles, amended))
    return doc


def moved_articles(proposal: Proposal) -> frozenset[str]:
    """The articles a proposal moves."""
    return frozenset(op.article for op in proposal.operations if isinstance(op, Move))


def touched_articles(proposal: Proposal) -> list[str]:
    """The article ids a proposal's operations name, in order, without repeats."""
    seen: dict[str, None] = {}
    for op in proposal.operations:
        match op:
            case AmendHeading(target=target):
                seen.setdefault(target, None)
            case (
                Amend(article=ref)
                | Insert(article=ref)
                | Repeal(article=ref)
                | Move(article=ref)
            ):
                seen.setdefault(ref, None)
    return list(seen)
