"""`bylaws adopt`: put the finally adopted proposals into force, in one step.

Everything is computed first — the consolidated text (each amendment merged
three ways against its own base), the instrument, which comments retire —
and a collision or any other error stops the command before a byte is
written. Then the document folder is rebuilt beside itself and swapped in
with one rename: the new text in force, the new version and date, and
`archive/<version>/` holding the adopted proposals, the feedback on them, the
instrument and the article texts they replaced.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from . import xmlio
from .archive import (
    ARCHIVE,
    INSTRUMENT_FILE,
    PREVIOUS,
    VERSION_FILE,
    Version,
    check_label,
    version_text,
)
from .atomic import replace_folder
from .bases import bases_for
from .errors import BylawsError, InvalidOperation, NotFound
from .locale import _
from .model import Comment, Document, Proposal, Ref
from .numbering import resolve_ref_path
from .proposals import consolidate
from .review import check_stage
from .workspace import (
    ARTICLES,
    DOCUMENT_FILE,
    FEEDBACK,
    PROPOSALS,
    DiskTree,
    load_document,
    load_proposals,
    proposal_folders,
)

ROOT = PurePosixPath()


def _final_decision_date(proposal: Proposal) -> str:
    dates = [r.decision.date for r in proposal.reviews if r.decision is not None]
    return dates[-1] if dates else ""


def finally_adopted(doc: Document, proposals: list[Proposal]) -> list[Proposal]:
    """The proposals the last stage adopted, in the order they were adopted."""
    adopted = [p for p in proposals if check_stage(doc, p).outcome == "adopted"]
    return sorted(adopted, key=lambda p: (_final_decision_date(p), p.id))


def texts_to_apply(
    doc: Document, adopted: list[Proposal], proposals: list[Proposal]
) -> list[Proposal]:
    """What goes into force: each adopted proposal, or for an adoption "as
    modified" the proposal it names as the text adopted instead."""
    by_id = {p.id: p for p in proposals}
    out: list[Proposal] = []
    for proposal in adopted:
        last = check_stage(doc, proposal).last
        if last is not None and last.verdict == "adopt-modified" and last.modified:
            if last.modified not in by_id:
                loc = proposal.loc
                raise NotFound(
                    _(
                        "proposal {proposal} was adopted as modified by {modified}, which is not among the proposals"
                    ),
                    loc.path if loc else None,
                    loc.line if loc else None,
                    proposal=proposal.id,
                    modified=last.modified,
                )
            proposal = by_id[last.modified]
        if proposal not in out:
            out.append(proposal)
    return out


def consolidate_on_disk(
    doc_folder: Path, doc: Document, proposals: list[Proposal]
) -> Document:
    """The text in force with the proposals applied in order, each amendment
    merged three ways against the text it was drafted against."""
    return consolidate(doc, proposals, bases_for(doc_folder, doc, proposals))


# --- which comments retire ---------------------------------------------------------


def _resolves(doc: Document, address: str) -> bool:
    try:
        resolve_ref_path(doc, Ref(address))
    except BylawsError:
        return False
    return True


def retires(comment: Comment, retired: set[str], new: Document) -> bool:
    """A comment goes to the archive with the proposal it discusses, or when
    the place it points to is gone from the new text."""
    if comment.proposal is not None:
        return comment.proposal in retired
    return not _resolves(new, comment.on)


@dataclass(frozen=True)
class FeedbackFile:
    name: str
    comments: tuple[Comment, ...]


def _feedback_files(tree: DiskTree) -> list[FeedbackFile]:
    from .validation import load_root

    files: list[FeedbackFile] = []
    base = PurePosixPath(FEEDBACK)
    for name in tree.list_dir(base):
        if not name.endswith(".xml"):
            continue
        rel = base / name
        data = tree.read_bytes(rel)
        root = load_root(data, tree.display(rel), "feedback")
        files.append(
            FeedbackFile(
                name, tuple(xmlio.feedback_from_xml(root, tree.display(rel), data))
            )
        )
    return files


def _feedback_bytes(comments: tuple[Comment, ...]) -> bytes:
    return xmlio.serialize(xmlio.feedback_to_xml(comments))


# --- the adoption ------------------------------------------------------------------


@dataclass(frozen=True)
class Adoption:
    """What `adopt` did: the version, the proposals archived, the new text, and
    the open proposals whose amended articles moved (article ids)."""

    version: Version
    archived: tuple[str, ...]
    document: Document
    comments_archived: int
    stale: Mapping[str, tuple[str, ...]]


def _folder_files(folder: Path) -> dict[PurePosixPath, bytes]:
    files: dict[PurePosixPath, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            files[PurePosixPath(path.relative_to(folder).as_posix())] = (
                path.read_bytes()
            )
    return files


def _instrument(old: Document, new: Document) -> str:
    """The instrument the body adopted (the published form once it lands)."""
    from .instrument import write_instrument

    return write_instrument(old, new)


def _changed(old: Document, new: Document) -> tuple[set[str], set[str]]:
    """(articles whose file must be written, old article files to drop)."""
    write: set[str] = set()
    for ref, article in new.articles.items():
        if ref not in old.articles or old.articles[ref] != article:
            write.add(ref)
    drop = {ref for ref in old.articles if ref not in new.articles} | write
    return write, drop


@dataclass
class _Plan:
    """Everything an adoption writes, gathered before anything is written."""

    doc_folder: Path
    version_dir: PurePosixPath
    files: dict[PurePosixPath, bytes]
    dropped: set[PurePosixPath]
    comments_archived: int = 0

    def keep(self, rel: PurePosixPath) -> bool:
        """Whether an entry of the old document folder is carried over."""
        return rel not in self.dropped

    def texts(self, old: Document, new: Document) -> None:
        """The new article files, and the texts they replace into previous/."""
        write, drop = _changed(old, new)
        for ref in sorted(write):
            self.files[PurePosixPath(ARTICLES) / f"{ref}.xml"] = xmlio.write_article(
                new.articles[ref]
            )
        for ref in sorted(drop):
            rel = PurePosixPath(ARTICLES) / f"{ref}.xml"
            self.dropped.add(rel)
            source = self.doc_folder / rel
            if source.is_file():
                self.files[self.version_dir / PREVIOUS / rel] = source.read_bytes()

    def proposals(self, tree: DiskTree, retired: set[str]) -> None:
        """The adopted proposals' folders, moved into the archive."""
        for rel in proposal_folders(tree, ROOT):
            if rel.name in retired:
                self.dropped.add(rel)
                for inner, data in _folder_files(self.doc_folder / rel).items():
                    self.files[self.version_dir / PROPOSALS / rel.name / inner] = data

    def feedback(self, tree: DiskTree, retired: set[str], new: Document) -> None:
        """Comments that retire move to the archive's file of the same name."""
        for feedback in _feedback_files(tree):
            gone = tuple(c for c in feedback.comments if retires(c, retired, new))
            if not gone:
                continue
            kept = tuple(c for c in feedback.comments if c not in gone)
            self.comments_archived += len(gone)
            self.files[self.version_dir / FEEDBACK / feedback.name] = _feedback_bytes(
                gone
            )
            rel = PurePosixPath(FEEDBACK) / feedback.name
            self.dropped.add(rel)
            if kept:
                self.files[rel] = _feedback_bytes(kept)


def _version(doc_folder: Path, label: str | None, date: str) -> Version:
    label = label or date
    check_label(label)
    if (doc_folder / ARCHIVE / label).exists():
        raise InvalidOperation(
            _("version {label!r} is archived already; give another with --version"),
            str(doc_folder / ARCHIVE / label),
            label=label,
        )
    return Version(label, date)


def adopt(
    doc_folder: Path, label: str | None, date: str | None, today: str
) -> Adoption:
    """Put every finally adopted proposal of the document at `doc_folder` into force.

    Args:
        label: the version's label (default: the date).
        date: the date the text takes as its version date (default: `today`).

    Raises:
        InvalidOperation: nothing is finally adopted, or the version exists.
        CollisionError: adopted proposals change the same words; nothing written.
    """
    tree = DiskTree(doc_folder)
    doc = load_document(tree)
    proposals = load_proposals(tree, ROOT)
    adopted = finally_adopted(doc, proposals)
    if not adopted:
        raise InvalidOperation(
            _(
                "no proposal is finally adopted (adopted by the decision of the last stage); record the decision with `bylaws rule PROPOSAL --decide adopt`"
            ),
            str(doc_folder),
        )
    version = _version(doc_folder, label, date or today)
    applied = texts_to_apply(doc, adopted, proposals)
    consolidated = consolidate_on_disk(doc_folder, doc, applied)
    instrument = _instrument(doc, consolidated)
    new = replace(
        consolidated,
        meta=replace(consolidated.meta, version=version.label, date=version.date),
    )
    retired = {p.id for p in adopted} | {p.id for p in applied}
    version_dir = PurePosixPath(ARCHIVE) / version.label
    plan = _Plan(
        doc_folder,
        version_dir,
        {
            PurePosixPath(DOCUMENT_FILE): xmlio.serialize(xmlio.document_to_xml(new)),
            version_dir / VERSION_FILE: version_text(version).encode(),
            version_dir / INSTRUMENT_FILE: instrument.encode("utf-8"),
        },
        set(),
    )
    plan.texts(doc, new)
    plan.proposals(tree, retired)
    plan.feedback(tree, retired, new)
    replace_folder(doc_folder, plan.files, plan.keep)

    from .proposal_files import stale_articles

    after = DiskTree(doc_folder)
    stale = {
        p.id: tuple(found)
        for p in load_proposals(after, ROOT)
        if (found := stale_articles(after, p))
    }
    return Adoption(version, tuple(sorted(retired)), new, plan.comments_archived, stale)
