"""Pure page builders: a document and its proposals in, pages as strings out.

Each page is a Markdown file made of raw HTML blocks, so Python-Markdown
passes it through untouched and nothing written in an article can become
Markdown or HTML syntax. `SitePage.markdown()` is what the mkdocs plugin
serves and what `bylaws site markdown` writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bylaws.diff.changes import ArticleChange, DocumentDiff
from bylaws.errors import BylawsError
from bylaws.instrument import reader_segments
from bylaws.model import (
    Amend,
    AmendHeading,
    ArticleEntry,
    Comment,
    Division,
    Document,
    Insert,
    Move,
    Operation,
    OutlineNode,
    P,
    Proposal,
    Ref,
    Repeal,
    Ruling,
    iter_divisions,
    iter_entries,
)
from bylaws.numbering import after_preposition, division_label, number_divisions
from bylaws.overlay import apply_proposal, moved_articles, touched_articles
from bylaws.render import Reader
from bylaws.review import disposition_rows
from bylaws.text import strip_for_search

from .diffs import document_diff
from .escape import attr, front_matter_title, h
from .integration import (
    Consolidation,
    PairSummary,
    Switch,
    chosen_proposals,
    collision_pairs,
    consolidate_for_site,
    instrument_text,
    latest_ruling,
)
from .labels import Labels
from .redline import redline_views, tabs, word_ops_html
from .render import DocContext, article_blocks, article_html, link_to, runs_html
from .sources import DocumentBundle
from .urls import SiteUrls

__all__ = ["SitePage", "TextGroup", "document_pages", "search_copy", "text_groups"]


@dataclass(frozen=True)
class SitePage:
    """One generated page: where it goes, its title (plain text) and its HTML body.

    `section` names the nav section it belongs to ("text", "proposals", …);
    pages with section "" stay out of the nav (they are linked from others).
    """

    src_uri: str
    title: str
    body: str
    section: str = ""
    lang: str = "ar"
    rtl: bool = True
    searchable: bool = True

    def markdown(self) -> str:
        """The page as mkdocs reads it: front matter, then one raw HTML block."""
        direction = "rtl" if self.rtl else "ltr"
        # material's search plugin honours `search: {exclude: true}`.
        exclude = "" if self.searchable else "search:\n  exclude: true\n"
        return (
            f"---\n{front_matter_title(self.title)}\n{exclude}---\n\n"
            f'<div class="bylaws-page" dir="{direction}" lang="{attr(self.lang)}">\n'
            f"{self.body}\n</div>\n"
        )


# --- the outline as pages -------------------------------------------------------


@dataclass(frozen=True)
class TextGroup:
    """A page of the text in force: one top-level division, or loose articles."""

    id: str
    title: str
    nodes: tuple[OutlineNode, ...]


def _division_title(
    doc: Document, numbers: Mapping[str, int], division: Division
) -> str:
    label = division_label(division.kind, numbers[division.id], doc.lang, doc.style)
    return f"{label}: {division.heading}" if division.heading else label


def text_groups(doc: Document, labels: Labels) -> list[TextGroup]:
    """The text in force cut into pages: each top-level division is one page."""
    numbers = number_divisions(doc)
    groups: list[TextGroup] = []
    loose: list[OutlineNode] = []

    def flush() -> None:
        if loose:
            first = next(iter_entries(tuple(loose)))
            title = labels["text"] if not groups else labels["articles"]
            groups.append(TextGroup(first.ref, title, tuple(loose)))
            loose.clear()

    for node in doc.outline:
        if isinstance(node, Division):
            flush()
            groups.append(
                TextGroup(node.id, _division_title(doc, numbers, node), (node,))
            )
        else:
            loose.append(node)
    flush()
    return groups


def search_copy(text: str) -> str:
    """A hidden copy of an article's words in the search normaliser's form.

    The search index then holds each word both as written and folded, and the
    page's script folds the query the same way (assets/bylaws.js).
    """
    words = dict.fromkeys(strip_for_search(text).split())
    return f'<div class="bylaws-search-copy" hidden>{h(" ".join(words))}</div>'


# --- shared pieces ------------------------------------------------------------------


@dataclass
class _Builder:
    """State shared by one document's pages (numbers, homes, diffs)."""

    bundle: DocumentBundle
    urls: SiteUrls
    switch: Switch
    ctx: DocContext = field(init=False)
    groups: list[TextGroup] = field(init=False)
    diffs: dict[str, DocumentDiff] = field(init=False, default_factory=dict)
    proposed: dict[str, Document] = field(init=False, default_factory=dict)
    errors: dict[str, str] = field(init=False, default_factory=dict)
    contexts: dict[str, DocContext] = field(init=False, default_factory=dict)
    _touching: dict[str, list[Proposal]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        doc = self.bundle.doc
        homes: dict[str, str] = {}
        base_ctx = DocContext.of(doc, self.urls, homes)
        self.groups = text_groups(doc, base_ctx.labels)
        for group in self.groups:
            for entry in iter_entries(group.nodes):
                homes.setdefault(entry.ref, self.urls.text(group.id))
        self.ctx = base_ctx
        for proposal in self.bundle.proposals:
            try:
                proposed = apply_proposal(doc, proposal)
            except BylawsError as exc:
                self.errors[proposal.id] = exc.message
                continue
            self.proposed[proposal.id] = proposed
            self.diffs[proposal.id] = document_diff(
                doc, proposed, moved_articles(proposal)
            )

    @property
    def doc(self) -> Document:
        return self.bundle.doc

    @property
    def labels(self) -> Labels:
        return self.ctx.labels

    def page(
        self,
        src_uri: str,
        title: str,
        body: str,
        section: str = "",
        searchable: bool = True,
    ) -> SitePage:
        return SitePage(
            src_uri, title, body, section, self.doc.lang, self.doc.rtl, searchable
        )

    def proposal_ctx(self, proposal_id: str) -> DocContext | None:
        if proposal_id not in self.contexts:
            proposed = self.proposed.get(proposal_id)
            if proposed is None:
                return None
            self.contexts[proposal_id] = DocContext.of(
                proposed, self.urls, self.ctx.homes
            )
        return self.contexts[proposal_id]

    def stage_label(self, stage: str) -> str:
        return next((s.label for s in self.doc.meta.stages if s.id == stage), stage)

    def touching(self, article_id: str) -> list[Proposal]:
        """The proposals whose operations name an article, in workspace order."""
        if not self._touching:
            for proposal in self.bundle.proposals:
                for ref in touched_articles(proposal):
                    self._touching.setdefault(ref, []).append(proposal)
        return self._touching.get(article_id, [])

    def verdict(self, ruling: Ruling | None) -> str:
        if ruling is None:
            return self.labels["none"]
        # The votes and the reason are part of the ruling a reader is shown.
        votes = f"; {'/'.join(map(str, ruling.votes))}" if ruling.votes else ""
        reason = f" — {ruling.note}" if ruling.note else ""
        return (
            f"{self.labels['verdict_' + ruling.verdict]} ({ruling.date}{votes}){reason}"
        )

    def proposal_link(self, page: str, proposal_id: str) -> str:
        title = next(
            (p.title for p in self.bundle.proposals if p.id == proposal_id), proposal_id
        )
        href = self.urls.link(page, self.urls.proposal(proposal_id))
        return f'<a href="{attr(href)}">{h(title)}</a>'

    def article_ref(
        self, page: str, article_id: str, ctx: DocContext | None = None
    ) -> str:
        shown = (ctx or self.ctx).label(article_id)
        href = self.urls.link(page, self.urls.article(article_id))
        return f'<a href="{attr(href)}">{h(shown)}</a>'


def _paras(ctx: DocContext, paras: Iterable[P], page: str) -> str:
    return "\n".join(f"<p>{runs_html(ctx, p.runs, page)[0]}</p>" for p in paras)


def _legend(labels: Labels) -> str:
    return (
        f'<p class="bylaws-legend" data-search-exclude><strong>{h(labels["legend"])}:</strong> '
        f"<ins>{h(labels['legend_ins'])}</ins> · <del>{h(labels['legend_del'])}</del></p>"
    )


def _op_article(op: Operation) -> str:
    return op.target if isinstance(op, AmendHeading) else op.article


def _op_kind(op: Operation) -> str:
    match op:
        case Amend():
            return "amend"
        case Insert():
            return "insert"
        case Repeal():
            return "repeal"
        case Move():
            return "move"
        case AmendHeading():
            return "heading"


def _comments(
    b: _Builder, page: str, comments: Iterable[Comment], ctx: DocContext | None = None
) -> str:
    items = []
    reader = (ctx or b.ctx).reader
    sep = "، " if reader.doc.rtl else ", "
    for comment in comments:
        # Reviewers read numbers, not ids: «الفقرة (2) من المادة العاشرة».
        anchor = reader.resolve(Ref(comment.on)) or reader.ref(Ref(comment.on))
        header = (
            f'<p class="bylaws-comment-meta"><strong>{h(comment.author)}</strong> '
            f"({h(comment.body)}{sep}{h(comment.date)}) — {h(b.labels['on'])} "
            f"{h(anchor)}</p>"
        )
        items.append(
            f'<div class="bylaws-comment" id="{attr(comment.id)}">{header}'
            f"{_paras(ctx or b.ctx, comment.text, page)}</div>"
        )
    if not items:
        return f'<p class="bylaws-empty">{h(b.labels["no_feedback"])}</p>'
    return "\n".join(items)


def _comments_on(
    b: _Builder, article_id: str, proposal_id: str | None = None
) -> list[Comment]:
    return [
        c
        for c in b.bundle.feedback
        if c.on.split("/")[0] == article_id
        and (proposal_id is None or c.proposal in (None, proposal_id))
    ]


def _change_views(b: _Builder, proposal_id: str, article_id: str, ident: str) -> str:
    """The tabs of one article change in one proposal, or a note if it has none."""
    diff = b.diffs.get(proposal_id)
    change = _find_change(diff, article_id) if diff else None
    if change is None:
        return ""
    old = b.doc.articles.get(article_id)
    new = b.proposed[proposal_id].articles.get(article_id)
    views = redline_views(
        change, old.heading if old else None, new.heading if new else None, b.labels
    )
    return tabs(
        ident,
        [
            ("old", b.labels["old"], views.old),
            ("redline", b.labels["redline"], views.redline),
            ("new", b.labels["new"], views.new),
            ("side", b.labels["side_by_side"], views.side_by_side),
        ],
        selected=1,
    )


def _find_change(diff: DocumentDiff, article_id: str) -> ArticleChange | None:
    return next(
        (c for c in diff.articles if article_id in (c.article, c.old_id, c.new_id)),
        None,
    )


# --- pages ----------------------------------------------------------------------------


def _text_page(b: _Builder, group: TextGroup) -> SitePage:
    page = b.urls.text(group.id)
    numbers = number_divisions(b.doc)
    parts = [f"<h1>{h(group.title)}</h1>"]

    def walk(nodes: tuple[OutlineNode, ...], top: bool) -> None:
        for node in nodes:
            if isinstance(node, Division):
                if not top:
                    parts.append(
                        f'<h2 class="bylaws-division" id="{attr(node.id)}">'
                        f"{h(_division_title(b.doc, numbers, node))}</h2>"
                    )
                walk(node.children, False)
                continue
            parts.append(_article_in_text(b, page, node))

    walk(group.nodes, True)
    return b.page(page, group.title, "\n".join(parts), "text")


def _article_in_text(b: _Builder, page: str, entry: ArticleEntry) -> str:
    article = None if entry.repealed else b.doc.articles.get(entry.ref)
    touching = b.touching(entry.ref)
    extra = ""
    if article is not None:
        text = " ".join(
            [article.heading or ""]
            + [x.text for x in article_blocks(b.ctx, article, None)]
        )
        more = f'<a href="{attr(b.urls.link(page, b.urls.article(entry.ref)))}">{h(b.labels["see_article"])}</a>'
        if touching:
            more += (
                " · "
                + h(b.labels["proposals"])
                + ": "
                + "، ".join(b.proposal_link(page, p.id) for p in touching)
                if b.doc.rtl
                else " · "
                + h(b.labels["proposals"])
                + ": "
                + ", ".join(b.proposal_link(page, p.id) for p in touching)
            )
        extra = f'\n<p class="bylaws-article-links" data-search-exclude>{more}</p>\n{search_copy(text)}'
    return article_html(b.ctx, article, page, entry.ref, extra=extra)


def _home_page(b: _Builder) -> SitePage:
    page = b.urls.home()
    meta = b.doc.meta
    rows = [
        (b.labels["text"], [(g.title, b.urls.text(g.id)) for g in b.groups]),
        (
            b.labels["proposals"],
            [(p.title, b.urls.proposal(p.id)) for p in b.bundle.proposals],
        ),
    ]
    parts = [f"<h1>{h(meta.title)}</h1>"]
    facts = [x for x in (meta.organisation, meta.version, meta.date) if x]
    if facts:
        parts.append(
            '<p class="bylaws-facts">' + " · ".join(h(x) for x in facts) + "</p>"
        )
    for heading, links in rows:
        parts.append(f"<h2>{h(heading)}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f'<li><a href="{attr(b.urls.link(page, uri))}">{h(title)}</a></li>'
                for title, uri in links
            )
            + "</ul>"
        )
    others = [
        (b.labels["consolidated"], b.urls.consolidated()),
        (b.labels["collisions"], b.urls.collisions()),
        (b.labels["disposition"], b.urls.disposition()),
    ]
    parts.append(
        "<ul>"
        + "".join(
            f'<li><a href="{attr(b.urls.link(page, uri))}">{h(title)}</a></li>'
            for title, uri in others
        )
        + "</ul>"
    )
    return b.page(page, meta.short_title or meta.title, "\n".join(parts), "home")


def _counts(b: _Builder, proposal: Proposal) -> str:
    counts: dict[str, int] = {}
    for op in proposal.operations:
        kind = _op_kind(op)
        counts[kind] = counts.get(kind, 0) + 1
    items = "".join(
        f'<li><span class="bylaws-kind bylaws-kind-{attr(k)}">{h(b.labels[k])}</span>: {n}</li>'
        for k, n in counts.items()
    )
    return f'<ul class="bylaws-counts">{items}</ul>'


def _reviews_table(b: _Builder, proposal: Proposal) -> str:
    if not proposal.reviews:
        return f'<p class="bylaws-empty">{h(b.labels["none"])}</p>'
    rows = "".join(
        "<tr>"
        f"<td>{h(b.stage_label(r.stage))}</td><td>{h(r.body)}</td>"
        f"<td>{h(b.verdict(r.recommendation))}</td><td>{h(b.verdict(r.decision))}</td>"
        "</tr>"
        for r in proposal.reviews
    )
    head = "".join(
        f"<th>{h(b.labels[k])}</th>"
        for k in ("stage", "body", "recommendation", "decision")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _proposal_page(b: _Builder, proposal: Proposal) -> SitePage:
    page = b.urls.proposal(proposal.id)
    labels = b.labels
    new_ctx = b.proposal_ctx(proposal.id) or b.ctx
    parts = [f"<h1>{h(proposal.title)}</h1>"]
    facts = [
        (labels["stage"], b.stage_label(proposal.stage)),
        (labels["proposer"], proposal.proposer),
        (labels["submitted"], proposal.submitted or labels["none"]),
    ]
    parts.append(
        '<dl class="bylaws-facts">'
        + "".join(f"<dt>{h(k)}</dt><dd>{h(v)}</dd>" for k, v in facts)
        + "</dl>"
    )
    if proposal.id in b.errors:
        parts.append(
            f'<div class="admonition failure"><p>{h(labels["not_applied"])}: '
            f"{h(b.errors[proposal.id])}</p></div>"
        )
    parts.append(f'<h2 id="reviews">{h(labels["reviews"])}</h2>')
    parts.append(_reviews_table(b, proposal))
    parts.append(f'<h2 id="rationale">{h(labels["general_rationale"])}</h2>')
    parts.append(_paras(b.ctx, proposal.rationale, page))
    parts.append(f'<h2 id="counts">{h(labels["counts"])}</h2>')
    parts.append(_counts(b, proposal))
    parts.append(f'<h2 id="changes">{h(labels["changes"])}</h2>')
    parts.append(_legend(labels))
    for index, op in enumerate(proposal.operations, start=1):
        parts.append(_operation_section(b, proposal, op, index, page, new_ctx))
    instrument = instrument_text(b.doc, proposal)
    if instrument:
        parts.append(f'<h2 id="instrument">{h(labels["instrument"])}</h2>')
        parts.append(
            '<div class="bylaws-instrument">'
            + "".join(
                f"<p>{_instrument_line(b, line, page)}</p>"
                for line in instrument.splitlines()
                if line.strip()
            )
            + "</div>"
        )
    return b.page(page, proposal.title, "\n".join(parts), "proposals")


def _instrument_line(b: _Builder, line: str, page: str) -> str:
    """A line of the formal amendment text for readers: each reference as its
    designation, linked when the article is in the text in force."""
    parts = []
    for text, ref in reader_segments(line):
        if ref is not None and ref.to.partition("/")[0] in b.ctx.numbers:
            parts.append(link_to(b.ctx, page, ref.to, text))
        else:
            parts.append(h(text))
    return "".join(parts)


def _place_name(b: _Builder, anchor: str) -> str:
    """An insertion's anchor as readers know it, after a preposition: an
    article's or a division's designation in the text in force."""
    doc = b.doc
    if anchor in b.ctx.numbers:
        return after_preposition(b.ctx.label(anchor), doc.lang, doc.style)
    division = next((d for d in iter_divisions(doc.outline) if d.id == anchor), None)
    if division is None:
        return anchor
    number = number_divisions(doc)[division.id]
    label = division_label(division.kind, number, doc.lang, doc.style)
    label = after_preposition(label, doc.lang, doc.style)
    return f"{label}: {division.heading}" if division.heading else label


def _operation_section(
    b: _Builder,
    proposal: Proposal,
    op: Operation,
    index: int,
    page: str,
    new_ctx: DocContext,
) -> str:
    labels = b.labels
    target = _op_article(op)
    kind = _op_kind(op)
    ctx = new_ctx if isinstance(op, Insert) else b.ctx
    shown = ctx.label(target) if target in ctx.numbers else target
    if isinstance(op, AmendHeading) and target not in b.doc.articles:
        division = next(
            (d for d in iter_divisions(b.doc.outline) if d.id == target), None
        )
        if division is not None:
            shown = _division_title(b.doc, number_divisions(b.doc), division)
    title = f"{labels[kind]}: {shown}"
    body: list[str] = []
    views = _change_views(b, proposal.id, target, f"bylaws-{index}")
    if views:
        body.append(views)
    elif isinstance(op, AmendHeading):
        old = _heading_of(b.doc, target) or ""
        body.append(
            f'<p class="bylaws-title">{word_ops_html(_heading_ops(old, op.heading))}</p>'
        )
    if isinstance(op, Insert | Move):
        relation = labels[f"pos_{op.position.relation}"]
        body.append(
            f'<p class="bylaws-position">{h(labels[kind])}: '
            f"{h(relation)} {h(_place_name(b, op.position.anchor))}</p>"
        )
    rationale = _paras(b.ctx, op.rationale, page)
    aside = (
        f'<aside class="bylaws-rationale"><p class="bylaws-aside-title">'
        f"{h(labels['rationale'])}</p>{rationale}</aside>"
        if rationale
        else ""
    )
    comments = _comments_on(b, target, proposal.id)
    feedback = (
        f'<details class="bylaws-feedback" open><summary>{h(labels["feedback"])} '
        f"({len(comments)})</summary>{_comments(b, page, comments)}</details>"
        if comments
        else ""
    )
    link = b.article_ref(page, target, ctx) if target in ctx.numbers else ""
    return (
        f'<section class="bylaws-change bylaws-kind-{attr(kind)}">\n'
        f'<h3 id="{attr(target)}">{h(title)}</h3>\n'
        f'<p class="bylaws-article-links" data-search-exclude>{link}</p>\n'
        f'<div class="bylaws-change-grid"><div class="bylaws-change-text">{"".join(body)}</div>'
        f"{aside}</div>\n{feedback}\n</section>"
    )


def _heading_of(doc: Document, target: str) -> str | None:
    if target in doc.articles:
        return doc.articles[target].heading
    return next(
        (d.heading for d in iter_divisions(doc.outline) if d.id == target), None
    )


def _heading_ops(old: str, new: str) -> list:  # type: ignore[type-arg]
    from bylaws.diff.words import diff_words

    return list(diff_words(old, new))


def _article_page(b: _Builder, article_id: str) -> SitePage:
    page = b.urls.article(article_id)
    labels = b.labels
    article = b.doc.articles.get(article_id)
    in_base = article_id in b.ctx.numbers
    ctx = b.ctx
    if not in_base:
        # A new article: show it as its first proposal writes it.
        for proposal in b.bundle.proposals:
            proposed_ctx = b.proposal_ctx(proposal.id)
            if proposed_ctx and article_id in proposed_ctx.numbers:
                ctx = proposed_ctx
                article = proposed_ctx.doc.articles.get(article_id)
                break
    title = ctx.title(article) if article else ctx.label(article_id)
    parts = [
        article_html(ctx, article, page, article_id, level=1, extra="").replace(
            "<h1", '<h1 class="bylaws-article-title"', 1
        )
    ]
    home = b.ctx.homes.get(article_id)
    if home:
        parts.append(
            f'<p class="bylaws-article-links" data-search-exclude><a href="{attr(b.urls.link(page, home, article_id))}">'
            f"{h(labels['see_in_text'])}</a></p>"
        )
    touching = b.touching(article_id)
    parts.append(f'<h2 id="proposals">{h(labels["touching"])}</h2>')
    if not touching:
        parts.append(f'<p class="bylaws-empty">{h(labels["no_proposals"])}</p>')
    else:
        parts.append(_legend(labels))
        columns = []
        for index, proposal in enumerate(touching, start=1):
            op = next(o for o in proposal.operations if _op_article(o) == article_id)
            views = _change_views(b, proposal.id, article_id, f"bylaws-cmp-{index}")
            rationale = _paras(b.ctx, op.rationale, page)
            columns.append(
                f'<div class="bylaws-compare-col" id="{attr("p-" + proposal.id)}">'
                f'<p class="bylaws-compare-title">{b.proposal_link(page, proposal.id)} — '
                f"{h(labels[_op_kind(op)])} · {h(b.stage_label(proposal.stage))}</p>"
                f"{views}"
                f'<div class="bylaws-rationale">{rationale}</div></div>'
            )
        parts.append(f'<div class="bylaws-compare">{"".join(columns)}</div>')
    parts.append(f'<h2 id="feedback">{h(labels["feedback"])}</h2>')
    parts.append(_comments(b, page, _comments_on(b, article_id), ctx))
    return b.page(page, title, "\n".join(parts))


def _proposals_index(b: _Builder) -> SitePage:
    page = b.urls.proposals()
    labels = b.labels
    head = "".join(
        f"<th>{h(labels[k])}</th>"
        for k in (
            "proposal",
            "proposer",
            "stage",
            "recommendation",
            "decision",
            "counts",
        )
    )
    rows = "".join(
        "<tr>"
        f"<td>{b.proposal_link(page, p.id)}</td><td>{h(p.proposer)}</td>"
        f"<td>{h(b.stage_label(p.stage))}</td>"
        f"<td>{h(b.verdict(latest_ruling(p, 'recommendation')))}</td>"
        f"<td>{h(b.verdict(latest_ruling(p, 'decision')))}</td>"
        f"<td>{_counts(b, p)}</td></tr>"
        for p in b.bundle.proposals
    )
    body = (
        f"<h1>{h(labels['proposals'])}</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
    return b.page(page, labels["proposals"], body, "proposals-index")


def consolidated_page(
    b: _Builder, switch: Switch, src_uri: str, other: str
) -> SitePage:
    """The text with the chosen proposals applied, each change attributed."""
    labels = b.labels
    chosen = chosen_proposals(list(b.bundle.proposals), switch)
    result: Consolidation = consolidate_for_site(b.doc, chosen)
    new_ctx = DocContext.of(result.doc, b.urls, b.ctx.homes)
    by_id = {p.id: p for p in b.bundle.proposals}
    moves = frozenset().union(*(moved_articles(by_id[pid]) for pid in result.applied))
    diff = document_diff(b.doc, result.doc, moves)
    title = f"{labels['consolidated']} ({labels['switch_' + switch]})"
    other_switch = "recommended" if switch == "adopted" else "adopted"
    parts = [
        f"<h1>{h(title)}</h1>",
        f'<p class="bylaws-switch"><a href="{attr(b.urls.link(src_uri, other))}">'
        f"{h(labels['consolidated'])} ({h(labels['switch_' + other_switch])})</a></p>",
        f"<p><strong>{h(labels['applied'])}:</strong> "
        + (
            " · ".join(b.proposal_link(src_uri, pid) for pid in result.applied)
            or h(labels["none"])
        )
        + "</p>",
    ]
    for pid, message, others in result.failed:
        linked = [b.proposal_link(src_uri, o) for o in others if o in by_id]
        # A collision is said in the page's language, with where to see it;
        # any other failure is the engine's own message.
        why = (
            f"{h(labels['collides_with'])} {' · '.join(linked)} "
            f'(<a href="{attr(b.urls.link(src_uri, b.urls.collisions()))}">'
            f"{h(labels['collisions'])}</a>)"
            if linked
            else h(message)
        )
        parts.append(
            f'<div class="admonition failure"><p>{h(labels["not_applied"])}: '
            f"{b.proposal_link(src_uri, pid)} — {why}</p></div>"
        )
    parts.append(_legend(labels))
    numbers = number_divisions(result.doc)

    def walk(nodes: tuple[OutlineNode, ...], depth: int) -> None:
        for node in nodes:
            if isinstance(node, Division):
                tag = "h2" if depth == 0 else "h3"
                parts.append(
                    f'<{tag} class="bylaws-division" id="{attr(node.id)}">'
                    f"{h(_division_title(result.doc, numbers, node))}</{tag}>"
                )
                walk(node.children, depth + 1)
                continue
            parts.append(_consolidated_article(b, new_ctx, diff, result, node, src_uri))

    walk(result.doc.outline, 0)
    # Repealed articles of an auto-numbered text leave the outline: list them too.
    for change in diff.articles:
        if "repealed" in change.kinds and change.article not in new_ctx.numbers:
            parts.append(
                _attributed(b, result, change.article, src_uri)
                + f'<p class="bylaws-title"><del data-search-exclude>'
                f"{h(change.old_label or change.article)}</del> — {h(labels['repeal'])}</p>"
            )
    main = switch == b.switch
    # The other variant stays out of the nav and the search index: one copy is enough.
    return b.page(
        src_uri, title, "\n".join(parts), "consolidated" if main else "", main
    )


def _attributed(b: _Builder, result: Consolidation, article_id: str, page: str) -> str:
    by = result.attribution.get(article_id, ())
    if not by:
        return ""
    links = " · ".join(b.proposal_link(page, pid) for pid in by)
    return f'<p class="bylaws-attribution">{h(b.labels["from_proposal"])}: {links}</p>'


def _consolidated_article(
    b: _Builder,
    ctx: DocContext,
    diff: DocumentDiff,
    result: Consolidation,
    entry: ArticleEntry,
    page: str,
) -> str:
    change = _find_change(diff, entry.ref)
    article = None if entry.repealed else ctx.doc.articles.get(entry.ref)
    if change is None or not (change.kinds - {"renumbered"}):
        extra = ""
        if article is not None:
            words = " ".join(x.text for x in article_blocks(ctx, article, None))
            extra = search_copy(words)
        return article_html(ctx, article, page, entry.ref, extra=extra)
    old = b.doc.articles.get(entry.ref)
    views = redline_views(
        change,
        old.heading if old else None,
        article.heading if article else None,
        b.labels,
    )
    return (
        f'<article class="bylaws-article bylaws-changed" data-article="{attr(entry.ref)}">'
        f'<h2 id="{attr(entry.ref)}">{h(ctx.title(article) if article else ctx.label(entry.ref))}</h2>'
        f"{_attributed(b, result, entry.ref, page)}"
        f'<div class="bylaws-redline">{views.redline}</div></article>'
    )


def _clashes(b: _Builder, pair: PairSummary) -> str:
    """The words two proposals both rewrite: the base, then each one's wording."""
    if not pair.clashes:
        return ""
    by_id = {p.id: p for p in b.bundle.proposals}
    base = Reader(b.doc)
    first = Reader(apply_proposal(b.doc, by_id[pair.first]))
    second = Reader(apply_proposal(b.doc, by_id[pair.second]))
    rows = "".join(
        f"<li><del>{h(base.addresses(old))}</del> → "
        f"<ins>{h(first.addresses(one))}</ins> / <ins>{h(second.addresses(two))}</ins></li>"
        for old, one, two in pair.clashes
    )
    return (
        f'<ul class="bylaws-clashes" aria-label="{attr(b.labels["clash"])}">{rows}</ul>'
    )


def _collisions_page(b: _Builder) -> SitePage:
    page = b.urls.collisions()
    labels = b.labels
    proposals = list(b.bundle.proposals)
    pairs = collision_pairs(b.doc, proposals)
    cell: dict[frozenset[str], str] = {}
    for pair in pairs:
        cell[frozenset((pair.first, pair.second))] = pair.relation
    head = "".join(
        f'<th><a href="{attr(b.urls.link(page, b.urls.proposal(p.id)))}" title="{attr(p.title)}">'
        f"{i}</a></th>"
        for i, p in enumerate(proposals, start=1)
    )
    rows = []
    for i, first in enumerate(proposals, start=1):
        cells = []
        for second in proposals:
            relation = cell.get(frozenset((first.id, second.id)), "")
            if first.id == second.id:
                cells.append('<td class="bylaws-self">·</td>')
            else:
                shown = labels[f"rel_{relation}"] if relation else ""
                cells.append(f'<td class="bylaws-rel-{attr(relation)}">{h(shown)}</td>')
        rows.append(
            f"<tr><th>{i}. {b.proposal_link(page, first.id)}</th>{''.join(cells)}</tr>"
        )
    parts = [
        f"<h1>{h(labels['collisions'])}</h1>",
        f'<table class="bylaws-matrix"><thead><tr><th></th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>",
    ]
    if not pairs:
        parts.append(f'<p class="bylaws-empty">{h(labels["no_collisions"])}</p>')
    else:
        sep = "، " if b.doc.rtl else ", "
        items = "".join(
            f"<li>{b.proposal_link(page, pair.first)} × {b.proposal_link(page, pair.second)}: "
            f"<strong>{h(labels['rel_' + pair.relation])}</strong> — "
            f"{h(labels['shared_articles'])}: "
            + sep.join(b.article_ref(page, a) for a in pair.shared)
            + _clashes(b, pair)
            + "</li>"
            for pair in pairs
        )
        parts.append(f"<ul>{items}</ul>")
    return b.page(page, labels["collisions"], "\n".join(parts), "collisions")


def _disposition_page(b: _Builder) -> SitePage:
    """The table a conference votes from: the same rows as `bylaws disposition`."""
    page = b.urls.disposition()
    labels = b.labels
    head = "".join(
        f"<th>{h(x)}</th>"
        for x in (
            "#",
            labels["proposal"],
            labels["proposer"],
            labels["articles"],
            labels["stage"],
            labels["recommendation"],
            labels["decision"],
        )
    )
    rows = []
    for i, row in enumerate(disposition_rows(b.doc, list(b.bundle.proposals)), start=1):
        recommendation = b.verdict(row.recommendation)
        if row.recommendation is not None:
            recommendation += f" — {row.recommended_at}"
        decision = b.verdict(row.decision)
        if row.decision is not None:
            decision += f" — {row.decided_at}"
        rows.append(
            f"<tr><td>{i}</td><td>{b.proposal_link(page, row.proposal)}</td>"
            f"<td>{h(row.proposer)}</td><td>{h('، '.join(row.articles) if b.doc.rtl else ', '.join(row.articles))}</td>"
            f"<td>{h(row.stage)}</td><td>{h(recommendation)}</td><td>{h(decision)}</td></tr>"
        )
    body = (
        f"<h1>{h(labels['disposition'])}</h1>"
        f'<table class="bylaws-disposition"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return b.page(page, labels["disposition"], body, "disposition")


def document_pages(
    bundle: DocumentBundle, *, directory_urls: bool = True, switch: Switch = "adopted"
) -> list[SitePage]:
    """Every page of one document, in nav order.

    Args:
        bundle: the document, its proposals and its feedback.
        directory_urls: mkdocs' `use_directory_urls`, which shapes relative links.
        switch: which proposals the main consolidated draft applies.
    """
    urls = SiteUrls(bundle.doc.id, directory_urls)
    b = _Builder(bundle, urls, switch)
    pages = [_home_page(b)]
    pages.extend(_text_page(b, g) for g in b.groups)
    pages.append(_proposals_index(b))
    pages.extend(_proposal_page(b, p) for p in bundle.proposals)
    main = urls.consolidated()
    other = main.replace(
        "consolidated.md",
        "consolidated-" + ("recommended" if switch == "adopted" else "adopted") + ".md",
    )
    pages.append(consolidated_page(b, switch, main, other))
    other_switch: Switch = "recommended" if switch == "adopted" else "adopted"
    pages.append(consolidated_page(b, other_switch, other, main))
    pages.append(_collisions_page(b))
    pages.append(_disposition_page(b))
    article_ids = list(
        dict.fromkeys(
            [e.ref for e in iter_entries(bundle.doc.outline)]
            + [ref for p in bundle.proposals for ref in touched_articles(p)]
        )
    )
    known = set(b.ctx.numbers) | {
        ref for d in b.proposed.values() for ref in d.articles
    }
    pages.extend(_article_page(b, a) for a in article_ids if a in known)
    return pages
