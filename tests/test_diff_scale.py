"""The diff at scale: 2,000 generated articles, counted against the generator.

`tools/gen_corpus.py` knows what it did (which articles it amended, inserted,
repealed, moved to another chapter); the diff must find exactly that. This
is correctness, not speed: nothing here is timed.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bylaws.diff.changes import ArticleChange
from bylaws.model import Document, iter_divisions
from bylaws.operands import diff_paths

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _chapters(doc: Document) -> dict[str, str]:
    return {
        entry.ref: division.id
        for division in iter_divisions(doc.outline)
        for entry in division.children
        if not hasattr(entry, "children")
    }


def _truth(old: Document, new: Document) -> Counter[str]:
    """What the generator did, counted by kind of change."""
    both = old.articles.keys() & new.articles.keys()
    before, after = _chapters(old), _chapters(new)
    return Counter(
        {
            "amended": sum(old.articles[a] != new.articles[a] for a in both),
            "inserted": len(new.articles.keys() - old.articles.keys()),
            "repealed": len(old.articles.keys() - new.articles.keys()),
            "moved": sum(before[a] != after[a] for a in both),
        }
    )


def test_the_diff_of_2000_articles_finds_what_the_generator_did(
    tmp_path: Path,
) -> None:
    sys.path.insert(0, str(TOOLS))
    try:
        from gen_corpus import generate, write
    finally:
        sys.path.remove(str(TOOLS))
    old, new = generate(2000, seed=3)
    write(old, tmp_path / "old" / "corpus")
    write(new, tmp_path / "new" / "corpus")
    diff = diff_paths(
        str(tmp_path / "old" / "corpus"), str(tmp_path / "new" / "corpus")
    )
    articles = [c for c in diff.changes if isinstance(c, ArticleChange)]
    found = Counter(kind for c in articles for kind in c.kinds)
    truth = _truth(old, new)
    assert {k: found[k] for k in truth} == dict(truth)
    assert truth["amended"] >= 150 and truth["moved"] == 20


def test_big_json_written_in_pieces_is_the_whole_text(tmp_path: Path) -> None:
    """`--format json` streams its text; the pieces, several of them at this
    size, join to exactly json.dumps of the data, with and without context,
    and the command writes the same bytes."""
    import json

    from bylaws.formatters import FormatOptions
    from bylaws.formatters.json import as_data, iter_diff
    from bylaws.invisibles import json_escaped
    from tests.cli_run import run

    sys.path.insert(0, str(TOOLS))
    try:
        from gen_corpus import generate, write
    finally:
        sys.path.remove(str(TOOLS))
    old, new = generate(300, seed=5)
    write(old, tmp_path / "old" / "corpus")
    write(new, tmp_path / "new" / "corpus")
    operands = str(tmp_path / "old" / "corpus"), str(tmp_path / "new" / "corpus")
    for context in (False, True):
        diff = diff_paths(*operands, context=context)
        options = FormatOptions(context=context)
        pieces = list(iter_diff(diff, options))
        whole = json_escaped(json.dumps(as_data(diff, options), ensure_ascii=False))
        assert len(pieces) > 1
        assert "".join(pieces) == whole + "\n"
    out = run("diff", "--format", "json", *operands)
    assert out == "".join(iter_diff(diff_paths(*operands), FormatOptions()))


def test_labels_past_the_ordinal_words_are_in_digits() -> None:
    """Past article 9,999 an Arabic text in words labels its articles in digits,
    each one as the labelling functions write it, before and after the end of
    the words is met."""
    from bylaws.diff.sides import Side
    from bylaws.model import ArticleEntry, Document, DocumentMeta
    from bylaws.numbering import article_label

    ids = [f"a{n}" for n in range(1, 10_003)]
    doc = Document(
        id="d",
        lang="ar",
        numbering="auto",
        style="words",
        meta=DocumentMeta(title="t"),
        outline=tuple(ArticleEntry(i) for i in ids),
        articles={},
    )
    side = Side(doc)
    for n in (10_001, 9_998, 9_999, 10_000, 10_002):
        style = "words" if n <= 9_999 else "digits"
        assert side.label(f"a{n}") == article_label(n, 0, "ar", style)
