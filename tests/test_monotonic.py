"""Monotonicity over generated answers, for every bundled rubric and the test rubric: a more
mature answer, or a metric value in a higher band, never lowers any level."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxmaturity import bands
from cxmaturity.answers import Answers
from cxmaturity.catalog import LoadedRubric, bundled_ids, load_rubric
from cxmaturity.result import Assessment
from cxmaturity.rubric import NOT_APPLICABLE, UNKNOWN, Metric
from cxmaturity.scoring import score
from cxmaturity.submission import Submission

from .conftest import DATA

RUBRICS = [*bundled_ids(), str(DATA / "rubrics" / "tiny.yaml"),
           str(DATA / "rubrics" / "kpi.yaml")]
ANSWERS = Answers(organization="Generated", date=dt.date(2026, 1, 1))


def submission(loaded: LoadedRubric, responses: dict[str, str],
               metrics: dict[str, float | None]) -> Submission:
    return Submission("generated.yaml", ANSWERS, loaded, responses, metrics)


def metric_value(metric: Metric) -> st.SearchStrategy[float | None]:
    low = metric.minimum if metric.minimum is not None else -1000.0
    high = metric.maximum if metric.maximum is not None else 1000.0
    if metric.unit == "percent":
        low, high = max(low, 0.0), min(high, 100.0)
    if metric.target is not None and metric.target.value is None:
        return st.none()  # without the answers file's own target it cannot be placed
    return st.one_of(st.none(), st.floats(low, high).filter(lambda v: _placeable(metric, v)))


def _placeable(metric: Metric, value: float) -> bool:
    try:
        bands.place(metric, value)
    except ValueError:
        return False
    return True


@st.composite
def generated(draw: st.DrawFn, loaded: LoadedRubric) -> Submission:
    rubric = loaded.rubric
    responses = {q.id: draw(st.sampled_from([*q.indicates, UNKNOWN, NOT_APPLICABLE]))
                 for q in rubric.questions}
    metrics = {m.id: draw(metric_value(m)) for m in rubric.metrics}
    return submission(loaded, responses, metrics)


def levels(result: Assessment) -> list[int]:
    return [result.overall.level or 0, *(d.level or 0 for d in result.dimensions)]


def not_lower(before: Assessment, after: Assessment) -> bool:
    return all(a >= b for a, b in zip(levels(after), levels(before), strict=True))


@pytest.mark.parametrize("reference", RUBRICS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_more_mature_answer_never_lowers_a_level(reference: str, data: st.DataObject) -> None:
    loaded = load_rubric(reference)
    sub = data.draw(generated(loaded))
    answered = [q for q in loaded.rubric.questions
                if sub.responses[q.id] not in (UNKNOWN, NOT_APPLICABLE)]
    if not answered:
        return
    question = data.draw(st.sampled_from(answered))
    current = question.indicates[sub.responses[question.id]]
    better = [o for o, lv in question.indicates.items() if lv > current]
    if not better:
        return
    improved = dict(sub.responses, **{question.id: data.draw(st.sampled_from(better))})
    assert not_lower(score(sub), score(submission(loaded, improved, sub.metric_values)))


@pytest.mark.parametrize("reference", RUBRICS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_higher_band_never_lowers_a_level(reference: str, data: st.DataObject) -> None:
    loaded = load_rubric(reference)
    if not loaded.rubric.metrics:
        return
    sub = data.draw(generated(loaded))
    metric = data.draw(st.sampled_from(loaded.rubric.metrics))
    value = sub.metric_values[metric.id]
    if value is None:
        return
    current = bands.place(metric, value).level
    higher = [b for b in bands.ordered(metric) if b.level > current]
    if not higher:
        return
    band = data.draw(st.sampled_from(higher))
    low = band.min if band.min is not None else (band.max or 0) - 1
    moved = dict(sub.metric_values, **{metric.id: low})
    if bands.place(metric, low).level <= current:
        return
    assert not_lower(score(sub), score(submission(loaded, sub.responses, moved)))
