"""Every rule of `bylaws check`: each returns Problems, none raises for bad files.

A file that cannot be read is one problem and the check goes on with the
rest, so a drafter sees every mistake in one run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .. import xmlio
from ..diff.memory import paused_collector
from ..locale import _, language_of
from ..model import (
    Document,
    SourceLoc,
)
from ..numbering.places import misplaced_words
from ..review import review_problems
from ..workspace import (
    ARCHIVE,
    ARTICLES,
    DOCUMENT_FILE,
    FEEDBACK,
    PREVIOUS,
    PROPOSAL_FILE,
    VERSION_FILE,
    DiskTree,
    Tree,
    document_folders_for,
    proposal_folders,
)
from .files import Referrer, Report, _load_articles, _problem, _read, reference_problems
from .outline_rules import outline_problems
from .place_rules import misplaced, place_problems, worded_articles
from .proposal_rules import feedback_problems, proposal_problems

__all__ = [
    "Report",
    "check_document",
    "check_paths",
    "outline_problems",
    "proposal_problems",
    "reference_problems",
]


def check_document(tree: Tree, folder: PurePosixPath, report: Report) -> None:
    """Every rule on one document folder, its proposals and its feedback."""
    report.unreadable = set()
    parsed = _read(tree, folder / DOCUMENT_FILE, "document", report)
    files = _load_articles(tree, folder, report)
    articles = files.articles
    if parsed is None:
        return
    doc = xmlio.document_from_xml(parsed.root, articles, parsed.path, parsed.data)
    report.languages.append(language_of(doc))
    report.problems.extend(
        outline_problems(
            doc, tree.display(folder / ARTICLES), frozenset(report.unreadable)
        )
    )
    report.problems.extend(reference_problems(doc, files.with_references))
    referrers: dict[str, list[Referrer]] = {}
    for file in files.with_references:
        for to in dict.fromkeys(file.targets):
            target = to.partition("/")[0]
            if target != file.article:
                referrers.setdefault(target, []).append((file.article, to))
    worded = worded_articles(files.with_references)
    findings = list(misplaced_words(doc, worded))
    report.problems.extend(place_problems(doc, findings))
    wrong = misplaced(findings)
    proposed = {
        proposal.name: proposal_problems(
            tree, doc, proposal, report, referrers, worded, wrong
        )
        for proposal in proposal_folders(tree, folder)
    }
    feedback_problems(tree, doc, folder, report, proposed)
    archive_problems(tree, doc, folder, report)


def archive_problems(
    tree: Tree, doc: Document, folder: PurePosixPath, report: Report
) -> None:
    """The archive is history: every file must be valid and every archived
    proposal's reviews possible, but nothing in it is applied again."""
    base = folder / ARCHIVE
    for version in tree.list_dir(base):
        here = base / version
        if not tree.is_dir(here):
            continue
        if not tree.is_file(here / VERSION_FILE):
            report.problems.append(
                _problem(
                    SourceLoc(tree.display(here)),
                    _(
                        "archived version {version} has no {file} (its label and date); `bylaws adopt` writes one"
                    ),
                    "warning",
                    version=version,
                    file=VERSION_FILE,
                )
            )
        _load_articles(tree, here / PREVIOUS, report)
        for rel in proposal_folders(tree, here):
            parsed = _read(tree, rel / PROPOSAL_FILE, "proposal", report)
            files = _load_articles(tree, rel, report)
            if parsed is not None:
                proposal = xmlio.proposal_from_xml(
                    parsed.root, files.articles, parsed.path, parsed.data
                )
                report.problems.extend(review_problems(doc, proposal))
        for name in tree.list_dir(here / FEEDBACK):
            if name.endswith(".xml"):
                _read(tree, here / FEEDBACK / name, "feedback", report)


def check_paths(paths: Iterable[Path]) -> Report:
    """Check the documents at or above/below the given paths, each once.

    Raises NotFound when a path holds no document at all (unusable input).
    """
    report = Report()
    folders: dict[Path, None] = {}
    for path in paths:
        folders.update(dict.fromkeys(document_folders_for(path)))
    # Thousands of parsed trees stay alive and hold no cycles: the cyclic
    # collector's passes over them would only cost time.
    with paused_collector():
        for folder in folders:
            check_document(DiskTree(folder), PurePosixPath(), report)
    return report
