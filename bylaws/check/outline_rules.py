"""Rules on a loaded document: its outline and its numbers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..errors import Problem
from ..locale import _
from ..model import (
    ArticleEntry,
    Document,
    iter_divisions,
    iter_entries,
)
from .files import _problem


def outline_problems(
    doc: Document, articles_folder: str, unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    """Articles listed twice or not at all, missing files, duplicate ids."""
    entries = list(iter_entries(doc.outline))
    refs = [e.ref for e in entries]
    counts = Counter(refs)
    # Thousands of entries: the ids with a file are one set, looked up in C,
    # and the outline is searched for repeats only when it has some.
    present = set(doc.articles)
    repeats = len(counts) != len(refs)
    seen: set[str] = set()
    for entry in entries:
        if repeats:
            if counts[entry.ref] > 1 and entry.ref in seen:
                yield _problem(
                    entry.loc,
                    _("article {ref} is listed twice in the outline"),
                    ref=entry.ref,
                )
            seen.add(entry.ref)
        missing = entry.ref not in present and entry.ref not in unreadable
        if missing and not entry.repealed:
            yield _problem(
                entry.loc,
                _("article {ref} is in the outline but has no file {folder}/{ref}.xml"),
                ref=entry.ref,
                folder=articles_folder,
            )
        if entry.num is not None and doc.numbering == "auto":
            yield _problem(
                entry.loc,
                _(
                    'article {ref} has num={num!r} but the document numbers its articles automatically (numbering="auto"); remove num'
                ),
                "warning",
                ref=entry.ref,
                num=entry.num,
            )
        if entry.repealed and doc.numbering == "auto":
            yield _problem(
                entry.loc,
                _(
                    'article {ref} is marked repealed, which only a numbering="fixed" document keeps; remove it from the outline'
                ),
                "warning",
                ref=entry.ref,
            )
    listed = set(counts)
    for ref in sorted(present - listed):
        article = doc.articles[ref]
        if ref not in listed:
            yield _problem(
                article.loc,
                _(
                    'article {ref} is not listed in the outline of {document}; add <article ref="{ref}"/> to document.xml or delete the file'
                ),
                ref=ref,
                document=doc.id,
            )
    division_ids = Counter(d.id for d in iter_divisions(doc.outline))
    for division in iter_divisions(doc.outline):
        if division_ids[division.id] > 1:
            yield _problem(
                division.loc, _("duplicate division id {id!r}"), id=division.id
            )
        if division.id in doc.articles:
            yield _problem(
                division.loc,
                _("division id {id!r} is also an article id"),
                id=division.id,
            )
    yield from _fixed_number_problems(doc, entries)


def _fixed_number_problems(
    doc: Document, entries: list[ArticleEntry]
) -> Iterator[Problem]:
    if doc.numbering != "fixed":
        return
    last = 0
    for entry in entries:
        if entry.num is None:
            continue
        if int(entry.num) <= last:
            yield _problem(
                entry.loc,
                _(
                    "article {ref} has number {num} after number {last}; fixed numbers must increase through the outline"
                ),
                ref=entry.ref,
                num=entry.num,
                last=last,
            )
        last = max(last, int(entry.num))
