"""The file layer under the diff: operands loaded from folders, files and git."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

from bylaws import validation
from bylaws.diff.engine import diff_operands, single_article_document
from bylaws.operands import (
    ArticleFiles,
    OperandLoader,
    load_operand,
    loose_article_document,
)
from tests.conftest import ENGLISH, ROOT, SAMPLE

PROPOSAL = SAMPLE / "proposals" / "finance-transparency"
# What the pure diff may never import: modules that read files or run git.
FILE_LAYER = {"workspace", "gitio", "xmlio", "validation", "operands", "history"}


def test_the_diff_imports_nothing_that_reads_files() -> None:
    for module in sorted((ROOT / "bylaws" / "diff").glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                assert not (parts[0] == "bylaws" and FILE_LAYER & set(parts[1:2])), (
                    f"{module.name} imports {name}"
                )


def test_a_document_folder_is_read_lazily() -> None:
    operand = load_operand(str(SAMPLE))
    assert operand.kind == "document" and operand.article is None
    articles = operand.document.articles
    assert isinstance(articles, ArticleFiles)
    # Fingerprints are the files' bytes: nothing parsed to tell two sides apart.
    first = next(iter(articles))
    assert (
        articles.fingerprint(first)
        == (SAMPLE / "articles" / f"{first}.xml").read_bytes()
    )
    assert articles.fingerprint("no-such-article") is None
    assert articles[first].id == first


def test_a_proposal_is_its_base_with_it_applied() -> None:
    with OperandLoader(ROOT) as loader:
        base = loader.load(str(SAMPLE.relative_to(ROOT)))
        proposed = loader.load(str(PROPOSAL.relative_to(ROOT)))
    assert proposed.kind == "proposal"
    assert not diff_operands(base, proposed).is_empty


def test_an_article_of_a_document_keeps_the_document_around_it() -> None:
    path = SAMPLE / "articles" / "art-donations.xml"
    operand = load_operand(str(path))
    assert operand.kind == "article" and operand.article == "art-donations"
    assert operand.document.lang == load_operand(str(SAMPLE)).document.lang
    assert len(operand.document.articles) == len(list((SAMPLE / "articles").iterdir()))


def test_a_loose_article_takes_the_language_of_its_words(tmp_path: Path) -> None:
    for sample, lang in ((SAMPLE, "ar"), (ENGLISH, "en")):
        source = next((sample / "articles").glob("*.xml"))
        article = validation.validated_article(source.read_bytes(), str(source))
        assert loose_article_document(article, str(source)).lang == lang
        copy = tmp_path / lang / source.name
        copy.parent.mkdir()
        shutil.copy(source, copy)
        assert load_operand(str(copy)).document.lang == lang
    # The pure side never guesses: the language is given.
    assert single_article_document(article, "x", "fr").lang == "fr"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_operands_share_a_loader_and_close_with_it(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    shutil.copytree(SAMPLE, tmp_path / "doc")
    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "text in force")
    with OperandLoader(tmp_path) as loader:
        old = loader.load("HEAD:doc")
        new = loader.load("doc")
        assert diff_operands(old, new).is_empty
    # Closed trees still answer: a read after the block starts git again.
    assert old.document.articles["art-donations"].id == "art-donations"


def test_small_files_are_read_whole_however_they_come(tmp_path: Path) -> None:
    """Regular files in one call of their size; a pipe, which has no size, in
    chunks to its end; a file past the limit not at all."""
    import os
    import threading

    from bylaws import workspace, xmlio

    for size in (0, 1, 4095, 65536, 200_000):
        path = tmp_path / f"f{size}"
        data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
        path.write_bytes(data)
        assert workspace.read_small_file(str(path)) == data
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sent = b"<article/>" * 20_000  # more than one chunk, written in pieces

    def write() -> None:
        with open(fifo, "wb") as pipe:
            for start in range(0, len(sent), 7_000):
                pipe.write(sent[start : start + 7_000])
                pipe.flush()

    writer = threading.Thread(target=write)
    writer.start()
    assert workspace.read_small_file(str(fifo)) == sent
    writer.join()
    big = tmp_path / "big"
    big.write_bytes(b"x" * (xmlio.MAX_FILE_BYTES + 1))
    assert workspace.read_small_file(str(big)) is None
    assert workspace.read_small_file(str(tmp_path / "missing")) is None
