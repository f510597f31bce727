"""`bylaws show` of English bylaws imports back to the same document: any
Article heading form, roman, digit or word numerals, Sections numbered
afresh or decimally, with or without titles, numbered paragraphs, points
three deep, a preamble (issue #19)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.importers import import_bytes
from bylaws.model import (
    DEFAULT_DIVISION_HEADING,
    Article,
    ArticleEntry,
    Division,
    Document,
    DocumentMeta,
    P,
    Paragraph,
    Point,
    Text,
    Units,
)
from bylaws.render import Reader
from bylaws.show import as_text

from .conftest import examples

_WORDS = ["members", "dues", "the board", "meets", "yearly", "fee", "shall", "vote"]
_ARTICLE_TITLES = ["NAME", "MEMBERSHIP", "OFFICERS", "MEETINGS", "FINANCES"]
_SECTION_TITLES = ["Name", "Dues", "Eligibility", "Annual meeting", "Quorum", "Terms"]
_HEADINGS = [
    DEFAULT_DIVISION_HEADING,
    "ARTICLE {d} - {title}",
    "ARTICLE {d} – {title}",
    "ARTICLE {d}. {title}",
    "Article {d} - {title}",
    "Article {d}\n{title}",
]


@st.composite
def _text(draw: st.DrawFn) -> tuple[Text, ...]:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6))
    return (Text(" ".join(words) + "."),)


@st.composite
def _point(draw: st.DrawFn, depth: int) -> Point:
    items: list[P | Point] = [P(draw(_text()))]
    if depth < 3 and draw(st.integers(0, 2)) == 0:
        items += [draw(_point(depth + 1)) for _ in range(draw(st.integers(1, 2)))]
    return Point(tuple(items))


@st.composite
def _paragraph(draw: st.DrawFn) -> Paragraph:
    items: list[P | Point] = [P(draw(_text()))]
    items += [draw(_point(1)) for _ in range(draw(st.integers(0, 3)))]
    return Paragraph(tuple(items))


@st.composite
def _bylaws(draw: st.DrawFn) -> Document:
    decimal = draw(st.booleans())
    numerals = draw(st.sampled_from(["upper-roman", "digits", "words"]))
    units = Units(
        numerals=numerals,
        numbering="decimal" if decimal else "restart",
        label=draw(
            st.sampled_from(
                ["{n}", "Section {n}"]
                if decimal
                else ["Section {n}", "Sec. {n}", "§ {n}"]
            )
        ),
        citation="Section {n}" if decimal else "Article {d}, Section {n}",
        heading=draw(st.sampled_from(_HEADINGS)),
    )
    titles = draw(
        st.lists(st.sampled_from(_ARTICLE_TITLES), min_size=1, max_size=3, unique=True)
    )
    names = iter(draw(st.permutations(_SECTION_TITLES)))
    outline, articles = [], {}
    for d, title in enumerate(titles, 1):
        entries = []
        for n in range(1, draw(st.integers(1, 2)) + 1):
            heading = next(names) if draw(st.integers(0, 3)) else None
            slug = heading.lower().replace(" ", "-") if heading else f"{d}-{n}"
            paragraphs = tuple(
                draw(_paragraph()) for _ in range(draw(st.integers(1, 3)))
            )
            articles[f"sec-{slug}"] = Article(f"sec-{slug}", heading, paragraphs)
            entries.append(ArticleEntry(f"sec-{slug}"))
        outline.append(
            Division("chapter", f"art-{title.lower()}", title, tuple(entries))
        )
    preamble = tuple(P(draw(_text())) for _ in range(draw(st.integers(0, 2))))
    return Document(
        "bylaws",
        "en",
        "auto",
        "digits",
        DocumentMeta("Bylaws of the Club"),
        tuple(outline),
        articles,
        preamble=preamble,
        units=units,
    )


@settings(max_examples=examples(80), deadline=None)
@given(doc=_bylaws())
def test_show_output_imports_back_to_the_same_bylaws(doc: Document) -> None:
    reader = Reader(doc)
    shown = as_text(reader, reader.outline(), whole=True)
    back = import_bytes(shown.encode(), "shown.txt", "text", doc.id, "en").document
    assert back.units == doc.units
    assert back.preamble == doc.preamble
    assert back.outline == doc.outline
    assert dict(back.articles) == dict(doc.articles)
