"""`fmt` is idempotent on every document (issue #11, item 5).

Generated documents (with invisible characters in their text, see
`proposal_strategies.INVISIBLE`) are written, their layout messed up at
random, and formatted: a second `fmt` must change nothing, and the text must
read as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws import xmlio
from bylaws.model import Document

from .conftest import ENGLISH, SAMPLE, examples
from .proposal_strategies import documents

# Whitespace a hand or an editor puts where the canonical form has its own.
_BLANKS = st.text(alphabet=" \t\n\r", min_size=0, max_size=4)


def _files(doc: Document) -> dict[str, bytes]:
    files = {
        f"{article.id}.xml": xmlio.serialize(xmlio.article_to_xml(article))
        for article in doc.articles.values()
    }
    files["document.xml"] = xmlio.serialize(xmlio.document_to_xml(doc))
    return files


@st.composite
def messed_up(draw: st.DrawFn, data: bytes) -> bytes:
    """The file with its layout changed: indentation, blanks at text edges."""
    text = data.decode("utf-8")
    pieces = re.split(r"(\n *|<p>|</p>|<heading>|</heading>)", text)
    out = []
    for piece in pieces:
        if piece.startswith("\n"):
            out.append("\n" + draw(_BLANKS))
        elif piece in ("<p>", "<heading>"):
            out.append(piece + draw(_BLANKS))
        elif piece in ("</p>", "</heading>"):
            out.append(draw(_BLANKS) + piece)
        else:
            out.append(piece)
    return "".join(out).encode("utf-8")


def _assert_idempotent(data: bytes, name: str) -> bytes:
    once = xmlio.canonical_bytes(data, name)
    assert xmlio.canonical_bytes(once, name) == once
    return once


@settings(max_examples=examples(100), deadline=None)
@given(doc=documents(), data=st.data())
def test_fmt_is_idempotent_and_keeps_the_text(
    doc: Document, data: st.DataObject
) -> None:
    for name, canonical in _files(doc).items():
        messy = data.draw(messed_up(canonical), label=name)
        once = _assert_idempotent(messy, name)
        assert once == canonical  # layout alone never changes what fmt writes


@settings(max_examples=examples(100), deadline=None)
@given(doc=documents(), data=st.data())
def test_fmt_is_idempotent_on_paragraphs_of_blanks(
    doc: Document, data: st.DataObject
) -> None:
    for name, canonical in _files(doc).items():
        text = canonical.decode("utf-8")
        count = text.count("<p>")
        if not count:
            continue
        which = data.draw(st.integers(0, count - 1))
        head, *rest = text.split("<p>")
        rest[which] = data.draw(_BLANKS) + rest[which][rest[which].index("</p>") :]
        _assert_idempotent("<p>".join([head, *rest]).encode("utf-8"), name)


@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_fmt_is_idempotent_on_the_samples(folder: Path) -> None:
    for path in sorted(folder.rglob("*.xml")):
        data = path.read_bytes()
        assert _assert_idempotent(data, str(path)) == data, path
