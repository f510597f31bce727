"""The shape of the code: three layers whose imports run down, and small modules.

The layers are those of DESIGN.md. The core works on values and never touches
files or git; the file layer turns folders, revisions and files into values and
back; the adapters (the command line, the site, formatters, importers,
exporters) sit on top. A module may import its own layer or a lower one, never
a higher one. Every module of `bylaws/` must be placed in `LAYERS` below, so a
new module is placed consciously rather than by accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "bylaws"

CORE, FILES, ADAPTERS = "core", "file layer", "adapters"
RANK = {CORE: 0, FILES: 1, ADAPTERS: 2}

# Module (or package) -> layer. The longest matching entry wins, so a package
# can sit in one layer and one of its modules in another. Entries for modules
# that do not exist yet are harmless: they say where the module belongs.
LAYERS: dict[str, str] = {
    # core: values in, values out; no files, no git, no lxml trees of files
    "bylaws": CORE,  # the package's own __init__
    "bylaws.errors": CORE,
    "bylaws.model": CORE,
    "bylaws.values": CORE,
    "bylaws.text": CORE,
    "bylaws.invisibles": CORE,
    "bylaws.visibility": CORE,
    "bylaws.marks": CORE,
    "bylaws.numbering": CORE,
    "bylaws.locale": CORE,
    "bylaws.render": CORE,
    "bylaws.overlay": CORE,
    "bylaws.review": CORE,
    "bylaws.feedback": CORE,
    "bylaws.diff": CORE,
    "bylaws.proposals": CORE,
    "bylaws.instrument": CORE,
    # file layer: the folder layout, XML, git, and what a command line names
    "bylaws.workspace": FILES,
    "bylaws.xmlio": FILES,
    "bylaws.validation": FILES,
    "bylaws.schema_split": FILES,
    "bylaws.gitio": FILES,
    "bylaws.operands": FILES,
    "bylaws.history": FILES,
    "bylaws.proposal_files": FILES,
    "bylaws.lock": FILES,
    "bylaws.atomic": FILES,
    "bylaws.archive": FILES,
    "bylaws.bases": FILES,
    "bylaws.feedback_store": FILES,
    "bylaws.adoption": FILES,  # puts adopted proposals into force on disk
    "bylaws.check": FILES,  # runs every rule over a workspace's files
    "bylaws.fmt": FILES,  # rewrites a workspace's files in canonical form
    # adapters: what a person or another program talks to
    "bylaws.__main__": ADAPTERS,
    "bylaws.cli": ADAPTERS,
    "bylaws.cli_group": ADAPTERS,  # the click group; `bylaws.cli` runs a plain check without it
    "bylaws.commands": ADAPTERS,
    "bylaws.formatters": ADAPTERS,
    "bylaws.importers": ADAPTERS,
    "bylaws.exporters": ADAPTERS,
    "bylaws.site": ADAPTERS,
    "bylaws.show": ADAPTERS,
    "bylaws.terminal": ADAPTERS,
    "bylaws.scaffold": ADAPTERS,
    "bylaws.packets": ADAPTERS,
    "bylaws.hosting": ADAPTERS,  # CI files for git hosts, `new`, site deploys
}

# A module over this many lines has two jobs: split it at the seam.
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def layer_of(module: str) -> str | None:
    """The layer of a module: its longest matching entry in LAYERS."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        layer = LAYERS.get(".".join(parts[:end]))
        if layer is not None:
            return layer
    return None


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported bylaws module) for every import in a module, lazy ones too."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # `from bylaws import numbering` imports a module, not a name
                submodule = f"{base}.{alias.name}"
                found.append((node.lineno, submodule if submodule in MODULES else base))
    return sorted(
        {(line, name) for line, name in found if name.partition(".")[0] == "bylaws"}
    )


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in MODULES if layer_of(m) is None)
    assert not unplaced, (
        f"modules in no layer: {', '.join(unplaced)}. Add each to LAYERS in "
        f"tests/test_layers.py: '{CORE}' if it only works on values, "
        f"'{FILES}' if it reads or writes files or git, '{ADAPTERS}' if it "
        "is a command, a page, an output format, an importer or an exporter."
    )


def upward_imports() -> list[str]:
    """Every import that runs from a lower layer to a higher one, as a message."""
    found = []
    for module, path in MODULES.items():
        layer = layer_of(module)
        if layer is None:
            continue
        for line, target in _imports(module, path):
            target_layer = layer_of(target)
            if target_layer is not None and RANK[target_layer] > RANK[layer]:
                where = path.relative_to(ROOT)
                found.append(
                    f"{where}:{line}: {module} ({layer}) imports "
                    f"{target} ({target_layer})"
                )
    return found


def test_imports_run_down() -> None:
    violations = upward_imports()
    print(*violations, sep="\n")
    assert not violations, "imports that run upward:\n  " + "\n  ".join(violations)


def test_layer_table_works() -> None:
    # The walker itself: a relative, a lazy and a `from bylaws import` form.
    assert layer_of("bylaws.diff.engine") == CORE
    assert layer_of("bylaws.site.pages") == ADAPTERS
    from_package = {
        name
        for _, name in _imports("bylaws.check.files", MODULES["bylaws.check.files"])
    }
    assert "bylaws.numbering" in from_package  # from .. import numbering
    imported = {name for _, name in _imports("bylaws.render", MODULES["bylaws.render"])}
    assert {"bylaws.numbering", "bylaws.errors", "bylaws.model"} <= imported


def test_modules_are_small() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in MODULES.values()
    }
    too_long = sorted(
        f"{name} ({lines} lines)" for name, lines in sizes.items() if lines > MAX_LINES
    )
    assert not too_long, (
        f"modules over {MAX_LINES} lines (split each at its seam): "
        + ", ".join(too_long)
    )
