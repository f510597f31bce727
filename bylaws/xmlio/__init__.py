"""XML in and out: the safe parser, the canonical form, and conversion between
element trees and `bylaws.model` values.

`parse` checks and parses bytes (no DTD, entity or network), `canonical` writes
the one form every file is kept in, `read` turns trees into model values and
`write` turns values back into trees. Callers import from here.
"""

from __future__ import annotations

from .canonical import TEXT_ELEMENTS, canonical_bytes, fold, serialize
from .parse import (
    BOM,
    MAX_FILE_BYTES,
    NS,
    XML_LANG,
    Q,
    check_bytes,
    expect_root,
    parse_bytes,
    parse_joined,
    parse_vetted,
)
from .read import (
    LazyArticles,
    article_from_xml,
    document_from_xml,
    feedback_from_xml,
    proposal_from_xml,
    source_loc,
)
from .write import (
    article_to_xml,
    document_to_xml,
    feedback_to_xml,
    proposal_to_xml,
    write_article,
)

__all__ = [
    "BOM",
    "MAX_FILE_BYTES",
    "NS",
    "TEXT_ELEMENTS",
    "XML_LANG",
    "LazyArticles",
    "Q",
    "article_from_xml",
    "article_to_xml",
    "canonical_bytes",
    "check_bytes",
    "document_from_xml",
    "document_to_xml",
    "expect_root",
    "feedback_from_xml",
    "feedback_to_xml",
    "fold",
    "parse_bytes",
    "parse_joined",
    "parse_vetted",
    "proposal_from_xml",
    "proposal_to_xml",
    "serialize",
    "source_loc",
    "write_article",
]
