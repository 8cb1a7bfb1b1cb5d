"""Golden self-test cases of every bundled rubric (`rubrics/cases/<rubric-id>/*.yaml`) score
as they say. Each case file has `description`, `expect` and `assessment` (an answers file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cxmaturity.load.bundled import bundled_ids
from cxmaturity.load.submission import check_submission
from cxmaturity.model.result import Assessment
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import read_yaml_file

from ..conftest import RUBRICS

CASES = sorted(RUBRICS.glob("cases/*/*.yaml"))


def run_case(path: Path) -> tuple[dict[str, Any], Assessment]:
    """The case's `expect` block and the result of scoring its `assessment`."""
    doc = read_yaml_file(str(path))
    case = doc.value
    assert set(case) <= {"description", "expect", "assessment"}, f"{path}: unknown keys"
    assert isinstance(case["description"], str) and case["description"].strip()
    rubric_id = path.parent.name
    answers = {"rubric": rubric_id, **case["assessment"]}
    assert answers["rubric"] == rubric_id, f"{path}: the case's folder names its rubric"
    assessment = doc.sub(("assessment",), answers)
    return case["expect"], score(check_submission(assessment, path.parent))


def test_every_bundled_rubric_has_cases() -> None:
    with_cases = {p.parent.name for p in CASES}
    assert with_cases <= set(bundled_ids())
    new = set(bundled_ids()) - {"contact-center-ai-maturity"}
    for rubric_id in new:
        assert sum(p.parent.name == rubric_id for p in CASES) >= 3, rubric_id


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_case_scores_as_expected(path: Path) -> None:
    expect, result = run_case(path)
    assert set(expect) <= {"overall", "status", "dimensions"}
    assert result.overall.level == expect["overall"]
    if "status" in expect:
        assert result.status == expect["status"]
    levels = {d.id: d.level for d in result.dimensions}
    for dimension, level in (expect.get("dimensions") or {}).items():
        assert dimension in levels, f"{path}: unknown dimension {dimension}"
        assert levels[dimension] == level, dimension
