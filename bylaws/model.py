"""The texts as immutable values: documents, articles, proposals, feedback.

Nothing here reads files or knows XML; `xmlio` converts both ways. Every value
is a frozen dataclass so that the diff, the proposals engine and the site can
share them freely. Source locations ride along for error messages but never
take part in equality, so a value read from disk equals the same value built
in a test.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import Literal

from .values import Value, value_class

Language = str  # a BCP 47 tag as written in the document: "ar", "en", "fr"
NumberStyle = Literal["words", "arabic-indic", "digits"]
NumberingMode = Literal["auto", "fixed"]
DivisionKind = Literal["part", "chapter", "section"]
RefForm = Literal["full", "number"]
Numerals = Literal["upper-roman", "digits", "words"]
UnitNumbering = Literal["restart", "decimal"]

DIVISION_KINDS: tuple[DivisionKind, ...] = ("part", "chapter", "section")


@value_class(frozen=True, slots=True, eq=False, repr=False)
class SourceLoc(Value):
    """Where a value was read from, for messages: path, 1-based line and column."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "yi"})


def is_rtl(lang: str) -> bool:
    """Whether a language (a BCP 47 tag) is written right to left."""
    return lang.split("-")[0].lower() in RTL_LANGUAGES


# --- inline content ---------------------------------------------------------


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Text(Value):
    """A run of plain text, exactly as written (whitespace already folded)."""

    value: str


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Ref(Value):
    """A live cross-reference to an article or to a paragraph/point inside one.

    `to` is an address: `art-id`, `art-id/para-2` or `art-id/para-2/point-1`.
    `form="full"` renders the designation ("المادة الثانية عشرة"),
    `form="number"` only the number ("الثانية عشرة"). `words` are the text's
    own words for a target named without a number ("this Article", "the
    preceding Section"): they read as written, and the reference still knows
    its target. In a document with units, `to` may name a division.
    """

    to: str
    form: RefForm = "full"
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)
    words: str | None = None


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Hyperlink(Value):
    """A link to something outside the document (a web page, another law).

    `text` is what readers see and `href` where it leads; written
    `<ref href="…">text</ref>`. Unlike a `Ref` it is not numbered or checked.
    """

    href: str
    text: str
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


Inline = Text | Ref | Hyperlink


def plain_text(runs: tuple[Inline, ...]) -> str:
    """The text of runs with each reference shown as its raw address in braces
    (`{art-x}`, or `{art-x|this Article}` for one in words)."""
    return "".join(inline_text(r) for r in runs)


def inline_text(run: Inline) -> str:
    """One run as `plain_text` writes it: a link as Markdown `[text](href)`."""
    if isinstance(run, Text):
        return run.value
    if isinstance(run, Hyperlink):
        return f"[{run.text}]({run.href})"
    if run.words is not None:
        return "{" + run.to + "|" + run.words + "}"
    return "{" + run.to + "}"


# --- article content --------------------------------------------------------


@value_class(frozen=True, slots=True, eq=False, repr=False)
class P(Value):
    """One block of running text (`<p>`)."""

    runs: tuple[Inline, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Point(Value):
    """A lettered point inside a paragraph; points may nest."""

    items: tuple[P | Point, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(i for i in self.items if isinstance(i, Point))


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Paragraph(Value):
    """A numbered paragraph: running text, optionally with points among it."""

    items: tuple[P | Point, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)

    @property
    def points(self) -> tuple[Point, ...]:
        return tuple(i for i in self.items if isinstance(i, Point))


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Note(Value):
    """An editorial note attached to an article (not part of the operative text)."""

    runs: tuple[Inline, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


# The address of an article's lead-in, the unnumbered text before paragraph 1.
INTRO = "intro"


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Article(Value):
    """One article: its permanent id, optional heading, paragraphs and notes.

    `intro` is an unnumbered lead-in before the numbered paragraphs («… في
    الأحوال الآتية:»), so that "(1)" stays on the sentence the text numbers 1.
    """

    id: str
    heading: str | None
    paragraphs: tuple[Paragraph, ...]
    notes: tuple[Note, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)
    intro: tuple[P, ...] = ()


# --- the outline ------------------------------------------------------------


@value_class(frozen=True, slots=True, eq=False, repr=False)
class ArticleEntry(Value):
    """An article's place in the outline.

    `num` is the frozen number of a `fixed` document ("12"); entries without
    one in a fixed document were inserted later and take a مكرر / bis number.
    A repealed entry keeps its place (fixed documents only).
    """

    ref: str
    num: str | None = None
    repealed: bool = False
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Division(Value):
    """A part, chapter or section of the outline."""

    kind: DivisionKind
    id: str
    heading: str
    children: tuple[Division | ArticleEntry, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


OutlineNode = Division | ArticleEntry


def iter_entries(nodes: tuple[OutlineNode, ...]) -> Iterator[ArticleEntry]:
    """Every article entry of an outline, in reading order."""
    for node in nodes:
        if isinstance(node, ArticleEntry):
            yield node
        else:
            yield from iter_entries(node.children)


def iter_divisions(nodes: tuple[OutlineNode, ...]) -> Iterator[Division]:
    """Every division of an outline, parents before children."""
    for node in nodes:
        if isinstance(node, Division):
            yield node
            yield from iter_divisions(node.children)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Stage(Value):
    """One review stage of the organisation (`drafting-committee`, …) and its label."""

    id: str
    label: str


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Sender(Value):
    """An e-mail address and the body (branch, committee) that writes from it."""

    address: str
    body: str


@value_class(frozen=True, slots=True, eq=False, repr=False)
class DocumentMeta(Value):
    """A document's title, organisation, version and review stages."""

    title: str
    short_title: str | None = None
    organisation: str | None = None
    version: str | None = None
    date: str | None = None
    stages: tuple[Stage, ...] = ()
    # The closing words of the published instrument, where the default will not do.
    instrument_closing: str | None = None
    senders: tuple[Sender, ...] = ()


# How a division's heading line reads when the document does not say.
DEFAULT_DIVISION_HEADING = "{label}: {title}"


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Units(Value):
    """How a document names and numbers its levels, when it says so.

    English bylaws are divided into Articles (`division`, a division kind
    written `division_name` in `numerals`: "Article II") holding Sections
    (the document's articles, written `unit_name`), numbered afresh in each
    Article (`restart`: "Section 2") or with the Article's number in front
    (`decimal`: "Section 2.02"). `label` is how a unit's own heading reads and
    `citation` how the text cites it; in both `{d}` is the division's number
    and `{n}` the unit's. `heading` is how a division's heading line reads
    where the text is printed (`show`): `{label}` "Article II", `{d}` its
    numeral, `{D}` the numeral in capitals, `{title}` its title, as in
    "ARTICLE {d} – {title}". A document without `<units>` keeps the defaults:
    articles numbered straight through, divisions as parts and chapters.
    """

    division: DivisionKind = "chapter"
    division_name: str = "Article"
    numerals: Numerals = "upper-roman"
    unit_name: str = "Section"
    numbering: UnitNumbering = "restart"
    label: str = "Section {n}"
    citation: str = "Article {d}, Section {n}"
    heading: str = DEFAULT_DIVISION_HEADING


@value_class(frozen=True, eq=False, repr=False)
class Document(Value):
    """A whole text: metadata, outline and the articles the outline lists.

    `articles` maps ids to articles and holds exactly the article files on
    disk (a repealed article of a fixed document may have none).
    """

    id: str
    lang: Language
    numbering: NumberingMode
    style: NumberStyle
    meta: DocumentMeta
    outline: tuple[OutlineNode, ...]
    articles: Mapping[str, Article]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)
    # Text before the first article (recitals, the enacting words) and after
    # the last (signatures, the date of adoption): the document's, no article's.
    preamble: tuple[P, ...] = ()
    closing: tuple[P, ...] = ()
    units: Units | None = None

    def entries(self) -> list[ArticleEntry]:
        return list(iter_entries(self.outline))

    def ordered_articles(self) -> list[Article]:
        """Articles in outline order, skipping repealed entries and missing files."""
        return [
            self.articles[e.ref]
            for e in iter_entries(self.outline)
            if not e.repealed and e.ref in self.articles
        ]

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)


# --- proposals --------------------------------------------------------------

Relation = Literal["after", "before", "start", "end"]


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Position(Value):
    """Where an inserted or moved article goes.

    `after`/`before` an article id, or at the `start`/`end` of a division id.
    """

    relation: Relation
    anchor: str


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Amend(Value):
    """Replace an article's text with the proposal's copy in `articles/`."""

    article: str
    rationale: tuple[P, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Insert(Value):
    """Add a new article (its text in the proposal's `articles/`) at a position."""

    article: str
    position: Position
    rationale: tuple[P, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Repeal(Value):
    """An operation that repeals an article."""

    article: str
    rationale: tuple[P, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Move(Value):
    """An operation that moves an article to another place in the outline."""

    article: str
    position: Position
    rationale: tuple[P, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class AmendHeading(Value):
    """Give a division or an article a new heading."""

    target: str
    heading: str
    rationale: tuple[P, ...] = ()
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


Operation = Amend | Insert | Repeal | Move | AmendHeading

Verdict = Literal[
    "adopt", "adopt-modified", "reject", "refer-back", "withdrawn", "superseded"
]


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Ruling(Value):
    """A recommendation or a decision of one body, with its date.

    `modified` names the text adopted instead (a proposal id) for
    `adopt-modified`; `by` names the superseding proposal for `superseded`;
    `note` is the reason given; `votes` the votes cast (for, against,
    abstentions) when the body voted.
    """

    verdict: Verdict
    date: str
    modified: str | None = None
    by: str | None = None
    note: str | None = None
    votes: tuple[int, int, int] | None = None


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Review(Value):
    """What one body did with a proposal at one stage."""

    stage: str
    body: str
    recommendation: Ruling | None = None
    decision: Ruling | None = None
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Fingerprint(Value):
    """The sha256 of an article's canonical file when the proposal was drafted."""

    article: str
    sha256: str


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Base(Value):
    """What a proposal was drafted against: the document, a commit, fingerprints."""

    document: str
    commit: str | None = None
    fingerprints: tuple[Fingerprint, ...] = ()


@value_class(frozen=True, eq=False, repr=False)
class Proposal(Value):
    """An amendment proposal: an overlay of operations on its base document."""

    id: str
    title: str
    proposer: str
    submitted: str | None
    base: Base
    stage: str
    rationale: tuple[P, ...]
    reviews: tuple[Review, ...]
    operations: tuple[Operation, ...]
    articles: Mapping[str, Article]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


# --- feedback ---------------------------------------------------------------


@value_class(frozen=True, slots=True, eq=False, repr=False)
class Comment(Value):
    """A reviewer's or branch's comment anchored to an article or paragraph address."""

    id: str
    on: str
    author: str
    body: str
    date: str
    proposal: str | None
    text: tuple[P, ...]
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)
