"""The amendment instrument: the formal text a body adopts, and back.

`write_instrument(old, new)` words the changes from `old` to `new` the way a
drafter would, in the document's language: a few words replaced where few
changed, a paragraph restated where much of it changed, the whole article
restated where most of it did; repeals, insertions, moves and new headings.
`parse_instrument` reads such a text back into clauses and `apply_clauses`
carries them out, so that applying the instrument to `old` gives `new`
exactly. The writer checks that itself before it returns.

Conventions that make the text readable back:
- articles and divisions are designated by their numbers in the text being
  amended; an article that the instrument itself adds is designated by its new
  number followed by its id in brackets, `[art-new]`;
- quoted words are in «…» (Arabic) or “…” (English); a quotation is long
  enough to occur once in its paragraph;
- a restated article or paragraph stands between a line «« and a line »».
  (“ and ”. in English), one paragraph or point per line, points indented;
- a live reference is written `[designation](address)`.

`publish_instrument` gives the form a body adopts and publishes: a title, a
preamble, the clauses with no ids and no link syntax, closing words; the
reader reads that form too, whatever words the title, preamble and closing
were given (see `publish`).

The modules, in the order a change passes through them: `clauses` (the
records), `choose` (which clauses), `write` (their words), `read` with
`patterns_ar`/`patterns_en` (the words back into clauses), `apply` (the
clauses carried out), `publish` (the published form); `designations`, `runs` and `blocks` serve both ways.
"""

from __future__ import annotations

from .apply import apply_clauses
from .choose import instrument_clauses
from .clauses import (
    Clause,
    InsertArticle,
    InstrumentError,
    MoveArticle,
    RepealArticle,
    ReplaceArticle,
    ReplaceHeading,
    ReplaceParagraph,
    ReplaceWords,
)
from .publish import Frame, frame_of_proposal, publish_instrument, reader_view
from .read import apply_instrument, parse_instrument
from .runs import reader_segments
from .write import render_instrument, write_instrument

__all__ = [
    "Clause",
    "Frame",
    "InsertArticle",
    "InstrumentError",
    "MoveArticle",
    "RepealArticle",
    "ReplaceArticle",
    "ReplaceHeading",
    "ReplaceParagraph",
    "ReplaceWords",
    "apply_clauses",
    "apply_instrument",
    "frame_of_proposal",
    "instrument_clauses",
    "parse_instrument",
    "publish_instrument",
    "reader_segments",
    "reader_view",
    "render_instrument",
    "write_instrument",
]
