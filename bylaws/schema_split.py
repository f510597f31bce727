"""A RELAX NG grammar split in two: its structure for libxml2, its patterns for Python.

libxml2 compiles an XML Schema pattern afresh for every attribute value it
checks against one (relaxng.c builds and frees a facet per value), and in a
workspace of thousands of files that was two thirds of the time spent
validating. So `split` takes the patterns out of a copy of the grammar and
keeps them by attribute name, compiled once by Python's `re`; a file is then
recognised as valid in two steps, its structure by libxml2 and its attribute
values by those expressions. The split is exact or refused (SchemaSplitError):
`bylaws.validation` falls back to the whole schema whenever either step says no.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"


class SchemaSplitError(Exception):
    """The grammar uses a pattern the fast path cannot check exactly as libxml2."""


# --- the fast path: structure by libxml2, patterns by Python ----------------

# The XML Schema regular expressions this splitter accepts: literal ASCII
# letters, digits, classes, groups, alternation and quantifiers, which mean
# the same in Python's `re`. Anything else (\p{..}, \i, class subtraction,
# "." or "^" and "$", which XML Schema takes literally) is refused.
# Characters that mean the same in an XML Schema pattern and a Python one; the
# second row are literal in both (needed for web addresses), `\.` a full stop.
_PORTABLE_PATTERN = re.compile(
    r"(?:[A-Za-z0-9/(){}\[\]|*+?,]|[:_~#@!&';=%]|-|\\-|\\\.)*\Z"
)


# Plain classes rather than dataclasses: a dataclass writes and compiles its
# methods when the module loads, and every `check` loads this one.


class SplitSchema:
    """The schema's structure without patterns, and the patterns by attribute.

    `files` is the same structure for a batch of files (`batch_grammar`), or
    None when the grammar cannot be checked that way.
    """

    __slots__ = ("_carriers", "files", "grammar", "patterns", "structure")

    def __init__(
        self,
        structure: etree.RelaxNG,
        patterns: dict[str, re.Pattern[str]],
        files: etree.RelaxNG | None = None,
        grammar: etree._Element | None = None,
    ) -> None:
        self.structure = structure
        self.patterns = patterns
        self.files = files
        # The grammar without its patterns, to find which elements may carry
        # which attributes; and what was found, by attribute name.
        self.grammar = grammar
        self._carriers: dict[str, tuple[object, ...] | None] = {}

    def values_if_valid(self, root: etree._Element, name: str) -> list[str] | None:
        """The values of attribute `name` under `root`, in document order, when
        `root` is valid; None when it is not. One walk does both."""
        if not self.structure.validate(root):
            return None
        found = self._values(root.iter(), name, None)
        return None if found is None else found[0][0]

    def values_by_file(
        self, batch: etree._Element, name: str
    ) -> list[tuple[list[str], bool]] | None:
        """`values_if_valid` for every file of a batch at once, when all of
        them are valid (None when any is not): for each file, the values of
        `name`, and whether an element that carries it holds text.

        The batch is a BATCH_ROOT holding the files' roots, each followed by a
        processing instruction, and no other instruction (`bylaws.check.batches`).
        """
        if self.files is None or not self.files.validate(batch):
            return None
        carriers = self.carriers(name)
        if carriers is None:
            nodes = batch.iter()
            next(nodes)  # the batch's own root
        else:
            # Only the elements that may hold a patterned attribute or `name`
            # (and the separators): most of a text's elements hold none, and
            # lxml passes over them without making an object for each.
            nodes = batch.iter(etree.PI, *carriers)
        found = self._values(nodes, name, etree.PI)
        if found is None:
            return None
        runs, worded = found
        return list(zip(runs[:-1], worded[:-1], strict=True))

    def carriers(self, name: str) -> tuple[object, ...] | None:
        """The tags of the elements that may carry a patterned attribute or
        `name`; None when any element might (or the grammar is not at hand)."""
        if name not in self._carriers:
            wanted = {*self.patterns, name}
            found = None if self.grammar is None else carriers(self.grammar, wanted)
            self._carriers[name] = None if found is None else tuple(sorted(found))
        return self._carriers[name]

    def _values(
        self, nodes: Iterator[etree._Element], name: str, separator: object
    ) -> tuple[list[list[str]], list[bool]] | None:
        """The values of `name`, a list for each run of nodes that a node
        tagged `separator` ends, and for each run whether an element carrying
        `name` holds text; None if a value breaks its pattern."""
        patterns = self.patterns
        found: list[list[str]] = []
        worded: list[bool] = []
        values: list[str] = []
        texts = False
        for node in nodes:
            if node.tag is separator:
                found.append(values)
                worded.append(texts)
                values, texts = [], False
                continue
            pairs: Any = node.items()  # str pairs: lxml decodes what it parsed
            for attribute, value in pairs:
                pattern = patterns.get(attribute)
                if pattern is not None and pattern.fullmatch(value) is None:
                    return None
                if attribute == name:
                    values.append(value)
                    texts = texts or bool(node.text)
        found.append(values)
        worded.append(texts)
        return found, worded


class _Grammar:
    """A copy of the grammar with what the splitting rules look up in it."""

    __slots__ = ("defines", "params", "root")

    def __init__(
        self,
        root: etree._Element,
        defines: dict[str | None, etree._Element],
        params: list[etree._Element],
    ) -> None:
        self.root = root
        self.defines = defines
        self.params = params

    @classmethod
    def of(cls, grammar: etree._Element) -> _Grammar:
        root = copy.deepcopy(grammar)
        params = [p for p in root.iter(RNG + "param") if p.get("name") == "pattern"]
        defines = {d.get("name"): d for d in root.iter(RNG + "define")}
        return cls(root, defines, params)

    def pattern_defines(self) -> set[str | None]:
        """The definitions that are a pattern and nothing else."""
        return {n for n, d in self.defines.items() if _pattern_of(d) is not None}


def _refuse_other_files(grammar: _Grammar) -> None:
    """A grammar split in a file of its own (include, externalRef) is out of reach."""
    if next(grammar.root.iter(RNG + "include", RNG + "externalRef"), None) is not None:
        raise SchemaSplitError("the grammar includes other files")


def _is_on_a_string(param: etree._Element) -> bool:
    data = param.getparent()
    holder = data.getparent() if data is not None else None
    return data is not None and holder is not None and data.get("type") == "string"


def _is_alone_in_its_data(param: etree._Element) -> bool:
    data = param.getparent()
    return data is not None and len(_patterns_in(data)) == 1


def _is_an_attributes_whole_value(param: etree._Element) -> bool:
    data = param.getparent()
    holder = data.getparent() if data is not None else None
    return (
        holder is not None
        and len(holder) == 1
        and holder.tag in (RNG + "attribute", RNG + "define")
    )


# What every pattern must be, each with what the refusal says; checked in order.
_PATTERN_RULES: tuple[tuple[Callable[[etree._Element], bool], str], ...] = (
    (_is_on_a_string, "is not on a string"),
    (_is_alone_in_its_data, "is one of several"),
    (_is_an_attributes_whole_value, "is not an attribute's value"),
)


def _refuse_patterns_not_whole_attribute_values(grammar: _Grammar) -> None:
    for param in grammar.params:
        for holds, refusal in _PATTERN_RULES:
            if not holds(param):
                raise SchemaSplitError(f"pattern {param.text!r} {refusal}")


def _refuse_pattern_definitions_outside_attributes(grammar: _Grammar) -> None:
    pattern_defines = grammar.pattern_defines()
    for ref in grammar.root.iter(RNG + "ref"):
        holder = ref.getparent()
        if ref.get("name") in pattern_defines and (
            holder is None or holder.tag != RNG + "attribute" or len(holder) != 1
        ):
            raise SchemaSplitError(
                f"pattern {ref.get('name')!r} used outside an attribute"
            )


# The rules a grammar must pass before its patterns are taken out; in order,
# since the first broken one is the error reported.
_SPLIT_RULES: tuple[Callable[[_Grammar], None], ...] = (
    _refuse_other_files,
    _refuse_patterns_not_whole_attribute_values,
    _refuse_pattern_definitions_outside_attributes,
)


def _attribute_pattern(grammar: _Grammar, attribute: etree._Element) -> str | None:
    """The pattern that is an attribute's whole value, directly or by a ref."""
    holder = attribute
    if len(attribute) == 1 and attribute[0].tag == RNG + "ref":
        holder = grammar.defines[attribute[0].get("name")]
    return _pattern_of(holder)


def _patterns_by_attribute(grammar: _Grammar) -> dict[str, str | None]:
    """Each attribute name's pattern (None: it has none), one per name."""
    found: dict[str, str | None] = {}
    for attribute in grammar.root.iter(RNG + "attribute"):
        name = attribute.get("name") or ""
        pattern = _attribute_pattern(grammar, attribute)
        if pattern is not None and (":" in name or attribute.get("ns") or not name):
            raise SchemaSplitError(f"a pattern on attribute {name!r} in a namespace")
        if found.setdefault(name, pattern) != pattern:
            raise SchemaSplitError(f"attribute {name!r} has different patterns")
    return found


def split(grammar: etree._Element) -> SplitSchema:
    """Take the patterns out of a RELAX NG grammar (a copy); keep them by attribute.

    Each pattern must be the whole content of an attribute (directly or through
    a definition used only so), and an attribute name must carry the same
    pattern wherever the grammar uses it: then a check by name is the check
    libxml2 would make. Otherwise SchemaSplitError.
    """
    checked = _Grammar.of(grammar)
    for rule in _SPLIT_RULES:
        rule(checked)
    found = _patterns_by_attribute(checked)
    for param in checked.params:
        data = param.getparent()
        assert data is not None
        data.remove(param)
    patterns = {
        name: _compile(pattern)
        for name, pattern in found.items()
        if pattern is not None
    }
    files = batch_grammar(checked.root)
    return SplitSchema(
        etree.RelaxNG(checked.root),
        patterns,
        None if files is None else etree.RelaxNG(files),
        checked.root,
    )


# --- many files at once ------------------------------------------------------

# The root of a batch of files. It is in no namespace, so that it gives none
# to the files' roots: a root that declares none stays in none, and is refused.
BATCH_ROOT = "batch"
# The definition that holds what the grammar's start allowed.
_ONE_FILE = "bylaws-batched-file"
# Datatypes that tie one element to another across a document: in a batch
# they would tie files together, and one file's id could clash with another's.
_CROSS_REFERENCING = {"ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES"}


def batch_grammar(grammar: etree._Element) -> etree._Element | None:
    """The grammar whose root is a BATCH_ROOT holding any number of the roots
    it allowed: a batch is valid exactly when each file in it is, alone.

    None when that could differ: a grammar with more than one start, or whose
    datatypes compare values across a document.
    """
    root = copy.deepcopy(grammar)
    starts = list(root.iter(RNG + "start"))
    if len(starts) != 1 or starts[0].getparent() is not root:
        return None
    if any(d.get("name") == _ONE_FILE for d in root.iter(RNG + "define")):
        return None
    typed = root.iter(RNG + "data", RNG + "value")
    if any(el.get("type") in _CROSS_REFERENCING for el in typed):
        return None
    start = starts[0]
    # The start's patterns move into a definition of their own, which takes
    # the start's namespace and datatype library: they keep their meaning.
    one_file = etree.SubElement(root, RNG + "define", name=_ONE_FILE)
    for inherited in ("ns", "datatypeLibrary"):
        value = start.get(inherited)
        if value is not None:
            one_file.set(inherited, value)
    one_file.extend(list(start))
    element = etree.SubElement(start, RNG + "element")
    etree.SubElement(element, RNG + "name", ns="").text = BATCH_ROOT
    files = etree.SubElement(element, RNG + "zeroOrMore")
    etree.SubElement(files, RNG + "ref", name=_ONE_FILE)
    return root


def _pattern_of(holder: etree._Element) -> str | None:
    """The pattern that is the whole content of an attribute or a definition."""
    if len(holder) != 1 or holder[0].tag != RNG + "data":
        return None
    params = _patterns_in(holder[0])
    return params[0].text if params else None


def _patterns_in(data: etree._Element) -> list[etree._Element]:
    return [p for p in data if p.tag == RNG + "param" and p.get("name") == "pattern"]


def _compile(pattern: str) -> re.Pattern[str]:
    if not _PORTABLE_PATTERN.match(pattern):
        raise SchemaSplitError(f"pattern {pattern!r} may mean something else in Python")
    return re.compile(pattern)


# --- which elements may carry which attributes --------------------------------


def carriers(grammar: etree._Element, names: set[str]) -> set[str] | None:
    """The tags (`{namespace}name`) of the elements whose patterns allow an
    attribute named in `names` (in no namespace); None when an element that
    might is not named plainly (a name class), so that any element might.

    An element that the grammar validated matched a pattern of its own name,
    and has only the attributes that pattern allows: an element whose tag is
    not among these holds none of those attributes.
    """
    defines: dict[str | None, list[etree._Element]] = {}
    for define in grammar.iter(RNG + "define"):
        defines.setdefault(define.get("name"), []).append(define)
    found: set[str] = set()
    for element in grammar.iter(RNG + "element"):
        if not _may_carry(element, defines, names):
            continue
        tag = _element_tag(element)
        if tag is None:
            return None
        found.add(tag)
    return found


def _may_carry(
    element: etree._Element,
    defines: dict[str | None, list[etree._Element]],
    names: set[str],
) -> bool:
    """Whether an element pattern allows one of `names` as its own attribute:
    through definitions it refers to, not inside the elements it holds."""
    waiting = list(element)
    followed: set[str | None] = set()
    while waiting:
        node = waiting.pop()
        tag = node.tag
        if tag == RNG + "element":
            continue
        if tag == RNG + "attribute":
            name = _attribute_name(node)
            if name is None or name in names:
                return True
        elif tag == RNG + "ref":
            ref = node.get("name")
            if ref not in followed:
                followed.add(ref)
                for define in defines.get(ref, []):
                    waiting.extend(define)
        elif tag == RNG + "parentRef":
            return True  # a pattern of another grammar: anything may be there
        else:
            waiting.extend(node)
    return False


def _attribute_name(attribute: etree._Element) -> str | None:
    """An attribute pattern's name when it is one name ("" for a name in a
    namespace, which no patterned attribute has); None for a name class."""
    name = attribute.get("name")
    if name is None:
        first = attribute[0] if len(attribute) else None
        if first is None or first.tag != RNG + "name":
            return None
        name = (first.text or "").strip()
        if first.get("ns"):
            return ""
    # An attribute's name is in no namespace unless it says so.
    return "" if ":" in name or attribute.get("ns") else name


def _element_tag(element: etree._Element) -> str | None:
    """An element pattern's tag as lxml writes it; None for a name class."""
    name = element.get("name")
    holder = element
    if name is None:
        first = element[0] if len(element) else None
        if first is None or first.tag != RNG + "name":
            return None
        name, holder = (first.text or "").strip(), first
    if ":" in name:
        prefix, local = name.split(":", 1)
        namespace = holder.nsmap.get(prefix)
        return None if namespace is None else f"{{{namespace}}}{local}"
    # An element's namespace is the nearest `ns` around its name.
    for around in (holder, *holder.iterancestors()):
        namespace = around.get("ns")
        if namespace is not None:
            return f"{{{namespace}}}{name}" if namespace else name
    return name
