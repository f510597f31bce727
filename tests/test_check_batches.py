"""Article files checked a batch at a time say what each file says alone.

`bylaws.check.batches` joins cleared files into one document and parses and
validates it once (issue #16, item 3). These tests hold it to the files read
one by one: the same ids and references when every file is good, and no
verdict at all (so each is read alone) when any file is not well-formed on its
own, is invalid, or has another root.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws import validation, xmlio
from bylaws.check import batches, check_paths
from bylaws.errors import UnusableInput
from bylaws.schema_split import BATCH_ROOT, batch_grammar

from .conftest import SAMPLE, examples

ARTICLE_TAG = xmlio.Q + "article"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
GOOD = (
    '<article xmlns="urn:bylaws:1" id="art-{n}">\n  <paragraph>\n'
    '    <p>نص المادة {n} وفق <ref to="art-{to}"/> و<ref to="art-{to}/para-2"/>.</p>\n'
    "  </paragraph>\n</article>\n"
)


def _good(n: int, to: int = 1) -> bytes:
    return (DECLARATION + GOOD.format(n=n, to=to)).encode()


def _alone(data: bytes) -> tuple[str, list[str], bool] | None:
    """What `check` learns from one file read alone; None for any problem."""
    try:
        root = xmlio.parse_bytes(data, "a.xml")
        xmlio.expect_root(root, "article", "a.xml")
    except UnusableInput:
        return None
    targets = validation.values_if_valid(root, "to")
    if targets is None and not validation.full_schema_problems(root, "a.xml"):
        targets = [str(el.get("to")) for el in root.iter(xmlio.Q + "ref")]
    if targets is None:
        return None
    worded = any(el.text for el in root.iter(xmlio.Q + "ref"))
    return root.get("id", ""), targets, worded


def _together(files: list[bytes]) -> list[tuple[str, list[str], bool]] | None:
    assert all(batches.can_join(data) for data in files)
    return batches.checked_together(files, ARTICLE_TAG, "to")


def test_good_files_give_their_ids_and_references_in_order() -> None:
    files = [_good(n, to=n + 1) for n in range(1, 6)]
    assert _together(files) == [_alone(data) for data in files]
    assert _together(files) == [
        (f"art-{n}", [f"art-{n + 1}", f"art-{n + 1}/para-2"], False)
        for n in range(1, 6)
    ]


# Each of these files is refused alone; in a batch of good files, none of them
# may pass unnoticed.
BAD_ALONE = {
    "unclosed root": DECLARATION + '<article xmlns="urn:bylaws:1" id="art-x">\n',
    "two roots": DECLARATION
    + '<article xmlns="urn:bylaws:1" id="art-x"><paragraph><p>a</p></paragraph>'
    '</article><article xmlns="urn:bylaws:1" id="art-y"><paragraph><p>b</p>'
    "</paragraph></article>\n",
    "no root": DECLARATION + "\n",
    "text after the root": DECLARATION
    + '<article xmlns="urn:bylaws:1" id="art-x"><paragraph><p>a</p></paragraph>'
    "</article>\nنص\n",
    "text before the root": DECLARATION
    + 'نص<article xmlns="urn:bylaws:1" id="art-x"><paragraph><p>a</p>'
    "</paragraph></article>\n",
    "no namespace": DECLARATION
    + '<article id="art-x"><paragraph><p>a</p></paragraph></article>\n',
    "another root": DECLARATION
    + '<feedback xmlns="urn:bylaws:1"><comment id="c-1" on="art-1" '
    'author="a" body="b" date="2026-01-01"/></feedback>\n',
    "a bad id": DECLARATION
    + '<article xmlns="urn:bylaws:1" id="Art-X"><paragraph><p>a</p></paragraph>'
    "</article>\n",
    "a bad reference": DECLARATION
    + '<article xmlns="urn:bylaws:1" id="art-x"><paragraph><p><ref to="art-1/para-0"/>'
    "</p></paragraph></article>\n",
    "a misplaced element": DECLARATION
    + '<article xmlns="urn:bylaws:1" id="art-x"><p>a</p></article>\n',
    "an undeclared prefix": DECLARATION
    + '<b:article xmlns="urn:bylaws:1" id="art-x"><paragraph><p>a</p></paragraph>'
    "</b:article>\n",
}


@pytest.mark.parametrize("name", sorted(BAD_ALONE))
@pytest.mark.parametrize("place", [0, 1, 2])
def test_a_file_bad_alone_leaves_its_batch_without_a_verdict(
    name: str, place: int
) -> None:
    bad = BAD_ALONE[name].encode()
    assert _alone(bad) is None
    files = [_good(1), _good(2)]
    files.insert(place, bad)
    assert _together(files) is None


def test_a_file_left_open_and_closed_by_the_next_is_caught() -> None:
    # Joined, these two are one well-formed element: alone, neither is.
    opened = DECLARATION + '<article xmlns="urn:bylaws:1" id="art-1"><paragraph>'
    closing = DECLARATION + "<p>a</p></paragraph></article>\n"
    files = [opened.encode(), closing.encode(), _good(3)]
    assert [_alone(data) for data in files][:2] == [None, None]
    assert _together(files) is None
    # And a file whose first root closes its neighbour's, then opens its own.
    shifted = (
        DECLARATION + "<p>a</p></paragraph></article>"
        '<article xmlns="urn:bylaws:1" id="art-2"><paragraph><p>b</p></paragraph>'
        "</article>\n"
    )
    assert _together([opened.encode(), shifted.encode(), _good(3)]) is None


LETTERS = st.sampled_from(["ن", "ص", "a", " ", "\n", "<", ">", "/", '"', "=", "p"])
PIECES = st.sampled_from(
    ["<p>", "</p>", "<paragraph>", "</paragraph>", "</article>", '<ref to="art-2"/>']
)


@settings(max_examples=examples(300), deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=400),
    noise=st.lists(st.one_of(LETTERS, PIECES), max_size=6),
    place=st.integers(min_value=0, max_value=2),
)
def test_a_batch_speaks_only_when_each_file_alone_is_good(
    cut: int, noise: list[str], place: int
) -> None:
    """A good file cut anywhere and given some markup: the batch agrees with
    the files read alone, or gives no verdict."""
    text = _good(7, to=8).decode()
    mangled = (text[:cut] + "".join(noise) + text[cut:]).encode()
    files = [_good(1), _good(2)]
    files.insert(place, mangled)
    if not all(batches.can_join(data) for data in files):
        return  # such a file is read alone anyway
    together = _together(files)
    alone = [_alone(data) for data in files]
    if together is not None:
        assert together == alone
    if None in alone:
        assert together is None


def test_the_batch_grammar_takes_any_root_the_grammar_takes_and_no_other() -> None:
    from lxml import etree

    grammar = batch_grammar(validation._grammar())
    assert grammar is not None
    schema = etree.RelaxNG(grammar)
    sample = [SAMPLE / "document.xml", next((SAMPLE / "articles").glob("*.xml"))]
    roots = [etree.fromstring(path.read_bytes()) for path in sample]
    batch = etree.Element(BATCH_ROOT)
    batch.extend(roots)
    assert schema.validate(batch), schema.error_log
    paragraph = roots[1].find(xmlio.Q + "paragraph")
    assert paragraph is not None
    batch.append(paragraph)
    assert not schema.validate(batch)


def test_a_grammar_with_ids_across_a_document_is_not_batched() -> None:
    rng = "http://relaxng.org/ns/structure/1.0"
    types = "http://www.w3.org/2001/XMLSchema-datatypes"
    from lxml import etree

    grammar = etree.fromstring(
        f'<grammar xmlns="{rng}" datatypeLibrary="{types}"><start>'
        '<element name="a"><attribute name="id"><data type="ID"/></attribute>'
        "</element></start></grammar>"
    )
    assert batch_grammar(grammar) is None


def _workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "doc"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_check_reports_a_bad_file_among_good_ones_at_its_own_line(
    tmp_path: Path,
) -> None:
    folder = _workspace(tmp_path)
    articles = sorted((folder / "articles").glob("*.xml"))
    assert len(articles) > 3
    victim = articles[len(articles) // 2]
    lines = victim.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines) if "<p>" in text)
    lines[line] = lines[line].replace("<p>", "<p><bad/>", 1)
    victim.write_text("".join(lines), encoding="utf-8")
    report = check_paths([folder])
    found = [(Path(p.path).name, p.line) for p in report.problems]
    assert found == [(victim.name, line + 1)]
    assert report.files == len(list(folder.rglob("*.xml")))


def test_check_of_the_sample_is_the_same_with_and_without_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _workspace(tmp_path)
    # A bad id, a duplicate id and an unclosed file, among good ones.
    articles = sorted((folder / "articles").glob("*.xml"))
    first, second, third = articles[:3]
    first.write_bytes(first.read_bytes().replace(b'id="', b'id="Bad-', 1))
    twin = third.read_bytes()
    (folder / "articles" / "zz-twin.xml").write_bytes(twin)
    second.write_bytes(second.read_bytes().rsplit(b"</article>", 1)[0])
    together = check_paths([folder])
    # With no file small enough to join, every file is read alone.
    monkeypatch.setattr(batches, "LARGEST_JOINED_FILE", 0)
    alone = check_paths([folder])
    assert together.sorted() == alone.sorted()
    assert together.files == alone.files
    assert {Path(p.path).name for p in together.problems} >= {
        first.name,
        second.name,
        "zz-twin.xml",
    }


def _article_slots() -> list[tuple[Path, int, str]]:
    """Every attribute of the sample's article files: (file, element, name)."""
    from lxml import etree

    slots = []
    for path in sorted((SAMPLE / "articles").glob("*.xml")):
        for index, el in enumerate(etree.fromstring(path.read_bytes()).iter()):
            slots += [(path, index, name) for name in el.attrib]
    return slots


ARTICLE_SLOTS = _article_slots()
VALUES = st.text(alphabet="az09AZ-/_. para-point-1ابـ٣", max_size=14)


@settings(max_examples=examples(200), deadline=None)
@given(slot=st.sampled_from(ARTICLE_SLOTS), value=VALUES, place=st.integers(0, 2))
def test_any_attribute_value_in_a_batch_is_judged_as_alone(
    slot: tuple[Path, int, str], value: str, place: int
) -> None:
    from lxml import etree

    path, index, name = slot
    root = etree.fromstring(path.read_bytes())
    list(root.iter())[index].set(name, value)
    changed = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    assert any(name == "to" for _, _, name in ARTICLE_SLOTS)
    files = [_good(1), _good(2)]
    files.insert(place, changed.replace(b"'", b'"', 4))
    if not all(batches.can_join(data) for data in files):
        return
    together = _together(files)
    alone = [_alone(data) for data in files]
    assert together == (None if None in alone else alone)


def test_a_batch_tells_which_files_hold_a_reference_in_words() -> None:
    plain = _good(9, to=10)
    worded = plain.replace(
        b'<ref to="art-10"/>', '<ref to="art-10">المادة التالية</ref>'.encode()
    )
    assert worded != plain
    files = [_good(1), worded, _good(2)]
    found = _together(files)
    assert found is not None
    assert [flag for _, _, flag in found] == [False, True, False]
    assert found == [_alone(data) for data in files]
