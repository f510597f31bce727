"""The mkdocs plugin: a thin adapter that hands the page builders' output to mkdocs.

Declared as the `bylaws` entry point of `mkdocs.plugins`. It reads the
workspace, adds every page as a generated file (`File.generated`), adds the
stylesheet and the search script, builds the nav when `mkdocs.yml` gives
none, and watches the workspace under `mkdocs serve`.
"""

from __future__ import annotations

from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..model import is_rtl
from .build import site_pages
from .escape import Html
from .labels import labels_for
from .nav import site_nav

__all__ = ["ASSETS", "BylawsPlugin", "BylawsPluginConfig"]

# Our assets, where the built site serves them from.
ASSETS = ("bylaws.css", "bylaws.js")
ASSET_DIR = "assets/bylaws"


class BylawsPluginConfig(base.Config):  # type: ignore[no-untyped-call]
    """`plugins: - bylaws: {workspace: drafts, switch: adopted}` in mkdocs.yml."""

    workspace = c.Type(str, default="drafts")
    switch = c.Choice(("adopted", "recommended"), default="adopted")
    nav = c.Type(bool, default=True)
    # The manual in docs/ is written in English: its pages read left to right
    # even on an Arabic site, or punctuation lands at the wrong end of lines.
    manual_lang = c.Type(str, default="en")


class BylawsPlugin(BasePlugin[BylawsPluginConfig]):  # type: ignore[no-untyped-call]
    """Turns the drafts workspace into pages at build time."""

    def __init__(self) -> None:
        self._user_nav: Any = None
        self._manual: set[str] = set()

    def _workspace(self, config: MkDocsConfig) -> Path:
        root = Path(config.config_file_path or ".").parent
        return (root / self.config.workspace).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._user_nav = config.nav
        for name in ASSETS:
            target = (
                config.extra_css if name.endswith(".css") else config.extra_javascript
            )
            uri = f"{ASSET_DIR}/{name}"
            if uri not in [str(x) for x in target]:
                target.append(uri)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        switch: Literal["adopted", "recommended"] = (
            "recommended" if self.config.switch == "recommended" else "adopted"
        )
        site = site_pages(
            self._workspace(config),
            directory_urls=config.use_directory_urls,
            switch=switch,
            have_home=files.get_file_from_path("index.md") is not None,
            language=str(config.theme.get("language") or "en"),
        )
        manual = [f.src_uri for f in files.documentation_pages()]
        self._manual = set(manual)
        for page in site.pages:
            files.append(File.generated(config, page.src_uri, content=page.markdown()))
        for name in ASSETS:
            content = (
                package_files("bylaws.site")
                .joinpath("assets")
                .joinpath(name)
                .read_text("utf-8")
            )
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))
        if self.config.nav and self._user_nav is None:
            config.nav = site_nav(
                "index.md",
                [(title, pages, labels) for title, pages, labels in site.documents],
                manual,
                labels_for(str(config.theme.get("language") or "en")),
            )
        return files

    def on_page_content(
        self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str | None:
        if page.file.src_uri not in self._manual:
            return html
        lang = self.config.manual_lang
        direction = "rtl" if is_rtl(lang) else "ltr"
        # `html` is what mkdocs made of the manual's Markdown: markup already.
        wrapper = Html('<div class="bylaws-manual" dir="{}" lang="{}">{}</div>')
        return str(wrapper.format(direction, lang, Html(html)))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        del builder  # mkdocs passes it by name; the rebuild it runs is enough
        server.watch(str(self._workspace(config)))
        return server
