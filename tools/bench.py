"""Benchmarks of bylaws as a user runs it: `python tools/bench.py all [--write-docs]`.

Every figure is a whole process (start-up included, bytecode cached as in an
installed copy), taken in alternation with its peer: `git diff --no-index
--word-diff` for `diff`, a bare lxml parse of every file for `check`,
`python -c pass` for start-up, plain mkdocs for the site. The result is the
median [min–max] of the pair ratios (or differences). Goals are those of
issue 16. Nothing here asserts: it measures and says which goals are met.

The machine must be quiet: with a load average above the number of cores the
run refuses to report; `--ignore-load` runs anyway and marks every line NOT
VALID. `--write-docs` rewrites docs/benchmarks.md from the results.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(TOOLS))

from bench_run import (  # noqa: E402
    Paired,
    Run,
    alone,
    median_seconds,
    paired,
    peak_memory,
)

BIN = Path(sys.executable).parent
BYLAWS = str(BIN / "bylaws")
PYTHON = sys.executable
DOCS = ROOT / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Result:
    what: str
    ours: str
    peer: str
    measure: str
    goal: str
    met: bool | None  # None: no goal, shown for context


@dataclass
class Bench:
    """What every suite needs: a work folder, the settings, the load seen."""

    work: Path
    pairs: int
    site_pairs: int
    ignore_load: bool
    env: dict[str, str]
    worst_load: float = 0.0

    def guard(self) -> None:
        """Refuse to measure on a busy machine (unless told to ignore it)."""
        load = os.getloadavg()[0]
        self.worst_load = max(self.worst_load, load)
        cores = os.cpu_count() or 1
        if load > cores and not self.ignore_load:
            raise SystemExit(
                f"load average {load:.2f} is above the {cores} cores: the figures "
                "would measure the other work, not bylaws. Run on a quiet machine, "
                "or pass --ignore-load for a rough look (marked NOT VALID)."
            )


def _env(work: Path) -> dict[str, str]:
    """The environment of every process: bytecode cached, as in an installed copy.

    With PYTHONDONTWRITEBYTECODE (set in some sandboxes) every start would
    compile every module, which measures the compiler, not bylaws. The cache
    lives in the work folder, never in the source tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env.pop("BYLAWS_DEBUG", None)
    return env


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def _ratio(result: Paired) -> str:
    mid, low, high = result.ratio()
    return f"{mid:.2f}× [{low:.2f}–{high:.2f}]"


def _ms(result: Paired) -> str:
    mid, low, high = result.difference()
    return f"+{mid * 1000:.0f} ms [{low * 1000:.0f}–{high * 1000:.0f}]"


# --- start-up ------------------------------------------------------------------


def startup(b: Bench) -> list[Result]:
    import gen_corpus

    old, _ = gen_corpus.generate(10, seed=1)
    a, c = b.work / "tiny" / "a" / "corpus", b.work / "tiny" / "b" / "corpus"
    gen_corpus.write(old, a)
    gen_corpus.write(old, c)
    bare = [PYTHON, "-c", "pass"]
    rows = []
    for what, command, limit in (
        ("`bylaws --version`", [BYLAWS, "--version"], 0.040),
        ("`bylaws --help`", [BYLAWS, "--help"], None),
        (
            "`bylaws diff`, two identical 10-article texts",
            [BYLAWS, "diff", str(a), str(c)],
            0.060,
        ),
    ):
        b.guard()
        result = paired(command, bare, b.pairs * 2, b.env)
        rows.append(
            Result(
                what,
                _s(median_seconds(result.ours)),
                f"`python -c pass` {_s(median_seconds(result.peer))}",
                _ms(result),
                f"≤ +{limit * 1000:.0f} ms" if limit else "",
                result.difference()[0] <= limit if limit else None,
            )
        )
    return rows


# --- diff and check --------------------------------------------------------------


SIZES = (2000, 20000)
DIFF_GOALS = {2000: 2.0, 20000: 1.5}
CHECK_GOAL = 1.5
MEMORY_GOAL_MIB = 100


def _corpus(b: Bench, size: int) -> tuple[Path, Path, Path]:
    """The old and new text of `size` articles, and the old one with proposals."""
    import gen_corpus
    from gen_proposals import write_proposals

    old, new = gen_corpus.generate(size, seed=1)
    base = b.work / f"corpus-{size}"
    a, c = base / "old" / "corpus", base / "new" / "corpus"
    gen_corpus.write(old, a)
    gen_corpus.write(new, c)
    workspace = base / "workspace" / "corpus"
    gen_corpus.write(old, workspace)
    write_proposals(old, new, workspace, 20)
    return a, c, workspace


def diff_and_check(b: Bench) -> list[Result]:
    rows = []
    for size in SIZES:
        a, c, workspace = _corpus(b, size)
        b.guard()
        git = ["git", "diff", "--no-index", "--word-diff", str(a), str(c)]
        ours = [BYLAWS, "diff", "--format", "json", str(a), str(c)]
        result = paired(ours, git, b.pairs, b.env)
        mid = result.ratio()[0]
        rows.append(
            Result(
                f"`diff --format json`, {size:,} articles, 10% amended",
                _s(median_seconds(result.ours)),
                f"`git diff --no-index --word-diff` {_s(median_seconds(result.peer))}",
                _ratio(result),
                f"≤ {DIFF_GOALS[size]}×",
                mid <= DIFF_GOALS[size],
            )
        )
        memory = peak_memory(ours, b.env)
        rows.append(
            Result(
                f"`diff` peak memory, {size:,} articles",
                f"{memory:.0f} MiB",
                f"git {peak_memory(git, b.env):.0f} MiB",
                "",
                f"< {MEMORY_GOAL_MIB} MiB" if size == max(SIZES) else "",
                memory < MEMORY_GOAL_MIB if size == max(SIZES) else None,
            )
        )
        b.guard()
        floor = [PYTHON, str(TOOLS / "bench_floor.py"), str(workspace)]
        result = paired([BYLAWS, "check", str(workspace)], floor, b.pairs, b.env)
        rows.append(
            Result(
                f"`check`, {size:,} articles + 20 proposals",
                _s(median_seconds(result.ours)),
                f"lxml parse of every file {_s(median_seconds(result.peer))}",
                _ratio(result),
                f"≤ {CHECK_GOAL}×",
                result.ratio()[0] <= CHECK_GOAL,
            )
        )
        shutil.rmtree(a.parent.parent)
    return rows


# --- collisions and apply -----------------------------------------------------------


def proposals(b: Bench) -> list[Result]:
    from gen_conference import base_document, conference, write_conference

    doc = base_document(200)
    rows = []
    for count, limit in ((100, None), (1000, 10.0)):
        folder = b.work / f"conference-{count}" / doc.id
        write_conference(doc, conference(doc, count), folder)
        b.guard()
        runs = alone([BYLAWS, "collisions", str(folder)], 3, b.env)
        rows.append(
            _absolute(
                f"`collisions`, {count:,} overlapping proposals, 200 articles",
                runs,
                limit,
            )
        )
    folder = b.work / "adopted-300" / doc.id
    adopted = conference(doc, 300, compatible=True)
    write_conference(doc, adopted, folder)
    names = [str(folder / "proposals" / p.id) for p in adopted]
    into = b.work / "adopted-300" / "consolidated"
    b.guard()
    # --preview: the generated proposals have no rulings, so they are not
    # finally adopted; the consolidation measured is the same.
    # apply refuses a target folder that is not empty: each run starts from
    # none (the shell and the removal cost a few milliseconds of the figure).
    command = " ".join(
        shlex.quote(part)
        for part in [BYLAWS, "apply", "--preview", *names, "--into", str(into)]
    )
    remove = f"rm -rf {shlex.quote(str(into))}"
    runs = alone(["sh", "-c", f"{remove} && {command}"], 3, b.env)
    rows.append(
        _absolute(
            "`apply --preview` of 300 compatible proposals, 200 articles", runs, 10.0
        )
    )
    return rows


def _absolute(what: str, runs: tuple[Run, ...], limit: float | None) -> Result:
    times = [r.seconds for r in runs]
    mid = statistics.median(times)
    cpu = statistics.median(r.cpu_seconds for r in runs)
    return Result(
        what,
        _s(mid),
        "",
        f"[{min(times):.3f}–{max(times):.3f}] s; CPU {cpu:.3f} s",
        f"< {limit:.0f} s" if limit else "",
        mid < limit if limit else None,
    )


# --- site ----------------------------------------------------------------------------


def site(b: Bench) -> list[Result]:
    import gen_corpus
    from bench_site import configs

    old, new = gen_corpus.generate(2000, seed=1)
    plugin, plain = configs(b.work / "site", old, new)
    b.guard()
    mkdocs = str(BIN / "mkdocs")
    result = paired(
        [mkdocs, "build", "-q", "-f", str(plugin)],
        [mkdocs, "build", "-q", "-f", str(plain)],
        b.site_pairs,
        b.env,
        warm_up=False,  # minutes each; writing the pages warmed the caches
    )
    return [
        Result(
            "site, 2,000 articles + 20 proposals (`mkdocs build` with the plugin)",
            _s(median_seconds(result.ours)),
            f"the same pages as plain files {_s(median_seconds(result.peer))}",
            _ratio(result),
            "≤ 1.3×",
            result.ratio()[0] <= 1.3,
        )
    ]


SUITES: dict[str, Callable[[Bench], list[Result]]] = {
    "startup": startup,
    "diff": diff_and_check,
    "collisions": proposals,
    "site": site,
}


# --- report ----------------------------------------------------------------------


def _conditions(b: Bench, seconds: float) -> list[str]:
    cores = os.cpu_count() or 1
    valid = b.worst_load <= cores
    lines = [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {cores} cores",
        f"- highest load average seen (1 min): {b.worst_load:.2f}"
        + ("" if valid else f" — above {cores} cores"),
        f"- pairs per measure: {b.pairs} ({b.pairs * 2} for start-up, "
        f"{b.site_pairs} for the site); three runs for a goal in seconds, "
        f"whose CPU time is shown too; the whole run took {seconds:.0f} s",
    ]
    if not valid:
        lines.insert(0, "**NOT VALID: measured on a busy machine (--ignore-load).**")
    return lines


def _table(results: list[Result], valid: bool) -> list[str]:
    lines = [
        "| what | bylaws | peer | measure | goal | met |",
        "|---|---:|---|---|---|---|",
    ]
    for r in results:
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        if not valid and r.met is not None:
            met += " (not valid)"
        lines.append(
            f"| {r.what} | {r.ours} | {r.peer} | {r.measure} | {r.goal} | {met} |"
        )
    return lines


def _docs(table: list[str], conditions: list[str]) -> str:
    return "\n".join(
        [
            "# Benchmarks",
            "",
            "Measured as a user runs bylaws: each command is a whole process",
            "(interpreter start, imports, bytecode cached as in an installed copy),",
            "run in alternation with its peer, so that a passing slow-down of the",
            "machine hits both. A measure is the median of the ratios (or, for",
            "start-up, of the differences) of the pairs, with their range in",
            "brackets. Regenerate this page with one command:",
            "",
            "    python tools/bench.py all --write-docs",
            "",
            "It refuses to report when the load average is above the number of",
            "cores.",
            "",
            "## Conditions",
            "",
            *conditions,
            "",
            "## Results",
            "",
            *table,
            "",
            "## What is measured",
            "",
            "- **Start-up**: `bylaws --version`, `--help`, and `bylaws diff` of two",
            "  identical 10-article texts, against `python -c pass` on the same",
            "  interpreter: the figure is what bylaws adds.",
            "- **diff**: a generated text (`tools/gen_corpus.py`, seed 1) and its next",
            "  version, 10% of the articles amended, 1% inserted, repealed and moved,",
            "  against `git diff --no-index --word-diff` of the same two folders. Peak",
            "  memory is each process's own maximum resident set, taken in a run of",
            "  its own through a small probe process (Linux counts a child's peak from",
            "  the process that started it, here the benchmark with its generated texts).",
            "- **check**: the old text with 20 proposals (`tools/gen_proposals.py`),",
            "  against `tools/bench_floor.py`, which reads and parses every file with",
            "  lxml and checks nothing, one file at a time. `bylaws check` parses and",
            "  validates the article files it has cleared byte by byte a few hundred",
            "  at a time, as one document (`bylaws/check/batches.py`): it sets up",
            "  fewer parses than the floor, and does all the checking on top.",
            "- **collisions** and **apply**: 100 and 1,000 proposals shaped like a",
            "  party conference's (`tools/gen_conference.py`): most on a few popular",
            "  articles, competing wordings of the same words, insertions at the same",
            "  place. `apply` consolidates 300 of them that were drafted not to clash",
            "  (`--compatible`). Three runs each; the goal is in seconds.",
            "- **site**: `mkdocs build` with the bylaws plugin against `mkdocs build` of",
            "  the very pages the plugin makes, written as Markdown files, with the same",
            "  theme, search and nav; each build starts from an empty site folder.",
            "",
        ]
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="bench.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("suite", choices=["all", *SUITES])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--site-pairs", type=int, default=2)
    parser.add_argument("--ignore-load", action="store_true")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args(argv)
    if args.write_docs and args.suite != "all":
        parser.error("--write-docs needs the whole run: `all`")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bylaws-bench-") as tmp:
        work = Path(tmp)
        b = Bench(work, args.pairs, args.site_pairs, args.ignore_load, _env(work))
        b.guard()
        results: list[Result] = []
        for name, suite in SUITES.items():
            if args.suite in ("all", name):
                print(f"[{name}]", file=sys.stderr, flush=True)
                results.extend(suite(b))
                b.guard()
    cores = os.cpu_count() or 1
    valid = b.worst_load <= cores
    conditions = _conditions(b, time.perf_counter() - started)
    table = _table(results, valid)
    print("\n".join([*conditions, "", *table]))
    if args.write_docs:
        DOCS.write_text(_docs(table, conditions), encoding="utf-8")
        print(f"wrote {DOCS}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
