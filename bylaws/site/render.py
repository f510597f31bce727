"""Articles as HTML: numbered paragraphs and points, live references as links.

Every string from a file passes through `escape.h`; the only markup here is
the markup this module writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bylaws.model import Article, Document, Inline, Ref, Text
from bylaws.numbering import ArticleNumber
from bylaws.render import Reader, dangling

from .escape import attr, h
from .labels import Labels, labels_for
from .urls import SiteUrls

__all__ = ["Block", "DocContext", "article_blocks", "article_html", "blocks_html"]


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
    html: str
    text: str


def _ref_link(ctx: DocContext, page: str | None, ref: Ref) -> tuple[str, str]:
    shown = ctx.reader.resolve(ref)
    if shown is None:
        # Keep the raw address visible rather than hide a broken reference.
        broken = dangling(ref)
        title = attr(ctx.labels["broken_ref"])
        return (
            f'<span class="bylaws-broken-ref" title="{title}">{h(broken)}</span>',
            broken,
        )
    if page is None:
        return h(shown), shown
    return link_to(ctx, page, ref.to, shown), shown


def link_to(ctx: DocContext, page: str, address: str, shown: str) -> str:
    """A link from `page` to the article, paragraph or point at `address`."""
    article_id, _, rest = address.partition("/")
    href = ctx.article_link(page, article_id)
    if rest and "#" in href:
        href = href.split("#")[0] + "#" + _anchor(article_id, rest)
    return f'<a class="bylaws-ref" href="{attr(href)}">{h(shown)}</a>'


def _anchor(article_id: str, rest: str) -> str:
    return article_id + "--" + rest.replace("/", "--")


def runs_html(
    ctx: DocContext, runs: tuple[Inline, ...], page: str | None
) -> tuple[str, str]:
    """Inline runs as (html, plain text); references linked when `page` is given."""
    parts: list[str] = []
    plain: list[str] = []
    for run in runs:
        if isinstance(run, Text):
            parts.append(h(run.value))
            plain.append(run.value)
        else:
            html_part, text_part = _ref_link(ctx, page, run)
            parts.append(html_part)
            plain.append(text_part)
    return "".join(parts), "".join(plain)


def article_blocks(ctx: DocContext, article: Article, page: str | None) -> list[Block]:
    """The article's paragraphs and points, in reading order, with their labels."""
    blocks: list[Block] = []
    for line in ctx.reader.lines(article):
        html_text, plain = runs_html(ctx, line.runs, page)
        blocks.append(
            Block(line.address, line.label or "", line.depth, html_text, plain)
        )
    return blocks


def blocks_html(article_id: str, blocks: list[Block]) -> str:
    """Blocks as `<p>` elements, each with an id from the article's and its address."""
    out: list[str] = []
    seen: set[str] = set()
    for block in blocks:
        ident = ""
        if block.anchor not in seen:
            seen.add(block.anchor)
            ident = f' id="{attr(_anchor(article_id, block.anchor))}"'
        label = (
            f'<span class="bylaws-num">{h(block.label)}</span> ' if block.label else ""
        )
        out.append(
            f'<p class="bylaws-block bylaws-depth-{block.depth}"{ident}>{label}{block.html}</p>'
        )
    return "\n".join(out)


def article_html(
    ctx: DocContext,
    article: Article | None,
    page: str,
    article_id: str,
    *,
    level: int = 2,
    heading_id: bool = True,
    extra: str = "",
) -> str:
    """One article with its heading (an anchor from its id) and a permalink.

    A repealed article (no text) shows its number and the repealed mark.
    """
    number = ctx.numbers.get(article_id)
    if article is None or (number is not None and number.repealed):
        title = f"{ctx.label(article_id)} {ctx.reader.repealed_mark()}"
        body = ""
    else:
        title = ctx.title(article)
        body = blocks_html(article_id, article_blocks(ctx, article, page))
        for note in article.notes:
            note_html, _ = runs_html(ctx, note.runs, page)
            body += f'\n<p class="bylaws-note">{note_html}</p>'
    ident = f' id="{attr(article_id)}"' if heading_id else ""
    permalink = (
        f' <a class="headerlink" href="#{attr(article_id)}" '
        f'title="{attr(ctx.labels["permalink"])}">¶</a>'
        if heading_id
        else ""
    )
    return (
        f'<article class="bylaws-article" data-article="{attr(article_id)}">\n'
        f"<h{level}{ident}>{h(title)}{permalink}</h{level}>\n"
        f"{body}{extra}\n</article>"
    )
