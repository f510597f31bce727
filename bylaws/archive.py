"""The archive of a document: what each `bylaws adopt` retired, version by version.

```
<document>/archive/<version>/version.txt          the label and the date adopted
<document>/archive/<version>/instrument.txt       the amending text as adopted
<document>/archive/<version>/proposals/<id>/      the proposals put into force
<document>/archive/<version>/feedback/*.xml       the comments on them
<document>/archive/<version>/previous/articles/   each article text they replaced
```

The archive is history: `check` validates it but never applies it, and the
listings (`feedback`, `disposition`) read it to answer what was said and
decided before. `previous/` lets a proposal drafted before an adoption find
the text it was drafted against.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .errors import UnusableInput
from .locale import _
from .model import Comment, Proposal
from .values import Value, value_class
from .workspace import ARCHIVE as ARCHIVE  # the layout is the workspace's
from .workspace import ARTICLES, ROOT, Tree, load_feedback, load_proposals
from .workspace import PREVIOUS as PREVIOUS
from .workspace import VERSION_FILE as VERSION_FILE

INSTRUMENT_FILE = "instrument.txt"


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Version(Value):
    """One archived version: its folder name (the label) and adoption date."""

    label: str
    date: str


def check_label(label: str) -> None:
    """A version label must be usable as one folder name."""
    if (
        not label.strip()
        or label != label.strip()
        or label.startswith(".")
        or any(c in label for c in '/\\:*?"<>|\0')
    ):
        raise UnusableInput(
            _(
                "{label!r} cannot be a version label: it names a folder of the archive (no slashes, no leading dot, no leading or trailing spaces)"
            ),
            label=label,
        )


def version_text(version: Version) -> str:
    return f"{version.label}\n{version.date}\n"


def archived(tree: Tree, folder: PurePosixPath = ROOT) -> list[Version]:
    """The archived versions of a document, oldest first."""
    found: list[Version] = []
    base = folder / ARCHIVE
    for name in tree.list_dir(base):
        rel = base / name / VERSION_FILE
        date = ""
        if tree.is_file(rel):
            lines = tree.read_bytes(rel).decode("utf-8", "replace").splitlines()
            date = lines[1].strip() if len(lines) > 1 else ""
        if tree.is_dir(base / name):
            found.append(Version(name, date))
    return sorted(found, key=lambda v: (v.date, v.label))


def archived_versions(doc_folder: Path) -> list[str]:
    """The labels of a document's archived versions on disk, oldest first."""
    from .workspace import DiskTree

    return [v.label for v in archived(DiskTree(doc_folder))]


def archive_folder(doc_folder: Path, label: str) -> Path:
    return doc_folder / ARCHIVE / label


def previous_articles_folder(doc_folder: Path, label: str) -> Path:
    return archive_folder(doc_folder, label) / PREVIOUS / ARTICLES


def archived_proposals(
    tree: Tree, label: str, folder: PurePosixPath = ROOT
) -> list[Proposal]:
    """The proposals one version put into force."""
    return load_proposals(tree, folder / ARCHIVE / label)


def archived_feedback(
    tree: Tree, label: str, folder: PurePosixPath = ROOT
) -> list[Comment]:
    """The comments retired with one version."""
    return load_feedback(tree, folder / ARCHIVE / label)
