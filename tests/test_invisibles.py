"""Invisible and control characters are content a reader must see (issue #11, item 1)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.diff.words import diff_words
from bylaws.invisibles import (
    describe_char,
    find_invisibles,
    invisible_kind,
    json_escaped,
    reveal,
)
from bylaws.text import is_formal_change

from .conftest import SAMPLE

RLO, PDF, ZWSP, LRM = "\u202e", "\u202c", "\u200b", "\u200e"
BUDGET = "articles/art-budget.xml"
SENTENCE = "إلا بقرار من اللجنة المركزية."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _with_fee(folder: Path, fee: str) -> Path:
    """A copy of the sample whose budget article asks a fee written as `fee`."""
    shutil.copytree(SAMPLE, folder)
    path = folder / BUDGET
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            SENTENCE, f"إلا بقرار من اللجنة المركزية، ورسم قدره {fee} ديناراً."
        ),
        encoding="utf-8",
    )
    return folder


# --- the table --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "kind", "name"),
    [
        (RLO, "override", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u202a", "embedding", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\u2067", "isolate", "U+2067 RIGHT-TO-LEFT ISOLATE"),
        (ZWSP, "zero-width", "U+200B ZERO WIDTH SPACE"),
        ("\x1b", "control", "U+001B CONTROL ESC"),
        ("\x9b", "control", "U+009B C1 CONTROL"),
        ("\xad", "ignorable", "U+00AD SOFT HYPHEN"),
        (LRM, "direction-mark", "U+200E LEFT-TO-RIGHT MARK"),
        ("\u061c", "direction-mark", "U+061C ARABIC LETTER MARK"),
    ],
)
def test_the_table_names_each_kind(char: str, kind: str, name: str) -> None:
    assert invisible_kind(char) == kind
    assert describe_char(char) == name


@pytest.mark.parametrize("char", ["a", "\t", "\n", "\r", " ", "ب", "\u064e", "\u0640"])
def test_visible_and_layout_characters_are_not_in_the_table(char: str) -> None:
    assert invisible_kind(char) is None


def test_find_and_reveal() -> None:
    text = f"ab{RLO}12{PDF}c{LRM}"
    assert [(i, k) for i, _c, k in find_invisibles(text)] == [
        (2, "override"),
        (5, "embedding"),
    ]
    assert len(list(find_invisibles(text, soft=True))) == 3
    assert reveal(text) == "ab⟨U+202E⟩12⟨U+202C⟩c⟨U+200E⟩"
    assert reveal(text, soft=False) == f"ab⟨U+202E⟩12⟨U+202C⟩c{LRM}"
    assert reveal("a\nb", also="\n") == "a⟨U+000A⟩b"
    assert reveal("a", style=str.upper) == "a"


def test_json_escaping_keeps_the_data() -> None:
    data = {"text": f"x{RLO}y\x85z\U000e0001{LRM}"}
    text = json_escaped(json.dumps(data, ensure_ascii=False))
    assert not list(find_invisibles(text, soft=True))
    assert json.loads(text) == data


@pytest.mark.parametrize(
    "value",
    [
        "نص عربي بلا شيء خفي",  # the plane's characters only, none invisible
        f"نص{ZWSP}عربي",  # an invisible one of the plane
        "نص \U0001f600 عربي",  # past the plane, none invisible
        "نص\U000e0001عربي",  # an invisible one past the plane
        f"\U0001d173 {RLO}",  # both
    ],
)
def test_json_escaping_finds_each_invisible_whatever_the_script(value: str) -> None:
    text = json_escaped(json.dumps({"text": value}, ensure_ascii=False))
    assert not list(find_invisibles(text, soft=True))
    assert json.loads(text) == {"text": value}
    if not any(find_invisibles(value, soft=True)):
        assert text == json.dumps({"text": value}, ensure_ascii=False)


# --- the diff ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("وقدره 15 ديناراً", f"وقدره {RLO}15{PDF} ديناراً"),
        ("الفروع", f"الف{ZWSP}روع"),
        ("الفروع", "الف\u200cروع"),  # a joiner splits or joins a word unseen
        ("a b", "a\u2066b"),
    ],
)
def test_a_change_in_an_invisible_character_is_never_formal(old: str, new: str) -> None:
    assert not is_formal_change(old, new)
    assert any(op.kind != "equal" and not op.formal for op in diff_words(old, new))


def test_a_soft_direction_mark_alone_is_formal() -> None:
    assert is_formal_change("المادة 12", f"المادة {LRM}12")


def test_diff_reports_the_override_as_a_real_change(tmp_path: Path) -> None:
    old = _with_fee(tmp_path / "old", "15")
    new = _with_fee(tmp_path / "new", f"{RLO}15{PDF}")
    code, out, _ = run("diff", "-q", "--ignore-formal", str(old), str(new))
    assert (code, out) == (1, "")
    code, out, _ = run("diff", "--no-color", str(old), str(new))
    assert "{+⟨U+202E⟩15⟨U+202C⟩+}" in out
    assert RLO not in out and PDF not in out


def test_diff_shows_a_zero_width_space_inside_a_word(tmp_path: Path) -> None:
    old = _with_fee(tmp_path / "old", "الفروع")
    new = _with_fee(tmp_path / "new", f"الف{ZWSP}روع")
    assert run("diff", "-q", "--ignore-formal", str(old), str(new))[0] == 1
    out = run("diff", "--no-color", str(old), str(new))[1]
    assert "الف⟨U+200B⟩روع" in out and ZWSP not in out
    colour = run("diff", "--color", str(old), str(new))[1]
    assert "\x1b[7m⟨U+200B⟩\x1b[27m" in colour


def test_diff_shows_a_changed_direction_mark(tmp_path: Path) -> None:
    old = _with_fee(tmp_path / "old", "15")
    new = _with_fee(tmp_path / "new", f"{LRM}15")
    assert run("diff", "-q", "--ignore-formal", str(old), str(new))[0] == 0
    out = run("diff", "--no-color", str(old), str(new))[1]
    assert "⟨U+200E⟩" in out and LRM not in out


def test_json_diff_keeps_the_characters(tmp_path: Path) -> None:
    old = _with_fee(tmp_path / "old", "15")
    new = _with_fee(tmp_path / "new", f"{RLO}15{PDF}")
    out = run("diff", "--format", "json", str(old), str(new))[1]
    assert RLO not in out and "\\u202e" in out
    assert RLO in json.dumps(json.loads(out), ensure_ascii=False)


# --- check ------------------------------------------------------------------------


def test_check_names_each_character_at_its_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BYLAWS_LANG", "en")
    folder = _with_fee(tmp_path / "doc", f"{RLO}15{PDF} الف{ZWSP}روع {LRM}")
    code, out, _ = run("check", str(folder))
    assert code == 1
    lines = [line for line in out.splitlines() if "invisible character" in line]
    path = folder / BUDGET
    line_no, text = next(
        (n, line)
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if RLO in line
    )
    col = text.index(RLO) + 1
    assert lines[0] == (
        f"{path}:{line_no}:{col}: error: invisible character "
        "U+202E RIGHT-TO-LEFT OVERRIDE: a reader cannot see it and it changes "
        "what they see; delete it"
    )
    assert lines[1].startswith(f"{path}:{line_no}:{col + 3}: warning: ")
    assert "U+202C POP DIRECTIONAL FORMATTING" in lines[1]
    assert "U+200B ZERO WIDTH SPACE" in lines[2] and ": warning: " in lines[2]
    assert len(lines) == 3  # the left-to-right mark is meant


def test_check_finds_a_character_written_as_a_reference(
    tmp_path: Path,
) -> None:
    folder = _with_fee(tmp_path / "doc", "&#x202E;15&#8236;")
    out = run("check", str(folder))[1]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in out
    assert "U+202C POP DIRECTIONAL FORMATTING" in out


def test_check_speaks_the_documents_language_about_them(tmp_path: Path) -> None:
    folder = _with_fee(tmp_path / "doc", f"{RLO}15")
    out = run("check", str(folder))[1]
    assert "محرف خفي U+202E RIGHT-TO-LEFT OVERRIDE" in out


def test_show_never_writes_one_raw(tmp_path: Path) -> None:
    folder = _with_fee(tmp_path / "doc", f"{RLO}15{PDF} الف{ZWSP}روع")
    out = run("show", str(folder), "--article", "art-budget")[1]
    assert "⟨U+202E⟩15⟨U+202C⟩" in out and "الف⟨U+200B⟩روع" in out
    assert not list(find_invisibles(out))


# --- import -----------------------------------------------------------------------


def _import(source: Path, target: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(target)])
    return result.exit_code, result.stderr


def test_import_refuses_an_override(tmp_path: Path) -> None:
    source = tmp_path / "rules.txt"
    source.write_text(f"Article 1\nMembers pay {RLO}15{PDF} dinars.\n", "utf-8")
    code, err = _import(source, tmp_path / "out")
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == (
        f"{source}:2:13: error: invisible character U+202E RIGHT-TO-LEFT "
        "OVERRIDE: a reader cannot see it and it changes what they see; delete it"
    )
    assert lines[1].startswith(f"{source}:2:16: warning: invisible character U+202C")
    assert lines[2].startswith(f"{source}: error: refused: 1 control")
    assert not (tmp_path / "out").exists()


def test_import_reports_a_zero_width_space_and_keeps_it(tmp_path: Path) -> None:
    source = tmp_path / "rules.txt"
    source.write_text(f"Article 1\nMembers pay the fee{ZWSP}s.\n", "utf-8")
    code, err = _import(source, tmp_path / "out")
    assert code == 0
    assert f"{source}:2:20: warning: invisible character U+200B ZERO WIDTH SPACE" in err
    article = next((tmp_path / "out" / "articles").glob("*.xml"))
    assert f"fee{ZWSP}s" in article.read_text("utf-8")


def test_show_output_imports_back_with_its_invisible_characters(
    tmp_path: Path,
) -> None:
    folder = _with_fee(tmp_path / "doc", f"الف{ZWSP}روع")
    shown = tmp_path / "shown.txt"
    out = CliRunner().invoke(cli, ["show", str(folder)]).stdout
    assert "الف⟨U+200B⟩روع" in out
    shown.write_text(out, encoding="utf-8")
    code, err = _import(shown, tmp_path / "back")
    assert code == 0 and "U+200B ZERO WIDTH SPACE" in err
    texts = "".join(
        p.read_text("utf-8") for p in (tmp_path / "back" / "articles").glob("*.xml")
    )
    assert f"الف{ZWSP}روع" in texts and "⟨U+200B⟩" not in texts


def test_word_import_reports_them_by_paragraph(tmp_path: Path) -> None:
    from .test_import_docx_tracked import _body, _docx

    source = tmp_path / "rules.docx"
    source.write_bytes(_docx(_body([("", f"Members pay {RLO}15 dinars.")])))
    code, err = _import(source, tmp_path / "out")
    assert code == 2
    assert f"{source}:2:13: error: invisible character U+202E" in err
