"""Find cross-references written in prose and make them live.

«المادة (العاشرة) من النظام»، «الفقرة (2) من المادة (الخامسة)»، «الفقرة (1)
من هذه المادة»، "Article 12(2)". A mention becomes a `<ref>` only when its
target exists and the reference renders exactly as the prose reads, keeping
the words around it: «المادة (» + number + «)». Anything else stays text, so
an import never changes a word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import BylawsError
from ..locale import is_arabic
from ..model import Document, Inline, Ref, RefForm, Text
from ..numbering import ArticleNumber, render_ref
from ..text import ARABIC_INDIC_DIGITS, ARABIC_LETTERS
from .patterns import _letter_index, _number_then_rest

_AR_ARTICLE = re.compile(rf"(?<![{ARABIC_LETTERS}])(?:ال)?مادة\s+")
_AR_PARAGRAPH = re.compile(
    rf"(?<![{ARABIC_LETTERS}])الفقرة\s*(\(\s*[0-9{ARABIC_INDIC_DIGITS}]+\s*\))\s+من\s+"
)
_AR_LABEL = rf"\(\s*[0-9{ARABIC_INDIC_DIGITS}]+\s*\)"
# «الفقرات (1) و(2) و(5) من …», «الفقرتين (1) و(3) من …», and a range,
# «الفقرات من (2) إلى (6) من …»
_AR_PARAGRAPHS = re.compile(
    rf"(?<![{ARABIC_LETTERS}])(?:الفقرات|الفقرتين|الفقرتان)\s*"
    rf"({_AR_LABEL}(?:\s*و\s*{_AR_LABEL})+|من\s*{_AR_LABEL}\s*إلى\s*{_AR_LABEL})"
    rf"\s+من\s+"
)
_AR_LABEL_RE = re.compile(_AR_LABEL)
_AR_LETTER = rf"\(\s*[{ARABIC_LETTERS}]{{1,2}}\s*\)"
# «الفقرة الفرعية (ب) من الفقرة (2) من …», «الفقرتين الفرعيتين (ب) و(ج) …»,
# «البند (ب) من الفقرة (2) من …»: points, by their letters.
_AR_POINTS = re.compile(
    rf"(?<![{ARABIC_LETTERS}])(?:الفقرة\s+الفرعية|الفقرتين\s+الفرعيتين|"
    rf"الفقرتان\s+الفرعيتان|الفقرات\s+الفرعية|البند|البندين|البندان|البنود)\s*"
    rf"({_AR_LETTER}(?:\s*و\s*{_AR_LETTER})*)\s+من\s+الفقرة\s*({_AR_LABEL})\s+من\s+"
)
_AR_LETTER_RE = re.compile(_AR_LETTER)
_AR_THIS_ARTICLE = re.compile(r"(?:هذه|ذات)\s+المادة")
_AR_OTHER_LAW = re.compile(r"\s*من\s+(?:نظام|قانون|لائحة|اللائحة|قرار|اتفاقية)")
_EN_ARTICLE = re.compile(r"\bArticle\s+([0-9]+)((?:\([0-9]+\))?(?:\([a-z]+\))?)")


def _label_number(label: str) -> int:
    """The number of a label such as «(١٢)»; `int` reads any script's digits."""
    return int(re.sub(r"\D", "", label))


class ProseRefs:
    """Turns mentions in the text of one document into live references."""

    def __init__(
        self,
        doc: Document,
        numbers: Mapping[str, ArticleNumber],
        by_number: Mapping[tuple[int, int], str],
    ) -> None:
        self.doc = doc
        self.numbers = numbers
        self.by_number = by_number
        self.found = 0

    def _renders(self, address: str, form: RefForm) -> str | None:
        try:
            return render_ref(self.doc, Ref(address, form), self.numbers)
        except BylawsError:
            return None

    def __call__(self, text: str, article_id: str) -> list[Inline]:
        out: list[Inline] = []
        pos = 0
        i = 0
        while i < len(text):
            hit = self._match_at(text, i, article_id)
            if hit is None:
                i += 1
                continue
            end, pieces = hit
            if pos < i:
                out.append(Text(text[pos:i]))
            out.extend(pieces)
            self.found += sum(isinstance(p, Ref) for p in pieces)
            pos = i = end
        if pos < len(text):
            out.append(Text(text[pos:]))
        return out

    def _match_at(
        self, text: str, i: int, article_id: str
    ) -> tuple[int, list[Inline]] | None:
        if is_arabic(self.doc):
            points = _AR_POINTS.match(text, i)
            if points:
                return self._points(text, i, points, article_id)
            paras = _AR_PARAGRAPHS.match(text, i)
            if paras:
                return self._paragraphs(text, i, paras, article_id)
            para = _AR_PARAGRAPH.match(text, i)
            if para:
                return self._paragraph(text, i, para, article_id)
            art = _AR_ARTICLE.match(text, i)
            if art:
                return self._article(text, i, art.end())
            return None
        en = _EN_ARTICLE.match(text, i)
        if en:
            return self._english(text, i, en)
        return None

    def _article_at(self, text: str, start: int) -> tuple[str, int, str] | None:
        """The article named at text[start:]: (id, end, its number as written)."""
        parsed = _number_then_rest(text[start:], arabic=True)
        if parsed is None:
            return None
        n, _, rest = parsed
        end = len(text) - len(rest)
        written = text[start:end].rstrip()
        end = start + len(written)
        if _AR_OTHER_LAW.match(text, end):
            return None
        article_id = self.by_number.get((n, 0))
        if article_id is None:
            return None
        return article_id, end, written

    def _article(
        self, text: str, i: int, num_start: int
    ) -> tuple[int, list[Inline]] | None:
        found = self._article_at(text, num_start)
        if found is None:
            return None
        article_id, end, written = found
        pieces = self._designate(article_id, text[i:num_start], written)
        return (end, pieces) if pieces else None

    def _designate(self, address: str, lead: str, written: str) -> list[Inline] | None:
        """`lead` + `written` («المادة » + «(العاشرة)») as text and a reference."""
        whole = (lead + written).strip()
        if self._renders(address, "full") == re.sub(r"\s+", " ", whole):
            return [Ref(address, "full")]
        number = self._renders(address, "number")
        inner = written
        opened, closed = "", ""
        bracket = re.fullmatch(r"\(\s*(.*?)\s*\)", written)
        if bracket and number != written:
            inner = bracket.group(1)
            opened = written[: written.index(bracket.group(1))]
            closed = written[written.index(bracket.group(1)) + len(inner) :]
        if number == re.sub(r"\s+", " ", inner):
            pieces: list[Inline] = [Text(lead + opened), Ref(address, "number")]
            if closed:
                pieces.append(Text(closed))
            return pieces
        return None

    def _paragraph(
        self, text: str, i: int, para: re.Match[str], article_id: str
    ) -> tuple[int, list[Inline]] | None:
        label = para.group(1)
        n = _label_number(label)
        after = para.end()
        this = _AR_THIS_ARTICLE.match(text, after)
        if this:
            address = f"{article_id}/para-{n}"
            if self._renders(address, "number") == label:
                lead = text[i : para.start(1)]
                return para.end(1), [Text(lead), Ref(address, "number")]
            return None
        art = _AR_ARTICLE.match(text, after)
        if not art:
            return None
        found = self._article_at(text, art.end())
        if found is None:
            return None
        target, end, written = found
        address = f"{target}/para-{n}"
        whole = re.sub(r"\s+", " ", text[i:end])
        if self._renders(address, "full") == whole:
            return end, [Ref(address, "full")]
        if self._renders(address, "number") != label:
            return None
        tail = self._designate(target, text[para.end(1) : art.end()], written)
        if tail is None:
            return None
        return end, [Text(text[i : para.start(1)]), Ref(address, "number"), *tail]

    def _target(
        self, text: str, after: int, article_id: str, lead_start: int
    ) -> tuple[str, int | None, list[Inline]] | None:
        """The article named at text[after:]: «هذه المادة» (the one the words
        stand in; nothing more to link) or «المادة …» (its designation linked,
        with the words from `lead_start`). None when it names nothing here."""
        if _AR_THIS_ARTICLE.match(text, after):
            return article_id, None, []
        art = _AR_ARTICLE.match(text, after)
        found = self._article_at(text, art.end()) if art else None
        if art is None or found is None:
            return None
        target, end, written = found
        tail = self._designate(target, text[lead_start : art.end()], written)
        return None if tail is None else (target, end, tail)

    def _points(
        self, text: str, i: int, points: re.Match[str], article_id: str
    ) -> tuple[int, list[Inline]] | None:
        """Points by their letters, then their paragraph, then the article."""
        para_label = points.group(2)
        found = self._target(text, points.end(), article_id, points.end(2))
        if found is None:
            return None
        target, end, tail = found
        paragraph = f"{target}/para-{_label_number(para_label)}"
        if self._renders(paragraph, "number") != para_label:
            return None
        pieces: list[Inline] = []
        cursor = i
        for label in _AR_LETTER_RE.finditer(text, points.start(1), points.end(1)):
            letter = label.group()[1:-1].strip()
            address = f"{paragraph}/point-{_letter_index(letter)}"
            if self._renders(address, "number") != label.group():
                return None
            pieces += [Text(text[cursor : label.start()]), Ref(address, "number")]
            cursor = label.end()
        pieces += [Text(text[cursor : points.start(2)]), Ref(paragraph, "number")]
        return (points.end(2) if end is None else end), [*pieces, *tail]

    def _paragraphs(
        self, text: str, i: int, paras: re.Match[str], article_id: str
    ) -> tuple[int, list[Inline]] | None:
        """«الفقرات (1) و(2) من المادة (…)»: each number a live reference, the
        words between them kept; all of them or none."""
        labels = list(_AR_LABEL_RE.finditer(text, paras.start(1), paras.end(1)))
        found = self._target(text, paras.end(), article_id, labels[-1].end())
        if found is None:
            return None
        target, end, tail = found
        pieces: list[Inline] = []
        cursor = i
        for label in labels:
            n = _label_number(label.group())
            address = f"{target}/para-{n}"
            if self._renders(address, "number") != label.group():
                return None
            pieces += [Text(text[cursor : label.start()]), Ref(address, "number")]
            cursor = label.end()
        return (labels[-1].end() if end is None else end), [*pieces, *tail]

    def _english(
        self, text: str, i: int, en: re.Match[str]
    ) -> tuple[int, list[Inline]] | None:
        article_id = self.by_number.get((int(en.group(1)), 0))
        if article_id is None:
            return None
        steps = re.findall(r"\(([0-9]+|[a-z]+)\)", en.group(2))
        address = article_id
        if steps:
            address += f"/para-{steps[0]}"
        if len(steps) > 1:
            address += f"/point-{ord(steps[1][0]) - ord('a') + 1}"
        if self._renders(address, "full") == en.group(0):
            return en.end(), [Ref(address, "full")]
        return None
