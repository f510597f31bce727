"""An article's history in git, and articles as plain text for git's own diffs.

File layer: reads commits and files through `bylaws.gitio` and compares them
with the pure diff.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from bylaws import validation, workspace
from bylaws.diff.changes import DocumentDiff
from bylaws.diff.compare import article_lines, diff_documents
from bylaws.errors import NotFound, UnusableInput
from bylaws.locale import _
from bylaws.model import Article, Document
from bylaws.operands import load_document_lazily, loose_article_document

__all__ = ["LogEntry", "article_log", "textconv"]


def textconv(data: bytes, path: str) -> str:
    """An article file as plain text, one paragraph or point per line, for git.

    git's `diff.<driver>.textconv` runs this on each side of a change, so that
    `git diff --word-diff` and `git log -p` compare words rather than XML lines.
    A file that is not an article comes back as it is.
    """
    try:
        article = validation.validated_article(data, path)
    except UnusableInput:
        return data.decode("utf-8", "replace")
    lang = loose_article_document(article, path).lang
    return "".join(line + "\n" for line in article_lines(article, lang))


@dataclass(frozen=True)
class LogEntry:
    """One commit that changed an article, with the article's diff in it."""

    commit: str
    author: str
    date: str
    subject: str
    diff: DocumentDiff


def _find_article(doc: Document, wanted: str) -> str:
    """An article id from an id or a plain number ("12", "12-bis"), or a
    Section's citation in English bylaws."""
    if wanted in doc.articles or any(e.ref == wanted for e in doc.entries()):
        return wanted
    from bylaws import numbering
    from bylaws.render import Reader

    # English bylaws: "II.3", "Article II, Section 3"; a bare number only
    # where one Article has that Section.
    cited = Reader(doc).unit_cited(wanted) if doc.units is not None else None
    if cited is not None:
        return cited

    for article_id, number in numbering.number_outline(doc).items():
        if number.plain() == wanted:
            return article_id
    raise NotFound(
        _("no article {wanted!r} in this document (give an id or a number)"),
        wanted=wanted,
    )


def article_log(wanted: str, path: Path | None = None) -> list[LogEntry]:
    """Every commit that changed an article's file, newest first, with its diff.

    Args:
        wanted: the article's id, or its current plain number.
        path: the document folder (or a folder holding one); the current one
            when None.
    """
    # Only here: git's module (and subprocess) cost `textconv` start-up time.
    from bylaws import gitio

    folder = workspace.find_document_folder(path)
    root = gitio.repo_root(folder.resolve())
    doc_rel = PurePosixPath(folder.resolve().relative_to(root.resolve()).as_posix())
    article_id = _find_article(load_document_lazily(workspace.DiskTree(folder)), wanted)
    file_rel = doc_rel / workspace.ARTICLES / f"{article_id}.xml"
    entries = []
    trees: dict[str, gitio.GitTree] = {}

    def side(commit: str | None) -> tuple[Document | None, str]:
        if commit is None:
            return None, "/dev/null"
        tree = trees.get(commit)
        if tree is None:
            tree = trees[commit] = gitio.GitTree(root, commit[:12], commit=commit)
        name = f"{commit[:10]}:{file_rel}"
        if tree.is_file(doc_rel / workspace.DOCUMENT_FILE):
            return load_document_lazily(tree, doc_rel), name
        if tree.is_file(file_rel):
            data = tree.read_bytes(file_rel)
            article = validation.validated_article(data, tree.display(file_rel))
            return loose_article_document(article, name), name
        return None, name

    try:
        for commit in gitio.file_history(root, file_rel):
            old, old_name = side(commit.parent)
            new, new_name = side(commit.id)
            in_old = old is not None and article_id in old.articles
            in_new = new is not None and article_id in new.articles
            empty = loose_article_document(Article(article_id, None, ()), "")
            diff = diff_documents(
                old if old is not None else replace(empty, outline=(), articles={}),
                new if new is not None else replace(empty, outline=(), articles={}),
                old_name=old_name,
                new_name=new_name,
                only=(article_id if in_old else None, article_id if in_new else None),
            )
            entries.append(
                LogEntry(commit.id, commit.author, commit.date, commit.subject, diff)
            )
    finally:
        for tree in trees.values():
            tree.close()
    return entries
