"""A small reader of gettext `.po` catalogues: msgctxt, msgid, msgstr, nothing more.

We read the `.po` text itself rather than compiled `.mo` files, so an editable
install and a fresh clone work without a build step. Plural forms and `#`
comments are not used by bylaws; comments are skipped, plurals refused.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..errors import UnusableInput

# (msgctxt or None, msgid) -> msgstr
Catalogue = dict[tuple[str | None, str], str]

_KEYWORDS = ("msgctxt", "msgid", "msgstr")


@dataclass
class _Entry:
    context: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    line: int = 0


def _unquote(text: str, path: str, number: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise UnusableInput("expected a quoted string", path, number, 1)
    inner = text[1:-1]
    if "\\" not in inner and '"' not in inner:
        return inner  # nothing escaped: the text is the value (nearly every line)
    # A .po string uses C escapes (\n, \t, \", \\), which Python's literal syntax reads alike.
    value = ast.literal_eval(text)
    assert isinstance(value, str)
    return value


def parse_po(text: str, path: str = "<po>") -> Catalogue:
    """The entries of a `.po` file's text, keyed by (context, msgid).

    Raises:
        UnusableInput: a line that is neither a comment, a keyword line nor a
            continuation string; or a plural entry (msgid_plural).
    """
    catalogue: Catalogue = {}
    entry = _Entry()
    field: str | None = None

    def finish() -> None:
        nonlocal entry
        if entry.msgid is not None:
            if entry.msgstr is None:
                raise UnusableInput("msgid without msgstr", path, entry.line, 1)
            if entry.msgid:  # the header entry (empty msgid) is metadata
                catalogue[(entry.context, entry.msgid)] = entry.msgstr
        entry = _Entry()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            if field is None:
                raise UnusableInput("a string outside any entry", path, number, 1)
            current = getattr(entry, field)
            setattr(entry, field, current + _unquote(line, path, number))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword not in _KEYWORDS:
            raise UnusableInput(f"unsupported .po line {keyword!r}", path, number, 1)
        if keyword == "msgctxt" or (keyword == "msgid" and entry.msgstr is not None):
            finish()
        if keyword == "msgid" and entry.msgid is not None:
            raise UnusableInput("msgid twice in one entry", path, number, 1)
        field = "context" if keyword == "msgctxt" else keyword
        if keyword == "msgid":
            entry.line = number
        setattr(entry, field, _unquote(rest, path, number))
    finish()
    return catalogue
