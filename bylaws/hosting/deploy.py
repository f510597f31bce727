"""`bylaws site deploy`: build the site and push it to a branch of a git remote.

The push is ghp-import's, the tool behind `mkdocs gh-deploy`: it commits the
built folder onto the branch without touching the working tree or the index,
so any remote that takes a push can serve the site (GitHub Pages, Forgejo's
pages branch, a plain web server that pulls).
"""

from __future__ import annotations

import contextlib
import tempfile
from importlib.metadata import version
from pathlib import Path

from bylaws.errors import UnusableInput
from bylaws.gitio import repo_root, run_git
from bylaws.locale import _

__all__ = ["deploy_site"]


def _refuse_uncommitted(root: Path, drafts: Path) -> None:
    """The site published must be a commit's text: no edits left in drafts/."""
    changed = run_git(["status", "--porcelain", "--", str(drafts)], root).splitlines()
    if changed:
        first = changed[0][3:].strip()
        raise UnusableInput(
            _(
                "drafts/ has uncommitted changes ({count} file(s)); commit or stash them first, so the published site is the text of a commit"
            ),
            str(root / first),
            count=len(changed),
        )


def deploy_site(
    root: Path,
    *,
    remote: str = "origin",
    branch: str = "gh-pages",
    config_file: Path | None = None,
    message: str | None = None,
) -> str:
    """Build the site of the workspace at `root` and push it to `remote`'s `branch`.

    Returns:
        The commit of the workspace that was published (short form).

    Raises:
        UnusableInput: uncommitted changes in drafts/, a build or a push that failed.
    """
    import ghp_import

    from bylaws.site import build

    root = repo_root(root.resolve())
    _refuse_uncommitted(root, root / "drafts")
    commit = run_git(["rev-parse", "--short", "HEAD"], root).strip()
    with tempfile.TemporaryDirectory(prefix="bylaws-deploy-") as scratch:
        site = build(
            config_file, strict=True, site_dir=Path(scratch) / "site", root=root
        )
        # ghp-import works on the repository of the current folder.
        with contextlib.chdir(root):
            try:
                ghp_import.ghp_import(
                    str(site),
                    mesg=message
                    or f"Site of {commit}, built by bylaws {version('bylaws')}",
                    remote=remote,
                    branch=branch,
                    push=True,
                    # GitHub Pages would otherwise skip folders that start with _
                    nojekyll=True,
                )
            except ghp_import.GhpError as exc:
                raise UnusableInput(
                    _("could not push the site to {remote} {branch}: {error}"),
                    str(root),
                    remote=remote,
                    branch=branch,
                    error=str(exc.message).strip(),
                ) from None
    return commit
