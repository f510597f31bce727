"""The file layer of the site: a workspace on disk to pages, files or a built site.

`site_pages` is what the plugin serves; `write_markdown` writes the same pages
as files (for `bylaws site markdown`); `build` and `serve` run mkdocs itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from bylaws.errors import UnusableInput
from bylaws.locale import _
from bylaws.workspace import write_atomic

from .defaults import site_config
from .escape import Html
from .integration import Switch
from .labels import Labels, labels_for
from .pages import SitePage, document_pages
from .pages.status import status_section
from .sources import load_workspace
from .urls import SiteUrls

__all__ = ["SiteBuild", "build", "serve", "site_pages", "write_markdown"]


@dataclass(frozen=True)
class SiteBuild:
    """Every generated page, and each document's pages with its title and labels."""

    pages: tuple[SitePage, ...]
    documents: tuple[tuple[str, Sequence[SitePage], Labels], ...]


def _home(
    documents: Sequence[tuple[str, str, Labels, Html]],
    language: str,
    directory_urls: bool,
) -> SitePage:
    """The landing page: each document, what is before which body, the ways in."""
    labels = labels_for(language)
    sections: list[Html] = []
    for doc_id, title, doc_labels, status in documents:
        urls = SiteUrls(doc_id, directory_urls)
        entries = (
            (doc_labels["text"], urls.home()),
            (doc_labels["proposals"], urls.proposals()),
            (doc_labels["consolidated"], urls.consolidated()),
            (doc_labels["collisions"], urls.collisions()),
            (doc_labels["disposition"], urls.disposition()),
        )
        items = Html().join(
            Html('<li><a href="{}">{}</a></li>').format(
                urls.link("index.md", target), name
            )
            for name, target in entries
        )
        sections.append(
            Html(
                '<section class="bylaws-home-document"><h2>{}</h2>{}<ul>{}</ul></section>'
            ).format(title, status, items)
        )
    body = Html("<h1>{}</h1>{}").format(labels["documents"], Html().join(sections))
    return SitePage("index.md", labels["documents"], body, "", labels.lang, labels.rtl)


def site_pages(
    workspace: Path,
    *,
    directory_urls: bool = True,
    switch: Switch = "adopted",
    have_home: bool = True,
    language: str = "ar",
    comments_to: str = "",
) -> SiteBuild:
    """All pages of a workspace; a home page too when the manual has none."""
    pages: list[SitePage] = []
    documents: list[tuple[str, Sequence[SitePage], Labels]] = []
    found: list[tuple[str, str, Labels, Html]] = []
    for bundle in load_workspace(workspace):
        doc_pages = document_pages(
            bundle,
            directory_urls=directory_urls,
            switch=switch,
            comments_to=comments_to,
        )
        pages.extend(doc_pages)
        meta = bundle.doc.meta
        title = meta.short_title or meta.title
        labels = labels_for(bundle.doc.lang)
        documents.append((title, doc_pages, labels))
        found.append(
            (
                bundle.doc.id,
                title,
                labels,
                status_section(bundle, labels, "index.md", directory_urls),
            )
        )
    if not have_home:
        pages.insert(0, _home(found, language, directory_urls))
    return SiteBuild(tuple(pages), tuple(documents))


def write_markdown(
    workspace: Path, out: Path, *, switch: Switch = "adopted"
) -> list[Path]:
    """Write every page as a Markdown file under `out`; the paths written."""
    written: list[Path] = []
    for page in site_pages(workspace, switch=switch).pages:
        target = out / page.src_uri
        write_atomic(target, page.markdown().encode("utf-8"))
        written.append(target)
    # The plugin adds these itself; a build without it needs them as files.
    for name in ("bylaws.css", "bylaws.js", "file-worker.js"):
        target = out / "assets" / "bylaws" / name
        content = (
            package_files("bylaws.site").joinpath("assets").joinpath(name).read_bytes()
        )
        write_atomic(target, content)
        written.append(target)
    return written


def build(
    config_file: Path | None,
    *,
    strict: bool = False,
    site_dir: Path | None = None,
    offline: bool = False,
    root: Path | None = None,
) -> Path:
    """Build the site with mkdocs; the folder it was written to.

    With no `config_file`, ROOT's mkdocs.yml, or the embedded default when
    there is none. `offline` builds pages that open from the file system
    (links to `.html` files rather than folders).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    overrides: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    if offline:
        overrides["use_directory_urls"] = False
    with site_config(config_file, root) as found:
        if found.embedded and site_dir is None:
            overrides["site_dir"] = str(found.root / "site")
        try:
            config = load_config(
                str(found.read_from),
                config_file_path=str(found.config_file_path),
                **overrides,
            )
            mkdocs_build(config)
        except MkDocsException as exc:
            raise UnusableInput(
                _("the site did not build: {reason}"),
                str(found.config_file_path),
                reason=str(exc),
            ) from None
    return Path(config.site_dir)


def serve(
    config_file: Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    root: Path | None = None,
) -> None:
    """Serve the site with live reload, rebuilding when the drafts change."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    with site_config(config_file, root) as found:
        mkdocs_serve(
            str(found.read_from),
            dev_addr=f"{host}:{port}",
            livereload=True,
            config_file_path=str(found.config_file_path),
        )
