"""Timing whole processes for the benchmarks, in pairs and under a load guard.

A user feels a command as a whole process: start-up, imports and all. So each
measure here runs bylaws and its peer as processes, one after the other in
alternation (A B, B A, A B, ...), so that a passing slow-down hits both
sides alike, and keeps the ratio of each pair. The summary is the median
of those ratios with their range; wall times come with it. Peak memory is
measured apart (`peak_memory`), because the figure `wait4` gives for a
child includes the peak of the process that started it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
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


# A small process that forks the command, waits for it and prints its peak.
_PEAK_PROBE = """
import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_memory(
    command: Command, env: dict[str, str] | None = None, cwd: Path | None = None
) -> float:
    """The command's own peak resident set in MiB, from one run.

    Linux keeps a process's peak across `exec`, and a child started from
    this process begins as a copy of it: `wait4` on it reports at least the
    peak of the benchmark itself, which holds generated texts of 20,000
    articles (every command then "used" over 100 MiB, git too). A small
    probe process starts the command instead, so the figure is the
    command's own.
    """
    probe = subprocess.run(
        [sys.executable, "-c", _PEAK_PROBE, *command],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=True,
    )
    kib, code = (int(field) for field in probe.stdout.split())
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(command)}")
    return kib / 1024


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
