"""Text, Markdown, CSV and JSON for the proposal commands; no computing here."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..errors import BylawsError
from ..feedback import ArticleFeedback
from ..invisibles import json_escaped
from ..locale import _, language_of, tr
from ..locale.words import outcome_word, verdict_word
from ..model import Document, Hyperlink, Inline, Proposal, Ref, Ruling, Stage
from ..numbering import render_ref
from ..overlay import apply_proposal
from ..render import Reader
from ..review import DispositionRow, ReviewState
from .collisions import CollisionReport, PairReport
from .consolidate import Collision

SYMBOLS = {"collide": "✗", "mergeable": "~", "none": "·", "duplicate": "="}

_HEADERS: dict[str, str] = {
    "proposal": _("Proposal"),
    "title": _("Title"),
    "proposer": _("Proposer"),
    "articles": _("Articles"),
    "recommendation": _("Recommendation"),
    "decision": _("Decision"),
}


def words(doc: Document) -> dict[str, str]:
    """The table's headers in the document's language, by column."""
    lang = language_of(doc)
    return {key: tr(message, lang) for key, message in _HEADERS.items()}


# --- collisions -------------------------------------------------------------------


def _collision_json(c: Collision) -> dict[str, str]:
    return {
        "article": c.article,
        "where": c.where,
        "base": c.base,
        "first": c.first,
        "second": c.second,
        "first_text": c.first_text,
        "second_text": c.second_text,
    }


def _pair_json(pair: PairReport) -> dict[str, Any]:
    return {
        "first": pair.first,
        "second": pair.second,
        "relation": pair.relation,
        "articles": list(pair.shared),
        "collisions": [_collision_json(c) for c in pair.collisions],
    }


def collisions_json(doc: Document, report: CollisionReport) -> str:
    """The collision report as one JSON object (documented in docs/cli/collisions.md)."""
    data = {
        "document": doc.id,
        "proposals": list(report.proposals),
        "pairs": [_pair_json(p) for p in report.pairs],
        "errors": list(report.errors),
    }
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def collisions_matrix(
    doc: Document, report: CollisionReport, proposals: Sequence[Proposal] = ()
) -> str:
    """A table of every pair, a legend, then each colliding pair with its words
    (references read as designations for the `proposals` given), in the
    document's language."""
    lang = language_of(doc)
    names = report.proposals
    width = max((len(n) for n in names), default=0)
    numbers = [str(i) for i in range(1, len(names) + 1)]
    lines = [" " * (width + 4) + "  ".join(f"{n:>2}" for n in numbers)]
    lines.extend(_grid(report, width))
    lines.append("")
    lines.append(
        tr(
            _(
                "✗ collide (same words)   ~ mergeable (same article, other words)   = duplicate   · nothing in common"
            ),
            lang,
        )
    )
    colliding = [p for p in report.pairs if p.relation == "collide"]
    mergeable = [p for p in report.pairs if p.relation in ("mergeable", "duplicate")]
    if colliding:
        lines.append("")
        lines.append(tr(_("Collisions:"), lang))
        readers: dict[str | None, Reader] = {}
        by_id = {p.id: p for p in proposals}
        for pair in colliding:
            lines.append(f"  {pair.first} ✗ {pair.second}")
            collisions = _readable(doc, pair, by_id, readers)
            lines.extend(f"    {c.describe(lang)}" for c in collisions)
    if mergeable:
        lines.append("")
        lines.append(tr(_("Mergeable or duplicate:"), lang))
        for pair in mergeable:
            shared = ", ".join(pair.shared) or tr(_("the same place"), lang)
            lines.append(
                f"  {pair.first} {SYMBOLS[pair.relation]} {pair.second}: {shared}"
            )
    if report.errors:
        lines.append("")
        lines.append(tr(_("Proposals that do not apply on their own:"), lang))
        said = [e.text(lang) for e in report.failures] or list(report.errors)
        lines.extend(f"  {e}" for e in said)
    return "\n".join(lines) + "\n"


def _grid(report: CollisionReport, width: int) -> list[str]:
    """The matrix's rows: one per proposal, a symbol per other proposal."""
    names = report.proposals
    # Each cell by its two names: a matrix of 1,000 proposals has a million.
    cell: dict[tuple[str, str], str] = {}
    for pair in report.pairs:
        shown = f"{SYMBOLS[pair.relation]:>2}"
        cell[pair.first, pair.second] = cell[pair.second, pair.first] = shown
    nothing = f"{SYMBOLS['none']:>2}"
    rows = []
    for i, name in enumerate(names):
        cells = [
            " —" if i == j else cell.get((name, other), nothing)
            for j, other in enumerate(names)
        ]
        rows.append(f"{i + 1:>2} {name:<{width}} " + "  ".join(cells))
    return rows


def _readable(
    doc: Document,
    pair: PairReport,
    by_id: dict[str, Proposal],
    readers: dict[str | None, Reader],
) -> Sequence[Collision]:
    """A pair's clashes with references read in the text each side makes.

    `readers` keeps each side's reader (the base's under None) for the next
    pair: numbering a document is worth doing once.
    """
    if pair.first not in by_id or pair.second not in by_id:
        return pair.collisions
    texts = (t for c in pair.collisions for t in (c.base, c.first_text, c.second_text))
    if not any("{" in t for t in texts):
        return pair.collisions  # no reference to read

    def reader(name: str | None) -> Reader:
        if name not in readers:
            readers[name] = Reader(
                doc if name is None else apply_proposal(doc, by_id[name])
            )
        return readers[name]

    sides = (reader(None), reader(pair.first), reader(pair.second))
    return [c.read_with(*sides) for c in pair.collisions]


# --- review ------------------------------------------------------------------------


def ruling_text(doc: Document, ruling: Ruling | None, where: str) -> str:
    if ruling is None:
        return ""
    text = verdict_word(ruling.verdict, language_of(doc))
    target = ruling.modified or ruling.by
    if target:
        text += f" ({target})"
    comma = "،" if doc.rtl else ","
    return f"{text} — {where}{comma} {ruling.date}{votes_text(doc, ruling)}"


def votes_text(doc: Document, ruling: Ruling) -> str:
    """ " (41 for, 3 against, 2 abstaining)", or nothing when no vote is recorded."""
    if ruling.votes is None:
        return ""
    cast_for, against, abstain = ruling.votes
    words = tr(
        _("({cast_for} for, {against} against, {abstain} abstaining)"),
        language_of(doc),
        cast_for=cast_for,
        against=against,
        abstain=abstain,
    )
    return f" {words}"


def status_text(
    doc: Document,
    groups: Sequence[tuple[Stage, Sequence[tuple[Proposal, ReviewState]]]],
) -> str:
    """Proposals listed under their stage, with the last ruling on each."""
    lang = language_of(doc)
    lines: list[str] = []
    for stage, members in groups:
        lines.append(f"{stage.label} ({stage.id}): {len(members)}")
        for proposal, state in members:
            last = ""
            if state.last is not None:
                last = f" [{verdict_word(state.last.verdict, lang)}]"
            lines.append(
                f"  {proposal.id}  {proposal.title} — {proposal.proposer}"
                f"{last} ({outcome_word(state.outcome, lang)})"
            )
            if state.last is not None and state.last.votes is not None:
                lines.append(f"    {votes_text(doc, state.last).strip()}")
            if state.last is not None and state.last.note:
                lines.append(f"    {state.last.note}")
    return "\n".join(lines) + "\n"


def _row_cells(doc: Document, row: DispositionRow) -> list[str]:
    return [
        row.proposal,
        row.title,
        row.proposer,
        "، ".join(row.articles) if doc.rtl else ", ".join(row.articles),
        ruling_text(doc, row.recommendation, row.recommended_at),
        ruling_text(doc, row.decision, row.decided_at),
    ]


def _headers(doc: Document) -> list[str]:
    w = words(doc)
    return [
        w["proposal"],
        w["title"],
        w["proposer"],
        w["articles"],
        w["recommendation"],
        w["decision"],
    ]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def disposition_markdown(doc: Document, rows: Sequence[DispositionRow]) -> str:
    lines = [
        "| " + " | ".join(_headers(doc)) + " |",
        "|" + "---|" * len(_headers(doc)),
    ]
    for row in rows:
        lines.append(
            "| " + " | ".join(_md_cell(c) for c in _row_cells(doc, row)) + " |"
        )
    return "\n".join(lines) + "\n"


def disposition_csv(doc: Document, rows: Sequence[DispositionRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["proposal", "title", "proposer", "articles", "recommendation", "decision"]
    )
    for row in rows:
        writer.writerow(_row_cells(doc, row))
    return out.getvalue()


def _ruling_json(ruling: Ruling | None, stage: str) -> dict[str, Any] | None:
    if ruling is None:
        return None
    return {
        "verdict": ruling.verdict,
        "date": ruling.date,
        "stage": stage,
        "modified": ruling.modified,
        "by": ruling.by,
        "note": ruling.note,
        "votes": None
        if ruling.votes is None
        else dict(zip(("for", "against", "abstain"), ruling.votes, strict=True)),
    }


def disposition_json(doc: Document, rows: Sequence[DispositionRow]) -> str:
    data = [
        {
            "proposal": row.proposal,
            "title": row.title,
            "proposer": row.proposer,
            "articles": list(row.articles),
            "stage": row.stage,
            "recommendation": _ruling_json(row.recommendation, row.recommended_at),
            "decision": _ruling_json(row.decision, row.decided_at),
            "outcome": row.outcome,
        }
        for row in rows
    ]
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# --- feedback ----------------------------------------------------------------------


def runs_text(doc: Document, runs: Sequence[Inline]) -> str:
    """Runs as readers see them: each reference as the current designation."""
    out: list[str] = []
    for run in runs:
        if isinstance(run, Ref):
            try:
                out.append(render_ref(doc, run))
            except BylawsError:
                out.append("{" + run.to + "}")
        elif isinstance(run, Hyperlink):
            out.append(run.text)
        else:
            out.append(run.value)
    return "".join(out)


def feedback_text(doc: Document, groups: Sequence[ArticleFeedback]) -> str:
    if not groups:
        return tr(_("No comments."), language_of(doc)) + "\n"
    lines: list[str] = []
    for group in groups:
        lines.append(f"{group.label} ({group.article}): {len(group.comments)}")
        for item in group.comments:
            c = item.comment
            about = f" [{c.proposal}]" if c.proposal else ""
            gone = " (!)" if item.dangling else ""
            lines.append(f"  {c.date}  {c.author} — {c.body}{about}")
            lines.append(f"    {item.where}{gone}")
            for p in c.text:
                lines.append(f"    {runs_text(doc, p.runs)}")
    return "\n".join(lines) + "\n"
