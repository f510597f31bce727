"""The amendment cycle's commands: rule, apply, adopt (feedback is in `commenting`).

Each writing command takes the workspace lock before it reads, and writes
through `bylaws.atomic`, so a second command waits, and an interrupted one
leaves the workspace as it was.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any, get_args

import click

from ..errors import InvalidOperation, UnusableInput
from ..locale import _, cli_language, note_language, say
from ..locale.words import verdict_word
from ..model import Proposal, Ruling, Verdict
from ..workspace import (
    DOCUMENT_FILE,
    PROPOSAL_FILE,
    DiskTree,
    find_document_folder,
    load_document,
    load_proposals,
)
from .locking import hold_workspace_lock
from .proposing import _proposal_path, _read_proposal, doc_option

_ROOT = PurePosixPath()
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VOTES = re.compile(r"(\d+)/(\d+)/(\d+)")


def _today() -> str:
    return datetime.date.today().isoformat()


def _date(value: str | None) -> str:
    if value is None:
        return _today()
    try:
        if _DATE.fullmatch(value):
            datetime.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise UnusableInput(
        _("{value!r} is not a date: write it as YYYY-MM-DD"), value=value
    )


def _votes(value: str | None) -> tuple[int, int, int] | None:
    if value is None:
        return None
    match = _VOTES.fullmatch(value.strip())
    if match is None:
        raise UnusableInput(
            _("{value!r} are not votes: write FOR/AGAINST/ABSTAIN, e.g. 41/3/2"),
            value=value,
        )
    cast_for, against, abstain = (int(n) for n in match.groups())
    return cast_for, against, abstain


date_option = click.option(
    "--date", "date", default=None, help="YYYY-MM-DD (default: today)."
)


# --- rule ---------------------------------------------------------------------------


@click.command("rule")
@click.argument("proposal")
@click.option(
    "--recommend",
    "recommend",
    default=None,
    metavar="VERDICT",
    help="A recommendation.",
)
@click.option("--decide", "decide", default=None, metavar="VERDICT", help="A decision.")
@click.option("--stage", default=None, help="The stage ruling (default: the current).")
@click.option("--body", default=None, help="The body's name (default: the stage's).")
@click.option("--reason", default=None, help="Why, as the body said it.")
@click.option("--votes", default=None, metavar="F/A/Ab", help="e.g. 41/3/2.")
@date_option
@click.option("--modified", default=None, help="adopt-modified: the text adopted.")
@click.option("--by", "by", default=None, help="superseded: the proposal replacing it.")
@click.option(
    "--to",
    "back_to",
    default=None,
    help="refer-back: the stage it goes back to (default: the first).",
)
@doc_option
def rule_command(
    proposal: str,
    recommend: str | None,
    decide: str | None,
    stage: str | None,
    body: str | None,
    reason: str | None,
    votes: str | None,
    date: str | None,
    modified: str | None,
    by: str | None,
    back_to: str | None,
    doc_path: Path | None,
) -> None:
    """Record a body's recommendation or decision on PROPOSAL.

    VERDICT is one of adopt, adopt-modified (with --modified P), reject,
    refer-back, withdrawn, superseded (with --by P). The proposal's stage
    moves as the review rules say; a ruling that `bylaws check` would refuse
    is refused with the same message, and nothing is written.
    """
    from ..proposal_files import write_proposal
    from ..review import RulingKind, record, stages

    doc_folder, folder = _proposal_path(proposal, doc_path)
    hold_workspace_lock(doc_folder)
    doc = load_document(DiskTree(doc_folder))
    # The usage errors below are said in the document's language.
    note_language(doc)
    if (recommend is None) == (decide is None):
        raise UnusableInput(
            _("give exactly one of --recommend VERDICT, --decide VERDICT")
        )
    given = recommend or decide or ""
    verdicts: tuple[Verdict, ...] = get_args(Verdict)
    if given not in verdicts:
        raise UnusableInput(
            _("unknown verdict {verdict!r}; one of: {verdicts}"),
            verdict=given,
            verdicts=", ".join(verdicts),
        )
    verdict: Verdict = given
    if modified and by:
        raise UnusableInput(_("give --modified or --by, not both"))
    current = _read_proposal(folder)
    at = stage or current.stage
    labels = {s.id: s.label for s in stages(doc)}
    ruling = Ruling(
        verdict=verdict,
        date=_date(date),
        modified=modified,
        by=by,
        note=reason,
        votes=_votes(votes),
    )
    kind: RulingKind = "recommendation" if recommend else "decision"
    updated = record(
        doc, current, at, body or labels.get(at, at), kind, ruling, back_to
    )
    write_proposal(updated, folder)
    message = (
        _(
            "recorded the recommendation {verdict} of {body} on {proposal}; its stage is now {stage}"
        )
        if kind == "recommendation"
        else _(
            "recorded the decision {verdict} of {body} on {proposal}; its stage is now {stage}"
        )
    )
    click.echo(
        say(
            message,
            doc,
            verdict=verdict_word(verdict, cli_language(doc)),
            body=updated.reviews[-1].body,
            proposal=updated.id,
            # the stage as the document names it, its id beside it for commands
            stage=f"{labels.get(updated.stage, updated.stage)} ({updated.stage})",
        )
    )


# --- apply -------------------------------------------------------------------------


def _chosen(
    doc_folder: Path, names: tuple[str, ...], preview: bool
) -> tuple[Any, list[Proposal]]:
    from ..adoption import finally_adopted, texts_to_apply

    tree = DiskTree(doc_folder)
    doc = load_document(tree)
    note_language(doc)
    everything = load_proposals(tree, _ROOT)
    adopted = finally_adopted(doc, everything)
    if not names:
        if not adopted:
            raise InvalidOperation(
                _(
                    "no proposal is finally adopted; name the proposals to try with --preview"
                ),
                str(doc_folder),
            )
        return doc, texts_to_apply(doc, adopted, everything)
    chosen: list[Proposal] = []
    adopted_ids = {p.id for p in adopted}
    for name in names:
        _doc, folder = _proposal_path(name, doc_folder)
        proposal = _read_proposal(folder)
        if proposal.id not in adopted_ids and not preview:
            raise InvalidOperation(
                _(
                    "proposal {proposal} is not finally adopted (it is at {stage}); add --preview to see it applied (never into the text in force)"
                ),
                str(folder / PROPOSAL_FILE),
                proposal=proposal.id,
                stage=proposal.stage,
            )
        chosen.append(proposal)
    return doc, chosen


def default_target_for(doc_folder: Path) -> Path:
    """build/<document>-consolidated beside drafts/: a folder no command takes
    for a document of the workspace, so `bylaws show` still finds one."""
    parent = doc_folder.absolute().parent
    top = parent.parent if parent.name == "drafts" else parent
    return top / "build" / f"{doc_folder.name}-consolidated"


@click.command("apply")
@click.argument("proposals", nargs=-1)
@doc_option
@click.option(
    "--into",
    "into",
    type=click.Path(path_type=Path),
    default=None,
    help="A new or empty folder for the consolidated document "
    "(default: build/<document>-consolidated/ beside drafts/).",
)
@click.option(
    "--replace",
    "replace_existing",
    is_flag=True,
    help="--into names a document folder (not the text in force) to replace.",
)
@click.option(
    "--preview",
    is_flag=True,
    help="Also apply proposals that are not finally adopted.",
)
def apply_command(
    proposals: tuple[str, ...],
    doc_path: Path | None,
    into: Path | None,
    replace_existing: bool,
    preview: bool,
) -> None:
    """Consolidate the finally adopted proposals (or PROPOSALS, in order) into a copy.

    Each amendment is merged word by word, three ways, against the text it
    was drafted against, so nothing adopted since is undone. If two changes
    touch the same words, nothing is written and every clash is listed. The
    text in force is never written: `bylaws adopt` puts adopted proposals
    into force.
    """
    from ..adoption import consolidate_on_disk
    from ..atomic import check_target
    from ..proposal_files import write_document

    # Proposals given as folders name their document: the folder here may
    # hold several (drafts/ with two documents).
    if proposals:
        doc_folder, _first = _proposal_path(proposals[0], doc_path)
    else:
        doc_folder = find_document_folder(doc_path)
    target = into if into is not None else default_target_for(doc_folder)
    if target.absolute().resolve() == doc_folder.absolute().resolve():
        raise UnusableInput(
            _(
                "this is the text in force: `bylaws apply` never writes it; put adopted proposals into force with `bylaws adopt`"
            ),
            str(target),
        )
    default_target = into is None
    if (
        (target / DOCUMENT_FILE).is_file()
        and not target.is_symlink()
        and not (replace_existing or default_target)
    ):
        raise UnusableInput(
            _(
                "is a document folder; add --replace to replace its text (its document.xml and article files; nothing else in it is touched)"
            ),
            str(target),
        )
    check_target(
        target, DOCUMENT_FILE if (replace_existing or default_target) else None
    )
    hold_workspace_lock(doc_folder)
    doc, chosen = _chosen(doc_folder, proposals, preview)
    result = consolidate_on_disk(doc_folder, doc, chosen)
    write_document(result, target)
    shown = os.path.relpath(target / DOCUMENT_FILE)
    if shown.startswith(".."):
        shown = str(target / DOCUMENT_FILE)
    click.echo(
        say(
            _("wrote {path} ({count} proposal(s) applied)"),
            doc,
            path=shown,
            count=len(chosen),
        )
    )


# --- adopt -------------------------------------------------------------------------


@click.command("adopt")
@doc_option
@click.option(
    "--version",
    "label",
    default=None,
    help="The new version's label, also its archive folder (default: the date).",
)
@date_option
def adopt_command(doc_path: Path | None, label: str | None, date: str | None) -> None:
    """Put every finally adopted proposal into force, in one step.

    The text in force is replaced by the consolidated text; the adopted
    proposals, the comments on them and the instrument go to
    archive/<version>/; the document takes the new version and date. On a
    collision nothing is written. Open proposals stay; those whose articles
    moved are listed as stale.
    """
    from ..adoption import adopt

    doc_folder = find_document_folder(doc_path)
    hold_workspace_lock(doc_folder)
    done = adopt(doc_folder, label, _date(date) if date else None, _today())
    archive = doc_folder / "archive" / done.version.label
    doc = done.document
    click.echo(
        say(
            _("adopted {proposals} as version {version} ({date})"),
            doc,
            proposals=", ".join(done.archived),
            version=done.version.label,
            date=done.version.date,
        )
    )
    click.echo(
        say(
            _("wrote {document} and {archive}/"),
            doc,
            document=doc_folder / DOCUMENT_FILE,
            archive=archive,
        )
    )
    click.echo(
        say(
            _("archived {count} comment(s) with them"),
            doc,
            count=done.comments_archived,
        )
    )
    for proposal, articles in sorted(done.stale.items()):
        click.echo(
            say(
                _(
                    "stale: {proposal} amends {articles}, which changed; `bylaws apply` merges it, `bylaws rebase {proposal}` carries it over"
                ),
                doc,
                proposal=proposal,
                articles=", ".join(articles),
            )
        )
