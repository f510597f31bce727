"""Validation against the one shipped schema, with messages a drafter reads.

The schema is `schema/bylaws.rng`. A file is first recognised as valid by the
fast path of `bylaws.schema_split` (the structure by libxml2, the attribute
patterns by Python); only a file that fails it is validated again against the
whole schema, whose errors are the ones reported.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from lxml import etree

from .errors import Problem, UnusableInput
from .locale import _
from .model import Article
from .schema_split import SplitSchema, split
from .xmlio import NS, TEXT_ELEMENTS, Q, article_from_xml, expect_root, parse_bytes
from .xmlio import source_loc as _source_loc


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


@lru_cache(maxsize=1)
def _split() -> SplitSchema:
    return split(_grammar())


def values_if_valid(root: etree._Element, name: str) -> list[str] | None:
    """The values of attribute `name` under `root` (in document order) when it
    matches the schema; None when it does not."""
    return _split().values_if_valid(root, name)


def values_by_file(
    batch: etree._Element, name: str
) -> list[tuple[list[str], bool]] | None:
    """`values_if_valid` for each file of a batch (`bylaws.check.batches`)."""
    return _split().values_by_file(batch, name)


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
