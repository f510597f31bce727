"""Reading an instrument back into clauses."""

from __future__ import annotations

import re

from ..errors import InvalidOperation, NotFound
from ..model import (
    Document,
    Position,
)
from ..text import ARABIC_INDIC_DIGITS
from .apply import apply_clauses
from .blocks import BlockLines, read_article, read_paragraph
from .clauses import (
    Clause,
    InsertArticle,
    InstrumentError,
    MoveArticle,
    RepealArticle,
    ReplaceArticle,
    ReplaceHeading,
    ReplaceParagraph,
    ReplaceWords,
)
from .designations import Names
from .patterns import EDGES, RELATIONS, Patterns
from .patterns_ar import ARABIC
from .patterns_en import ENGLISH
from .runs import decode_runs, quotes_of

# --- reading ------------------------------------------------------------------------

_LEAD = re.compile(rf"^\s*[0-9{ARABIC_INDIC_DIGITS}]+[-.]\s+")


def _split_quotes(line: str, quotes: tuple[str, str]) -> tuple[str, list[str]]:
    """A clause line with its quoted strings taken out as {0}, {1}… placeholders."""
    skeleton: list[str] = []
    found: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in line:
        if ch == quotes[0]:
            if depth:
                current.append(ch)
            depth += 1
            continue
        if ch == quotes[1] and depth:
            depth -= 1
            if depth:
                current.append(ch)
            else:
                skeleton.append(f"\x00{len(found)}\x00")
                found.append("".join(current))
                current = []
            continue
        (current if depth else skeleton).append(ch)
    return "".join(skeleton), found


def parse_instrument(
    text: str, doc: Document, path: str = "<instrument>"
) -> list[Clause]:
    """Read an instrument written against `doc` back into clauses.

    Raises:
        InstrumentError: a clause that is not in one of the known forms, or that
            designates nothing; the message names the file and line.
    """
    names = Names.of(doc)
    quotes = quotes_of(doc)
    patterns = ARABIC if names.ar else ENGLISH
    block_open, block_close = f"{quotes[0]}{quotes[0]}", f"{quotes[1]}{quotes[1]}."
    lines = text.splitlines()
    clauses: list[Clause] = []
    index = 0
    while index < len(lines):
        number = index + 1
        raw = lines[index].rstrip()
        index += 1
        if not raw.strip():
            continue
        body = _LEAD.sub("", raw).strip()
        block: list[tuple[int, str]] | None = None
        if body.endswith(":"):
            if index >= len(lines) or lines[index].strip() != block_open:
                raise InstrumentError(
                    f"the restated text must start on the next line with {block_open}",
                    path,
                    number + 1,
                    1,
                )
            start = index + 1
            end = start
            while end < len(lines) and lines[end].rstrip() != block_close:
                end += 1
            if end >= len(lines):
                raise InstrumentError(
                    f"the restated text that starts here never ends with a line {block_close}",
                    path,
                    index + 1,
                    1,
                )
            block = [(k + 1, lines[k].rstrip()) for k in range(start, end)]
            index = end + 1
        clauses.append(_clause(body, block, names, patterns, quotes, path, number))
    return clauses


def _clause(
    body: str,
    block: list[tuple[int, str]] | None,
    names: Names,
    patterns: Patterns,
    quotes: tuple[str, str],
    path: str,
    line: int,
) -> Clause:
    doc = names.doc
    skeleton, quoted = _split_quotes(body, quotes)
    if m := patterns.words.fullmatch(skeleton):
        ref, para = _paragraph_loc(names, m["loc"], line, path)
        return ReplaceWords(ref, para, decode_runs(quoted[0]), decode_runs(quoted[1]))
    if m := patterns.delete.fullmatch(skeleton):
        ref, para = _paragraph_loc(names, m["loc"], line, path)
        return ReplaceWords(ref, para, decode_runs(quoted[0]), ())
    if m := patterns.heading.fullmatch(skeleton):
        thing = m["thing"]
        target = (
            names.find_division(thing, line, path)
            if thing in names.divisions.values()
            else names.find_article(thing, line, path)
        )
        return ReplaceHeading(target, quoted[0])
    if m := patterns.repeal.fullmatch(skeleton):
        return RepealArticle(names.find_article(m["art"], line, path))
    if m := patterns.move.fullmatch(skeleton):
        ref = names.find_article(m["art"], line, path)
        if m["rel"]:
            anchor = names.find_article(m["anchor"], line, path)
            return MoveArticle(ref, Position(RELATIONS[m["rel"]], anchor))
        division = names.find_division(m["div"], line, path)
        return MoveArticle(ref, Position(EDGES[m["edge"]], division))
    if block is not None:
        reader = BlockLines(block, path, doc)
        if m := patterns.insert.fullmatch(skeleton):
            if m["rel"]:
                position = Position(
                    RELATIONS[m["rel"]], names.find_article(m["art"], line, path)
                )
            else:
                if not m["div"]:
                    raise InstrumentError("say which part or chapter", path, line, 1)
                position = Position(
                    EDGES[m["edge"]], names.find_division(m["div"], line, path)
                )
            given, article = read_article(reader, None)
            if not given:
                raise InstrumentError(
                    "a new article needs its id in brackets after its number, e.g. "
                    "[art-new-rule]",
                    path,
                    block[0][0] if block else line,
                    1,
                )
            _no_leftovers(reader)
            return InsertArticle(given, position, article)
        if m := patterns.restate.fullmatch(skeleton):
            loc = m["loc"]
            found = names.find_paragraph(loc, line, path)
            if found is not None:
                paragraph = read_paragraph(reader, found[1])
                _no_leftovers(reader)
                return ReplaceParagraph(found[0], found[1], paragraph)
            ref = names.find_article(loc, line, path)
            _, article = read_article(reader, ref)
            _no_leftovers(reader)
            return ReplaceArticle(ref, article)
    raise InstrumentError(
        "this clause is not in a form the instrument reader knows "
        "(see docs/cli/instrument.md)",
        path,
        line,
        1,
    )


def _no_leftovers(reader: BlockLines) -> None:
    if reader.peek() is not None:
        raise reader.fail("this line does not belong to the restated text")


def _paragraph_loc(names: Names, loc: str, line: int, path: str) -> tuple[str, int]:
    found = names.find_paragraph(loc, line, path)
    if found is not None:
        return found
    return names.find_article(loc, line, path), 1


def apply_instrument(doc: Document, text: str, path: str = "<instrument>") -> Document:
    """Read an instrument and carry it out on `doc`.

    Raises:
        InstrumentError: the text cannot be read, or a clause does not apply;
            the message names the file and the clause's line.
    """
    clauses = parse_instrument(text, doc, path)
    lines = _clause_lines(text)
    for number, clause in enumerate(clauses):
        try:
            doc = apply_clauses(doc, [clause])
        except (InvalidOperation, NotFound) as exc:
            line = lines[number] if number < len(lines) else 0
            raise InstrumentError(exc.message, path, line, 1) from None
    return doc


def _clause_lines(text: str) -> list[int]:
    """The line number where each clause starts (blocks skipped)."""
    out: list[int] = []
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if inside:
            if stripped in ("»».", "””."):
                inside = False
            continue
        if stripped in ("««", "““"):
            inside = True
            continue
        if stripped:
            out.append(number)
    return out
