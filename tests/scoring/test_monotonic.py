"""Monotonic, over generated assessments for every bundled rubric and the test rubrics: a more
mature answer (a range neither end of which is lower), or a metric value in a higher band,
never lowers any level or score."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cxmaturity.model import bands
from cxmaturity.model.result import Assessment
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN
from cxmaturity.scoring.engine import score

from ..conftest import PROPERTY_EXAMPLES, cases
from ..fuzz.strategies import band_values, metric_values, submission, submissions
from ..rubric_cases import CASES, loaded

#: Generated cases per rubric for each property (docs/reliability.md).
EXAMPLES = PROPERTY_EXAMPLES


def standing(result: Assessment) -> list[float]:
    """Every level and score of a result, not-assessed as 0, in a fixed order."""
    overall = result.overall
    values = [overall.level or 0, overall.score or 0, overall.mean_score or 0]
    for dim in result.dimensions:
        values += [dim.level or 0, dim.score or 0]
    return values


def more_mature(new: tuple[int, int], old: tuple[int, int]) -> bool:
    """An answer is more mature when neither end of its range is lower, and one is higher."""
    return new != old and new[0] >= old[0] and new[1] >= old[1]


def not_lower(before: Assessment, after: Assessment) -> bool:
    return all(a >= b for a, b in zip(standing(after), standing(before), strict=True))


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_more_mature_answer_never_lowers_a_level(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    answered = [q for q in rubric.rubric.questions
                if sub.responses[q.id] not in (UNKNOWN, NOT_APPLICABLE)]
    assume(answered)
    question = data.draw(st.sampled_from(answered))
    current = question.supports[sub.responses[question.id]]
    better = [o for o, rng in question.supports.items() if more_mature(rng, current)]
    assume(better)
    improved = dict(sub.responses, **{question.id: data.draw(st.sampled_from(better))})
    assert not_lower(score(sub), score(submission(rubric, improved, sub.metric_values,
                                                     sub.metric_targets)))


@pytest.mark.parametrize("case", [c for c in CASES if loaded(c).rubric.metrics])
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_higher_band_never_lowers_a_level(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    metric = data.draw(st.sampled_from(rubric.rubric.metrics))
    target = sub.target(metric.id)

    def supported(value: float) -> tuple[int, int]:
        return bands.place(metric, value, target).range

    ranges = {supported(v) for v in band_values(metric, target)}
    assume(len(ranges) > 1)
    value = data.draw(metric_values(metric, target).filter(
        lambda v: any(more_mature(r, supported(v)) for r in ranges)))
    higher = [v for v in band_values(metric, target) if more_mature(supported(v), supported(value))]
    moved_to = data.draw(st.sampled_from(higher))
    before = dict(sub.metric_values, **{metric.id: value})
    after = dict(sub.metric_values, **{metric.id: moved_to})
    assert not_lower(score(submission(rubric, sub.responses, before, sub.metric_targets)),
                     score(submission(rubric, sub.responses, after, sub.metric_targets)))


@pytest.mark.parametrize("case", CASES)
@settings(max_examples=cases(EXAMPLES))
@given(data=st.data())
def test_many_improvements_at_once_never_lower_a_level(case: str, data: st.DataObject) -> None:
    rubric = loaded(case)
    sub = data.draw(submissions(rubric))
    improved = dict(sub.responses)
    for question in rubric.rubric.questions:
        given_ = sub.responses[question.id]
        if given_ in (UNKNOWN, NOT_APPLICABLE):
            continue
        now = question.supports[given_]
        at_least = [o for o, rng in question.supports.items()
                    if rng == now or more_mature(rng, now)]
        improved[question.id] = data.draw(st.sampled_from(at_least))
    assert not_lower(score(sub), score(submission(rubric, improved, sub.metric_values,
                                                     sub.metric_targets)))
