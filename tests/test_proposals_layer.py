"""bylaws.proposals is pure: it never reaches the file layer, directly or not."""

from __future__ import annotations

import subprocess
import sys

FILE_LAYER = (
    "bylaws.workspace",
    "bylaws.xmlio",
    "bylaws.gitio",
    "bylaws.proposal_files",
)


def test_importing_proposals_loads_no_file_layer_module() -> None:
    # A fresh interpreter: the test session has long since imported everything.
    code = (
        "import sys, bylaws.proposals, bylaws.proposals.views\n"
        f"print(sorted(m for m in sys.modules if m.startswith({FILE_LAYER!r})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
