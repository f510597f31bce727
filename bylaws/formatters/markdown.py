"""The diff as Markdown: a summary line, then each changed article.

Deleted words are ~~struck~~, inserted ones **bold**; Markdown's special
characters in the text are escaped. The output is made to be posted as a
review comment on GitHub, GitLab or Forgejo: right-to-left text is wrapped in
`<div dir="rtl">`, a long diff folds each article into `<details>`, and
`FormatOptions.max_bytes` keeps it under the host's size limit by leaving
out whole articles, never half a word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from bylaws.diff.changes import (
    ArticleChange,
    DocumentDiff,
    HeadingChanged,
    OutlineChanged,
    UnitChange,
)
from bylaws.diff.designations import Designation
from bylaws.diff.words import WordOp
from bylaws.formatters import FormatOptions
from bylaws.formatters.common import (
    SUMMARY_ORDER,
    depth,
    kinds_text,
    labels,
    move_note,
    number_line,
    outline_label,
    shown_articles,
    unit_designations,
)
from bylaws.locale import _, language_of, tr

__all__ = ["escape", "format_diff"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#{}!])")
_LINE_START = re.compile(r"^(\s*)([>+\-=])")
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def escape(text: str) -> str:
    """Text from a file as inert Markdown: no syntax, no HTML, nothing live.

    Special characters are backslash-escaped anywhere; at the start of the
    text, what would open a quote, a list or a heading underline is too.
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _LIST_NUMBER.sub(r"\1\\\2", escaped)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


# The HTML elements GitHub and GitLab make of ~~ and **, for where those marks
# cannot work.
_TAGS = {
    "~~": ("<del>", "</del>"),
    "**": ("<strong>", "</strong>"),
    "*": ("<em>", "</em>"),
}


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _wrap(text: str, mark: str) -> str:
    """Mark a change; spaces at its edges stay outside, or Markdown ignores the mark.

    CommonMark ignores `**` before punctuation that follows a letter
    («وحدها**، وفق…**» stays literal), so a change that starts or ends with
    punctuation gets the HTML element the mark stands for instead.
    """
    core = text.strip()
    if not core:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    if _is_punctuation(core[0]) or _is_punctuation(core[-1]):
        opening, closing = _TAGS[mark]
        return f"{start}{opening}{escape(core)}{closing}{end}"
    return f"{start}{mark}{escape(core)}{mark}{end}"


def _ops(ops: tuple[WordOp, ...]) -> str:
    parts = []
    for op in ops:
        if op.kind == "equal":
            parts.append(escape(op.new))
            continue
        if op.old:
            parts.append(_wrap(op.old, "~~"))
        if op.new:
            parts.append(_wrap(op.new, "**"))
    return "".join(parts)


def _designation(label: Designation) -> str:
    """A unit's number: struck when deleted, bold when inserted, italic if renumbered."""
    if not label.text:
        return ""
    if label.side == "old":
        return _wrap(label.text, "~~") + " "
    if label.side == "new":
        return _wrap(label.text, "**") + " "
    return (_wrap(label.text, "*") if label.changed else escape(label.text)) + " "


def _unit(diff: DocumentDiff, unit: UnitChange, label: Designation) -> str:
    prefix = "  " * depth(unit) + "- "
    whole = unit.kind in ("inserted", "deleted") and len(unit.ops) == 1
    if whole and label.text:
        # One mark over the number and the text: "**(2) …**".
        op = unit.ops[0]
        if unit.kind == "inserted":
            text = _wrap(f"{label.text} {op.new}", "**")
        else:
            text = _wrap(f"{label.text} {op.old}", "~~")
        return prefix + text
    note = f"*({escape(move_note(diff, unit))})* " if unit.kind == "moved" else ""
    return f"{prefix}{_designation(label)}{note}{_ops(unit.ops)}"


# Past this many sections, or this many bytes of them, each section folds away
# into its own <details>, so a long diff reads as a list of articles first.
COLLAPSE_SECTIONS = 3
COLLAPSE_BYTES = 4000

CUT = _("{count} more change(s) do not fit in this comment.")
WHOLE_REDLINE = _("The whole redline")
RUN_DIFF = _("Run `bylaws diff` to see them all.")


@dataclass(frozen=True)
class _Section:
    """One changed article (or heading, or division): a title, its kinds, its lines."""

    title: str
    kinds: str
    body: tuple[str, ...]

    def open(self) -> str:
        lines = [f"### {escape(self.title)}", "", f"*{self.kinds}*", ""]
        return "\n".join([*lines, *self.body])

    def folded(self) -> str:
        # Inside an HTML block Markdown is not parsed: the summary is HTML,
        # escaped; the blank lines let the body be Markdown again.
        summary = f"<summary><b>{html.escape(self.title)}</b> — {html.escape(self.kinds)}</summary>"
        return "\n".join(["<details>", summary, "", *self.body, "</details>", ""])


def _article(diff: DocumentDiff, change: ArticleChange) -> _Section:
    body: list[str] = []
    if change.heading is not None:
        body += [f"**#** {_ops(change.heading)}", ""]
    units = [
        _unit(diff, u, d)
        for u, d in zip(change.units, unit_designations(diff, change), strict=True)
    ]
    if units:
        body += [*units, ""]
    return _Section(number_line(change), kinds_text(diff, change), tuple(body))


def _sections(diff: DocumentDiff, options: FormatOptions) -> list[_Section]:
    names = labels(diff)
    sections = [_article(diff, change) for change in shown_articles(diff, options)]
    for other in diff.changes:
        if isinstance(other, HeadingChanged):
            sections.append(
                _Section(
                    other.label, names["heading"], (f"**#** {_ops(other.ops)}", "")
                )
            )
        elif isinstance(other, OutlineChanged):
            action = "moved-division" if other.action == "moved" else other.action
            sections.append(
                _Section(
                    outline_label(other), names[action], (escape(other.heading), "")
                )
            )
    return sections


def _summary(diff: DocumentDiff) -> str:
    """One line: what was compared and how many articles changed in each way."""
    names = labels(diff)
    sep = "، " if diff.rtl else ", "
    counts = [
        f"{names[k]}: {diff.summary[k]}" for k in SUMMARY_ORDER if diff.summary[k]
    ]
    what = sep.join(counts) if counts else names["none"]
    return f"**{escape(diff.old)} → {escape(diff.new)}** — {what}"


def _cut_note(diff: DocumentDiff, left_out: int, link: str | None) -> str:
    lang = language_of(diff)
    note = tr(CUT, lang, count=left_out)
    if link:
        # A destination in <…> may hold anything but angle brackets and newlines.
        target = re.sub(r"[<>\s]", lambda m: quote(m.group()), link)
        return f"**{note}** [{tr(WHOLE_REDLINE, lang)}](<{target}>)"
    return f"**{note}** {tr(RUN_DIFF, lang)}"


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def format_diff(diff: DocumentDiff, options: FormatOptions) -> str:
    """The diff as Markdown for a page or a review comment.

    A summary line first; right-to-left text inside `<div dir="rtl">`; each
    article in a `<details>` block when the diff is long; whole articles left
    out, with a note and `options.link`, past `options.max_bytes`.
    """
    head = [_summary(diff), ""]
    # GitHub and GitLab both keep `dir` on a div; the blank line after the tag
    # lets the Markdown inside it be parsed as Markdown again.
    opening, closing = (
        ('<div dir="rtl">\n\n', "\n\n</div>\n") if diff.rtl else ("", "\n")
    )
    sections = _sections(diff, options)
    opened = [section.open() for section in sections]
    long = (
        len(sections) > COLLAPSE_SECTIONS
        or sum(_size(block) for block in opened) > COLLAPSE_BYTES
    )
    blocks = [section.folded() for section in sections] if long else opened
    text = opening + "\n".join(head)
    kept = 0
    limit = options.max_bytes
    # Room for the note that says what was left out, should anything be.
    reserve = _size(_cut_note(diff, len(blocks), options.link) + closing) + 8
    for block in blocks:
        candidate = text + "\n" + block
        if limit is not None and _size(candidate) + reserve > limit:
            break
        text = candidate
        kept += 1
    text = text.rstrip("\n")
    if kept < len(blocks):
        text += "\n\n" + _cut_note(diff, len(blocks) - kept, options.link)
    return text + closing
