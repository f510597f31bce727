"""The amendment instrument: the formal text a body adopts, and back.

`write_instrument(old, new)` words the changes from `old` to `new` the way a
drafter would, in the document's language: a few words replaced where few
changed, a paragraph restated where much of it changed, the whole article
restated where most of it did; repeals, insertions, moves and new headings.
`parse_instrument` reads such a text back into clauses and `apply_clauses`
carries them out, so that applying the instrument to `old` gives `new`
exactly. The writer checks that itself before it returns.

Conventions that make the text readable back:
- articles and divisions are designated by their numbers in the text being
  amended; an article that the instrument itself adds is designated by its new
  number followed by its id in brackets, `[art-new]`;
- quoted words are in «…» (Arabic) or “…” (English); a quotation is long
  enough to occur once in its paragraph;
- a restated article or paragraph stands between a line «« and a line »».
  (“ and ”. in English), one paragraph or point per line, points indented;
- a live reference is written `[designation](address)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .errors import BylawsError, InvalidOperation, NotFound
from .model import (
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Base,
    Division,
    Document,
    Inline,
    Insert,
    Move,
    Note,
    Operation,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Position,
    Proposal,
    Ref,
    RefForm,
    Relation,
    Repeal,
    Text,
    iter_divisions,
    iter_entries,
)
from .numbering import (
    article_number,
    division_label,
    number_divisions,
    number_outline,
    paragraph_label,
    point_label,
    render_ref,
    to_genitive_ar,
)
from .overlay import apply_operation
from .proposals.merge import Token, run_tokens, tokens_runs
from .text import normalize_word

__all__ = [
    "Clause",
    "InsertArticle",
    "InstrumentError",
    "MoveArticle",
    "RepealArticle",
    "ReplaceArticle",
    "ReplaceHeading",
    "ReplaceParagraph",
    "ReplaceWords",
    "apply_clauses",
    "apply_instrument",
    "instrument_clauses",
    "parse_instrument",
    "render_instrument",
    "write_instrument",
]


class InstrumentError(InvalidOperation):
    """An instrument that cannot be written or read back."""


# --- clauses ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReplaceWords:
    """In paragraph `para` (1-based) of an article, `old` words become `new` ("" deletes)."""

    article: str
    para: int
    old: tuple[Inline, ...]
    new: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class ReplaceParagraph:
    article: str
    para: int
    paragraph: Paragraph


@dataclass(frozen=True, slots=True)
class ReplaceArticle:
    article: str
    text: Article


@dataclass(frozen=True, slots=True)
class RepealArticle:
    article: str


@dataclass(frozen=True, slots=True)
class InsertArticle:
    article: str
    position: Position
    text: Article


@dataclass(frozen=True, slots=True)
class MoveArticle:
    article: str
    position: Position


@dataclass(frozen=True, slots=True)
class ReplaceHeading:
    """A new heading for an article or a division (`target` is its id)."""

    target: str
    heading: str


Clause = (
    ReplaceWords
    | ReplaceParagraph
    | ReplaceArticle
    | RepealArticle
    | InsertArticle
    | MoveArticle
    | ReplaceHeading
)


# --- designations -------------------------------------------------------------------


def _arabic(doc: Document) -> bool:
    return doc.lang.split("-")[0].lower() == "ar"


@dataclass(frozen=True)
class _Names:
    """How the instrument designates the articles and divisions of the base text."""

    doc: Document
    articles: dict[str, str]  # id -> designation
    genitive: dict[str, str]  # id -> designation after a preposition (Arabic)
    divisions: dict[str, str]
    ar: bool

    @classmethod
    def of(cls, doc: Document) -> _Names:
        ar = _arabic(doc)
        articles: dict[str, str] = {}
        genitive: dict[str, str] = {}
        for ref, number in number_outline(doc).items():
            num = article_number(number.n, number.k, doc.lang, doc.style)
            articles[ref] = f"المادة ({num})" if ar else f"Article {num}"
            genitive[ref] = f"المادة ({to_genitive_ar(num)})" if ar else articles[ref]
        numbers = number_divisions(doc)
        divisions: dict[str, str] = {}

        def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
            for node in nodes:
                if isinstance(node, Division):
                    label = division_label(
                        node.kind, numbers[node.id], doc.lang, doc.style
                    )
                    if node.kind == "section" and parent:
                        label += (" من " if ar else " of ") + parent
                    divisions[node.id] = label
                    walk(node.children, label)

        walk(doc.outline, None)
        return cls(doc, articles, genitive, divisions, ar)

    def article(self, ref: str, new: Document | None = None, gen: bool = False) -> str:
        if ref in self.articles:
            return (self.genitive if gen else self.articles)[ref]
        # An article the instrument adds: its new number, then its id.
        label = ""
        if new is not None:
            number = number_outline(new).get(ref)
            if number is not None:
                num = article_number(number.n, number.k, new.lang, new.style)
                if self.ar and gen:
                    num = to_genitive_ar(num)
                label = f"المادة ({num})" if self.ar else f"Article {num}"
        label = label or ("المادة" if self.ar else "Article")
        return f"{label} [{ref}]"

    def division(self, ref: str) -> str:
        return self.divisions[ref]

    def paragraph(self, ref: str, para: int) -> str:
        label = paragraph_label(para, self.doc.lang, self.doc.style)
        if self.ar:
            return f"الفقرة {label} من {self.article(ref, gen=True)}"
        return f"{self.article(ref)}{label}"

    def find_article(self, text: str, line: int, path: str) -> str:
        found = re.fullmatch(r"(.*?) ?\[([a-z0-9][a-z0-9\-]*)\]", text)
        if found:
            return found.group(2)
        for table in (self.articles, self.genitive):
            for ref, label in table.items():
                if label == text:
                    return ref
        raise InstrumentError(
            f"«{text}» designates no article of the text being amended", path, line, 1
        )

    def find_division(self, text: str, line: int, path: str) -> str:
        for ref, label in self.divisions.items():
            if label == text:
                return ref
        raise InstrumentError(
            f"«{text}» designates no part, chapter or section", path, line, 1
        )

    def find_paragraph(self, text: str, line: int, path: str) -> tuple[str, int] | None:
        if self.ar:
            found = re.fullmatch(r"الفقرة \((\S+?)\) من (.+)", text)
            if not found:
                return None
            number, article = found.group(1), found.group(2)
        else:
            found = re.fullmatch(r"(.+?)\((\S+?)\)", text)
            if not found:
                return None
            article, number = found.group(1), found.group(2)
        digits = normalize_word(number)
        if not digits.isdigit():
            raise InstrumentError(
                f"«{number}» is not a paragraph number", path, line, 1
            )
        return self.find_article(article, line, path), int(digits)


# --- text <-> runs --------------------------------------------------------------------

_REF = re.compile(
    r"\[([^\[\]\n]*)\]\(([a-z0-9][a-z0-9\-]*(?:/(?:para|point)-[1-9][0-9]*)*)( \"number\")?\)"
)


# The id written after a new article's designation, so that it reads back.
_ID_MARK = re.compile(r" \[[a-z0-9][a-z0-9\-]*\](?!\()")


def reader_segments(line: str) -> Iterator[tuple[str, Ref | None]]:
    """A line of instrument text as a reader sees it: plain text, and each
    reference's designation with the reference it stands for. The marks that
    only serve reading the text back (a new article's id) are left out."""
    cursor = 0
    for found in _REF.finditer(line):
        if found.start() > cursor:
            yield _ID_MARK.sub("", line[cursor : found.start()]), None
        form: RefForm = "number" if found.group(3) else "full"
        yield found.group(1), Ref(found.group(2), form)
        cursor = found.end()
    if cursor < len(line):
        yield _ID_MARK.sub("", line[cursor:]), None


def encode_runs(runs: Sequence[Inline], doc: Document | None) -> str:
    """Runs as instrument text: references as `[designation](address)`."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            out.append(run.value)
            continue
        shown = run.to
        if doc is not None:
            try:
                shown = render_ref(doc, run)
            except BylawsError:
                shown = run.to
        form = ' "number"' if run.form == "number" else ""
        out.append(f"[{shown}]({run.to}{form})")
    return "".join(out)


def decode_runs(text: str) -> tuple[Inline, ...]:
    """Instrument text back into runs (the shown designations are ignored)."""
    runs: list[Inline] = []
    cursor = 0
    for found in _REF.finditer(text):
        if found.start() > cursor:
            runs.append(Text(text[cursor : found.start()]))
        runs.append(Ref(found.group(2), "number" if found.group(3) else "full"))
        cursor = found.end()
    if cursor < len(text):
        runs.append(Text(text[cursor:]))
    return tuple(runs)


def _quotes(doc: Document) -> tuple[str, str]:
    return ("«", "»") if _arabic(doc) else ("“", "”")


def _balanced(text: str, quotes: tuple[str, str]) -> bool:
    depth = 0
    for ch in text:
        if ch == quotes[0]:
            depth += 1
        elif ch == quotes[1]:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# --- blocks: restated articles and paragraphs -----------------------------------------

_INDENT = "    "


def _item_lines(
    items: Sequence[P | Point],
    depth: int,
    doc: Document,
    shown: Document,
    out: list[str],
) -> None:
    """Items of a paragraph or point; the first P is already on the label line."""
    count = 0
    for item in items:
        if isinstance(item, P):
            out.append(_INDENT * depth + encode_runs(item.runs, shown))
        else:
            count += 1
            label = point_label(count, depth, doc.lang, doc.style)
            first, rest = _split_first(item.items)
            line = _INDENT * depth + label
            if first is not None:
                line += " " + encode_runs(first.runs, shown)
            out.append(line)
            _item_lines(rest, depth + 1, doc, shown, out)


def _split_first(items: Sequence[P | Point]) -> tuple[P | None, Sequence[P | Point]]:
    if items and isinstance(items[0], P):
        return items[0], items[1:]
    return None, items


def paragraph_lines(
    para: Paragraph, number: int | None, doc: Document, shown: Document
) -> list[str]:
    """One paragraph as lines; `number` None writes it without its label."""
    first, rest = _split_first(para.items)
    text = encode_runs(first.runs, shown) if first is not None else ""
    if number is None:
        head = text
    else:
        label = paragraph_label(number, doc.lang, doc.style)
        head = f"{label} {text}" if first is not None else label
    out = [head]
    _item_lines(rest, 1, doc, shown, out)
    return out


def _note_prefix(doc: Document) -> str:
    return "ملاحظة: " if _arabic(doc) else "Note: "


def article_as_instrument_lines(
    article: Article, label: str, doc: Document, shown: Document
) -> list[str]:
    """A whole article as lines: label and heading, paragraphs, notes."""
    out = [f"{label}: {article.heading}" if article.heading is not None else label]
    single = len(article.paragraphs) == 1 and not _looks_labelled(
        article.paragraphs[0], doc
    )
    for i, para in enumerate(article.paragraphs, 1):
        out.extend(paragraph_lines(para, None if single else i, doc, shown))
    for note in article.notes:
        out.append(_note_prefix(doc) + encode_runs(note.runs, shown))
    return out


def _looks_labelled(para: Paragraph, doc: Document) -> bool:
    first, _ = _split_first(para.items)
    if first is None:
        return True
    text = encode_runs(first.runs, None)
    return bool(re.match(r"\(\S+?\)( |$)", text)) or text.startswith(_note_prefix(doc))


class _Lines:
    """Block lines being read back, with their line numbers."""

    def __init__(self, lines: list[tuple[int, str]], path: str, doc: Document) -> None:
        self.lines = lines
        self.pos = 0
        self.path = path
        self.doc = doc

    def peek(self) -> tuple[int, str] | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def fail(self, message: str) -> InstrumentError:
        line = self.lines[min(self.pos, len(self.lines) - 1)][0] if self.lines else 0
        return InstrumentError(message, self.path, line, 1)


def _depth(line: str) -> tuple[int, str]:
    stripped = line.lstrip(" ")
    return (len(line) - len(stripped)) // len(_INDENT), stripped


def _read_items(reader: _Lines, depth: int, items: list[P | Point]) -> None:
    """Lines at `depth`: plain lines are Ps, labelled ones points (with their items)."""
    count = sum(1 for i in items if isinstance(i, Point))
    doc = reader.doc
    while (current := reader.peek()) is not None:
        level, text = _depth(current[1])
        if level < depth or (depth == 1 and level == 0):
            return
        if level > depth:
            raise reader.fail("this line is indented more than a point of its level")
        label = point_label(count + 1, depth, doc.lang, doc.style)
        reader.pos += 1
        if text == label or text.startswith(label + " "):
            count += 1
            inner: list[P | Point] = []
            rest = text[len(label) + 1 :]
            if text != label:
                inner.append(P(decode_runs(rest)))
            _read_items(reader, depth + 1, inner)
            items.append(Point(tuple(inner)))
        else:
            items.append(P(decode_runs(text)))


def read_paragraph(reader: _Lines, number: int | None) -> Paragraph:
    """One paragraph from its lines; `number` is the label it must carry (or None)."""
    current = reader.peek()
    if current is None:
        raise reader.fail("a paragraph is missing")
    _, text = _depth(current[1])
    items: list[P | Point] = []
    if number is not None:
        label = paragraph_label(number, reader.doc.lang, reader.doc.style)
        if not (text == label or text.startswith(label + " ")):
            raise reader.fail(f"expected paragraph {label} here")
        text = text[len(label) + 1 :]
        reader.pos += 1
        if current[1].strip() != label:
            items.append(P(decode_runs(text)))
    else:
        reader.pos += 1
        items.append(P(decode_runs(text)))
    _read_items(reader, 1, items)
    return Paragraph(tuple(items))


def read_article_block(reader: _Lines, ref: str | None) -> tuple[str | None, Article]:
    """An article block: returns the id given in its label line (if any) and the text."""
    current = reader.peek()
    if current is None:
        raise reader.fail("the article's text is missing")
    reader.pos += 1
    head = current[1]
    label, _, heading = head.partition(": ")
    found = re.search(r"\[([a-z0-9][a-z0-9\-]*)\]$", label)
    given = found.group(1) if found else None
    doc = reader.doc
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    prefix = _note_prefix(doc)
    first_label = paragraph_label(1, doc.lang, doc.style)
    peek = reader.peek()
    numbered = peek is not None and (
        peek[1] == first_label or peek[1].startswith(first_label + " ")
    )
    while (peek := reader.peek()) is not None:
        if paragraphs and peek[1].startswith(prefix):
            reader.pos += 1
            notes.append(Note(decode_runs(peek[1][len(prefix) :])))
            continue
        if notes or (paragraphs and not numbered):
            raise reader.fail("this line does not belong to the restated article")
        paragraphs.append(
            read_paragraph(reader, len(paragraphs) + 1 if numbered else None)
        )
    if not paragraphs:
        raise reader.fail("an article needs at least one paragraph")
    return given, Article(
        ref or given or "",
        heading if head.find(": ") >= 0 else None,
        tuple(paragraphs),
        tuple(notes),
    )


# --- writing: choosing the clauses ----------------------------------------------------

_MAX_WORD_CLAUSES = 3
_PARAGRAPH_SHARE = 0.5


def _shape(items: Sequence[P | Point]) -> tuple[object, ...]:
    return tuple("p" if isinstance(i, P) else _shape(i.items) for i in items)


def _ps(items: Sequence[P | Point]) -> list[P]:
    out: list[P] = []
    for item in items:
        if isinstance(item, P):
            out.append(item)
        else:
            out.extend(_ps(item.items))
    return out


def _is_space_token(tok: Token) -> bool:
    return isinstance(tok, str) and tok.isspace()


def _is_word(tok: Token) -> bool:
    return isinstance(tok, Ref) or any(ch.isalnum() for ch in tok)


def _count(haystack: Sequence[Token], needle: Sequence[Token]) -> int:
    n = len(needle)
    return sum(
        1
        for i in range(len(haystack) - n + 1)
        if list(haystack[i : i + n]) == list(needle)
    )


def _word_clauses(
    ref: str, number: int, old: Paragraph, new: Paragraph, quotes: tuple[str, str]
) -> list[ReplaceWords] | None:
    """Word replacements turning one paragraph into another, or None if unsuitable."""
    olds, news = _ps(old.items), _ps(new.items)
    current = [run_tokens(p.runs) for p in olds]
    clauses: list[ReplaceWords] = []
    changed = total = 0
    for index, (a, b) in enumerate(zip(olds, news, strict=True)):
        ta, tb = run_tokens(a.runs), run_tokens(b.runs)
        total += len(ta)
        if ta == tb:
            continue
        matcher = SequenceMatcher(None, ta, tb, autojunk=False)
        hunks = [
            (i1, i2, tb[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        hunks = _join_hunks(hunks, ta, tb)
        changed += sum(i2 - i1 for i1, i2, _ in hunks)
        while hunks:
            i1, i2, repl = hunks.pop()
            start, end = i1, i2
            consumed = [(i1, i2, repl)]
            cur = current[index]
            grow_right = True
            while True:
                window = cur[start:end]
                others = sum(
                    _count(t, window) for k, t in enumerate(current) if k != index
                )
                ok = (
                    end > start
                    and any(_is_word(t) for t in window)
                    and not _is_space_token(cur[start])
                    and not _is_space_token(cur[end - 1])
                    and _count(cur, window) == 1
                    and others == 0
                )
                if ok:
                    new_window = _apply_hunks(cur, start, end, consumed)
                    old_runs, new_runs = tokens_runs(window), tokens_runs(new_window)
                    if _balanced(encode_runs(old_runs, None), quotes) and _balanced(
                        encode_runs(new_runs, None), quotes
                    ):
                        break
                if start == 0 and end == len(cur):
                    return None
                if (grow_right and end < len(cur)) or start == 0:
                    end += 1
                else:
                    start -= 1
                grow_right = not grow_right
                while (hunks and start < hunks[-1][1]) or (
                    hunks and start <= hunks[-1][1] and hunks[-1][0] == hunks[-1][1]
                ):
                    h = hunks.pop()
                    consumed.append(h)
                    start = min(start, h[0])
            new_window = _apply_hunks(cur, start, end, consumed)
            clauses.append(
                ReplaceWords(
                    ref, number, tokens_runs(cur[start:end]), tokens_runs(new_window)
                )
            )
            current[index] = [*cur[:start], *new_window, *cur[end:]]
    if len(clauses) > _MAX_WORD_CLAUSES or changed > _PARAGRAPH_SHARE * max(total, 1):
        return None
    return clauses


def _join_hunks(
    hunks: list[tuple[int, int, list[Token]]], ta: list[Token], tb: list[Token]
) -> list[tuple[int, int, list[Token]]]:
    """Join changes separated only by spaces, as a reader sees them: one change."""
    out: list[tuple[int, int, list[Token]]] = []
    for i1, i2, repl in hunks:
        if out:
            p1, p2, prepl = out[-1]
            gap = ta[p2:i1]
            if all(_is_space_token(t) for t in gap):
                out[-1] = (p1, i2, [*prepl, *gap, *repl])
                continue
        out.append((i1, i2, list(repl)))
    return out


def _apply_hunks(
    cur: Sequence[Token],
    start: int,
    end: int,
    hunks: list[tuple[int, int, list[Token]]],
) -> list[Token]:
    out: list[Token] = []
    cursor = start
    for i1, i2, repl in sorted(hunks, key=lambda h: (h[0], h[1])):
        out.extend(cur[cursor:i1])
        out.extend(repl)
        cursor = i2
    out.extend(cur[cursor:end])
    return out


def _article_clauses(
    ref: str, old: Article, new: Article, quotes: tuple[str, str]
) -> list[Clause]:
    """The clauses that turn one article's text into another, as a drafter picks them."""
    whole: list[Clause] = [ReplaceArticle(ref, new)]
    if old.notes != new.notes or len(old.paragraphs) != len(new.paragraphs):
        return whole
    if (old.heading is None) != (new.heading is None):
        return whole
    clauses: list[Clause] = []
    if old.heading != new.heading and new.heading is not None:
        clauses.append(ReplaceHeading(ref, new.heading))
    restated = 0
    for number, (a, b) in enumerate(
        zip(old.paragraphs, new.paragraphs, strict=True), 1
    ):
        if a == b:
            continue
        words = (
            _word_clauses(ref, number, a, b, quotes)
            if _shape(a.items) == _shape(b.items)
            else None
        )
        if words is None:
            clauses.append(ReplaceParagraph(ref, number, b))
            restated += 1
        else:
            clauses.extend(words)
    paragraphs = len(new.paragraphs)
    if restated and (
        restated == paragraphs or (restated > 1 and restated * 2 > paragraphs)
    ):
        return whole
    if len(clauses) > 2 * _MAX_WORD_CLAUSES:
        return whole
    try:
        if _apply_to_article(old, clauses) != new:
            return whole
    except InstrumentError:
        return whole
    return clauses


def _parent_of(
    nodes: Sequence[OutlineNode], ref: str, parent: Division | None = None
) -> tuple[Division | None, Sequence[OutlineNode]] | None:
    for node in nodes:
        if isinstance(node, ArticleEntry) and node.ref == ref:
            return parent, nodes
        if isinstance(node, Division):
            found = _parent_of(node.children, ref, node)
            if found is not None:
                return found
    return None


def _unsupported(message: str) -> InstrumentError:
    return InstrumentError(f"this change cannot be worded as an instrument: {message}")


def _placement(new: Document, ref: str, settled: set[str]) -> Position:
    """Where an inserted or moved article goes, relative to what is already in place."""
    found = _parent_of(new.outline, ref)
    assert found is not None
    parent, siblings = found
    index = next(
        i
        for i, n in enumerate(siblings)
        if isinstance(n, ArticleEntry) and n.ref == ref
    )
    before = siblings[index - 1] if index else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    if isinstance(before, ArticleEntry):
        return Position("after", before.ref)
    if before is None and parent is not None:
        return Position("start", parent.id)
    if isinstance(after, ArticleEntry) and after.ref in settled:
        return Position("before", after.ref)
    if after is None and parent is not None:
        return Position("end", parent.id)
    raise _unsupported(f"cannot say where {ref} goes among parts and chapters")


def _division_shape(doc: Document) -> list[tuple[str, str, int]]:
    def walk(nodes: Sequence[OutlineNode], depth: int) -> list[tuple[str, str, int]]:
        out: list[tuple[str, str, int]] = []
        for node in nodes:
            if isinstance(node, Division):
                out.append((node.kind, node.id, depth))
                out.extend(walk(node.children, depth + 1))
        return out

    return walk(doc.outline, 0)


def _parents(doc: Document) -> dict[str, str | None]:
    out: dict[str, str | None] = {}

    def walk(nodes: Sequence[OutlineNode], parent: str | None) -> None:
        for node in nodes:
            if isinstance(node, ArticleEntry):
                out.setdefault(node.ref, parent)
            else:
                walk(node.children, node.id)

    walk(doc.outline, None)
    return out


def instrument_clauses(old: Document, new: Document) -> list[Clause]:
    """The clauses that turn `old` into `new`, in the order an instrument lists them.

    Raises:
        InstrumentError: a change an instrument cannot word (new or removed
            parts and chapters, an article brought back from repeal).
    """
    if _division_shape(old) != _division_shape(new):
        raise _unsupported(
            "parts, chapters or sections were added, removed or reordered"
        )
    quotes = _quotes(old)
    clauses: list[Clause] = []
    old_divisions = {d.id: d for d in iter_divisions(old.outline)}
    for division in iter_divisions(new.outline):
        if old_divisions[division.id].heading != division.heading:
            clauses.append(ReplaceHeading(division.id, division.heading))
    old_entries = {e.ref: e for e in iter_entries(old.outline)}
    new_entries = {e.ref: e for e in iter_entries(new.outline)}
    old_live = [e.ref for e in iter_entries(old.outline) if not e.repealed]
    new_live = [e.ref for e in iter_entries(new.outline) if not e.repealed]
    # Sets for membership: the outlines hold thousands of articles.
    old_live_set, new_live_set = set(old_live), set(new_live)
    for ref in old_live:
        if ref not in new_live_set:
            continue
        a, b = old.articles.get(ref), new.articles.get(ref)
        # A proposal leaves most articles as the very same values: skip them
        # before comparing field by field.
        if a is b or a == b:
            continue
        if a is None or b is None:
            raise _unsupported(f"article {ref} has no text on one side")
        clauses.extend(_article_clauses(ref, a, b, quotes))
    for ref in old_live:
        if ref not in new_live_set:
            clauses.append(RepealArticle(ref))
    for ref in new_live:
        if ref in old_entries and ref not in old_live_set:
            raise _unsupported(f"article {ref} is brought back from repeal")
    common_old = [r for r in old_live if r in new_live_set]
    common_new = [r for r in new_live if r in old_live_set]
    matcher = SequenceMatcher(None, common_old, common_new, autojunk=False)
    stable = {
        r
        for block in matcher.get_matching_blocks()
        for r in common_new[block.b : block.b + block.size]
    }
    old_parent, new_parent = _parents(old), _parents(new)
    stable = {r for r in stable if old_parent.get(r) == new_parent.get(r)}
    settled = set(stable) | {e.ref for e in iter_entries(new.outline) if e.repealed}
    for entry in iter_entries(new.outline):
        ref = entry.ref
        if ref in settled:
            continue
        position = _placement(new, ref, settled)
        if ref in old_entries:
            clauses.append(MoveArticle(ref, position))
        else:
            if ref not in new.articles:
                raise _unsupported(f"the new article {ref} has no text")
            clauses.append(InsertArticle(ref, position, new.articles[ref]))
        settled.add(ref)
    del new_entries
    return clauses


# --- writing: the words ---------------------------------------------------------------


def _position_words(
    names: _Names, new: Document, position: Position, move: bool
) -> str:
    ar = names.ar
    anchor = position.anchor
    if position.relation in ("after", "before"):
        art = names.article(anchor, new, gen=True)
        if ar:
            word = "بعد" if position.relation == "after" else "قبل"
            return f"لتصبح {word} {art}" if move else f"{word} {art}"
        return f"{position.relation} {art}"
    division = names.division(anchor)
    if ar:
        if move:
            return (
                f"إلى {'بداية' if position.relation == 'start' else 'نهاية'} {division}"
            )
        return "في بدايته" if position.relation == "start" else "في نهايته"
    if move:
        return f"to the {position.relation} of {division}"
    return f"at the {position.relation}"


def _insert_division(new: Document, clause: InsertArticle) -> str | None:
    if clause.position.relation in ("start", "end"):
        return clause.position.anchor
    found = _parent_of(new.outline, clause.article)
    return found[0].id if found and found[0] is not None else None


def render_instrument(old: Document, new: Document, clauses: Sequence[Clause]) -> str:
    """The instrument's text: one numbered clause per change."""
    names = _Names.of(old)
    ar = names.ar
    q1, q2 = _quotes(old)
    block_open, block_close = (f"{q1}{q1}", f"{q2}{q2}.")
    out: list[str] = []
    for number, clause in enumerate(clauses, 1):
        lead = f"{number}- " if ar else f"{number}. "
        match clause:
            case ReplaceWords(article=ref, para=para, old=before, new=after):
                loc = names.paragraph(ref, para)
                a, b = encode_runs(before, new), encode_runs(after, new)
                if not after:
                    text = (
                        f"تُحذف عبارة {q1}{a}{q2} الواردة في {loc}."
                        if ar
                        else f"In {loc}, the words {q1}{a}{q2} are deleted."
                    )
                else:
                    text = (
                        f"تُستبدل بعبارة {q1}{a}{q2} الواردة في {loc} عبارة {q1}{b}{q2}."
                        if ar
                        else f"In {loc}, the words {q1}{a}{q2} are replaced by {q1}{b}{q2}."
                    )
                out.append(lead + text)
            case ReplaceParagraph(article=ref, para=para, paragraph=paragraph):
                loc = names.paragraph(ref, para)
                out.append(
                    lead
                    + (
                        f"تُعدَّل {loc} لتصبح على النحو الآتي:"
                        if ar
                        else f"{loc} is amended to read as follows:"
                    )
                )
                out.append(block_open)
                out.extend(paragraph_lines(paragraph, para, old, new))
                out.append(block_close)
            case ReplaceArticle(article=ref, text=article):
                art = names.article(ref)
                out.append(
                    lead
                    + (
                        f"تُعدَّل {art} لتصبح على النحو الآتي:"
                        if ar
                        else f"{art} is amended to read as follows:"
                    )
                )
                out.append(block_open)
                out.extend(article_as_instrument_lines(article, art, old, new))
                out.append(block_close)
            case RepealArticle(article=ref):
                art = names.article(ref)
                out.append(lead + (f"تُلغى {art}." if ar else f"{art} is repealed."))
            case InsertArticle(article=ref, position=position, text=article):
                division = _insert_division(new, clause)
                where = _position_words(names, new, position, move=False)
                if ar:
                    into = f"إلى {names.division(division)} " if division else ""
                    out.append(lead + f"يُضاف {into}مادة جديدة {where} نصها:")
                else:
                    into = f"in {names.division(division)} " if division else ""
                    out.append(
                        lead
                        + f"A new article is inserted {into}{where}, reading as follows:"
                    )
                out.append(block_open)
                out.extend(
                    article_as_instrument_lines(
                        article, names.article(ref, new), old, new
                    )
                )
                out.append(block_close)
            case MoveArticle(article=ref, position=position):
                art = names.article(ref)
                where = _position_words(names, new, position, move=True)
                out.append(
                    lead
                    + (f"تُنقل {art} {where}." if ar else f"{art} is moved {where}.")
                )
            case ReplaceHeading(target=target, heading=heading):
                thing = (
                    names.division(target)
                    if target in names.divisions
                    else names.article(target, gen=True)
                )
                out.append(
                    lead
                    + (
                        f"يُستبدل بعنوان {thing} العنوان الآتي: {q1}{heading}{q2}."
                        if ar
                        else f"The heading of {thing} is replaced by {q1}{heading}{q2}."
                    )
                )
    return "\n".join(out) + ("\n" if out else "")


def write_instrument(old: Document, new: Document) -> str:
    """The instrument that turns `old` into `new`, checked to read back exactly.

    Raises:
        InstrumentError: the change cannot be worded, or would not read back.
    """
    clauses = instrument_clauses(old, new)
    text = render_instrument(old, new, clauses)
    back = apply_instrument(old, text, "<instrument>")
    if back != new:
        raise _unsupported("the worded text does not give back the proposal exactly")
    return text


# --- reading ------------------------------------------------------------------------

_LEAD = re.compile(r"^\s*[0-9\u0660-\u0669]+[-.]\s+")


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
class _Patterns:
    words: re.Pattern[str]
    delete: re.Pattern[str]
    restate: re.Pattern[str]
    repeal: re.Pattern[str]
    insert: re.Pattern[str]
    move: re.Pattern[str]
    heading: re.Pattern[str]


_AR = _Patterns(
    words=re.compile(
        r"تُستبدل بعبارة \x000\x00 الواردة في (?P<loc>.+) عبارة \x001\x00\."
    ),
    delete=re.compile(r"تُحذف عبارة \x000\x00 الواردة في (?P<loc>.+)\."),
    restate=re.compile(r"تُعدَّل (?P<loc>.+) لتصبح على النحو الآتي:"),
    repeal=re.compile(r"تُلغى (?P<art>.+)\."),
    insert=re.compile(
        r"يُضاف (?:إلى (?P<div>.+?) )?مادة جديدة "
        r"(?:(?P<rel>بعد|قبل) (?P<art>.+)|(?P<edge>في بدايته|في نهايته)) نصها:"
    ),
    move=re.compile(
        r"تُنقل (?P<art>.+?) (?:لتصبح (?P<rel>بعد|قبل) (?P<anchor>.+)"
        r"|إلى (?P<edge>بداية|نهاية) (?P<div>.+))\."
    ),
    heading=re.compile(r"يُستبدل بعنوان (?P<thing>.+) العنوان الآتي: \x000\x00\."),
)
_EN = _Patterns(
    words=re.compile(
        r"In (?P<loc>.+), the words \x000\x00 are replaced by \x001\x00\."
    ),
    delete=re.compile(r"In (?P<loc>.+), the words \x000\x00 are deleted\."),
    restate=re.compile(r"(?P<loc>.+) is amended to read as follows:"),
    repeal=re.compile(r"(?P<art>.+) is repealed\."),
    insert=re.compile(
        r"A new article is inserted (?:in (?P<div>.+?) )?"
        r"(?:(?P<rel>after|before) (?P<art>.+)|at the (?P<edge>start|end)), reading as follows:"
    ),
    move=re.compile(
        r"(?P<art>.+?) is moved (?:(?P<rel>after|before) (?P<anchor>.+)"
        r"|to the (?P<edge>start|end) of (?P<div>.+))\."
    ),
    heading=re.compile(r"The heading of (?P<thing>.+) is replaced by \x000\x00\."),
)
_RELATIONS: dict[str, Relation] = {
    "بعد": "after",
    "قبل": "before",
    "after": "after",
    "before": "before",
}
_EDGES: dict[str, Relation] = {
    "في بدايته": "start",
    "في نهايته": "end",
    "بداية": "start",
    "نهاية": "end",
    "start": "start",
    "end": "end",
}


def parse_instrument(
    text: str, doc: Document, path: str = "<instrument>"
) -> list[Clause]:
    """Read an instrument written against `doc` back into clauses.

    Raises:
        InstrumentError: a clause that is not in one of the known forms, or that
            designates nothing; the message names the file and line.
    """
    names = _Names.of(doc)
    quotes = _quotes(doc)
    patterns = _AR if names.ar else _EN
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
    names: _Names,
    patterns: _Patterns,
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
            return MoveArticle(ref, Position(_RELATIONS[m["rel"]], anchor))
        division = names.find_division(m["div"], line, path)
        return MoveArticle(ref, Position(_EDGES[m["edge"]], division))
    if block is not None:
        reader = _Lines(block, path, doc)
        if m := patterns.insert.fullmatch(skeleton):
            if m["rel"]:
                position = Position(
                    _RELATIONS[m["rel"]], names.find_article(m["art"], line, path)
                )
            else:
                if not m["div"]:
                    raise InstrumentError("say which part or chapter", path, line, 1)
                position = Position(
                    _EDGES[m["edge"]], names.find_division(m["div"], line, path)
                )
            given, article = read_article_block(reader, None)
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
            _, article = read_article_block(reader, ref)
            _no_leftovers(reader)
            return ReplaceArticle(ref, article)
    raise InstrumentError(
        "this clause is not in a form the instrument reader knows "
        "(see docs/cli/instrument.md)",
        path,
        line,
        1,
    )


def _no_leftovers(reader: _Lines) -> None:
    if reader.peek() is not None:
        raise reader.fail("this line does not belong to the restated text")


def _paragraph_loc(names: _Names, loc: str, line: int, path: str) -> tuple[str, int]:
    found = names.find_paragraph(loc, line, path)
    if found is not None:
        return found
    return names.find_article(loc, line, path), 1


# --- applying -------------------------------------------------------------------------


def _replace_words(article: Article, clause: ReplaceWords) -> Article:
    if not 1 <= clause.para <= len(article.paragraphs):
        raise InstrumentError(
            f"{article.id} has {len(article.paragraphs)} paragraph(s), not {clause.para}"
        )
    para = article.paragraphs[clause.para - 1]
    needle = run_tokens(clause.old)
    hits: list[tuple[int, int]] = []
    ps = _ps(para.items)
    for k, p in enumerate(ps):
        tokens = run_tokens(p.runs)
        for i in range(len(tokens) - len(needle) + 1):
            if needle and tokens[i : i + len(needle)] == needle:
                hits.append((k, i))
    if len(hits) != 1:
        shown = encode_runs(clause.old, None)
        what = "does not occur" if not hits else f"occurs {len(hits)} times"
        raise InstrumentError(
            f"«{shown}» {what} in paragraph {clause.para} of {article.id}"
        )
    k, i = hits[0]
    target = ps[k]
    tokens = run_tokens(target.runs)
    tokens[i : i + len(needle)] = run_tokens(clause.new)
    replaced = P(tokens_runs(tokens))
    counter = iter(range(len(ps)))

    def swap(items: tuple[P | Point, ...]) -> tuple[P | Point, ...]:
        out: list[P | Point] = []
        for item in items:
            if isinstance(item, P):
                out.append(replaced if next(counter) == k else item)
            else:
                out.append(Point(swap(item.items)))
        return tuple(out)

    paragraphs = list(article.paragraphs)
    paragraphs[clause.para - 1] = Paragraph(swap(para.items))
    return replace(article, paragraphs=tuple(paragraphs))


def _apply_to_article(article: Article, clauses: Sequence[Clause]) -> Article:
    for clause in clauses:
        match clause:
            case ReplaceWords():
                article = _replace_words(article, clause)
            case ReplaceParagraph(para=para, paragraph=paragraph):
                paragraphs = list(article.paragraphs)
                paragraphs[para - 1] = paragraph
                article = replace(article, paragraphs=tuple(paragraphs))
            case ReplaceHeading(heading=heading):
                article = replace(article, heading=heading)
            case ReplaceArticle(text=text):
                article = replace(text, id=article.id)
            case _:
                raise InstrumentError("not a change of an article's text")
    return article


def _operation(doc: Document, clause: Clause) -> tuple[Operation, dict[str, Article]]:
    match clause:
        case ReplaceWords(article=ref) | ReplaceParagraph(article=ref):
            current = doc.articles.get(ref)
            if current is None:
                raise InstrumentError(f"cannot amend {ref}: it has no text (repealed?)")
            return Amend(ref), {ref: _apply_to_article(current, [clause])}
        case ReplaceArticle(article=ref, text=text):
            return Amend(ref), {ref: replace(text, id=ref)}
        case RepealArticle(article=ref):
            return Repeal(ref), {}
        case InsertArticle(article=ref, position=position, text=text):
            return Insert(ref, position), {ref: replace(text, id=ref)}
        case MoveArticle(article=ref, position=position):
            return Move(ref, position), {}
        case ReplaceHeading(target=target, heading=heading):
            return AmendHeading(target, heading), {}
    raise InstrumentError("unknown clause")


def apply_clauses(doc: Document, clauses: Sequence[Clause]) -> Document:
    """The document with every clause carried out in order."""
    for clause in clauses:
        op, articles = _operation(doc, clause)
        carrier = Proposal(
            "instrument", "", "", None, Base(doc.id), "", (), (), (op,), articles
        )
        doc = apply_operation(doc, carrier, op)
    return doc


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


def proposal_from_instrument(
    doc: Document, text: str, path: str, proposal_id: str
) -> Proposal:
    """The operations of an instrument as a proposal (for `apply-instrument --as`)."""
    clauses = parse_instrument(text, doc, path)
    ops: list[Operation] = []
    articles: dict[str, Article] = {}
    current = doc
    for clause in clauses:
        op, texts = _operation(current, clause)
        carrier = Proposal(
            "instrument", "", "", None, Base(doc.id), "", (), (), (op,), texts
        )
        current = apply_operation(current, carrier, op)
        if isinstance(op, Amend):
            if not any(
                isinstance(o, Amend | Insert) and o.article == op.article for o in ops
            ):
                ops.append(op)
        else:
            ops.append(op)
        for ref in texts:
            articles[ref] = current.articles[ref]
    return Proposal(
        proposal_id,
        proposal_id,
        "",
        None,
        Base(doc.id),
        "",
        (),
        (),
        tuple(ops),
        articles,
    )
