"""What every importer shares: reading text safely, guessing the language."""

from __future__ import annotations

import re

from ..errors import UnusableInput
from ..locale import _
from ..text import ARABIC_BLOCK
from ..xmlio import MAX_FILE_BYTES

_ARABIC = re.compile(f"[{ARABIC_BLOCK}]")
# A web or mail address a document may link to: what the schema's `href` allows.
WEB_ADDRESS = re.compile(r"(https|http|mailto):[A-Za-z0-9\-._~:/?#@!&'()*+,;=%]+")
_LATIN = re.compile("[A-Za-z]")


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is allowed); errors name the line and column."""
    if len(data) > MAX_FILE_BYTES:
        raise UnusableInput(
            _("file is {size} MB; an import may be at most {limit} MB"),
            path,
            size=f"{len(data) / 1024 / 1024:.1f}",
            limit=MAX_FILE_BYTES // 1024 // 1024,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnusableInput(
            _("file is not UTF-8 (byte 0x{byte}); save it as UTF-8"),
            path,
            line,
            col,
            byte=f"{data[exc.start]:02x}",
        ) from None
    if not text.strip():
        raise UnusableInput(_("file is empty; there is nothing to import"), path, 1, 1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_lang(text: str) -> str:
    """ "ar" when Arabic letters outnumber Latin ones, else "en"."""
    arabic = len(_ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    return "ar" if arabic >= latin and arabic else "en"


def section_is_article(lines: list[str]) -> bool:
    """English texts number either Articles (and group them in Sections) or Sections."""
    article = re.compile(r"^\s*(Article|ARTICLE|Art\.)\s+\S")
    return not any(article.match(line) for line in lines)
