"""Builders shared by the diff tests: small documents written in code."""

from __future__ import annotations

from dataclasses import replace

from bylaws.model import (
    Article,
    ArticleEntry,
    Division,
    Document,
    DocumentMeta,
    OutlineNode,
    P,
    Paragraph,
    Point,
    Ref,
    Text,
)


def para(text: str, *points: str) -> Paragraph:
    items: tuple[P | Point, ...] = (P((Text(text),)),)
    items += tuple(Point((P((Text(p),)),)) for p in points)
    return Paragraph(items)


def art(
    article_id: str, *paragraphs: str | Paragraph, heading: str | None = None
) -> Article:
    return Article(
        article_id,
        heading,
        tuple(p if isinstance(p, Paragraph) else para(p) for p in paragraphs),
    )


def ref_para(before: str, target: str, after: str) -> Paragraph:
    return Paragraph((P((Text(before), Ref(target), Text(after))),))


def document(
    chapters: list[tuple[str, str, list[Article]]],
    lang: str = "ar",
    numbering: str = "auto",
) -> Document:
    """A document from (chapter id, heading, articles) triples."""
    outline: list[OutlineNode] = []
    articles: dict[str, Article] = {}
    for chapter_id, heading, items in chapters:
        outline.append(
            Division(
                "chapter", chapter_id, heading, tuple(ArticleEntry(a.id) for a in items)
            )
        )
        articles.update({a.id: a for a in items})
    return Document(
        id="doc",
        lang=lang,
        numbering=numbering,  # type: ignore[arg-type]
        style="words",
        meta=DocumentMeta(title="نص"),
        outline=tuple(outline),
        articles=articles,
    )


def rename_ids(doc: Document, prefix: str) -> Document:
    """The same document with every article id changed, as a separate import would."""

    def walk(nodes: tuple[OutlineNode, ...]) -> tuple[OutlineNode, ...]:
        out: list[OutlineNode] = []
        for node in nodes:
            if isinstance(node, ArticleEntry):
                out.append(replace(node, ref=prefix + node.ref))
            else:
                out.append(
                    replace(node, id=prefix + node.id, children=walk(node.children))
                )
        return tuple(out)

    articles = {prefix + k: replace(v, id=prefix + k) for k, v in doc.articles.items()}
    return replace(doc, outline=walk(doc.outline), articles=articles)


MEMBERSHIP = art(
    "art-join",
    "يحق لكل مواطن بالغاً من العمر ثمانية عشر عاماً أن ينتسب إلى الحركة.",
    "يُقدَّم طلب الانتساب إلى أمانة الفرع في مكان الإقامة.",
)
RIGHTS = art(
    "art-rights", "للعضو حق الترشح والانتخاب في جميع هيئات الحركة وفق هذا النظام."
)
DUTIES = art(
    "art-duties", "يلتزم العضو بدفع الاشتراك الشهري في موعده وبحضور اجتماعات وحدته."
)
COUNCIL = art(
    "art-council",
    "يجتمع المجلس المركزي مرة كل ثلاثة أشهر بدعوة من رئيسه.",
    heading="اجتماعات المجلس",
)
BUDGET = art(
    "art-budget", "تعد الأمانة المالية مشروع الموازنة السنوية وتعرضه على المجلس."
)


def base_document() -> Document:
    return document(
        [
            ("chp-members", "العضوية", [MEMBERSHIP, RIGHTS, DUTIES]),
            ("chp-bodies", "الهيئات", [COUNCIL, BUDGET]),
        ]
    )
