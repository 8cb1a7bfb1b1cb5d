"""The bundled four-level model behaves as the source describes: its coverage bands and
edges, the cap the coverage figure puts on the overall level, and the story of "65%
automation on siloed data" (AI bolted on at the edge, not built into the foundation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxmaturity.load.catalog import load_rubric
from cxmaturity.load.submission import read_submission
from cxmaturity.scoring.engine import score

MODEL = "contact-center-ai-maturity"


def _assess(write, answers: dict[str, str], coverage: str | None = None):  # type: ignore[no-untyped-def]
    lines = [f"rubric: {MODEL}", "organization: Test", "date: 2026-06-01"]
    if coverage is not None:
        lines += ["metrics:", f"  automation-coverage: {coverage}"]
    lines += ["answers:"] + [f"  {qid}: {option}" for qid, option in answers.items()]
    path: Path = write("answers.yaml", "\n".join(lines) + "\n")
    return score(read_submission(str(path)))


def _all(option: str, **overrides: str) -> dict[str, str]:
    rubric = load_rubric(MODEL).rubric
    scales = {s.id: s for s in rubric.scales}
    answers = {}
    for q in rubric.questions:
        ids = [o.id for o in scales[q.scale].options]
        # The same rank on every scale: first, middle or last option.
        answers[q.id] = {"low": ids[0], "mid": ids[len(ids) // 2], "high": ids[-1]}[option]
        if q.scale == "share" and q.id == "time-searching":  # a "less is better" question
            answers[q.id] = {"low": "most", "mid": "half", "high": "none"}[option]
    answers.update(overrides)
    return answers


@pytest.mark.parametrize(("coverage", "level", "supports"), [
    ("0", 1, (1, 1)), ("4.9", 1, (1, 1)), ("5", 1, (1, 2)), ("9.99", 1, (1, 2)),
    ("10", 2, (2, 2)), ("29.9", 2, (2, 2)), ("30%", 3, (3, 4)), ("69.9", 3, (3, 4)),
    ("70", 4, (4, 4)), ("100", 4, (4, 4))])
def test_coverage_bands_and_edges(write, coverage: str, level: int,  # type: ignore[no-untyped-def]
                                  supports: tuple[int, int]) -> None:
    result = _assess(write, {}, coverage)
    assert result.metrics[0].level == level
    automation = next(d for d in result.dimensions if d.id == "automation")
    assert automation.evidence[0].supports == supports  # the only evidence in that dimension


@pytest.mark.parametrize(("coverage", "level"), [("4", 1), ("8", 2), ("20", 2), ("35", 4)])
def test_coverage_caps_the_overall_level(write, coverage: str, level: int) -> None:  # type: ignore[no-untyped-def]
    result = _assess(write, _all("high"), coverage)
    assert result.overall.level == level
    assert (result.overall.capped_by == ("automation-coverage",)) == (level < 4)


def test_high_automation_on_siloed_data_is_held_back_and_flagged(write) -> None:  # type: ignore[no-untyped-def]
    answers = _all("high", **{q: "no" for q in (
        "cross-channel-view", "ai-ready-knowledge", "one-customer-view", "self-improving",
        "knowledge-documented")}, **{"data-flows": "no", "operations-learning": "no"})
    result = _assess(write, answers, "65")
    dims = {d.id: d for d in result.dimensions}
    assert dims["automation"].level == 4  # 65% and the best answers, in its own right
    assert dims["data"].span == (1, 1) and dims["learning"].span == (1, 1)
    # Six dimensions at Level 4 would carry the median, but nothing may sit more than one
    # level above a foundation that allows only Level 1: AI bolted on at the edge.
    assert result.overall.level == 2
    assert set(result.overall.held_back_by) == {"data", "learning"}
    assert any("automation-coverage" in f.items and "data" in f.items for f in result.flags)


@pytest.mark.parametrize(("rank", "level"), [("low", 1), ("high", 4)])
def test_every_dimension_spans_the_whole_ladder(write, rank: str, level: int) -> None:  # type: ignore[no-untyped-def]
    result = _assess(write, _all(rank))
    assert {d.level for d in result.dimensions} == {level}
    assert result.status == "scored"


def test_no_answers_is_insufficient_evidence_not_level_1(write) -> None:  # type: ignore[no-untyped-def]
    result = _assess(write, {"unified-platform": "yes"})
    assert result.status == "insufficient-evidence"
    assert sum(d.status == "not-assessed" for d in result.dimensions) == 7
