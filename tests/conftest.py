"""Shared fixtures: paths to test data and a CLI runner with a fixed width and no colour."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
EXAMPLES = ROOT / "examples"
RUBRICS = ROOT / "rubrics"
# The tests (and the commands they start) keep validated rubrics in a cache folder of their
# own, never the user's (load/cache.py); set here, before collection loads any rubric.
_CACHE = tempfile.mkdtemp(prefix="cxmaturity-test-cache-")
os.environ["CXMATURITY_CACHE_DIR"] = _CACHE
os.environ.pop("CXMATURITY_NO_CACHE", None)
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

#: Generated cases per property test in CI (`cases` multiplies it for a thorough run).
PROPERTY_EXAMPLES = 40

# Generated tests are deterministic in CI: a fixed seed per test, no example database, no
# deadline. `HYPOTHESIS_PROFILE=thorough pytest` draws fresh random cases, 50 times as many.
settings.register_profile("ci", derandomize=True, database=None, deadline=None,
                          print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", parent=settings.get_profile("ci"), derandomize=False)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")


def cases(count: int) -> int:
    """How many generated cases a property or fuzz test runs: `count` in CI, 50x thorough."""
    return count * (50 if PROFILE == "thorough" else 1)


settings.load_profile(PROFILE)


@pytest.fixture
def runner() -> CliRunner:
    os.environ["COLUMNS"] = "80"
    os.environ["NO_COLOR"] = "1"
    os.environ.pop("FORCE_COLOR", None)
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write


TINY = (DATA / "rubrics" / "tiny.yaml").resolve()


def answers(rubric: Path = TINY, *, d2: str = "no", date: str = "2026-05-01") -> str:
    """A small answers file for the tiny rubric: Level 1 overall (data at 1), or with
    `d2="yes"` Level 3 (data at 3)."""
    d1 = "'no'" if d2 == "no" else "'yes'"
    return (f"rubric: {rubric}\norganization: Org\ndate: {date}\nmetrics: {{coverage: 22%}}\n"
            f"answers: {{t1: 'yes', t2: partial, d1: {d1}, d2: {d2}}}\n")


@pytest.fixture
def folder(write) -> Path:  # type: ignore[no-untyped-def]
    """Ten good files in two folders, one broken file, and files that must be skipped."""
    for i in range(5):
        write(f"assessments/north/site-{i}.yaml", answers(d2="yes" if i % 2 else "no"))
        write(f"assessments/south/site-{i}.yml", answers())
    write("assessments/south/broken.yaml", "organization: X\ndate: [\n")
    write("assessments/.hidden.yaml", answers())
    write("assessments/.cache/config.yaml", answers())
    write("assessments/notes.txt", "not yaml")
    return write("assessments/north/site-0.yaml", answers()).parents[1]
