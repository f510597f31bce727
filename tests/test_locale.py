"""The locale: the .po reader, one language decision, complete catalogues, one word per concept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.errors import NotFound, Problem, UnusableInput
from bylaws.locale import (
    LANGUAGES,
    _,
    _p,
    catalogue,
    cli_language,
    is_arabic,
    language_of,
    normalise,
    tr,
)
from bylaws.locale.po import parse_po
from bylaws.locale.words import VERDICTS, verdict_word
from bylaws.site.labels import labels_for
from bylaws.site.pages import document_pages
from bylaws.site.sources import load_workspace
from tests.conftest import ENGLISH, ROOT, SAMPLE

LOCALE = ROOT / "bylaws" / "locale"

# --- the .po reader ------------------------------------------------------------------


def test_po_reader_reads_contexts_continuations_and_escapes() -> None:
    text = (
        "# a comment\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Language: ar\\n"\n'
        "\n"
        'msgid "moved"\n'
        'msgstr "نُقلت"\n'
        "\n"
        'msgctxt "division"\n'
        'msgid "moved"\n'
        'msgstr "منقول"\n'
        "\n"
        'msgid "a \\"quoted\\" "\n'
        '"word"\n'
        'msgstr "كلمة "\n'
        '"«مقتبسة»"\n'
    )
    assert parse_po(text) == {
        (None, "moved"): "نُقلت",
        ("division", "moved"): "منقول",
        (None, 'a "quoted" word'): "كلمة «مقتبسة»",
    }


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\n', 2),
        ('"orphan"\n', 1),
        ('msgid "a"\n', 1),
        ('msgid unquoted\nmsgstr ""\n', 1),
    ],
)
def test_po_reader_says_where_a_catalogue_is_broken(text: str, line: int) -> None:
    with pytest.raises(UnusableInput) as caught:
        parse_po(text, "x.po")
    assert caught.value.path == "x.po"
    assert caught.value.line == line


# --- the language decision -------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("ar", "ar"),
        ("AR", "ar"),
        ("AR-sa", "ar"),
        ("ar-EG", "ar"),
        ("en", "en"),
        ("en-GB", "en"),
        ("fr", "fr"),
        ("ar_SA.UTF-8", "ar"),
        ("en_US.utf8@euro", "en"),
        ("C.UTF-8", ""),
        ("POSIX", ""),
        ("", ""),
    ],
)
def test_normalise(tag: str, expected: str) -> None:
    assert normalise(tag) == expected


def test_language_of_documents_and_tags() -> None:
    class Doc:
        lang = "AR"

    assert language_of(Doc()) == "ar"
    assert is_arabic(Doc())
    assert language_of("") == "en"
    assert not is_arabic("en-US")


def _clear(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BYLAWS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("bylaws.locale._noted", [])


def test_cli_language_order(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear(monkeypatch)
    assert cli_language() == "en"
    monkeypatch.setenv("LANG", "ar_SA.UTF-8")
    assert cli_language() == "ar"
    monkeypatch.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert cli_language() == "en"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert cli_language() == "en"
    monkeypatch.delenv("LC_ALL")
    assert cli_language("AR-sa") == "ar", "a document's language beats the locale"
    monkeypatch.setenv("BYLAWS_LANG", "ar")
    assert cli_language("en") == "ar", "BYLAWS_LANG beats the document"
    assert cli_language() == "ar"


# --- messages ----------------------------------------------------------------------


def test_tr_fills_fields_and_falls_back_to_english() -> None:
    message = _("wrote {path}")
    assert tr(message, "en", path="a.xml") == "wrote a.xml"
    assert tr(message, "ar", path="a.xml") == "كُتب a.xml"
    assert tr(message, "fr", path="a.xml") == "wrote a.xml"
    assert tr(_p("division", "moved"), "ar") == "منقول"
    assert tr(_p("article", "moved"), "ar") == "منقولة"
    assert tr(_p("division", "moved"), "en") == "moved"


def test_errors_read_english_and_render_in_a_language() -> None:
    error = NotFound(_("file does not exist"), "a.xml", 3, 4)
    assert str(error) == "a.xml:3:4: error: file does not exist"
    assert error.render("ar") == "a.xml:3:4: error: الملف غير موجود"
    plain = NotFound("no such thing")
    assert plain.render("ar") == "error: no such thing"
    problem = Problem.from_error(
        UnusableInput(_("cannot read file: {reason}"), "b.xml", reason="gone")
    )
    assert str(problem) == "b.xml: error: cannot read file: gone"
    assert problem.render("ar") == "b.xml: error: تعذّرت قراءة الملف: gone"


def test_check_speaks_arabic_when_asked(english: Path) -> None:
    folder = english / "articles"
    extra = folder / "art-stray.xml"
    source = next(folder.glob("*.xml")).read_text(encoding="utf-8")
    extra.write_text(
        re.sub(r'id="[^"]+"', 'id="art-stray"', source, count=1), encoding="utf-8"
    )
    runner = CliRunner()
    english_run = runner.invoke(cli, ["check", str(english)], env={"BYLAWS_LANG": ""})
    assert "art-stray is not listed in the outline" in english_run.stdout
    arabic = runner.invoke(cli, ["check", str(english)], env={"BYLAWS_LANG": "ar"})
    assert arabic.exit_code == 1
    (line,) = arabic.stdout.splitlines()
    assert line.startswith(f"{extra}:2:")
    assert ": error: المادة art-stray غير مدرجة في فهرس" in line
    assert "الأخطاء: 1" in arabic.stderr


def test_errors_at_the_boundary_follow_bylaws_lang(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["apply-instrument", str(SAMPLE), str(tmp_path / "none.txt"), "--into", "x"],
        env={"BYLAWS_LANG": "ar"},
    )
    assert result.exit_code == 2
    assert result.stderr == f"{tmp_path / 'none.txt'}: error: الملف غير موجود\n"


# --- catalogues ------------------------------------------------------------------------


def _marked_messages() -> dict[tuple[str | None, str], str]:
    """Every `_("…")` and `_p("context", "…")` in bylaws/, with where it is."""
    found: dict[tuple[str | None, str], str] = {}
    for path in sorted((ROOT / "bylaws").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Only the locale's markers: a module may have a `_p` of its own.
        markers = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and (node.module or "").endswith("locale")
            for alias in node.names
        } | ({"_", "_p"} if path.parent.name == "locale" else set())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = node.args
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if node.func.id not in markers:
                continue
            if node.func.id == "_":
                assert len(args) == 1 and isinstance(args[0], ast.Constant), where
                found.setdefault((None, args[0].value), where)
            elif node.func.id == "_p":
                assert all(isinstance(a, ast.Constant) for a in args), where
                found.setdefault((args[0].value, args[1].value), where)  # type: ignore[attr-defined]
    return found


def test_the_scan_finds_the_messages() -> None:
    messages = _marked_messages()
    assert (None, "wrote {path}") in messages
    assert ("verdict", "adopt as modified") in messages
    assert len(messages) > 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_in_the_code_is_in_the_catalogue(lang: str) -> None:
    entries = catalogue(lang)
    missing = [
        f"{where}: {key}"
        for key, where in _marked_messages().items()
        if key not in entries
    ]
    assert missing == [], f"add these to bylaws/locale/{lang}.po"


def test_every_arabic_message_is_translated_with_the_same_fields() -> None:
    fields = re.compile(r"\{[^}]*\}")
    for (context, msgid), text in catalogue("ar").items():
        assert text, f"no Arabic for {context}/{msgid!r}"
        assert sorted(fields.findall(text)) == sorted(fields.findall(msgid)), msgid


def test_no_stale_entries() -> None:
    used = set(_marked_messages())
    for lang in LANGUAGES:
        assert set(catalogue(lang)) <= used, f"{lang}.po has entries no code uses"


# --- one word per concept ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_site_and_terminal_share_verdict_words(lang: str) -> None:
    labels = labels_for(lang)
    for verdict in VERDICTS:
        assert labels[f"verdict_{verdict}"] == verdict_word(verdict, lang)


@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH])
def test_status_disposition_and_site_use_the_same_words(folder: Path) -> None:
    runner = CliRunner()
    env = {"BYLAWS_LANG": ""}
    status = runner.invoke(cli, ["status", str(folder)], env=env).stdout
    table = runner.invoke(cli, ["disposition", str(folder)], env=env).stdout
    (bundle,) = load_workspace(folder)
    site = "".join(
        p.markdown()
        for p in document_pages(bundle)
        if p.src_uri.endswith("disposition.md")
    )
    words = set(re.findall(r"\[([^\]]+)\]", status))
    assert words, status
    for word in words:
        assert word in table, word
        assert word in site, word
    stages = [
        line.split(" (")[0]
        for line in status.splitlines()
        if not line.startswith(" ") and not line.endswith(": 0")
    ]
    for stage in stages:
        assert stage in site, stage


def test_an_upper_case_tag_gets_arabic_change_kinds() -> None:
    from bylaws.formatters.common import labels

    class Diff:
        lang = "AR"

    assert labels(Diff())["amended"] == "معدّلة"  # type: ignore[arg-type]
    assert labels(Diff())["moved-division"] == "منقول"  # type: ignore[arg-type]
