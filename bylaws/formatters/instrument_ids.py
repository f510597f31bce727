"""`--format instrument-ids`: the instrument in its machine-readable form.

The same clauses as `--format instrument`, with no title, preamble or closing,
each new article followed by its id in brackets and each reference written
`[designation](address)`: `apply-instrument` gives back exactly the proposed
document from it, ids and live references included.
"""

from __future__ import annotations

from bylaws.diff.changes import DocumentDiff
from bylaws.formatters import FormatOptions
from bylaws.formatters.instrument import documents_of
from bylaws.instrument import write_instrument


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The machine-readable instrument of a diff that carries its two documents."""
    old, new = documents_of(diff, "instrument-ids")
    return write_instrument(old, new)
