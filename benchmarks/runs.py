"""Running commands for the benchmark: each in a fresh process, timed (wall clock) and
measured (peak resident size of the largest process it started, itself included), the
commands of one comparison interleaved so that machine noise hits all of them alike."""

from __future__ import annotations

import hashlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Command:
    """A command line, and where and how it runs."""

    argv: Sequence[str]
    env: dict[str, str] | None = None
    cwd: Path | None = None


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_kib: int
    """ru_maxrss of the process and its waited-for descendants: the largest one's peak."""
    exit_code: int


@dataclass
class Series:
    """Repeated runs of one command."""

    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> list[float]:
        return [r.seconds for r in self.runs]

    @property
    def min(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float:
        return statistics.median(r.peak_kib for r in self.runs) / 1024

    @property
    def exit_codes(self) -> set[int]:
        return {r.exit_code for r in self.runs}


def run(command: Command, stdout: int | None = subprocess.DEVNULL,
        consume: Callable[[bytes], None] | None = None) -> Run:
    """Run `command` once; with `consume`, its standard output is fed to it line by line."""
    start = time.perf_counter()
    process = subprocess.Popen(command.argv, stdout=subprocess.PIPE if consume else stdout,
                               stderr=subprocess.DEVNULL, env=command.env, cwd=command.cwd)
    if consume is not None:
        assert process.stdout is not None
        for line in process.stdout:
            consume(line)
        process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss, process.returncode)


def interleave(commands: dict[str, Command], repeat: int, label: str,
               warm: bool = True) -> dict[str, Series]:
    """`repeat` runs of each command, alternating (A B, then B A, ...) after one untimed run
    of each (`warm`) that fills the file cache."""
    if warm:
        for command in commands.values():
            run(command)
    series = {name: Series() for name in commands}
    names = list(commands)
    for i in range(repeat):
        for name in names if i % 2 == 0 else names[::-1]:
            done = run(commands[name])
            series[name].runs.append(done)
            note(f"{label}: {name} run {i + 1}/{repeat}: {done.seconds:.2f} s, "
                 f"{done.peak_kib / 1024:.0f} MiB, exit {done.exit_code}")
    return series


def pair_ratios(ours: Series, floor: Series) -> list[float]:
    """Ours over the floor, run by run (the runs of a pair ran next to each other)."""
    return [a / b for a, b in zip(ours.seconds, floor.seconds, strict=True)]


@dataclass
class OutputCheck:
    """What a batch wrote: records, how many are errors, and a digest of the bytes (equal
    digests on the same reused corpus mean byte-identical output)."""

    records: int = 0
    errors: int = 0
    digest: Any = field(default_factory=hashlib.sha256)

    def consume(self, line: bytes) -> None:
        self.records += 1
        self.errors += b'"status":"error"' in line[:400]
        self.digest.update(line)


_START = time.perf_counter()


def note(message: str) -> None:
    """Progress, on standard error (the report goes to standard output)."""
    elapsed = time.perf_counter() - _START
    print(f"[{elapsed // 60:3.0f}:{elapsed % 60:04.1f}] {message}", file=sys.stderr,
          flush=True)
