"""Never a lost word: a diff carries every word of both texts, whatever changed.

Random documents and random proposals on them, with editorial notes and text
after points added on either side, are compared with `--context`; for every
article, the words of its units on each side are the words of that side's
article (paragraphs, points, text after points and notes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.diff.compare import diff_documents, render_runs
from bylaws.diff.words import new_text, old_text
from bylaws.model import Article, Document, P, Point
from bylaws.numbering import number_outline
from bylaws.overlay import apply_proposal

from .conftest import examples
from .proposal_strategies import decorated, documents, proposals


def _ps(items: Sequence[P | Point]) -> Iterator[P]:
    for item in items:
        if isinstance(item, P):
            yield item
        else:
            yield from _ps(item.items)


def _words(doc: Document, article: Article) -> Counter[str]:
    """Every word a reader sees in an article's text and notes (not its heading)."""
    numbers = number_outline(doc)
    blocks = [p.runs for para in article.paragraphs for p in _ps(para.items)]
    blocks += [note.runs for note in article.notes]
    return Counter(
        w for runs in blocks for w in render_runs(doc, numbers, runs).split()
    )


@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_every_word_of_both_sides_is_in_the_diff(data: st.DataObject) -> None:
    base = data.draw(documents())
    old = data.draw(decorated(base))
    proposed = apply_proposal(base, data.draw(proposals(base)))
    new = data.draw(decorated(proposed))
    diff = diff_documents(old, new, context=True)
    for change in diff.context:
        sides = (
            (old, change.old_id, "old_address", old_text),
            (new, change.new_id, "new_address", new_text),
        )
        for doc, article_id, address, text in sides:
            if article_id is None:
                continue
            shown = Counter(
                w
                for u in change.units
                if getattr(u, address) is not None
                for w in text(u.ops).split()
            )
            assert shown == _words(doc, doc.articles[article_id]), change.article


WORDS_OF_DESIGNATIONS = st.lists(
    st.sampled_from(
        ["المادة", "الفقرة", "(2)", "من", "السادسة", "السابعة", "والثلاثين", ""]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@given(WORDS_OF_DESIGNATIONS, WORDS_OF_DESIGNATIONS)
def test_a_reference_read_otherwise_rebuilds_both_readings_exactly(
    old: str, new: str
) -> None:
    from bylaws.diff.units import _changed_designation

    if old == new:
        return
    ops = _changed_designation(old, new)
    assert (old_text(ops), new_text(ops)) == (old, new)
    assert all(op.formal for op in ops if op.kind != "equal")
