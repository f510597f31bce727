"""Benchmark of `bylaws diff` against the floor, git's word diff and xmldiff.

`python tools/bench.py diff` calls `run`. For 2,000 and 20,000 generated
articles (10% amended, 1% inserted, repealed and moved) it measures, in one run:
reading both trees' bytes and parsing them with lxml (the floor);
`git diff --no-index --word-diff`; xmldiff over the two documents as single
XML files (capped by a timeout); and `bylaws diff --format json` in process
(library + formatter) and through the CLI (bytecode cached, as installed).
Each is the best of a few runs (one at 20,000), since the machine may be shared.
Ratios are to git's word diff.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.xml"))


def _floor_read(a: Path, b: Path) -> None:
    for folder in (a, b):
        for path in _files(folder):
            path.read_bytes()


def _floor_parse(a: Path, b: Path) -> None:
    for folder in (a, b):
        for path in _files(folder):
            etree.fromstring(path.read_bytes())


def _git(a: Path, b: Path) -> None:
    subprocess.run(
        ["git", "diff", "--no-index", "--word-diff", str(a), str(b)],
        capture_output=True,
        check=False,
    )


def _single_file(folder: Path, target: Path) -> None:
    """A document and its articles concatenated into one XML document, with ids."""
    root = etree.Element("corpus")
    for path in sorted((folder / "articles").glob("*.xml")):
        root.append(etree.fromstring(path.read_bytes()))
    target.write_bytes(etree.tostring(root, encoding="utf-8"))


def _xmldiff(a: Path, b: Path, timeout: float) -> float | None:
    start = time.perf_counter()
    try:
        subprocess.run(
            [str(Path(sys.executable).parent / "xmldiff"), str(a), str(b)],
            capture_output=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def _bylaws_library(a: Path, b: Path) -> None:
    from bylaws.formatters import render
    from bylaws.operands import diff_paths

    render(diff_paths(str(a), str(b)), "json")


def _cli_env(work: Path) -> dict[str, str]:
    """The environment for the CLI: bytecode cached, as in any installed copy.

    pip compiles a package's bytecode when it installs it. A checkout run with
    PYTHONDONTWRITEBYTECODE (set in some sandboxes) would instead compile every
    module on each start, which measures the compiler, not bylaws. The cache
    goes to a temporary folder, never into the source tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def _bylaws_cli(a: Path, b: Path, env: dict[str, str]) -> None:
    program = Path(sys.executable).parent / "bylaws"
    subprocess.run(
        [str(program), "diff", "--format", "json", str(a), str(b)],
        capture_output=True,
        check=False,
        env=env,
    )


def _measure(articles: int, work: Path, timeout: float) -> list[tuple[str, str, str]]:
    import gen_corpus

    old, new = gen_corpus.generate(articles, seed=1)
    base = work / str(articles)
    gen_corpus.write(old, base / "old" / "corpus")
    gen_corpus.write(new, base / "new" / "corpus")
    a, b = base / "old" / "corpus", base / "new" / "corpus"
    _single_file(a, base / "old.xml")
    _single_file(b, base / "new.xml")
    repeat = 3 if articles <= 5000 else 1
    env = _cli_env(work)
    _bylaws_cli(a, b, env)  # compiles the bytecode once, like an install
    git = _best(lambda: _git(a, b), repeat)
    rows: list[tuple[str, float | None]] = [
        ("floor: read both trees", _best(lambda: _floor_read(a, b), repeat)),
        ("floor: read + lxml parse", _best(lambda: _floor_parse(a, b), repeat)),
        ("git diff --no-index --word-diff", git),
        (
            "xmldiff (two single files)",
            _xmldiff(base / "old.xml", base / "new.xml", timeout),
        ),
        (
            "bylaws diff --format json (library)",
            _best(lambda: _bylaws_library(a, b), repeat),
        ),
        (
            "bylaws diff --format json (CLI)",
            _best(lambda: _bylaws_cli(a, b, env), repeat),
        ),
    ]
    out = []
    for name, seconds in rows:
        if seconds is None:
            out.append((name, f"> {timeout:.0f} s", f"> {timeout / git:.0f}×"))
        else:
            out.append((name, f"{seconds * 1000:.0f} ms", f"{seconds / git:.2f}×"))
    return out


def run(argv: list[str]) -> None:
    """Measure and print a Markdown table (sizes: --articles 2000 20000)."""
    parser = argparse.ArgumentParser(prog="bench.py diff")
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--xmldiff-timeout", type=float, default=60.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        lines = [
            "| articles | measure | time | ratio to git word diff |",
            "| ---: | --- | ---: | ---: |",
        ]
        for n in args.articles:
            for name, seconds, ratio in _measure(n, Path(tmp), args.xmldiff_timeout):
                lines.append(f"| {n:,} | {name} | {seconds} | {ratio} |")
                print(lines[-1], flush=True)
    print()
    print(f"cores: {os.cpu_count()}")
    print("\n".join(lines))


if __name__ == "__main__":
    run(sys.argv[1:])
