"""The review site in a real browser: Playwright driving Debian's chromium.

The site is built once per session into a temporary folder and served over
HTTP on 127.0.0.1. Screenshots of the main pages go to tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bylaws.text import search_key, strip_for_search
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
# axe-core from the npm registry (tests/axe/package.json; .ci/run installs it).
AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = ROOT / "tests" / "data" / "hostile" / "drafts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium (apt install chromium)",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _build(
    tmp: Path, workspace: Path, docs: dict[str, str], *, offline: bool = False
) -> Path:
    from bylaws.site import build

    docs_dir = tmp / "docs"
    for name, text in docs.items():
        (docs_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / name).write_text(text, encoding="utf-8")
    docs_dir.mkdir(exist_ok=True)
    repo_config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    import yaml

    config = yaml.safe_load(repo_config)
    config.update(docs_dir=str(docs_dir), site_dir=str(tmp / "site"))
    config["plugins"] = [
        p
        if not (isinstance(p, dict) and "bylaws" in p)
        else {"bylaws": {"workspace": str(workspace)}}
        for p in config["plugins"]
    ]
    path = tmp / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")
    # offline: what `bylaws site build --offline` builds (links to files).
    return build(path, strict=True, offline=offline)


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Both sites built and served: {"sample": base URL, "hostile": base URL}."""
    manual = {
        "reviewing/notes.md": "# Notes\n\nA footnote.[^1]\n\n[^1]: "
        + "كلمة " * 40
        + "\n"
    }
    roots = {
        "sample": _build(tmp_path_factory.mktemp("sample"), SAMPLE.parent, manual),
        "hostile": _build(tmp_path_factory.mktemp("hostile"), HOSTILE, {}),
    }
    offline = _build(
        tmp_path_factory.mktemp("offline"), SAMPLE.parent, {}, offline=True
    )
    servers = []
    urls = {}
    for name, root in roots.items():
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        urls[name] = f"http://127.0.0.1:{server.server_address[1]}/"
        urls[name + "-root"] = str(root)
    urls["offline"] = offline.as_uri() + "/"
    yield urls
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_pages_are_right_to_left(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"] + "internal-regulations/text/chp-membership/")
    assert page.locator("body").get_attribute("dir") == "rtl"
    assert page.locator(".bylaws-page").get_attribute("dir") == "rtl"
    heading = page.locator("#art-membership-conditions")
    assert heading.is_visible()
    # Right to left: the heading's text ends at the right edge of the content.
    box = heading.bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert box is not None and content is not None
    assert box["x"] + box["width"] > content["x"] + content["width"] * 0.7
    _shot(page, "text-chapter")


def test_a_redline_shows_insertions_and_deletions(
    page: Any, served: dict[str, str]
) -> None:
    page.goto(served["sample"] + "internal-regulations/proposals/member-consultation/")
    redline = page.locator(".bylaws-tab-redline").first
    assert redline.is_visible()
    assert redline.locator("ins").count() > 0
    assert redline.locator("del").count() > 0
    ins = redline.locator("ins").first
    assert "underline" in ins.evaluate("e => getComputedStyle(e).textDecorationLine")
    # The tabs switch: the side-by-side view opens on click.
    page.locator(".bylaws-tabs").first.locator("label").nth(3).click()
    assert page.locator(".bylaws-tab-side").first.is_visible()
    _shot(page, "proposal")


def test_article_page_and_consolidated_draft(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"] + "internal-regulations/articles/art-candidacy/")
    assert page.locator(".bylaws-compare-col").count() == 2
    _shot(page, "article-compare")
    page.goto(served["sample"] + "internal-regulations/consolidated/")
    assert page.locator(".bylaws-attribution").count() > 0
    _shot(page, "consolidated")
    page.goto(served["sample"] + "internal-regulations/collisions/")
    _shot(page, "collisions")


def test_browser_normaliser_matches_python(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"])
    samples = ["الأَعْضَاءُ", "الحركـــة", "إقرار آمن", "مادة ١٢", "على، مستشفى"]
    folded = page.evaluate("s => s.map(window.bylawsNormalize)", samples)
    assert folded == [strip_for_search(s) for s in samples]
    keys = page.evaluate("s => s.map(window.bylawsSearchKey)", samples)
    assert keys == [search_key(s) for s in samples]


@pytest.mark.parametrize(
    ("typed", "article"),
    [
        ("تسمى", "art-name"),  # written تُسمّى: no diacritics typed
        ("اليها", "art-name"),  # written إليها: another alef form
        ("المـدني", "art-name"),  # tatweel typed
    ],
)
def test_search_finds_words_typed_without_diacritics(
    page: Any, served: dict[str, str], typed: str, article: str
) -> None:
    page.goto(served["sample"] + "internal-regulations/")
    box = page.locator("[data-md-component=search-query]")
    box.click()
    box.type(typed, delay=20)
    found = page.locator(f'.md-search-result a[href*="#{article}"]')
    found.first.wait_for(state="attached", timeout=10_000)
    assert found.count() >= 1


def _search(page: Any, typed: str) -> Any:
    box = page.locator("[data-md-component=search-query]")
    box.click()
    box.type(typed, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="attached", timeout=10_000)
    # The box keeps what the reader typed; the worker got the folded query.
    assert box.input_value() == typed
    return results


@pytest.mark.parametrize(
    ("typed", "holder"),
    [
        ("الإلكتروني", "proposals/digital-registry/"),  # only in proposals
        ("تزكيه", "proposals/consultation-alternative/"),  # written التزكية/تزكية
        ("موتمر", "text/"),  # written مؤتمر
        ("الشفافية", "proposals/finance-transparency/"),  # the title الشفافية المالية
    ],
)
def test_search_finds_proposals_and_articles_however_spelt(
    page: Any, served: dict[str, str], typed: str, holder: str
) -> None:
    page.goto(served["sample"] + "internal-regulations/")
    results = _search(page, typed)
    links = page.locator(f'.md-search-result a[href*="{holder}"]')
    links.first.wait_for(state="attached", timeout=10_000)
    # Results show the text as written, the matching words marked.
    marked = [m for m in results.locator("mark").all_text_contents() if m.strip()]
    assert marked, typed
    assert all(search_key(m).startswith(search_key(typed)) for m in marked)
    text = results.first.inner_text()
    assert "علي " not in text and "القياديه" not in text


def test_hostile_workspace_opens_no_dialog(
    browser: Any, served: dict[str, str]
) -> None:
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    root = Path(served["hostile-root"])
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("index.html"))
    assert any("hostile/articles/art-script" in p for p in pages)
    for rel in pages:
        tab.goto(served["hostile"] + rel)
        tab.hover("body")
        # No script of the page carries text from the files.
        assert not tab.evaluate(
            "[...document.scripts].some(s => s.textContent.includes('alert'))"
        )
    tab.goto(served["hostile"] + "hostile/text/chp-evil/")
    assert "</title><script>" in tab.title()
    tab.goto(served["hostile"] + "hostile/articles/art-script/")
    assert (
        tab.locator(
            ".bylaws-page script, .bylaws-page img, .bylaws-page iframe"
        ).count()
        == 0
    )
    assert "<script>alert" in tab.locator(".bylaws-page").inner_text()
    _shot(tab, "hostile-article")
    context.close()
    assert dialogs == []


def test_print_view_hides_navigation(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"] + "internal-regulations/proposals/member-consultation/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".bylaws-legend").first.is_visible()
    # Only the redline of each change prints; it shows underline and strike-through.
    assert page.locator(".bylaws-tab-redline").first.is_visible()
    assert not page.locator(".bylaws-tab-new").first.is_visible()
    decoration = page.locator(".bylaws-tab-redline del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    assert "line-through" in decoration
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "proposal-print.pdf"))


def test_footnote_tooltip_stays_on_screen(page: Any, served: dict[str, str]) -> None:
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(served["sample"] + "reviewing/notes/")
    reference = page.locator(".footnote-ref").first
    reference.hover()
    page.wait_for_timeout(500)
    tooltip = page.locator(".md-tooltip2, .md-tooltip").first
    if tooltip.count() and tooltip.is_visible():
        box = tooltip.bounding_box()
        assert box is not None
        assert box["x"] >= -1 and box["x"] + box["width"] <= 421
    _shot(page, "footnote-phone")


@pytest.mark.parametrize("width", [360, 390])
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Any, served: dict[str, str], width: int
) -> None:
    root = Path(served["sample-root"])
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("index.html"))
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    wide: list[str] = []
    for rel in pages:
        tab.goto(served["sample"] + rel, wait_until="domcontentloaded")
        extent = tab.evaluate("document.documentElement.scrollWidth")
        if extent > width:
            wide.append(f"{rel}: {extent}px")
    context.close()
    assert wide == []


def test_offline_site_opens_from_disk_with_search(
    page: Any, served: dict[str, str]
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served["offline"] + "index.html")
    # A link lands on a page, not on a folder listing.
    page.locator(".md-content a[href]").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(".html")
    assert page.locator(".bylaws-page").count() == 1
    results = _search(page, "الشفافية")
    assert results.count() >= 1
    found = page.locator('.md-search-result a[href*="finance-transparency.html"]')
    found.first.wait_for(state="attached", timeout=10_000)
    # Nothing was asked of the network.
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


@pytest.mark.skipif(
    not AXE.is_file(), reason="axe-core missing: (cd tests/axe && npm ci)"
)
@pytest.mark.parametrize(
    "path",
    [
        "",
        "internal-regulations/articles/art-candidacy/",
        "internal-regulations/proposals/accountable-leaderships/",
        "internal-regulations/collisions/",
        "internal-regulations/disposition/",
    ],
)
def test_axe_finds_nothing_above_minor(
    page: Any, served: dict[str, str], path: str
) -> None:
    page.goto(served["sample"] + path)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]}))
        .violations.filter(v => v.impact !== "minor")
        .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "))"""
    )
    assert violations == []
    # The theme's search dialog has a name (given by the site's script), and
    # so has each navigation a section's page heads (the same script).
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    for nav in page.locator("nav[aria-labelledby]").all():
        label = page.locator("#" + str(nav.get_attribute("aria-labelledby")))
        assert (label.get_attribute("aria-label") or label.inner_text()).strip()


REASONS = {
    "digital-registry": "تُعاد إلى لجنة الصياغة لضبط أحكام حماية البيانات",
    "accountable-leaderships": "أُحيل إلى اللجنة المركزية في دورتها العادية",
    "consultation-alternative": "تأخذ اللجنة بصيغة مقترح استشارة الأعضاء",
    "finance-transparency": "ترى القيادة أن نشر أسماء المتبرعين",
}


def test_the_reasons_of_rulings_are_on_the_site(
    page: Any, served: dict[str, str]
) -> None:
    for proposal, reason in REASONS.items():
        page.goto(served["sample"] + f"internal-regulations/proposals/{proposal}/")
        assert page.get_by_text(reason).first.is_visible(), proposal
    page.goto(served["sample"] + "internal-regulations/disposition/")
    table = page.locator(".bylaws-disposition").inner_text()
    assert all(reason in table for reason in REASONS.values())
    # A date stays whole and left to right inside a right-to-left cell.
    date = page.locator(".bylaws-disposition .bylaws-date").first
    assert date.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    assert date.get_attribute("dir") == "ltr"


def test_sitemap_lists_the_pages(served: dict[str, str]) -> None:
    sitemap = (Path(served["sample-root"]) / "sitemap.xml").read_text(encoding="utf-8")
    # No site_url: the addresses are relative to the site's root.
    assert "<loc>internal-regulations/proposals/digital-registry/</loc>" in sitemap
    assert sitemap.count("<loc>") > 50


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_committee_pages(
    browser: Any, served: dict[str, str], width: int
) -> None:
    """Screenshots to look at (tests/artifacts/site-*.png), at desk and phone width."""
    pages = {
        "home": "",
        "proposal": "internal-regulations/proposals/accountable-leaderships/",
        "consolidated": "internal-regulations/consolidated/",
        "collisions": "internal-regulations/collisions/",
        "disposition": "internal-regulations/disposition/",
    }
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    for name, path in pages.items():
        tab.goto(served["sample"] + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        _shot(tab, f"site-{name}-{width}")
    context.close()


def test_english_bylaws_read_left_to_right(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"] + "garden-club/text/art-membership/")
    # The site's frame is the workspace's (Arabic); the English text is ltr.
    assert page.locator(".bylaws-page").get_attribute("dir") == "ltr"
    assert page.locator("h1").first.inner_text().startswith("ARTICLE II – MEMBERSHIP")
    heading = page.locator("#sec-dues")
    assert heading.inner_text().startswith("Section 2: Dues")
    # Left to right: the heading starts at the left edge of the content.
    box = heading.bounding_box()
    content = page.locator(".bylaws-page").bounding_box()
    assert box is not None and content is not None
    assert box["x"] < content["x"] + content["width"] * 0.3
    # The citation in Section 3 reads as the bylaws cite and links to Section 2.
    link = page.locator(".bylaws-page a", has_text="Article II, Section 2").first
    assert "sec-dues" in (link.get_attribute("href") or "")
    # Each Section links to its own page under the name the bylaws give it.
    more = page.locator(".bylaws-article-links a").first
    assert more.inner_text() == "Section page"
    _shot(page, "english-article")


def test_english_bylaws_navigate_by_article(page: Any, served: dict[str, str]) -> None:
    page.goto(served["sample"] + "garden-club/")
    articles = page.locator(".md-content a[href*='text/art-']")
    assert [articles.nth(i).inner_text() for i in range(articles.count())][:4] == [
        "ARTICLE I – NAME AND PURPOSE",
        "ARTICLE II – MEMBERSHIP",
        "ARTICLE III – OFFICERS",
        "ARTICLE IV – MEETINGS",
    ]
    articles.nth(2).click()
    page.wait_for_url("**/garden-club/text/art-officers/")
    assert page.locator("#sec-officers").inner_text().startswith("Section 1: Officers")


@pytest.mark.parametrize("width", [360, 1280])
def test_an_adopted_version_reads_on_a_phone_and_a_desk(
    browser: Any, tmp_path: Path, width: int
) -> None:
    from .test_site_adopted import adopt_garden_club

    workspace = adopt_garden_club(tmp_path / "drafts").parent
    (tmp_path / "build").mkdir()
    root = _build(tmp_path / "build", workspace, {})
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto((root / "garden-club" / "adopted" / "index.html").as_uri())
    assert tab.locator("h2").first.inner_text().startswith("Version 2026 of")
    row = tab.locator("table.bylaws-adopted tbody tr").first
    assert "Lower the annual dues" in row.inner_text()
    assert tab.locator(".bylaws-instrument p").count() == 4
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    nav = tab.locator("nav a", has_text="Adopted versions")
    assert nav.count() >= 1
    _shot(tab, f"adopted-{width}")
    context.close()
