"""The safe parser: bytes checked and parsed with no DTD, entity or network.

A file with a DOCTYPE is refused before lxml sees it, so a hostile file gets an
error rather than a hang or a read of another file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from lxml import etree

from ..errors import UnusableInput
from ..locale import _

NS = "urn:bylaws:1"
Q = "{" + NS + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_FILE_BYTES = 10 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")

_ROOT_TAGS = {
    name: Q + name for name in ("document", "article", "proposal", "feedback")
}
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
# What nearly every file starts with: no need to look for another encoding.
_UTF8_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
_DECLARED_ENCODING = re.compile(
    rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)"
)


def source_line(el: etree._Element) -> int:
    """An element's 1-based source line, 0 when unknown (built in memory)."""
    line: Any = el.sourceline
    return int(line) if line else 0


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def check_bytes(data: bytes, path: str) -> None:
    """Refuse what the XML parser must never see: empty, too big, DTDs."""
    if len(data) > MAX_FILE_BYTES:
        raise UnusableInput(
            _(
                "file is larger than {megabytes} MB, the most a bylaws file may "
                "be; split the text into more articles"
            ),
            path,
            1,
            1,
            megabytes=MAX_FILE_BYTES // 1024 // 1024,
        )
    if not data:
        raise _empty(path)
    if data.startswith(_WIDE_BOMS) or data.find(b"\x00", 0, 4) >= 0:
        # libxml2 would read UTF-16 or UTF-32 on its own, past every check
        # here, which reads bytes as ASCII-compatible.
        raise UnusableInput(
            _("file is not UTF-8 (it is UTF-16 or UTF-32); save it as UTF-8"),
            path,
            1,
            1,
        )
    found = _declaration_in_prolog(data)
    if found >= 0:
        line, col = _line_col(data, found)
        raise UnusableInput(
            _(
                "DOCTYPE and ENTITY declarations are not allowed in bylaws files "
                "(they could expand without limit or read other files); remove them"
            ),
            path,
            line,
            col,
        )


def _declaration_in_prolog(data: bytes) -> int:
    """Where a DOCTYPE or ENTITY declaration starts before the root, or -1.

    Only the prolog can hold one: later, "<!DOCTYPE" is a syntax error to
    libxml2, which expands nothing. So the scan stops at the first element
    instead of reading the whole text (a byte search through thousands of
    files of Arabic text costs more than the checks that follow).
    """
    pos = 0
    while (start := data.find(b"<", pos)) >= 0:
        if data.startswith(b"<?", start):
            end, skip = data.find(b"?>", start + 2), 2
        elif data.startswith(b"<!--", start):
            end, skip = data.find(b"-->", start + 4), 3
        elif data.startswith(b"<!", start):
            return start if _DOCTYPE.match(data, start) else -1
        else:
            return -1
        if end < 0:
            return -1  # unfinished: the parser says what is wrong
        pos = end + skip
    return -1


def _empty(path: str) -> UnusableInput:
    return UnusableInput(_("file is empty; expected an XML element"), path, 1, 1)


def _not_utf8(data: bytes, path: str) -> UnusableInput | None:
    """The error for bytes that are not UTF-8, or None when they are."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return UnusableInput(
            _(
                "file is not UTF-8 (byte 0x{byte} cannot start a character); "
                "save it as UTF-8"
            ),
            path,
            line,
            col,
            byte=f"{data[exc.start]:02x}",
        )
    return None


@lru_cache(maxsize=1)
def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_bytes(data: bytes, path: str) -> etree._Element:
    """Parse one file's bytes safely; errors name the file, line and column."""
    check_bytes(data, path)
    if data.startswith(BOM):
        data = data[len(BOM) :]
    declared = (
        None
        if data.startswith(_UTF8_DECLARATION)
        else _DECLARED_ENCODING.match(data, 0, 200)
    )
    if declared and declared.group(1).upper().replace(b"_", b"-") not in (
        b"UTF-8",
        b"UTF8",
    ):
        encoding = declared.group(1).decode("ascii")
        raise _not_utf8(data, path) or UnusableInput(
            _(
                "file declares encoding {encoding}; bylaws files are UTF-8: save "
                'it as UTF-8 and declare encoding="UTF-8"'
            ),
            path,
            1,
            1,
            encoding=encoding,
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        # Only on failure: a file of blanks is "empty", and libxml2 reports bad
        # UTF-8 vaguely, so we find the byte ourselves.
        if not data.strip(b" \t\r\n"):
            raise _empty(path) from None
        raise _not_utf8(data, path) or _syntax_error(exc, path) from None
    if not isinstance(root.tag, str):
        raise UnusableInput(_("the root is not an element"), path, 1, 1)
    return root


def parse_vetted(data: bytes, path: str) -> etree._Element:
    """`parse_bytes` for bytes the caller has seen open with the UTF-8 declaration
    and hold no "!" (so no DOCTYPE or ENTITY): the checks that rule these out
    are skipped, the result and the errors are the same."""
    if len(data) > MAX_FILE_BYTES:
        return parse_bytes(data, path)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        return parse_bytes(data, path)  # raises the error, in the same words
    if not isinstance(root.tag, str):
        return parse_bytes(data, path)
    return root


def parse_joined(data: bytes) -> etree._Element | None:
    """Parse bytes joined from several files `parse_vetted` would take; None
    when they are not well-formed together (the files are then read alone, for
    the message that names the file)."""
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        return None


def _syntax_error(exc: etree.XMLSyntaxError, path: str) -> UnusableInput:
    line, col = exc.position if exc.position else (0, 0)
    message = str(exc.msg or exc).split(", line ")[0].strip()
    if message.startswith("Excessive depth"):
        # libxml2's advice (a parser option) is not the drafter's to take.
        return UnusableInput(
            _("malformed XML: elements are nested more than 256 deep"),
            path,
            line,
            max(col, 1),
        )
    return UnusableInput(
        _("malformed XML: {reason}"), path, line, max(col, 1), reason=message
    )


def expect_root(root: etree._Element, name: str, path: str) -> None:
    """Refuse a root of the wrong name or namespace, in cobalt's tone."""
    if root.tag != _ROOT_TAGS.get(name) and root.tag != Q + name:
        qname = etree.QName(root)
        got = (
            f"{{{qname.namespace}}}{qname.localname}"
            if qname.namespace
            else qname.localname
        )
        raise UnusableInput(
            _(
                "XML root element must be {name} in namespace {namespace}, but got "
                "{got} instead"
            ),
            path,
            source_line(root) or 1,
            1,
            name=name,
            namespace=NS,
            got=got,
        )
