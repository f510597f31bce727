"""Writing comments into a document's feedback files (the file layer).

One file per body (a branch, a committee): a comment from a body goes into
the file that already holds that body's comments, or a new one named after
it. Every writer of comments — `bylaws feedback add`, an import of e-mails —
calls `add_comments`, under the workspace lock.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from . import xmlio
from .archive import ARCHIVE
from .atomic import write_file
from .errors import InvalidOperation, NotFound
from .locale import _
from .model import Comment, Document, Ref
from .numbering import resolve_ref_path
from .validation import load_root
from .workspace import FEEDBACK, DiskTree, Tree, load_feedback

_ROOT = PurePosixPath()

# A file name a person can type for a body named in Arabic: one Latin letter
# (or two) per Arabic letter; short vowels and shadda are dropped.
_ARABIC_TO_LATIN = str.maketrans(
    {
        **dict.fromkeys("اأإآٱى", "a"),
        "ب": "b",
        "ت": "t",
        "ث": "th",
        "ج": "j",
        "ح": "h",
        "خ": "kh",
        "د": "d",
        "ذ": "dh",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "sh",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": "",
        "غ": "gh",
        "ف": "f",
        "ق": "q",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "ة": "a",
        "و": "w",
        "ي": "y",
        "ء": "",
        "ؤ": "w",
        "ئ": "y",
        **dict.fromkeys("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640", ""),
    }
)


def _file_comments(tree: Tree, rel: PurePosixPath) -> list[Comment]:
    data = tree.read_bytes(rel)
    root = load_root(data, tree.display(rel), "feedback")
    return xmlio.feedback_from_xml(root, tree.display(rel), data)


def feedback_file_for(doc_folder: Path, body: str) -> Path:
    """The feedback file of a body: the one holding its comments, else a new name."""
    tree = DiskTree(doc_folder)
    folder = PurePosixPath(FEEDBACK)
    for name in tree.list_dir(folder):
        if name.endswith(".xml") and any(
            c.body == body for c in _file_comments(tree, folder / name)
        ):
            return doc_folder / FEEDBACK / name
    latin = body.lower().translate(_ARABIC_TO_LATIN)
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if not slug:  # a script with no Latin letters: a short stable stand-in
        slug = "body-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]
    return doc_folder / FEEDBACK / f"{slug}.xml"


def _all_ids(doc_folder: Path) -> set[str]:
    tree = DiskTree(doc_folder)
    ids = {c.id for c in load_feedback(tree, _ROOT)}
    for version in tree.list_dir(PurePosixPath(ARCHIVE)):
        ids |= {c.id for c in load_feedback(tree, PurePosixPath(ARCHIVE) / version)}
    return ids


def fresh_id(taken: set[str], on: str) -> str:
    """A comment id not used yet in the document or its archive: fb-<article>-<n>."""
    stem = "fb-" + on.split("/")[0].removeprefix("art-")
    n = 1
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"


def check_anchor(doc: Document, proposed: Document | None, comment: Comment) -> None:
    """A comment must point to a place of the text in force, or of the text its
    proposal makes (an article the proposal inserts)."""
    for target in (proposed, doc):
        if target is None:
            continue
        try:
            resolve_ref_path(target, Ref(comment.on))
        except NotFound:
            continue
        return
    if comment.proposal:
        raise InvalidOperation(
            _(
                "there is no {on} in the text in force or in proposal {proposal}; give an article id, optionally with /para-N (and /point-N)"
            ),
            on=comment.on,
            proposal=comment.proposal,
        )
    raise InvalidOperation(
        _(
            "there is no {on} in the text in force; give an article id, optionally with /para-N (and /point-N)"
        ),
        on=comment.on,
    )


def add_comments(
    doc_folder: Path, comments: list[Comment]
) -> list[tuple[Comment, Path]]:
    """Append comments to their bodies' feedback files, each with a fresh id
    where it has none; every file is rewritten atomically.

    Returns:
        Each comment as written, with the file it went into.
    """
    taken = _all_ids(doc_folder)
    written: list[tuple[Comment, Path]] = []
    by_file: dict[Path, list[Comment]] = {}
    for comment in comments:
        if not comment.id or comment.id in taken:
            comment = replace(comment, id=fresh_id(taken, comment.on))
        taken.add(comment.id)
        path = feedback_file_for(doc_folder, comment.body)
        by_file.setdefault(path, []).append(comment)
        written.append((comment, path))
    for path, new in by_file.items():
        tree = DiskTree(path.parent)
        old = _file_comments(tree, PurePosixPath(path.name)) if path.is_file() else []
        write_file(path, xmlio.serialize(xmlio.feedback_to_xml([*old, *new])))
    return written
