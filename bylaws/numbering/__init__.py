"""Numbers as people read them: Arabic and English ordinals, مكرر/bis, references.

Split by job: `ordinals` writes ordinal and cardinal words and digits, `parsing`
reads numbers back from text, `labels` writes the designations of articles,
divisions, paragraphs, points and references, `outline` numbers a whole
document and resolves its references. Callers import from `bylaws.numbering`.
"""

from __future__ import annotations

from .labels import (
    SUFFIXES_EN,
    after_preposition,
    article_label,
    article_number,
    division_label,
    paragraph_label,
    parse_plain_number,
    plain_number,
    point_label,
    point_letter,
    ref_designation,
    repealed_mark,
    roman_lower,
    suffix_label,
)
from .ordinals import (
    MAX_ORDINAL_AR,
    Gender,
    cardinal_digits,
    cardinal_en,
    ordinal_ar,
    ordinal_en,
    to_genitive_ar,
)
from .outline import (
    ArticleNumber,
    ArticleShape,
    PointShape,
    designation,
    label_for,
    number_divisions,
    number_outline,
    render_ref,
    resolve_ref_path,
)
from .parsing import parse_number
from .units import (
    Cited,
    division_heading,
    division_label_in,
    division_numeral,
    parse_roman,
    read_citation,
    unit_number,
    upper_roman,
)

__all__ = [
    "MAX_ORDINAL_AR",
    "SUFFIXES_EN",
    "ArticleNumber",
    "ArticleShape",
    "Cited",
    "Gender",
    "PointShape",
    "after_preposition",
    "article_label",
    "article_number",
    "cardinal_digits",
    "cardinal_en",
    "designation",
    "division_heading",
    "division_label",
    "division_label_in",
    "division_numeral",
    "label_for",
    "number_divisions",
    "number_outline",
    "ordinal_ar",
    "ordinal_en",
    "paragraph_label",
    "parse_number",
    "parse_plain_number",
    "parse_roman",
    "plain_number",
    "point_label",
    "point_letter",
    "read_citation",
    "ref_designation",
    "render_ref",
    "repealed_mark",
    "resolve_ref_path",
    "roman_lower",
    "suffix_label",
    "to_genitive_ar",
    "unit_number",
    "upper_roman",
]
