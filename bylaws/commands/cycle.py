"""The amendment cycle's commands: rule, feedback (list and add), apply, adopt.

Each writing command takes the workspace lock before it reads, and writes
through `bylaws.atomic`, so a second command waits, and an interrupted one
leaves the workspace as it was.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any

import click

from ..errors import InvalidOperation, UnusableInput
from ..model import VERDICTS, Comment, P, Proposal, Ruling, Text, Verdict
from ..workspace import (
    DOCUMENT_FILE,
    PROPOSAL_FILE,
    DiskTree,
    find_document_folder,
    load_document,
    load_feedback,
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
    raise UnusableInput(f"{value!r} is not a date: write it as YYYY-MM-DD")


def _votes(value: str | None) -> tuple[int, int, int] | None:
    if value is None:
        return None
    match = _VOTES.fullmatch(value.strip())
    if match is None:
        raise UnusableInput(
            f"{value!r} are not votes: write FOR/AGAINST/ABSTAIN, e.g. 41/3/2"
        )
    cast_for, against, abstain = (int(n) for n in match.groups())
    return cast_for, against, abstain


date_option = click.option(
    "--date", "date", default=None, help="YYYY-MM-DD (default: today)."
)


# --- rule ---------------------------------------------------------------------------


@click.command("rule")
@click.argument("proposal")
@click.option("--recommend", "recommend", default=None, metavar="VERDICT")
@click.option("--decide", "decide", default=None, metavar="VERDICT")
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
    from ..proposals import write_proposal
    from ..review import RulingKind, record, stages

    if (recommend is None) == (decide is None):
        raise UnusableInput("give exactly one of --recommend VERDICT, --decide VERDICT")
    given = recommend or decide or ""
    if given not in VERDICTS:
        raise UnusableInput(f"unknown verdict {given!r}; one of: {', '.join(VERDICTS)}")
    verdict: Verdict = given
    if modified and by:
        raise UnusableInput("give --modified or --by, not both")
    doc_folder, folder = _proposal_path(proposal, doc_path)
    hold_workspace_lock(doc_folder)
    doc = load_document(DiskTree(doc_folder))
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
    click.echo(
        f"recorded the {kind} {verdict} of {updated.reviews[-1].body} on "
        f"{updated.id}; its stage is now {updated.stage}"
    )


# --- feedback ----------------------------------------------------------------------


class _ListByDefault(click.Group):
    """`bylaws feedback [DOC]` lists; `bylaws feedback add …` is a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (not args or args[0] not in self.commands) and args[:1] not in (
            ["-h"],
            ["--help"],
        ):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group("feedback", cls=_ListByDefault)
def feedback_command() -> None:
    """Comments from reviewers and branches: list them (the default), or add one."""


@feedback_command.command("list")
@click.argument("doc", required=False, type=click.Path(path_type=Path))
@click.option("--article", default=None, help="Only this article (id or number).")
@click.option("--proposal", "proposal_id", default=None, help="Only this proposal's.")
@click.option(
    "--version", "version", default=None, help="The comments archived with a version."
)
def feedback_list(
    doc: Path | None,
    article: str | None,
    proposal_id: str | None,
    version: str | None,
) -> None:
    """Comments per article, with current numbers (the default of `feedback`)."""
    from ..archive import ARCHIVE, archived_feedback
    from ..errors import BylawsError, NotFound
    from ..feedback import feedback_by_article
    from ..overlay import apply_proposal
    from ..proposals.views import feedback_text
    from ..scaffold import resolve_article

    folder = find_document_folder(doc)
    tree = DiskTree(folder)
    document = load_document(tree)
    proposals = load_proposals(tree, _ROOT)
    if version is not None:
        if not tree.is_dir(PurePosixPath(ARCHIVE) / version):
            raise NotFound(f"no archived version {version!r}", str(folder / ARCHIVE))
        comments = archived_feedback(tree, version)
    else:
        comments = load_feedback(tree, _ROOT)
    if proposal_id is not None:
        comments = [c for c in comments if c.proposal == proposal_id]
    proposed = {}
    for p in proposals:
        try:
            proposed[p.id] = apply_proposal(document, p)
        except BylawsError:
            continue  # `check` says why; its comments show as they can
    wanted = None
    if article:
        try:
            wanted = resolve_article(document, article)
        except BylawsError:
            if not any(article in d.articles for d in proposed.values()):
                raise
            wanted = article  # an article a proposal inserts
    groups = feedback_by_article(document, comments, wanted, proposed)
    click.echo(feedback_text(document, groups), nl=False)


@feedback_command.command("add")
@click.option("--on", "on", required=True, help="ART[/para-N[/point-N]].")
@click.option("--proposal", "proposal_id", default=None, help="The proposal discussed.")
@click.option("--author", required=True, help="Who wrote the comment.")
@click.option("--from", "body", required=True, help="The body it comes from.")
@date_option
@doc_option
@click.argument("text", nargs=-1, required=True)
def feedback_add(
    on: str,
    proposal_id: str | None,
    author: str,
    body: str,
    date: str | None,
    doc_path: Path | None,
    text: tuple[str, ...],
) -> None:
    """Add a comment on an article (or a paragraph) to the body's feedback file.

    TEXT is the comment; blank lines separate paragraphs. A comment on an
    article that a proposal inserts names that proposal (found by itself when
    only one proposal inserts it).
    """
    from ..feedback_store import add_comments, check_anchor
    from ..overlay import apply_proposal

    doc_folder = find_document_folder(doc_path)
    hold_workspace_lock(doc_folder)
    tree = DiskTree(doc_folder)
    doc = load_document(tree)
    proposals = {p.id: p for p in load_proposals(tree, _ROOT)}
    ref = on.split("/")[0]
    if proposal_id is None and ref not in doc.articles:
        inserting = [
            p
            for p in proposals.values()
            if ref in p.articles and ref not in doc.articles
        ]
        if len(inserting) == 1:
            proposal_id = inserting[0].id
    proposed = None
    if proposal_id is not None:
        if proposal_id not in proposals:
            raise InvalidOperation(
                f"no proposal {proposal_id!r} in {doc_folder}", str(doc_folder)
            )
        proposed = apply_proposal(doc, proposals[proposal_id])
    paragraphs = [
        " ".join(block.split())
        for block in re.split(r"\n\s*\n", " ".join(text) if len(text) > 1 else text[0])
        if block.strip()
    ]
    comment = Comment(
        id="",
        on=on,
        author=author,
        body=body,
        date=_date(date),
        proposal=proposal_id,
        text=tuple(P((Text(p),)) for p in paragraphs),
    )
    check_anchor(doc, proposed, comment)
    [(written, path)] = add_comments(doc_folder, [comment])
    click.echo(f"added comment {written.id} to {path}")


# --- apply -------------------------------------------------------------------------


def _chosen(
    doc_folder: Path, names: tuple[str, ...], preview: bool
) -> tuple[Any, list[Proposal]]:
    from ..adoption import finally_adopted, texts_to_apply

    tree = DiskTree(doc_folder)
    doc = load_document(tree)
    everything = load_proposals(tree, _ROOT)
    adopted = finally_adopted(doc, everything)
    if not names:
        if not adopted:
            raise InvalidOperation(
                "no proposal is finally adopted; name the proposals to try with "
                "--preview",
                str(doc_folder),
            )
        return doc, texts_to_apply(doc, adopted, everything)
    chosen: list[Proposal] = []
    adopted_ids = {p.id for p in adopted}
    for name in names:
        _, folder = _proposal_path(name, doc_folder)
        proposal = _read_proposal(folder)
        if proposal.id not in adopted_ids and not preview:
            raise InvalidOperation(
                f"proposal {proposal.id} is not finally adopted (it is at "
                f"{proposal.stage}); add --preview to see it applied (never into "
                "the text in force)",
                str(folder / PROPOSAL_FILE),
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
    from ..proposals import write_document

    doc_folder = find_document_folder(doc_path)
    if proposals:
        doc_folder, _ = _proposal_path(proposals[0], doc_path)
    target = into if into is not None else default_target_for(doc_folder)
    if target.absolute().resolve() == doc_folder.absolute().resolve():
        raise UnusableInput(
            "this is the text in force: `bylaws apply` never writes it; put adopted "
            "proposals into force with `bylaws adopt`",
            str(target),
        )
    default_target = into is None
    if (
        (target / DOCUMENT_FILE).is_file()
        and not target.is_symlink()
        and not (replace_existing or default_target)
    ):
        raise UnusableInput(
            "is a document folder; add --replace to replace its text (its "
            "document.xml and article files; nothing else in it is touched)",
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
    click.echo(f"wrote {shown} ({len(chosen)} proposal(s) applied)")


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
    click.echo(
        f"adopted {', '.join(done.archived)} as version {done.version.label} "
        f"({done.version.date})"
    )
    click.echo(f"wrote {doc_folder / DOCUMENT_FILE} and {archive}/")
    click.echo(f"archived {done.comments_archived} comment(s) with them")
    for proposal, articles in sorted(done.stale.items()):
        click.echo(
            f"stale: {proposal} amends {', '.join(articles)}, which changed; "
            f"`bylaws apply` merges it, `bylaws rebase {proposal}` carries it over"
        )
