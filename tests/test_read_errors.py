"""Damaged archives and files we may not read are errors, not bugs (issue #11, item 6).

Each is one line naming the file and the cause, exit 2; never "internal error".
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.importers.docx import MAX_PARTS
from bylaws.importers.formats import W_NS

from .conftest import SAMPLE

DOCUMENT = (
    f'<w:document xmlns:w="{W_NS}"><w:body>'
    "<w:p><w:r><w:t>Article 1</w:t></w:r></w:p>"
    f"<w:p><w:r><w:t>{'Members pay dues. ' * 200}</w:t></w:r></w:p>"
    "</w:body></w:document>"
).encode()


def _zip(parts: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (parts or {"word/document.xml": DOCUMENT}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with_size(data: bytes, size: int) -> bytes:
    """The archive with its one part's uncompressed size header set to `size`."""
    out = bytearray(data)
    out[22:26] = struct.pack("<I", size)
    central = out.find(b"PK\x01\x02")
    out[central + 24 : central + 28] = struct.pack("<I", size)
    return bytes(out)


def _with_bad_crc(data: bytes) -> bytes:
    out = bytearray(data)
    out[14:18] = b"\0\0\0\0"
    central = out.find(b"PK\x01\x02")
    out[central + 16 : central + 20] = b"\0\0\0\0"
    return bytes(out)


def _garbled(data: bytes) -> bytes:
    return data[:40] + b"\xff" * 50 + data[90:]


def _many_parts() -> bytes:
    return _zip({f"p{n}": b"" for n in range(MAX_PARTS + 1)})


CASES = {
    "a size header that lies small": (_with_size(_zip(), 100), "damaged Word file"),
    "a size header that lies big": (_with_size(_zip(), 10**9), "would unpack to"),
    "a wrong checksum": (_with_bad_crc(_zip()), "damaged Word file"),
    "a garbled header": (_garbled(_zip()), "damaged Word file"),
    "not a zip": (b"Members pay dues.", "not a zip archive"),
    "a truncated zip": (_zip()[:60], "not a zip archive"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_word_file_is_one_line_exit_2(tmp_path: Path, case: str) -> None:
    data, cause = CASES[case]
    source = tmp_path / "bad.docx"
    source.write_bytes(data)
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{source}: error: ")
    assert cause in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "internal error" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_a_zip_bomb_of_parts_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "bomb.docx"
    source.write_bytes(_many_parts())
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"parts, more than {MAX_PARTS}" in result.stderr


# --- files we may not read --------------------------------------------------------


@pytest.fixture
def shared_copy() -> Iterator[Path]:
    """A copy of the sample that another user can reach (outside pytest's 0700 tree)."""
    base = Path(tempfile.mkdtemp(prefix="bylaws-eacces-"))
    base.chmod(0o755)
    target = base / "doc"
    shutil.copytree(SAMPLE, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    try:
        yield target
    finally:
        for path in [target, *target.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(base)


def _run_unprivileged(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a user the file mode applies to (root reads everything)."""
    command = [sys.executable, "-m", "bylaws", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and no setpriv to drop privileges")
        command = [
            setpriv,
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            *command,
        ]
    env = {**os.environ, "BYLAWS_LANG": "en", "PYTHONPATH": str(Path.cwd())}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd="/")


@pytest.mark.parametrize("command", ["check", "show", "diff"])
def test_an_unreadable_article_is_one_line(shared_copy: Path, command: str) -> None:
    article = shared_copy / "articles" / "art-budget.xml"
    article.chmod(0)
    args = [command, str(shared_copy)]
    if command == "diff":
        args.append(str(shared_copy))
    done = _run_unprivileged(*args)
    assert done.returncode in (1, 2) if command == "check" else done.returncode == 2
    assert f"{article}: error: permission denied" in done.stderr + done.stdout
    assert "internal error" not in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unreadable_folder_is_one_line(shared_copy: Path) -> None:
    articles = shared_copy / "articles"
    articles.chmod(0)
    done = _run_unprivileged("check", str(shared_copy))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"{articles}: error: the system refused: Permission denied"
    )


def test_an_unreadable_word_file_is_one_line(shared_copy: Path) -> None:
    source = shared_copy / "rules.docx"
    source.write_bytes(_zip())
    source.chmod(0)
    done = _run_unprivileged("import", str(source), "-o", str(shared_copy / "o"))
    # click checks the argument before the command runs: a usage error, exit 2
    assert done.returncode == 2
    assert f"File '{source}' is not readable" in done.stderr
    assert "internal error" not in done.stderr
