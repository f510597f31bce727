"""The preamble and the closing of a document compared as units of their own.

A changed preamble (a date in the enacting words, a new recital) is reported
as "Preamble amended", never as a change of Article 1. The comparison reuses
the article machinery on a stand-in article holding the text, then names the
record after what it is.
"""

from __future__ import annotations

from dataclasses import replace

from bylaws.diff.articles import Sides, article_change
from bylaws.diff.changes import ArticleChange
from bylaws.diff.sides import Side
from bylaws.locale import _, tr
from bylaws.model import Article, ArticleEntry, Document, P, Paragraph

# The ids of the records; no article id can be one (ids name articles "art-…"
# by convention, and these two are kept for the document's own texts).
PREAMBLE = "preamble"
CLOSING = "closing"


def _stand_in(doc: Document, key: str, texts: tuple[P, ...]) -> Document:
    article = Article(key, None, (Paragraph(texts or (P(()),)),))
    return replace(doc, outline=(ArticleEntry(key),), articles={key: article})


def _change(old: Document, new: Document, key: str, label: str) -> ArticleChange | None:
    before, after = getattr(old, key), getattr(new, key)
    if before == after:
        return None
    labels: dict[tuple[int, int, str, str], str] = {}
    sides = Sides(
        Side(_stand_in(old, key, before), labels),
        Side(_stand_in(new, key, after), labels),
        False,
    )
    change = article_change(sides, key, key, False, False)
    if change is None:
        return None
    shown = tr(label, new.lang)
    return replace(
        change,
        old_id=key if before else None,
        new_id=key if after else None,
        old_number=None,
        new_number=None,
        old_label=shown,
        new_label=shown,
    )


def preamble_change(old: Document, new: Document) -> ArticleChange | None:
    """What happened to the preamble, or None when it reads the same."""
    return _change(old, new, PREAMBLE, _("Preamble"))


def closing_change(old: Document, new: Document) -> ArticleChange | None:
    """What happened to the closing text, or None when it reads the same."""
    return _change(old, new, CLOSING, _("Closing"))
