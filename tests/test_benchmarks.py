"""The benchmark harness still runs against the package (a tiny batch and a cold start,
each with its lower bound, and the stage breakdown; a few seconds), so a change that breaks
it shows here, not on the quiet run."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
import typer.main
from typer.core import TyperGroup

from .conftest import ROOT


def test_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_assess.py"), "--measure",
         "batch,stages,cold", "--bound", "--sizes", "12", "--jobs", "1", "--repeat", "1",
         "--stage-files", "5", "--stage-repeat", "1", "--cold-repeat", "1",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "| 12 files, `--jobs 1` |" in done.stdout
    assert "| 12 | 1 | 12 | 5 (5) | 2 |" in done.stdout  # every record; the broken are errors
    assert "| the same, with the scoring taken out (`without_scoring.py`) |" in done.stdout
    assert "doing nothing (`COLD_BOUND`) |" in done.stdout
    assert "the stages' record equals `assess_one`'s: True" in done.stdout
    assert not list(tmp_path.iterdir())  # the generated files are gone


def test_the_typer_floor_takes_the_command_line_of_assess() -> None:
    """benchmarks/typer_floor.py has the arguments and options of `assess` (names, types,
    defaults, metavars, limits, environment variables), so that the cold-start ratio compares
    like with like (docs/performance.md)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import typer_floor
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from cxmaturity.cli import app, assess

    def parameters(command: Any, function: Callable[..., Any]) -> list[Any]:
        annotations = {name: p.annotation for name, p in
                       inspect.signature(function).parameters.items()}
        return [(p.name, annotations[p.name], p.opts, p.secondary_opts, p.multiple,
                 p.nargs, p.required, p.default, p.metavar, p.envvar,
                 getattr(p, "is_flag", None), getattr(p, "min", None), getattr(p, "max", None))
                for p in command.params if p.name in annotations]  # not Typer's own

    floor = typer.main.get_command(typer_floor.app)
    ours = typer.main.get_command(app)
    assert isinstance(ours, TyperGroup)
    assert parameters(floor, typer_floor.assess) == \
        parameters(ours.commands["assess"], assess.assess)
