"""The shapes real texts come in: each source in tests/data/import-shapes/ is
imported and shown (Markdown sources with `show -f markdown`), and the result compared with its expected `show` output
(`NAME.show`, rewritten by UPDATE_GOLDEN=1). A source with a `NAME.heading`
beside it is imported with that `--heading` pattern."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from bylaws.importers import import_file
from bylaws.importers.common import guess_lang
from bylaws.importers.normalise import normalise_letters, unmirror
from bylaws.render import Reader
from bylaws.show import as_markdown, as_text

SHAPES = Path(__file__).parent / "data" / "import-shapes"
SOURCES = sorted(p for p in SHAPES.iterdir() if p.suffix in {".txt", ".md"})


def _shown(source: Path) -> str:
    pattern = source.with_name(source.name + ".heading")
    heading = pattern.read_text(encoding="utf-8").strip() if pattern.exists() else None
    result = import_file(source, heading=heading)
    # Markdown comes back as Markdown, so that links show their targets.
    show = as_markdown if source.suffix == ".md" else as_text
    reader = Reader(result.document)
    warnings = [f"line {w.line}: {w.message}" for w in result.warnings]
    title = f"[{result.document.meta.title}]\n\n"
    return (
        title
        + show(reader, reader.outline(), True)
        + "".join(f"! {w}\n" for w in warnings)
    )


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_shape_imports_as_expected(source: Path) -> None:
    actual = _shown(source)
    expected = source.with_name(source.name + ".show")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"missing {expected}; run with UPDATE_GOLDEN=1"
    assert actual == expected.read_text(encoding="utf-8")


_MARKUP = set("#-*>[]()`\\|:.،")


def _words(text: str) -> Counter[str]:
    """Words that carry text: no list markers, labels or Markdown punctuation."""
    out: Counter[str] = Counter()
    for word in text.replace("<", "").replace(">", "").split():
        bare = word.strip("".join(_MARKUP))
        if len(bare) > 1 and not any(ch.isdigit() for ch in bare):
            out[bare] += 1
    return out


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_shape_keeps_every_word(source: Path) -> None:
    shown = _words(_shown(source))
    text = normalise_letters(source.read_text(encoding="utf-8"), arabic=False)
    if guess_lang(text) == "ar":
        # Letters as the importer reads them: Persian variants, mirrored brackets.
        lines = text.splitlines()
        text = "\n".join(unmirror(normalise_letters(x, arabic=True)) for x in lines)
    pattern = source.with_name(source.name + ".heading")
    if pattern.exists():
        # The heading's own words ("Rule No.") give way to the article label.
        heading = re.compile(pattern.read_text(encoding="utf-8").strip())
        text = "\n".join(
            m.group("title") if (m := heading.fullmatch(line)) else line
            for line in text.splitlines()
        )
    # A Markdown link's title (its tooltip, `[x](url "title")`) is not text of
    # the document and is not kept; the link's words and target are.
    text = re.sub(r'(\]\([^)\s]*)\s+"[^"]*"\)', r"\1)", text)
    missing = _words(text) - shown
    assert not missing
