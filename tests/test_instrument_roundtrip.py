"""apply(instrument(diff(a, b)), a) == b for random documents and random edits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.instrument import (
    apply_instrument,
    parse_instrument,
    publish_instrument,
    reader_view,
    write_instrument,
)
from bylaws.overlay import apply_proposal

from .conftest import examples
from .proposal_strategies import decorated, documents, proposals


@st.composite
def edited_documents(draw: st.DrawFn) -> tuple[object, object]:
    doc = draw(documents())
    proposed = apply_proposal(doc, draw(proposals(doc)))
    if draw(st.booleans()):  # notes, and words after points, on either side
        return draw(decorated(doc)), draw(decorated(proposed))
    return doc, proposed


@settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edited_documents())
def test_instrument_reads_back_to_the_proposed_text(
    pair: tuple[object, object],
) -> None:
    old, new = pair
    text = write_instrument(old, new)  # type: ignore[arg-type]
    assert apply_instrument(old, text) == new  # type: ignore[arg-type]
    # A real change gives at least one clause; no change gives an empty text.
    assert bool(parse_instrument(text, old)) == (old != new)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_documents(), st.booleans())
def test_published_instrument_reads_back_as_apply_reads(
    pair: tuple[object, object], reworded: bool
) -> None:
    old, new = pair
    text = publish_instrument(old, new)  # type: ignore[arg-type]
    assert "](" not in text
    if reworded:
        # A secretary rewrites the title and the preamble in other words.
        lines = text.splitlines()
        first = next((i for i, x in enumerate(lines) if x[:1].isdigit()), len(lines))
        text = "\n".join(
            ["Decision 7/2026", "", "Having heard the members:", *lines[first:]]
        )
    back = apply_instrument(old, text)  # type: ignore[arg-type]
    assert reader_view(back) == reader_view(new)  # type: ignore[arg-type]


def test_a_move_past_an_article_repealed_in_place() -> None:
    """Old 1 2 3, new 2 (repealed) 3 1: the move is of 1, placed after 3.

    Found by the property once generated text held invisible characters; the
    repealed article was taken to be in place, and 3 was moved after it.
    """
    from bylaws.model import (
        Article,
        ArticleEntry,
        Division,
        Document,
        DocumentMeta,
        P,
        Paragraph,
        Text,
    )

    def document(order: list[int], repealed: int | None = None) -> Document:
        articles = {
            f"art-{n}": Article(f"art-{n}", None, (Paragraph((P((Text("نص"),)),)),))
            for n in (1, 2, 3)
            if n != repealed  # a repealed article keeps its place, not its text
        }
        entries = tuple(ArticleEntry(f"art-{n}", str(n), n == repealed) for n in order)
        outline = (Division("chapter", "chp-1", "العضو", entries),)
        return Document(
            "doc", "ar", "fixed", "words", DocumentMeta("T"), outline, articles
        )

    old, new = document([1, 2, 3]), document([2, 3, 1], repealed=2)
    assert apply_instrument(old, write_instrument(old, new)) == new
