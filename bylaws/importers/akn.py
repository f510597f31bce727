"""Akoma Ntoso 2.0 and 3.0 -> a document.

Reads an `act` (or any document type with a `body`): parts, chapters and
sections become divisions; `article` elements (or, in Commonwealth texts
without articles, `section` elements) become articles; numbered
subdivisions become paragraphs, list items and points become points, and
`<ref href="#…">` to an element of the same text becomes a live reference.
What our own export carries (GUIDs, `proprietary` settings) comes back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from lxml import etree

from ..errors import UnusableInput
from ..locale import _
from ..model import (
    DivisionKind,
    Document,
    DocumentMeta,
    Hyperlink,
    NumberingMode,
    NumberStyle,
    Sender,
    Stage,
    Text,
)
from ..numbering import parse_number
from ..xmlio import NS as BYLAWS_NS
from ..xmlio import XML_LANG, fold, parse_bytes
from .builder import (
    Draft,
    DraftArticle,
    DraftDivision,
    DraftP,
    DraftParagraph,
    DraftPoint,
    DraftRun,
    Link,
    finish,
    iter_draft_articles,
)
from .common import WEB_ADDRESS
from .patterns import article_head, division_head, is_repealed_text

AKN_NAMESPACES = (
    "http://www.akomantoso.org/2.0",
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
)
_LANG2 = {"ara": "ar", "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "spa": "es"}
_DIVISIONS: dict[str, DivisionKind] = {
    "part": "part",
    "book": "part",
    "title": "part",
    "chapter": "chapter",
    "subpart": "chapter",
    "section": "section",
    "subchapter": "section",
}
_TEXT_HOLDERS = {
    "content",
    "intro",
    "wrapUp",
    "listIntroduction",
    "listWrapUp",
    "alinea",
}
_POINTS = {
    "point",
    "item",
    "paragraph",
    "subparagraph",
    "clause",
    "subclause",
    "indent",
}
_SKIP = {"num", "heading", "subheading"}
_LISTS = {"blockList", "list"}


def _line(el: etree._Element) -> int:
    value = getattr(el, "sourceline", None)
    return value if isinstance(value, int) else 0


def _all_text(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _reads_repealed(article: DraftArticle) -> bool:
    """Whether an article's only words say it is repealed («ملغاة», "[Repealed …]")."""
    text = " ".join(
        fold("".join(r.value if isinstance(r, Text) else r.text for r in p.runs))
        for para in article.paragraphs
        for p in para.items
        if isinstance(p, DraftP)
    ).strip()
    return is_repealed_text(text) or text.lower().startswith("[repealed")


class _Reader:
    def __init__(self, draft: Draft, root: etree._Element, ns: str) -> None:
        self.draft = draft
        self.ns = ns
        self.targets: dict[str, tuple[DraftArticle, str]] = {}
        self.pending: list[list[DraftRun]] = []
        self.article_tag = (
            "article" if root.find(f".//{{{ns}}}article") is not None else "section"
        )

    # --- inline ---------------------------------------------------------------

    def runs(self, el: etree._Element) -> list[DraftRun]:
        out: list[DraftRun] = []
        if el.text:
            out.append(Text(el.text))
        for child in el:
            if isinstance(child.tag, str):
                name = _local(child)
                href = child.get("href", "")
                text = fold(_all_text(child))
                if name == "ref" and href.startswith("#"):
                    out.append(Link(href[1:], text, _line(child)))
                elif name == "ref" and WEB_ADDRESS.fullmatch(href):
                    out.append(Hyperlink(href, text))
                elif name in {"authorialNote", "noteRef", "eol", "eop"}:
                    pass
                else:
                    out.extend(self.runs(child))
            if child.tail:
                out.append(Text(child.tail))
        return out

    def ps(self, el: etree._Element) -> list[DraftP]:
        """The blocks of a text holder as paragraphs of text."""
        blocks = [c for c in el if _local(c) in {"p", "block", "blockContainer"}]
        if not blocks and _all_text(el).strip():
            return [DraftP(self.runs(el), _line(el))]
        out: list[DraftP] = []
        for block in blocks:
            if _local(block) == "blockContainer":
                out.extend(self.ps(block))
            else:
                out.append(DraftP(self.runs(block), _line(block)))
        return out

    # --- content --------------------------------------------------------------

    def items(
        self, children: Iterable[etree._Element], article: DraftArticle, address: str
    ) -> list[DraftP | DraftPoint]:
        items: list[DraftP | DraftPoint] = []
        for child in children:
            name = _local(child)
            if not name or name in _SKIP:
                continue
            if name in _TEXT_HOLDERS or name == "hcontainer":
                structured = any(_local(c) in _LISTS | _POINTS for c in child)
                if structured:
                    items.extend(self.items(child, article, address))
                else:
                    items.extend(self.ps(child))
            elif name == "p":
                items.append(DraftP(self.runs(child), _line(child)))
            elif name in _LISTS:
                items.extend(self.items(child, article, address))
            elif name in _POINTS:
                count = sum(isinstance(i, DraftPoint) for i in items) + 1
                point_address = f"{address}/point-{count}"
                self.remember(child, article, point_address)
                items.append(
                    DraftPoint(self.items(child, article, point_address), _line(child))
                )
            else:
                text = fold(_all_text(child)).strip()
                if text:
                    self.draft.warn(
                        _line(child), _("<{element}> read as plain text"), element=name
                    )
                    items.append(DraftP([Text(text)], _line(child)))
        return items

    def remember(self, el: etree._Element, article: DraftArticle, address: str) -> None:
        for key in ("eId", "id", "wId"):
            value = el.get(key)
            if value:
                self.targets[value] = (article, address)

    def article(self, el: etree._Element) -> DraftArticle:
        num = fold(_text(el, self.ns, "num")).strip()
        number, style = _article_number(num)
        guid = el.get("GUID")
        article = DraftArticle(number, style, guid, line=_line(el))
        heading = el.find(f"{{{self.ns}}}heading")
        if heading is not None:
            article.heading = fold(_all_text(heading)).strip()
        self.remember(el, article, "")
        if el.get("status") in {"removed", "repealed"}:
            article.repealed = True
            return article
        self.article_body(el, article)
        if _reads_repealed(article):
            article.repealed = True
            article.paragraphs = []
        return article

    def article_body(self, el: etree._Element, article: DraftArticle) -> None:
        """An article's paragraphs and notes; loose content joins a paragraph."""
        loose: list[DraftP | DraftPoint] = []
        for child in el:
            name = _local(child)
            if not name or name in _SKIP:
                continue
            if name == "hcontainer" and child.get("name") == "note":
                for p in self.ps(child):
                    article.notes.append(p.runs)
                continue
            if name in {"paragraph", "subsection"}:
                lead = [i for i in loose if isinstance(i, DraftP)]
                if lead and len(lead) == len(loose) and not article.paragraphs:
                    # Text before the first numbered paragraph: its lead-in.
                    article.intro, loose = lead, []
                if loose:
                    article.paragraphs.append(DraftParagraph(loose, loose[0].line))
                    loose = []
                n = len(article.paragraphs) + 1
                self.remember(child, article, f"/para-{n}")
                paragraph = DraftParagraph(
                    self.items(child, article, f"/para-{n}"), _line(child)
                )
                article.paragraphs.append(paragraph)
            else:
                n = len(article.paragraphs) + 1
                loose.extend(self.items([child], article, f"/para-{n}"))
        if loose:
            if article.paragraphs and not any(isinstance(i, DraftPoint) for i in loose):
                article.paragraphs[-1].items.extend(loose)
            else:
                article.paragraphs.append(DraftParagraph(loose, loose[0].line))

    def walk(
        self, el: etree._Element, into: list[DraftDivision | DraftArticle]
    ) -> None:
        for child in el:
            name = _local(child)
            if name == self.article_tag:
                article = self.article(child)
                article.notes[:0] = self.pending
                self.pending = []
                into.append(article)
            elif name in _DIVISIONS or name == "hcontainer":
                if (
                    name == "hcontainer"
                    and child.find(f".//{{{self.ns}}}{self.article_tag}") is None
                ):
                    self.keep(
                        child,
                        _(
                            "a container without articles; kept as a note of the next article"
                        ),
                    )
                    continue
                kind = _DIVISIONS.get(name, "part")
                num = fold(_text(child, self.ns, "num")).strip()
                heading = fold(_text(child, self.ns, "heading")).strip()
                found = division_head(num) if num else None
                number = (
                    found.number if found else parse_number(re.sub(r"[^\w\s]", "", num))
                )
                division = DraftDivision(
                    kind, number, heading, child.get("GUID"), line=_line(child)
                )
                into.append(division)
                self.walk(child, division.children)
            elif name and name not in _SKIP:
                self.keep(
                    child,
                    _(
                        "<{element}> outside any article; kept as a note of the next article"
                    ),
                    element=name,
                )

    def keep(self, el: etree._Element, message: str, **args: str) -> None:
        """Text with no place in the outline: a note of the next article; `message`
        (a msgid with `args`) is the warning that says so."""
        text = fold(_all_text(el)).strip()
        if text:
            self.draft.warn(_line(el), message, **args)
            self.pending.append([Text(text)])

    def resolve(self, target: str) -> str | None:
        found = self.targets.get(target)
        if found is None or found[0].id is None:
            return None
        return found[0].id + found[1]


def _text(el: etree._Element, ns: str, name: str) -> str:
    found = el.find(f"{{{ns}}}{name}")
    return _all_text(found) if found is not None else ""


def _article_number(num: str) -> tuple[tuple[int, int] | None, NumberStyle | None]:
    if not num:
        return None, None
    head = article_head(num, True)
    if head is not None:
        return (head.number, head.suffix), head.style
    found = re.match(r"\(?\s*([0-9]+)\s*([A-Za-z]*)", num)
    if found:
        suffix = found.group(2).lower()
        k = ord(suffix[0]) - ord("a") + 1 if suffix else 0
        return (int(found.group(1)), k), "digits"
    value = parse_number(num.strip(" .:-"))
    return ((value, 0), "words") if value is not None else (None, None)


def import_akn(
    data: bytes, path: str, doc_id: str, lang: str | None = None
) -> tuple[Document, Draft]:
    """An Akoma Ntoso 2.0 or 3.0 document (an act, bill or doc) as a document."""
    root = parse_bytes(data, path)
    ns = etree.QName(root).namespace or ""
    if _local(root) != "akomaNtoso" or not ns.startswith(AKN_NAMESPACES):
        raise UnusableInput(
            _(
                "XML root element must be akomaNtoso in an Akoma Ntoso 2.0 or 3.0 namespace, but got {element} instead"
            ),
            path,
            _line(root) or 1,
            1,
            element=f"{{{ns}}}{_local(root)}",
        )
    kind = next((c for c in root if isinstance(c.tag, str)), None)
    body = kind.find(f"{{{ns}}}body") if kind is not None else None
    if kind is None or body is None:
        raise UnusableInput(
            _("an Akoma Ntoso {kind} without a <body> has no articles to import")
            if kind is not None
            else _(
                "an Akoma Ntoso file with no document in it has no articles to import"
            ),
            path,
            (_line(kind) if kind is not None else 0) or 1,
            1,
            kind=_local(kind) if kind is not None else "",
        )
    own = kind.find(f".//{{{BYLAWS_NS}}}document")
    draft = Draft(
        lang=lang or _language(kind, ns, body), doc_id=doc_id, exact=own is not None
    )
    if own is not None:
        _own_settings(draft, own)
    else:
        draft.title = _title(kind, ns)
    reader = _Reader(draft, body, ns)
    reader.walk(body, draft.outline)
    last = list(iter_draft_articles(draft.outline))
    if reader.pending and last:
        last[-1].notes.extend(reader.pending)
    _keep_front_matter(draft, reader, kind, ns, own is None)
    return finish(draft, path, resolve=reader.resolve), draft


def _keep_front_matter(
    draft: Draft, reader: _Reader, kind: etree._Element, ns: str, foreign: bool
) -> None:
    """Preamble (and a foreign text's preface) before the articles, conclusions after."""
    names = ("preface", "preamble") if foreign else ("preamble",)
    for name, into in (
        *((n, draft.preamble) for n in names),
        ("conclusions", draft.closing),
    ):
        holder = kind.find(f"{{{ns}}}{name}")
        if holder is None:
            continue
        for p in holder.iter(f"{{{ns}}}p"):
            runs = reader.runs(p)
            if "".join(
                r.value if isinstance(r, Text) else r.text for r in runs
            ).strip():
                into.append(DraftP(runs, _line(p)))


def _own_settings(draft: Draft, own: etree._Element) -> None:
    def child(name: str) -> str | None:
        found = own.find(f"{{{BYLAWS_NS}}}{name}")
        return found.text if found is not None else None

    draft.doc_id = own.get("id") or draft.doc_id
    draft.lang = own.get(XML_LANG) or draft.lang
    draft.numbering = cast(NumberingMode, own.get("numbering", "auto"))
    draft.style = cast(NumberStyle, own.get("style", "words"))
    draft.meta = DocumentMeta(
        title=child("title") or "",
        short_title=child("shortTitle"),
        organisation=child("organisation"),
        version=child("version"),
        date=child("date"),
        stages=tuple(
            Stage(s.get("id", ""), s.text or "")
            for s in own.findall(f"{{{BYLAWS_NS}}}stage")
        ),
        senders=tuple(
            Sender(s.get("address", ""), s.text or "")
            for s in own.findall(f"{{{BYLAWS_NS}}}sender")
        ),
    )


def _language(kind: etree._Element, ns: str, body: etree._Element) -> str:
    found = kind.find(f".//{{{ns}}}FRBRExpression/{{{ns}}}FRBRlanguage")
    if found is not None and found.get("language"):
        code = found.get("language", "")
        return _LANG2.get(code, code)
    return body.get(XML_LANG) or "en"


def _title(kind: etree._Element, ns: str) -> str:
    for path in (
        f".//{{{ns}}}docTitle",
        f".//{{{ns}}}FRBRalias",
        f".//{{{ns}}}shortTitle",
    ):
        found = kind.find(path)
        if found is not None:
            value = found.get("value") or _all_text(found)
            if value.strip():
                return fold(value).strip()
    return ""
