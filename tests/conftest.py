"""Shared fixtures: the sample workspace and copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "drafts" / "internal-regulations"
ENGLISH = ROOT / "tests" / "data" / "english-sample"
GOLDEN = ROOT / "tests" / "golden"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the Arabic sample document folder."""
    target = tmp_path / "internal-regulations"
    shutil.copytree(SAMPLE, target)
    return target


@pytest.fixture
def english(tmp_path: Path) -> Path:
    """A private copy of the English sample document folder."""
    target = tmp_path / "english-sample"
    shutil.copytree(ENGLISH, target)
    return target


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it instead."""
    import os

    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _messages_in_english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's locale never leaks into a test: messages follow the document,
    else English; a test that wants another language sets BYLAWS_LANG itself."""
    for name in ("BYLAWS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
