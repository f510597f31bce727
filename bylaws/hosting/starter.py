"""`bylaws new`: a workspace in one command, ready to edit, check, publish and commit.

It writes a document (imported from a file, or one article to start from), the
site's mkdocs.yml and home page, a .gitignore, the pre-commit configuration and,
when asked, the CI file of a git host; then `git init` unless the folder is
already inside a repository. Every file goes through the atomic writer, and a
folder that holds anything already is refused.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from bylaws.errors import UnusableInput
from bylaws.locale import _, cli_language, is_arabic, say, tr
from bylaws.site.defaults import default_mkdocs_yml
from bylaws.site.labels import labels_for
from bylaws.workspace import write_atomic

__all__ = ["NewWorkspace", "new_workspace"]

# A folder counts as fresh when it holds nothing, or only a repository of its own
# made a moment ago with `git init`.
_FRESH = {".git"}

GITIGNORE = """\
# The site that `bylaws site build` writes, its offline copy, GitLab's build of it
/site/
/site-offline/
/public/
# The CI's redline and packets, when run on a machine
/redline/
/packets/
# Python
.venv/
__pycache__/
# bylaws' temporary files: every write goes to a hidden .NAME.XXXX.tmp beside
# the file, renamed over it when complete; a crash can leave one behind
*.tmp
.bylaws-*
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com) runs these before each commit:
#   pip install pre-commit && pre-commit install
# They use the bylaws installed on your machine (`language: system`).
repos:
  - repo: local
    hooks:
      - id: bylaws-check
        name: bylaws check
        # schema, ids, references, numbering and proposals of the changed files
        entry: bylaws check
        language: system
        files: '(^|/)(document|proposal)\\.xml$|/(articles|feedback)/[^/]+\\.xml$'
      - id: bylaws-fmt
        name: bylaws fmt --check
        # fails when a file is not in canonical form; `bylaws fmt` fixes it
        entry: bylaws fmt --check
        language: system
        files: '(^|/)(document|proposal)\\.xml$|/(articles|feedback)/[^/]+\\.xml$'
"""


# The starter document and home page, in the workspace's language.
TITLE = _("Rules")
HEADING = _("General provisions")
ARTICLE_TEXT = _(
    "Write the text of this article here, and add the articles that follow it, "
    "one file each."
)
HOME_TEXT = _(
    "The review site of the {title}: the text in force, each amendment proposal "
    "compared with it word by word, and the consolidated draft."
)


def _home_page(lang: str, title: str, doc: str) -> str:
    """docs/index.md: what the site is, and the ways into the document."""
    labels = labels_for(lang)
    return (
        f"# {title}\n\n{tr(HOME_TEXT, lang, title=title)}\n\n"
        f"- [{labels['text']}]({doc}/index.md)\n"
        f"- [{labels['proposals']}]({doc}/proposals/index.md)\n"
    )


def _document_xml(doc_id: str, lang: str, title: str) -> str:
    # No <stages>: the document has the default review stages until it names its own.
    style = "words" if is_arabic(lang) else "digits"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<document xmlns="urn:bylaws:1" id="{doc_id}" xml:lang="{xml_escape(lang)}" '
        f'numbering="auto" style="{style}">'
        f"<meta><title>{xml_escape(title)}</title></meta>"
        '<outline><article ref="art-general"/></outline></document>\n'
    )


def _article_xml(lang: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<article xmlns="urn:bylaws:1" id="art-general">'
        f"<heading>{xml_escape(tr(HEADING, lang))}</heading>"
        f"<paragraph><p>{xml_escape(tr(ARTICLE_TEXT, lang))}</p></paragraph></article>\n"
    )


@dataclass(frozen=True)
class _MadeDocument:
    folder: Path
    written: tuple[Path, ...]
    lang: str
    title: str
    warnings: tuple[str, ...] = ()


def _imported_document(
    root: Path, source: Path, doc_id: str | None, lang: str | None
) -> _MadeDocument:
    """The document imported from a file; a file that does not import writes nothing."""
    from bylaws.importers import import_file, write_document
    from bylaws.importers.builder import slugify

    result = import_file(source, None, doc_id or slugify(source.stem), lang)
    document = result.document
    folder = root / "drafts" / document.id
    written = write_document(document, folder)
    return _MadeDocument(
        folder,
        tuple(written),
        document.lang,
        document.meta.short_title or document.meta.title,
        tuple(
            f"{source}:{w.line}: warning: {w.text(cli_language(document))}"
            for w in result.warnings
        ),
    )


def _starter_document(
    root: Path, doc_id: str | None, lang: str, title: str | None
) -> _MadeDocument:
    """A document of one article to start from, in canonical form."""
    from bylaws.fmt import format_paths
    from bylaws.importers.builder import slugify

    doc_id = doc_id or "regulations"
    if slugify(doc_id) != doc_id:
        raise UnusableInput(
            _(
                "{doc_id!r} is not a usable id: use lower-case letters, digits and hyphens"
            ),
            doc_id=doc_id,
        )
    title = title or tr(TITLE, lang)
    folder = root / "drafts" / doc_id
    article = folder / "articles" / "art-general.xml"
    write_atomic(article, _article_xml(lang).encode("utf-8"))
    document = folder / "document.xml"
    write_atomic(document, _document_xml(doc_id, lang, title).encode("utf-8"))
    format_paths([folder])
    return _MadeDocument(folder, (article, document), lang, title)


@dataclass(frozen=True)
class NewWorkspace:
    """What `new_workspace` made."""

    root: Path
    document: Path
    written: tuple[Path, ...]
    git_initialised: bool
    warnings: tuple[str, ...] = ()


def _refuse_used_folder(root: Path) -> None:
    if root.is_symlink():
        raise UnusableInput(_("is a symbolic link; give a real folder"), str(root))
    if root.exists() and not root.is_dir():
        raise UnusableInput(_("exists and is not a folder"), str(root))
    if root.is_dir():
        used = sorted(p.name for p in root.iterdir() if p.name not in _FRESH)
        if used:
            names = ", ".join(used[:3]) + (", …" if len(used) > 3 else "")
            raise UnusableInput(
                _("is not empty (it holds {names}); give a new or empty folder"),
                str(root),
                names=names,
            )


def _inside_repository(folder: Path) -> bool:
    done = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def new_workspace(
    root: Path,
    *,
    lang: str | None = None,
    source: Path | None = None,
    doc_id: str | None = None,
    title: str | None = None,
    host: str | None = None,
) -> NewWorkspace:
    """Make a new workspace in `root` (a new or empty folder).

    Args:
        lang: the document's language (default: guessed from `source` when
            importing, else Arabic).
        source: a text to import as the document (text, Markdown, Word, Akoma Ntoso).
        doc_id: the document's id (default: from the source's name, else "regulations").
        title: the site's and a new document's title.
        host: also write this git host's CI file (github, gitlab, forgejo).

    Raises:
        UnusableInput: a folder that is not new, a source that does not import.
    """
    _refuse_used_folder(root)
    if source is not None:
        made = _imported_document(root, source, doc_id, lang)
    else:
        made = _starter_document(root, doc_id, lang or "ar", title)
    folder, written, lang = made.folder, list(made.written), made.lang
    site_title = title or made.title
    warnings = list(made.warnings)
    files = {
        root / "mkdocs.yml": default_mkdocs_yml(lang, site_title),
        root / "docs" / "index.md": _home_page(lang, site_title, folder.name),
        root / ".gitignore": GITIGNORE,
        root / ".pre-commit-config.yaml": PRE_COMMIT,
    }
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    if host is not None:
        from bylaws.hosting.ci import write_ci

        written.append(write_ci(root, host))
    initialised = False
    try:
        if not _inside_repository(root):
            subprocess.run(
                ["git", "init", "-q", str(root)], check=True, capture_output=True
            )
            initialised = True
    except (OSError, subprocess.CalledProcessError):
        warnings.append(
            f"{root}: warning: "
            + say(_("git is not available; run `git init` in the folder yourself"))
        )
    return NewWorkspace(root, folder, tuple(written), initialised, tuple(warnings))
