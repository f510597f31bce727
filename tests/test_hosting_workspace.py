"""`bylaws new`, the site with no mkdocs.yml, and `bylaws site deploy`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from bylaws.cli import cli
from tests.conftest import ENGLISH, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _site_checks(site: Path, doc: str, lang: str, direction: str) -> None:
    """What the site tests check of a built site, on any workspace's site."""
    home = lxml_html.fromstring((site / "index.html").read_bytes())
    assert home.get("lang") == lang and home.find("body").get("dir") == direction
    text = site / doc / "index.html"
    assert text.is_file() and (site / doc / "proposals" / "index.html").is_file()
    assert (site / doc / "consolidated" / "index.html").is_file()
    page = text.read_text("utf-8")
    assert "assets/bylaws/bylaws.css" in page and "assets/bylaws/bylaws.js" in page
    assert (site / "assets" / "bylaws" / "bylaws.js").is_file()
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert any(d["location"].startswith(f"{doc}/") for d in index["docs"])


# --- bylaws new ----------------------------------------------------------------


def test_new_then_site_build_makes_a_site_with_no_other_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "movement"
    out = _invoke("new", str(root))
    assert "bylaws site serve" in out
    for name in (
        "drafts/regulations/document.xml",
        "drafts/regulations/articles/art-general.xml",
        "mkdocs.yml",
        "docs/index.md",
        ".gitignore",
        ".pre-commit-config.yaml",
    ):
        assert (root / name).is_file(), name
    assert (root / ".git").is_dir()
    # The starter text is in the workspace's language (from the locale).
    document = (root / "drafts" / "regulations" / "document.xml").read_text("utf-8")
    assert "<title>النظام الداخلي</title>" in document
    monkeypatch.chdir(root)
    assert CliRunner().invoke(cli, ["check"]).exit_code == 0
    assert CliRunner().invoke(cli, ["fmt", "--check"]).exit_code == 0
    _invoke("site", "build")
    _site_checks(root / "site", "regulations", "ar", "rtl")
    # The home page is the one `new` wrote, right to left, linking the text.
    home = (root / "site" / "index.html").read_text("utf-8")
    assert 'class="bylaws-manual" dir="rtl" lang="ar"' in home
    assert 'href="regulations/"' in home
    # Nothing written is left for git to pick up but the workspace itself.
    _git(root, "add", "-A")
    staged = _git(root, "diff", "--cached", "--name-only").split()
    assert not [name for name in staged if name.startswith("site/")]


def test_new_in_english_with_ci_and_a_title(tmp_path: Path) -> None:
    root = tmp_path / "club"
    _invoke("new", str(root), "--lang", "en", "--title", "Club Rules", "--ci", "gitlab")
    document = (root / "drafts" / "regulations" / "document.xml").read_text("utf-8")
    assert 'xml:lang="en"' in document and "<title>Club Rules</title>" in document
    config = (root / "mkdocs.yml").read_text("utf-8")
    assert 'language: "en"' in config and "direction: ltr" in config
    assert (root / ".gitlab-ci.yml").is_file()


def test_new_from_a_file_imports_it(tmp_path: Path) -> None:
    source = tmp_path / "charter.md"
    source.write_text(
        "# Charter of the Harbour Choir\n\n"
        "## Article 1 Name\n\nThe choir is called the Harbour Choir.\n\n"
        "## Article 2 Members\n\nAnyone who sings may join.\n",
        encoding="utf-8",
    )
    root = tmp_path / "choir"
    _invoke("new", str(root), "--from", str(source))
    articles = sorted((root / "drafts" / "charter" / "articles").iterdir())
    assert len(articles) == 2
    assert "direction: ltr" in (root / "mkdocs.yml").read_text("utf-8")


def test_the_gitignore_covers_the_atomic_writers_temporary_files(
    tmp_path: Path,
) -> None:
    root = tmp_path / "w"
    _invoke("new", str(root))
    # What write_atomic would leave behind after a crash, and the site.
    (root / "drafts" / "regulations" / ".document.xml.k2j4.tmp").write_text("x")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("x")
    ignored = _git(root, "status", "--porcelain", "--ignored")
    assert "!! drafts/regulations/.document.xml.k2j4.tmp" in ignored
    assert "!! site/" in ignored


def test_new_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output and "notes.txt" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_new_inside_a_repository_does_not_start_another(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    _invoke("new", str(tmp_path / "rules"))
    assert not (tmp_path / "rules" / ".git").exists()


# --- the site with no mkdocs.yml -----------------------------------------------


def test_site_build_with_no_config_follows_the_documents_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ENGLISH, tmp_path / "drafts" / "club-rules")
    monkeypatch.chdir(tmp_path)
    _invoke("site", "build")
    _site_checks(tmp_path / "site", "club-rules", "en", "ltr")
    assert not (tmp_path / "mkdocs.yml").exists()


def test_site_build_with_nothing_to_build_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["site", "build"])
    assert result.exit_code == 2
    assert "no mkdocs.yml here" in result.output and "bylaws new" in result.output


# --- bylaws site deploy --------------------------------------------------------


@pytest.fixture
def published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with the English sample in a clone of a bare repository."""
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    _git(tmp_path, "clone", "-q", str(origin), str(work))
    for key, value in (("user.name", "Secretary"), ("user.email", "s@example.org")):
        _git(work, "config", key, value)
    shutil.copytree(ENGLISH, work / "drafts" / "club-rules")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "-m", "rules")
    monkeypatch.chdir(work)
    return work


def test_deploy_pushes_the_site_to_a_branch_and_updates_it(published: Path) -> None:
    origin = published.parent / "origin.git"
    out = _invoke("site", "deploy")
    assert "gh-pages" in out
    files = _git(origin, "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert "index.html" in files and ".nojekyll" in files
    page = "club-rules/articles/art-name/index.html"
    assert "Lindenvale" in _git(origin, "show", f"gh-pages:{page}")
    # A second deploy, after a change, adds a commit with the new text.
    article = published / "drafts" / "club-rules" / "articles" / "art-name.xml"
    article.write_text(
        article.read_text("utf-8").replace("Lindenvale", "Linden Vale"), "utf-8"
    )
    _git(published, "commit", "-q", "-am", "rename")
    _invoke("site", "deploy")
    assert "Linden Vale" in _git(origin, "show", f"gh-pages:{page}")
    assert len(_git(origin, "log", "--format=%H", "gh-pages").split()) == 2
    # The working tree was never touched.
    assert _git(published, "status", "--porcelain") == ""


def test_deploy_to_another_remote_and_branch(published: Path, tmp_path: Path) -> None:
    other = tmp_path / "mirror.git"
    _git(tmp_path, "init", "-q", "--bare", str(other))
    _git(published, "remote", "add", "mirror", str(other))
    _invoke("site", "deploy", "--remote", "mirror", "--branch", "pages")
    assert "index.html" in _git(other, "ls-tree", "--name-only", "pages").split()


def test_deploy_refuses_uncommitted_changes_in_drafts(published: Path) -> None:
    article = published / "drafts" / "club-rules" / "articles" / "art-name.xml"
    article.write_text(article.read_text("utf-8") + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["site", "deploy"])
    assert result.exit_code == 2
    assert "uncommitted changes" in result.output and "art-name.xml" in result.output
    origin = published.parent / "origin.git"
    assert "gh-pages" not in _git(origin, "branch", "--list")


def test_the_readme_shows_a_new_users_path() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    steps = ["pip install", "bylaws new", "bylaws site serve"]
    positions = [readme.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions)
