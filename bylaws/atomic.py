"""Every write of bylaws goes through here: whole files and whole folders, or nothing.

A file is written to a temporary name beside it and renamed over it. A folder
is built beside its target and swapped in with one rename. Temporary names
start with `.bylaws-`, so document discovery (which skips dot names) never
takes them for texts, and `clean_leftovers` — run by every writer once it
holds the workspace lock — removes what an interrupted command left behind.
A refused write (disk full, permission, read-only file system) becomes one
`WriteRefused` line, after the half-built temporary is removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import UnusableInput, WriteRefused
from .locale import _

TEMP_PREFIX = ".bylaws-tmp."
BUILD_PREFIX = ".bylaws-build."
OLD_PREFIX = ".bylaws-old."
_PREFIXES = (TEMP_PREFIX, BUILD_PREFIX, OLD_PREFIX)

_REASONS = {
    errno.ENOSPC: _(
        "cannot write here: no space left on the device; nothing was changed"
    ),
    errno.EDQUOT: _(
        "cannot write here: the disk quota is exhausted; nothing was changed"
    ),
    errno.EACCES: _("cannot write here: permission denied; nothing was changed"),
    errno.EPERM: _("cannot write here: operation not permitted; nothing was changed"),
    errno.EROFS: _(
        "cannot write here: the file system is read-only; nothing was changed"
    ),
}


def refused(exc: OSError, path: Path | str) -> WriteRefused:
    """The one-line error for a write the system refused."""
    where = str(exc.filename or path)
    message = _REASONS.get(exc.errno or 0)
    if message is None:
        return WriteRefused(
            _("cannot write here: {reason}; nothing was changed"),
            where,
            reason=exc.strerror or str(exc),
        )
    return WriteRefused(message, where)


@contextmanager
def _refusals(path: Path | str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise refused(exc, path) from None


def _fsync_write(path: Path | str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_file(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then rename."""
    with _refusals(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


# --- whole folders -------------------------------------------------------------

_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one system call (Linux renameat2); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(
        at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE
    )
    return bool(result == 0)


def swap_in(build: Path, target: Path) -> None:
    """Put a finished folder at `target`, replacing what was there in one step."""
    if not target.exists():
        os.replace(build, target)
        return
    if _exchange(build, target):
        shutil.rmtree(build, ignore_errors=True)  # `build` now holds the old tree
        return
    # No atomic exchange here: the old tree is renamed aside first, then the new
    # one in; `clean_leftovers` puts it back if a crash falls in between.
    aside = Path(
        tempfile.mkdtemp(prefix=f"{OLD_PREFIX}{target.name}.", dir=target.parent)
    )
    os.rmdir(aside)
    os.replace(target, aside)
    os.replace(build, target)
    shutil.rmtree(aside, ignore_errors=True)


Files = Mapping[PurePosixPath, bytes]
Keep = Callable[[PurePosixPath], bool]


def _copy_kept(source: Path, build: Path, keep: Keep, rel: PurePosixPath) -> None:
    for entry in sorted(os.listdir(source / rel)):
        inner = rel / entry
        if entry.startswith(_PREFIXES) or not keep(inner):
            continue
        here = source / inner
        if here.is_dir() and not here.is_symlink():
            (build / inner).mkdir()
            shutil.copystat(here, build / inner)
            _copy_kept(source, build, keep, inner)
        else:
            shutil.copy2(here, build / inner, follow_symlinks=False)


def replace_folder(target: Path, files: Files, keep: Keep = lambda rel: True) -> None:
    """Make `target` hold `files` in one step, carrying over what `keep` accepts.

    Args:
        target: the folder to write (created if missing).
        files: relative path -> bytes, written fresh.
        keep: whether an existing entry of `target` (a relative path; folders
            are asked before their contents) is carried over; entries that
            `files` names are always replaced.
    """
    target = target.absolute()
    with _refusals(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        _clean_leftovers_of(target)
        build = Path(
            tempfile.mkdtemp(prefix=f"{BUILD_PREFIX}{target.name}.", dir=target.parent)
        )
    try:
        with _refusals(target):
            if target.is_dir():
                shutil.copystat(target, build)
                _copy_kept(
                    target,
                    build,
                    lambda rel: rel not in files and keep(rel),
                    PurePosixPath(),
                )
            else:
                os.chmod(build, 0o755)
            for rel, data in sorted(files.items()):
                (build / rel).parent.mkdir(parents=True, exist_ok=True)
                _fsync_write(build / rel, data)
            swap_in(build, target)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


def check_target(target: Path, replacing: str | None = None) -> None:
    """Refuse to write a folder into a symlink or over something that is not ours.

    Args:
        target: the folder a command is asked to write.
        replacing: the kind of folder (a main file name such as "document.xml")
            that may be replaced on purpose; None when only a new or empty
            folder will do.
    """
    if target.is_symlink():
        raise UnusableInput(
            _("is a symbolic link; give the real folder (nothing was written)"),
            str(target),
        )
    if not target.exists():
        return
    if not target.is_dir():
        raise UnusableInput(
            _("exists and is not a folder; give a new folder (nothing was written)"),
            str(target),
        )
    if replacing is not None and (target / replacing).is_file():
        return
    if any(not name.startswith(_PREFIXES) for name in os.listdir(target)):
        raise UnusableInput(
            _(
                "exists and is not empty; give a new or empty folder (nothing was written)"
            ),
            str(target),
        )


# --- what an interrupted command left -------------------------------------------


def _restore_or_remove(folder: Path, name: str) -> None:
    path = folder / name
    if name.startswith(OLD_PREFIX):
        original = folder / name[len(OLD_PREFIX) :].rsplit(".", 1)[0]
        if not original.exists():
            os.replace(path, original)  # the crash fell between the two renames
            return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _clean_leftovers_of(target: Path) -> None:
    """The build and set-aside folders an interrupted write of `target` left
    beside it (wherever that is: outside the workspace too)."""
    with contextlib.suppress(OSError):
        for name in os.listdir(target.parent):
            if name.startswith(
                (f"{BUILD_PREFIX}{target.name}.", f"{OLD_PREFIX}{target.name}.")
            ):
                with contextlib.suppress(OSError):
                    _restore_or_remove(target.parent, name)


def clean_leftovers(root: Path, depth: int = 5) -> None:
    """Remove the temporary files and folders an interrupted write left below
    `root` (called under the workspace lock, so no writer is using them)."""
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        path = root / name
        if name.startswith(_PREFIXES):
            # What cannot be removed now is left for the next run: never
            # worth failing a command over.
            with contextlib.suppress(OSError):
                _restore_or_remove(root, name)
        elif (
            depth > 0
            and not name.startswith(".")
            and path.is_dir()
            and not path.is_symlink()
        ):
            clean_leftovers(path, depth - 1)
