"""`--format instrument`: the formal amending text of a diff.

The instrument is worded from the two documents themselves (see
`bylaws.instrument`), because it must read back to the new text exactly;
`format_documents` is the entry point when both are at hand.
"""

from __future__ import annotations

from bylaws.diff.changes import DocumentDiff
from bylaws.errors import UnusableInput
from bylaws.formatters import FormatOptions
from bylaws.instrument import write_instrument
from bylaws.locale import _
from bylaws.model import Document


def format_documents(
    old: Document, new: Document, options: FormatOptions | None = None
) -> str:
    """The instrument that turns `old` into `new`."""
    return write_instrument(old, new)


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The instrument of a diff that carries its two documents."""
    old, new = diff.old_document, diff.new_document
    if old is None or new is None:
        raise UnusableInput(
            _(
                "--format instrument needs the two documents, not only their changes; compare two documents or a document and a proposal"
            )
        )
    return format_documents(old, new, options)
