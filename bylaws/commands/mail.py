"""`bylaws feedback import`: comments sent by e-mail into the feedback files.

Parsing is `bylaws.importers.mail`; writing is `bylaws.feedback_store`, the
one writer of comments, under the workspace lock.
"""

from __future__ import annotations

import datetime
from pathlib import Path, PurePosixPath

import click

from ..locale import _, cli_language, note_language, say
from .proposing import doc_option

_ROOT = PurePosixPath()


@click.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False)
)
@doc_option
def feedback_import(files: tuple[Path, ...], doc_path: Path | None) -> None:
    """Import comments sent by e-mail: .eml files and mbox files.

    Each message's subject carries the tag the site's "send a comment" link
    writes, [bylaws DOC/PROPOSAL/ARTICLE/para-N]; its author is From:, its
    sending body the document's <senders> entry for that address (an unknown
    address is kept and marked). A message already imported (same Message-ID)
    is skipped; a message that cannot be a comment is refused, with one line
    saying why, and the others are imported.
    """
    from ..archive import ARCHIVE
    from ..errors import BylawsError, NotFound, UnusableInput
    from ..feedback_store import add_comments
    from ..importers.mail import MailRefusal, comment_from_message, read_messages
    from ..model import Comment, Document
    from ..overlay import apply_proposal
    from ..workspace import (
        DiskTree,
        find_document_folder,
        load_document,
        load_feedback,
        load_proposals,
    )
    from .locking import hold_workspace_lock

    doc_folder = find_document_folder(doc_path)
    hold_workspace_lock(doc_folder)
    tree = DiskTree(doc_folder)
    doc = load_document(tree)
    note_language(doc)
    proposed: dict[str, Document] = {}
    for proposal in load_proposals(tree, _ROOT):
        try:
            proposed[proposal.id] = apply_proposal(doc, proposal)
        except BylawsError:
            continue  # `check` says why; its comments cannot be anchored
    known = {c.id for c in load_feedback(tree, _ROOT)}
    for version in tree.list_dir(PurePosixPath(ARCHIVE)):
        known |= {c.id for c in load_feedback(tree, PurePosixPath(ARCHIVE) / version)}
    today = datetime.date.today().isoformat()
    new: list[Comment] = []
    already = refused = 0
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise NotFound(
                _("cannot read file: {reason}"), str(file), reason=exc.strerror
            ) from None
        for where, message in read_messages(data, str(file)):
            try:
                comment = comment_from_message(message, where, doc, proposed, today)
            except MailRefusal as exc:
                click.echo(exc.render(cli_language()), err=True)
                refused += 1
                continue
            if comment.id in known:
                already += 1
                continue
            known.add(comment.id)
            new.append(comment)
    written = add_comments(doc_folder, new) if new else []
    for comment, path in written:
        click.echo(
            say(_("added comment {id} to {path}"), doc, id=comment.id, path=path)
        )
    click.echo(
        say(
            _("imported {new} comment(s); {already} already there; {refused} refused"),
            doc,
            new=len(written),
            already=already,
            refused=refused,
        )
    )
    if refused:
        raise UnusableInput(
            _("{count} message(s) refused; the others were imported"), count=refused
        )
