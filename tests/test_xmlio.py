"""The canonical form and the model conversion round trip exactly."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws import validation, xmlio
from bylaws.model import Article, Note, P, Paragraph, Point, Ref, Text
from bylaws.workspace import DiskTree, load_document, load_proposals
from tests.conftest import ENGLISH, SAMPLE, examples

ARABIC_WORDS = st.text(
    alphabet=st.sampled_from([*list("ابتثجحخدذرسشصضطظعغفقكلمنهويةىءأإآ"), "َ", "ـ"]),
    min_size=1,
    max_size=8,
)
LATIN_WORDS = st.text(
    alphabet=st.sampled_from(list("abcdefxyz<>&\"'")), min_size=1, max_size=8
)
WORDS = st.one_of(
    ARABIC_WORDS, LATIN_WORDS, st.sampled_from(["١٢", "12", "،", "«", "»"])
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
REF = st.builds(
    Ref,
    to=st.sampled_from(["art-a", "art-b/para-2", "art-c/para-1/point-3"]),
    form=st.sampled_from(["full", "number"]),
)


@st.composite
def runs(draw: st.DrawFn) -> tuple[Text | Ref, ...]:
    """Inline runs as the canonical form keeps them: folded, no edge spaces."""
    out: list[Text | Ref] = []
    for index in range(draw(st.integers(1, 4))):
        if index:
            # Between a ref and text there is exactly one space, or none.
            if isinstance(out[-1], Ref):
                out.append(Text(" " + draw(SENTENCE)))
            else:
                out[-1] = Text(out[-1].value + " ")
        if draw(st.booleans()):
            out.append(draw(REF))
        elif out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].value + draw(SENTENCE))
        else:
            out.append(Text(draw(SENTENCE)))
    return tuple(out)


def points(depth: int) -> st.SearchStrategy[Point]:
    items: st.SearchStrategy[P | Point] = st.builds(P, runs())
    if depth < 2:
        items = st.one_of(items, points(depth + 1))
    return st.builds(Point, st.lists(items, min_size=1, max_size=3).map(tuple))


ARTICLES = st.builds(
    Article,
    id=st.from_regex(r"art-[a-z0-9]{1,8}", fullmatch=True),
    heading=st.one_of(st.none(), SENTENCE),
    paragraphs=st.lists(
        st.builds(
            Paragraph,
            st.lists(
                st.one_of(st.builds(P, runs()), points(1)), min_size=1, max_size=4
            ).map(tuple),
        ),
        min_size=1,
        max_size=4,
    ).map(tuple),
    notes=st.lists(st.builds(Note, runs()), max_size=2).map(tuple),
)


@settings(max_examples=examples(150), deadline=None)
@given(ARTICLES)
def test_article_round_trips_through_canonical_xml(article: Article) -> None:
    data = xmlio.write_article(article)
    assert validation.validated_article(data, "a.xml") == article
    assert xmlio.canonical_bytes(data, "a.xml") == data


@settings(max_examples=examples(100), deadline=None)
@given(ARTICLES, st.sampled_from(["\n", "  ", "\t", "\n    "]))
def test_canonical_form_ignores_layout(article: Article, junk: str) -> None:
    canonical = xmlio.write_article(article).decode()
    messy = canonical.replace("\n  ", "\n" + junk).replace("><p>", ">" + junk + "<p>")
    assert xmlio.canonical_bytes(messy.encode(), "a.xml").decode() == canonical


def _sample_files() -> list[Path]:
    return sorted(SAMPLE.rglob("*.xml")) + sorted(ENGLISH.rglob("*.xml"))


def test_every_sample_file_is_canonical_and_stable() -> None:
    for path in _sample_files():
        data = path.read_bytes()
        assert xmlio.canonical_bytes(data, str(path)) == data, path


def test_reading_then_writing_sample_articles_gives_the_same_bytes() -> None:
    for path in sorted((SAMPLE / "articles").glob("*.xml")):
        data = path.read_bytes()
        assert (
            xmlio.write_article(validation.validated_article(data, str(path))) == data
        )


def test_document_and_proposals_round_trip_through_the_model() -> None:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    assert (
        xmlio.serialize(xmlio.document_to_xml(doc))
        == (SAMPLE / "document.xml").read_bytes()
    )
    for proposal in load_proposals(tree, PurePosixPath()):
        written = xmlio.serialize(xmlio.proposal_to_xml(proposal))
        original = (SAMPLE / "proposals" / proposal.id / "proposal.xml").read_bytes()
        assert written == original


def test_comments_survive_formatting() -> None:
    data = (
        '<article xmlns="urn:bylaws:1" id="art-a"><!-- keep me -->'
        "<paragraph><p>نص <!-- inline --> آخر</p></paragraph></article>"
    ).encode()
    out = xmlio.canonical_bytes(data, "a.xml").decode()
    assert "<!-- keep me -->" in out
    assert "<!-- inline -->" in out


def test_attribute_order_is_fixed() -> None:
    data = b'<document xmlns="urn:bylaws:1" style="words" numbering="auto" xml:lang="ar" id="d"/>'
    out = xmlio.canonical_bytes(data, "d.xml").decode()
    assert (
        '<document xmlns="urn:bylaws:1" id="d" xml:lang="ar" numbering="auto" style="words"/>'
        in out
    )


def test_source_locations_point_at_the_element() -> None:
    path = SAMPLE / "articles" / "art-member-rights.xml"
    article = validation.validated_article(path.read_bytes(), str(path))
    assert article.loc is not None and article.loc.line == 2
    first = article.paragraphs[0]
    assert first.loc is not None and first.loc.col == 3


def test_outline_entries_are_located_as_any_element() -> None:
    """The outline's quick locator agrees with the general one, entry by entry,
    an entry on a line of its own or sharing a line with others."""
    from bylaws.model import iter_entries
    from bylaws.xmlio.read import _Locator

    path = str(SAMPLE / "document.xml")
    data = (SAMPLE / "document.xml").read_bytes()
    crowded = data.replace(b'"/>\n', b'"/> ', 3)
    assert crowded != data
    for source in (data, crowded):
        root = xmlio.parse_bytes(source, path)
        doc = xmlio.document_from_xml(root, {}, path, source)
        locate = _Locator(path, source)
        entries = {e.ref: e.loc for e in iter_entries(doc.outline)}
        for el in root.iter(xmlio.Q + "article"):
            assert entries[str(el.get("ref"))] == locate(el)
