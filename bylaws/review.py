"""Review is data: stages, recommendations, decisions, and the transitions between.

A proposal goes through the document's stages in order (by default drafting
committee → central leadership → central committee → conference). At each
stage a body may recommend and decide. An adopting verdict (or, when the body
only recommends, an adopting recommendation) lets the proposal go on to the
next stage; a refer-back decision sends it back to any earlier stage; reject,
withdrawn and superseded close it, and so does adoption at the last stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from .errors import BylawsError, InvalidOperation, NotFound, Problem, Term
from .locale import _, _p, language_of, tr
from .locale.words import DEFAULT_STAGES, OUTCOMES, VERDICTS
from .model import (
    Document,
    Proposal,
    Review,
    Ruling,
    SourceLoc,
    Stage,
    Verdict,
    iter_divisions,
)
from .numbering import division_label_in, label_for, number_divisions
from .overlay import apply_proposal, touched_articles
from .values import Value, value_class

ADOPTING: frozenset[Verdict] = frozenset({"adopt", "adopt-modified"})
CLOSING: frozenset[Verdict] = frozenset({"reject", "withdrawn", "superseded"})

Outcome = Literal["open", "adopted", "closed"]


def stages(doc: Document) -> tuple[Stage, ...]:
    """The document's review stages, or the default four in its language."""
    if doc.meta.stages:
        return doc.meta.stages
    return default_stages(language_of(doc))


def default_stages(lang: str) -> tuple[Stage, ...]:
    """The four stages a document has when it declares none, named in `lang`."""
    return tuple(Stage(id, tr(name, lang)) for id, name in DEFAULT_STAGES)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class ReviewState(Value):
    """Where a proposal stands after its reviews.

    `stage` is the stage it is now before; `outcome` is "adopted" once the
    last stage adopted it, "closed" once a body rejected it (or it was
    withdrawn or superseded), else "open". `last` is the verdict that decided.
    """

    stage: str
    outcome: Outcome
    last: Ruling | None
    may_advance: bool
    referred_back: bool


def _fail(message: str, loc: SourceLoc | None, **args: Any) -> InvalidOperation:
    return InvalidOperation(
        message,
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
        **args,
    )


def _effective(review: Review) -> Ruling | None:
    return review.decision or review.recommendation


def _check_ruling(ruling: Ruling | None, what: str, loc: SourceLoc | None) -> None:
    if ruling is None:
        return
    if ruling.verdict == "adopt-modified" and not ruling.modified:
        raise _fail(
            _(
                'the {what} "adopt-modified" needs modified="PROPOSAL-ID" naming the text adopted instead'
            ),
            loc,
            what=what,
        )
    if ruling.verdict == "superseded" and not ruling.by:
        raise _fail(
            _(
                'the {what} "superseded" needs by="PROPOSAL-ID" naming the proposal that replaces it'
            ),
            loc,
            what=what,
        )


def _check_rulings(review: Review, last_date: str) -> str:
    """Check a review's rulings, each dated no earlier than the one before.

    Returns:
        The date of the review's last ruling, or `last_date` if it has none.
    """
    for ruling, what in (
        (review.recommendation, "recommendation"),
        (review.decision, "decision"),
    ):
        _check_ruling(ruling, what, review.loc)
        if ruling is None:
            continue
        if last_date and ruling.date < last_date:
            raise _fail(
                _(
                    "the {what} at {stage} is dated {date}, before the previous ruling ({previous})"
                ),
                review.loc,
                what=what,
                stage=review.stage,
                date=ruling.date,
                previous=last_date,
            )
        last_date = ruling.date
    return last_date


def _outcome_after(decision: Ruling | None, at_last_stage: bool) -> str:
    """Where a decision leaves the proposal: closed, adopted, or still open."""
    if decision is not None and decision.verdict in CLOSING:
        return "closed"
    if decision is not None and decision.verdict in ADOPTING and at_last_stage:
        return "adopted"
    return "open"


def review_state(doc: Document, proposal: Proposal) -> ReviewState:
    """Replay a proposal's reviews through the stages.

    Raises:
        InvalidOperation: a review at an unknown stage, one that skips a stage,
            decides at a stage that is not the current one, goes backwards
            without a refer-back, or comes after the proposal was closed; or a
            `stage=` attribute that does not match the reviews. The message
            names the file and line of the review.
    """
    order = [s.id for s in stages(doc)]
    labels = {s.id: s.label for s in stages(doc)}
    current, may_advance, referred, outcome = 0, False, False, "open"
    last: Ruling | None = None
    last_date = ""
    for review in proposal.reviews:
        if review.stage not in order:
            raise _fail(
                _("unknown stage '{stage}'; the stages are: {stages}"),
                review.loc,
                stage=review.stage,
                stages=", ".join(order),
            )
        if outcome != "open":
            raise _fail(
                _(
                    "the proposal was already {outcome} ({verdict}); no review can follow at {stage}"
                ),
                review.loc,
                outcome=Term(OUTCOMES[outcome]),
                verdict=Term(VERDICTS[last.verdict]) if last else "",
                stage=review.stage,
            )
        index = order.index(review.stage)
        if index > current + 1 or (index == current + 1 and not may_advance):
            skipped = order[current + 1] if index > current + 1 else order[current]
            raise _fail(
                _(
                    "the review at {stage} skips a stage: the proposal is at {current} ({label}) and must go through {skipped} first"
                ),
                review.loc,
                stage=review.stage,
                current=order[current],
                label=labels[order[current]],
                skipped=skipped,
            )
        if index < current and not referred:
            raise _fail(
                _(
                    "the review at {stage} goes back from {current} without a refer-back decision"
                ),
                review.loc,
                stage=review.stage,
                current=order[current],
            )
        last_date = _check_rulings(review, last_date)
        current = index
        effective = _effective(review)
        decision = review.decision
        referred = decision is not None and decision.verdict == "refer-back"
        may_advance = effective is not None and effective.verdict in ADOPTING
        if effective is not None:
            last = effective
        outcome = _outcome_after(decision, at_last_stage=index == len(order) - 1)
    return ReviewState(order[current], outcome, last, may_advance, referred)  # type: ignore[arg-type]


def check_stage(doc: Document, proposal: Proposal) -> ReviewState:
    """Validate the reviews and the proposal's `stage=` against them."""
    state = review_state(doc, proposal)
    order = [s.id for s in stages(doc)]
    if proposal.stage not in order:
        raise _fail(
            _("unknown stage '{stage}'; the stages are: {stages}"),
            proposal.loc,
            stage=proposal.stage,
            stages=", ".join(order),
        )
    here, there = order.index(state.stage), order.index(proposal.stage)
    allowed = there == here or (
        there == here + 1 and state.may_advance and state.outcome == "open"
    )
    if state.referred_back:
        allowed = allowed or there < here
    if not allowed:
        raise _fail(
            _(
                'stage="{stage}" does not follow from the reviews: the proposal was last reviewed at {last} and may go on to the next stage'
            )
            if state.may_advance
            else _(
                'stage="{stage}" does not follow from the reviews: the proposal was last reviewed at {last}'
            ),
            proposal.loc,
            stage=proposal.stage,
            last=state.stage,
        )
    return replace(state, stage=proposal.stage)


def review_problems(doc: Document, proposal: Proposal) -> list[Problem]:
    """The review errors of one proposal as `check` problems."""
    try:
        check_stage(doc, proposal)
    except InvalidOperation as exc:
        return [Problem.from_error(exc)]
    return []


RulingKind = Literal["recommendation", "decision"]


def record(
    doc: Document,
    proposal: Proposal,
    stage: str,
    body: str,
    kind: RulingKind,
    ruling: Ruling,
    back_to: str | None = None,
) -> Proposal:
    """The proposal with one more recommendation or decision, after checking it.

    A ruling at the stage of the last review joins that review; otherwise a
    new review starts. A decision that adopts (at the first stage, whose body
    only recommends, a recommendation that adopts) moves `stage=` on;
    a refer-back decision moves it back to `back_to` (default: the first stage).

    Raises:
        InvalidOperation: the ruling breaks a review rule; the message is the
            one `bylaws check` would give for it.
    """
    reviews = list(proposal.reviews)
    if reviews and reviews[-1].stage == stage and getattr(reviews[-1], kind) is None:
        last = reviews[-1]
        reviews[-1] = (
            replace(last, recommendation=ruling)
            if kind == "recommendation"
            else replace(last, decision=ruling)
        )
    elif kind == "recommendation":
        reviews.append(Review(stage, body, recommendation=ruling, loc=proposal.loc))
    else:
        reviews.append(Review(stage, body, decision=ruling, loc=proposal.loc))
    updated = replace(proposal, reviews=tuple(reviews))
    state = review_state(doc, updated)
    order = [s.id for s in stages(doc)]
    next_stage = state.stage
    # The first stage's body (the drafting committee) only recommends: its
    # adopting recommendation sends the proposal on.
    sends_on = kind == "decision" or order.index(state.stage) == 0
    if state.may_advance and sends_on and state.outcome == "open":
        next_stage = order[min(order.index(state.stage) + 1, len(order) - 1)]
    if state.referred_back:
        next_stage = back_to or order[0]
    moved = replace(updated, stage=next_stage)
    check_stage(doc, moved)
    return moved


# --- the tables ---------------------------------------------------------------


@value_class(frozen=True, slots=True, eq=False, repr=False)
class DispositionRow(Value):
    """One line of the table a conference votes from.

    `articles` are labels in the text in force («المادة الثانية عشرة»), or the
    id of an article the proposal adds; a ruling comes with its stage's label.
    """

    proposal: str
    title: str
    proposer: str
    articles: tuple[str, ...]
    stage: str
    recommendation: Ruling | None
    recommended_at: str
    decision: Ruling | None
    decided_at: str
    outcome: str


def _latest(
    proposal: Proposal, kind: RulingKind
) -> tuple[Review | None, Ruling | None]:
    for review in reversed(proposal.reviews):
        ruling: Ruling | None = getattr(review, kind)
        if ruling is not None:
            return review, ruling
    return None, None


def article_labels(doc: Document, proposal: Proposal) -> tuple[str, ...]:
    """What a proposal touches, as readers name it: articles by their number in
    the text in force, new ones by their number in the proposal, divisions by
    their designation."""
    new = tr(_p("article", "new"), language_of(doc))
    divisions = {d.id: d for d in iter_divisions(doc.outline)}
    division_numbers = number_divisions(doc)
    proposed: Document | None = None
    out: list[str] = []
    for ref in touched_articles(proposal):
        if ref in divisions:
            division = divisions[ref]
            out.append(division_label_in(doc, division.kind, division_numbers[ref]))
            continue
        try:
            out.append(label_for(doc, ref))
            continue
        except NotFound:
            pass
        try:
            proposed = proposed or apply_proposal(doc, proposal)
            out.append(f"{label_for(proposed, ref)} ({new})")
        except BylawsError:
            out.append(ref)
    return tuple(out)


def disposition_rows(doc: Document, proposals: list[Proposal]) -> list[DispositionRow]:
    """The disposition table: one row per proposal, in stage order then by id."""
    labels = {s.id: s.label for s in stages(doc)}
    order = [s.id for s in stages(doc)]
    rows: list[DispositionRow] = []
    for proposal in sorted(
        proposals,
        key=lambda p: (order.index(p.stage) if p.stage in order else len(order), p.id),
    ):
        state = check_stage(doc, proposal)
        rec_review, rec = _latest(proposal, "recommendation")
        dec_review, dec = _latest(proposal, "decision")
        rows.append(
            DispositionRow(
                proposal=proposal.id,
                title=proposal.title,
                proposer=proposal.proposer,
                articles=article_labels(doc, proposal),
                stage=labels.get(proposal.stage, proposal.stage),
                recommendation=rec,
                recommended_at=labels.get(rec_review.stage, rec_review.stage)
                if rec_review
                else "",
                decision=dec,
                decided_at=labels.get(dec_review.stage, dec_review.stage)
                if dec_review
                else "",
                outcome=state.outcome,
            )
        )
    return rows


def by_stage(
    doc: Document, proposals: list[Proposal]
) -> list[tuple[Stage, list[tuple[Proposal, ReviewState]]]]:
    """Proposals grouped under each stage, in the order of the stages."""
    groups: list[tuple[Stage, list[tuple[Proposal, ReviewState]]]] = []
    for stage in stages(doc):
        members = [
            (p, check_stage(doc, p))
            for p in sorted(proposals, key=lambda p: p.id)
            if p.stage == stage.id
        ]
        groups.append((stage, members))
    return groups
