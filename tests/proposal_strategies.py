"""Hypothesis strategies: small random documents and random proposals on them."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from bylaws.model import (
    Amend,
    AmendHeading,
    Article,
    ArticleEntry,
    Base,
    Division,
    Document,
    DocumentMeta,
    Insert,
    Move,
    Note,
    Operation,
    P,
    Paragraph,
    Point,
    Position,
    Proposal,
    Ref,
    Repeal,
    Text,
    iter_divisions,
    iter_entries,
)

WORDS = {
    "ar": [
        "العضو",
        "الحركة",
        "المؤتمر",
        "في",
        "من",
        "على",
        "اللجنة",
        "يحق",
        "لكل",
        "العامة",
    ],
    "en": [
        "member",
        "the",
        "of",
        "board",
        "may",
        "shall",
        "vote",
        "in",
        "each",
        "branch",
    ],
}


# Characters a reader cannot see (bylaws.invisibles.INVISIBLES), which every
# property must meet: zero-width ones, joiners, direction marks, an override
# and its end, an isolate, a soft hyphen, a C1 control (XML allows those).
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u202e",
    "\u202c",
    "\u2067",
    "\u2069",
    "\u00ad",
    "\u2060",
    "\u009b",
]


@st.composite
def sentences(draw: st.DrawFn, lang: str) -> str:
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=8))
    if draw(st.integers(0, 4)) == 0:
        # One invisible character, inside a word or at one of its edges.
        index = draw(st.integers(0, len(words) - 1))
        word = words[index]
        at = draw(st.integers(0, len(word)))
        words[index] = word[:at] + draw(st.sampled_from(INVISIBLE)) + word[at:]
    end = draw(st.sampled_from(["", ".", "،" if lang == "ar" else ","]))
    return " ".join(words) + end


_SAID = {"ar": "المادة المذكورة", "en": "this Article"}


@st.composite
def p_items(draw: st.DrawFn, lang: str, refs: list[str]) -> P:
    text = draw(sentences(lang))
    if refs and draw(st.booleans()):
        target = draw(st.sampled_from(refs))
        # Now and then a reference in the text's own words ("the said article").
        words = draw(st.sampled_from([None, None, None, _SAID[lang]]))
        ref = Ref(target, words=words)
        return P((Text(text + " "), ref, Text(" " + draw(sentences(lang)))))
    return P((Text(text),))


@st.composite
def paragraphs(draw: st.DrawFn, lang: str, refs: list[str]) -> Paragraph:
    items: list[P | Point] = [draw(p_items(lang, refs))]
    for _ in range(draw(st.integers(0, 2))):
        items.append(Point((draw(p_items(lang, refs)),)))
    return Paragraph(tuple(items))


@st.composite
def articles(draw: st.DrawFn, ref: str, lang: str, refs: list[str]) -> Article:
    heading = draw(st.one_of(st.none(), sentences(lang)))
    paras = draw(st.lists(paragraphs(lang, refs), min_size=1, max_size=3))
    return Article(ref, heading, tuple(paras))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    lang = draw(st.sampled_from(["ar", "en"]))
    numbering = draw(st.sampled_from(["auto", "fixed"]))
    style = draw(st.sampled_from(["words", "digits"]))
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
    ids = [f"art-{i}" for i in range(1, sum(sizes) + 1)]
    outline = []
    n = 0
    for c, size in enumerate(sizes, 1):
        entries = []
        for _ in range(size):
            n += 1
            entries.append(
                ArticleEntry(f"art-{n}", str(n) if numbering == "fixed" else None)
            )
        outline.append(
            Division("chapter", f"chp-{c}", draw(sentences(lang)), tuple(entries))
        )
    texts = {ref: draw(articles(ref, lang, ids)) for ref in ids}
    return Document(
        "doc",
        lang,
        numbering,
        style,
        DocumentMeta("T"),
        tuple(outline),
        texts,  # type: ignore[arg-type]
    )


@st.composite
def edited_article(draw: st.DrawFn, article: Article, lang: str) -> Article:
    """One to three word-level or structural edits of an article."""
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(["word", "word", "heading", "paragraph", "point", "note"])
        )
        paras = list(article.paragraphs)
        if kind == "heading":
            article = replace(article, heading=draw(sentences(lang)))
        elif kind == "note":  # a new editorial note, or the last one reworded
            note = Note((Text(draw(sentences(lang))),))
            kept = article.notes[:-1] if draw(st.booleans()) else article.notes
            article = replace(article, notes=(*kept, note))
        elif kind == "paragraph":
            paras.insert(draw(st.integers(0, len(paras))), draw(paragraphs(lang, [])))
            article = replace(article, paragraphs=tuple(paras))
        else:
            i = draw(st.integers(0, len(paras) - 1))
            items = list(paras[i].items)
            j = draw(st.integers(0, len(items) - 1))
            item = items[j]
            p = item if isinstance(item, P) else item.items[0]
            assert isinstance(p, P)
            runs = list(p.runs)
            k = draw(st.integers(0, len(runs) - 1))
            run = runs[k]
            if isinstance(run, Text):
                words = run.value.split(" ")
                w = draw(st.integers(0, len(words) - 1))
                action = draw(st.sampled_from(["replace", "insert", "delete"]))
                new_word = draw(st.sampled_from(WORDS[lang]))
                if action == "replace":
                    words[w] = new_word
                elif action == "insert":
                    words.insert(w, new_word)
                elif len(words) > 1:
                    del words[w]
                value = " ".join(words)
                if k == 0:
                    value = value.lstrip(" ")
                if k == len(runs) - 1:
                    value = value.rstrip(" ")
                if value:
                    runs[k] = Text(value)
            new_p = P(tuple(runs))
            items[j] = new_p if isinstance(item, P) else Point((new_p, *item.items[1:]))
            if kind == "point" and isinstance(item, P):
                items.insert(j + 1, Point((P((Text(draw(sentences(lang))),)),)))
            paras[i] = Paragraph(tuple(items))
            article = replace(article, paragraphs=tuple(paras))
    return article


@st.composite
def proposals(draw: st.DrawFn, doc: Document, name: str = "p") -> Proposal:
    """A proposal of 1–4 operations that apply to `doc` in order."""
    live = [e.ref for e in iter_entries(doc.outline) if not e.repealed]
    ops: list[Operation] = []
    texts: dict[str, Article] = {}
    used: set[str] = set()
    placed: set[tuple[str, str]] = set()
    for step in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["amend", "amend", "insert", "repeal", "move", "heading"])
        )
        free = [r for r in live if r not in used]
        if kind in ("amend", "repeal", "move") and not free:
            continue
        if kind == "amend":
            ref = draw(st.sampled_from(free))
            texts[ref] = draw(edited_article(doc.articles[ref], doc.lang))
            ops.append(Amend(ref))
            used.add(ref)
        elif kind == "insert":
            anchor = draw(st.sampled_from(live))
            relation = draw(st.sampled_from(["after", "before"]))
            if (relation, anchor) in placed:
                continue
            ref = f"art-{name}-new-{step}"
            texts[ref] = draw(articles(ref, doc.lang, []))
            ops.append(Insert(ref, Position(relation, anchor)))  # type: ignore[arg-type]
            placed.add((relation, anchor))
        elif kind == "repeal" and len(free) > 1:
            ref = draw(st.sampled_from(free))
            if any((r, ref) in placed for r in ("after", "before")):
                continue
            ops.append(Repeal(ref))
            used.add(ref)
            live.remove(ref)
        elif kind == "move" and len(live) > 1:
            ref = draw(st.sampled_from(free))
            anchor = draw(st.sampled_from([r for r in live if r != ref]))
            relation = draw(st.sampled_from(["after", "before"]))
            if (relation, anchor) in placed:
                continue
            ops.append(Move(ref, Position(relation, anchor)))  # type: ignore[arg-type]
            placed.add((relation, anchor))
            used.add(ref)
        elif kind == "heading":
            division = draw(
                st.sampled_from([d.id for d in iter_divisions(doc.outline)])
            )
            if division in used:
                continue
            ops.append(AmendHeading(division, draw(sentences(doc.lang))))
            used.add(division)
    if not ops:
        ref = live[0]
        texts[ref] = draw(edited_article(doc.articles[ref], doc.lang))
        ops.append(Amend(ref))
    return Proposal(
        name,
        name,
        "x",
        None,
        Base(doc.id),
        "drafting-committee",
        (),
        (),
        tuple(ops),
        texts,
    )


@st.composite
def decorated(draw: st.DrawFn, doc: Document) -> Document:
    """The same document with notes, and words after points, here and there."""
    words = WORDS[doc.lang]

    def phrase() -> P:
        chosen = draw(st.lists(st.sampled_from(words), min_size=1, max_size=5))
        return P((Text(" ".join(chosen)),))

    articles = {}
    for ref, article in doc.articles.items():
        paras = []
        for para in article.paragraphs:
            if para.points and draw(st.booleans()):
                para = Paragraph((*para.items, phrase()))
            paras.append(para)
        notes = tuple(Note(phrase().runs) for _ in range(draw(st.integers(0, 2))))
        articles[ref] = replace(article, paragraphs=tuple(paras), notes=notes)
    return replace(doc, articles=articles)
