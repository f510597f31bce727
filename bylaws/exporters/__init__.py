"""Documents out to other formats: Akoma Ntoso 3.0, Word (.docx), Markdown.

`export_document` is the file layer the command uses: it loads a document
(and a proposal), and hands them to the exporter registered for the format.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..errors import NotFound, UnusableInput
from ..locale import _, note_language
from ..model import Document, Proposal

__all__ = ["EXPORTERS", "export_document", "export_model"]

EXPORTERS = ("akn", "docx", "markdown")


def export_model(
    doc: Document,
    fmt: str,
    proposal: Proposal | None = None,
    changed_only: bool = False,
) -> bytes:
    """A document, or a proposal on it, in a format; the pure layer.

    `changed_only` (Word, with a proposal): only the articles it touches."""
    proposed = None
    if proposal is not None:
        from ..overlay import apply_proposal

        proposed = apply_proposal(doc, proposal)
    if fmt == "markdown":
        from .markdown import export_markdown

        return export_markdown(proposed or doc)
    if fmt == "akn":
        from .akn import export_akn, export_akn_amendment

        if proposal is not None and proposed is not None:
            return export_akn_amendment(doc, proposal, proposed)
        return export_akn(doc)
    if fmt == "docx":
        from .docx import export_docx

        return export_docx(doc, proposal, proposed, changed_only)
    raise UnusableInput(
        _("unknown export format {format!r}; use one of {names}"),
        format=fmt,
        names=", ".join(EXPORTERS),
    )


def export_document(
    path: Path | None,
    fmt: str,
    proposal: str | None = None,
    changed_only: bool = False,
) -> bytes:
    """Load a document folder (and a proposal: a folder, or an id) and export it.

    A proposal folder given as the document is the text it proposes, exported
    as a document of its own (Word: the plain text, not tracked changes)."""
    from ..workspace import DiskTree, disk_document, load_proposal

    if path is not None and proposal is None and (path / "proposal.xml").is_file():
        from ..overlay import apply_proposal

        folder = path.resolve()
        _tree, base = disk_document(folder.parent.parent)
        own = load_proposal(DiskTree(folder), PurePosixPath())
        return export_model(apply_proposal(base, own), fmt)

    tree, doc = disk_document(path)
    note_language(doc)  # a proposal that is not there is said in the text's language
    loaded = None
    if proposal is not None:
        folder = Path(proposal)
        if (folder / "proposal.xml").is_file():
            loaded = load_proposal(DiskTree(folder.resolve()), PurePosixPath())
        else:
            rel = PurePosixPath("proposals") / proposal
            if not tree.is_file(rel / "proposal.xml"):
                raise NotFound(
                    _("no proposal {proposal!r} in this document"),
                    str(tree.root),
                    proposal=proposal,
                )
            loaded = load_proposal(tree, rel)
    return export_model(doc, fmt, loaded, changed_only)
