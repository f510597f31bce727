"""The workspace lock as commands take it: held until the command returns."""

from __future__ import annotations

from pathlib import Path

import click

from ..lock import lock_path, workspace_lock

_HELD = "bylaws.locks"


def hold_workspace_lock(doc_folder: Path) -> None:
    """Take the lock of the workspace holding `doc_folder` for the rest of the
    running command (before it reads what it will write back); once per
    workspace, however many of its documents the command touches."""
    ctx = click.get_current_context()
    held: set[Path] = ctx.find_root().meta.setdefault(_HELD, set())
    path = lock_path(doc_folder)
    if path in held:
        return
    ctx.with_resource(workspace_lock(doc_folder))
    held.add(path)
