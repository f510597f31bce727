"""Every rule of `bylaws check`: each returns Problems, none raises for bad files.

A file that cannot be read is one problem and the check goes on with the
rest, so a drafter sees every mistake in one run.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from . import numbering, validation, xmlio
from .diff.memory import paused_collector
from .errors import BylawsError, Level, NotFound, Problem
from .locale import _, language_of
from .model import (
    Amend,
    ArticleEntry,
    Comment,
    Document,
    Proposal,
    Ref,
    Repeal,
    SourceLoc,
    iter_divisions,
    iter_entries,
)
from .overlay import ArticleOverlay, apply_proposal
from .review import review_problems
from .workspace import (
    ARTICLES,
    DOCUMENT_FILE,
    FEEDBACK,
    PROPOSAL_FILE,
    DiskTree,
    Tree,
    document_folders_for,
    proposal_folders,
    read_small_file,
)


@dataclass
class Report:
    """The problems found, and whether the input was usable at all."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    # Article files that exist but could not be read: already reported once.
    unreadable: set[str] = field(default_factory=set)
    # The checked documents' languages, in order: the messages follow the first.
    languages: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.level == "warning" for p in self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.line, p.col, p.message))


def _problem(
    loc: SourceLoc | None, message: str, level: str = "error", **args: Any
) -> Problem:
    """A problem from a marked message (`_("… {name} …")`) and its fields' values."""
    english = message.format(**args) if args else message
    kind: Level = "error" if level == "error" else "warning"
    if loc is None:
        return Problem("", 0, 0, kind, english, message, args)
    return Problem(loc.path, loc.line, loc.col, kind, english, message, args)


# --- reading files without stopping at the first bad one ----------------------


@dataclass(slots=True)
class _Parsed:
    path: str
    data: bytes
    root: etree._Element
    # Every `to` of a <ref>, in order, gathered while validating: the check of
    # references then needs no tree (a tree is parsed again only to say where
    # a broken reference is).
    targets: list[str]


def _read(tree: Tree, rel: PurePosixPath, name: str, report: Report) -> _Parsed | None:
    """Read, parse and validate one file; its problems go to the report."""
    path = tree.display(rel)
    report.files += 1
    try:
        data = tree.read_bytes(rel)
    except BylawsError as exc:
        report.problems.append(Problem.from_error(exc))
        return None
    return _parse(data, path, name, report)


def _parse(data: bytes, path: str, name: str, report: Report) -> _Parsed | None:
    """Parse and validate one file's bytes; its problems go to the report."""
    try:
        root = xmlio.parse_bytes(data, path)
        xmlio.expect_root(root, name, path)
    except BylawsError as exc:
        report.problems.append(Problem.from_error(exc))
        return None
    if data.startswith(xmlio.BOM):
        report.problems.append(
            _problem(
                SourceLoc(path, 1, 1),
                _("file starts with a byte-order mark; `bylaws fmt` removes it"),
                "warning",
            )
        )
    targets = validation.values_if_valid(root, "to")
    if targets is None:
        schema = validation.full_schema_problems(root, path, data)
        if schema:
            report.problems.extend(schema)
            return None
        targets = [str(el.get("to")) for el in root.iter(xmlio.Q + "ref")]
    return _Parsed(path, data, root, targets)


@dataclass(slots=True)
class _References:
    """The targets of one file's references, and where to find them if broken."""

    article: str
    path: str
    data: bytes
    targets: list[str]


# An article of the text in force that refers to another, and the address it uses.
Referrer = tuple[str, str]


@dataclass
class _ArticleFiles:
    """A folder's article files: lazily built values, and their references."""

    articles: xmlio.LazyArticles
    with_references: list[_References]


def _load_articles(tree: Tree, folder: PurePosixPath, report: Report) -> _ArticleFiles:
    """Parse and validate every article file; values are built only when used."""
    sources: dict[str, tuple[str, bytes]] = {}
    with_references: list[_References] = []
    base = folder / ARTICLES
    # A workspace is thousands of small files: pathlib objects per file would
    # cost more than the parsing, so a disk is read with plain string paths.
    # A file a plain read cannot get goes through the tree, whose read says
    # precisely what is wrong.
    prefix = tree.display(base) + os.sep if isinstance(tree, DiskTree) else ""
    for name in tree.list_dir(base):
        if not name.endswith(".xml"):
            continue
        path = prefix + name
        data = read_small_file(path) if prefix else None
        if data is None:
            parsed = _read(tree, base.joinpath(name), "article", report)
        else:
            report.files += 1
            parsed = _parse(data, path, "article", report)
        stem = name[: -len(".xml")]
        if parsed is None:
            report.unreadable.add(stem)
            continue
        article_id = parsed.root.get("id", "")
        if article_id != stem or article_id in sources:
            loc = xmlio.source_loc(parsed.root, parsed.path, parsed.data)
            if article_id in sources:
                problem = _problem(
                    loc,
                    _(
                        "duplicate article id {article_id!r}: {other} has it already; give the article in {name!r} an id of its own, the same as its file name"
                    ),
                    article_id=article_id,
                    other=os.path.basename(sources[article_id][0]),
                    name=name,
                )
            else:
                problem = _problem(
                    loc,
                    _(
                        "article id {article_id!r} does not match its file name {name!r}; ids never change, so rename the file to {article_id}.xml"
                    ),
                    article_id=article_id,
                    name=name,
                )
            report.problems.append(problem)
        sources[article_id] = (parsed.path, parsed.data)
        if parsed.targets:
            with_references.append(
                _References(article_id, parsed.path, parsed.data, parsed.targets)
            )
    return _ArticleFiles(xmlio.LazyArticles(sources), with_references)


@dataclass(frozen=True, slots=True)
class _Shape:
    """An article's paragraphs and points, without their text: all a ref needs."""

    paragraphs: tuple[_Shape, ...] = ()
    points: tuple[_Shape, ...] = ()


def _point_shape(el: etree._Element) -> _Shape:
    return _Shape(
        points=tuple(_point_shape(p) for p in el.iterchildren(xmlio.Q + "point"))
    )


def _article_shape(root: etree._Element) -> _Shape:
    paragraphs = root.iterchildren(xmlio.Q + "paragraph")
    return _Shape(paragraphs=tuple(_point_shape(p) for p in paragraphs))


def _shapes(doc: Document) -> Callable[[str], numbering.ArticleShape | None]:
    """Look up an article's shape, from its element tree when it has one."""
    shapes: dict[str, numbering.ArticleShape] = {}

    def shape(article_id: str) -> numbering.ArticleShape | None:
        if article_id in shapes:
            return shapes[article_id]
        if article_id not in doc.articles:
            return None
        articles = doc.articles
        source = (
            articles.source_of(article_id)
            if isinstance(articles, ArticleOverlay)
            else articles
        )
        if isinstance(source, xmlio.LazyArticles) and article_id in source.sources:
            found: numbering.ArticleShape = _article_shape(source.root(article_id))
        else:
            found = source[article_id]
        shapes[article_id] = found
        return found

    return shape


def reference_problems(
    doc: Document, files: Iterable[_References]
) -> Iterator[Problem]:
    """References to nothing in the given article files, resolved against `doc`.

    Works on the `to` values gathered while validating, so no article value
    is built and no tree is walked for the check.
    """
    numbers = numbering.number_outline(doc)
    shape = _shapes(doc)
    for file in files:
        refs: list[etree._Element] | None = None
        for index, to in enumerate(file.targets):
            if to in numbers and not numbers[to].repealed:
                continue  # a whole article in force: nothing more to resolve
            try:
                numbering.resolve_ref_path(doc, Ref(to), numbers, shape)
            except NotFound as exc:
                if refs is None:  # every <ref> has a `to`: the same order
                    root = xmlio.parse_bytes(file.data, file.path)
                    refs = list(root.iter(xmlio.Q + "ref"))
                loc = xmlio.source_loc(refs[index], file.path, file.data, f'to="{to}"')
                yield replace(
                    Problem.from_error(exc), path=loc.path, line=loc.line, col=loc.col
                )


# --- rules on a loaded document ----------------------------------------------


def outline_problems(
    doc: Document, articles_folder: str, unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    """Articles listed twice or not at all, missing files, duplicate ids."""
    entries = list(iter_entries(doc.outline))
    counts = Counter(e.ref for e in entries)
    seen: set[str] = set()
    for entry in entries:
        if counts[entry.ref] > 1 and entry.ref in seen:
            yield _problem(
                entry.loc,
                _("article {ref} is listed twice in the outline"),
                ref=entry.ref,
            )
        seen.add(entry.ref)
        missing = entry.ref not in doc.articles and entry.ref not in unreadable
        if missing and not entry.repealed:
            yield _problem(
                entry.loc,
                _("article {ref} is in the outline but has no file {folder}/{ref}.xml"),
                ref=entry.ref,
                folder=articles_folder,
            )
        if entry.num is not None and doc.numbering == "auto":
            yield _problem(
                entry.loc,
                _(
                    'article {ref} has num={num!r} but the document numbers its articles automatically (numbering="auto"); remove num'
                ),
                "warning",
                ref=entry.ref,
                num=entry.num,
            )
        if entry.repealed and doc.numbering == "auto":
            yield _problem(
                entry.loc,
                _(
                    'article {ref} is marked repealed, which only a numbering="fixed" document keeps; remove it from the outline'
                ),
                "warning",
                ref=entry.ref,
            )
    listed = set(counts)
    for ref in sorted(set(doc.articles) - listed):
        article = doc.articles[ref]
        if ref not in listed:
            yield _problem(
                article.loc,
                _(
                    'article {ref} is not listed in the outline of {document}; add <article ref="{ref}"/> to document.xml or delete the file'
                ),
                ref=ref,
                document=doc.id,
            )
    division_ids = Counter(d.id for d in iter_divisions(doc.outline))
    for division in iter_divisions(doc.outline):
        if division_ids[division.id] > 1:
            yield _problem(
                division.loc, _("duplicate division id {id!r}"), id=division.id
            )
        if division.id in doc.articles:
            yield _problem(
                division.loc,
                _("division id {id!r} is also an article id"),
                id=division.id,
            )
    yield from _fixed_number_problems(doc, entries)


def _fixed_number_problems(
    doc: Document, entries: list[ArticleEntry]
) -> Iterator[Problem]:
    if doc.numbering != "fixed":
        return
    last = 0
    for entry in entries:
        if entry.num is None:
            continue
        if int(entry.num) <= last:
            yield _problem(
                entry.loc,
                _(
                    "article {ref} has number {num} after number {last}; fixed numbers must increase through the outline"
                ),
                ref=entry.ref,
                num=entry.num,
                last=last,
            )
        last = max(last, int(entry.num))


# --- proposals and feedback ----------------------------------------------------


def proposal_problems(
    tree: Tree,
    doc: Document,
    folder: PurePosixPath,
    report: Report,
    referrers: Mapping[str, list[Referrer]] | None = None,
) -> Document | None:
    """Problems of one proposal; returns its proposed document when it applies.

    `referrers` maps an article to the articles of the text in force that refer
    to it: a repeal must not leave one of them pointing at nothing.
    """
    parsed = _read(tree, folder / PROPOSAL_FILE, "proposal", report)
    files = _load_articles(tree, folder, report)
    articles = files.articles
    if parsed is None:
        return None
    proposal = xmlio.proposal_from_xml(parsed.root, articles, parsed.path, parsed.data)
    if proposal.base.document != doc.id:
        report.problems.append(
            _problem(
                proposal.loc,
                _(
                    "proposal {proposal} is based on document {base!r}, but it lies in {document!r}"
                ),
                proposal=proposal.id,
                base=proposal.base.document,
                document=doc.id,
            )
        )
        return None
    stage_ids = [s.id for s in doc.meta.stages]
    if stage_ids and proposal.stage not in stage_ids:
        report.problems.append(
            _problem(
                proposal.loc,
                _(
                    "proposal {proposal} is at stage {stage!r}, which {document} does not define (stages: {stages})"
                ),
                proposal=proposal.id,
                stage=proposal.stage,
                document=doc.id,
                stages=", ".join(stage_ids),
            )
        )
    if not proposal.operations:
        report.problems.append(
            _problem(
                proposal.loc,
                _(
                    "proposal {proposal} has no operations yet; add one with `bylaws propose amend {proposal} ARTICLE` (or insert, repeal, move)"
                ),
                "warning",
                proposal=proposal.id,
            )
        )
    report.problems.extend(review_problems(doc, proposal))
    try:
        proposed = apply_proposal(doc, proposal)
    except BylawsError as exc:
        report.problems.append(Problem.from_error(exc))
        return None
    report.problems.extend(_stale_problems(tree, proposal))
    used = {getattr(op, "article", None) for op in proposal.operations}
    for ref in sorted(set(articles) - used):
        report.problems.append(
            _problem(
                articles[ref].loc,
                _("proposal {proposal} has a text for {ref} but no operation uses it"),
                "warning",
                proposal=proposal.id,
                ref=ref,
            )
        )
    report.problems.extend(_unchanged_amendments(doc, proposal, articles))
    report.problems.extend(_orphaned_references(proposal, proposed, referrers or {}))
    report.problems.extend(reference_problems(proposed, files.with_references))
    return proposed


def _orphaned_references(
    proposal: Proposal, proposed: Document, referrers: Mapping[str, list[Referrer]]
) -> Iterator[Problem]:
    """References in articles left in force that the proposal leaves pointing
    at nothing: to an article it repeals, or to a paragraph or point its new
    text of an article no longer has."""
    repealed = {op.article for op in proposal.operations if isinstance(op, Repeal)}
    numbers = numbering.number_outline(proposed)
    shape = _shapes(proposed)
    for op in proposal.operations:
        if not isinstance(op, Repeal | Amend):
            continue
        told: set[str] = set()
        for referrer, to in referrers.get(op.article, []):
            if referrer in proposal.articles or referrer in repealed:
                continue  # the proposal rewrites or repeals the referring article
            if isinstance(op, Repeal):
                if referrer not in told:  # once per referring article
                    told.add(referrer)
                    yield _problem(
                        op.loc,
                        _(
                            "proposal {proposal} repeals {article}, but {referrer} still refers to it; amend {referrer} in this proposal as well"
                        ),
                        proposal=proposal.id,
                        article=op.article,
                        referrer=referrer,
                    )
                continue
            try:
                numbering.resolve_ref_path(proposed, Ref(to), numbers, shape)
            except NotFound as exc:
                yield _problem(
                    op.loc,
                    _(
                        "proposal {proposal} amends {article}, but the reference to {to!r} in {referrer} would point to nothing ({why}); amend {referrer} in this proposal as well"
                    ),
                    proposal=proposal.id,
                    article=op.article,
                    to=to,
                    referrer=referrer,
                    why=exc.message,
                )


def _unchanged_amendments(
    doc: Document, proposal: Proposal, articles: xmlio.LazyArticles
) -> Iterator[Problem]:
    """Amendments whose text is still the text in force, byte for byte: a
    scaffolded copy nobody edited yet. (Only bytes are compared: telling two
    differently written files apart by their words would parse both.)"""
    base = doc.articles
    if not isinstance(base, xmlio.LazyArticles):
        return
    for op in proposal.operations:
        if not isinstance(op, Amend):
            continue
        mine, theirs = articles.sources.get(op.article), base.sources.get(op.article)
        if mine is not None and theirs is not None and mine[1] == theirs[1]:
            yield _problem(
                op.loc,
                _(
                    "proposal {proposal} amends {article} but its text is the text in force: edit proposals/{proposal}/articles/{article}.xml"
                ),
                "warning",
                proposal=proposal.id,
                article=op.article,
            )


def _stale_problems(tree: Tree, proposal: Proposal) -> Iterator[Problem]:
    """Articles whose text in force changed since the proposal recorded them."""
    from .proposal_files import stale_articles

    for ref in stale_articles(tree, proposal):
        yield _problem(
            proposal.loc,
            _(
                "proposal {proposal} is stale: {ref} changed since it was drafted; run `bylaws rebase` on it"
            ),
            "warning",
            proposal=proposal.id,
            ref=ref,
        )


def feedback_problems(
    tree: Tree,
    doc: Document,
    folder: PurePosixPath,
    report: Report,
    proposed: dict[str, Document | None],
) -> None:
    """Comments anchored to nothing (in the text, or in the proposal they discuss)."""
    names = [n for n in tree.list_dir(folder / FEEDBACK) if n.endswith(".xml")]
    for name in names:
        parsed = _read(tree, folder / FEEDBACK / name, "feedback", report)
        if parsed is None:
            continue
        comments = xmlio.feedback_from_xml(parsed.root, parsed.path, parsed.data)
        report.problems.extend(_comment_problems(doc, comments, proposed))


def _comment_problems(
    doc: Document, comments: list[Comment], proposed: dict[str, Document | None]
) -> Iterator[Problem]:
    for comment in comments:
        target = doc
        if comment.proposal is not None:
            if comment.proposal not in proposed:
                yield _problem(
                    comment.loc,
                    _(
                        "comment {comment} names proposal {proposal}, which does not exist"
                    ),
                    comment=comment.id,
                    proposal=comment.proposal,
                )
                continue
            # A comment on a proposal may anchor to an article the proposal inserts.
            target = proposed[comment.proposal] or doc
        anchor = Ref(comment.on, loc=comment.loc)
        if not (_resolves(target, anchor) or _resolves(doc, anchor)):
            yield _problem(
                comment.loc,
                _("comment {comment} is on {on}, which does not exist"),
                comment=comment.id,
                on=comment.on,
            )


def _resolves(doc: Document, ref: Ref) -> bool:
    try:
        numbering.resolve_ref_path(doc, ref)
    except NotFound:
        return False
    return True


# --- the whole check -----------------------------------------------------------


def check_document(tree: Tree, folder: PurePosixPath, report: Report) -> None:
    """Every rule on one document folder, its proposals and its feedback."""
    report.unreadable = set()
    parsed = _read(tree, folder / DOCUMENT_FILE, "document", report)
    files = _load_articles(tree, folder, report)
    articles = files.articles
    if parsed is None:
        return
    doc = xmlio.document_from_xml(parsed.root, articles, parsed.path, parsed.data)
    report.languages.append(language_of(doc))
    report.problems.extend(
        outline_problems(
            doc, tree.display(folder / ARTICLES), frozenset(report.unreadable)
        )
    )
    report.problems.extend(reference_problems(doc, files.with_references))
    referrers: dict[str, list[Referrer]] = {}
    for file in files.with_references:
        for to in dict.fromkeys(file.targets):
            target = to.partition("/")[0]
            if target != file.article:
                referrers.setdefault(target, []).append((file.article, to))
    proposed = {
        proposal.name: proposal_problems(tree, doc, proposal, report, referrers)
        for proposal in proposal_folders(tree, folder)
    }
    feedback_problems(tree, doc, folder, report, proposed)


def check_paths(paths: Iterable[Path]) -> Report:
    """Check the documents at or above/below the given paths, each once.

    Raises NotFound when a path holds no document at all (unusable input).
    """
    report = Report()
    folders: dict[Path, None] = {}
    for path in paths:
        folders.update(dict.fromkeys(document_folders_for(path)))
    # Thousands of parsed trees stay alive and hold no cycles: the cyclic
    # collector's passes over them would only cost time.
    with paused_collector():
        for folder in folders:
            check_document(DiskTree(folder), PurePosixPath(), report)
    return report
