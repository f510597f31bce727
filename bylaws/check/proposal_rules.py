"""Rules on proposals and feedback."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import PurePosixPath

from .. import numbering, xmlio
from ..errors import BylawsError, NotFound, Problem
from ..locale import _
from ..model import (
    Amend,
    Comment,
    Document,
    Proposal,
    Ref,
    Repeal,
)
from ..overlay import apply_proposal
from ..review import review_problems
from ..workspace import (
    FEEDBACK,
    PROPOSAL_FILE,
    DiskTree,
    Tree,
)
from .files import (
    Referrer,
    Report,
    _load_articles,
    _problem,
    _read,
    _shapes,
    reference_problems,
)
from .place_rules import Misplaced, proposal_place_problems, worded_articles


def proposal_problems(
    tree: Tree,
    doc: Document,
    folder: PurePosixPath,
    report: Report,
    referrers: Mapping[str, list[Referrer]] | None = None,
    worded: Sequence[str] = (),
    misplaced_before: AbstractSet[Misplaced] = frozenset(),
) -> Document | None:
    """Problems of one proposal; returns its proposed document when it applies.

    `referrers` maps an article to the articles of the text in force that refer
    to it: a repeal must not leave one of them pointing at nothing. `worded`
    are the articles of the text in force with references in words of their
    own ("the preceding Section"), `misplaced_before` those words already
    wrong before the proposal.
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
    report.problems.extend(_stale_problems(tree, proposal, doc))
    report.problems.extend(_baseless_problems(proposal))
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
    own = worded_articles(files.with_references)
    report.problems.extend(
        proposal_place_problems(
            proposal,
            proposed,
            list(dict.fromkeys([*worded, *own])),
            misplaced_before,
        )
    )
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
                    why=exc,
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


def _stale_problems(
    tree: Tree, proposal: Proposal, doc: Document | None = None
) -> Iterator[Problem]:
    """Articles whose text in force changed since the proposal recorded them,
    unless the text it was drafted against is known and its changes merge
    with the new text: then `apply` carries it over by itself."""
    if not proposal.base.fingerprints:
        return  # nothing recorded, nothing stale (and no module to load)
    from ..proposal_files import stale_articles

    for ref in stale_articles(tree, proposal):
        if doc is not None and _merges_cleanly(tree, doc, proposal, ref):
            continue
        yield _problem(
            proposal.loc,
            _(
                "proposal {proposal} is stale: {ref} changed since it was drafted; run `bylaws rebase` on it"
            ),
            "warning",
            proposal=proposal.id,
            ref=ref,
        )


def _merges_cleanly(tree: Tree, doc: Document, proposal: Proposal, ref: str) -> bool:
    """Whether a stale amendment of `ref` merges three ways with the text in
    force (its base found on disk, in the archive or in git)."""
    from ..bases import base_article
    from ..proposals.merge import MergeConflict, merge_articles

    if not isinstance(tree, DiskTree) or ref not in doc.articles:
        return False
    if ref not in proposal.articles:
        return False
    try:
        base = base_article(tree.root, doc, proposal, ref)
        merge_articles(base, doc.articles[ref], proposal.articles[ref])
    except (BylawsError, MergeConflict):
        return False
    return True


def _baseless_problems(proposal: Proposal) -> Iterator[Problem]:
    """Amendments with no recorded base: applied later, they could undo what
    was adopted in between, so `apply` refuses them."""
    from ..bases import records_no_base

    missing = records_no_base(proposal)
    if missing:
        yield _problem(
            proposal.loc,
            _(
                "proposal {proposal} records no base for {articles} (neither a commit nor a fingerprint), so it cannot be applied; record the text it was drafted against with `bylaws rebase {proposal} --base REV`"
            ),
            "warning",
            proposal=proposal.id,
            articles=", ".join(missing),
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
