"""Articles as HTML: numbered paragraphs and points, live references as links.

Every string from a file joins the page through an `Html` template, which
escapes it; the only markup here is the markup this module writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bylaws.model import Article, Document, Hyperlink, Inline, Ref, Text
from bylaws.numbering import ArticleNumber
from bylaws.render import Reader, dangling

from .escape import Html, escaped, has_hidden, hidden_warning, marked
from .labels import Labels, labels_for
from .urls import SiteUrls

__all__ = ["Block", "DocContext", "article_blocks", "article_html", "blocks_html"]

_NOTHING = Html()


@dataclass(frozen=True)
class DocContext:
    """One document as the pages see it: its reader and where articles live.

    Numbers, labels and how references read come from `reader`; `homes` maps
    an article id to the page that shows it in the text in force.
    """

    reader: Reader
    urls: SiteUrls
    homes: Mapping[str, str]

    @classmethod
    def of(cls, doc: Document, urls: SiteUrls, homes: Mapping[str, str]) -> DocContext:
        return cls(Reader(doc), urls, homes)

    @property
    def doc(self) -> Document:
        return self.reader.doc

    @property
    def numbers(self) -> Mapping[str, ArticleNumber]:
        return self.reader.numbers

    @property
    def labels(self) -> Labels:
        return labels_for(self.doc.lang)

    def label(self, article_id: str) -> str:
        """«المادة الثانية» for a numbered article, the id for anything else."""
        if article_id not in self.numbers:
            return article_id
        return self.reader.label(article_id)

    def title(self, article: Article) -> str:
        label = self.label(article.id)
        return f"{label}: {article.heading}" if article.heading else label

    def article_link(self, page: str, article_id: str) -> str:
        """A link to an article in the text in force, from `page`."""
        home = self.homes.get(article_id)
        if home is None:
            return self.urls.link(page, self.urls.article(article_id))
        return self.urls.link(page, home, article_id)


@dataclass(frozen=True)
class Block:
    """One line of an article as read: a paragraph's text or a point's.

    `html` carries links; `text` is the same words as plain text, for diffs
    and the search copy. `anchor` is the block's address (`para-2/point-1`).
    """

    anchor: str
    label: str
    depth: int
    html: Html
    text: str


def _ref_link(ctx: DocContext, page: str | None, ref: Ref) -> tuple[Html, str]:
    shown = ctx.reader.resolve(ref)
    if shown is None:
        # Keep the raw address visible rather than hide a broken reference.
        broken = dangling(ref)
        return (
            Html('<span class="bylaws-broken-ref" title="{}">{}</span>').format(
                ctx.labels["broken_ref"], broken
            ),
            broken,
        )
    if page is None:
        return Html.escape(shown), shown
    return link_to(ctx, page, ref.to, shown), shown


def link_to(ctx: DocContext, page: str, address: str, shown: str) -> Html:
    """A link from `page` to the article, paragraph or point at `address`."""
    article_id, _, rest = address.partition("/")
    href = ctx.article_link(page, article_id)
    if rest and "#" in href:
        href = href.split("#")[0] + "#" + _anchor(article_id, rest)
    return Html('<a class="bylaws-ref" href="{}">{}</a>').format(href, shown)


def _anchor(article_id: str, rest: str) -> str:
    return article_id + "--" + rest.replace("/", "--")


def runs_html(
    ctx: DocContext, runs: tuple[Inline, ...], page: str | None
) -> tuple[Html, str]:
    """Inline runs as (html, plain text); references linked when `page` is given."""
    parts: list[Html | str] = []
    plain: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            parts.append(marked(run.value))
            plain.append(run.value)
        elif isinstance(run, Hyperlink):
            parts.append(
                Html('<a class="bylaws-link" href="{}" rel="external">{}</a>').format(
                    run.href, run.text
                )
            )
            plain.append(run.text)
        else:
            html_part, text_part = _ref_link(ctx, page, run)
            parts.append(html_part)
            plain.append(text_part)
    return Html().join(parts), "".join(plain)


def article_blocks(ctx: DocContext, article: Article, page: str | None) -> list[Block]:
    """The article's paragraphs and points, in reading order, with their labels."""
    blocks: list[Block] = []
    for line in ctx.reader.lines(article):
        html_text, plain = runs_html(ctx, line.runs, page)
        blocks.append(
            Block(line.address, line.label or "", line.depth, html_text, plain)
        )
    return blocks


def blocks_html(article_id: str, blocks: list[Block]) -> Html:
    """Blocks as `<p>` elements, each with an id from the article's and its address."""
    # Plain strings, each piece from a file through `escaped`: this runs for
    # every line of every article on four pages, and an `Html` per piece
    # cost more than the rest of the page.
    out: list[str] = []
    seen: set[str] = set()
    for block in blocks:
        ident = ""
        if block.anchor not in seen:
            seen.add(block.anchor)
            ident = f' id="{escaped(_anchor(article_id, block.anchor))}"'
        label = (
            f'<span class="bylaws-num">{escaped(block.label)}</span> '
            if block.label
            else ""
        )
        out.append(
            f'<p class="bylaws-block bylaws-depth-{block.depth:d}"{ident}>'
            f"{label}{block.html}</p>"
        )
    return Html("\n".join(out))


def article_html(
    ctx: DocContext,
    article: Article | None,
    page: str,
    article_id: str,
    *,
    level: int = 2,
    heading_id: bool = True,
    title_class: str = "",
    extra: Html = _NOTHING,
) -> Html:
    """One article with its heading (an anchor from its id) and a permalink.

    A repealed article (no text) shows its number and the repealed mark.
    """
    number = ctx.numbers.get(article_id)
    if article is None or (number is not None and number.repealed):
        title = f"{ctx.label(article_id)} {ctx.reader.repealed_mark()}"
        body = Html()
    else:
        title = ctx.title(article)
        blocks = article_blocks(ctx, article, page)
        body = blocks_html(article_id, blocks)
        if any(has_hidden(block.text) for block in blocks):
            body = hidden_warning(ctx.labels["invisible"]) + body
        for note in article.notes:
            note_html, _ = runs_html(ctx, note.runs, page)
            body += Html('\n<p class="bylaws-note">{}</p>').format(note_html)
    ident = Html(' id="{}"').format(article_id) if heading_id else Html()
    if title_class:
        ident = Html(' class="{}"').format(title_class) + ident
    permalink = (
        Html(' <a class="headerlink" href="#{}" title="{}">¶</a>').format(
            article_id, ctx.labels["permalink"]
        )
        if heading_id
        else Html()
    )
    return Html(
        '<article class="bylaws-article" data-article="{id}">\n'
        "<h{level}{ident}>{title}{permalink}</h{level}>\n"
        "{body}{extra}\n</article>"
    ).format(
        id=article_id,
        level=level,
        ident=ident,
        title=title,
        permalink=permalink,
        body=body,
        extra=extra,
    )
