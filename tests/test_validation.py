"""The fast path of validation says "valid" exactly when the whole schema does."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from bylaws import schema_split, validation
from tests.conftest import ENGLISH, ROOT, SAMPLE, examples

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_TYPES = "http://www.w3.org/2001/XMLSchema-datatypes"


def _full_says_valid(root: etree._Element) -> bool:
    return bool(validation._schema().validate(root))


def _fast_says_valid(root: etree._Element) -> bool:
    return validation.is_valid(root)


def _all_xml() -> list[Path]:
    found = [*SAMPLE.rglob("*.xml"), *ENGLISH.rglob("*.xml")]
    found += (ROOT / "tests" / "data").rglob("*.xml")
    return sorted(set(found))


def test_the_split_keeps_every_pattern_of_the_shipped_schema() -> None:
    grammar = validation._grammar()
    params = grammar.iter(f"{{{RNG_NS}}}param")
    in_schema = {p.text for p in params if p.get("name") == "pattern"}
    split = validation._split()
    kept = {pattern.pattern for pattern in split.patterns.values()}
    assert kept == in_schema
    for name in ("id", "ref", "to", "on", "num", "commit", "sha256", "after"):
        assert name in split.patterns


def test_fast_and_full_agree_on_every_file_in_the_repository() -> None:
    files = _all_xml()
    assert len(files) > 80
    for path in files:
        root = etree.fromstring(path.read_bytes())
        assert _fast_says_valid(root) == _full_says_valid(root), path


def _slots() -> list[tuple[Path, int, str]]:
    """Every attribute of the sample's files: (file, element index, name)."""
    slots = []
    for path in sorted(SAMPLE.rglob("*.xml")):
        root = etree.fromstring(path.read_bytes())
        for index, el in enumerate(root.iter()):
            slots += [(path, index, name) for name in el.attrib]
    return slots


SLOTS = _slots()
ROOTS = {path: etree.fromstring(path.read_bytes()) for path, _, _ in SLOTS}
# Letters that sit on either side of every pattern's edges.
VALUES = st.text(alphabet="az09AZ-/_. \tpara-point-1ابـ٣\u064e", max_size=14)


@settings(max_examples=examples(400), deadline=None)
@given(slot=st.sampled_from(SLOTS), value=VALUES)
@example(slot=next(s for s in SLOTS if s[2] == "to"), value="art-x/para-0")
@example(slot=next(s for s in SLOTS if s[2] == "to"), value="art-x/para-10/point-2")
@example(slot=next(s for s in SLOTS if s[2] == "id"), value="Art")
@example(slot=next(s for s in SLOTS if s[2] == "id"), value="-art")
def test_fast_and_full_agree_on_any_attribute_value(
    slot: tuple[Path, int, str], value: str
) -> None:
    path, index, name = slot
    root = copy.deepcopy(ROOTS[path])
    el = list(root.iter())[index]
    el.set(name, value)
    assert _fast_says_valid(root) == _full_says_valid(root)


def test_invalid_values_still_get_the_whole_schemas_message(tmp_path: Path) -> None:
    root = etree.fromstring((SAMPLE / "document.xml").read_bytes())
    next(root.iter("{urn:bylaws:1}article")).set("num", "07")
    problems = validation.schema_problems(root, "document.xml")
    assert problems and problems == validation.full_schema_problems(
        root, "document.xml"
    )


def _grammar(body: str) -> etree._Element:
    return etree.fromstring(
        f'<grammar xmlns="{RNG_NS}" datatypeLibrary="{XSD_TYPES}">'
        f"<start>{body}</start></grammar>"
    )


PATTERN = '<data type="string"><param name="pattern">[a-z]+</param></data>'


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (f'<element name="a">{PATTERN}</element>', "not an attribute's value"),
        (
            f'<element name="a"><attribute name="x">{PATTERN}</attribute>'
            '<attribute name="y"><data type="string"><param name="pattern">'
            '[0-9]+</param></data></attribute><element name="b">'
            '<attribute name="x"><text/></attribute></element></element>',
            "different patterns",
        ),
        (
            f'<element name="a"><attribute name="x" ns="urn:x">{PATTERN}'
            "</attribute></element>",
            "in a namespace",
        ),
        (
            '<element name="a"><attribute name="x"><data type="string">'
            '<param name="pattern">\\p{L}+</param></data></attribute></element>',
            "may mean something else",
        ),
        (
            '<element name="a"><attribute name="x"><data type="token">'
            '<param name="pattern">[a-z]+</param></data></attribute></element>',
            "not on a string",
        ),
        (
            '<element name="a"><attribute name="x"><data type="string">'
            '<param name="pattern">[a-z]+</param><param name="pattern">[a-c]+</param>'
            "</data></attribute></element>",
            "one of several",
        ),
        ('<element name="a"><externalRef href="b.rng"/></element>', "other files"),
    ],
)
def test_a_grammar_the_fast_path_cannot_mirror_is_refused(
    body: str, reason: str
) -> None:
    with pytest.raises(schema_split.SchemaSplitError, match=reason):
        schema_split.split(_grammar(body))


def test_a_pattern_definition_used_outside_an_attribute_is_refused() -> None:
    grammar = etree.fromstring(
        f'<grammar xmlns="{RNG_NS}" datatypeLibrary="{XSD_TYPES}">'
        '<start><element name="a"><attribute name="x"><ref name="word"/></attribute>'
        '<element name="b"><ref name="word"/></element></element></start>'
        f'<define name="word">{PATTERN}</define></grammar>'
    )
    with pytest.raises(schema_split.SchemaSplitError, match="outside an attribute"):
        schema_split.split(grammar)


def test_a_pattern_definition_used_as_an_attributes_value_is_kept() -> None:
    grammar = etree.fromstring(
        f'<grammar xmlns="{RNG_NS}" datatypeLibrary="{XSD_TYPES}">'
        '<start><element name="a"><attribute name="x"><ref name="word"/></attribute>'
        f'</element></start><define name="word">{PATTERN}</define></grammar>'
    )
    split = schema_split.split(grammar)
    assert split.values_if_valid(etree.fromstring('<a x="abc"/>'), "x") == ["abc"]
    assert split.values_if_valid(etree.fromstring('<a x="a1"/>'), "x") is None


def test_a_split_grammar_checks_patterns_by_attribute_name() -> None:
    split = schema_split.split(
        _grammar(
            f'<element name="a"><attribute name="x">{PATTERN}</attribute></element>'
        )
    )
    assert split.values_if_valid(etree.fromstring('<a x="abc"/>'), "x") == ["abc"]
    assert split.values_if_valid(etree.fromstring('<a x="ab1"/>'), "x") is None
    assert split.values_if_valid(etree.fromstring('<a y="abc"/>'), "x") is None


# --- which elements may carry an attribute (the walk of a batch) -------------


def test_every_patterned_or_referring_attribute_sits_on_a_carrier() -> None:
    split = validation._split()
    carriers = split.carriers("to")
    assert carriers is not None
    wanted = {*split.patterns, "to"}
    for path in _all_xml():
        for el in etree.fromstring(path.read_bytes()).iter():
            if any(name in wanted for name in el.attrib):
                assert el.tag in carriers, (path, el.tag)
    # Most of a text's elements carry none: the walk passes them by.
    for quiet in ("heading", "paragraph", "p", "point", "intro", "note", "meta"):
        assert "{urn:bylaws:1}" + quiet not in carriers


def _carriers(body: str, *defines: str) -> set[str] | None:
    grammar = etree.fromstring(
        f'<grammar xmlns="{RNG_NS}" xmlns:x="urn:x" ns="urn:d">'
        f"<start>{body}</start>{''.join(defines)}</grammar>"
    )
    return schema_split.carriers(grammar, {"to"})


def test_carriers_follow_definitions_but_not_into_held_elements() -> None:
    assert _carriers(
        '<element name="a"><ref name="common"/>'
        '<element name="b"><text/></element></element>',
        '<define name="common"><optional><attribute name="to"/></optional></define>',
    ) == {"{urn:d}a"}
    assert _carriers(
        '<element name="a"><element name="b"><attribute name="to"/></element></element>'
    ) == {"{urn:d}b"}


def test_carriers_name_elements_as_lxml_does() -> None:
    to = '<attribute name="to"/>'
    assert _carriers(f'<element name="x:a">{to}</element>') == {"{urn:x}a"}
    assert _carriers(f'<element name="a" ns="">{to}</element>') == {"a"}
    assert _carriers(f'<element><name ns="urn:n">a</name>{to}</element>') == {
        "{urn:n}a"
    }
    # An attribute in a namespace is another attribute.
    assert _carriers('<element name="a"><attribute name="x:to"/></element>') == set()


def test_a_name_class_makes_every_element_a_possible_carrier() -> None:
    assert _carriers('<element><anyName/><attribute name="to"/></element>') is None
    assert _carriers(
        '<element name="a"><attribute><anyName/></attribute></element>'
    ) == {"{urn:d}a"}
