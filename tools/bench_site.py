"""The two sites the site benchmark builds: with the bylaws plugin, and without.

`configs(folder, old, new)` writes a workspace (the old text with 20 proposals
towards the new one) and two mkdocs configurations: one builds it through the
bylaws plugin; the other builds the very pages the plugin makes, written as
Markdown files, with the same theme, search and nav. What the first costs
beyond the second is what the plugin adds: reading, diffing and writing.
"""

from __future__ import annotations

import json
from pathlib import Path

from gen_corpus import write
from gen_proposals import write_proposals

from bylaws.model import Document
from bylaws.site import site_pages, write_markdown
from bylaws.site.labels import labels_for
from bylaws.site.nav import site_nav


def _config(
    folder: Path, docs: Path, plugins: list[object], nav: object = None
) -> Path:
    config: dict[str, object] = {
        "site_name": "bench",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {
            "name": "material",
            "language": "ar",
            "direction": "rtl",
            "font": False,
        },
        "plugins": plugins,
        "markdown_extensions": ["toc", "attr_list", "md_in_html"],
    }
    if nav is not None:
        # Without a nav mkdocs lists every page in every page's sidebar, which
        # costs more than everything else; the plugin gives one.
        config["nav"] = nav
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


def configs(folder: Path, old: Document, new: Document) -> tuple[Path, Path]:
    """The plugin's mkdocs.yml and the plain one, ready to build."""
    drafts = folder / "drafts"
    write(old, drafts / old.id)
    write_proposals(old, new, drafts / old.id, 20)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    search = {"search": {"lang": "en", "pipeline": []}}
    plugin = _config(
        folder / "plugin",
        folder / "docs",
        [search, {"bylaws": {"workspace": str(drafts)}}],
    )
    built = site_pages(drafts, have_home=False)
    nav = site_nav(None, list(built.documents), [], labels_for("ar"))
    plain_docs = folder / "plain-docs"
    write_markdown(drafts, plain_docs)
    plain = _config(folder / "plain", plain_docs, [search], nav)
    return plugin, plain
