"""`bylaws packet`: a proposal, or a meeting's proposals, as a PDF to print."""

from __future__ import annotations

from pathlib import Path

import click

from ..locale import _, note_language, say
from .proposing import doc_option


@click.command("packet")
@click.argument("proposal", required=False)
@click.option(
    "--stage",
    help="A meeting packet: every proposal at this stage, after a cover with "
    "the agenda, the disposition table and the collisions to settle.",
)
@doc_option
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The PDF file to write.",
)
@click.option(
    "--html",
    "as_html",
    is_flag=True,
    help="Write the HTML the PDF is typeset from instead (to check or restyle it).",
)
def packet_command(
    proposal: str | None,
    stage: str | None,
    doc_path: Path | None,
    output: Path,
    as_html: bool,
) -> None:
    """Write a PDF packet: one PROPOSAL, or with --stage a whole meeting's."""
    from ..errors import UnusableInput
    from ..packets import meeting_packet_html, proposal_packet_html, render_pdf
    from ..packets.html import page_number_css
    from ..site.sources import load_workspace
    from ..workspace import find_document_folder, write_atomic

    if (proposal is None) == (stage is None):
        raise UnusableInput(_("give either a proposal or --stage, not both or neither"))
    given = Path(proposal) if proposal is not None else None
    if doc_path is None and given is not None and (given / "proposal.xml").is_file():
        doc_path = given.resolve().parent.parent  # DOC/proposals/ID
    folder = find_document_folder(doc_path, proposal=proposal)
    bundle = load_workspace(folder)[0]
    note_language(bundle.doc)
    if stage is not None:
        html = meeting_packet_html(bundle, stage, str(folder))
    else:
        assert given is not None
        html = proposal_packet_html(bundle, given.name, str(folder))
    if as_html:
        data = html.encode("utf-8")
    else:
        data = render_pdf(html, page_number_css(bundle))
    write_atomic(output, data)
    click.echo(say(_("wrote {path}"), path=output), err=True)
