"""Operands of a diff, loaded from files: what the user typed, as Documents.

An operand is a document folder; a proposal folder (its base, two folders up,
with the proposal applied); an article file; or any of them at a git revision
as `REV:PATH`. This is the file layer under `bylaws diff`: the comparison
itself (`bylaws.diff`) takes Documents and never reads a file.

Documents are loaded lazily: every article file's bytes are read, but only the
files whose bytes differ between the two sides are parsed, so the cost grows
with what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from bylaws import workspace
from bylaws.diff.changes import DocumentDiff
from bylaws.diff.compare import FingerprintedArticles, Progress
from bylaws.diff.engine import Operand, diff_operands, single_article_document
from bylaws.diff.memory import paused_collector
from bylaws.diff.sides import article_lines
from bylaws.diff.structure import AlignMode
from bylaws.errors import NotFound, UnusableInput
from bylaws.locale import _
from bylaws.model import Article, Document
from bylaws.text import has_arabic_letters
from bylaws.workspace import Tree

if TYPE_CHECKING:
    from bylaws.gitio import GitTree

__all__ = [
    "ArticleFiles",
    "OperandLoader",
    "diff_paths",
    "load_document_lazily",
    "load_operand",
    "loose_article_document",
]


class ArticleFiles(FingerprintedArticles, Mapping[str, Article]):
    """The articles/ folder of a document, read and parsed one file at a time.

    Unlike `bylaws.xmlio.LazyArticles` (element trees parsed already, for
    `check`), nothing is read until asked: a file's bytes are its fingerprint,
    so an article whose bytes did not change is never parsed, and its bytes
    are let go once compared.
    """

    def __init__(self, tree: Tree, folder: PurePosixPath) -> None:
        self._tree = tree
        self._folder = folder / workspace.ARTICLES
        # The ids only, in the folder's order: a file's name is its id and
        # ".xml" (a path object per file costs more than reading the file).
        self._ids = dict.fromkeys(
            name[: -len(".xml")]
            for name in tree.list_dir(self._folder)
            if name.endswith(".xml")
        )
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
        # The bytes of the one file last read for its fingerprint: if it
        # differs, it is parsed next. Keeping every file's bytes would hold
        # both texts whole in memory.
        self._last: tuple[str, bytes] | None = None

    def __getitem__(self, key: str) -> Article:
        found = self._cache.get(key)
        if found is None:
            name = self._name(key)
            data = self._raw(key)
            # Parsed, not validated: that is `check`'s job (see read_article_file).
            article = workspace.read_article_file(
                data, self._display(name), name, validate=False
            )
            found = self._cache[key] = article
        return found

    def _raw(self, key: str) -> bytes:
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        return self._read(key)

    def _name(self, key: str) -> str:
        if key not in self._ids:
            raise KeyError(key)
        return key + ".xml"

    def _display(self, name: str) -> str:
        if self._disk_prefix is not None:
            return self._disk_prefix + name
        return self._tree.display(self._folder / name)

    def _read(self, key: str) -> bytes:
        name = self._name(key)
        if self._disk_prefix is not None:
            # Thousands of small files: system calls on a string path, and
            # errors still go through the tree.
            data = workspace.read_small_file(self._disk_prefix + name)
            if data is not None:
                return data
        return self._tree.read_bytes(self._folder / name)

    def fingerprint(self, article_id: str) -> object | None:
        # Called for every article of both texts: the reading is written out
        # here rather than through `_raw` and `_read`.
        if article_id not in self._ids:
            return None
        name = article_id + ".xml"
        if self._blob_id is not None:
            return self._blob_id(self._folder / name)
        data = None
        if self._disk_prefix is not None:
            data = workspace.read_small_file(self._disk_prefix + name)
        if data is None:
            data = self._tree.read_bytes(self._folder / name)
        self._last = (article_id, data)
        return data

    def forget(self, article_id: str) -> None:
        # A git tree's process stops when the loader closes: what was read
        # through it is kept for the formatters that read the documents.
        if self._disk_prefix is not None:
            self._cache.pop(article_id, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._ids


def load_document_lazily(tree: Tree, folder: PurePosixPath | None = None) -> Document:
    """A document folder whose articles are parsed only when looked at."""
    folder = folder if folder is not None else PurePosixPath()
    doc = workspace.read_document_only(tree, folder)
    return replace(doc, articles=ArticleFiles(tree, folder))


def loose_article_document(article: Article, source: str) -> Document:
    """An article file outside any document, as a document of its own.

    Such a file declares no language (only document.xml does): the script of
    its words decides between Arabic and English.
    """
    words = " ".join(article_lines(article, "en"))
    lang = "ar" if has_arabic_letters(words) else "en"
    return single_article_document(article, source, lang)


class OperandLoader:
    """Loads operands, sharing one base document between proposals of the same base.

    Documents it loads read their article files when asked, so the git trees
    behind them stay open until `close` (or the end of a `with` block).
    """

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self._documents: dict[tuple[int, PurePosixPath], Document] = {}
        self._disk: workspace.DiskTree | None = None
        self._git_trees: dict[tuple[str, str], GitTree] = {}

    def __enter__(self) -> OperandLoader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the git processes the loaded documents read their files through."""
        for tree in self._git_trees.values():
            tree.close()

    def _document(self, tree: Tree, folder: PurePosixPath) -> Document:
        key = (id(tree), folder)
        found = self._documents.get(key)
        if found is None:
            found = self._documents[key] = load_document_lazily(tree, folder)
        return found

    def _tree_and_path(self, text: str) -> tuple[Tree, PurePosixPath]:
        path = Path(text)
        if not path.is_absolute():
            path = self.cwd / path
        if path.exists():
            if self._disk is None:
                self._disk = workspace.DiskTree(self.cwd)
            return self._disk, PurePosixPath(text)
        return self._git_tree_and_path(text)

    def _git_tree_and_path(self, text: str) -> tuple[Tree, PurePosixPath]:
        # Only now: git's module (and subprocess) cost start-up time.
        from bylaws import gitio

        split = gitio.split_rev_path(text)
        if split is None:
            raise NotFound(_("no such file or folder"), text)
        rev, inner = split
        root = gitio.repo_root(self.cwd)
        if inner.startswith(("./", "../")) or inner in (".", ".."):
            # Like git itself: ./ and ../ are relative to the current folder.
            absolute = (self.cwd / inner).resolve()
            try:
                inner = absolute.relative_to(root.resolve()).as_posix()
            except ValueError:
                raise NotFound(_("path is outside the git repository"), text) from None
        commit = gitio.resolve_commit(root, rev)
        tree_key = (str(root), commit)
        tree = self._git_trees.get(tree_key)
        if tree is None:
            tree = self._git_trees[tree_key] = gitio.GitTree(root, rev, commit=commit)
        rel = PurePosixPath(inner.strip("/")) if inner.strip("/") else PurePosixPath()
        return tree, rel

    def load(self, text: str) -> Operand:
        """One operand as the user typed it (see `diff_paths` for the forms)."""
        tree, rel = self._tree_and_path(text)
        if tree.is_file(rel):
            if rel.name == workspace.DOCUMENT_FILE:
                return Operand(text, "document", self._document(tree, rel.parent))
            if rel.name == workspace.PROPOSAL_FILE:
                return self._proposal(text, tree, rel.parent)
            if rel.suffix == ".xml":
                return self._article(text, tree, rel)
            raise UnusableInput(
                _(
                    "not a bylaws file: expected a document or proposal folder, "
                    "or an article .xml file"
                ),
                tree.display(rel),
            )
        if not tree.is_dir(rel):
            raise NotFound(_("no such file or folder"), tree.display(rel))
        if tree.is_file(rel / workspace.DOCUMENT_FILE):
            return Operand(text, "document", self._document(tree, rel))
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
            return Operand(text, "document", self._document(tree, found[0]))
        if found:
            names = ", ".join(tree.display(f) for f in found)
            raise UnusableInput(
                _("several documents here ({names}); name one"), text, names=names
            )
        raise NotFound(
            _(
                "not a document, proposal or article: expected a folder with a "
                "document.xml or a proposal.xml, or an article .xml file"
            ),
            tree.display(rel),
        )

    def _proposal(self, text: str, tree: Tree, folder: PurePosixPath) -> Operand:
        from bylaws.overlay import apply_proposal, moved_articles

        base = folder.parent.parent
        if folder.parent.name != workspace.PROPOSALS or not tree.is_file(
            base / workspace.DOCUMENT_FILE
        ):
            raise UnusableInput(
                _(
                    "a proposal folder must sit in <document>/proposals/<id>/ so "
                    "that its base document can be found"
                ),
                tree.display(folder / workspace.PROPOSAL_FILE),
            )
        proposal = workspace.load_proposal(tree, folder)
        document = apply_proposal(self._document(tree, base), proposal)
        return Operand(text, "proposal", document, moves=moved_articles(proposal))

    def _article(self, text: str, tree: Tree, rel: PurePosixPath) -> Operand:
        path = tree.display(rel)
        from bylaws import validation

        article = validation.validated_article(tree.read_bytes(rel), path)
        holder = rel.parent.parent
        if rel.parent.name == workspace.ARTICLES and tree.is_file(
            holder / workspace.DOCUMENT_FILE
        ):
            # An article of a document: numbers and references read as there.
            document = self._document(tree, holder)
            articles = _Overlay(document.articles, {article.id: article})
            return Operand(
                text, "article", replace(document, articles=articles), article.id
            )
        return Operand(
            text, "article", loose_article_document(article, path), article.id
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
    return OperandLoader(cwd or Path(".")).load(text)


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
    with OperandLoader(cwd or Path(".")) as loader, paused_collector():
        return diff_operands(
            loader.load(old),
            loader.load(new),
            align=align,
            context=context,
            progress=progress,
        )
