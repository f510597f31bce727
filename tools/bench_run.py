"""Timing whole processes for the benchmarks, in pairs and under a load guard.

A user feels a command as a whole process: start-up, imports and all. So each
measure here runs bylaws and its peer as processes, one after the other in
alternation (A B, B A, A B, ...), so that a passing slow-down hits both
sides alike, and keeps the ratio of each pair. The summary is the median
of those ratios with their range; wall times and peak memory (the child's
own maximum resident set, from `wait4`) come with it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Command = Sequence[str]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    code: int
    cpu_seconds: float  # user + system: what the process itself used


@dataclass(frozen=True)
class Paired:
    """Runs of a command and its peer, taken in alternation."""

    ours: tuple[Run, ...]
    peer: tuple[Run, ...]

    @property
    def ratios(self) -> list[float]:
        return [
            a.seconds / b.seconds for a, b in zip(self.ours, self.peer, strict=True)
        ]

    @property
    def differences(self) -> list[float]:
        return [
            a.seconds - b.seconds for a, b in zip(self.ours, self.peer, strict=True)
        ]

    def ratio(self) -> tuple[float, float, float]:
        return _spread(self.ratios)

    def difference(self) -> tuple[float, float, float]:
        return _spread(self.differences)


def _spread(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def median_seconds(runs: Sequence[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def peak(runs: Sequence[Run]) -> float:
    return max(r.peak_mib for r in runs)


def run_once(
    command: Command, env: dict[str, str] | None = None, cwd: Path | None = None
) -> Run:
    """One process, its output thrown away: wall time, peak memory, exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, cpu)


def checked(run: Run, command: Command) -> Run:
    if run.code not in (0, 1):  # diff-like commands exit 1 when texts differ
        raise SystemExit(f"benchmark command failed ({run.code}): {' '.join(command)}")
    return run


def paired(
    ours: Command,
    peer: Command,
    pairs: int,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    warm_up: bool = True,
) -> Paired:
    """`pairs` runs of each, alternating which goes first, after one warm-up each
    (the first run of a command fills the bytecode and file caches)."""
    for command in (ours, peer) if warm_up else ():
        checked(run_once(command, env, cwd), command)
    mine: list[Run] = []
    theirs: list[Run] = []
    for n in range(pairs):
        order = ((ours, mine), (peer, theirs))
        for command, into in order if n % 2 == 0 else reversed(order):
            into.append(checked(run_once(command, env, cwd), command))
    return Paired(tuple(mine), tuple(theirs))


def alone(
    command: Command,
    runs: int,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[Run, ...]:
    """`runs` runs of one command with no peer (goals in seconds), after a warm-up."""
    checked(run_once(command, env, cwd), command)
    return tuple(checked(run_once(command, env, cwd), command) for _ in range(runs))
