"""The terminal report, byte for byte, at 80 columns without colour (as in a CI log).

Regenerate after an intended change with `CXMATURITY_UPDATE_GOLDEN=1 pytest
tests/report/test_golden.py`, then review the diff like code.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from cxmaturity.cli import app

from ..conftest import EXAMPLES, ROOT

GOLDEN = Path(__file__).parents[1] / "golden"
CASES = ["retail-level1", "healthcare-level2"]


def _report(runner, name: str) -> str:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["assess", str(EXAMPLES / f"{name}.yaml")])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


@pytest.mark.parametrize("name", CASES)
def test_report_matches_golden(runner, name: str) -> None:  # type: ignore[no-untyped-def]
    text = _report(runner, name)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("CXMATURITY_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 80


def test_readme_excerpt_is_real_output(runner) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- report-excerpt -->\n```text\n(.*?)```", readme, re.S)
    assert match, "README.md has a ```text block after <!-- report-excerpt -->"
    report = "\n".join(_report(runner, "healthcare-level2").splitlines())
    position = 0
    for chunk in re.split(r"^…\n", match.group(1), flags=re.M):
        found = report.find(chunk.rstrip("\n"), position)
        assert found >= 0, f"README excerpt not in the report:\n{chunk}"
        position = found + len(chunk)
