"""Validation against the one shipped schema, with messages a drafter reads.

The schema is `schema/bylaws.rng`. libxml2 compiles an XML Schema pattern
afresh for every attribute value it checks against one (relaxng.c builds and
frees a facet per value), and in a workspace of thousands of files that was
two thirds of the time spent validating. So a file is first recognised as
valid in two steps derived from that same grammar: its structure by libxml2,
with the patterns taken out, and the patterns by Python's compiled regular
expressions, attribute by attribute. Only a file that fails either step is
validated again against the whole schema, whose errors are the ones reported.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree

from .errors import Problem, UnusableInput
from .locale import _
from .model import Article
from .xmlio import NS, TEXT_ELEMENTS, Q, article_from_xml, expect_root, parse_bytes
from .xmlio import source_loc as _source_loc

RNG = "{http://relaxng.org/ns/structure/1.0}"


class SchemaSplitError(Exception):
    """The grammar uses a pattern the fast path cannot check exactly as libxml2."""


def schema_path() -> str:
    """The installed location of the schema, for editors and messages.

    The package is a folder on disk (never imported from a zip), so the path
    is found beside this module: importlib.resources would bring tempfile,
    zipfile and more into every `check`'s start-up.
    """
    return os.path.join(os.path.dirname(__file__), "schema", "bylaws.rng")


def _grammar() -> etree._Element:
    path = schema_path()
    with open(path, "rb") as source:
        return parse_bytes(source.read(), path)


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG:
    return etree.RelaxNG(_grammar())


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
    """The schema's structure without patterns, and the patterns by attribute."""

    __slots__ = ("patterns", "structure")

    def __init__(
        self, structure: etree.RelaxNG, patterns: dict[str, re.Pattern[str]]
    ) -> None:
        self.structure = structure
        self.patterns = patterns

    def values_if_valid(self, root: etree._Element, name: str) -> list[str] | None:
        """The values of attribute `name` under `root`, in document order, when
        `root` is valid; None when it is not. One walk does both."""
        if not self.structure.validate(root):
            return None
        patterns = self.patterns
        values: list[str] = []
        for el in root.iter():
            pairs: Any = el.items()  # str pairs: lxml decodes what it parsed
            for attribute, value in pairs:
                pattern = patterns.get(attribute)
                if pattern is not None and pattern.fullmatch(value) is None:
                    return None
                if attribute == name:
                    values.append(value)
        return values


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
    return SplitSchema(etree.RelaxNG(checked.root), patterns)


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


@lru_cache(maxsize=1)
def _split() -> SplitSchema:
    return split(_grammar())


def values_if_valid(root: etree._Element, name: str) -> list[str] | None:
    """The values of attribute `name` under `root` (in document order) when it
    matches the schema; None when it does not."""
    return _split().values_if_valid(root, name)


def is_valid(root: etree._Element) -> bool:
    """Whether `root` matches the schema: the fast path's verdict."""
    return _split().values_if_valid(root, "") is not None


# --- the whole schema, and its errors in a drafter's words -------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_UNEXPECTED = re.compile(r"Did not expect element (\S+) there")
# (A <ref> is a reference or a link: libxml2 says its content failed.)
_BAD_ATTRIBUTES = re.compile(
    r"Element (\S+) failed to validate attributes|Element (ref) failed to validate content"
)
# A follow-on error: libxml2 also blames the parent of an element it refused.
_EXTRA_CONTENT = re.compile(r"Element \S+ has extra content: ")

_ID_ADVICE = _(
    "<{element}>: {name}={value!r} is not a valid id: use lowercase ASCII letters, "
    "digits and hyphens, starting with a letter or digit (like art-membership)"
)
_ADDRESS_ADVICE = _(
    "<{element}>: {name}={value!r} is not a valid address: an article id, then "
    "/para-N and /point-N counted from 1 (like art-membership/para-2/point-1)"
)
# What each patterned attribute must look like, in a drafter's words.
_PATTERN_ADVICE = {
    "to": _ADDRESS_ADVICE,
    "on": _ADDRESS_ADVICE,
    "num": _(
        "<{element}>: {name}={value!r} is not an article number: write digits "
        "without a leading 0 (like 12)"
    ),
    "href": _(
        "<{element}>: {name}={value!r} is not a link outside the document: "
        "write an https:, http: or mailto: address"
    ),
    "commit": _(
        "<{element}>: {name}={value!r} is not a commit: write 7 to 64 lowercase "
        "hexadecimal digits"
    ),
    "sha256": _(
        "<{element}>: {name}={value!r} is not a fingerprint: write 64 lowercase "
        "hexadecimal digits"
    ),
}
# A message: its msgid and the values of its fields.
Said = tuple[str, dict[str, Any]]


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _element_at(
    root: etree._Element, line: int, hint: str | None
) -> etree._Element | None:
    """The element a schema error speaks of: on that line, by name when known."""
    for el in root.iter():
        sourceline: Any = el.sourceline
        same_line = isinstance(el.tag, str) and sourceline == line
        if same_line and (hint is None or _local(el) == hint):
            return el
    return None


def _attribute_advice(el: etree._Element) -> Said | None:
    """What is wrong with one of an element's attribute values, if anything is."""
    patterns = _split().patterns
    pairs: Any = el.items()
    element = _local(el)
    for name, value in pairs:
        pattern = patterns.get(name)
        if pattern is not None and pattern.fullmatch(value) is None:
            advice = _PATTERN_ADVICE.get(name, _ID_ADVICE)
            return advice, {"element": element, "name": name, "value": value}
    date = el.get("date")
    if date is not None and not _DATE.match(date):
        advice = _("<{element}>: date={date!r} is not a date: write it as YYYY-MM-DD")
        return advice, {"element": element, "date": date}
    return None


def _not_allowed(el: etree._Element) -> Said:
    parent = el.getparent()
    if parent is None:
        return _("element <{element}> is not allowed here"), {"element": _local(el)}
    fields = {"element": _local(el), "parent": _local(parent)}
    if _local(parent) in TEXT_ELEMENTS:
        return _(
            "element <{element}> is not allowed here inside <{parent}>; "
            "running text may hold only words and <ref/>"
        ), fields
    return _("element <{element}> is not allowed here inside <{parent}>"), fields


def _explain(message: str, el: etree._Element | None) -> Said:
    """A schema message in words a drafter understands (libxml2's own if none)."""
    if _UNEXPECTED.match(message) and el is not None:
        return _not_allowed(el)
    if _BAD_ATTRIBUTES.search(message) and el is not None:
        advice = _attribute_advice(el)
        if advice:
            return advice
        return _(
            "<{element}> has an attribute the schema does not allow, or lacks one "
            "it needs ({message})"
        ), {"element": _local(el), "message": message}
    return "", {"message": message}


def schema_problems(
    root: etree._Element, path: str, data: bytes | None = None
) -> list[Problem]:
    """Validate against the shipped RELAX NG schema; one Problem per error."""
    if is_valid(root):
        return []
    return full_schema_problems(root, path, data)


def full_schema_problems(
    root: etree._Element, path: str, data: bytes | None = None
) -> list[Problem]:
    """The whole schema's verdict, without the fast path: what errors are made of."""
    schema = _schema()
    if schema.validate(root):
        return []
    problems = []
    entries = list(schema.error_log)
    blamed = {e.line for e in entries if not _EXTRA_CONTENT.match(e.message)}
    for entry in entries:
        message = entry.message.replace(Q, "").replace("{" + NS + "}", "")
        if _EXTRA_CONTENT.match(message) and entry.line in blamed:
            continue  # the error on that line says it better
        named = _UNEXPECTED.match(message) or _BAD_ATTRIBUTES.match(message)
        el = _element_at(
            root, entry.line, (named.group(1) or named.group(2)) if named else None
        )
        col = entry.column or (_source_loc(el, path, data).col if el is not None else 1)
        msgid, fields = _explain(message, el)
        english = msgid.format(**fields) if msgid else message
        problems.append(Problem(path, entry.line, col, "error", english, msgid, fields))
    return problems


def validate(root: etree._Element, path: str) -> None:
    """Raise UnusableInput for the first schema error."""
    problems = schema_problems(root, path)
    if problems:
        first = problems[0]
        raise UnusableInput(
            _("does not match the bylaws schema: {problem}"),
            path,
            first.line,
            first.col,
            problem=first.message,
        )


def load_root(data: bytes, path: str, name: str) -> etree._Element:
    """Parse, check the root and validate: the element is then safe to convert."""
    root = parse_bytes(data, path)
    expect_root(root, name, path)
    validate(root, path)
    return root


def validated_article(data: bytes, path: str) -> Article:
    """An article file's bytes as a validated Article."""
    return article_from_xml(load_root(data, path, "article"), path, data)
