"""Generate a realistic Arabic-like document and a second version of it, for benchmarks.

    python tools/gen_corpus.py --articles 2000 --seed 1 --out /tmp/corpus

writes /tmp/corpus/old/corpus/ and /tmp/corpus/new/corpus/ (document.xml and
articles/), in canonical form. The new version has 10% of articles amended and
1% each inserted, repealed and moved to another chapter. Same seed, same bytes.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import replace
from pathlib import Path

from bylaws import workspace, xmlio
from bylaws.model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    DocumentMeta,
    Inline,
    P,
    Paragraph,
    Point,
    Ref,
    Text,
)

# Invented vocabulary in the register of internal regulations (no real text copied).
_WORDS = (  # noqa: SIM905 - one readable string, split once
    "الحركة العضو الأعضاء اللجنة المركزية القيادة المؤتمر العام الفرع الفروع الوحدة "
    "الأساسية يحق يجوز لا يلتزم تتولى تعقد تنتخب تقرر تصدر النظام الداخلي الهيئة "
    "الهيئات القرار القرارات الأغلبية المطلقة ثلثي الحاضرين اجتماعاً دورياً كل ثلاثة "
    "أشهر سنوياً بدعوة من رئيسها أو أمينها العام خلال مدة لا تتجاوز يوماً من تاريخ "
    "تقديم الطلب الاشتراك الشهري المالية الرقابة التقرير الحساب الختامي الموازنة "
    "الانتخابات الترشح التصويت السري المباشر الطعن أمام هيئة التحكيم المختصة وفق "
    "أحكام هذا النظام واللوائح الصادرة بمقتضاه على أن في مع إلى عن بعد قبل"
).split()
_NUMBERS = ("سبعة", "عشرة", "خمسة عشر", "ثلاثين", "٣٠", "15", "ستين")


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(_WORDS) for _ in range(words)]
    if rng.random() < 0.3:
        picked.insert(rng.randrange(len(picked)), rng.choice(_NUMBERS))
    text = " ".join(picked)
    if rng.random() < 0.4:
        cut = rng.randrange(3, max(4, len(picked) - 2))
        text = " ".join(picked[:cut]) + "، " + " ".join(picked[cut:])
    return text + "."


def _runs(rng: random.Random, ids: list[str], words: int) -> tuple[Inline, ...]:
    text = _sentence(rng, words)
    if ids and rng.random() < 0.25:
        head, _, tail = text.partition(" ")
        return (Text(head + " وفق "), Ref(rng.choice(ids)), Text(" " + tail))
    return (Text(text),)


def _article(rng: random.Random, article_id: str, ids: list[str]) -> Article:
    paragraphs = []
    for _ in range(rng.randint(1, 4)):
        items: list[P | Point] = [P(_runs(rng, ids, rng.randint(14, 40)))]
        if rng.random() < 0.3:
            items += [
                Point((P(_runs(rng, ids, rng.randint(6, 16))),))
                for _ in range(rng.randint(2, 4))
            ]
        paragraphs.append(Paragraph(tuple(items)))
    heading = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 4)))
    return Article(article_id, heading, tuple(paragraphs))


def _amend(rng: random.Random, article: Article) -> Article:
    """A small real edit: a word replaced, a phrase added, or a paragraph added."""
    paragraphs = list(article.paragraphs)
    n = rng.randrange(len(paragraphs))
    first = paragraphs[n].items[0]
    assert isinstance(first, P)
    runs = list(first.runs)
    last = runs[-1]
    if isinstance(last, Text):
        words = last.value.split(" ")
        choice = rng.random()
        if choice < 0.5 and len(words) > 3:
            words[rng.randrange(1, len(words) - 1)] = rng.choice(_WORDS)
        elif choice < 0.8:
            words.insert(
                rng.randrange(1, len(words)), "، " + _sentence(rng, 5)[:-1] + "،"
            )
        else:
            paragraphs.append(Paragraph((P((Text(_sentence(rng, 20)),)),)))
        runs[-1] = Text(" ".join(words))
    paragraphs[n] = replace(
        paragraphs[n], items=(P(tuple(runs)), *paragraphs[n].items[1:])
    )
    return replace(article, paragraphs=tuple(paragraphs))


def generate(articles: int, seed: int) -> tuple[Document, Document]:
    """The old and the new document (articles in memory)."""
    rng = random.Random(seed)
    ids = [f"art-{n:05d}" for n in range(1, articles + 1)]
    texts = {a: _article(rng, a, ids) for a in ids}
    chapters = [ids[i : i + 20] for i in range(0, len(ids), 20)]
    meta = DocumentMeta(title="نظام داخلي مولَّد للقياس", organisation="منظمة متخيلة")

    def outline(groups: list[list[str]]) -> tuple[Division, ...]:
        return tuple(
            Division(
                "chapter",
                f"chp-{n:04d}",
                f"الفصل المولد {n}",
                tuple(ArticleEntry(a) for a in group),
            )
            for n, group in enumerate(groups, 1)
        )

    old = Document("corpus", "ar", "auto", "words", meta, outline(chapters), texts)
    share = max(1, articles // 100)
    shuffled = ids[:]
    rng.shuffle(shuffled)
    amended = shuffled[: articles // 10]
    repealed = set(shuffled[articles // 10 : articles // 10 + share])
    moved = shuffled[articles // 10 + share : articles // 10 + 2 * share]
    new_texts = {a: t for a, t in texts.items() if a not in repealed}
    for a in amended:
        new_texts[a] = _amend(rng, texts[a])
    groups = [
        [a for a in group if a not in repealed and a not in moved] for group in chapters
    ]
    for a in moved:
        groups[rng.randrange(len(groups))].insert(0, a)
    for n in range(share):
        new_id = f"art-new-{n:04d}"
        new_texts[new_id] = _article(rng, new_id, ids)
        group = groups[rng.randrange(len(groups))]
        group.insert(rng.randrange(len(group) + 1), new_id)
    new = Document("corpus", "ar", "auto", "words", meta, outline(groups), new_texts)
    return old, new


def write(doc: Document, folder: Path) -> None:
    """A document folder in canonical form."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    workspace.write_atomic(
        folder / "document.xml", xmlio.serialize(xmlio.document_to_xml(doc))
    )
    for article in doc.articles.values():
        (folder / "articles" / f"{article.id}.xml").write_bytes(
            xmlio.write_article(article)
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    old, new = generate(args.articles, args.seed)
    write(old, args.out / "old" / "corpus")
    write(new, args.out / "new" / "corpus")


if __name__ == "__main__":
    main()
