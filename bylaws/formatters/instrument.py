"""`--format instrument`: the amending text of a diff, as a body publishes it.

The instrument is worded from the two documents themselves (see
`bylaws.instrument`), because it must read back to the new text;
`format_documents` is the entry point when both are at hand. The title,
preamble and closing come from `FormatOptions.frame`.
"""

from __future__ import annotations

from bylaws.diff.changes import DocumentDiff
from bylaws.errors import UnusableInput
from bylaws.formatters import FormatOptions
from bylaws.instrument import Frame, publish_instrument
from bylaws.locale import _
from bylaws.model import Document


def format_documents(
    old: Document, new: Document, options: FormatOptions | None = None
) -> str:
    """The published instrument that turns `old` into `new`."""
    frame = options.frame if options is not None else None
    return publish_instrument(old, new, frame or Frame())


def documents_of(diff: DocumentDiff, name: str) -> tuple[Document, Document]:
    """The two documents a diff carries, which an instrument is worded from.

    Raises:
        UnusableInput: the diff was made without them (two article files).
    """
    old, new = diff.old_document, diff.new_document
    if old is None or new is None:
        raise UnusableInput(
            _(
                "--format {name} needs the two documents, not only their changes; compare two documents or a document and a proposal"
            ),
            name=name,
        )
    return old, new


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The published instrument of a diff that carries its two documents."""
    old, new = documents_of(diff, "instrument")
    return format_documents(old, new, options)
