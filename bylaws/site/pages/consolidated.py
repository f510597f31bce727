"""The consolidated draft: the text with the chosen proposals applied, attributed."""

from __future__ import annotations

from bylaws.diff.changes import DocumentDiff
from bylaws.model import ArticleEntry, Division, OutlineNode
from bylaws.numbering import number_divisions
from bylaws.overlay import moved_articles

from ..diffs import document_diff
from ..escape import Html
from ..integration import Consolidation, Switch, chosen_proposals, consolidate_for_site
from ..redline import redline_views
from ..render import DocContext, article_blocks, article_html
from .builder import Builder
from .outline import division_title, search_copy
from .page import SitePage
from .pieces import find_change, legend

__all__ = ["consolidated_page"]


def _not_applied(b: Builder, result: Consolidation, page: str) -> list[Html]:
    """A note for each proposal left out, with why."""
    labels = b.labels
    by_id = {p.id: p for p in b.bundle.proposals}
    notes: list[Html] = []
    for pid, message, others in result.failed:
        linked = [b.proposal_link(page, o) for o in others if o in by_id]
        # A collision is said in the page's language, with where to see it;
        # any other failure is the engine's own message.
        why = (
            Html("{} {} ({})").format(
                labels["collides_with"],
                Html(" · ").join(linked),
                b.link(page, b.urls.collisions(), labels["collisions"]),
            )
            if linked
            else Html.escape(message)
        )
        notes.append(
            Html('<div class="admonition failure"><p>{}: {} — {}</p></div>').format(
                labels["not_applied"], b.proposal_link(page, pid), why
            )
        )
    return notes


def consolidated_page(b: Builder, switch: Switch, src_uri: str, other: str) -> SitePage:
    """The text with the chosen proposals applied, each change attributed."""
    labels = b.labels
    chosen = chosen_proposals(list(b.bundle.proposals), switch)
    result = consolidate_for_site(b.doc, chosen)
    new_ctx = DocContext.of(result.doc, b.urls, b.ctx.homes)
    by_id = {p.id: p for p in b.bundle.proposals}
    moves = frozenset().union(*(moved_articles(by_id[pid]) for pid in result.applied))
    diff = document_diff(b.doc, result.doc, moves)
    title = f"{labels['consolidated']} ({labels['switch_' + switch]})"
    other_switch = "recommended" if switch == "adopted" else "adopted"
    applied = Html(" · ").join(
        b.proposal_link(src_uri, pid) for pid in result.applied
    ) or Html.escape(labels["none"])
    parts = [
        Html("<h1>{}</h1>").format(title),
        Html('<p class="bylaws-switch">{}</p>').format(
            b.link(
                src_uri,
                other,
                f"{labels['consolidated']} ({labels['switch_' + other_switch]})",
            )
        ),
        Html("<p><strong>{}:</strong> {}</p>").format(labels["applied"], applied),
        *_not_applied(b, result, src_uri),
        legend(labels),
    ]
    numbers = number_divisions(result.doc)

    def walk(nodes: tuple[OutlineNode, ...], depth: int) -> None:
        for node in nodes:
            if isinstance(node, Division):
                parts.append(
                    Html('<{0} class="bylaws-division" id="{1}">{2}</{0}>').format(
                        Html("h2" if depth == 0 else "h3"),
                        node.id,
                        division_title(result.doc, numbers, node),
                    )
                )
                walk(node.children, depth + 1)
                continue
            parts.append(_consolidated_article(b, new_ctx, diff, result, node, src_uri))

    walk(result.doc.outline, 0)
    parts += _repealed_articles(b, new_ctx, diff, result, src_uri)
    main = switch == b.switch
    # The other variant stays out of the nav and the search index: one copy is enough.
    return b.page(
        src_uri, title, Html("\n").join(parts), "consolidated" if main else "", main
    )


def _repealed_articles(
    b: Builder, ctx: DocContext, diff: DocumentDiff, result: Consolidation, page: str
) -> list[Html]:
    """Repealed articles of an auto-numbered text leave the outline: list them too."""
    return [
        _attributed(b, result, change.article, page)
        + Html(
            '<p class="bylaws-title"><del data-search-exclude>{}</del> — {}</p>'
        ).format(change.old_label or change.article, b.labels["repeal"])
        for change in diff.articles
        if "repealed" in change.kinds and change.article not in ctx.numbers
    ]


def _attributed(b: Builder, result: Consolidation, article_id: str, page: str) -> Html:
    by = result.attribution.get(article_id, ())
    if not by:
        return Html()
    links = Html(" · ").join(b.proposal_link(page, pid) for pid in by)
    return Html('<p class="bylaws-attribution">{}: {}</p>').format(
        b.labels["from_proposal"], links
    )


def _consolidated_article(
    b: Builder,
    ctx: DocContext,
    diff: DocumentDiff,
    result: Consolidation,
    entry: ArticleEntry,
    page: str,
) -> Html:
    change = find_change(diff, entry.ref)
    article = None if entry.repealed else ctx.doc.articles.get(entry.ref)
    if change is None or not (change.kinds - {"renumbered"}):
        extra = Html()
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
    return Html(
        '<article class="bylaws-article bylaws-changed" data-article="{0}">'
        '<h2 id="{0}">{1}</h2>{2}<div class="bylaws-redline">{3}</div></article>'
    ).format(
        entry.ref,
        ctx.title(article) if article else ctx.label(entry.ref),
        _attributed(b, result, entry.ref, page),
        views.redline,
    )
