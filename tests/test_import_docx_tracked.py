"""Word import keeps every tracked form, read as accepted (issue #11, item 3).

Each test builds a document.xml with lxml, the way Word writes the change.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from bylaws.importers import import_bytes
from bylaws.importers.formats import W_NS

W = "{" + W_NS + "}"
WHO = {W + "id": "1", W + "author": "A", W + "date": "2026-01-01T00:00:00Z"}


def _run(parent: etree._Element, text: str, tag: str = "t") -> etree._Element:
    run = etree.SubElement(parent, W + "r")
    t = etree.SubElement(run, W + tag)
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _tracked(parent: etree._Element, kind: str, text: str) -> None:
    change = etree.SubElement(parent, W + kind, WHO)
    dropped = kind in ("del", "moveFrom")
    _run(change, text, "delText" if kind == "del" else "t")
    assert dropped or kind in ("ins", "moveTo")


def _docx(body: etree._Element) -> bytes:
    document = etree.Element(W + "document", nsmap={"w": W_NS})
    document.append(body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", etree.tostring(document))
    return buffer.getvalue()


def _body(*paragraphs: list[tuple[str, str]]) -> etree._Element:
    """Paragraphs of (kind, text) pieces: kind "" is plain text."""
    body = etree.Element(W + "body")
    heading = etree.SubElement(body, W + "p")
    _run(heading, "Article 1")
    for pieces in paragraphs:
        p = etree.SubElement(body, W + "p")
        for kind, text in pieces:
            if kind:
                _tracked(p, kind, text)
            else:
                _run(p, text)
    return body


def _text(data: bytes) -> tuple[str, list[str]]:
    result = import_bytes(data, "tracked.docx", "docx", lang="en")
    article = next(iter(result.document.ordered_articles()))
    text = " ".join(
        "".join(getattr(run, "value", "") for run in item.runs)  # type: ignore[union-attr]
        for paragraph in article.paragraphs
        for item in paragraph.items
    )
    return text, [w.message for w in result.warnings]


@pytest.mark.parametrize(
    ("pieces", "expected", "changes"),
    [
        ([("", "Members pay "), ("moveTo", "annual "), ("", "dues.")], "annual", 1),
        ([("", "Members pay "), ("ins", "annual "), ("", "dues.")], "annual", 1),
        ([("", "Members pay "), ("del", "monthly "), ("", "dues.")], "pay dues", 1),
        (
            [("", "Members pay "), ("moveFrom", "late "), ("", "dues.")],
            "pay dues",
            1,
        ),
    ],
)
def test_each_tracked_form_reads_as_accepted(
    pieces: list[tuple[str, str]], expected: str, changes: int
) -> None:
    text, warnings = _text(_docx(_body(pieces)))
    assert expected in text
    assert "monthly" not in text and "late" not in text
    assert f"{changes} tracked change(s) were accepted" in warnings[0]


def test_the_moved_word_of_the_issue() -> None:
    body = _body([("", "Members pay "), ("moveTo", "annual "), ("", "dues.")])
    text, _ = _text(_docx(body))
    assert text == "Members pay annual dues."


def test_a_move_from_one_paragraph_to_another() -> None:
    body = _body(
        [("", "Members pay "), ("moveFrom", "annual "), ("", "dues.")],
        [("", "Fees are "), ("moveTo", "annual "), ("", "too.")],
    )
    text, warnings = _text(_docx(body))
    assert text == "Members pay dues. Fees are annual too."
    assert "2 tracked change(s)" in warnings[0]


def test_property_changes_take_the_new_properties() -> None:
    body = _body([("", "Members pay dues.")])
    p = body[1]
    ppr = etree.Element(W + "pPr")
    p.insert(0, ppr)
    change = etree.SubElement(ppr, W + "pPrChange", WHO)
    old = etree.SubElement(change, W + "pPr")
    etree.SubElement(old, W + "pStyle", {W + "val": "Heading1"})
    run = p.find(W + "r")
    assert run is not None
    rpr = etree.Element(W + "rPr")
    run.insert(0, rpr)
    etree.SubElement(rpr, W + "b")
    etree.SubElement(etree.SubElement(rpr, W + "rPrChange", WHO), W + "rPr")
    text, warnings = _text(_docx(body))
    assert text == "Members pay dues."  # not read as a heading: that was before
    assert "2 tracked change(s)" in warnings[0]


def test_a_deleted_paragraph_mark_joins_the_next_paragraph() -> None:
    body = _body([("", "Members pay")], [("", " annual dues.")])
    first = body[1]
    ppr = etree.Element(W + "pPr")
    first.insert(0, ppr)
    etree.SubElement(etree.SubElement(ppr, W + "rPr"), W + "del", WHO)
    text, warnings = _text(_docx(body))
    assert text == "Members pay annual dues."
    assert "1 tracked change(s)" in warnings[0]


def test_an_insertion_inside_a_deletion_is_gone_too() -> None:
    body = _body([("", "Members pay dues.")])
    deleted = etree.SubElement(body[1], W + "del", WHO)
    _run(etree.SubElement(deleted, W + "ins", WHO), " Twice.")
    text, _ = _text(_docx(body))
    assert text == "Members pay dues."


def test_no_warning_without_tracked_changes() -> None:
    _, warnings = _text(_docx(_body([("", "Members pay dues.")])))
    assert not any("tracked" in w for w in warnings)
