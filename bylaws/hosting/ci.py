"""The CI configuration of a git host: plain YAML from the templates beside this file.

Each host's file is written from one template in `templates/`, with the
version of bylaws that writes it, the redline script shared by every host, and
the packet step only when this bylaws has a `packet` command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files as package_files
from pathlib import Path
from typing import Literal

from bylaws.errors import UnusableInput
from bylaws.locale import _
from bylaws.workspace import write_atomic

__all__ = ["HOSTS", "Host", "ci_file", "detect_host", "write_ci"]

Host = Literal["github", "gitlab", "forgejo"]


@dataclass(frozen=True)
class _HostFile:
    template: str
    path: str


HOSTS: dict[str, _HostFile] = {
    "github": _HostFile("github.yml", ".github/workflows/bylaws.yml"),
    "gitlab": _HostFile("gitlab.yml", ".gitlab-ci.yml"),
    "forgejo": _HostFile("forgejo.yml", ".forgejo/workflows/bylaws.yml"),
}

_PACKET_BLOCK = re.compile(
    r"^[ \t]*# @packet\n(.*?)^[ \t]*# @end-packet\n", re.M | re.S
)


def _template(name: str) -> str:
    return (
        package_files("bylaws.hosting").joinpath("templates", name).read_text("utf-8")
    )


def _installed_version() -> str:
    try:
        return version("bylaws")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0"


def _insert_script(text: str, placeholder: str, script: str) -> str:
    """Put a shell script where its placeholder stands, at the placeholder's indent."""

    def indented(match: re.Match[str]) -> str:
        indent = match.group(1)
        return "\n".join(indent + line if line else "" for line in script.splitlines())

    return re.sub(rf"^([ \t]*){placeholder}$", indented, text, flags=re.M)


def _has_packet() -> bool:
    from bylaws.cli import COMMANDS

    return "packet" in COMMANDS


def ci_file(host: str, *, packets: bool | None = None, pin: str | None = None) -> str:
    """The CI file of a host, as text.

    Args:
        host: github, gitlab or forgejo.
        packets: include the PDF packet step (default: when `bylaws packet` exists).
        pin: the version of bylaws the CI installs (default: this one).
    """
    if host not in HOSTS:
        raise UnusableInput(
            _("unknown host {host!r}; choose one of {hosts}"),
            host=host,
            hosts=", ".join(HOSTS),
        )
    text = _template(HOSTS[host].template)
    text = text.replace("@VERSION@", pin or _installed_version())
    text = _insert_script(text, "@REDLINE@", _template("redline.sh"))
    if packets if packets is not None else _has_packet():
        text = _insert_script(text, "@PACKETS@", _template("packets.sh"))
        text = re.sub(r"^[ \t]*# @(end-)?packet\n", "", text, flags=re.M)
    else:
        text = _PACKET_BLOCK.sub("", text)
    return text


def detect_host(root: Path) -> str | None:
    """The host of the repository's `origin` remote, when its address says so."""
    from bylaws.errors import BylawsError
    from bylaws.gitio import run_git

    try:
        url = run_git(["remote", "get-url", "origin"], root).strip().lower()
    except BylawsError:
        return None
    for host in ("github", "gitlab", "codeberg", "forgejo", "gitea"):
        if host in url:
            return "forgejo" if host in ("codeberg", "gitea") else host
    return None


def write_ci(root: Path, host: str | None, *, force: bool = False) -> Path:
    """Write a host's CI file into a repository; the path written.

    Raises:
        UnusableInput: no host given or found, or the file exists and not `force`.
    """
    if host is None:
        host = detect_host(root)
        if host is None:
            raise UnusableInput(
                _(
                    "cannot tell the git host from the remote `origin`; name it with --host ({hosts})"
                ),
                str(root),
                hosts=", ".join(HOSTS),
            )
    text = ci_file(host)
    target = root / HOSTS[host].path
    if target.is_symlink() or (target.exists() and not force):
        raise UnusableInput(
            _("this file exists already; run again with --force to replace it"),
            str(target),
        )
    write_atomic(target, text.encode("utf-8"))
    return target
