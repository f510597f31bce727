"""Words that name a reference's target by its place, checked against the outline.

"the preceding Section" keeps its target when a Section is inserted before
it, but then reads wrong: the words no longer describe where the target is.
`check` says so for the text in force, and for each proposal whose changes
would make such words wrong (`bylaws.numbering.places`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

from ..errors import Problem
from ..locale import _
from ..model import Document, Proposal, Ref
from ..numbering.places import misplaced_words
from .files import _problem, _References

# A misplaced reference: the article it stands in, its target, and its words.
Misplaced = tuple[str, str, str]


def worded_articles(files: Iterable[_References]) -> list[str]:
    """The articles among `files` with a reference in words of its own: only
    these are turned into values and looked at."""
    return [file.article for file in files if file.worded]


def _key(here: str, ref: Ref) -> Misplaced:
    return here, ref.to, ref.words or ""


# What the words of one reference name now: its article, the reference, and
# the article or division at the place the words say (None: nothing there).
Finding = tuple[str, Ref, str | None]


def misplaced(findings: Iterable[Finding]) -> set[Misplaced]:
    """The references found misplaced, as keys a proposal's findings compare to."""
    return {_key(here, ref) for here, ref, _now in findings}


def place_problems(doc: Document, findings: Iterable[Finding]) -> Iterator[Problem]:
    """A warning at each reference of the text in force whose place words are
    wrong (`misplaced_words`): the reader would look in the wrong place."""
    for here, ref, now in findings:
        loc = ref.loc or doc.articles[here].loc
        if now is None:
            yield _problem(
                loc,
                _(
                    "{words!r} no longer names {target} by its place: nothing is there now; write other words, or cite {target} by its number"
                ),
                "warning",
                words=ref.words,
                target=ref.to,
            )
        else:
            yield _problem(
                loc,
                _(
                    "{words!r} no longer names {target} by its place: {now} is there now; write other words, or cite {target} by its number"
                ),
                "warning",
                words=ref.words,
                target=ref.to,
                now=now,
            )


def proposal_place_problems(
    proposal: Proposal,
    proposed: Document,
    articles: list[str],
    already: AbstractSet[Misplaced],
) -> Iterator[Problem]:
    """A warning on a proposal for each reference its changes would leave with
    words that name another place (`already` wrong before it: not its doing)."""
    kept = [here for here in articles if here in proposed.articles]
    for here, ref, now in misplaced_words(proposed, kept):
        if _key(here, ref) in already:
            continue
        yield _problem(
            proposal.loc,
            _(
                "after proposal {proposal}, {words!r} in {article} would no longer name {target} by its place ({now} would be there); change those words in the proposal, or cite {target} by its number"
            ),
            "warning",
            proposal=proposal.id,
            words=ref.words,
            article=here,
            target=ref.to,
            now=now or "—",
        )
