"""The site's configuration when a workspace has no mkdocs.yml of its own.

`default_mkdocs_yml` is the file `bylaws new` writes, and the configuration
`bylaws site build` and `serve` use when there is none: the same settings as
the sample's mkdocs.yml, with the theme's language and direction taken from
the document. `site_config` hands mkdocs either the user's file or this one.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bylaws.errors import NotFound, UnusableInput
from bylaws.locale import _
from bylaws.model import is_rtl

__all__ = ["SiteConfig", "default_mkdocs_yml", "site_config", "workspace_language"]

CONFIG_NAME = "mkdocs.yml"
WORKSPACE = "drafts"

_TEMPLATE = """\
# The review site. `bylaws site build` and `bylaws site serve` read this file;
# the bylaws plugin turns the texts in drafts/ into pages at build time and
# builds the navigation from them and from the pages you write in docs/
# (there is no `nav:` here on purpose: a page added to docs/ appears by itself).
site_name: {site_name}
docs_dir: {docs_dir}
# A broken link or a missing page stops the build instead of being published.
strict: true
use_directory_urls: true

theme:
  name: material
  # The language of the site's own words (menus, search) and its direction.
  language: {lang}
  direction: {direction}
  # No web fonts: the site must work offline and load nothing from third parties.
  font: false
  features:
    - navigation.sections
    - navigation.indexes
    - navigation.top
    - content.tooltips

plugins:
  # The bylaws plugin adds to the index a copy of every word with diacritics,
  # letter forms and the article folded, so lunr's English trimmer, stop
  # words and stemmer, which would cut Arabic words, are switched off.
  - search:
      lang: en
      pipeline: []
      separator: '[\\s\\-،؛؟.,:;!?()\\[\\]«»"/]+'
  - bylaws:
      # the folder of documents
      workspace: {workspace}
      # which proposals the consolidated draft applies: adopted or recommended
      switch: adopted
      # the language of the pages in docs/ (each document's pages follow its own)
      manual_lang: {lang}

markdown_extensions:
  - toc:
      permalink: true
  - attr_list
  - md_in_html
  - admonition
  - footnotes
  - tables
  - pymdownx.details
  - pymdownx.superfences
"""


def default_mkdocs_yml(
    lang: str,
    site_name: str,
    *,
    docs_dir: str = "docs",
    workspace: str = WORKSPACE,
) -> str:
    """A commented mkdocs.yml for a workspace whose documents are in `lang`."""
    # JSON strings are YAML double-quoted scalars: any title is safe as it is.
    return _TEMPLATE.format(
        site_name=json.dumps(site_name, ensure_ascii=False),
        docs_dir=json.dumps(docs_dir, ensure_ascii=False),
        workspace=json.dumps(workspace, ensure_ascii=False),
        lang=json.dumps(lang),
        direction="rtl" if is_rtl(lang) else "ltr",
    )


def workspace_language(workspace: Path) -> tuple[str, str]:
    """The language and title of the first document in a workspace.

    Raises:
        NotFound: the folder holds no document.
    """
    from bylaws.site.sources import load_workspace

    for bundle in load_workspace(workspace):
        meta = bundle.doc.meta
        return bundle.doc.lang, meta.short_title or meta.title
    raise NotFound(
        _(
            "no mkdocs.yml here and no document in drafts/ to make a site of (start one with `bylaws new`, or name a config with -f)"
        ),
        str(workspace),
    )


@dataclass(frozen=True)
class SiteConfig:
    """What to hand mkdocs: the file to read, and where it counts as living."""

    read_from: Path
    # mkdocs resolves docs_dir and the plugin's workspace against this path.
    config_file_path: Path
    embedded: bool
    # The workspace's top folder: where a site built from the default goes.
    root: Path


@contextmanager
def site_config(
    config_file: Path | None, root: Path | None = None
) -> Iterator[SiteConfig]:
    """The user's mkdocs.yml, or the embedded default while the block runs.

    An explicitly named file must exist; with none named, `ROOT/mkdocs.yml`
    is used when present, else a default for the language of `ROOT/drafts`.

    Raises:
        UnusableInput: a named file that does not exist.
        NotFound: no mkdocs.yml and no document to make a site of.
    """
    if config_file is not None:
        if not config_file.is_file():
            raise UnusableInput(_("no mkdocs.yml here"), str(config_file))
        resolved = config_file.resolve()
        yield SiteConfig(config_file, resolved, embedded=False, root=resolved.parent)
        return
    root = (root or Path(".")).resolve()
    found = root / CONFIG_NAME
    if found.is_file():
        yield SiteConfig(found, found, embedded=False, root=root)
        return
    lang, title = workspace_language(root / WORKSPACE)
    with tempfile.TemporaryDirectory(prefix="bylaws-site-") as scratch:
        docs = root / "docs"
        if not docs.is_dir():
            # mkdocs needs a docs folder; an empty one leaves only generated pages.
            docs = Path(scratch) / "docs"
            docs.mkdir()
        # Every path in it is absolute: the file lives in a scratch folder,
        # and mkdocs serve watches it there.
        written = Path(scratch) / CONFIG_NAME
        text = default_mkdocs_yml(
            lang, title, docs_dir=str(docs), workspace=str(root / WORKSPACE)
        )
        written.write_text(text, encoding="utf-8")
        yield SiteConfig(written, written, embedded=True, root=root)
