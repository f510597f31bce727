"""Commands for proposals: propose, collisions, rebase, apply-instrument,
status and disposition (apply and feedback are in `cycle`). Each parses options, calls one library
function and prints what a formatter made of the result."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import click

from ..errors import NotFound, UnusableInput
from ..locale import _, note_language, say
from ..model import Amend, Document, Proposal
from ..workspace import (
    DOCUMENT_FILE,
    PROPOSAL_FILE,
    PROPOSALS,
    DiskTree,
    disk_document,
    find_document_folder,
    load_document,
    load_proposal,
    load_proposals,
    read_document_only,
)
from .locking import hold_workspace_lock

_ROOT = PurePosixPath()


def _proposal_path(given: str, doc_option: Path | None) -> tuple[Path, Path]:
    """(document folder, proposal folder) from a proposal folder path or a name."""
    path = Path(given)
    if (path / PROPOSAL_FILE).is_file():
        return find_document_folder(path), path
    doc_folder = find_document_folder(doc_option, proposal=given)
    folder = doc_folder / PROPOSALS / given
    if not (folder / PROPOSAL_FILE).is_file():
        raise NotFound(
            _(
                "no proposal '{given}': give a proposal folder or the name of one in {folder}"
            ),
            str(folder),
            given=given,
            folder=doc_folder / PROPOSALS,
        )
    return doc_folder, folder


def _load(doc_folder: Path) -> tuple[DiskTree, Document]:
    tree = DiskTree(doc_folder)
    document = load_document(tree)
    note_language(document)
    return tree, document


def _read_proposal(folder: Path) -> Proposal:
    return load_proposal(DiskTree(folder.parent), PurePosixPath(folder.name))


doc_option = click.option(
    "--doc",
    "doc_path",
    type=click.Path(path_type=Path),
    default=None,
    help="The document folder (default: the one here or below drafts/).",
)
rationale_option = click.option(
    "--rationale", "-r", default=None, help="Why; blank lines separate paragraphs."
)


# --- propose ----------------------------------------------------------------------


@click.group("propose")
def propose_command() -> None:
    """Scaffold a proposal and its operations, ready to edit.

    Every subcommand writes the proposal folder atomically and records the
    fingerprint of each article it touches, so `bylaws check` can tell when
    the text in force has moved on. PROPOSAL is a proposal folder or the name
    of one in the document's proposals/.
    """


def _save(proposal: Proposal, folder: Path) -> None:
    from ..proposal_files import write_proposal

    write_proposal(proposal, folder)
    click.echo(say(_("wrote {path}"), path=folder / PROPOSAL_FILE))


@propose_command.command("new")
@click.argument("name")
@doc_option
@click.option("--title", required=True, help="The proposal's title.")
@click.option("--proposer", required=True, help="Who proposes it (a body or person).")
@click.option("--submitted", default=None, help="Date submitted (YYYY-MM-DD).")
@click.option(
    "--amend", "amend", multiple=True, help="An article to amend (repeatable)."
)
@click.option(
    "--repeal", "repeal", multiple=True, help="An article to repeal (repeatable)."
)
@rationale_option
def propose_new(
    name: str,
    doc_path: Path | None,
    title: str,
    proposer: str,
    submitted: str | None,
    amend: tuple[str, ...],
    repeal: tuple[str, ...],
    rationale: str | None,
) -> None:
    """Start proposal NAME, based on the current git commit.

    Operations can be given here (--amend, --repeal) or added afterwards with
    the other subcommands; `bylaws check` reminds you while there are none.
    """
    from ..scaffold import add_amend, add_repeal, new_proposal

    doc_folder = find_document_folder(doc_path)
    hold_workspace_lock(doc_folder)
    _tree, doc = _load(doc_folder)
    proposal = new_proposal(
        doc_folder, doc, name, title, proposer, submitted, rationale
    )
    for article in amend:
        proposal = add_amend(doc_folder, doc, proposal, article, None)
    for article in repeal:
        proposal = add_repeal(doc_folder, doc, proposal, article, None)
    folder = doc_folder / PROPOSALS / name
    _save(proposal, folder)
    for op in proposal.operations:
        if isinstance(op, Amend):
            click.echo(
                say(_("edit {path}"), path=folder / "articles" / f"{op.article}.xml")
            )


def _edit(given: str, doc_path: Path | None) -> tuple[Path, Document, Proposal, Path]:
    doc_folder, folder = _proposal_path(given, doc_path)
    hold_workspace_lock(doc_folder)
    _tree, doc = _load(doc_folder)
    return doc_folder, doc, _read_proposal(folder), folder


@propose_command.command("amend")
@click.argument("proposal")
@click.argument("article")
@doc_option
@rationale_option
def propose_amend(
    proposal: str, article: str, doc_path: Path | None, rationale: str | None
) -> None:
    """Copy ARTICLE (an id or a number) into PROPOSAL for editing."""
    from ..scaffold import add_amend

    doc_folder, doc, current, folder = _edit(proposal, doc_path)
    updated = add_amend(doc_folder, doc, current, article, rationale)
    _save(updated, folder)
    last = updated.operations[-1]
    if isinstance(last, Amend):
        click.echo(
            say(_("edit {path}"), path=folder / "articles" / f"{last.article}.xml")
        )


def _place_options(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option(
        "--at",
        type=click.Choice(["start", "end"]),
        default="end",
        help="With --into: the start or the end of the division.",
    )(func)
    func = click.option(
        "--into", default=None, help="Into a part, chapter or section (its id)."
    )(func)
    func = click.option("--before", default=None, help="Before this article.")(func)
    func = click.option("--after", default=None, help="After this article.")(func)
    return func


@propose_command.command("insert")
@click.argument("proposal")
@click.argument("article_id")
@_place_options
@click.option("--heading", default=None, help="The new article's heading.")
@doc_option
@rationale_option
def propose_insert(
    proposal: str,
    article_id: str,
    after: str | None,
    before: str | None,
    into: str | None,
    at: str,
    heading: str | None,
    doc_path: Path | None,
    rationale: str | None,
) -> None:
    """Add a new article ARTICLE_ID to PROPOSAL, with a placeholder text to edit."""
    from ..scaffold import add_insert

    doc_folder, doc, current, folder = _edit(proposal, doc_path)
    updated = add_insert(
        doc_folder,
        doc,
        current,
        article_id,
        rationale,
        after,
        before,
        into,
        at,
        heading,
    )
    _save(updated, folder)
    click.echo(say(_("edit {path}"), path=folder / "articles" / f"{article_id}.xml"))


@propose_command.command("repeal")
@click.argument("proposal")
@click.argument("article")
@doc_option
@rationale_option
def propose_repeal(
    proposal: str, article: str, doc_path: Path | None, rationale: str | None
) -> None:
    """Repeal ARTICLE in PROPOSAL."""
    from ..scaffold import add_repeal

    doc_folder, doc, current, folder = _edit(proposal, doc_path)
    _save(add_repeal(doc_folder, doc, current, article, rationale), folder)


@propose_command.command("move")
@click.argument("proposal")
@click.argument("article")
@_place_options
@doc_option
@rationale_option
def propose_move(
    proposal: str,
    article: str,
    after: str | None,
    before: str | None,
    into: str | None,
    at: str,
    doc_path: Path | None,
    rationale: str | None,
) -> None:
    """Move ARTICLE elsewhere in PROPOSAL."""
    from ..scaffold import add_move

    doc_folder, doc, current, folder = _edit(proposal, doc_path)
    _save(
        add_move(doc_folder, doc, current, article, rationale, after, before, into, at),
        folder,
    )


@propose_command.command("heading")
@click.argument("proposal")
@click.argument("target")
@click.argument("heading")
@doc_option
@rationale_option
def propose_heading(
    proposal: str,
    target: str,
    heading: str,
    doc_path: Path | None,
    rationale: str | None,
) -> None:
    """Give TARGET (an article, or a part/chapter/section id) a new HEADING."""
    from ..scaffold import add_heading

    doc_folder, doc, current, folder = _edit(proposal, doc_path)
    _save(add_heading(doc_folder, doc, current, target, heading, rationale), folder)


# --- collisions, rebase -----------------------------------------------------


@click.command("collisions")
@click.argument("doc", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["matrix", "json"]),
    default="matrix",
    show_default=True,
)
def collisions_command(doc: Path | None, fmt: str) -> None:
    """Which proposals change the same words (✗), the same article elsewhere (~),
    the same text (=), or nothing in common (·)."""
    from ..proposals import find_collisions
    from ..proposals.views import collisions_json, collisions_matrix

    tree, document = disk_document(doc)
    note_language(document)
    proposals = load_proposals(tree, _ROOT)
    report = find_collisions(document, proposals)
    if fmt == "json":
        click.echo(collisions_json(document, report), nl=False)
    else:
        click.echo(collisions_matrix(document, report, proposals), nl=False)


@click.command("rebase")
@click.argument("proposal")
@doc_option
@click.option(
    "--base",
    "base_rev",
    default=None,
    metavar="REV",
    help="Record that PROPOSAL was drafted against git revision REV, then rebase.",
)
def rebase_command(proposal: str, doc_path: Path | None, base_rev: str | None) -> None:
    """Carry a stale PROPOSAL onto the current text (three-way word merge).

    The text it was drafted against is the one its base records: the article
    files with the recorded fingerprints (in the text in force, the archive or
    git history), or the files at the recorded commit. A proposal that records
    no base gets one with --base REV. Collisions are reported as in `bylaws
    apply` and nothing is written.
    """
    from ..proposal_files import rebase, with_base, write_proposal

    doc_folder, folder = _proposal_path(proposal, doc_path)
    hold_workspace_lock(doc_folder)
    # Its errors (a collision with the text in force) are said in the text's language.
    note_language(read_document_only(DiskTree(doc_folder)))
    current = _read_proposal(folder)
    if base_rev is not None:
        current = with_base(doc_folder, current, base_rev)
    rebased = rebase(doc_folder, current)
    write_proposal(rebased, folder)
    click.echo(
        say(
            _("rebased {folder} onto {commit}"),
            folder=folder,
            commit=rebased.base.commit or say(_("the working tree")),
        )
    )


@click.command("apply-instrument")
@click.argument("doc", type=click.Path(path_type=Path))
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--into",
    "into",
    type=click.Path(path_type=Path),
    required=True,
    help="Where to write the amended document.",
)
def apply_instrument_command(doc: Path, file: Path, into: Path) -> None:
    """Apply the amendment instrument FILE to DOC and write the result to --into
    (a new or empty folder)."""
    from ..atomic import check_target
    from ..instrument import apply_instrument
    from ..proposal_files import write_document

    check_target(into)
    hold_workspace_lock(find_document_folder(doc))
    _tree, document = disk_document(doc)
    note_language(document)  # the instrument's errors are said in its language
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NotFound(_("file does not exist"), str(file)) from None
    except UnicodeDecodeError:
        raise UnusableInput(_("file is not UTF-8 text"), str(file)) from None
    result = apply_instrument(document, text, str(file))
    write_document(result, into)
    click.echo(say(_("wrote {path}"), path=into / DOCUMENT_FILE))


# --- review and feedback -----------------------------------------------------------


@click.command("status")
@click.argument("doc", required=False, type=click.Path(path_type=Path))
def status_command(doc: Path | None) -> None:
    """Proposals by review stage, with the last ruling on each."""
    from ..proposals.views import status_text
    from ..review import by_stage

    tree, document = disk_document(doc)
    note_language(document)
    click.echo(
        status_text(document, by_stage(document, load_proposals(tree, _ROOT))), nl=False
    )


@click.command("disposition")
@click.argument("doc", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "csv", "json"]),
    default="markdown",
    show_default=True,
)
@click.option(
    "--version",
    "version",
    default=None,
    help="The table of the proposals an archived version put into force.",
)
def disposition_command(doc: Path | None, fmt: str, version: str | None) -> None:
    """The table a conference votes from: proposal, proposer, articles,
    recommendation, decision."""
    from ..proposals.views import (
        disposition_csv,
        disposition_json,
        disposition_markdown,
    )
    from ..review import disposition_rows

    tree, document = disk_document(doc)
    note_language(document)
    if version is not None:
        from ..archive import ARCHIVE, archived_proposals

        if not tree.is_dir(_ROOT / ARCHIVE / version):
            raise NotFound(
                _("no archived version {version!r}"),
                tree.display(_ROOT / ARCHIVE),
                version=version,
            )
        proposals = archived_proposals(tree, version)
    else:
        proposals = load_proposals(tree, _ROOT)
    rows = disposition_rows(document, proposals)
    show = {
        "markdown": disposition_markdown,
        "csv": disposition_csv,
        "json": disposition_json,
    }[fmt]
    click.echo(show(document, rows), nl=False)
