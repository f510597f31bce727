"""The words of the site's own interface, in the document's language.

The words themselves live in the locale's catalogues (`bylaws/locale/*.po`),
shared with the terminal: a verdict reads the same on a page and in
`bylaws status`. Here each label's key names its message; a language without
a catalogue reads English, so a new label never breaks a page.
"""

from __future__ import annotations

from functools import lru_cache

from ..locale import LANGUAGES, SOURCE_LANGUAGE, _, language_of, tr
from ..locale.words import VERDICTS
from ..model import is_rtl

__all__ = ["Labels", "labels_for"]

# label key -> its msgid (English)
_MESSAGES: dict[str, str] = {
    "text": _("Text in force"),
    "articles": _("Articles"),
    "proposals": _("Proposals"),
    "proposal": _("Proposal"),
    "consolidated": _("Consolidated draft"),
    "collisions": _("Collisions between proposals"),
    "disposition": _("Disposition table"),
    "adopted": _("Adopted versions"),
    "adopted_version": _("Version {label} of {date}"),
    "adopted_instrument": _("Formal amendment text as adopted"),
    "overview": _("Overview"),
    "manual": _("User's manual"),
    "stage": _("Stage"),
    "proposer": _("Proposed by"),
    "submitted": _("Submitted"),
    "rationale": _("Rationale"),
    "general_rationale": _("General rationale"),
    "reviews": _("Recommendations and decisions"),
    "body": _("Body"),
    "recommendation": _("Recommendation"),
    "decision": _("Decision"),
    "date": _("Date"),
    "note": _("Note"),
    "changes": _("Changes"),
    "counts": _("What it changes"),
    "old": _("Current text"),
    "redline": _("Changes marked"),
    "new": _("Proposed text"),
    "side_by_side": _("Side by side"),
    "feedback": _("Feedback"),
    "instrument": _("Formal amendment text"),
    "amend": _("Amended"),
    "insert": _("Inserted"),
    "repeal": _("Repealed"),
    "move": _("Moved"),
    "collides_with": _("changes the same words as"),
    "pos_after": _("after"),
    "pos_before": _("before"),
    "pos_start": _("at the start of"),
    "pos_end": _("at the end of"),
    "heading": _("Heading amended"),
    "legend": _("Legend"),
    "legend_ins": _("added words (underlined)"),
    "legend_del": _("deleted words (struck through)"),
    "no_proposals": _("No proposal touches this article."),
    "no_feedback": _("No feedback yet."),
    "no_collisions": _("No two proposals touch the same article."),
    "rel_collide": _("collide"),
    "rel_mergeable": _("mergeable"),
    "rel_duplicate": _("duplicate"),
    "clash": _("the same words"),
    "touching": _("Proposals touching this article"),
    "current": _("Text in force"),
    "switch_adopted": _("with the adopted proposals applied"),
    "switch_recommended": _("with the recommended proposals applied"),
    "applied": _("Proposals applied"),
    "not_applied": _("Could not be applied"),
    "from_proposal": _("from proposal"),
    "unchanged": _("unchanged"),
    "repealed_article": _("This article is repealed."),
    "moved_to": _("moved"),
    "shared_articles": _("Articles both touch"),
    "permalink": _("Permanent link"),
    "see_article": _("Article page"),
    "see_in_text": _("In the text"),
    "comment_by": _("by"),
    "on": _("on"),
    "broken_ref": _("reference to nothing"),
    "invisible": _(
        "This text holds characters a reader cannot see, shown here as ⟨U+…⟩: they can change what the text seems to say."
    ),
    "new_article": _("new article"),
    "section_drafting": _("Drafting"),
    "section_reviewing": _("Reviewing"),
    "section_cli": _("Command line"),
    "section_reference": _("Reference"),
    "section_guides": _("Guides"),
    "documents": _("Documents"),
    "print_legend": _("Underlined: added. Struck through: deleted."),
    "reason": _("Reason"),
    "votes": _("Votes"),
    "votes_count": _("{yes} for, {no} against, {abstain} abstentions"),
    "preferred_text": _("Text preferred instead"),
    "superseded_by": _("Superseded by"),
    "proposal_collisions": _("Collisions with other proposals"),
    "formerly": _("{label} (formerly {old})"),
    "now_before": _("Now before"),
    "where_things_stand": _("Where the proposals stand"),
    "matrix_key": _("Key to the matrix"),
    "matrix_corner": _("Proposal × proposal"),
    "wording_of": _("wording of {name}"),
    "section_developers": _("For developers"),
    "awaiting": _("awaiting a ruling"),
    "send_comment": _("Send a comment by e-mail"),
    "comment_subject": _("Comment on {place}"),
    "comment_body": _("My comment on {place}:"),
}
_MESSAGES.update(
    {f"verdict_{verdict}": message for verdict, message in VERDICTS.items()}
)
# Not words: the same in every language.
_MARKS: dict[str, str] = {"none": "—", "rel_none": ""}


class Labels:
    """Interface words for one language: `labels["proposals"]`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        # Each label looked up once: a site asks for the same few thousands of
        # times (the permalink's title on every article of every page).
        self._words: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        words = self._words.get(key)
        if words is None:
            words = _MARKS[key] if key in _MARKS else tr(_MESSAGES[key], self.lang)
            self._words[key] = words
        return words

    def fill(self, key: str, **fields: str) -> str:
        """A label with `{name}` fields, filled in."""
        return tr(_MESSAGES[key], self.lang, **fields)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


@lru_cache(maxsize=64)
def labels_for(lang: str) -> Labels:
    """The labels for a BCP 47 language tag ("ar", "AR-eg", "en", "fr")."""
    found = language_of(lang)
    return Labels(found if found in LANGUAGES else SOURCE_LANGUAGE)
