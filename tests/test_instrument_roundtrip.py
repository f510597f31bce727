"""apply(instrument(diff(a, b)), a) == b for random documents and random edits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bylaws.instrument import apply_instrument, parse_instrument, write_instrument
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
