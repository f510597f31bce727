"""The command line as the cycle's tests drive it: in process, messages in English."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bylaws.cli import cli


@pytest.fixture
def messages_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The assertions read the messages in English (the sample is Arabic)."""
    monkeypatch.setenv("BYLAWS_LANG", "en")


def run(*args: str, code: int = 0) -> str:
    """Run `bylaws ARGS`; its output, after checking the exit code and that no
    traceback escaped."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output
