"""One collision between two proposals (or a proposal and the text in force),
and the words that say it in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import CollisionError
from ..locale import SOURCE_LANGUAGE, _, tr
from ..model import Proposal
from ..render import Reader

# What one side of a clash did to an article ("repeals it"): a msgid and its fields.
Action = tuple[str, dict[str, str]]

# The first side of a rebase's clash: not a proposal but the text in force.
TEXT_IN_FORCE = _("the text in force")


@dataclass(frozen=True, slots=True)
class Collision:
    """Two proposals that change the same words of one article (or its place).

    `ours` is the text consolidated so far (or the first proposal of a pair),
    `theirs` the later proposal. A clash of places rather than words says
    what each side did in `first_text` and `second_text` (in English) and in
    `actions` (to be said in another language).
    """

    article: str
    where: str
    base: str
    first: str
    second: str
    first_text: str
    second_text: str
    actions: tuple[Action, Action] | None = field(default=None, compare=False)

    def read_with(self, base: Reader, first: Reader, second: Reader) -> Collision:
        """The same clash with each side's `{address}` read as a designation."""
        return replace(
            self,
            base=base.addresses(self.base),
            first_text=first.addresses(self.first_text),
            second_text=second.addresses(self.second_text),
        )

    def describe(self, lang: str = SOURCE_LANGUAGE) -> str:
        """One line on the clash, in a language: where, and what each side does."""
        said: dict[str, Any] = {
            "place": f"{self.article} {self.where}".strip(),
            "first": tr(self.first, lang)
            if self.first == TEXT_IN_FORCE
            else self.first,
            "second": self.second,
            "base": self.base,
        }
        if not self.where and not self.base:
            first, second = self.actions or (
                (self.first_text, {}),
                (self.second_text, {}),
            )
            return tr(
                _("{place}: {first} {first_does}; {second} {second_does}"),
                lang,
                first_does=tr(first[0], lang, **first[1]),
                second_does=tr(second[0], lang, **second[1]),
                **said,
            )
        said |= {"first_text": self.first_text, "second_text": self.second_text}
        if self.base:
            return tr(
                _(
                    "{place}: the text in force reads «{base}»; {first} makes it «{first_text}», {second} makes it «{second_text}»"
                ),
                lang,
                **said,
            )
        return tr(
            _(
                "{place}: at the same place; {first} makes it «{first_text}», {second} makes it «{second_text}»"
            ),
            lang,
            **said,
        )


Readers = tuple[Reader, Reader, Reader]


def collision_error(
    collisions: list[Collision], proposal: Proposal, readers: Readers | None = None
) -> CollisionError:
    """The error for clashes, each side's references read in `readers` (the
    text in force, the first side's document, the second's) when given."""
    if readers is not None:
        collisions = [c.read_with(*readers) for c in collisions]
    loc = proposal.loc
    others = dict.fromkeys(c.first for c in collisions if c.first != proposal.id)
    return CollisionError(
        _("{count} collision(s); nothing was written:"),
        loc.path if loc else None,
        loc.line if loc else None,
        loc.col if loc else None,
        clashes=collisions,
        others=tuple(others),
        count=len(collisions),
    )
