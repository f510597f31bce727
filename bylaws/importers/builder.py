"""Turn the loose structure an importer found into a `Document`.

Every importer (text, Markdown, Word, Akoma Ntoso) fills the same mutable
draft: divisions, articles with their numbers, paragraphs, points and runs,
where a run may be a link whose target is still a key of the source format.
`finish` then derives ids from numbers (art-12, art-12-bis, chp-2), decides
between `auto` and `fixed` numbering, keeps the numbers of a text with gaps or
مكرر articles, resolves links into live references whose rendered text reads
as the source did, and reports what it had to guess as warnings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace

from ..errors import BylawsError
from ..locale import _, is_arabic
from ..model import (
    Article,
    ArticleEntry,
    Division,
    DivisionKind,
    Document,
    DocumentMeta,
    Hyperlink,
    Inline,
    Note,
    NumberingMode,
    NumberStyle,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Ref,
    RefForm,
    SourceLoc,
    Text,
)
from ..numbering import (
    ArticleNumber,
    number_outline,
    plain_number,
    render_ref,
    resolve_ref_path,
)
from ..numbering.places import PLACE_WORDS
from .draft import (
    SLUG_RE,
    Draft,
    DraftArticle,
    DraftDivision,
    DraftP,
    DraftParagraph,
    DraftPoint,
    DraftRun,
    ImportWarning,
    Link,
    iter_draft_articles,
    slugify,
)
from .prose import ProseRefs

__all__ = [
    "SLUG_RE",
    "Draft",
    "DraftArticle",
    "DraftDivision",
    "DraftP",
    "DraftParagraph",
    "DraftPoint",
    "DraftRun",
    "ImportWarning",
    "Link",
    "finish",
    "iter_draft_articles",
    "slugify",
]

DIVISION_PREFIX: dict[DivisionKind, str] = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
}


# --- ids and numbering ------------------------------------------------------


def _article_id(article: DraftArticle, position: int) -> str:
    if article.id and SLUG_RE.fullmatch(article.id):
        return article.id
    if article.number is not None:
        n, k = article.number
        return "art-" + plain_number(n, k)
    return f"art-{position}"


def _assign_ids(draft: Draft) -> None:
    seen: set[str] = set()

    def unique(base: str, line: int) -> str:
        candidate, i = base, 2
        while candidate in seen:
            candidate, i = f"{base}-{i}", i + 1
        if candidate != base:
            draft.warn(
                line,
                _("id {taken} is taken; this one is {given}"),
                taken=base,
                given=candidate,
            )
        seen.add(candidate)
        return candidate

    counters: Counter[str] = Counter()

    def walk(nodes: list[DraftDivision | DraftArticle], prefix: str) -> None:
        sections = 0
        for node in nodes:
            if isinstance(node, DraftArticle):
                counters["article"] += 1
                node.id = unique(_article_id(node, counters["article"]), node.line)
                continue
            if node.kind == "section":
                sections += 1
                count = sections
            else:
                counters[node.kind] += 1
                count = counters[node.kind]
            if not (node.id and SLUG_RE.fullmatch(node.id)):
                number = node.number if node.number is not None else count
                own = f"{DIVISION_PREFIX[node.kind]}-{number}"
                node.id = (
                    f"{prefix}-{own}" if node.kind == "section" and prefix else own
                )
            node.id = unique(node.id, node.line)
            walk(node.children, node.id if node.kind != "section" else prefix)

    walk(draft.outline, "")


def _fill_gaps(draft: Draft) -> None:
    """Keep the place of articles a later text left out, as repealed entries.

    An official consolidation often drops a repealed article (31, 33, …) or
    prints «ملغاة» in its place; both mean the number stays taken.
    """
    previous = 0

    def walk(
        nodes: list[DraftDivision | DraftArticle],
    ) -> list[DraftDivision | DraftArticle]:
        nonlocal previous
        out: list[DraftDivision | DraftArticle] = []
        for node in nodes:
            if isinstance(node, DraftDivision):
                node.children = walk(node.children)
                out.append(node)
                continue
            if node.number is not None and node.number[1] == 0:
                n = node.number[0]
                if previous < n - 1 and n - previous <= 50:
                    for missing in range(previous + 1, n):
                        draft.warn(
                            node.line,
                            _(
                                "article {missing} is missing before article {number}; kept in the outline as repealed"
                            ),
                            missing=missing,
                            number=n,
                        )
                        out.append(
                            DraftArticle((missing, 0), repealed=True, line=node.line)
                        )
                previous = max(previous, n)
            out.append(node)
        return out

    draft.outline = walk(draft.outline)


def _numbering(draft: Draft, articles: list[DraftArticle]) -> NumberingMode:
    if draft.numbering is not None:
        return draft.numbering
    expected = 1
    for article in articles:
        unnumbered = article.number is None
        if article.repealed or not (unnumbered or article.number == (expected, 0)):
            return "fixed"
        expected += 1
    return "auto"


def _style(draft: Draft, articles: list[DraftArticle]) -> NumberStyle:
    if draft.style is not None:
        return draft.style
    votes = Counter(a.style for a in articles if a.style is not None)
    if not votes:
        return "words" if is_arabic(draft) else "digits"
    return votes.most_common(1)[0][0]


# --- content ----------------------------------------------------------------


def _fold_runs(runs: list[Inline]) -> tuple[Inline, ...]:
    """Merge neighbouring texts and fold spaces, as the canonical XML would."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, Text):
            value = re.sub(r"[ \t\r\n]+", " ", run.value)
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].value + value)
            elif value:
                out.append(Text(value))
        else:
            out.append(run)
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].value.lstrip(" "))
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].value.rstrip(" "))
    return tuple(r for r in out if not (isinstance(r, Text) and not r.value))


Resolver = Callable[[str], str | None]
Settle = Callable[[Link], list[Inline]]


class _Content:
    """Converts draft content to model values; `settle` decides what a link becomes."""

    def __init__(
        self,
        path: str,
        settle: Settle | None = None,
        prose: Callable[[str, str], list[Inline]] | None = None,
    ) -> None:
        self.path = path
        self.settle = settle
        self.prose = prose
        self.current = ""

    def loc(self, line: int) -> SourceLoc | None:
        return SourceLoc(self.path, line, 1) if line else None

    def runs(self, runs: list[DraftRun]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for run in runs:
            if isinstance(run, Text):
                out.extend(self.prose(run.value, self.current) if self.prose else [run])
            elif isinstance(run, Hyperlink):
                out.append(run)
            elif self.settle is None:
                out.append(Text(run.text))
            else:
                out.extend(self.settle(run))
        return _fold_runs(out)

    def items(self, items: list[DraftP | DraftPoint]) -> tuple[P | Point, ...]:
        out: list[P | Point] = []
        for item in items:
            if isinstance(item, DraftP):
                out.append(P(self.runs(item.runs), self.loc(item.line)))
            else:
                out.append(Point(self.filled(item.items), self.loc(item.line)))
        return tuple(out)

    def texts(self, texts: list[DraftP]) -> tuple[P, ...]:
        """Texts outside any article (a preamble), empty ones left out."""
        self.current = ""
        found = (P(self.runs(p.runs), self.loc(p.line)) for p in texts)
        return tuple(p for p in found if p.runs)

    def filled(self, items: list[DraftP | DraftPoint]) -> tuple[P | Point, ...]:
        """Items, or one empty text where the source numbered an empty unit
        (the schema wants a paragraph or point to hold something)."""
        return self.items(items) or (P(()),)

    def article(self, draft: DraftArticle) -> Article:
        assert draft.id is not None
        self.current = draft.id
        return Article(
            id=draft.id,
            heading=draft.heading,
            paragraphs=tuple(
                Paragraph(self.filled(p.items), self.loc(p.line))
                for p in draft.paragraphs
            ),
            notes=tuple(Note(self.runs(runs)) for runs in draft.notes),
            loc=self.loc(draft.line),
            intro=tuple(P(self.runs(p.runs), self.loc(p.line)) for p in draft.intro),
        )


def _outline(
    nodes: list[DraftDivision | DraftArticle],
    numbering: NumberingMode,
    content: _Content,
) -> tuple[OutlineNode, ...]:
    out: list[OutlineNode] = []
    for node in nodes:
        if isinstance(node, DraftArticle):
            assert node.id is not None
            num = None
            if numbering == "fixed" and node.number is not None and node.number[1] == 0:
                num = str(node.number[0]) if node.number[0] >= 1 else None
            out.append(
                ArticleEntry(node.id, num, node.repealed, content.loc(node.line))
            )
        else:
            assert node.id is not None
            out.append(
                Division(
                    node.kind,
                    node.id,
                    node.heading,
                    _outline(node.children, numbering, content),
                    content.loc(node.line),
                )
            )
    return tuple(out)


def finish(
    draft: Draft,
    path: str = "",
    resolve: Resolver | None = None,
    prose_refs: bool = False,
) -> Document:
    """The document a draft describes; warnings are added to `draft.warnings`.

    Args:
        path: the source file, for the locations of values and warnings.
        resolve: maps a link target of the source format to an address;
            targets that are already addresses need none.
        prose_refs: also turn references written in prose into live ones.
    """
    if not draft.exact:
        _fill_gaps(draft)
    _assign_ids(draft)
    found = list(iter_draft_articles(draft.outline))
    numbering = _numbering(draft, found)
    style = _style(draft, found)
    _rehome_notes(draft, found)
    for article in found:
        if not article.repealed and not article.paragraphs:
            article.paragraphs.append(
                DraftParagraph([DraftP([], article.line)], article.line)
            )
            draft.warn(
                article.line, _("article {article} has no text"), article=article.id
            )
    plain = _Content(path)
    doc = Document(
        id=draft.doc_id,
        lang=draft.lang,
        numbering=numbering,
        style=style,
        meta=draft.meta or DocumentMeta(title=draft.title or draft.doc_id),
        outline=_outline(draft.outline, numbering, plain),
        articles=_articles(found, plain),
        loc=SourceLoc(path) if path else None,
        units=draft.units,
    )
    # Links become references only now that every target and number is known.
    numbers = number_outline(doc)

    def settle(link: Link) -> list[Inline]:
        return _settle_one(doc, numbers, link, resolve, draft, plain)

    prose = None
    if prose_refs:
        by_number = {
            a.number: a.id
            for a in found
            if a.number is not None and a.id and not a.repealed
        }
        prose = ProseRefs(doc, numbers, by_number)
    content = _Content(path, settle, prose)
    return replace(
        doc,
        articles=_articles(found, content),
        preamble=content.texts(draft.preamble),
        closing=content.texts(draft.closing),
    )


def _rehome_notes(draft: Draft, found: list[DraftArticle]) -> None:
    """A repealed article has no file: its notes and text go to a live neighbour."""
    live = [a for a in found if not a.repealed]
    orphans: list[list[DraftRun]] = []
    for article in found:
        if article.repealed:
            for paragraph in article.paragraphs:
                orphans.extend(
                    item.runs for item in paragraph.items if isinstance(item, DraftP)
                )
            orphans.extend(article.notes)
            if orphans and (article.paragraphs or article.notes):
                draft.warn(
                    article.line,
                    _(
                        "text kept with a repealed article is moved to the next article's notes"
                    ),
                )
            article.paragraphs, article.notes = [], []
        elif orphans:
            article.notes[:0] = orphans
            orphans = []
    if orphans and live:
        live[-1].notes.extend(orphans)


def _articles(found: list[DraftArticle], content: _Content) -> dict[str, Article]:
    return {
        a.id: content.article(a) for a in found if not a.repealed and a.id is not None
    }


# --- links -> live references -----------------------------------------------

# Words that name a target by its place, not its number ("this Article", "the
# preceding Section", `bylaws.numbering.places`): a link that reads so is kept
# in those words.
# What a link (Word, Markdown, Akoma Ntoso) reading in such words is kept
# as, in English and in Arabic («هذه المادة»، «المادة السابقة»، «المادة المذكورة»).
_KEPT_WORDS = re.compile(
    PLACE_WORDS.pattern
    + r"|(?:هذه|ذات)\s+المادة|المادة\s+(?:السابقة|التالية|المذكورة|المشار\s+إليها)"
)


def _settle_one(
    doc: Document,
    numbers: Mapping[str, ArticleNumber],
    link: Link,
    resolve: Resolver | None,
    draft: Draft,
    content: _Content,
) -> list[Inline]:
    """A reference whose rendering reads exactly as the link did, else the text."""
    address = resolve(link.target) if resolve else link.target
    if address is None:
        return [Text(link.text)]
    text = re.sub(r"\s+", " ", link.text).strip()
    if link.words or _KEPT_WORDS.fullmatch(text):
        worded = Ref(address, "full", content.loc(link.line), text)
        try:
            resolve_ref_path(doc, worded, numbers)
        except BylawsError:
            return [Text(link.text)]
        return [worded]
    forms: tuple[RefForm, ...] = ("full", "number")
    for form in forms:
        ref = Ref(address, form, content.loc(link.line))
        try:
            shown = render_ref(doc, ref, numbers)
        except BylawsError:
            return [Text(link.text)]
        if shown == text:
            return [ref]
    draft.warn(
        link.line,
        _(
            "link to {address} reads {text!r}, which is not how the document numbers it; kept as text"
        ),
        address=address,
        text=text,
    )
    return [Text(link.text)]
