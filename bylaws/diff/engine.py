"""Layered entry points of a diff: objects, then operands, then paths.

- `diff_documents(old, new)`: two Documents (pure, in `bylaws.diff.compare`).
- `load_operand(text)`: what the user typed (a document folder, a proposal
  folder, an article file, any of them as `REV:PATH`) as a Document.
- `diff_operands` and `diff_paths`: the two together, for the command line.

Documents are loaded lazily: every article file's bytes are read, but only the
files whose bytes differ between the two sides are parsed, so the cost grows
with what changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Literal

from bylaws import validation, workspace, xmlio
from bylaws.diff.changes import DocumentDiff
from bylaws.diff.compare import FingerprintedArticles, Progress, diff_documents
from bylaws.diff.memory import paused_collector
from bylaws.diff.structure import AlignMode
from bylaws.errors import NotFound, UnusableInput
from bylaws.model import Article, ArticleEntry, Document, DocumentMeta
from bylaws.workspace import Tree

__all__ = [
    "ArticleFiles",
    "LogEntry",
    "Operand",
    "OperandKind",
    "article_log",
    "diff_documents",
    "diff_operands",
    "diff_paths",
    "load_document_lazily",
    "load_operand",
    "single_article_document",
    "textconv",
]

OperandKind = Literal["document", "proposal", "article"]
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


# Read size of the first os.read of an article file: article files are far
# smaller, and asking for MAX_FILE_BYTES at once would allocate ten megabytes
# per file (ten times the cost of reading 2,000 small files).


class ArticleFiles(FingerprintedArticles, Mapping[str, Article]):
    """The articles/ folder of a document, read and parsed one file at a time.

    Unlike `bylaws.xmlio.LazyArticles` (element trees parsed already, for
    `check`), nothing is read until asked: a file's bytes are its fingerprint,
    so an article whose bytes did not change is never parsed.
    """

    def __init__(self, tree: Tree, folder: PurePosixPath) -> None:
        self._tree = tree
        self._folder = folder / workspace.ARTICLES
        # Ids to file names only: a path object per file costs more than
        # reading the file.
        self._names = {
            name[: -len(".xml")]: name
            for name in tree.list_dir(self._folder)
            if name.endswith(".xml")
        }
        # On disk, a file's path as the tree would show and open it, made by
        # joining strings once per folder.
        self._disk_prefix = (
            tree.display(self._folder) + "/"
            if isinstance(tree, workspace.DiskTree)
            else None
        )
        self._blob_id: Callable[[PurePosixPath], object | None] | None = getattr(
            tree, "blob_id", None
        )
        self._cache: dict[str, Article] = {}
        self._bytes: dict[str, bytes] = {}

    def __getitem__(self, key: str) -> Article:
        found = self._cache.get(key)
        if found is None:
            name = self._names[key]
            data = self._raw(key)
            article = workspace.read_article_file(data, self._display(name), name)
            found = self._cache[key] = article
        return found

    def _raw(self, key: str) -> bytes:
        data = self._bytes.get(key)
        if data is None:
            data = self._bytes[key] = self._read(key)
        return data

    def _display(self, name: str) -> str:
        if self._disk_prefix is not None:
            return self._disk_prefix + name
        return self._tree.display(self._folder / name)

    def _read(self, key: str) -> bytes:
        name = self._names[key]
        if self._disk_prefix is not None:
            # Thousands of small files: system calls on a string path, and
            # errors still go through the tree.
            data = workspace.read_small_file(self._disk_prefix + name)
            if data is not None:
                return data
        return self._tree.read_bytes(self._folder / name)

    def fingerprint(self, article_id: str) -> object | None:
        if article_id not in self._names:
            return None
        if self._blob_id is not None:
            return self._blob_id(self._folder / self._names[article_id])
        return self._raw(article_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, key: object) -> bool:
        return key in self._names


def load_document_lazily(tree: Tree, folder: PurePosixPath | None = None) -> Document:
    """A document folder whose articles are parsed only when looked at."""
    folder = folder if folder is not None else PurePosixPath()
    root, path, data = workspace.read_document_xml(tree, folder)
    doc = xmlio.document_from_xml(root, {}, path, data)
    return replace(doc, articles=ArticleFiles(tree, folder))


def single_article_document(article: Article, source: str) -> Document:
    """A document holding one article, for comparing two loose article files."""
    sample = (article.heading or "") + repr(article.paragraphs)
    lang = "ar" if _ARABIC_LETTER.search(sample) else "en"
    return Document(
        id=article.id,
        lang=lang,
        numbering="auto",
        style="words",
        meta=DocumentMeta(title=source),
        outline=(ArticleEntry(article.id),),
        articles={article.id: article},
    )


@dataclass(frozen=True)
class Operand:
    """One side of a comparison, loaded.

    Attributes:
        name: as the user wrote it.
        kind: document, proposal (its base with it applied) or article.
        document: the text to compare.
        article: for an article operand, the id of the article to compare.
        moves: for a proposal, the articles it moves (what "moved" should say
            when a swap of neighbours could be read either way).
    """

    name: str
    kind: OperandKind
    document: Document
    article: str | None = None
    moves: frozenset[str] = frozenset()


class _Loader:
    """Loads operands, sharing one base document between proposals of the same base."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._documents: dict[tuple[int, PurePosixPath], Document] = {}
        self._trees: dict[tuple[str, str], Tree] = {}

    def document(self, tree: Tree, folder: PurePosixPath) -> Document:
        key = (id(tree), folder)
        found = self._documents.get(key)
        if found is None:
            found = self._documents[key] = load_document_lazily(tree, folder)
        return found

    def tree_and_path(self, text: str) -> tuple[Tree, PurePosixPath]:
        path = Path(text)
        if not path.is_absolute():
            path = self.cwd / path
        if path.exists():
            tree_key = ("disk", "")
            tree = self._trees.get(tree_key)
            if tree is None:
                tree = self._trees[tree_key] = workspace.DiskTree(self.cwd)
            return tree, PurePosixPath(text)
        # Only now: git's module (and subprocess) cost start-up time.
        from bylaws import gitio

        split = gitio.split_rev_path(text)
        if split is None:
            raise NotFound("no such file or folder", text)
        rev, inner = split
        root = gitio.repo_root(self.cwd)
        if inner.startswith(("./", "../")) or inner in (".", ".."):
            # Like git itself: ./ and ../ are relative to the current folder.
            absolute = (self.cwd / inner).resolve()
            try:
                inner = absolute.relative_to(root.resolve()).as_posix()
            except ValueError:
                raise NotFound("path is outside the git repository", text) from None
        commit = gitio.resolve_commit(root, rev)
        tree_key = (str(root), commit)
        tree = self._trees.get(tree_key)
        if tree is None:
            tree = self._trees[tree_key] = gitio.GitTree(root, rev, commit=commit)
        rel = PurePosixPath(inner.strip("/")) if inner.strip("/") else PurePosixPath()
        return tree, rel

    def load(self, text: str) -> Operand:
        tree, rel = self.tree_and_path(text)
        if tree.is_file(rel):
            if rel.name == workspace.DOCUMENT_FILE:
                return Operand(text, "document", self.document(tree, rel.parent))
            if rel.name == workspace.PROPOSAL_FILE:
                return self._proposal(text, tree, rel.parent)
            if rel.suffix == ".xml":
                return self._article(text, tree, rel)
            raise UnusableInput(
                "not a bylaws file: expected a document or proposal folder, or an "
                "article .xml file",
                tree.display(rel),
            )
        if not tree.is_dir(rel):
            raise NotFound("no such file or folder", tree.display(rel))
        if tree.is_file(rel / workspace.DOCUMENT_FILE):
            return Operand(text, "document", self.document(tree, rel))
        if tree.is_file(rel / workspace.PROPOSAL_FILE):
            return self._proposal(text, tree, rel)
        found = [
            rel / name
            for name in tree.list_dir(rel)
            if tree.is_file(rel / name / workspace.DOCUMENT_FILE)
        ] + [
            rel / "drafts" / name
            for name in tree.list_dir(rel / "drafts")
            if tree.is_file(rel / "drafts" / name / workspace.DOCUMENT_FILE)
        ]
        if len(found) == 1:
            return Operand(text, "document", self.document(tree, found[0]))
        if found:
            names = ", ".join(tree.display(f) for f in found)
            raise UnusableInput(f"several documents here ({names}); name one", text)
        raise NotFound(
            "not a document, proposal or article: expected a folder with a "
            "document.xml or a proposal.xml, or an article .xml file",
            tree.display(rel),
        )

    def _proposal(self, text: str, tree: Tree, folder: PurePosixPath) -> Operand:
        from bylaws.overlay import apply_proposal, moved_articles

        base = folder.parent.parent
        if folder.parent.name != workspace.PROPOSALS or not tree.is_file(
            base / workspace.DOCUMENT_FILE
        ):
            raise UnusableInput(
                "a proposal folder must sit in <document>/proposals/<id>/ so that "
                "its base document can be found",
                tree.display(folder / workspace.PROPOSAL_FILE),
            )
        proposal = workspace.load_proposal(tree, folder)
        document = apply_proposal(self.document(tree, base), proposal)
        return Operand(text, "proposal", document, moves=moved_articles(proposal))

    def _article(self, text: str, tree: Tree, rel: PurePosixPath) -> Operand:
        path = tree.display(rel)
        article = validation.validated_article(tree.read_bytes(rel), path)
        holder = rel.parent.parent
        if rel.parent.name == workspace.ARTICLES and tree.is_file(
            holder / workspace.DOCUMENT_FILE
        ):
            # An article of a document: numbers and references read as there.
            document = self.document(tree, holder)
            articles = _Overlay(document.articles, {article.id: article})
            return Operand(
                text, "article", replace(document, articles=articles), article.id
            )
        return Operand(
            text, "article", single_article_document(article, path), article.id
        )


class _Overlay(Mapping[str, Article]):
    """A mapping with one article replaced, still lazy for the rest."""

    def __init__(self, base: Mapping[str, Article], extra: dict[str, Article]) -> None:
        self._base, self._extra = base, extra

    def __getitem__(self, key: str) -> Article:
        return self._extra[key] if key in self._extra else self._base[key]

    def __iter__(self) -> Iterator[str]:
        yield from self._extra
        yield from (k for k in self._base if k not in self._extra)

    def __len__(self) -> int:
        return len(set(self._base) | set(self._extra))


def load_operand(text: str, cwd: Path | None = None) -> Operand:
    """Load one operand of `bylaws diff` (see `diff_paths` for the forms)."""
    return _Loader(cwd or Path(".")).load(text)


def diff_operands(
    old: Operand,
    new: Operand,
    *,
    align: AlignMode = "auto",
    context: bool = False,
    progress: Progress | None = None,
) -> DocumentDiff:
    """Compare two loaded operands; an article compares only with an article."""
    if (old.kind == "article") != (new.kind == "article"):
        article, other = (old, new) if old.kind == "article" else (new, old)
        raise UnusableInput(
            f"cannot compare an article file with a {other.kind}; give two article "
            "files, or two document or proposal folders",
            article.name,
        )
    only = (old.article, new.article) if old.article and new.article else None
    return diff_documents(
        old.document,
        new.document,
        old_name=old.name,
        new_name=new.name,
        align=align,
        context=context,
        progress=progress,
        only=only,
        moves=new.moves if old.kind != "proposal" else frozenset(),
    )


def diff_paths(
    old: str,
    new: str,
    *,
    cwd: Path | None = None,
    align: AlignMode = "auto",
    context: bool = False,
    progress: Progress | None = None,
) -> DocumentDiff:
    """Compare two operands as the user typed them.

    Each operand is a document folder; a proposal folder (its base, two folders
    up, with the proposal applied); an article file; or any of them at a git
    revision as `REV:PATH` (a tag, a branch, HEAD~3; PATH from the top of the
    repository, or from the current folder when it starts with ./ or ../).

    Raises:
        BylawsError: an operand that does not exist or cannot be read.
    """
    loader = _Loader(cwd or Path("."))
    try:
        with paused_collector():
            return diff_operands(
                loader.load(old),
                loader.load(new),
                align=align,
                context=context,
                progress=progress,
            )
    finally:
        for tree in loader._trees.values():
            close = getattr(tree, "close", None)
            if close is not None:
                close()


# --- git helpers: textconv and an article's history -----------------------------


def textconv(data: bytes, path: str) -> str:
    """An article file as plain text, one paragraph or point per line, for git.

    git's `diff.<driver>.textconv` runs this on each side of a change, so that
    `git diff --word-diff` and `git log -p` compare words rather than XML lines.
    A file that is not an article comes back as it is.
    """
    from bylaws.diff.compare import article_as_text_lines

    try:
        article = validation.validated_article(data, path)
    except UnusableInput:
        return data.decode("utf-8", "replace")
    lang = single_article_document(article, path).lang
    return "".join(line + "\n" for line in article_as_text_lines(article, lang))


@dataclass(frozen=True)
class LogEntry:
    """One commit that changed an article, with the article's diff in it."""

    commit: str
    author: str
    date: str
    subject: str
    diff: DocumentDiff


def _find_article(doc: Document, wanted: str) -> str:
    """An article id from an id or a plain number ("12", "12-bis")."""
    if wanted in doc.articles or any(e.ref == wanted for e in doc.entries()):
        return wanted
    from bylaws import numbering

    for article_id, number in numbering.number_outline(doc).items():
        if number.plain() == wanted:
            return article_id
    raise NotFound(f"no article {wanted!r} in this document (give an id or a number)")


def article_log(wanted: str, path: Path | None = None) -> list[LogEntry]:
    """Every commit that changed an article's file, newest first, with its diff.

    Args:
        wanted: the article's id, or its current plain number.
        path: the document folder (or a folder holding one); the current one
            when None.
    """
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
            return single_article_document(article, name), name
        return None, name

    try:
        for commit in gitio.file_history(root, file_rel):
            old, old_name = side(commit.parent)
            new, new_name = side(commit.id)
            in_old = old is not None and article_id in old.articles
            in_new = new is not None and article_id in new.articles
            empty = single_article_document(Article(article_id, None, ()), "")
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
