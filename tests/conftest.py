"""Shared fixtures: the sample workspace and copies of it to break; where the
real texts and schemas are; how thoroughly hypothesis searches."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "drafts" / "internal-regulations"
ENGLISH = ROOT / "tests" / "data" / "english-sample"
GOLDEN = ROOT / "tests" / "golden"
# Real texts and public schemas live beside the repository, not in it: the
# variables point elsewhere, and tests that need them skip naming the variable.
CORPORA = Path(os.environ.get("BYLAWS_CORPORA", ROOT.parent / "shared" / "corpora"))
SCHEMAS = Path(os.environ.get("BYLAWS_SCHEMAS", ROOT.parent / "shared" / "schemas"))
NO_CORPORA = f"no corpora at {CORPORA} (set BYLAWS_CORPORA to the corpora folder)"
NO_SCHEMAS = f"no schemas at {SCHEMAS} (set BYLAWS_SCHEMAS to the schemas folder)"

# `dev` (the default) tries each property a few times, for a quick run while
# working; `ci` (BYLAWS_HYPOTHESIS=ci, set by .ci/run) searches thoroughly.
DEV_EXAMPLES = 25
settings.register_profile("dev", max_examples=DEV_EXAMPLES, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("BYLAWS_HYPOTHESIS", "dev")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(thorough: int) -> int:
    """A property's example count: `thorough` under ci, at most DEV_EXAMPLES under dev."""
    return thorough if HYPOTHESIS_PROFILE == "ci" else min(thorough, DEV_EXAMPLES)


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
