"""The one place that knows the folder layout of a workspace.

```
<document>/document.xml
<document>/articles/<article-id>.xml
<document>/proposals/<proposal-id>/proposal.xml
<document>/proposals/<proposal-id>/articles/<article-id>.xml
<document>/feedback/*.xml
```

Files are read through a `Tree`, so the same code loads a folder on disk or the
same folder as it was at a git revision (`bylaws.gitio`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Protocol, TypeVar

from lxml import etree

from . import xmlio
from .errors import BylawsError, NotFound, UnusableInput
from .locale import _
from .model import Article, Comment, Document, Proposal
from .values import Value, value_class

T = TypeVar("T")


def _validation() -> ModuleType:
    """The validating reader, imported when first used: the diff never needs
    it, and it is not free to import."""
    from . import validation

    return validation


DOCUMENT_FILE = "document.xml"
PROPOSAL_FILE = "proposal.xml"
ARTICLES = "articles"
PROPOSALS = "proposals"
FEEDBACK = "feedback"
# Versions put out of force by `bylaws adopt` (`bylaws.archive` reads them):
# archive/<label>/version.txt, and previous/ holding the articles it replaced.
ARCHIVE = "archive"
VERSION_FILE = "version.txt"
PREVIOUS = "previous"


class Tree(Protocol):
    """Read-only access to files below a root, by relative POSIX paths."""

    def read_bytes(self, rel: PurePosixPath) -> bytes: ...
    def is_file(self, rel: PurePosixPath) -> bool: ...
    def is_dir(self, rel: PurePosixPath) -> bool: ...
    def list_dir(self, rel: PurePosixPath) -> list[str]: ...
    def display(self, rel: PurePosixPath) -> str: ...


_READ_CHUNK = 1 << 16
_O_BINARY = getattr(os, "O_BINARY", 0)


def read_small_file(path: str) -> bytes | None:
    """A file's bytes with plain system calls, or None if too big or unreadable.

    Workspaces are thousands of small files: asking `read()` for the 10 MB
    limit allocates that much each time, and pathlib's joins cost more than
    parsing. None sends the caller to the slow path, which says precisely
    what is wrong.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY)
    except OSError:
        return None
    try:
        return _read_open_file(fd)
    except OSError:
        return None
    finally:
        os.close(fd)


def _read_open_file(fd: int) -> bytes | None:
    """An open file's bytes; None past the size limit.

    A regular file is read in one call asking one byte more than its size:
    fewer bytes back means its end. Reading in fixed chunks made each small
    file a 64 KiB buffer cut down to size, and the cut-off pieces scattered
    the heap: a 20,000-article diff's memory grew by a quarter.
    """
    status = os.fstat(fd)
    if stat.S_ISREG(status.st_mode) and status.st_size <= xmlio.MAX_FILE_BYTES:
        data = os.read(fd, status.st_size + 1)
        if len(data) <= status.st_size:
            return data
        chunks = [data]  # it grew since: read on
    else:
        chunks = []
    size = sum(len(c) for c in chunks)
    while chunk := os.read(fd, _READ_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > xmlio.MAX_FILE_BYTES:
            return None
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


@value_class(frozen=True, eq=False, repr=False)
class DiskTree(Value):
    """A folder on disk; paths in messages are shown as the user gave them."""

    root: Path

    def _path(self, rel: PurePosixPath) -> str:
        # Plain strings: pathlib's joins cost more than parsing a small file.
        if not rel.parts:
            return str(self.root)
        # Inside the current folder, show paths as the user would type them.
        return str(rel) if str(self.root) == "." else os.path.join(self.root, str(rel))

    def read_bytes(self, rel: PurePosixPath) -> bytes:
        path = self._path(rel)
        data = read_small_file(path)
        if data is not None:
            return data
        try:
            with open(path, "rb") as handle:
                # One byte past the limit is enough to refuse a 50 MB file.
                return handle.read(xmlio.MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise NotFound(_("file does not exist"), self.display(rel)) from None
        except IsADirectoryError:
            raise UnusableInput(
                _("is a folder, expected a file"), self.display(rel)
            ) from None
        except PermissionError:
            raise UnusableInput(_("permission denied"), self.display(rel)) from None

    def is_file(self, rel: PurePosixPath) -> bool:
        return os.path.isfile(self._path(rel))

    def is_dir(self, rel: PurePosixPath) -> bool:
        return os.path.isdir(self._path(rel))

    def list_dir(self, rel: PurePosixPath) -> list[str]:
        try:
            # Hidden names are editors' lock and backup files, never ours.
            return sorted(n for n in os.listdir(self._path(rel)) if n[:1] != ".")
        except (FileNotFoundError, NotADirectoryError):
            return []

    def display(self, rel: PurePosixPath) -> str:
        return self._path(rel)


def fingerprint(data: bytes) -> str:
    """The sha256 of a file's canonical form, so reformatting keeps it."""
    # Imported here: loading OpenSSL costs every `check` that records no
    # fingerprint a few milliseconds.
    import hashlib

    try:
        canonical = xmlio.canonical_bytes(data, "")
    except UnusableInput:
        canonical = data

    return hashlib.sha256(canonical).hexdigest()


# --- loading ----------------------------------------------------------------


def _xml_files(tree: Tree, folder: PurePosixPath) -> list[str]:
    return [
        n
        for n in tree.list_dir(folder)
        if n.endswith(".xml") and tree.is_file(folder / n)
    ]


def load_article_file(tree: Tree, rel: PurePosixPath) -> Article:
    return read_article_file(tree.read_bytes(rel), tree.display(rel), rel.name)


def read_article_file(
    data: bytes, path: str, name: str, validate: bool = True
) -> Article:
    """An article file's bytes as an Article whose id is its file name's stem.

    With `validate=False` (the diff: validating is `check`'s job) a file is
    only parsed; one the plain reader cannot convert is read again through
    the validating one, whose message says what is wrong.
    """
    article = (
        _validation().validated_article(data, path)
        if validate
        else _unvalidated(data, path, "article", xmlio.article_from_xml)
    )
    if article.id != name.removesuffix(".xml"):
        raise UnusableInput(
            _(
                "article id {article_id!r} does not match its file name {name!r}; "
                "name the file {article_id}.xml"
            ),
            path,
            article.loc.line if article.loc else 1,
            article.loc.col if article.loc else 1,
            article_id=article.id,
            name=name,
        )
    return article


def load_articles(tree: Tree, folder: PurePosixPath) -> dict[str, Article]:
    """Every article file of an `articles/` folder, by id."""
    articles: dict[str, Article] = {}
    for name in _xml_files(tree, folder / ARTICLES):
        article = load_article_file(tree, folder / ARTICLES / name)
        articles[article.id] = article
    return articles


ROOT = PurePosixPath()


def _document_file(tree: Tree, folder: PurePosixPath) -> tuple[str, bytes]:
    """A document folder's document.xml: its path as shown, and its bytes."""
    rel = folder / DOCUMENT_FILE
    if not tree.is_file(rel):
        raise NotFound(
            _("no document here: expected a folder with a document.xml"),
            tree.display(folder),
        )
    return tree.display(rel), tree.read_bytes(rel)


def read_document_xml(
    tree: Tree, folder: PurePosixPath = ROOT
) -> tuple[etree._Element, str, bytes]:
    """A document folder's document.xml, parsed and validated: root, path, bytes."""
    path, data = _document_file(tree, folder)
    return _validation().load_root(data, path, "document"), path, data


def read_document_only(tree: Tree, folder: PurePosixPath = ROOT) -> Document:
    """A folder's document.xml with no articles, parsed but not validated.

    For the diff, which reads what `check` validates; see `read_article_file`.
    """
    path, data = _document_file(tree, folder)

    def convert(root: etree._Element, path: str, data: bytes) -> Document:
        return xmlio.document_from_xml(root, {}, path, data)

    return _unvalidated(data, path, "document", convert)


def _unvalidated(
    data: bytes,
    path: str,
    name: str,
    convert: Callable[[etree._Element, str, bytes], T],
) -> T:
    """A file converted after a plain parse; through the validating reader when
    the plain one cannot convert it, so that the message says what is wrong."""
    root = xmlio.parse_bytes(data, path)
    xmlio.expect_root(root, name, path)
    try:
        return convert(root, path, data)
    except BylawsError:
        raise
    except Exception:  # something the schema refuses: let validation say what
        return convert(_validation().load_root(data, path, name), path, data)


def load_document(tree: Tree, folder: PurePosixPath = ROOT) -> Document:
    """A document folder: document.xml and every file in articles/."""
    root, path, data = read_document_xml(tree, folder)
    return xmlio.document_from_xml(root, load_articles(tree, folder), path, data)


def load_proposal(tree: Tree, folder: PurePosixPath) -> Proposal:
    """A proposal folder: proposal.xml and its articles/."""
    rel = folder / PROPOSAL_FILE
    if not tree.is_file(rel):
        raise NotFound(
            _("no proposal here: expected a folder with a proposal.xml"),
            tree.display(folder),
        )
    path = tree.display(rel)
    data = tree.read_bytes(rel)
    root = _validation().load_root(data, path, "proposal")
    return xmlio.proposal_from_xml(root, load_articles(tree, folder), path, data)


def proposal_folders(tree: Tree, folder: PurePosixPath) -> list[PurePosixPath]:
    """The proposal folders of a document, sorted by name."""
    base = folder / PROPOSALS
    return [
        base / name
        for name in tree.list_dir(base)
        if tree.is_file(base / name / PROPOSAL_FILE)
    ]


def load_proposals(tree: Tree, folder: PurePosixPath) -> list[Proposal]:
    return [load_proposal(tree, p) for p in proposal_folders(tree, folder)]


def load_feedback(tree: Tree, folder: PurePosixPath) -> list[Comment]:
    """Every comment in the document's feedback/ folder, file by file."""
    comments: list[Comment] = []
    base = folder / FEEDBACK
    for name in _xml_files(tree, base):
        rel = base / name
        path = tree.display(rel)
        data = tree.read_bytes(rel)
        root = _validation().load_root(data, path, "feedback")
        comments.extend(xmlio.feedback_from_xml(root, path, data))
    return comments


# --- finding things on disk --------------------------------------------------


def iter_document_folders(path: Path) -> Iterator[Path]:
    """Document folders at or below `path` (at most two levels: drafts/<doc>)."""
    if (path / DOCUMENT_FILE).is_file():
        yield path
        return
    for level in (path, path / "drafts"):
        if not level.is_dir():
            continue
        for child in sorted(level.iterdir()):
            # Dot-folders are build folders and editors' files, never texts.
            if child.name[:1] != "." and (child / DOCUMENT_FILE).is_file():
                yield child


def document_folders_for(path: Path) -> list[Path]:
    """The documents a path means: the one it lies in, or those below it."""
    if not path.exists():
        raise NotFound(_("no such file or folder"), str(path))
    start = path if path.is_dir() else path.parent
    # A proposal, an article file or a feedback file lives inside its document.
    for candidate in (start, *start.parents):
        if (candidate / DOCUMENT_FILE).is_file():
            return [candidate]
    if not path.is_dir():
        # A file outside every document: the documents beside it are not what
        # was asked for.
        raise NotFound(
            _(
                "this file is not part of a document: give a document folder, or a "
                "file inside one (document.xml, articles/, proposals/, feedback/)"
            ),
            str(path),
        )
    found = list(iter_document_folders(start))
    if not found:
        raise NotFound(
            _(
                "no document here: expected a folder with a document.xml "
                "(or a drafts/ folder holding one)"
            ),
            str(path),
        )
    return found


def find_document_folder(path: Path | None, proposal: str | None = None) -> Path:
    """The one document a command works on (the current folder by default).

    Args:
        proposal: the name of a proposal the command is about: of several
            documents here, the one holding it is meant.
    """
    found = document_folders_for(path or Path("."))
    if len(found) > 1 and proposal is not None:
        holding = [
            f for f in found if (f / PROPOSALS / proposal / PROPOSAL_FILE).is_file()
        ]
        if len(holding) == 1:
            return holding[0]
    if len(found) > 1:
        names = ", ".join(str(f) for f in found)
        raise UnusableInput(
            _(
                "several documents here ({names}); give the one you mean on the "
                "command line (a document folder, or --doc)"
            ),
            str(path or "."),
            names=names,
        )
    return found[0]


def disk_document(path: Path | None) -> tuple[DiskTree, Document]:
    folder = find_document_folder(path)
    tree = DiskTree(folder)
    return tree, load_document(tree)


# --- writing ----------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (see `bylaws.atomic.write_file`)."""
    from .atomic import write_file

    write_file(path, data)
