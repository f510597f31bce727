"""The one schema: shipped with the package, and the compact copy in step with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from bylaws import validation
from tests.conftest import ENGLISH, SAMPLE


def test_schema_ships_inside_the_package() -> None:
    path = Path(validation.schema_path())
    assert path.name == "bylaws.rng" and path.is_file()
    assert path.with_suffix(".rnc").is_file()


def test_every_sample_file_validates() -> None:
    files = sorted(SAMPLE.rglob("*.xml")) + sorted(ENGLISH.rglob("*.xml"))
    assert len(files) > 60
    for path in files:
        root = etree.fromstring(path.read_bytes())
        assert validation.schema_problems(root, str(path)) == [], path


@pytest.mark.skipif(shutil.which("trang") is None, reason="trang is not installed")
def test_compact_schema_is_generated_from_the_xml_one(tmp_path: Path) -> None:
    rng = Path(validation.schema_path())
    out = tmp_path / "bylaws.rnc"
    subprocess.run(["trang", str(rng), str(out)], check=True)
    assert out.read_text() == rng.with_suffix(".rnc").read_text()
