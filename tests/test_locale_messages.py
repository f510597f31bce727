"""Every message a user reads goes through the locale (issue #15): none is an
English literal, and the CLI says them in the document's language, or the
reader's, or BYLAWS_LANG's."""

from __future__ import annotations

import ast
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
from bylaws.errors import UnusableInput
from bylaws.importers import import_bytes, write_document
from bylaws.instrument import InstrumentError, write_instrument
from bylaws.model import Division
from bylaws.workspace import DiskTree, load_document
from tests.conftest import ENGLISH, ROOT, SAMPLE

# --- no message is an English literal ------------------------------------------------

# Calls that take a message for a user, and which argument it is (None: any
# of them, for helpers whose message is not always in the same place).
# Every subclass of BylawsError is added to these by the scan.
MESSAGE_ARGUMENT: dict[str, int | None] = {
    "BylawsError": 0,
    "UsageError": 0,  # click's; bylaws hands it a message already said (`say`)
    "BadParameter": 0,
    "ClickException": 0,
    "fail": None,  # BlockLines.fail, click's ctx.fail
    "_fail": None,  # overlay's refused operation, review's refused ruling
    "unsupported": None,  # the instrument's "cannot be worded"
    "_not_found": None,  # a reference to nothing
    "warn": None,  # an importer's warning
    "keep": None,  # the Akoma Ntoso importer's kept text, with its warning
}

# Modules whose messages may stay English, each with the reason.
ALLOWED: dict[str, str] = {
    # The catalogue reader's errors are about a .po file shipped with bylaws:
    # only a bug of ours reaches them (tests/test_locale.py reads both
    # catalogues), and a broken catalogue cannot translate its own error.
    "bylaws/locale/po.py": "the catalogue reader",
}


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """BylawsError and every class in bylaws/ derived from it, however deep."""
    classes = {"BylawsError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if not isinstance(node, ast.ClassDef) or node.name in classes:
                    continue
                bases = {b.id if isinstance(b, ast.Name) else "" for b in node.bases}
                bases |= {b.attr for b in node.bases if isinstance(b, ast.Attribute)}
                if bases & classes:
                    classes.add(node.name)
                    grew = True
    return classes


def _literal_messages(node: ast.expr) -> list[ast.expr]:
    """The parts of a message expression that are English written in the code."""
    if isinstance(node, ast.IfExp):
        return _literal_messages(node.body) + _literal_messages(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return [node]
    if isinstance(node, ast.Call) and _callee(node) == "format":
        return [node]
    return []


def _unmarked_messages() -> list[str]:
    trees = {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "bylaws").rglob("*.py"))
    }
    takers = MESSAGE_ARGUMENT | dict.fromkeys(_error_classes(trees), 0)
    found = []
    for name, tree in trees.items():
        if name in ALLOWED:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for argument in _message_arguments(node, takers):
                for literal in _literal_messages(argument):
                    where = f"{name}:{literal.lineno}"
                    found.append(f"{where}: {ast.unparse(literal)[:70]}")
    return found


def _message_arguments(call: ast.Call, takers: dict[str, int | None]) -> list[ast.expr]:
    """The arguments of a call that are a message for a user, if it takes one."""
    callee = _callee(call)
    if callee not in takers:
        return []
    index = takers[callee]
    if index is None:
        return list(call.args)
    return [call.args[index]] if len(call.args) > index else []


def test_every_message_goes_through_the_locale() -> None:
    """A message is `_("… {name} …")` with its fields as keywords, never an
    English literal or f-string: otherwise no catalogue can translate it."""
    assert _unmarked_messages() == []


# Where the scan learns the error classes: bylaws/errors.py and a subclass's module.
_ERRORS_SOURCE = (
    "class UnusableInput(BylawsError): pass\n"
    "class InvalidOperation(BylawsError): pass\n"
    "class InstrumentError(errors.InvalidOperation): pass\n"
)


def test_the_scan_sees_errors_warnings_and_their_helpers() -> None:
    source = (
        "class Mine(InstrumentError): pass\n"
        "raise Mine(f'{x} is wrong')\n"
        "raise reader.fail('no' if a else _('yes'))\n"
        "draft.warn(3, 'guessed')\n"
        "raise UnusableInput(_('fine {x}'), x=x)\n"
    )
    tree = ast.parse(source)
    classes = _error_classes({"a": tree, "b": ast.parse(_ERRORS_SOURCE)})
    assert {"Mine", "InstrumentError", "UnusableInput"} <= classes
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    takers = MESSAGE_ARGUMENT | dict.fromkeys(classes, 0)
    flagged = [
        ast.unparse(literal)
        for call in calls
        for argument in _message_arguments(call, takers)
        for literal in _literal_messages(argument)
    ]
    assert flagged == ["f'{x} is wrong'", "'no'", "'guessed'"]


# --- the instrument speaks the document's language -------------------------------------


def _apply(tmp_path: Path, text: str, env: dict[str, str]) -> tuple[int, str, Path]:
    instrument = tmp_path / "broken.txt"
    instrument.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "apply-instrument",
            str(SAMPLE),
            str(instrument),
            "--into",
            str(tmp_path / "out"),
        ],
        env=env,
    )
    return result.exit_code, result.stderr, instrument


@pytest.mark.parametrize("env", [{}, {"BYLAWS_LANG": "ar"}])
def test_a_broken_instrument_is_reported_in_arabic(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Against the Arabic sample, the reader's error is Arabic, with file:line:col."""
    code, stderr, instrument = _apply(
        tmp_path, "تمهيد\n\n1- تُلغى المادة (الألف).\n2- افعل شيئاً.\n", env
    )
    assert code == 2
    assert stderr == (
        f"{instrument}:3:1: error: «المادة (الألف)» لا تدل على أي مادة من النص "
        "المراد تعديله\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_unended_restatement_is_reported_in_the_readers_language(
    tmp_path: Path,
) -> None:
    text = "1- تُعدَّل المادة (الأولى) لتصبح على النحو الآتي:\n««\nالمادة\n"
    code, arabic, instrument = _apply(tmp_path, text, {})
    assert code == 2
    assert arabic == (
        f"{instrument}:2:1: error: النص المعاد صوغه الذي يبدأ هنا لا ينتهي أبداً "
        "بسطر »».\n"
    )
    _code, english, _path = _apply(tmp_path, text, {"BYLAWS_LANG": "en"})
    assert english == (
        f"{instrument}:2:1: error: the restated text that starts here never ends "
        "with a line »».\n"
    )


def test_a_reason_inside_a_message_is_said_in_the_same_language() -> None:
    """'cannot be worded: {reason}' carries the reason as an error of its own."""
    old = load_document(DiskTree(SAMPLE))
    divisions = [n for n in old.outline if isinstance(n, Division)]
    assert len(divisions) > 1
    new = replace(old, outline=tuple(reversed(old.outline)))
    with pytest.raises(InstrumentError) as caught:
        write_instrument(old, new)
    assert caught.value.message == (
        "this change cannot be worded as an instrument: parts, chapters or "
        "sections were added, removed or reordered"
    )
    assert caught.value.text("ar") == (
        "لا يمكن صوغ هذا التغيير في الصيغة الرسمية للتعديل: أُضيفت أبواب أو فصول "
        "أو فروع أو حُذفت أو أُعيد ترتيبها"
    )


# --- the importers too ------------------------------------------------------------------


def test_an_import_error_in_arabic(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("  \n", encoding="utf-8")
    args = ["import", str(source), "-o", str(tmp_path / "out")]
    arabic = CliRunner().invoke(cli, args, env={"BYLAWS_LANG": "ar"})
    assert arabic.exit_code == 2
    assert arabic.stderr == f"{source}:1:1: error: الملف فارغ؛ لا شيء للاستيراد\n"
    english = CliRunner().invoke(cli, args)
    assert english.stderr == (
        f"{source}:1:1: error: file is empty; there is nothing to import\n"
    )


def test_import_lang_chooses_the_language_of_the_errors(tmp_path: Path) -> None:
    """--lang names the language of the text to come: its errors are said in it."""
    source = tmp_path / "latin1.txt"
    source.write_bytes("المادة الأولى\n".encode() + b"caf\xe9\n")
    args = ["import", str(source), "-o", str(tmp_path / "out"), "--lang", "ar"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{source}:2:4: error: الملف ليس بترميز UTF-8 (البايت 0xe9)؛ احفظه بترميز UTF-8\n"
    )


def test_import_warnings_follow_the_document(tmp_path: Path) -> None:
    """An Arabic text's warnings are Arabic; BYLAWS_LANG=en makes them English."""
    text = "المادة الأولى\nنص المادة.\n\nالمادة الثالثة\nنص آخر.\n"
    source = tmp_path / "gap.txt"
    source.write_text(text, encoding="utf-8")
    runner = CliRunner()
    arabic = runner.invoke(cli, ["import", str(source), "-o", str(tmp_path / "a")])
    assert arabic.exit_code == 0, arabic.output
    assert f"{source}:4: warning: المادة 2 ناقصة قبل المادة 3" in arabic.stderr
    english = runner.invoke(
        cli,
        ["import", str(source), "-o", str(tmp_path / "e")],
        env={"BYLAWS_LANG": "en"},
    )
    assert f"{source}:4: warning: article 2 is missing before article 3" in (
        english.stderr
    )


def test_import_warnings_keep_their_english_and_their_fields() -> None:
    result = import_bytes(
        "المادة الأولى\nنص.\n\nالمادة الثالثة\nنص.\n".encode(), "x.txt", "text"
    )
    (warning,) = result.warnings
    assert warning.message.startswith("article 2 is missing before article 3")
    assert warning.text("ar").startswith("المادة 2 ناقصة قبل المادة 3")
    assert warning.text("fr") == warning.message


def test_an_import_that_would_not_pass_check_says_why_in_one_language(
    tmp_path: Path,
) -> None:
    result = import_bytes(b"Article 1\nText.\n", "x.txt", "text", "doc", "en")
    # The schema refuses an id that is not a slug: the importer never makes one.
    doc = replace(result.document, id="Not a slug")
    with pytest.raises(UnusableInput) as caught:
        write_document(doc, tmp_path / "out")
    assert caught.value.message.startswith("the document would not pass check (")
    assert caught.value.text("ar").startswith("لن تجتاز الوثيقة الفحص (")
    assert not (tmp_path / "out").exists()


def test_an_unknown_import_format_is_said_in_arabic(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput) as caught:
        import_bytes(b"x", "x.txt", "odt")
    assert caught.value.text("ar") == (
        "صيغة استيراد غير معروفة 'odt'؛ استعمل إحدى: akn, docx, markdown, text"
    )


def test_english_document_errors_stay_english(tmp_path: Path) -> None:
    folder = tmp_path / "english"
    shutil.copytree(ENGLISH, folder)
    instrument = tmp_path / "i.txt"
    instrument.write_text("1. Article 999 is repealed.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "apply-instrument",
            str(folder),
            str(instrument),
            "--into",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 2
    assert "designates no article of the text being amended" in result.stderr


@pytest.mark.parametrize(
    ("args", "arabic"),
    [
        (["show", str(SAMPLE), "--article", "999"], "لا مادة معرّفها أو رقمها '999'"),
        (
            ["export", str(SAMPLE), "--to", "markdown", "--proposal", "nothing-here"],
            "لا مقترح 'nothing-here' في هذه الوثيقة",
        ),
    ],
)
def test_commands_that_read_a_document_speak_its_language(
    args: list[str], arabic: str, tmp_path: Path
) -> None:
    if args[0] == "export":
        args = [*args, "-o", str(tmp_path / "never-written.md")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert arabic in result.stderr


def test_fmt_refuses_a_foreign_attribute_as_a_user_error(tmp_path: Path) -> None:
    """It was an internal error (a ValueError); it is the writer's to fix."""
    folder = tmp_path / "doc"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("proposals"))
    article = sorted((folder / "articles").glob("*.xml"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("<article ", '<article xmlns:x="urn:x" x:y="1" ', 1),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["fmt", str(folder)], env={"BYLAWS_LANG": "ar"})
    assert result.exit_code == 2
    assert result.stderr == (
        f"{article}:2:1: error: السمة x:y في <article> ليست من مفردات bylaws؛ احذفها\n"
    )
    assert article.read_text(encoding="utf-8").count('x:y="1"') == 1


@pytest.mark.parametrize(
    ("folder", "legend"),
    [(SAMPLE, "✗ متعارضان (الكلمات نفسها)"), (ENGLISH, "✗ collide (same words)")],
)
def test_the_collisions_matrix_speaks_the_documents_language(
    folder: Path, legend: str
) -> None:
    result = CliRunner().invoke(cli, ["collisions", str(folder)])
    assert result.exit_code == 0, result.output
    assert legend in result.stdout


def test_a_proposal_that_does_not_apply_is_explained_in_the_matrix_language(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "internal-regulations"
    shutil.copytree(SAMPLE, folder)
    proposal = folder / "proposals" / "digital-registry" / "proposal.xml"
    text = proposal.read_text(encoding="utf-8")
    assert 'after="art-voting"' in text
    proposal.write_text(
        text.replace('after="art-voting"', 'after="art-nowhere"'), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["collisions", str(folder)])
    assert result.exit_code == 0, result.output
    heading, failure = result.stdout.splitlines()[-2:]
    assert heading == "مقترحات يتعذّر تطبيق كلٍّ منها منفرداً:"
    assert failure.startswith("  تعذّر وضع art-electronic-voting")
    assert "art-nowhere" in failure
