"""Every format on every sample proposal, against golden files; the JSON contract."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bylaws.diff.changes import without_formal
from bylaws.formatters import FORMATS, FormatOptions, get_formatter, render
from bylaws.formatters.bidi import visual
from bylaws.operands import diff_paths
from tests.conftest import ENGLISH, ROOT, SAMPLE, golden

PROPOSALS = sorted(p.name for p in (SAMPLE / "proposals").iterdir() if p.is_dir())
MINE = [name for name in FORMATS if name != "instrument"]
EXTENSIONS = {
    "inline": "txt",
    "side-by-side": "txt",
    "stat": "txt",
    "json": "json",
    "markdown": "md",
    "html": "html",
}
SCHEMA = json.loads(
    (ROOT / "docs" / "reference" / "diff.schema.json").read_text("utf-8")
)


def _diff(proposal: str, base: Path = SAMPLE) -> Any:
    rel = Path(base).relative_to(ROOT)
    return diff_paths(str(rel), str(rel / "proposals" / proposal), cwd=ROOT)


@pytest.mark.parametrize("fmt", MINE)
@pytest.mark.parametrize("proposal", PROPOSALS)
def test_golden(proposal: str, fmt: str) -> None:
    text = render(_diff(proposal), fmt, FormatOptions(width=120))
    golden(f"diff/{proposal}.{fmt}.{EXTENSIONS[fmt]}", text)


@pytest.mark.parametrize("fmt", ["inline", "json"])
def test_golden_english(fmt: str) -> None:
    proposals = sorted(p.name for p in (ENGLISH / "proposals").iterdir() if p.is_dir())
    text = render(_diff(proposals[0], ENGLISH), fmt, FormatOptions(width=120))
    golden(f"diff/english-{proposals[0]}.{fmt}.{EXTENSIONS[fmt]}", text)


def test_golden_visual_bidi_and_color() -> None:
    text = render(
        _diff("finance-transparency"),
        "inline",
        FormatOptions(color=True, bidi="visual"),
    )
    golden("diff/finance-transparency.inline-color-visual.txt", text)


# --- a tiny JSON Schema checker: the subset our schema uses -------------------------


def _check(value: Any, schema: dict[str, Any], where: str) -> None:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        _check(value, SCHEMA["$defs"][name], where)
        return
    kinds = schema.get("type")
    if kinds is not None:
        names = kinds if isinstance(kinds, list) else [kinds]
        python = {
            "object": dict,
            "array": list,
            "string": str,
            "integer": int,
            "boolean": bool,
            "null": type(None),
        }
        assert any(
            isinstance(value, python[n])
            and not (n == "integer" and isinstance(value, bool))
            for n in names
        ), f"{where}: {value!r} not {names}"
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r} not in {schema['enum']}"
    if "pattern" in schema and isinstance(value, str):
        assert re.fullmatch(schema["pattern"], value), f"{where}: {value!r}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{where}: missing {key}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for n, item in enumerate(value):
            _check(item, schema["items"], f"{where}[{n}]")


@pytest.mark.parametrize("proposal", PROPOSALS)
def test_json_matches_schema(proposal: str) -> None:
    data = json.loads(render(_diff(proposal), "json", FormatOptions(context=True)))
    _check(data, SCHEMA, "$")
    assert set(data["summary"]) == {
        "amended",
        "inserted",
        "repealed",
        "moved",
        "renumbered",
    }


def test_schema_checker_rejects_bad_output() -> None:
    with pytest.raises(AssertionError):
        _check(
            {"old": "a", "new": "b", "lang": "ar", "summary": {}, "changes": []},
            SCHEMA,
            "$",
        )
    with pytest.raises(AssertionError):
        bad = {
            "kind": "amended",
            "kinds": [],
            "article": "a",
            "old_number": "١٢",
            "new_number": None,
        }
        _check(bad, SCHEMA["$defs"]["change"], "$")


def test_json_numbers_are_plain_ascii() -> None:
    data = json.loads(render(_diff("digital-registry"), "json"))
    numbers = [
        c[k] for c in data["changes"] for k in ("old_number", "new_number") if c[k]
    ]
    assert numbers and all(re.fullmatch(r"[0-9]+(-[a-z]+)?", n) for n in numbers)
    repealed = next(c for c in data["changes"] if c["kind"] == "repealed")
    assert (
        repealed["article"] == "art-membership-card" and repealed["new_number"] is None
    )


def test_html_escapes_and_sets_direction() -> None:
    text = render(_diff("digital-registry"), "html")
    assert text.startswith('<section class="bylaws-diff" lang="ar" dir="rtl">')
    assert "<ins>" in text and "<del>" in text
    assert 'id="diff-art-membership-card-old-para-1"' in text
    ids = re.findall(r'id="([^"]+)"', text)
    assert len(ids) == len(set(ids))


def test_ignore_formal_hides_formal_only_changes() -> None:
    diff = _diff("finance-transparency")
    audit = next(c for c in diff.articles if c.article == "art-financial-audit")
    assert audit.formal and "amended" in audit.kinds
    quiet = without_formal(diff)
    audit = next(c for c in quiet.articles if c.article == "art-financial-audit")
    assert audit.kinds == {"renumbered"}
    assert "[~" not in render(quiet, "inline")


def test_unknown_and_missing_formats() -> None:
    from bylaws.errors import UnusableInput

    with pytest.raises(UnusableInput, match="unknown format"):
        get_formatter("pdf")
    try:
        get_formatter("instrument")
    except UnusableInput as exc:
        assert "not available" in exc.message


def test_visual_bidi_reverses_rtl_keeps_ltr_runs() -> None:
    assert visual("abc 12") == "abc 12"
    assert visual("المادة 12 (أ)") == "(أ) 12 ةداملا"
    # a letter keeps its marks after reversal
    assert visual("كَتَبَ") == "بَتَكَ"
