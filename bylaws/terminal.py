"""What reaches a terminal: text from files, names and git, with its controls escaped.

A terminal obeys the control characters it is sent: `ESC ] 0 ;` retitles the
window, `ESC [ 2 J` clears the screen, a newline in a folder name starts a line
that looks like an error of ours. So while a command runs, `bylaws.cli` puts
`guarded_output` around it, and every write to stdout and stderr goes through
`safe`: each control and invisible character becomes a visible token
(`⟨U+001B⟩`). The colours a formatter adds itself are let through only inside
`styled`, and only as colour (SGR) sequences.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from .invisibles import reveal

__all__ = ["already_escaped", "echo", "guarded_output", "safe", "styled"]

# A colour sequence of the kind `bylaws.formatters.terminal` writes.
_SGR_RE = re.compile(r"(\x1b\[[0-9;]*m)")
_REVERSE, _REVERSE_OFF = "\x1b[7m", "\x1b[27m"


class _State:
    styled = False
    escaped = False


def _reverse(token: str) -> str:
    return f"{_REVERSE}{token}{_REVERSE_OFF}"


def safe(text: str, *, styled: bool = False, line: bool = False) -> str:
    """Text fit for a terminal: every control and invisible character made visible.

    The soft direction marks (ALM, LRM, RLM) stay: they only help a terminal
    lay out mixed-direction lines.

    Args:
        text: what is about to be written.
        styled: keep colour (SGR) sequences, a carriage return that starts the
            text (a progress line), and show tokens in reverse video.
        line: one line: a line feed, carriage return or tab is a token too
            (a file name, a commit subject).
    """
    also = "\n\r\t" if line else "\r"
    if not styled:
        return reveal(text, soft=False, also=also)
    start = "\r" if text.startswith("\r") else ""
    parts = _SGR_RE.split(text[len(start) :])
    return start + "".join(
        part if index % 2 else reveal(part, soft=False, also=also, style=_reverse)
        for index, part in enumerate(parts)
    )


def _is_ascii(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


class _GuardedStream(io.TextIOBase):
    """A text stream that writes through `safe`; everything else is the wrapped one's."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        # A stream set to ASCII (PYTHONIOENCODING=ascii) cannot take an Arabic
        # letter: like click.echo, write UTF-8 beneath it instead.
        self._utf8_beneath = _is_ascii(self.encoding) and hasattr(stream, "buffer")

    def write(self, text: str) -> int:
        shown = text if _State.escaped else safe(text, styled=_State.styled)
        if self._utf8_beneath:
            self._stream.flush()
            self.buffer.write(shown.encode("utf-8", "replace"))
        else:
            self._stream.write(shown)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def buffer(self) -> io.BufferedIOBase:
        """The bytes underneath, for an exported file written to `-` as it is."""
        return self._stream.buffer  # type: ignore[return-value]

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)


def echo(text: str, *, err: bool = False) -> None:
    """Write a line to stdout (stderr with `err`) and flush, as `click.echo` does.

    Unlike `click.echo`, it strips no colour codes from a stream that is not a
    terminal: under `guarded_output` every escape is already a visible token.
    For code that runs without click (`bylaws check`, the error boundary).
    """
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


@contextmanager
def guarded_output() -> Iterator[None]:
    """Send stdout and stderr through `safe` while a command runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout = _GuardedStream(saved[0])
    sys.stderr = _GuardedStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def styled(on: bool = True) -> Iterator[None]:
    """Let a formatter's own colours (and a progress line's return) through."""
    before = _State.styled
    _State.styled = on
    try:
        yield
    finally:
        _State.styled = before


@contextmanager
def already_escaped() -> Iterator[None]:
    """Let text through as written: it escaped every invisible character itself.

    For JSON whose invisible characters are all `\\uXXXX` escapes already
    (`bylaws.invisibles.json_escaped`): `safe` would find nothing in it, and
    looking costs as much as writing a big diff.
    """
    before = _State.escaped
    _State.escaped = True
    try:
        yield
    finally:
        _State.escaped = before
