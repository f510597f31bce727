"""`bylaws feedback`: list the comments (the default) or add one.

`feedback add` writes through `bylaws.feedback_store.add_comments`, the one
writer of comments, under the workspace lock.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import click

from ..errors import InvalidOperation, NotFound
from ..locale import _, note_language, say
from ..model import Comment, P, Text
from ..workspace import (
    DiskTree,
    find_document_folder,
    load_document,
    load_feedback,
    load_proposals,
)
from .cycle import _date, date_option
from .locking import hold_workspace_lock
from .proposing import doc_option

_ROOT = PurePosixPath()


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
    from ..errors import BylawsError
    from ..feedback import feedback_by_article
    from ..overlay import apply_proposal
    from ..proposals.views import feedback_text
    from ..scaffold import resolve_article

    folder = find_document_folder(doc)
    tree = DiskTree(folder)
    document = load_document(tree)
    note_language(document)
    proposals = load_proposals(tree, _ROOT)
    if version is not None:
        if not tree.is_dir(PurePosixPath(ARCHIVE) / version):
            raise NotFound(
                _("no archived version {version!r}"),
                str(folder / ARCHIVE),
                version=version,
            )
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
    note_language(doc)
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
                _("no proposal {proposal!r} in {folder}"),
                str(doc_folder),
                proposal=proposal_id,
                folder=doc_folder,
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
    click.echo(say(_("added comment {id} to {path}"), doc, id=written.id, path=path))
