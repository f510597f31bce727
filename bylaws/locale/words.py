"""Words for concepts that several outputs name: verdicts, outcomes, stages, change kinds.

The terminal (`status`, `disposition`, `diff`) and the site take these words
from here, so one concept has one word in each language.
"""

from __future__ import annotations

from . import _, _p, tr

VERDICTS: dict[str, str] = {
    "adopt": _p("verdict", "adopt"),
    "adopt-modified": _p("verdict", "adopt as modified"),
    "reject": _p("verdict", "reject"),
    "refer-back": _p("verdict", "refer back"),
    "withdrawn": _p("verdict", "withdrawn"),
    "superseded": _p("verdict", "superseded"),
}

OUTCOMES: dict[str, str] = {
    "open": _("under review"),
    "adopted": _("finally adopted"),
    "closed": _("closed"),
}

# The review stages a document has when it declares none, in order.
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("drafting-committee", _("Drafting committee")),
    ("central-leadership", _("Central leadership")),
    ("central-committee", _("Central committee")),
    ("conference", _("Conference")),
)

# What happened to an article (or a division) between two texts.
CHANGE_KINDS: dict[str, str] = {
    "amended": _p("article", "amended"),
    "inserted": _p("article", "inserted"),
    "repealed": _p("article", "repealed"),
    "moved": _p("article", "moved"),
    "renumbered": _p("article", "renumbered"),
    "heading": _("heading changed"),
    "added": _p("division", "added"),
    "removed": _p("division", "removed"),
    "moved-division": _p("division", "moved"),
    "none": _("unchanged"),
    "moved-from": _p("article", "moved from"),
    "moved-to": _p("article", "moved to"),
    "new": _p("article", "new"),
}


def verdict_word(verdict: str, lang: str) -> str:
    """A verdict ("adopt-modified") as readers of `lang` say it; unknown ones as given."""
    message = VERDICTS.get(verdict)
    return tr(message, lang) if message else verdict


def outcome_word(outcome: str, lang: str) -> str:
    """Where a proposal stands ("open", "adopted", "closed") in words."""
    message = OUTCOMES.get(outcome)
    return tr(message, lang) if message else outcome


def change_kinds(lang: str) -> dict[str, str]:
    """Every change kind's word in a language, by kind."""
    return {kind: tr(message, lang) for kind, message in CHANGE_KINDS.items()}
