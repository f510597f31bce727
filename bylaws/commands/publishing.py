"""`bylaws site build|serve|markdown`: the review site through mkdocs and the plugin."""

from __future__ import annotations

from pathlib import Path

import click

from ..locale import _, say

CONFIG_OPTION = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The site's mkdocs.yml.",
)


@click.group("site")
def site_command() -> None:
    """The review site: the text in force, proposals as redlines, the consolidated draft."""


@site_command.command("build")
@CONFIG_OPTION
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where to write the site (mkdocs.yml's site_dir by default).",
)
@click.option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help="Stop on any warning (a broken link, a missing page).",
)
def build_command(config_file: Path, site_dir: Path | None, strict: bool) -> None:
    """Build the site into a folder of static HTML."""
    from ..site import build

    out = build(config_file, strict=strict, site_dir=site_dir)
    click.echo(say(_("built the site in {path}"), path=out))


@site_command.command("serve")
@CONFIG_OPTION
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve_command(config_file: Path, host: str, port: int) -> None:
    """Serve the site locally, rebuilding whenever the drafts change."""
    from ..site import serve

    serve(config_file, host=host, port=port)


@site_command.command("markdown")
@click.argument(
    "workspace",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("drafts"),
)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the pages into (e.g. a docs/ folder).",
)
@click.option(
    "--switch",
    type=click.Choice(["adopted", "recommended"]),
    default="adopted",
    show_default=True,
    help="Which proposals the main consolidated draft applies.",
)
def markdown_command(workspace: Path, out: Path, switch: str) -> None:
    """Write the site's pages as Markdown files, for a build without the plugin."""
    from ..site import write_markdown

    written = write_markdown(
        workspace, out, switch="recommended" if switch == "recommended" else "adopted"
    )
    click.echo(say(_("wrote {count} page(s) to {path}"), count=len(written), path=out))
