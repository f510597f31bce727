"""A Word file edited with track changes, read back as a proposal on its text.

The file is read with every change accepted (`import_docx`), then compared
with the text in force: an article whose words changed is amended, one that
appears is inserted after the article it follows, one that is gone is
repealed. Articles are matched by the bookmarks `bylaws export` writes, or by
number and content when the file has none. The proposer is the changes'
author, the submission date their latest date, and each Word comment becomes
a comment on the article (and paragraph) it sits in.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from lxml import etree

from ..diff.compare import diff_documents
from ..errors import BylawsError, UnusableInput
from ..locale import _, tr
from ..model import (
    Amend,
    Article,
    ArticleEntry,
    Base,
    Comment,
    Division,
    Document,
    Inline,
    Insert,
    Operation,
    OutlineNode,
    P,
    Point,
    Position,
    Proposal,
    Ref,
    Repeal,
    Text,
)
from ..numbering import render_ref
from ..xmlio import parse_bytes
from .docx import bookmark_table, bookmarked_article, file_settings, import_docx
from .formats import W_NS

__all__ = ["WordProposal", "proposal_from_docx"]

W = "{" + W_NS + "}"


@dataclass(frozen=True)
class WordProposal:
    """The proposal a Word file makes, and the comments written in its margin."""

    proposal: Proposal
    comments: tuple[Comment, ...]


def _part(archive: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    try:
        data = archive.read(name)
    except KeyError:
        return None
    return parse_bytes(data, f"{path}!{name}")


def _revisions(document: etree._Element) -> tuple[str | None, str | None]:
    """(the changes' most frequent author, their latest date) in the file."""
    authors: Counter[str] = Counter()
    dates: list[str] = []
    for change in document.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"):
        author = change.get(W + "author")
        if author:
            authors[author] += 1
        date = change.get(W + "date", "")[:10]
        if len(date) == 10:
            dates.append(date)
    author = authors.most_common(1)[0][0] if authors else None
    return author, max(dates) if dates else None


def _order(doc: Document) -> list[str]:
    return [e.ref for e in doc.entries() if not e.repealed]


def _matches(base: Document, edited: Document) -> dict[str, str]:
    """Each article of the edited text -> the article of the base it is."""
    pairs: dict[str, str] = {ref: ref for ref in _order(edited) if ref in base.articles}
    if len(pairs) == len(_order(edited)):
        return pairs
    # Not (all) ours by bookmark: pair the others by number and content.
    diff = diff_documents(base, edited, align="content", context=True)
    for change in diff.context:
        old, new = change.old_id, change.new_id
        if old and new and new not in pairs and old not in pairs.values():
            pairs[new] = old
    return pairs


def _fresh_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate


def _base_refs(base: Document, article: Article | None) -> dict[str, Ref]:
    """The references of a base article by how the exported file shows them."""
    if article is None:
        return {}
    found: dict[str, Ref] = {}
    runs = [r for n in article.notes for r in n.runs]
    stack: list[P | Point] = [i for p in article.paragraphs for i in p.items]
    while stack:
        item = stack.pop()
        if isinstance(item, P):
            runs.extend(item.runs)
        else:
            stack.extend(item.items)
    for run in runs:
        if isinstance(run, Ref):
            try:
                found[render_ref(base, run)] = run
            except BylawsError:
                continue
    return found


def _split_text(text: str, refs: Mapping[str, Ref]) -> list[Inline]:
    """A text with the words of a base reference turned back into it."""
    for shown in sorted(refs, key=len, reverse=True):
        before, sep, after = text.partition(shown)
        if sep:
            return [*_split_text(before, refs), refs[shown], *_split_text(after, refs)]
    return [Text(text)] if text else []


def _renamed_runs(
    runs: tuple[Inline, ...], ids: Mapping[str, str], refs: Mapping[str, Ref]
) -> tuple[Inline, ...]:
    """Runs under the base's ids; a link the file numbered before the changes
    (so the import kept it as text) is the base's reference again."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Ref):
            head, sep, rest = run.to.partition("/")
            out.append(replace(run, to=ids.get(head, head) + sep + rest))
        elif isinstance(run, Text):
            out.extend(_split_text(run.value, refs))
        else:  # a web link keeps its target
            out.append(run)
    return tuple(out)


def _renamed_items(
    items: tuple[P | Point, ...], ids: Mapping[str, str], refs: Mapping[str, Ref]
) -> tuple[P | Point, ...]:
    return tuple(
        replace(i, runs=_renamed_runs(i.runs, ids, refs))
        if isinstance(i, P)
        else replace(i, items=_renamed_items(i.items, ids, refs))
        for i in items
    )


def _as_base(
    article: Article, new_id: str, ids: Mapping[str, str], base: Document
) -> Article:
    """An edited article under its id in the base, its references renamed too."""
    refs = _base_refs(base, base.articles.get(new_id))
    return replace(
        article,
        id=new_id,
        paragraphs=tuple(
            replace(p, items=_renamed_items(p.items, ids, refs))
            for p in article.paragraphs
        ),
        notes=tuple(
            replace(n, runs=_renamed_runs(n.runs, ids, refs)) for n in article.notes
        ),
    )


def _same(a: Article, b: Article) -> bool:
    return (a.heading, a.paragraphs, a.notes) == (b.heading, b.paragraphs, b.notes)


def _first_division(nodes: tuple[OutlineNode, ...], ref: str) -> str | None:
    """The id of the innermost division whose first entry is `ref`."""
    for node in nodes:
        if isinstance(node, Division):
            inner = _first_division(node.children, ref)
            if inner is not None:
                return inner
            first = next(iter(node.children), None)
            if isinstance(first, ArticleEntry) and first.ref == ref:
                return node.id
    return None


def _operations(
    base: Document, edited: Document, ids: dict[str, str]
) -> tuple[list[Operation], dict[str, Article]]:
    """The operations that turn `base` into `edited`, and the proposal's articles."""
    operations: list[Operation] = []
    articles: dict[str, Article] = {}
    taken = set(base.articles)
    previous: str | None = None
    for ref in _order(edited):
        if ref not in ids:
            ids[ref] = _fresh_id(ref, taken)
    for ref in _order(edited):
        own = ids[ref]
        article = _as_base(edited.articles[ref], own, ids, base)
        if own not in base.articles:
            if previous is not None:
                position = Position("after", previous)
            else:
                division = _first_division(edited.outline, ref)
                first = _order(base)[0] if _order(base) else None
                position = (
                    Position("start", division)
                    if division
                    else Position("before", first or "")
                )
            operations.append(Insert(own, position))
            articles[own] = article
        elif not _same(article, base.articles[own]):
            operations.append(Amend(own))
            articles[own] = article
        previous = own
    kept = set(ids.values())
    operations.extend(Repeal(ref) for ref in _order(base) if ref not in kept)
    return operations, articles


def _comment_texts(
    comments: etree._Element | None,
) -> dict[str, tuple[str, str, list[str]]]:
    """Word comment id -> (author, date, paragraphs)."""
    found: dict[str, tuple[str, str, list[str]]] = {}
    if comments is None:
        return found
    for comment in comments.iter(W + "comment"):
        paragraphs = [
            "".join(t.text or "" for t in p.iter(W + "t")).strip()
            for p in comment.iter(W + "p")
        ]
        found[comment.get(W + "id", "")] = (
            comment.get(W + "author", ""),
            comment.get(W + "date", "")[:10],
            [p for p in paragraphs if p],
        )
    return found


def _is_deleted(p: etree._Element) -> bool:
    return p.find(f"{W}pPr/{W}rPr/{W}del") is not None


def _heading_article(
    p: etree._Element, edited_titles: Mapping[str, str], table: Mapping[str, str]
) -> str | None:
    """The article a heading paragraph opens: its bookmark, or its title."""
    found = bookmarked_article(p, table)
    if found is not None:
        return found
    text = "".join(
        t.text or "" for t in p.iter(W + "t") if not _inside_del(t, p)
    ).strip()
    return edited_titles.get(text)


def _inside_del(node: etree._Element, stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (W + "del", W + "moveFrom"):
            return True
        parent = parent.getparent()
    return False


def _anchored_paragraphs(
    document: etree._Element,
    edited_titles: Mapping[str, str],
    table: Mapping[str, str],
) -> Iterator[tuple[etree._Element, str | None, int]]:
    """Each paragraph with the article it is in and its paragraph number (0: none)."""
    article: str | None = None
    number = 0
    for p in document.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(W + "val", "").startswith("Heading"):
            found = _heading_article(p, edited_titles, table)
            if found is not None or not _is_deleted(p):
                article, number = found, 0
            yield p, article, 0
            continue
        level = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
        if level is not None and level.get(W + "val") == "0" and not _is_deleted(p):
            number += 1
        yield p, article, number


def _word_comments(
    document: etree._Element,
    comments: etree._Element | None,
    edited: Document,
    proposed: Document,
    ids: Mapping[str, str],
    proposal: Proposal,
    table: Mapping[str, str],
) -> tuple[Comment, ...]:
    texts = _comment_texts(comments)
    if not texts:
        return ()
    titles: dict[str, str] = {}
    for ref in _order(edited):
        heading = edited.articles[ref].heading
        label = render_ref(edited, Ref(ref))
        titles[f"{label}: {heading}" if heading else label] = ref
    out: list[Comment] = []
    seen: set[str] = set()
    for p, article, number in _anchored_paragraphs(document, titles, table):
        for mark in p.iter(W + "commentRangeStart", W + "commentReference"):
            word_id = mark.get(W + "id", "")
            if word_id in seen or word_id not in texts or article is None:
                continue
            seen.add(word_id)
            author, date, paragraphs = texts[word_id]
            on = ids.get(article, article)
            if number:
                try:
                    render_ref(proposed, Ref(f"{on}/para-{number}"))
                    on = f"{on}/para-{number}"
                except BylawsError:
                    pass
            out.append(
                Comment(
                    id=f"{proposal.id}-word-{len(out) + 1}",
                    on=on,
                    author=author or proposal.proposer,
                    body=proposal.proposer,
                    date=date or (proposal.submitted or ""),
                    proposal=proposal.id,
                    text=tuple(P((Text(t),)) for t in paragraphs),
                )
            )
    return tuple(out)


def proposal_from_docx(
    data: bytes,
    path: str,
    base: Document,
    proposal_id: str,
    stage: str,
    commit: str | None = None,
    title: str | None = None,
) -> WordProposal:
    """The proposal an edited Word file makes on `base`, and its comments.

    Args:
        stage: the stage a new proposal starts at.
        commit: the git commit the text in force is at, recorded as the base.
        title: the proposal's title; by default one naming the file.
    """
    from ..overlay import apply_proposal

    edited, _draft = import_docx(data, path, base.id, base.lang)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = _part(archive, "word/document.xml", path)
        comments = _part(archive, "word/comments.xml", path)
        table = bookmark_table(file_settings(archive, path))
    if document is None:
        raise UnusableInput(
            _("not a Word .docx file: it has no word/document.xml"), path
        )
    ids = _matches(base, edited)
    operations, articles = _operations(base, edited, ids)
    if not operations:
        raise UnusableInput(_("the file changes nothing in the text in force"), path)
    author, date = _revisions(document)
    name = path.rsplit("/", 1)[-1]
    proposal = Proposal(
        id=proposal_id,
        title=title or tr(_("Changes made in {file}"), base.lang, file=name),
        proposer=author or tr(_("unknown"), base.lang),
        submitted=date,
        base=Base(base.id, commit),
        stage=stage,
        rationale=(),
        reviews=(),
        operations=tuple(operations),
        articles=articles,
    )
    proposed = apply_proposal(base, proposal)
    found = _word_comments(document, comments, edited, proposed, ids, proposal, table)
    return WordProposal(proposal, found)
