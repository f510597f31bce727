"""`bylaws diff --format markdown` as a review comment, rendered as a host renders it.

GitHub and GitLab render comments as CommonMark with raw HTML allowed (then
sanitised to a list that keeps div[dir] and details/summary); markdown-it-py
in its CommonMark preset is that renderer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from bylaws.cli import cli
from tests.conftest import ENGLISH, SAMPLE

LONG = SAMPLE / "proposals" / "digital-registry"
SHORT = SAMPLE / "proposals" / "consultation-alternative"


def _markdown(*args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", *args, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    return result.output


def _render(text: str) -> lxml_html.HtmlElement:
    # CommonMark plus the two GFM extensions both hosts have.
    renderer = MarkdownIt("commonmark", {"html": True}).enable(
        ["strikethrough", "table"]
    )
    rendered = renderer.render(text)
    return lxml_html.fromstring(f"<body>{rendered}</body>")


def test_a_long_arabic_diff_folds_each_article_inside_a_right_to_left_block() -> None:
    text = _markdown(str(SAMPLE), str(LONG))
    tree = _render(text)
    (block,) = tree.xpath("//div[@dir='rtl']")
    details = block.xpath("./details")
    summaries = [d.find("summary").text_content() for d in details]
    assert len(details) > 3
    assert summaries[0].startswith("المادة التاسعة")
    # The body is Markdown again below the summary: struck and bold words, a list.
    amended = details[2]
    assert amended.xpath(".//s | .//del") and amended.xpath(".//strong")
    assert amended.xpath(".//ul/li")
    # The summary line comes first, before any article.
    first = block.xpath("./*")[0]
    assert first.tag == "p" and "معدّلة: 3" in first.text_content()


@pytest.mark.parametrize(
    "proposal", sorted(p.name for p in (SAMPLE / "proposals").iterdir())
)
def test_every_mark_renders_and_no_markup_is_left_literal(proposal: str) -> None:
    tree = _render(_markdown(str(SAMPLE), str(SAMPLE / "proposals" / proposal)))
    text = tree.text_content()
    assert "**" not in text and "~~" not in text
    assert tree.xpath("//strong | //s | //del")


def test_a_short_diff_stays_open_with_headings() -> None:
    tree = _render(_markdown(str(SAMPLE), str(SHORT)))
    assert not tree.xpath("//details")
    assert tree.xpath("//div[@dir='rtl']/h3")


def test_an_english_diff_needs_no_direction() -> None:
    text = _markdown(str(ENGLISH), str(ENGLISH / "proposals" / "family-membership"))
    assert "dir=" not in text
    assert _render(text).xpath("//h3")


@pytest.mark.parametrize("limit", [1500, 3000, 6000])
def test_the_size_limit_leaves_out_whole_articles_and_links_the_rest(
    limit: int,
) -> None:
    whole = _markdown(str(SAMPLE), str(LONG), "--max-bytes", "0")
    link = "https://example.org/internal-regulations/proposals/digital-registry/"
    text = _markdown(str(SAMPLE), str(LONG), "--max-bytes", str(limit), "--link", link)
    assert len(text.encode("utf-8")) <= limit
    tree = _render(text)
    (block,) = tree.xpath("//div[@dir='rtl']")
    kept = block.xpath("./details")
    # Every article kept is kept whole: its folded block is in the whole diff.
    for part in text.split("<details>")[1:]:
        assert "<details>" + part.split("</details>")[0] in whole
    (anchor,) = block.xpath(".//a")
    assert anchor.get("href") == link
    assert len(kept) < len(_render(whole).xpath("//details"))


def test_the_default_limit_is_under_githubs_comment_limit() -> None:
    text = _markdown(str(SAMPLE), str(LONG))
    assert len(text) < 65536
    assert "bylaws diff" not in text  # the sample fits whole


def test_without_a_link_the_note_says_how_to_see_everything() -> None:
    text = _markdown(str(SAMPLE), str(LONG), "--max-bytes", "2000")
    assert "`bylaws diff`" in text
    assert text.rstrip().endswith("</div>")


def test_the_link_comes_from_mkdocs_site_url_when_not_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(SAMPLE, tmp_path / "drafts" / SAMPLE.name)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: https://review.example.org/rules\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    doc = f"drafts/{SAMPLE.name}"
    text = _markdown(doc, f"{doc}/proposals/digital-registry", "--max-bytes", "2000")
    href = _render(text).xpath("//a/@href")
    assert href == [
        "https://review.example.org/rules/internal-regulations/proposals/digital-registry/"
    ]
    # mkdocs' own YAML tags are read as nothing, never run.
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: https://x.org/\nx: !!python/name:os.getcwd\n", "utf-8"
    )
    text = _markdown(doc, doc, "--max-bytes", "2000")
    assert _render(text).xpath("//a/@href") == []  # nothing left out
    text = _markdown(f"{doc}/proposals/digital-registry", doc, "--max-bytes", "2000")
    assert _render(text).xpath("//a/@href") == ["https://x.org/internal-regulations/"]
