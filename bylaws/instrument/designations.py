"""How an instrument designates the articles, paragraphs and divisions of a text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..locale import _
from ..model import (
    Division,
    Document,
    OutlineNode,
)
from ..numbering import (
    article_number,
    designation,
    division_label_in,
    number_divisions,
    number_outline,
    paragraph_label,
    to_genitive_ar,
)
from ..text import normalize_word
from .clauses import InstrumentError


def is_arabic(doc: Document) -> bool:
    return doc.lang.split("-")[0].lower() == "ar"


# How the published instrument designates an article that it inserts itself:
# by the clause that inserts it, since its number would name another article.
_INSERTED_AR = re.compile(r"المادة المضافة بالبند \((\S+)\)")
_INSERTED_EN = re.compile(r"the article inserted by clause (\S+)")


def inserted_by_clause(number: int, ar: bool) -> str:
    """The published designation of the article inserted by clause `number`."""
    return (
        f"المادة المضافة بالبند ({number})"
        if ar
        else (f"the article inserted by clause {number}")
    )


@dataclass(frozen=True)
class Names:
    """How the instrument designates the articles and divisions of the base text."""

    doc: Document
    articles: dict[str, str]  # id -> designation
    genitive: dict[str, str]  # id -> designation after a preposition (Arabic)
    divisions: dict[str, str]
    ar: bool
    # Articles the instrument being read inserts: clause number -> id.
    inserted: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Document) -> Names:
        ar = is_arabic(doc)
        articles: dict[str, str] = {}
        genitive: dict[str, str] = {}
        for ref, number in number_outline(doc).items():
            num = article_number(number.n, number.k, doc.lang, doc.style)
            articles[ref] = f"المادة ({num})" if ar else f"Article {num}"
            if doc.units is not None:
                articles[ref] = designation(doc, number)  # "Article II, Section 3"
            genitive[ref] = f"المادة ({to_genitive_ar(num)})" if ar else articles[ref]
        numbers = number_divisions(doc)
        divisions: dict[str, str] = {}

        def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
            for node in nodes:
                if isinstance(node, Division):
                    label = division_label_in(doc, node.kind, numbers[node.id])
                    if node.kind == "section" and parent:
                        label += (" من " if ar else " of ") + parent
                    divisions[node.id] = label
                    walk(node.children, label)

        walk(doc.outline, None)
        return cls(doc, articles, genitive, divisions, ar)

    def article(self, ref: str, new: Document | None = None, gen: bool = False) -> str:
        if ref in self.articles:
            return (self.genitive if gen else self.articles)[ref]
        # An article the instrument adds: its new number, then its id.
        label = ""
        if new is not None:
            number = number_outline(new).get(ref)
            if number is not None and new.units is not None:
                label = designation(new, number)
            elif number is not None:
                num = article_number(number.n, number.k, new.lang, new.style)
                if self.ar and gen:
                    num = to_genitive_ar(num)
                label = f"المادة ({num})" if self.ar else f"Article {num}"
        label = label or ("المادة" if self.ar else "Article")
        return f"{label} [{ref}]"

    def division(self, ref: str) -> str:
        return self.divisions[ref]

    def paragraph(self, ref: str, para: int) -> str:
        label = paragraph_label(para, self.doc.lang, self.doc.style)
        if self.ar:
            return f"الفقرة {label} من {self.article(ref, gen=True)}"
        article = self.doc.articles.get(ref)
        if self.doc.units is not None and article and len(article.paragraphs) == 1:
            return self.article(ref)  # "in Article II, Section 3"
        return f"{self.article(ref)}{label}"

    def find_article(self, text: str, line: int, path: str) -> str:
        found = re.fullmatch(r"(.*?) ?\[([a-z0-9][a-z0-9\-]*)\]", text)
        if found:
            return found.group(2)
        by_clause = (_INSERTED_AR if self.ar else _INSERTED_EN).fullmatch(text)
        if by_clause:
            number = normalize_word(by_clause.group(1))
            if number in self.inserted:
                return self.inserted[number]
            raise InstrumentError(
                _("clause {number} inserts no article before this one"),
                path,
                line,
                1,
                number=number,
            )
        for table in (self.articles, self.genitive):
            for ref, label in table.items():
                if label == text:
                    return ref
        raise InstrumentError(
            _("«{text}» designates no article of the text being amended"),
            path,
            line,
            1,
            text=text,
        )

    def find_division(self, text: str, line: int, path: str) -> str:
        for ref, label in self.divisions.items():
            if label == text:
                return ref
        raise InstrumentError(
            _("«{text}» designates no part, chapter or section"),
            path,
            line,
            1,
            text=text,
        )

    def find_paragraph(self, text: str, line: int, path: str) -> tuple[str, int] | None:
        if self.ar:
            found = re.fullmatch(r"الفقرة \((\S+?)\) من (.+)", text)
            if not found:
                return None
            number, article = found.group(1), found.group(2)
        else:
            found = re.fullmatch(r"(.+?)\((\S+?)\)", text)
            if not found:
                return None
            article, number = found.group(1), found.group(2)
        digits = normalize_word(number)
        if not digits.isdigit():
            raise InstrumentError(
                _("«{number}» is not a paragraph number"), path, line, 1, number=number
            )
        return self.find_article(article, line, path), int(digits)
