"""Problems for the invisible characters of a text, where a drafter can find them.

`check` and `import` report the characters of `bylaws.invisibles.INVISIBLES` the same
way: one problem per character, at its line and column, naming it. Controls and
overrides are errors (a terminal obeys a control; an override shows 51 where
the file says 15); the other invisible characters are warnings; the soft
direction marks (ALM, LRM, RLM) are not reported.

Comments and processing instructions inside a file's root element are the
same kind of thing: text in the file that no reader sees (`show`, the site and
the diff leave them out). The one rule, documented in docs/drafting/: `check`
refuses them, each at its line and column, so what a file says is what it
shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .errors import Problem
from .invisibles import (
    INVISIBLES,
    SERIOUS_INVISIBLES,
    describe_char,
    find_invisibles,
    invisible_kind,
)
from .locale import _

__all__ = [
    "ERROR_MESSAGE",
    "WARNING_MESSAGE",
    "decode_tokens",
    "hidden_markup_problems",
    "invisible_problems",
    "surely_plain",
]

ERROR_MESSAGE = _(
    "invisible character {char}: a reader cannot see it and it changes what they see; delete it"
)
WARNING_MESSAGE = _(
    "invisible character {char}: a reader cannot see it; delete it unless it is meant"
)
# A character written as a reference in XML, `&#x202E;` or `&#8238;`.
_REFERENCE_RE = re.compile(r"&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));")
# A character as `show` and `diff` write it for a terminal: `⟨U+202E⟩`.
_TOKEN_RE = re.compile(r"\u27e8U\+([0-9A-F]{4,6})\u27e9")


def _hidden(code: int) -> str | None:
    """The character of a code point if it is invisible (not a soft mark)."""
    if code > 0x10FFFF:
        return None
    char = chr(code)
    return char if invisible_kind(char) not in (None, "direction-mark") else None


def _found(text: str, xml: bool, tokens: bool) -> Iterator[tuple[int, str]]:
    """(offset, character) of every invisible character, written or referenced."""
    for offset, char, _kind in find_invisibles(text):
        yield offset, char
    if xml and "&#" in text:
        for match in _REFERENCE_RE.finditer(text):
            hex_code, code = match.group(1), match.group(2)
            referenced = _hidden(int(hex_code, 16) if hex_code else int(code))
            if referenced:
                yield match.start(), referenced
    if tokens and "\u27e8" in text:
        for match in _TOKEN_RE.finditer(text):
            shown = _hidden(int(match.group(1), 16))
            if shown:
                yield match.start(), shown


def decode_tokens(text: str) -> str:
    """Text with each `⟨U+XXXX⟩` of an invisible character put back as the character.

    `show` writes them so for a terminal; `import` of its output gets the text
    that was shown.
    """
    if "\u27e8" not in text:
        return text

    def back(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        if code <= 0x10FFFF and invisible_kind(chr(code)) is not None:
            return chr(code)
        return match.group()

    return _TOKEN_RE.sub(back, text)


def invisible_problems(
    text: str, path: str, *, xml: bool = False, tokens: bool = False
) -> list[Problem]:
    """One problem per invisible character of a file's text, in reading order.

    Args:
        text: the file's text (decoded).
        path: the file as the user named it.
        xml: also find characters written as references (`&#x202E;`).
        tokens: also find characters written as `show` shows them (`⟨U+202E⟩`).

    Returns:
        Errors for controls and overrides, warnings for the rest.
    """
    found = sorted(_found(text, xml, tokens))
    problems = []
    for offset, char in found:
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        serious = invisible_kind(char) in SERIOUS_INVISIBLES
        message = ERROR_MESSAGE if serious else WARNING_MESSAGE
        name = describe_char(char)
        problems.append(
            Problem(
                path,
                line,
                col,
                "error" if serious else "warning",
                message.format(char=name),
                message,
                {"char": name},
            )
        )
    return problems


COMMENT_MESSAGE = _(
    "a comment inside the text: no reader sees it; write a note as <note>, a remark as feedback, or delete it"
)
INSTRUCTION_MESSAGE = _(
    "a processing instruction inside the text: no reader sees it; delete it"
)
# What nearly every file opens with; its `?`s are not an instruction's.
PLAIN_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
_HIDDEN_MARKUP_RE = re.compile(r"<!--.*?-->|<\?.*?\?>", re.DOTALL)
# The root's start tag: the first tag that is not a declaration, comment or PI.
_FIRST_ELEMENT_RE = re.compile(r"<[^!?/]")


def hidden_markup_problems(text: str, path: str) -> list[Problem]:
    """An error for each comment or processing instruction inside the root element.

    Before the root (a licence header, say) they are left alone: nothing reads
    them as part of the text.
    """
    root = _FIRST_ELEMENT_RE.search(text)
    end = text.rfind("</")
    if root is None or ("<!--" not in text and text.find("<?", root.start()) == -1):
        return []
    problems = []
    for match in _HIDDEN_MARKUP_RE.finditer(text, root.start()):
        if end != -1 and match.start() > end:
            break
        message = (
            COMMENT_MESSAGE if match.group().startswith("<!") else INSTRUCTION_MESSAGE
        )
        offset = match.start()
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        problems.append(Problem(path, line, col, "error", message, message))
    return problems


# The code points UTF-8 writes in one, two, three and four bytes.
_UTF8_LENGTHS = ((0, 0x7F), (0x80, 0x7FF), (0x800, 0xFFFF), (0x10000, 0x10FFFF))


def _lead_byte(code: int) -> int:
    return chr(code).encode("utf-8")[0]


def _suspect_bytes() -> bytes:
    """Every byte that can begin something the rules above report in UTF-8:
    the first byte of each invisible character that is not a soft mark, and
    the `&` of a reference, the `!` of a comment and the `?` of an instruction.
    Within one length of encoding, a range's characters begin with the bytes
    between its ends' first bytes."""
    suspects = set(b"&!?")
    for lo, hi, kind in INVISIBLES:
        if kind == "direction-mark":
            continue
        for first, last in _UTF8_LENGTHS:
            if lo <= last and hi >= first:
                start, end = max(lo, first), min(hi, last)
                suspects.update(range(_lead_byte(start), _lead_byte(end) + 1))
    return bytes(sorted(suspects))


# The bytes that begin nothing reported: deleting them leaves the suspects.
_INNOCENT = bytes(sorted(set(range(256)).difference(_suspect_bytes())))


def surely_plain(data: bytes) -> bool:
    """Whether a file's UTF-8 bytes surely give no problem here, nor a byte-order
    mark: after the XML declaration they open with, no byte of them can begin one.

    One pass in C over the bytes (deleting the innocent ones, which measured
    faster than a search for each suspect) rules out nearly every file; a file
    it does not rule out (an unusual declaration, a quotation mark whose first
    byte an invisible character shares) goes through `invisible_problems` and
    `hidden_markup_problems`, whose verdict is the same, only slower.
    """
    if not data.startswith(PLAIN_DECLARATION):
        return False
    return not data[len(PLAIN_DECLARATION) :].translate(None, _INNOCENT)
