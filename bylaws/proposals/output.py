"""Writing a whole document or proposal folder atomically (via `bylaws.atomic`).

The new tree is built beside the target and swapped in with one rename, so the
target holds either the old text or the whole new one. What the folder holds
besides its main file and its article files (proposals/, feedback/, archive/,
notes of the drafters) is carried over untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from ..atomic import replace_folder, swap_in
from ..model import Article, Document, Proposal
from ..workspace import ARTICLES, DOCUMENT_FILE, PROPOSAL_FILE
from ..xmlio import article_to_xml, document_to_xml, proposal_to_xml, serialize

_ARTICLES = PurePosixPath(ARTICLES)


def _not_an_article_file(rel: PurePosixPath) -> bool:
    """Old article files give way to the new set; anything else stays."""
    return not (rel.parent == _ARTICLES and rel.suffix == ".xml")


def folder_files(
    main_file: str, main_bytes: bytes, articles: Mapping[str, Article]
) -> dict[PurePosixPath, bytes]:
    """The files of a document or proposal folder: its main file and articles/."""
    files = {PurePosixPath(main_file): main_bytes}
    for ref, article in sorted(articles.items()):
        files[_ARTICLES / f"{ref}.xml"] = serialize(article_to_xml(article))
    return files


def write_document(doc: Document, target: Path) -> None:
    """Write a document folder (document.xml, articles/) atomically."""
    data = serialize(document_to_xml(doc))
    replace_folder(
        target, folder_files(DOCUMENT_FILE, data, doc.articles), _not_an_article_file
    )


def write_proposal(proposal: Proposal, folder: Path) -> None:
    """Write a proposal folder (proposal.xml, articles/) atomically."""
    data = serialize(proposal_to_xml(proposal))
    replace_folder(
        folder,
        folder_files(PROPOSAL_FILE, data, proposal.articles),
        _not_an_article_file,
    )


__all__ = ["folder_files", "swap_in", "write_document", "write_proposal"]
