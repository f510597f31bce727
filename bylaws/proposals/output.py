"""Writing a whole document folder atomically.

The new tree is built in a temporary folder beside the target and swapped in
with one rename, so the target holds either the old text or the whole new one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..model import Article, Document, Proposal
from ..workspace import ARTICLES, DOCUMENT_FILE, PROPOSAL_FILE
from ..xmlio import article_to_xml, document_to_xml, proposal_to_xml, serialize

_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(
        at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def _fsync_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_articles(folder: Path, articles: dict[str, Article] | None) -> None:
    (folder / ARTICLES).mkdir(parents=True, exist_ok=True)
    for ref, article in sorted((articles or {}).items()):
        _fsync_file(
            folder / ARTICLES / f"{ref}.xml", serialize(article_to_xml(article))
        )


def swap_in(build: Path, target: Path) -> None:
    """Put a finished folder at `target`, replacing what was there in one step."""
    if not target.exists():
        os.replace(build, target)
        return
    if _exchange(build, target):
        shutil.rmtree(build)  # `build` now holds the old tree
        return
    # No atomic exchange here: the old tree is renamed aside first, then the new
    # one in; a crash in between leaves the old tree beside the target.
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.rmdir(aside)
    os.replace(target, aside)
    os.replace(build, target)
    shutil.rmtree(aside)


def _write_folder(
    target: Path, main_file: str, main_bytes: bytes, articles: Mapping[str, Article]
) -> None:
    """A folder with one main file and articles/, written beside and swapped in.

    Whatever else the target holds (proposals/, feedback/, …) is carried over.
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        if target.is_dir():
            for entry in target.iterdir():
                if entry.name in (ARTICLES, main_file):
                    continue
                if entry.is_dir():
                    shutil.copytree(entry, build / entry.name, symlinks=True)
                else:
                    shutil.copy2(entry, build / entry.name)
        _fsync_file(build / main_file, main_bytes)
        _write_articles(build, dict(articles))
        os.chmod(build, 0o755)
        swap_in(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


def write_document(doc: Document, target: Path) -> None:
    """Write a document folder (document.xml, articles/) atomically."""
    _write_folder(target, DOCUMENT_FILE, serialize(document_to_xml(doc)), doc.articles)


def write_proposal(proposal: Proposal, folder: Path) -> None:
    """Write a proposal folder (proposal.xml, articles/) atomically."""
    data = serialize(proposal_to_xml(proposal))
    _write_folder(folder, PROPOSAL_FILE, data, proposal.articles)
