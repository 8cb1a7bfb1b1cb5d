"""Scoring rules on a small rubric (tests/data/rubrics/tiny.yaml): spans, the overall rules,
placement, bands, caps, not-assessed dimensions, confidence, conflicts, blockers, the
changes that would raise a level, determinism."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cxmaturity.load.submission import read_submission
from cxmaturity.model.result import Assessment, DimensionResult
from cxmaturity.report.json_report import render_json
from cxmaturity.scoring.engine import score
from cxmaturity.scoring.levels import Weighed, overall, span_of

from ..conftest import DATA

TINY = DATA / "rubrics" / "tiny.yaml"
Assess = Callable[..., Assessment]


def tiny_variant(tmp_path: Path, old: str, new: str) -> Path:
    """The tiny rubric with one piece of text replaced, written under tmp_path."""
    text = TINY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.fixture
def assess(write) -> Assess:  # type: ignore[no-untyped-def]
    """Score an answers file made of `answers` and `coverage` against the tiny rubric (or
    `rubric`)."""

    def _assess(answers: dict[str, str], coverage: str | None = None,
                rubric: Path = TINY, **kwargs: object) -> Assessment:
        lines = [f"rubric: {rubric}", "organization: Test", "date: 2026-01-01", "answers:"]
        lines += [f"  {k}: {v}" for k, v in answers.items()] or ["  {}"]
        if coverage is not None:
            lines += ["metrics:", f"  coverage: {coverage}"]
        path: Path = write("answers.yaml", "\n".join(lines).replace("answers:\n  {}",
                                                                       "answers: {}") + "\n")
        return score(read_submission(str(path)), **kwargs)  # type: ignore[arg-type]

    return _assess


@pytest.mark.parametrize(("items", "span"), [
    ([], None),
    ([(1, 1, 1.0)], (1, 1)),
    ([(2, 3, 1.0)], (2, 3)),                           # reached 2, leaves 3 open
    ([(1, 2, 1.0), (1, 2, 1.0)], (1, 2)),              # "not yet 3", nothing shows 2
    ([(3, 3, 1.0), (1, 1, 1.0)], (1, 3)),              # a tie neither reaches nor rules out
    ([(3, 3, 2.0), (1, 1, 1.0)], (3, 3)),              # the heavier side wins
    ([(2, 2, 1.0), (1, 2, 1.0), (1, 2, 1.0)], (2, 2)),  # open evidence does not vote
    ([(3, 3, 0.1), (3, 3, 0.2), (1, 1, 0.3)], (1, 3)),  # 0.1 + 0.2 ties 0.3
])
def test_span_of(items: list[tuple[int, int, float]], span: tuple[int, int] | None) -> None:
    assert span_of([Weighed(lo, hi, w) for lo, hi, w in items], 3) == span


def test_overall_rules_over_spans() -> None:
    spans = [Weighed(3, 3, 1.0), Weighed(2, 2, 1.0), Weighed(1, 2, 1.0)]
    assert overall("median", spans, 3)[0] == 2       # 2 reaches 2; nothing says it does not
    assert overall("weakest-link", spans, 3)[0] == 1  # the third shows only 1 reached
    assert overall("median", [Weighed(1, 1, 2.0), Weighed(3, 3, 1.0)], 3)[0] == 1


def dim(result: Assessment, name: str) -> DimensionResult:
    return next(d for d in result.dimensions if d.id == name)


def test_dimensions_are_placed_in_their_span_nearest_the_overall(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "yes", "d1": "yes", "d2": "no"})
    assert dim(result, "tools").span == (3, 3) and dim(result, "tools").level == 3
    assert dim(result, "data").span == (2, 2) and dim(result, "data").level == 2
    # data weighs 2: the median of (3 x1, 2 x2) is 2; tools shows Level 3 traits
    assert result.overall.level == 2 and result.overall.above == ("tools",)
    assert result.overall.score == pytest.approx(2 + 1 / 3, abs=1e-4)


def test_evidence_that_cannot_tell_levels_apart_takes_the_overall_level(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "partial", "d1": "yes", "d2": "no"})
    # data: d1 shows 2 reached, d2 rules 3 out -> (2, 2); tools: (2, 2)
    assert result.overall.level == 2
    open_ = assess({"t1": "partial", "t2": "no", "d1": "yes", "d2": "partial"})
    tools = dim(open_, "tools")
    assert tools.span == (1, 2) and tools.level == 2  # placed at the overall level
    assert all(item.fits == "yes" for item in tools.evidence)


def test_weakest_link_needs_every_dimension_to_show_the_level(assess: Assess,
                                                              tmp_path: Path) -> None:
    weakest = tiny_variant(tmp_path, "overall: {method: median}",
                           "overall: {method: weakest-link}")
    result = assess({"t1": "yes", "t2": "yes", "d1": "partial", "d2": "no"}, rubric=weakest)
    assert dim(result, "data").span == (1, 2)
    assert result.overall.level == 1 and result.overall.limited_by == ("data",)
    assert result.overall.above == ("tools",)


@pytest.mark.parametrize(("coverage", "level"), [
    ("0", 1), ("9.99", 1), ("10", 1), ("15", 1), ("19.99", 1), ("20", 2), ("49.99", 2),
    ("50%", 3), ("100", 3),
])
def test_band_edges_and_gap_rule(assess: Assess, coverage: str, level: int) -> None:
    result = assess({}, coverage)
    assert result.metrics[0].level == level


def test_a_capping_metric_holds_the_overall_level(assess: Assess, tmp_path: Path) -> None:
    capped = tiny_variant(tmp_path, "    gaps: lower\n",
                          "    gaps: lower\n    caps_overall: true\n")
    answers = {"t1": "yes", "t2": "yes", "d1": "yes", "d2": "yes"}
    free = assess(answers, "5")
    assert free.overall.level == 3 and not free.overall.capped_by
    held = assess(answers, "5", rubric=capped)
    assert held.overall.level == 1 and held.overall.capped_by == ("coverage",)
    assert held.overall.score == 1.5  # higher than any uncapped Level 1, lower than Level 2
    assert dim(held, "data").level == 3  # still shown as it is: Level 3 traits in data
    assert [(m.item, m.to) for m in held.overall.raise_by_one] == [("coverage", "20% or more")]
    assert assess(answers, "60", rubric=capped).overall.level == 3


def test_a_dimension_outside_the_overall_is_scored_but_does_not_count(assess: Assess,
                                                                       tmp_path: Path) -> None:
    context = tiny_variant(tmp_path, "description: The data behind them., weight: 2,",
                           "description: The data behind them., weight: 2, in_overall: false,")
    answers = {"t1": "yes", "t2": "yes", "d1": "no", "d2": "no"}
    assert assess(answers).overall.level == 1  # data outweighs tools
    result = assess(answers, rubric=context)
    assert result.overall.level == 3 and dim(result, "data").level == 1
    assert "data" not in result.overall.below


def test_dimension_without_evidence_is_not_assessed(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "yes"})
    data = dim(result, "data")
    assert data.status == "not-assessed" and data.level is None and data.score is None
    assert result.overall.not_assessed == ("data",)
    assert result.overall.level == 3  # from tools alone, never a silent Level 1


def test_unknown_and_na_carry_no_evidence(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "unknown", "d1": "n/a", "d2": "yes"})
    assert dim(result, "tools").unanswered == ("t2", "coverage")
    assert dim(result, "data").coverage == 1.0  # n/a leaves the denominator


def test_confidence_and_insufficient_evidence(assess: Assess) -> None:
    full = assess({"t1": "yes", "t2": "yes", "d1": "yes", "d2": "yes"}, "60")
    assert full.confidence == 1.0 and full.status == "scored"
    thin = assess({"t1": "yes"})
    # tools 1/3 answered (weight 1 of 3), data 0 of 3: (1*1/3 + 2*0) / 3
    assert thin.confidence == pytest.approx(1 / 9, abs=1e-4)
    assert thin.status == "insufficient-evidence"


def test_evidence_against_the_level_is_a_conflict(assess: Assess) -> None:
    result = assess({"t1": "no", "t2": "yes"})
    tools = dim(result, "tools")
    assert tools.span == (1, 3) and tools.level == 1 and tools.conflicts == ("t2",)
    assert [(f.kind, f.dimension) for f in result.flags] == [("conflict", "tools")]
    assert "t2: Yes" in result.flags[0].message


def test_metric_against_other_dimensions(assess: Assess) -> None:
    result = assess({"t1": "yes", "d1": "no", "d2": "no"}, "80")
    messages = [f.message for f in result.flags if f.kind == "inconsistency"]
    assert messages == ["Coverage 80% points to Level 3, but Data at Level 1"]


def test_blockers_are_the_evidence_that_rules_the_target_out(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "partial", "d1": "yes", "d2": "partial"}, "22%")
    assert result.overall.level == 2
    assert result.next is not None
    texts = [b.text for b in result.next.blockers]
    # t1 ("yes": 2-3) and d1 leave Level 3 open, so they block nothing; data (weight 2)
    # comes first on the roadmap
    assert texts == ["No shared data", "Tools are not connected", "Coverage 22% < 50%"]
    assert dim(result, "tools").advice == "Connect the tools."


def test_a_higher_levels_signal_never_blocks_a_lower_level(assess: Assess) -> None:
    answers = {"t1": "no", "t2": "no", "d1": "no", "d2": "no"}
    result = assess(answers, "5")
    assert result.overall.level == 1 and result.next is not None
    # t2 and d2 ("no": 1-2) say "not yet Level 3", which does not keep anyone from Level 2
    assert {b.item for b in result.next.blockers} == {"t1", "d1", "coverage"}
    planned = assess(answers, "5", target=3)
    assert planned.next is not None and planned.next.number == 3
    assert {b.item for b in planned.next.blockers} == {"t1", "t2", "d1", "d2", "coverage"}


def test_the_fewest_changes_that_raise_a_dimension_and_the_overall(assess: Assess) -> None:
    result = assess({"t1": "no", "t2": "no", "d1": "no", "d2": "no"}, "5")
    tools = dim(result, "tools")
    # Level 2 needs more than the 2 of weight ruling it out: two changes that gain 2 each
    assert [(m.item, m.given, m.to) for m in tools.raise_by_one] == [
        ("t1", "No", "Yes"), ("coverage", "5%", "20% or more")]
    # data weighs 2, so raising it alone lifts the median; it needs one change
    assert [(m.dimension, m.item, m.to) for m in result.overall.raise_by_one] == [
        ("data", "d1", "Yes")]
    raised = assess({"t1": "no", "t2": "no", "d1": "yes", "d2": "no"}, "5")
    assert raised.overall.level == 2


def test_no_changes_at_the_top(assess: Assess) -> None:
    result = assess({"t1": "yes", "t2": "yes", "d1": "yes", "d2": "yes"}, "60")
    assert result.overall.level == 3 and not result.overall.raise_by_one
    assert all(not d.raise_by_one for d in result.dimensions)


def test_deterministic_json(assess: Assess) -> None:
    first = render_json(assess({"t1": "yes", "d2": "partial"}, "33"))
    second = render_json(assess({"d2": "partial", "t1": "yes"}, "33"))
    assert first == second


def test_evidence_shared_between_files_keeps_each_files_note_and_fit(assess: Assess) -> None:
    """An answer's evidence is built once per rubric (docs/performance.md); a file's own
    note, and how the answer fits its dimension's level, still come from that file."""
    def t2(result: Assessment) -> tuple[str | None, str]:
        item = next(e for e in dim(result, "tools").evidence if e.id == "t2")
        return item.note, item.fits

    assert t2(assess({"t1": "yes", "t2": "yes"})) == (None, "yes")
    noted = assess({"t1": "yes", "t2": '{answer: "yes", evidence: "Seen in the logs"}'})
    assert t2(noted) == ("Seen in the logs", "yes")
    assert t2(assess({"t1": "yes", "t2": "yes"})) == (None, "yes")
    assert t2(assess({"t1": "no", "t2": "yes"})) == (None, "higher")  # tools now at Level 1
    assert t2(assess({"t1": "yes", "t2": "yes"})) == (None, "yes")


def test_shared_evidence_and_blockers_follow_the_option_not_its_label(
        assess: Assess, tmp_path: Path) -> None:
    """Two options of a scale may share a label; what each supports still comes from the
    option answered, in its evidence and in its blockers."""
    same = tiny_variant(tmp_path, 'label: "No"', "label: Partly")  # partial and no: "Partly"

    def t1(result: Assessment) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        item = next(e for e in dim(result, "tools").evidence if e.id == "t1")
        assert result.next is not None
        return item.supports, [b.supports for b in result.next.blockers if b.item == "t1"]

    partial = {"t1": "partial", "t2": "partial", "d1": "partial", "d2": "partial"}
    answered_no = {**partial, "t1": "no"}
    assert t1(assess(partial, rubric=same, target=3)) == ((1, 2), [(1, 2)])
    assert t1(assess(answered_no, rubric=same, target=3)) == ((1, 1), [(1, 1)])
