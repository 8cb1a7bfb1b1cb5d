"""The benchmark harness still runs against the package (a tiny batch and the stage
breakdown, about two seconds), so a change that breaks it shows here, not on the quiet run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_assess.py"), "--measure",
         "batch,stages", "--sizes", "12", "--jobs", "1", "--repeat", "1", "--stage-files", "5",
         "--stage-repeat", "1", "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "| 12 files, `--jobs 1` |" in done.stdout
    assert "| 12 | 1 | 12 | 5 (5) | 2 |" in done.stdout  # every record; the broken are errors
    assert "the stages' record equals `assess_one`'s: True" in done.stdout
    assert not list(tmp_path.iterdir())  # the generated files are gone
