"""Scoring rules on a small rubric (tests/data/rubrics/tiny.yaml): levels, bands, gaps,
not-assessed dimensions, confidence, inconsistency, blockers, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmaturity.report.json_report import render_json
from cxmaturity.scoring import level_of, score
from cxmaturity.submission import read_submission

from .conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"


@pytest.fixture
def assess(write):  # type: ignore[no-untyped-def]
    """Score an answers file made of `answers` and `metrics` against the tiny rubric."""

    def _assess(answers: dict[str, str], coverage: str | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
        lines = [f"rubric: {TINY}", "organization: Test", "date: 2026-01-01", "answers:"]
        lines += [f"  {k}: {v}" for k, v in answers.items()] or ["  {}"]
        if coverage is not None:
            lines += ["metrics:", f"  coverage: {coverage}"]
        path: Path = write("answers.yaml", "\n".join(lines).replace("answers:\n  {}",
                                                                       "answers: {}") + "\n")
        return score(read_submission(str(path)), **kwargs)  # type: ignore[arg-type]

    return _assess


@pytest.mark.parametrize(("score_", "tolerance", "level"), [
    (1.0, 0.0, 1), (1.99, 0.0, 1), (2.0, 0.0, 2), (1.75, 0.25, 2), (1.74, 0.25, 1),
    (3.0, 0.0, 3), (9.0, 0.0, 3),
])
def test_level_of(score_: float, tolerance: float, level: int) -> None:
    assert level_of(score_, tolerance, 3) == level


def dim(result, name):  # type: ignore[no-untyped-def]
    return next(d for d in result.dimensions if d.id == name)


def test_weighted_mean_and_weakest_link(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "yes", "t2": "yes", "d1": "yes", "d2": "no"})
    assert dim(result, "tools").score == 2.5 and dim(result, "tools").level == 2
    # data: (2*1 + 1*2) / 3 = 1.33 -> Level 1, which holds the whole operation at 1
    assert dim(result, "data").level == 1
    assert result.overall.level == 1 and result.overall.limited_by == ("data",)


@pytest.mark.parametrize(("coverage", "level"), [
    ("0", 1), ("9.99", 1), ("10", 1), ("15", 1), ("19.99", 1), ("20", 2), ("49.99", 2),
    ("50%", 3), ("100", 3),
])
def test_band_edges_and_gap_rule(assess, coverage: str, level: int) -> None:  # type: ignore[no-untyped-def]
    result = assess({}, coverage)
    assert result.metrics[0].level == level


def test_dimension_without_evidence_is_not_assessed(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "yes", "t2": "yes"})
    data = dim(result, "data")
    assert data.status == "not-assessed" and data.level is None and data.score is None
    assert result.overall.not_assessed == ("data",)
    assert result.overall.level == 2  # from tools alone, never a silent Level 1


def test_unknown_and_na_carry_no_evidence(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "yes", "t2": "unknown", "d1": "n/a", "d2": "yes"})
    assert dim(result, "tools").unanswered == ("t2", "coverage")
    assert dim(result, "data").coverage == 1.0  # n/a leaves the denominator


def test_confidence_and_insufficient_evidence(assess) -> None:  # type: ignore[no-untyped-def]
    full = assess({"t1": "yes", "t2": "yes", "d1": "yes", "d2": "yes"}, "60")
    assert full.confidence == 1.0 and full.status == "scored"
    thin = assess({"t1": "yes"})
    # tools 1/3 answered (weight 1 of 3), data 0 of 3: (1*1/3 + 2*0) / 3
    assert thin.confidence == pytest.approx(1 / 9, abs=1e-4)
    assert thin.status == "insufficient-evidence"


def test_inconsistency_inside_a_dimension(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "no", "t2": "yes"})
    assert [f.dimension for f in result.flags] == ["tools"]
    assert "spans Level 1 to 3" in result.flags[0].message


def test_metric_against_other_dimensions(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "yes", "d1": "no", "d2": "no"}, "80")
    messages = [f.message for f in result.flags]
    assert "Coverage 80% points to Level 3, but Data at Level 1" in messages


def test_blockers_name_the_gap(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "yes", "t2": "partial", "d1": "yes", "d2": "yes"}, "22%")
    assert result.overall.level == 2
    texts = [b.text for b in result.next.blockers]
    assert "Coverage 22% < 50%" in texts
    assert "Tools are not connected" in texts
    assert dim(result, "tools").advice == "Connect the tools."


def test_target_option_plans_further(assess) -> None:  # type: ignore[no-untyped-def]
    result = assess({"t1": "no", "t2": "no", "d1": "no", "d2": "no"}, "5", target=3)
    assert result.next.number == 3
    assert {b.item for b in result.next.blockers} == {"t1", "t2", "d1", "d2", "coverage"}


def test_deterministic_json(assess) -> None:  # type: ignore[no-untyped-def]
    first = render_json(assess({"t1": "yes", "d2": "partial"}, "33"))
    second = render_json(assess({"d2": "partial", "t1": "yes"}, "33"))
    assert first == second
