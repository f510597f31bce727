"""Clean what PDFs, web pages and Word leave in a text before its lines are read.

- Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF: the shaped
  letters a PDF stores) become the letters they show, by NFKC on those
  characters only, so Latin ligatures and full-width signs stay as written.
- In an Arabic text, the Persian letters ی and ک that keyboards and PDFs put
  for ي and ك become the Arabic ones, and Persian digits (۱۲) Arabic-Indic
  ones (١٢): otherwise the same word differs and a label is not read.
- A line whose brackets all come mirrored («)1( …», as RTL text extracted
  left to right often does) gets them the right way round.
- A sentence wrapped over several lines (a PDF's line breaks) is joined back,
  so that each paragraph is one line; a line that ends a sentence, a heading
  and a labelled line are never joined.
"""

from __future__ import annotations

import re
import unicodedata

from .headings import HEADING_FORMS, form_head
from .patterns import article_head, division_head, numbered

_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_PERSIAN = str.maketrans("یکۀ۰۱۲۳۴۵۶۷۸۹", "يكة٠١٢٣٤٥٦٧٨٩")
_SENTENCE_END = (".", ":", ";", "؛", "!", "?", "؟", "»", '"', ")")
# A wrapped line is nearly as long as the longest lines: shorter ones end
# where the writer ended them.
_WRAP_SHARE = 0.6
_WRAP_MIN = 50


def normalise_letters(text: str, arabic: bool) -> str:
    """Presentation forms as letters; in Arabic, Persian variants as Arabic."""
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_PERSIAN) if arabic else text


def unmirror(line: str) -> str:
    """A line whose every bracket pair reads `)…(` with its brackets turned."""
    opening, closing = line.find("("), line.find(")")
    if closing == -1 or (opening != -1 and opening < closing):
        return line
    if line.count("(") != line.count(")"):
        return line
    return line.translate(str.maketrans("()", ")("))


def _ends_by_itself(line: str, arabic: bool) -> bool:
    stripped = line.strip()
    return (
        not stripped
        or stripped.endswith(_SENTENCE_END)
        or article_head(stripped) is not None
        or division_head(stripped) is not None
        or form_head(stripped, HEADING_FORMS, marked=False) is not None
        or (numbered(stripped, arabic) is not None and len(stripped) < _WRAP_MIN)
    )


def _opens_by_itself(line: str, arabic: bool) -> bool:
    stripped = line.strip()
    return (
        not stripped
        or line[0].isspace()
        or numbered(stripped, arabic) is not None
        or article_head(stripped) is not None
        or division_head(stripped) is not None
        or stripped.startswith(("-", "*", "•"))
    )


def rejoin_wrapped(lines: list[str], arabic: bool) -> list[tuple[int, str]]:
    """Lines with wrapped sentences joined, each with its first line number."""
    longest = max((len(line.strip()) for line in lines), default=0)
    wide = max(_WRAP_MIN, int(longest * _WRAP_SHARE))
    out: list[tuple[int, str]] = []
    last = ""  # the previous line as the source wrote it
    for number, line in enumerate(lines, start=1):
        if (
            out
            and longest >= _WRAP_MIN
            and len(last.strip()) >= wide
            and not _ends_by_itself(last, arabic)
            and not _opens_by_itself(line, arabic)
        ):
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " " + line.strip())
        else:
            out.append((number, line))
        last = line
    return out
