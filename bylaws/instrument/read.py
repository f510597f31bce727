"""Reading an instrument back into clauses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..errors import InvalidOperation, NotFound
from ..locale import _
from ..model import (
    Article,
    Document,
    Position,
    iter_entries,
)
from ..text import ARABIC_INDIC_DIGITS, normalize_word
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
from .patterns_en import ENGLISH, ROBERTS
from .runs import decode_runs, quotes_of

_LEAD = re.compile(rf"^\s*([0-9{ARABIC_INDIC_DIGITS}]+)[-.]\s+")


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


@dataclass(frozen=True, slots=True)
class _Source:
    """One clause as written: its first line without the number, the restated
    text under it (if any), where it stands and the number it carries."""

    body: str
    block: list[tuple[int, str]] | None
    line: int
    number: str


def _block(
    lines: list[str], index: int, quotes: tuple[str, str], path: str
) -> tuple[list[tuple[int, str]], int]:
    """The restated text that opens at `index`, and the index after it."""
    block_open, block_close = f"{quotes[0]}{quotes[0]}", f"{quotes[1]}{quotes[1]}."
    if index >= len(lines) or lines[index].strip() != block_open:
        raise InstrumentError(
            _("the restated text must start on the next line with {opening}"),
            path,
            index + 1,
            1,
            opening=block_open,
        )
    end = index + 1
    while end < len(lines) and lines[end].rstrip() != block_close:
        end += 1
    if end >= len(lines):
        raise InstrumentError(
            _("the restated text that starts here never ends with a line {closing}"),
            path,
            index + 1,
            1,
            closing=block_close,
        )
    return [(k + 1, lines[k].rstrip()) for k in range(index + 1, end)], end + 1


def _sources(lines: list[str], quotes: tuple[str, str], path: str) -> Iterator[_Source]:
    """The numbered clauses of an instrument, in order.

    What comes before the first numbered line (a title, a preamble) and from
    the first unnumbered line after the clauses on (the closing words) is the
    frame a body words as it likes: it is not read.
    """
    index = next((k for k, line in enumerate(lines) if _LEAD.match(line)), len(lines))
    while index < len(lines):
        raw = lines[index].rstrip()
        index += 1
        at = index
        if not raw.strip():
            continue
        lead = _LEAD.match(raw)
        if lead is None:
            return
        body = raw[lead.end() :].strip()
        block = None
        if body.endswith(":"):
            block, index = _block(lines, index, quotes, path)
        yield _Source(body, block, at, lead[1])


def parse_instrument(
    text: str, doc: Document, path: str = "<instrument>"
) -> list[Clause]:
    """Read an instrument written against `doc` back into clauses.

    Both forms read: the one with ids and `[shown](address)` references, and
    the published one, with a title, a preamble and closing words around the
    numbered clauses, where a new article has no id (one is derived, see
    `derived_id`) and an article the instrument inserts is designated by the
    clause that inserts it.

    Raises:
        InstrumentError: a clause that is not in one of the known forms, or that
            designates nothing; the message names the file and line.
    """
    return [clause for clause, _ in _read(text, doc, path)]


def _read(text: str, doc: Document, path: str) -> list[tuple[Clause, int]]:
    """Each clause with the line it starts on."""
    names = Names.of(doc)
    patterns = ARABIC if names.ar else (ROBERTS if doc.units else ENGLISH)
    reading = _Reading(names, patterns, quotes_of(doc), path)
    return [
        (_clause(source, reading), source.line)
        for source in _sources(text.splitlines(), reading.quotes, path)
    ]


@dataclass(frozen=True)
class _Reading:
    """What reading every clause needs: the designations and the forms."""

    names: Names
    patterns: Patterns
    quotes: tuple[str, str]
    path: str

    def article(self, text: str, source: _Source) -> str:
        return self.names.find_article(text, source.line, self.path)

    def division(self, text: str, source: _Source) -> str:
        return self.names.find_division(text, source.line, self.path)

    def paragraph(self, text: str, source: _Source) -> tuple[str, int]:
        found = self.names.find_paragraph(text, source.line, self.path)
        return found if found is not None else (self.article(text, source), 1)

    def lines(self, source: _Source) -> BlockLines:
        return BlockLines(source.block or [], self.path, self.names.doc)


Match = re.Match[str]


def _words_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    ref, para = r.paragraph(m["loc"], s)
    return ReplaceWords(ref, para, decode_runs(quoted[0]), decode_runs(quoted[1]))


def _delete_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    ref, para = r.paragraph(m["loc"], s)
    return ReplaceWords(ref, para, decode_runs(quoted[0]), ())


def _heading_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    thing = m["thing"]
    if thing in r.names.divisions.values():
        return ReplaceHeading(r.division(thing, s), quoted[0])
    return ReplaceHeading(r.article(thing, s), quoted[0])


def _repeal_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    return RepealArticle(r.article(m["art"], s))


def _move_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    ref = r.article(m["art"], s)
    if m["rel"]:
        return MoveArticle(
            ref, Position(RELATIONS[m["rel"]], r.article(m["anchor"], s))
        )
    return MoveArticle(ref, Position(EDGES[m["edge"]], r.division(m["div"], s)))


def _insert_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    if m["rel"]:
        position = Position(RELATIONS[m["rel"]], r.article(m["art"], s))
    elif m["div"]:
        position = Position(EDGES[m["edge"]], r.division(m["div"], s))
    else:
        raise InstrumentError(_("say which part or chapter"), r.path, s.line, 1)
    reader = r.lines(s)
    given, article = read_article(reader, None)
    _no_leftovers(reader)
    ref = given or derived_id(article, r.names, s.number)
    r.names.inserted[normalize_word(s.number)] = ref
    return InsertArticle(ref, position, replace(article, id=ref))


def _restate_form(r: _Reading, m: Match, s: _Source, quoted: list[str]) -> Clause:
    reader = r.lines(s)
    found = r.names.find_paragraph(m["loc"], s.line, r.path)
    if found is not None:
        paragraph = read_paragraph(reader, found[1])
        _no_leftovers(reader)
        return ReplaceParagraph(found[0], found[1], paragraph)
    ref = r.article(m["loc"], s)
    _, article = read_article(reader, ref)
    _no_leftovers(reader)
    return ReplaceArticle(ref, article)


ClauseForm = Callable[[_Reading, Match, _Source, list[str]], Clause]

# Each form of clause, tried in this order: (name in Patterns, reader).
_FORMS: tuple[tuple[str, ClauseForm], ...] = (
    ("words", _words_form),
    ("delete", _delete_form),
    ("heading", _heading_form),
    ("repeal", _repeal_form),
    ("move", _move_form),
    ("insert", _insert_form),
    ("restate", _restate_form),
)


def _clause(source: _Source, reading: _Reading) -> Clause:
    skeleton, quoted = _split_quotes(source.body, reading.quotes)
    for name, form in _FORMS:
        pattern: re.Pattern[str] = getattr(reading.patterns, name)
        needs_block = name in ("insert", "restate")
        if (source.block is not None) == needs_block and (
            m := pattern.fullmatch(skeleton)
        ):
            return form(reading, m, source, quoted)
    raise InstrumentError(
        _(
            "this clause is not in a form the instrument reader knows (see docs/cli/instrument.md)"
        ),
        reading.path,
        source.line,
        1,
    )


def derived_id(article: Article, names: Names, number: str) -> str:
    """An id for an article the published instrument inserts (it carries none):
    `art-` (`sec-` for a Section) and its heading's ASCII words where it has
    some, else `art-new-N` for clause N; made unique in the text being amended."""
    words = re.findall(r"[a-z0-9]+", (article.heading or "").lower())
    # Bylaws' Sections are `sec-`, as their import names them.
    prefix = "sec-" if names.doc.units is not None else "art-"
    stem = (
        prefix + "-".join(words) if words else f"{prefix}new-{normalize_word(number)}"
    )
    taken = set(names.doc.articles) | {e.ref for e in iter_entries(names.doc.outline)}
    taken |= set(names.inserted.values())
    ref, count = stem, 1
    while ref in taken:
        count += 1
        ref = f"{stem}-{count}"
    return ref


def _no_leftovers(reader: BlockLines) -> None:
    if reader.peek() is not None:
        raise reader.fail(_("this line does not belong to the restated text"))


def apply_instrument(doc: Document, text: str, path: str = "<instrument>") -> Document:
    """Read an instrument and carry it out on `doc`.

    Raises:
        InstrumentError: the text cannot be read, or a clause does not apply;
            the message names the file and the clause's line.
    """
    for clause, line in _read(text, doc, path):
        try:
            doc = apply_clauses(doc, [clause])
        except (InvalidOperation, NotFound) as exc:
            raise InstrumentError(exc.msgid, path, line, 1, **exc.args_) from None
    return doc
