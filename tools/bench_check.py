"""`python tools/bench.py check`: `bylaws check` against the bare parsing floor.

For 2,000 and 20,000 generated articles (with 20 proposals), in one run:
- the floor: read every file of the workspace (`Path.read_bytes`) and parse it
  with lxml, no checks;
- the tight floor: the same with the plain system calls `check` itself reads
  with, so that no cost of pathlib flatters the ratio;
- `bylaws check`, in process (the library call the command makes).
Each is the best of several runs; the ratios are check / floor and
check / tight floor.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gen_corpus import generate, write
from gen_proposals import write_proposals
from lxml import etree

from bylaws import xmlio
from bylaws.check import check_paths
from bylaws.workspace import read_small_file


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _floor(files: list[Path]) -> None:
    parser = xmlio.parse._parser()
    for path in files:
        etree.fromstring(path.read_bytes(), parser)


def _tight_floor(paths: list[str]) -> None:
    parser = xmlio.parse._parser()
    for path in paths:
        etree.fromstring(read_small_file(path), parser)


def run(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench.py check")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--proposals", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print(
        f"{'articles':>8} {'files':>6} {'floor s':>8} {'tight s':>8} {'check s':>8} "
        f"{'ratio':>6} {'tight':>6} {'µs/article':>10}"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            old, new = generate(size, seed=1)
            folder = Path(tmp) / "corpus"
            write(old, folder)
            write_proposals(old, new, folder, args.proposals)
            files = sorted(folder.rglob("*.xml"))
            floor = _best(lambda files=files: _floor(files), args.repeat)
            paths = [str(path) for path in files]
            tight = _best(lambda paths=paths: _tight_floor(paths), args.repeat)
            report = check_paths([folder])
            if report.problems:
                raise SystemExit(
                    f"the generated corpus has problems: {report.sorted()[:3]}"
                )
            check = _best(lambda folder=folder: check_paths([folder]), args.repeat)
            per_article = check / size * 1e6
            print(
                f"{size:>8} {len(files):>6} {floor:>8.3f} {tight:>8.3f} {check:>8.3f} "
                f"{check / floor:>6.2f} {check / tight:>6.2f} {per_article:>10.1f}"
            )
