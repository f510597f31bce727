"""`bylaws new` and `bylaws ci init`: a workspace, and the CI of its git host."""

from __future__ import annotations

from pathlib import Path

import click

from bylaws.locale import _, say

HOST_CHOICE = click.Choice(["github", "gitlab", "forgejo"])


@click.command("new")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--lang",
    help="The document's language, ar or en (default: from --from's text, else ar).",
)
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A text to start from (text, Markdown, Word, Akoma Ntoso), imported.",
)
@click.option("--doc", "doc_id", help="The document's id (its folder in drafts/).")
@click.option("--title", help="The title of the document and of the site.")
@click.option("--ci", "host", type=HOST_CHOICE, help="Also write this host's CI file.")
def new_command(
    directory: Path,
    lang: str | None,
    source: Path | None,
    doc_id: str | None,
    title: str | None,
    host: str | None,
) -> None:
    """Start a workspace in DIRECTORY (new or empty): a document, the site, git.

    Writes drafts/<doc>/, mkdocs.yml, docs/index.md, .gitignore and
    .pre-commit-config.yaml, and runs `git init` unless DIRECTORY is already
    inside a repository.
    """
    from bylaws.hosting.starter import new_workspace

    made = new_workspace(
        directory, lang=lang, source=source, doc_id=doc_id, title=title, host=host
    )
    for warning in made.warnings:
        click.echo(warning, err=True)
    for path in made.written:
        click.echo(say(_("wrote {path}"), path=path))
    if made.git_initialised:
        click.echo(say(_("initialised a git repository in {path}"), path=directory))
    click.echo(
        say(
            _("next: cd {path} && bylaws site serve   (then edit {articles})"),
            path=directory,
            articles=made.document.relative_to(directory) / "articles",
        )
    )


@click.group("ci")
def ci_command() -> None:
    """Continuous integration on a git host: checks, redlines, the published site."""


@ci_command.command("init")
@click.option(
    "--host",
    type=HOST_CHOICE,
    help="The git host (default: from the address of the remote `origin`).",
)
@click.option("--force", is_flag=True, help="Replace the CI file if it exists.")
@click.argument(
    "directory",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    required=False,
)
def init_command(host: str | None, force: bool, directory: Path) -> None:
    """Write the CI configuration for the host of this repository.

    Checks every push and merge request, posts a merge request's redline as
    one comment updated on each push, and publishes the site from the
    default branch.
    """
    from bylaws.hosting.ci import write_ci

    written = write_ci(directory, host, force=force)
    click.echo(say(_("wrote {path}"), path=written))
