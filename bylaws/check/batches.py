"""Article files parsed and validated a few hundred at a time.

An article file is a kilobyte or two. For so few bytes libxml2 takes about as
long to set up a parse (a parser context, a dictionary, a document) as to
parse, and lxml about as long to set up a validation (a context, an error
log) as to validate; a workspace holds thousands of such files, and `check`
reads every one. So the files that `surely_plain` clears are joined into one
document: a `BATCH_ROOT` holding each file's bytes after its XML declaration,
each followed by a processing instruction. That document is parsed once and
validated once, against `schema_split.batch_grammar`.

Why a batch says what each of its files would say alone. A cleared file holds
no processing instruction, comment, DOCTYPE or reference after its
declaration, so every instruction in the batch is one of ours. When the batch
is well-formed and its root holds exactly root, instruction, root,
instruction..., every instruction sits directly in the batch root, so between
two of them lie one element and blanks (the batch grammar allows no other
text there): each file's bytes are a well-formed document on their own, whose
root is that element, namespaces and all (the batch root declares none). A
batch that breaks any of this (a file with two roots or none, a file left
open that the next one closes, an invalid file) says nothing about which file
is at fault: its files are then read one by one, and only those messages are
ever reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .. import validation, xmlio
from ..schema_split import BATCH_ROOT
from ..visibility import PLAIN_DECLARATION, surely_plain

# Measured on generated workspaces: past a few hundred files a batch gains
# nothing more, and a bad file sends fewer good ones back to be read alone.
FILES_PER_BATCH = 200
BYTES_PER_BATCH = 1 << 19
# A bigger file is no cost to set up beside its parse: it is read alone.
LARGEST_JOINED_FILE = 1 << 16

_OPEN = PLAIN_DECLARATION + b"<" + BATCH_ROOT.encode() + b">"
_CLOSE = b"</" + BATCH_ROOT.encode() + b">"
_SEPARATOR = b"<?bylaws-file?>"


def can_join(data: bytes) -> bool:
    """Whether a file may go into a batch: small, and cleared byte by byte."""
    return len(data) <= LARGEST_JOINED_FILE and surely_plain(data)


def checked_together(
    files: Sequence[bytes], tag: str, name: str
) -> list[tuple[str, list[str], bool]] | None:
    """The `id` of each file's root, the values of its attribute `name` and
    whether an element carrying it holds text, when every file parses alone
    to a root tagged `tag` that is valid; None when any does not (then each
    must be read alone, for its messages).

    Every file must pass `can_join`.
    """
    skip = len(PLAIN_DECLARATION)
    joined = _SEPARATOR.join(data[skip:] for data in files)
    batch = xmlio.parse_joined(_OPEN + joined + _SEPARATOR + _CLOSE)
    if batch is None:
        return None
    roots = _roots(batch, len(files), tag)
    if roots is None:
        return None
    values = validation.values_by_file(batch, name)
    if values is None or len(values) != len(roots):
        return None
    return [
        (root.get("id", ""), found, worded)
        for root, (found, worded) in zip(roots, values, strict=True)
    ]


def _roots(batch: etree._Element, count: int, tag: str) -> list[etree._Element] | None:
    """The files' roots, if the batch holds root, instruction, root, ... with
    every root tagged `tag`; None otherwise."""
    children = list(batch)
    if len(children) != 2 * count:
        return None
    roots = children[0::2]
    if any(root.tag != tag for root in roots):
        return None
    if any(
        not isinstance(after, etree._ProcessingInstruction) for after in children[1::2]
    ):
        return None
    return roots
