"""The site marks invisible characters visibly, with a warning (issue #11, item 1)."""

from __future__ import annotations

from pathlib import Path

from bylaws.site.escape import Html, h, marked
from bylaws.site.pages import SitePage, document_pages
from bylaws.site.sources import load_workspace

RLO, PDF, LRM, ZWSP = "\u202e", "\u202c", "\u200e", "\u200b"
MEMBERSHIP = "articles/art-membership.xml"
PROPOSED = "proposals/family-membership/" + MEMBERSHIP
RAW = (RLO, PDF, ZWSP)


def _pages(folder: Path) -> dict[str, SitePage]:
    (bundle,) = load_workspace(folder)
    return {p.src_uri: p for p in document_pages(bundle)}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_marked_text_names_each_character() -> None:
    html = marked(f"within {RLO}14{PDF} days <b>")
    assert html == Html(
        'within <span class="bylaws-invisible" title="U+202E RIGHT-TO-LEFT '
        'OVERRIDE">⟨U+202E⟩</span>14<span class="bylaws-invisible" '
        'title="U+202C POP DIRECTIONAL FORMATTING">⟨U+202C⟩</span> days &lt;b&gt;'
    )
    assert marked(f"a{LRM}b") == Html(f"a{LRM}b")  # meant: left alone
    assert "⟨U+200E⟩" in marked(f"a{LRM}b", soft=True)


def test_text_anywhere_else_gets_the_plain_token() -> None:
    # titles, attributes, navigation: no markup there, but no hidden character
    assert h(f'x{RLO}"') == Html("x⟨U+202E⟩&quot;")


def test_article_and_text_pages_mark_them_with_a_warning(english: Path) -> None:
    _edit(english / MEMBERSHIP, "within 30 days", f"within {RLO}30{PDF} days")
    pages = _pages(english)
    article = pages["club-rules/articles/art-membership.md"].markdown()
    assert 'title="U+202E RIGHT-TO-LEFT OVERRIDE">⟨U+202E⟩</span>30' in article
    assert 'class="bylaws-invisible-warning"' in article
    assert "characters a reader cannot see" in article
    for page in pages.values():
        text = page.markdown()
        assert not any(char in text for char in RAW), page.src_uri


def test_redlines_show_the_override_and_a_changed_direction_mark(
    english: Path,
) -> None:
    _edit(english / PROPOSED, "within 14 days", f"within {RLO}14{PDF} days")
    _edit(english / PROPOSED, "good reason", f"good{LRM} reason")
    page = _pages(english)["club-rules/proposals/family-membership.md"].markdown()
    assert "⟨U+202E⟩</span>14" in page
    assert "⟨U+200E⟩" in page  # the mark is what changed: shown in the redline
    assert 'class="bylaws-invisible-warning"' in page
    assert not any(char in page for char in RAW)


def test_pages_without_them_carry_no_warning(english: Path) -> None:
    for page in _pages(english).values():
        assert "bylaws-invisible" not in page.markdown()
