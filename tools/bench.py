"""Benchmarks: `python tools/bench.py check|diff|site [options]`.

Each benchmark measures bylaws and its baselines in one run on a generated
corpus and prints ratios, so the figures compare like with like on whatever
machine runs them. Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

BENCHMARKS = {"check": "bench_check", "diff": "bench_diff", "site": "bench_site"}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in BENCHMARKS:
        names = "|".join(BENCHMARKS)
        sys.exit(f"usage: python tools/bench.py {names} [options]")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    module = importlib.import_module(BENCHMARKS[argv[0]])
    module.run(argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
