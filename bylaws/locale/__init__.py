"""The one place for language: which language a text or a message is in, and its words.

Every user-facing word of bylaws — CLI messages, change kinds, verdicts, the
default stages, the site's labels — is an English msgid in the gettext
catalogues beside this file (`ar.po`, `en.po`). Code marks a message with
`_("… {name} …")` (which returns it unchanged, so library code can raise it
before anyone knows the reader's language) and turns it into words with
`tr(message, lang, name=…)` where it is shown. `_p(context, message)` marks a
message whose English word has two renderings in another language.

Catalogues are read only when a message is first translated into their
language, so `bylaws` pays nothing for them on a run that prints nothing.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .po import Catalogue

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "_",
    "_p",
    "cli_language",
    "forget_language",
    "is_arabic",
    "language_of",
    "normalise",
    "note_language",
    "say",
    "tr",
]

SOURCE_LANGUAGE = "en"
# Languages with a catalogue; any other falls back to the English msgids.
LANGUAGES: tuple[str, ...] = ("ar", "en")


class HasLanguage(Protocol):
    """Anything that declares its language: a Document, a DocumentDiff, a Draft."""

    @property
    def lang(self) -> str: ...


def normalise(tag: str | None) -> str:
    """The primary language subtag in lower case: "AR-sa" -> "ar", "en_GB.UTF-8" -> "en".

    Accepts BCP 47 tags as written in `xml:lang` and POSIX locale names as
    found in LANG; returns "" for nothing, "C" or "POSIX".
    """
    if not tag:
        return ""
    primary = tag.strip().split(".")[0].split("@")[0].replace("_", "-").split("-")[0]
    primary = primary.lower()
    return "" if primary in ("c", "posix") else primary


def language_of(doc: HasLanguage | str) -> str:
    """A document's (or a tag's) language as one normalised tag; English if unsaid."""
    tag = doc if isinstance(doc, str) else doc.lang
    return normalise(tag) or SOURCE_LANGUAGE


def is_arabic(doc: HasLanguage | str) -> bool:
    """Whether a document (or a tag) is in Arabic, whatever the tag's case or region."""
    return language_of(doc) == "ar"


# The language of the document a command is working on, once it has loaded one:
# what an error raised later in the command is said in.
_noted: list[str] = []


def note_language(doc: HasLanguage | str) -> None:
    """Remember the language of the document this run works on, for its messages."""
    _noted[:] = [language_of(doc)]


def forget_language() -> None:
    """Forget the noted document language: a new command starts."""
    _noted.clear()


def cli_language(doc: HasLanguage | str | None = None) -> str:
    """The language a message to the user is written in.

    `BYLAWS_LANG` wins; then the document's language when there is one (given,
    or noted by `note_language`); then the first of `LC_ALL`, `LC_MESSAGES`,
    `LANG` that is set (as gettext reads them); English when none says anything.
    """
    chosen = normalise(os.environ.get("BYLAWS_LANG"))
    if chosen:
        return chosen
    if doc is not None:
        return language_of(doc)
    if _noted:
        return _noted[0]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return normalise(value) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    """Mark a message for translation; it is translated where it is shown (`tr`)."""
    return message


def _p(context: str, message: str) -> str:
    """Mark a message with a context, for an English word with two renderings."""
    return f"{context}\x04{message}"


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of one language, read on first use; empty when there is none."""
    if lang not in LANGUAGES:
        return {}
    # Beside this module (the package is a folder on disk, never a zip):
    # importlib.resources would bring tempfile, zipfile and more into the
    # start-up of every command that speaks.
    source = os.path.join(os.path.dirname(__file__), f"{lang}.po")
    from .po import parse_po  # only now: few commands say anything in words

    with open(source, encoding="utf-8") as handle:
        return parse_po(handle.read(), f"bylaws/locale/{lang}.po")


def tr(message: str, lang: str, /, **args: Any) -> str:
    """A marked message in a language, with `{name}` fields filled from `args`.

    A message with no translation stays English, so a new message never
    breaks output; a test keeps the catalogues complete.
    """
    context, _sep, msgid = message.rpartition("\x04")
    words = catalogue(normalise(lang)).get((context or None, msgid)) or msgid
    return words.format(**args) if args else words


def say(message: str, doc: HasLanguage | str | None = None, /, **args: Any) -> str:
    """A marked message in the language of the CLI's reader (see `cli_language`).

    A message is one line: a line break in a value (a folder's name) is shown
    as a token, so that it cannot start a line of its own.
    """
    from ..errors import one_line

    lines = {key: one_line(value) for key, value in args.items()}
    return tr(message, cli_language(doc), **lines)
