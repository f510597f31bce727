"""Proposals shaped like a party conference's, for benchmarks and tests.

    python tools/gen_conference.py --articles 200 --proposals 1000 --out /tmp/conf

writes /tmp/conf/drafts/corpus/ (the document) with its proposals. Unlike
`gen_proposals`, which splits one revision into disjoint shares, these overlap
as a real conference's do: a few popular articles draw most of the proposals
(a Zipf law), several branches propose competing wordings of the same words
(and some the very same wording), new articles are inserted at the same place,
chapters are renamed twice, articles are repealed or moved while others amend
them.

With `compatible=True` no two proposals change the same words or the same
place, so that all of them can be adopted together (`bylaws apply`): they still
crowd onto the popular articles, each on its own words.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import replace
from pathlib import Path

from gen_corpus import _WORDS, generate, write

from bylaws import xmlio
from bylaws.model import (
    Amend,
    AmendHeading,
    Article,
    Base,
    Document,
    Insert,
    Move,
    Operation,
    P,
    Paragraph,
    Position,
    Proposal,
    Relation,
    Repeal,
    Text,
    iter_divisions,
    iter_entries,
)

# Competing wordings for a word: a few per place, so that branches agree sometimes.
_WORDINGS = 4
# Words of a paragraph a drafter tends to change (every third word, so that
# changes at neighbouring places stay apart for the word merge).
_PLACES = 5


def _zipf(rng: random.Random, n: int) -> int:
    """An index in [0, n), rank r drawn with weight 1 / (r + 1)."""
    weights = [1 / (r + 1) for r in range(n)]
    return rng.choices(range(n), weights)[0]


def _last_text(article: Article, para: int) -> tuple[int, list[str]] | None:
    first = article.paragraphs[para].items[0]
    if not isinstance(first, P) or not isinstance(first.runs[-1], Text):
        return None
    return len(first.runs) - 1, first.runs[-1].value.split(" ")


def _with_word(article: Article, para: int, place: int, word: str) -> Article:
    """The article with one word of a paragraph's first text replaced."""
    found = _last_text(article, para)
    if found is None:
        return article
    index, words = found
    slot = min(3 * place + 1, len(words) - 1)
    words[slot] = word
    paragraph = article.paragraphs[para]
    first = paragraph.items[0]
    assert isinstance(first, P)
    runs = (*first.runs[:index], Text(" ".join(words)))
    paragraphs = list(article.paragraphs)
    paragraphs[para] = replace(paragraph, items=(P(runs), *paragraph.items[1:]))
    return replace(article, paragraphs=tuple(paragraphs))


def _wording(rng: random.Random, article: str, para: int, place: int) -> str:
    """One of the few wordings branches propose for a place (stable per place)."""
    local = random.Random(f"{article}/{para}/{place}")
    choices = local.sample(_WORDS, _WORDINGS)
    return rng.choice(choices)


class _Conference:
    """Draws proposals one by one; remembers what compatible ones have taken."""

    def __init__(self, doc: Document, seed: int, compatible: bool) -> None:
        self.doc = doc
        self.rng = random.Random(seed)
        self.compatible = compatible
        self.ids = [e.ref for e in iter_entries(doc.outline)]
        self.chapters = [d.id for d in iter_divisions(doc.outline)]
        self.taken: set[object] = set()  # words, places and articles in use

    def _article(self) -> str:
        return self.ids[_zipf(self.rng, len(self.ids))]

    def _free(self, key: object) -> bool:
        """In compatible mode, whether `key` is still free (and take it)."""
        if not self.compatible:
            return True
        if key in self.taken:
            return False
        self.taken.add(key)
        return True

    def amend(self, texts: dict[str, Article]) -> Operation | None:
        ref = self._article()
        if ("whole", ref) in self.taken or ref in texts:
            return None  # one change per article and proposal
        article = texts.get(ref, self.doc.articles[ref])
        para = self.rng.randrange(len(article.paragraphs))
        place = _zipf(self.rng, _PLACES)
        if not self._free(("word", ref, para, place)):
            return None
        self.taken.add(("amended", ref))
        word = _wording(self.rng, ref, para, place)
        if self.compatible:  # a wording nobody else can propose for this place
            word = f"{word}{len(self.taken)}"
        texts[ref] = _with_word(article, para, place, word)
        return Amend(ref)

    def insert(self, pid: str, n: int, texts: dict[str, Article]) -> Operation | None:
        anchor = self._article()
        relation: Relation = "after" if self.rng.choice((0, 1)) == 0 else "before"
        if self.compatible and ("whole", anchor) in self.taken:
            return None
        if not self._free(("place", relation, anchor)):
            return None
        self.taken.add(("anchor", anchor))
        new_id = f"art-{pid}-{n}"
        words = " ".join(
            self.rng.choice(_WORDS) for _ in range(self.rng.randint(12, 30))
        )
        texts[new_id] = Article(new_id, None, (Paragraph((P((Text(words + "."),)),)),))
        return Insert(new_id, Position(relation, anchor))

    def heading(self) -> Operation | None:
        chapter = self.chapters[_zipf(self.rng, len(self.chapters))]
        if not self._free(("heading", chapter)):
            return None
        heading = " ".join(self.rng.sample(_WORDS, 3))
        return AmendHeading(chapter, heading)

    def repeal(self) -> Operation | None:
        ref = self.ids[-1 - _zipf(self.rng, len(self.ids))]  # the unpopular end
        if self.compatible and any(
            k in self.taken for k in (("amended", ref), ("anchor", ref))
        ):
            return None
        if not self._free(("whole", ref)):
            return None
        return Repeal(ref)

    def move(self) -> Operation | None:
        ref = self.ids[-1 - _zipf(self.rng, len(self.ids))]
        anchor = self._article()
        if anchor == ref:
            return None
        if self.compatible and any(
            k in self.taken for k in (("anchor", ref), ("whole", anchor))
        ):
            return None
        if not self._free(("whole", ref)) or not self._free(("place", "after", anchor)):
            return None
        self.taken.add(("anchor", anchor))
        return Move(ref, Position("after", anchor))

    def _draw(self, pid: str, n: int, texts: dict[str, Article]) -> Operation | None:
        roll = self.rng.random()
        if roll < 0.7:
            return self.amend(texts)
        if roll < 0.85:
            return self.insert(pid, n, texts)
        if roll < 0.93:
            return self.heading()
        if roll < 0.97:
            return self.repeal()
        return self.move()

    def proposal(self, number: int) -> Proposal:
        pid = f"p{number:04d}"
        ops: dict[str, Operation] = {}
        texts: dict[str, Article] = {}
        anchors: set[str | None] = set()
        wanted = self.rng.choice((1, 1, 1, 2, 2, 3))
        for n in range(1000):  # in compatible mode, draws may find places taken
            if len(ops) >= wanted:
                break
            op = self._draw(pid, n, texts)
            if op is None:
                continue
            ref = op.target if isinstance(op, AmendHeading) else op.article
            anchor = getattr(getattr(op, "position", None), "anchor", None)
            if ref in ops or anchor in ops or (anchor and anchor in anchors):
                continue  # one operation per article and place in a proposal
            ops[ref] = op
            anchors.add(anchor)
        else:
            raise ValueError("the document is too small for so many proposals")
        return _proposal(
            self.doc,
            pid,
            number,
            tuple(ops.values()),
            {a: t for a, t in texts.items() if a in ops},
        )


def _proposal(
    doc: Document,
    pid: str,
    number: int,
    ops: tuple[Operation, ...],
    texts: dict[str, Article],
) -> Proposal:
    return Proposal(
        id=pid,
        title=f"مقترح الفرع رقم {number}",
        proposer=f"فرع متخيل {number % 37 + 1}",
        submitted="2026-03-01",
        base=Base(doc.id),
        stage=doc.meta.stages[0].id if doc.meta.stages else "drafting-committee",
        rationale=(P((Text("مقترح مولّد للقياس."),)),),
        reviews=(),
        operations=ops,
        articles=texts,
    )


def conference(
    doc: Document, count: int, seed: int = 1, compatible: bool = False
) -> list[Proposal]:
    """`count` overlapping proposals against `doc` (see the module's docstring)."""
    drawer = _Conference(doc, seed, compatible)
    return [drawer.proposal(n) for n in range(1, count + 1)]


def write_conference(doc: Document, proposals: list[Proposal], folder: Path) -> None:
    """The document and its proposals, on disk in canonical form, each proposal
    recording the fingerprints of the articles it names (its base), as
    `bylaws propose` does: `apply` refuses a proposal whose base is unknown."""
    from dataclasses import replace

    from bylaws.proposal_files import fingerprints_for

    write(doc, folder)
    for proposal in proposals:
        named = sorted(
            {op.article for op in proposal.operations if hasattr(op, "article")}
        )
        base = replace(proposal.base, fingerprints=fingerprints_for(folder, named))
        proposal = replace(proposal, base=base)
        target = folder / "proposals" / proposal.id
        (target / "articles").mkdir(parents=True, exist_ok=True)
        (target / "proposal.xml").write_bytes(
            xmlio.serialize(xmlio.proposal_to_xml(proposal))
        )
        for article in proposal.articles.values():
            data = xmlio.write_article(article)
            (target / "articles" / f"{article.id}.xml").write_bytes(data)


def base_document(articles: int, seed: int = 1) -> Document:
    """The text in force a conference amends: a generated document."""
    return generate(articles, seed)[0]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--proposals", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compatible", action="store_true")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    doc = base_document(args.articles, args.seed)
    proposals = conference(doc, args.proposals, args.seed, args.compatible)
    write_conference(doc, proposals, args.out / "drafts" / doc.id)


if __name__ == "__main__":
    main()
