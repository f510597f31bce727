"""`bylaws show` output imports back to the same document (issue #11 item 4):
many points, points nested deep, lead-ins, a preamble, empty numbered
paragraphs, words of diacritics only, Arabic and Latin digits mixed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.importers import import_bytes
from bylaws.model import (
    Article,
    ArticleEntry,
    Document,
    DocumentMeta,
    P,
    Paragraph,
    Point,
    Text,
)
from bylaws.render import Reader
from bylaws.show import as_text

from .conftest import examples

_WORDS = {
    "ar": ["الأعضاء", "مجلس", "الجمعية", "يجتمع", "سنوياً", "مُقرَّر", "ـــ"],
    "en": ["members", "board", "meets", "yearly", "dues", "fee", "«quoted»"],
}
# Words a text may hold anywhere but at its start, where they could read as
# a label: numbers in both digit forms, marks alone, a dash.
_INNER = ["15", "١٥", "2024م", "٣٠%", "ًٌٍ", "َ", "—", "(ب)", "(c)", "1-", "ii."]


@st.composite
def _text(draw: st.DrawFn, lang: str) -> tuple[Text, ...]:
    first = draw(st.sampled_from(_WORDS[lang]))
    rest = draw(st.lists(st.sampled_from(_WORDS[lang] + _INNER), max_size=6))
    return (Text(" ".join([first, *rest])),)


@st.composite
def _point(draw: st.DrawFn, lang: str, depth: int) -> Point:
    items: list[P | Point] = [P(draw(_text(lang)))]
    if depth < 4 and draw(st.integers(0, 2)) == 0:
        items += [draw(_point(lang, depth + 1)) for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            items.append(P(draw(_text(lang))))  # text after the sub-points
    return Point(tuple(items))


@st.composite
def _paragraph(draw: st.DrawFn, lang: str, alone: bool) -> Paragraph:
    if not alone and draw(st.integers(0, 5)) == 0:
        return Paragraph((P(()),))  # numbered, and empty
    items: list[P | Point] = [P(draw(_text(lang)))]
    many = draw(st.sampled_from([0, 1, 3, 40]))
    items += [draw(_point(lang, 1)) for _ in range(many)]
    return Paragraph(tuple(items))


@st.composite
def _documents(draw: st.DrawFn) -> Document:
    lang = draw(st.sampled_from(["ar", "en"]))
    ids = [f"art-{i}" for i in range(1, draw(st.integers(1, 3)) + 1)]
    articles = {}
    for article_id in ids:
        count = draw(st.integers(1, 3))
        intro = (P(draw(_text(lang))),) if draw(st.booleans()) else ()
        paragraphs = tuple(
            draw(_paragraph(lang, count == 1 and not intro)) for _ in range(count)
        )
        heading = draw(st.one_of(st.none(), st.sampled_from(_WORDS[lang])))
        articles[article_id] = Article(article_id, heading, paragraphs, intro=intro)
    preamble = tuple(
        P(draw(_text(lang))) for _ in range(draw(st.sampled_from([0, 0, 1, 2])))
    )
    return Document(
        "generated",
        lang,
        "auto",
        "words" if lang == "ar" else "digits",
        DocumentMeta("Title" if lang == "en" else "العنوان"),
        tuple(ArticleEntry(i) for i in ids),
        articles,
        preamble=preamble,
    )


@settings(max_examples=examples(60), deadline=None)
@given(doc=_documents())
def test_show_output_imports_back_to_the_same_document(doc: Document) -> None:
    reader = Reader(doc)
    shown = as_text(reader, reader.outline(), whole=True)
    result = import_bytes(shown.encode(), "shown.txt", "text", doc.id, doc.lang)
    back = result.document
    assert back.meta.title == doc.meta.title
    assert back.preamble == doc.preamble
    assert back.outline == doc.outline
    assert dict(back.articles) == dict(doc.articles)


def test_300_points_under_one_paragraph_import_as_300() -> None:
    for lang in ("ar", "en"):
        points = tuple(Point((P((Text(f"item {i}"),)),)) for i in range(300))
        article = Article("art-1", None, (Paragraph((P((Text("lead:"),)), *points)),))
        doc = Document(
            "d",
            lang,
            "auto",
            "digits",
            DocumentMeta("T"),
            (ArticleEntry("art-1"),),
            {"art-1": article},
        )
        reader = Reader(doc)
        shown = "T\n\n" + as_text(reader, reader.outline())
        back = import_bytes(shown.encode(), "x.txt", "text", "d", lang).document
        assert len(back.articles["art-1"].paragraphs[0].points) == 300
        assert back.articles["art-1"] == article
