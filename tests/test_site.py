"""The review site without a browser: page builders, escaping, the plugin, the CLI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.cli import cli
from bylaws.site.escape import Html, front_matter_title, h, url_segment
from bylaws.site.labels import labels_for
from bylaws.site.nav import manual_nav
from bylaws.site.pages import SitePage, document_pages, search_copy
from bylaws.site.sources import load_workspace
from bylaws.site.urls import SiteUrls
from bylaws.text import strip_for_search
from tests.conftest import ENGLISH, ROOT, SAMPLE, examples, golden

HOSTILE = ROOT / "tests" / "data" / "hostile" / "drafts"
ASSETS = ROOT / "bylaws" / "site" / "assets"


def _pages(folder: Path) -> dict[str, SitePage]:
    (bundle,) = load_workspace(folder)
    return {p.src_uri: p for p in document_pages(bundle)}


# --- pure builders ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "club-rules/text/chp-club.md",
        "club-rules/proposals/family-membership.md",
        "club-rules/articles/art-membership.md",
        "club-rules/consolidated.md",
        "club-rules/disposition.md",
    ],
)
def test_english_pages_match_golden_files(name: str) -> None:
    page = _pages(ENGLISH)[name]
    golden(f"site/{name.replace('/', '__')}", page.markdown())


def test_arabic_proposal_page_matches_golden_file() -> None:
    page = _pages(SAMPLE)["internal-regulations/proposals/member-consultation.md"]
    golden(
        "site/internal-regulations__proposals__member-consultation.md", page.markdown()
    )


def test_english_document_gets_english_labels_and_left_to_right() -> None:
    page = _pages(ENGLISH)["club-rules/proposals/family-membership.md"]
    assert 'dir="ltr"' in page.markdown()
    assert "Changes marked" in page.body and "Proposed by" in page.body
    assert "التعديلات" not in page.body


def test_arabic_document_gets_arabic_labels_and_right_to_left() -> None:
    page = _pages(SAMPLE)["internal-regulations/proposals/member-consultation.md"]
    assert 'dir="rtl"' in page.markdown()
    assert labels_for("ar")["redline"] in page.body


def test_where_an_article_goes_is_said_in_the_documents_words() -> None:
    pages = _pages(SAMPLE)
    moved = pages["internal-regulations/proposals/member-consultation.md"].body
    inserted = pages["internal-regulations/proposals/finance-transparency.md"].body
    positions = re.findall(r'<p class="bylaws-position">([^<]*)</p>', moved + inserted)
    assert positions
    assert not any(re.search(r"[A-Za-z]", p) for p in positions), positions
    # A division is named as readers know it, not by its id.
    assert any(p.startswith("نقل: في نهاية الفصل") for p in positions), positions
    assert any(p.startswith("إضافة: في بداية الفصل") for p in positions), positions


def test_the_formal_amendment_text_reads_without_its_machine_marks() -> None:
    body = _pages(SAMPLE)["internal-regulations/proposals/digital-registry.md"].body
    instrument = body.split('<div class="bylaws-instrument">', 1)[1].split("</div>")[0]
    # References read as designations (linked where the article is in force);
    # the ids that let `apply-instrument` read the text back are not shown.
    assert "](" not in instrument and "[art-" not in instrument
    assert 'class="bylaws-ref"' in instrument
    assert "المادة (الحادية عشرة): حماية بيانات الأعضاء" in instrument


def test_a_proposal_left_out_for_a_collision_is_explained_in_arabic() -> None:
    body = _pages(SAMPLE)["internal-regulations/consolidated-recommended.md"].body
    (failure,) = re.findall(r'admonition failure"><p>(.*?)</p>', body)
    assert labels_for("ar")["collides_with"] in failure
    assert 'href="../proposals/consultation-alternative/"' in failure
    assert 'href="../collisions/"' in failure
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"<[^>]*>", "", failure)), failure


def test_every_article_has_a_permanent_anchor_and_page() -> None:
    pages = _pages(SAMPLE)
    (bundle,) = load_workspace(SAMPLE)
    text = "".join(p.body for uri, p in pages.items() if "/text/" in uri)
    for article_id in bundle.doc.articles:
        assert f'<h2 id="{article_id}">' in text
        assert f"internal-regulations/articles/{article_id}.md" in pages


def test_cross_references_are_links_to_their_article() -> None:
    body = _pages(SAMPLE)["internal-regulations/text/chp-membership.md"].body
    assert re.search(
        r'<a class="bylaws-ref" href="../chp-general/#art-objectives">', body
    )


def test_redline_marks_deleted_words_out_of_search() -> None:
    body = _pages(SAMPLE)["internal-regulations/proposals/member-consultation.md"].body
    assert "<ins>" in body
    assert "<del data-search-exclude>" in body
    assert 'data-tabs="4"' in body


def test_article_page_lists_every_proposal_touching_it() -> None:
    body = _pages(SAMPLE)["internal-regulations/articles/art-candidacy.md"].body
    assert body.count('class="bylaws-compare-col"') == 2
    assert "member-consultation/" in body and "consultation-alternative/" in body


def test_consolidated_draft_attributes_changes() -> None:
    body = _pages(SAMPLE)["internal-regulations/consolidated.md"].body
    assert 'class="bylaws-attribution"' in body
    assert "accountable-leaderships/" in body


def test_search_copy_is_the_normalised_words_once() -> None:
    copy = search_copy("الأعضاءُ والأعضاء العضوية")
    assert (
        copy == '<div class="bylaws-search-copy" hidden>الاعضاء والاعضاء العضويه</div>'
    )


# --- escaping -------------------------------------------------------------------------------


def test_hostile_workspace_pages_hold_no_markup_from_files() -> None:
    for page in _pages(HOSTILE / "hostile").values():
        text = page.markdown()
        for needle in ("<script", "<img", "<svg", "<iframe", "<b>", "<b "):
            assert needle not in text, (page.src_uri, needle)
        assert not re.search(r"""href=["']\s*javascript:""", text)
        # Markdown and template syntax from files stays literal text.
        assert "--8<--" not in "\n".join(
            line for line in text.splitlines() if not line.startswith("<")
        )
        assert all(
            line.startswith(("<", "---", "title:", "search:", "  ")) or not line
            for line in text.splitlines()
        )


def test_front_matter_title_reads_back_as_escaped_text() -> None:
    hostile = '</title><script>alert("x")</script>\n: #{'
    meta = yaml.safe_load(front_matter_title(hostile))
    assert meta["title"] == h(hostile)
    assert "<" not in meta["title"]


@settings(max_examples=examples(100))
@given(st.text())
def test_escaped_text_never_opens_a_tag(text: str) -> None:
    escaped = h(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert "\n" not in escaped


@settings(max_examples=50)
@given(st.text())
def test_text_joining_html_is_escaped_however_it_joins(text: str) -> None:
    # Every way the pages put text into markup escapes it, as `h` does.
    escaped = str(h(text))
    assert Html("<p>{}</p>").format(text) == f"<p>{escaped}</p>"
    assert Html("<p>") + text == f"<p>{escaped}"
    assert Html("<br>").join([text, text]) == f"{escaped}<br>{escaped}"
    nested = Html("<p>{}</p>").format(Html("<b>{}</b>").format(text))
    assert nested == f"<p><b>{escaped}</b></p>"


def test_url_segments_are_percent_encoded() -> None:
    assert url_segment("javascript:alert(1)") == "javascript%3Aalert%281%29"
    assert url_segment("art-name") == "art-name"


def test_links_between_pages_are_relative() -> None:
    urls = SiteUrls("doc")
    assert (
        urls.link(urls.text("chp-a"), urls.article("art-x")) == "../../articles/art-x/"
    )
    assert urls.link(urls.text("chp-a"), urls.text("chp-a"), "art-x") == "#art-x"
    assert urls.link(urls.home(), urls.proposal("p")) == "proposals/p/"
    flat = SiteUrls("doc", directory_urls=False)
    assert (
        flat.link(flat.text("chp-a"), flat.article("art-x")) == "../articles/art-x.html"
    )


def test_manual_nav_groups_by_folder_and_skips_missing_folders() -> None:
    labels = labels_for("en")
    nav = manual_nav(
        ["index.md", "reviewing/search.md", "cli/site.md", "benchmarks.md"], labels
    )
    assert nav == [
        {"Reviewing": ["reviewing/search.md"]},
        {"Command line": ["cli/site.md"]},
        "benchmarks.md",
    ]


# --- the JavaScript normaliser agrees with the Python one -------------------------------

SAMPLES = [
    "الأَعْضَاءُ",
    "إِقرار آمِن ٱلوصل",
    "الحركـــة الجديدة",
    "مادة ١٢ و۳٤ و٣٫٥",
    "على علي، مستشفى؟ «الحزب»",
    "l'article L’Europe",
    "ÉCOLE Straße İstanbul",
    "a\u200cb\u200dc\u200fd\u202ae",
    "ا\u0654مر",
    "tab\tnew\nline   spaces",
    "(أ) البند - الأول/الثاني",
    "_under_score_",
]


def _node_normalise(strings: list[str]) -> list[str]:
    script = (
        "const window = {};"
        "const document = {addEventListener() {}};"
        + (ASSETS / "bylaws.js").read_text(encoding="utf-8")
        + "\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map(window.bylawsNormalize)));"
    )
    result = subprocess.run(
        ["node", "-e", script],
        input=json.dumps(strings),
        capture_output=True,
        text=True,
        check=True,
    )
    return list(json.loads(result.stdout))


needs_node = pytest.mark.skipif(
    shutil.which("node") is None, reason="node is not installed"
)


@needs_node
def test_javascript_normaliser_matches_python_on_samples() -> None:
    assert _node_normalise(SAMPLES) == [strip_for_search(s) for s in SAMPLES]


@needs_node
@settings(max_examples=examples(5), deadline=None)
@given(st.lists(st.text(alphabet=st.characters(max_codepoint=0x6FF)), max_size=40))
def test_javascript_normaliser_matches_python_on_generated_text(
    strings: list[str],
) -> None:
    assert _node_normalise(strings) == [strip_for_search(s) for s in strings]


# --- the plugin through mkdocs, and the CLI ----------------------------------------------


def _config(
    tmp_path: Path, workspace: Path, docs: dict[str, str] | None = None
) -> Path:
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    for name, text in (docs or {}).items():
        (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "test",
        "docs_dir": str(docs_dir),
        "site_dir": str(tmp_path / "site"),
        "theme": {"name": "material", "language": "ar", "direction": "rtl"},
        "plugins": [
            {"search": {"lang": "en", "pipeline": []}},
            {"bylaws": {"workspace": str(workspace)}},
        ],
        "markdown_extensions": ["toc", "attr_list", "md_in_html"],
    }
    path = tmp_path / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def test_plugin_builds_the_sample_strictly(tmp_path: Path) -> None:
    from bylaws.site import build

    config = _config(tmp_path, SAMPLE.parent, {"reviewing/reading.md": "# Reading\n"})
    site = build(config, strict=True)
    page = (
        site
        / "internal-regulations"
        / "proposals"
        / "member-consultation"
        / "index.html"
    )
    html = page.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    assert "assets/bylaws/bylaws.css" in html and "assets/bylaws/bylaws.js" in html
    assert (site / "assets" / "bylaws" / "bylaws.js").is_file()
    assert (site / "reviewing" / "reading" / "index.html").is_file()
    index = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    texts = {d["location"]: d["text"] for d in index["docs"]}
    name = texts["internal-regulations/text/chp-general/#art-name"]
    assert "تسمي هذه الحركه" in name  # the folded copy
    assert not any("consolidated-recommended" in loc for loc in texts)


def test_deleted_words_stay_out_of_the_search_index(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    from bylaws.site import build

    site = build(_config(tmp_path, SAMPLE.parent), strict=True)
    page = site / "internal-regulations/proposals/member-consultation/index.html"
    tree = lxml_html.fromstring(page.read_bytes())
    deleted = {d.text_content().strip() for d in tree.iter("del")} - {""}
    for excluded in tree.xpath("//*[@data-search-exclude]"):
        excluded.drop_tree()
    kept = tree.text_content()
    only_deleted = [w for w in deleted if w not in kept]
    assert only_deleted, "the sample proposal should delete some words"
    index = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    proposal_text = " ".join(
        d["text"]
        for d in index["docs"]
        if d["location"].startswith(
            "internal-regulations/proposals/member-consultation"
        )
    )
    for words in only_deleted:
        assert words not in proposal_text


def test_site_markdown_writes_the_same_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["site", "markdown", str(ENGLISH.parent), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    written = tmp_path / "club-rules" / "proposals" / "family-membership.md"
    assert (
        written.read_text("utf-8")
        == _pages(ENGLISH)["club-rules/proposals/family-membership.md"].markdown()
    )
    assert (tmp_path / "assets" / "bylaws" / "bylaws.css").is_file()


def test_site_build_without_config_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["site", "build", "-f", str(tmp_path / "mkdocs.yml")]
    )
    assert result.exit_code == 2
    assert "no mkdocs.yml here" in result.output
