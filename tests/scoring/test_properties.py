"""Properties of scoring over generated assessments, for every bundled rubric and the test
rubrics: bounded; deterministic and independent of key order; unknown is not "no".
(Monotonic is tests/scoring/test_monotonic.py.)"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cxmaturity.load.catalog import LoadedRubric
from cxmaturity.load.submission import Submission, check_submission
from cxmaturity.model import bands
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN
from cxmaturity.report.json_report import render_json
from cxmaturity.scoring.engine import score
from cxmaturity.yaml.reader import parse_bytes

from ..conftest import DATA, cases
from ..conftest import EXAMPLES as EXAMPLES_DIR
from ..conftest import PROPERTY_EXAMPLES as EXAMPLES
from ..fuzz.strategies import (
    answers_mappings,
    band_values,
    reordered,
    submission,
    submissions,
    to_yaml,
)
from ..rubric_cases import CASES, TINY_WEAKEST, loaded, reference

FILE_CASES = [c for c in CASES if c != TINY_WEAKEST]


def check_bounded(result: Assessment, rubric: LoadedRubric) -> None:
    """Every level a level of the rubric, every score and share in range, all consistent."""
    top = rubric.rubric.top
    assert 0 <= result.confidence <= 1
    for dim in result.dimensions:
        assert 0 <= dim.coverage <= 1
        assert (dim.status == "assessed") == (dim.level is not None) == (dim.score is not None)
        assert (dim.level is None) == (not dim.evidence)
        if dim.level is not None and dim.score is not None:
            assert 1 <= dim.level <= top and 1 <= dim.score <= top
            assert dim.level_name == rubric.rubric.level(dim.level).name
        assert all(1 <= item.supports[0] <= item.supports[1] <= top for item in dim.evidence)
        assert all(b.supports[1] < b.target <= top for b in dim.blockers)
        if dim.span is not None and dim.level is not None:
            assert dim.span[0] <= dim.level <= dim.span[1]
    counted = {d.id for d in rubric.rubric.dimensions if d.in_overall}
    assessed = [d for d in result.dimensions if d.level is not None and d.id in counted]
    overall = result.overall
    assert overall.not_assessed == tuple(d.id for d in result.dimensions if d.level is None)
    assert (overall.level is None) == (not assessed)
    if overall.level is not None:
        assert 1 <= overall.level <= top
        assert overall.score is not None and 1 <= overall.score <= top
        assert overall.mean_score is not None and 1 <= overall.mean_score <= top
        assert set(overall.limited_by) <= {d.id for d in assessed}
        if overall.method == "weakest-link" and not overall.capped_by:
            assert overall.level == min(d.level or 0 for d in assessed)
            assert overall.limited_by
    if abs(result.confidence - result.min_confidence) > 1e-4:
        assert (result.status == "scored") == (result.confidence >= result.min_confidence)
    assert all(m.level is None or 1 <= m.level <= top for m in result.metrics)
    if result.next is not None:
        assert overall.level is not None and result.next.number == overall.level + 1 <= top


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_levels_scores_and_confidence_are_bounded(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    check_bounded(score(data.draw(submissions(rubric))), rubric)


@pytest.mark.parametrize("case", FILE_CASES)
@settings(max_examples=cases(EXAMPLES // 2))
@given(data=st.data())
def test_same_answers_in_any_key_order_give_the_same_json(case: str,
                                                          data: st.DataObject) -> None:
    rubric = loaded(case)
    mapping = data.draw(answers_mappings(rubric, reference(case)))
    shuffled = reordered(mapping, data.draw(st.randoms(use_true_random=False)))
    base = DATA / "answers"
    first, other = (render_json(score(check_submission(parse_bytes(to_yaml(m).encode(), "a.yaml"),
                                                       base)))
                    for m in (mapping, shuffled))
    assert first == other


def test_json_is_the_same_in_every_process() -> None:
    """Byte for byte, whatever the hash seed (no set or dict order leaks into the output)."""
    example = sorted(EXAMPLES_DIR.glob("*.yaml"))[0]
    outputs = {subprocess.run([sys.executable, "-m", "cxmaturity", "assess", str(example),
                               "--format", "json"], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(outputs) == 1


def without(sub: Submission, item: str) -> Submission:
    """The same answers scored by the same rubric with one question or metric removed."""
    rubric = sub.rubric
    smaller = rubric.model_copy(update={
        "questions": tuple(q for q in rubric.questions if q.id != item),
        "metrics": tuple(m for m in rubric.metrics if m.id != item)})
    loaded = dataclasses.replace(sub.loaded, rubric=smaller)
    responses = {k: v for k, v in sub.responses.items() if k != item}
    values = {k: v for k, v in sub.metric_values.items() if k != item}
    targets = {k: v for k, v in sub.metric_targets.items() if k != item}
    return submission(loaded, responses, values, targets)


def forgotten(sub: Submission, item: str) -> Submission:
    """The same answers with one question or metric turned into `unknown`."""
    if item in sub.responses:
        return submission(sub.loaded, dict(sub.responses, **{item: UNKNOWN}), sub.metric_values,
                          sub.metric_targets)
    return submission(sub.loaded, sub.responses, dict(sub.metric_values, **{item: None}),
                      sub.metric_targets)


def levels_and_scores(result: Assessment) -> list[object]:
    return [result.overall.level, result.overall.score,
            *((d.id, d.status, d.level, d.score) for d in result.dimensions)]


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_unknown_counts_as_no_evidence_and_lowers_confidence(case: str,
                                                             data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    known = [q for q, o in sub.responses.items() if o not in (UNKNOWN, NOT_APPLICABLE)]
    known += [m for m, v in sub.metric_values.items() if v is not None]
    assume(known)
    item = data.draw(st.sampled_from(sorted(known)))
    before, after = score(sub), score(forgotten(sub, item))
    # The level is exactly what the remaining evidence supports: as if the item were absent.
    assert levels_and_scores(after) == levels_and_scores(score(without(sub, item)))
    # Knowing less lowers confidence; it never turns insufficient evidence into enough.
    assert after.confidence < before.confidence
    assert before.status == "scored" or after.status == "insufficient-evidence"


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_unknown_never_scores_below_a_floor_answer(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    floor_options = {q.id: o for q in rubric.rubric.questions
                     for o, supported in q.supports.items() if supported == (1, 1)}
    assume(floor_options)
    qid = data.draw(st.sampled_from(sorted(floor_options)))
    unknown = score(submission(rubric, dict(sub.responses, **{qid: UNKNOWN}),
                               sub.metric_values, sub.metric_targets))
    floor = score(submission(rubric, dict(sub.responses, **{qid: floor_options[qid]}),
                             sub.metric_values, sub.metric_targets))
    for u, f in zip(unknown.dimensions, floor.dimensions, strict=True):
        assert u.level is None or (f.level is not None and u.level >= f.level)
    assert unknown.overall.level is None or unknown.overall.level >= (floor.overall.level or 0)


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_a_dimension_without_evidence_is_not_assessed(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    dim = data.draw(st.sampled_from(rubric.rubric.dimensions))
    silent = data.draw(st.sampled_from([UNKNOWN, NOT_APPLICABLE]))
    responses = {q.id: silent if q.dimension == dim.id else sub.responses[q.id]
                 for q in rubric.rubric.questions}
    values = {m.id: None if m.dimension == dim.id else sub.metric_values[m.id]
              for m in rubric.rubric.metrics}
    result = score(submission(rubric, responses, values, sub.metric_targets))
    found = next(d for d in result.dimensions if d.id == dim.id)
    assert (found.status, found.level, found.score, found.evidence) == (
        "not-assessed", None, None, ())
    assert dim.id in result.overall.not_assessed and dim.id not in result.overall.limited_by
    counted = {d.id for d in rubric.rubric.dimensions if d.in_overall}
    others = [d.level for d in result.dimensions if d.level is not None and d.id in counted]
    if result.overall.method == "weakest-link" and not result.overall.capped_by:
        assert result.overall.level == (min(others) if others else None)
    check_bounded(result, rubric)


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_answers_consistent_with_one_level_score_that_level(case: str,
                                                            data: st.DataObject) -> None:
    """Every answer and metric allows level L, and one says L is reached: the operation and
    every assessed dimension are at L (docs/scoring.md, "Properties")."""
    rubric = loaded(case)
    spec = rubric.rubric
    level = data.draw(st.integers(1, spec.top))
    responses = {}
    for question in spec.questions:
        fitting = [o for o, (low, high) in question.supports.items() if low <= level <= high]
        responses[question.id] = data.draw(st.sampled_from([*fitting, UNKNOWN]))
    values: dict[str, float | None] = {}
    targets: dict[str, float] = {}
    for metric in spec.metrics:
        target = metric.target.value if metric.target else None
        if metric.target is not None and target is None:
            target = 1.0
            targets[metric.id] = target
        fitting_values = [v for v in band_values(metric, target)
                          if bands.place(metric, v, target).range[0] <= level
                          <= bands.place(metric, v, target).range[1]]
        values[metric.id] = data.draw(st.sampled_from([*fitting_values, None]))
    counted = {d.id for d in spec.dimensions if d.in_overall}
    starts: dict[str, list[int]] = {}
    for question in spec.questions:
        if question.dimension in counted and (option := responses[question.id]) != UNKNOWN:
            starts.setdefault(question.dimension, []).append(question.supports[option][0])
    for metric in spec.metrics:
        if metric.dimension in counted and (value := values[metric.id]) is not None:
            given = targets.get(metric.id) or (metric.target.value if metric.target else None)
            starts.setdefault(metric.dimension, []).append(
                bands.place(metric, value, given).range[0])
    # Some evidence says L is reached: anywhere for the median, in every counted dimension
    # for the weakest link (its rule asks every dimension to show the level).
    shown = [level == 1 or level in found for found in starts.values()]
    assume(shown and (all(shown) if spec.scoring.overall.method == "weakest-link"
                      else any(shown)))
    result = score(submission(rubric, responses, values, targets))
    assert result.overall.level == level
    assert all(d.level == level for d in result.dimensions if d.level is not None)
