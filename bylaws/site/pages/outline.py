"""The text in force cut into pages, and the hidden search copy of an article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bylaws.model import Division, Document, OutlineNode, iter_entries
from bylaws.numbering import division_heading, division_label_in, number_divisions

from ..labels import Labels

__all__ = ["TextGroup", "division_title", "text_groups"]


@dataclass(frozen=True)
class TextGroup:
    """A page of the text in force: one top-level division, or loose articles."""

    id: str
    title: str
    nodes: tuple[OutlineNode, ...]


def division_title(
    doc: Document, numbers: Mapping[str, int], division: Division
) -> str:
    """«الفصل الأول: أحكام عامة»: a division's designation and its heading.

    Where the document's units give the heading a form ("ARTICLE II – MEMBERSHIP")
    the site writes it so, as `show` and the exports do, unless that form takes
    two lines (a page title is one).
    """
    units = doc.units
    if units is not None and division.kind == units.division:
        line = division_heading(units, numbers[division.id], division.heading)
        if "\n" not in line:
            return line
    label = division_label_in(doc, division.kind, numbers[division.id])
    return f"{label}: {division.heading}" if division.heading else label


def text_groups(doc: Document, labels: Labels) -> list[TextGroup]:
    """The text in force cut into pages: each top-level division is one page."""
    numbers = number_divisions(doc)
    groups: list[TextGroup] = []
    loose: list[OutlineNode] = []

    def flush() -> None:
        if loose:
            first = next(iter_entries(tuple(loose)))
            title = labels["text"] if not groups else labels["articles"]
            groups.append(TextGroup(first.ref, title, tuple(loose)))
            loose.clear()

    for node in doc.outline:
        if isinstance(node, Division):
            flush()
            groups.append(
                TextGroup(node.id, division_title(doc, numbers, node), (node,))
            )
        else:
            loose.append(node)
    flush()
    return groups
