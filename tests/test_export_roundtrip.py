"""import(export(doc)) == doc for Markdown, Akoma Ntoso and Word.

Our exports carry ids (Markdown `{#id}`, AKN GUIDs, Word bookmarks) and the
document's settings, so the document comes back equal, not just similar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.exporters import export_model
from bylaws.importers import import_bytes
from bylaws.model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    DocumentMeta,
    Inline,
    Note,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Ref,
    Stage,
    Text,
)
from bylaws.workspace import DiskTree, load_document

from .conftest import ENGLISH, SAMPLE, examples
from .proposal_strategies import documents as proposal_documents

FORMATS = {"markdown": "x.md", "akn": "x.xml", "docx": "x.docx"}


def _round_trip(doc: Document, fmt: str) -> Document:
    data = export_model(doc, fmt)
    return import_bytes(data, FORMATS[fmt], fmt).document


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_samples_come_back_equal(folder: Path, fmt: str) -> None:
    doc = load_document(DiskTree(folder))
    back = _round_trip(doc, fmt)
    assert back.meta == doc.meta
    assert (back.id, back.lang, back.numbering, back.style) == (
        doc.id,
        doc.lang,
        doc.numbering,
        doc.style,
    )
    assert back.outline == doc.outline
    assert dict(back.articles) == dict(doc.articles)


# --- generated documents --------------------------------------------------------

_AR_WORDS = ["الأعضاء", "الهيئة", "تجتمع", "وفق", "النظام", "مرة", "في", "السنة"]
_EN_WORDS = ["members", "the", "board", "meets", "under", "rules", "once", "a", "year"]
# Pieces that look like structure or markup when they open a line.
_TRICKY = [
    "(1)",
    "1-",
    "أ-",
    "(a)",
    "#",
    "*",
    "_",
    "[x]",
    "\\",
    "المادة الأولى",
    "Article 2",
    "الباب الأول",
    "Chapter 3",
    "-",
    ">",
    ":",
    "{#id}",
    "<b>",
    "&",
]


@st.composite
def _sentence(draw: st.DrawFn, lang: str) -> str:
    words = _AR_WORDS if lang == "ar" else _EN_WORDS
    pieces = draw(st.lists(st.sampled_from(words + _TRICKY), min_size=1, max_size=6))
    return " ".join(pieces)


@st.composite
def _runs(draw: st.DrawFn, lang: str, targets: list[str]) -> tuple[Inline, ...]:
    runs: list[Inline] = [Text(draw(_sentence(lang)))]
    if targets and draw(st.booleans()):
        runs.append(Text(" "))
        runs.append(
            Ref(
                draw(st.sampled_from(targets)),
                draw(st.sampled_from(["full", "number"])),
            )
        )
        if draw(st.booleans()):
            runs.append(Text(" " + draw(_sentence(lang))))
    if draw(st.booleans()) and targets:
        # A reference may also open the text.
        runs = [Ref(draw(st.sampled_from(targets))), Text(" "), *runs]
    return _canonical(runs)


def _canonical(runs: list[Inline]) -> tuple[Inline, ...]:
    """Neighbouring texts merged, as every file format reads them back."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].value + run.value)
        else:
            out.append(run)
    return tuple(out)


@st.composite
def _items(
    draw: st.DrawFn, lang: str, targets: list[str], depth: int
) -> tuple[P | Point, ...]:
    items: list[P | Point] = []
    for _ in range(draw(st.integers(1, 3))):
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            items.append(Point(draw(_items(lang, targets, depth + 1))))
        else:
            items.append(P(draw(_runs(lang, targets))))
    return tuple(items)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    lang = draw(st.sampled_from(["ar", "en"]))
    style = draw(
        st.sampled_from(
            ["words", "digits", "arabic-indic"] if lang == "ar" else ["words", "digits"]
        )
    )
    count = draw(st.integers(1, 5))
    ids = [f"art-{i}" for i in range(1, count + 1)]
    articles = {}
    for article_id in ids:
        paragraphs = tuple(
            Paragraph(draw(_items(lang, ids, 0)))
            for _ in range(draw(st.integers(1, 3)))
        )
        notes = tuple(
            Note(draw(_runs(lang, []))) for _ in range(draw(st.integers(0, 1)))
        )
        heading = draw(st.one_of(st.none(), _sentence(lang)))
        articles[article_id] = Article(article_id, heading, paragraphs, notes)
    entries: list[OutlineNode] = [ArticleEntry(i) for i in ids]
    if draw(st.booleans()) and count > 1:
        cut = draw(st.integers(1, count - 1))
        chapter = "الفصل" if lang == "ar" else "Chapter"
        outline: tuple[OutlineNode, ...] = (
            *entries[:cut],
            Division(
                "chapter",
                "chp-x",
                draw(_sentence(lang)) + f" {chapter}",
                tuple(entries[cut:]),
            ),
        )
        if draw(st.booleans()):
            outline = (Division("part", "part-a", draw(_sentence(lang)), outline),)
    else:
        outline = tuple(entries)
    meta = DocumentMeta(
        title=draw(_sentence(lang)),
        short_title=draw(st.one_of(st.none(), _sentence(lang))),
        stages=(Stage("board", "Board"),) if draw(st.booleans()) else (),
    )
    return Document("generated", lang, "auto", style, meta, outline, articles)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=documents())
def test_generated_documents_come_back_equal(fmt: str, doc: Document) -> None:
    back = _round_trip(doc, fmt)
    assert back.outline == doc.outline
    assert back.meta == doc.meta
    assert dict(back.articles) == dict(doc.articles)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=examples(40), deadline=None)
@given(doc=proposal_documents())
def test_fixed_numbering_and_divisions_come_back_equal(fmt: str, doc: Document) -> None:
    back = _round_trip(doc, fmt)
    assert (back.numbering, back.style) == (doc.numbering, doc.style)
    assert back.outline == doc.outline
    assert dict(back.articles) == dict(doc.articles)
