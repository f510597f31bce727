"""Markdown -> a document.

Reads what `bylaws export --to markdown` writes exactly (front matter, ids in
`{#id}`, references as links to addresses, points as nested list items) and
Markdown written by hand, where headings, labels and references are found
from the text as in a plain-text import.
"""

from __future__ import annotations

import re
from typing import cast

from ..model import (
    Document,
    DocumentMeta,
    Hyperlink,
    NumberingMode,
    NumberStyle,
    Sender,
    Stage,
    Text,
)
from .builder import Draft, DraftP, DraftRun, Link, finish
from .common import WEB_ADDRESS, decode_text, guess_lang, section_is_article
from .formats import CLOSING_ANCHOR
from .formats import MARKDOWN_SPECIAL as SPECIAL
from .headings import HeadingForm
from .lines import parse_lines
from .lists import BULLET, ListDepth, columns
from .normalise import normalise_letters
from .source import SourceLine

# A closing run of #s counts only after a space (CommonMark), so a heading
# that is itself "#" (written "# #") keeps its text.
_HEADING = re.compile(
    r"^(#{1,6})\s+(.*?)(?:\s*\{#([a-z0-9][a-z0-9\-]*)\})?(?:\s+#+)?\s*$"
)
_CONTINUATION = re.compile(r"^([ \t]{2,}|\t)(\S.*)$")
# [text](target), [text](<target>), [text](target "title").
_LINK = re.compile(
    r"\[((?:\\.|[^\[\]\\])*)\]\(\s*(<[^<>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\s*\)"
)
_ESCAPE = re.compile(r"\\(.)")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__|\*)")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def inline_runs(text: str, line: int) -> list[DraftRun]:
    """Markdown inline text as runs: links to `#address` become links."""
    runs: list[DraftRun] = []
    pos = 0
    for found in _LINK.finditer(text):
        if found.start() > 0 and text[found.start() - 1] == "\\":
            continue
        runs.append(Text(_unescape(_EMPHASIS.sub("", text[pos : found.start()]))))
        label = _unescape(found.group(1))
        target = found.group(2).removeprefix("<").removesuffix(">")
        if target.startswith("#") and len(target) > 1:
            runs.append(Link(target[1:], label, line))
        elif WEB_ADDRESS.fullmatch(target):
            runs.append(Hyperlink(target, label))
        else:
            runs.append(Text(label))
        pos = found.end()
    runs.append(Text(_unescape(_EMPHASIS.sub("", text[pos:]))))
    return [r for r in runs if not (isinstance(r, Text) and not r.value)]


def _plain(runs: list[DraftRun]) -> str:
    return "".join(r.value if isinstance(r, Text) else r.text for r in runs)


# Front matter keys that repeat, each line a pair: `stage: id | label`,
# `sender: address | body`.
_PAIRS = ("stage", "sender")


def _front_matter(
    raw: list[str],
) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], int]:
    pairs: dict[str, list[tuple[str, str]]] = {key: [] for key in _PAIRS}
    if not raw or raw[0].strip() != "---":
        return {}, pairs, 0
    values: dict[str, str] = {}
    for i, line in enumerate(raw[1:], start=1):
        if line.strip() == "---":
            return values, pairs, i + 1
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key in pairs:
            first, _, second = value.partition("|")
            pairs[key].append((first.strip(), second.strip()))
        elif key:
            values[key] = value
    return {}, {key: [] for key in _PAIRS}, 0


def _source_line(raw: str, number: int, lists: ListDepth) -> SourceLine:
    heading = _HEADING.match(raw)
    if heading:
        lists.close()
        runs = inline_runs(heading.group(2), number)
        return SourceLine(
            _plain(runs),
            number,
            runs,
            level=len(heading.group(1)),
            anchor=heading.group(3),
        )
    item = BULLET.match(raw)
    if item:
        runs = inline_runs(item.group("text") or "", number)
        depth = lists.depth(item.group("indent"))
        return SourceLine(_plain(runs), number, runs, depth=depth, item=True)
    if raw.strip() and not raw[0].isspace():
        lists.close()
    if raw.startswith(">"):
        runs = inline_runs(raw[1:].strip(), number)
        return SourceLine(_plain(runs), number, runs, note=True)
    continuation = _CONTINUATION.match(raw)
    body = continuation.group(2) if continuation else raw.strip()
    if continuation and lists.label(body):
        # "    a. …" under a numbered item: a nested item written without a bullet
        # (our own export escapes text that opens like this).
        runs = inline_runs(body, number)
        depth = lists.depth(continuation.group(1))
        return SourceLine(_plain(runs), number, runs, depth=depth)
    literal = body.startswith("\\")
    if body.startswith("\\[") and _LINK.match(body, 1):
        body = body[1:]  # the line escape of a text that opens with a reference
    elif literal and len(body) > 1 and body[1] not in SPECIAL:
        body = body[1:]  # the line escape of a text that looks like a label
    runs = inline_runs(body, number)
    return SourceLine(
        _plain(runs),
        number,
        runs,
        depth=columns(continuation.group(1)) // 2 if continuation else None,
        literal=literal or continuation is not None,
    )


def import_markdown(
    data: bytes,
    path: str,
    doc_id: str,
    lang: str | None = None,
    heading: HeadingForm | None = None,
) -> tuple[Document, Draft]:
    """A Markdown file as a document; our own exports come back exactly."""
    text = normalise_letters(decode_text(data, path), arabic=False)
    raw = text.split("\n")
    values, pairs, start = _front_matter(raw)
    exact = values.get("bylaws") == "1"
    draft = Draft(
        lang=lang or values.get("lang") or guess_lang(text),
        doc_id=values.get("id") or doc_id,
        exact=exact,
    )
    if exact:
        draft.numbering = cast(NumberingMode, values.get("numbering", "auto"))
        draft.style = cast(NumberStyle, values.get("style", "words"))
        draft.meta = DocumentMeta(
            title=values.get("title", ""),
            short_title=values.get("short-title"),
            organisation=values.get("organisation"),
            version=values.get("version"),
            date=values.get("date"),
            stages=tuple(Stage(i, label) for i, label in pairs["stage"]),
            senders=tuple(Sender(a, body) for a, body in pairs["sender"]),
        )
    depths = ListDepth(arabic=draft.lang.startswith("ar"))
    if depths.arabic and not exact:
        raw = [normalise_letters(line, arabic=True) for line in raw]
    lines = [
        _source_line(line, i, depths)
        for i, line in enumerate(raw[start:], start=start + 1)
    ]
    closing = next(
        (i for i, x in enumerate(lines) if x.level and x.anchor == CLOSING_ANCHOR), None
    )
    if closing is not None:
        # Our export's closing heading: what follows is the document's closing.
        draft.closing = [
            DraftP(x.all_runs(), x.line) for x in lines[closing + 1 :] if x.text.strip()
        ]
        lines = lines[:closing]
    parse_lines(
        draft, lines, section_is_article([line.text for line in lines]), heading
    )
    if draft.meta is None and draft.title:
        draft.meta = DocumentMeta(title=draft.title)
    return finish(draft, path, prose_refs=not exact), draft
