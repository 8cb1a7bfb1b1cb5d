"""Scoring: a checked submission in, an explained :class:`Assessment` out. Pure and deterministic.

The rules are the rubric's (`scoring:`); docs/scoring.md explains them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from cxmaturity import __version__, bands
from cxmaturity.result import (
    Assessment,
    Blocker,
    DimensionResult,
    EvidenceItem,
    Flag,
    MetricPlacement,
    Outlook,
    Overall,
    RoadmapStep,
    RubricStamp,
)
from cxmaturity.rubric import (
    NOT_APPLICABLE,
    UNKNOWN,
    Dimension,
    Question,
    Rubric,
    level_of,
)
from cxmaturity.rubric_index import RubricIndex, band_views
from cxmaturity.submission import Submission


@dataclass
class _Tally:
    """Evidence gathered for one dimension while scoring."""

    items: list[EvidenceItem] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    applicable: float = 0.0

    @property
    def answered(self) -> float:
        return sum(item.weight for item in self.items)


def score(sub: Submission, *, target: int | None = None) -> Assessment:
    """Score a submission. `target` is the level to plan for (default: one above overall)."""
    rubric = sub.rubric
    tallies = _gather(sub)
    dimensions = [_dimension(rubric, sub.loaded.index, dim, tallies[dim.id])
                  for dim in rubric.dimensions]
    overall = _overall(rubric, dimensions)
    goal = target if target is not None else (overall.level or 0) + 1
    dimensions = [_with_plan(sub, dim, tallies[dim.id], goal) for dim in dimensions]
    confidence = _confidence(dimensions, tallies)
    sufficient = confidence + 1e-9 >= rubric.scoring.min_confidence
    return Assessment(
        tool_version=__version__,
        file=sub.file,
        rubric=_stamp(sub),
        organization=sub.answers.organization,
        site=sub.answers.site,
        date=sub.answers.date,
        assessor=sub.answers.assessor,
        respondents=tuple(_respondent(r.name, r.role) for r in sub.answers.respondents),
        status="scored" if sufficient else "insufficient-evidence",
        confidence=round(confidence, 4),
        min_confidence=rubric.scoring.min_confidence,
        level_term=rubric.level_term,
        overall=overall,
        ladder=sub.loaded.index.ladder,
        dimensions=tuple(dimensions),
        metrics=tuple(_placements(sub)),
        flags=tuple(_flags(rubric, dimensions, tallies)),
        next=_outlook(sub, overall.level, goal, dimensions),
    )


def _respondent(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name


def _stamp(sub: Submission) -> RubricStamp:
    rubric = sub.rubric
    src = rubric.source
    return RubricStamp(id=rubric.id, version=rubric.version, title=rubric.title,
                       sha256=sub.loaded.sha256,
                       source=f"{src.model}, {src.publisher} ({src.year})")


def _gather(sub: Submission) -> dict[str, _Tally]:
    rubric = sub.rubric
    tallies = {dim.id: _Tally() for dim in rubric.dimensions}
    for question in rubric.questions:
        tally = tallies[question.dimension]
        option = sub.responses[question.id]
        if option == NOT_APPLICABLE:
            continue
        tally.applicable += question.weight
        if option == UNKNOWN:
            tally.unanswered.append(question.id)
            continue
        entry = sub.answers.answers.get(question.id)
        tally.items.append(_answer(sub.loaded.index, question, option,
                                   entry.evidence if entry else None))
    for metric in rubric.metrics:
        tally = tallies[metric.dimension]
        tally.applicable += metric.weight
        value = sub.metric_values[metric.id]
        if value is None:
            tally.unanswered.append(metric.id)
            continue
        measured = sub.answers.metrics.get(metric.id)
        tally.items.append(EvidenceItem(
            kind="metric", id=metric.id, dimension=metric.dimension, label=metric.name,
            given=bands.format_value(metric, value),
            points_to=bands.place(metric, value, sub.target(metric.id)).level,
            weight=metric.weight, note=measured.evidence if measured else None))
    return tallies


def _answer(index: RubricIndex, question: Question, option: str,
            note: str | None) -> EvidenceItem:
    """The evidence an answer gives; answers without a note share one instance."""
    def build() -> EvidenceItem:
        return EvidenceItem(
            kind="answer", id=question.id, dimension=question.dimension, label=question.text,
            given=index.labels[question.scale][option], points_to=question.indicates[option],
            weight=question.weight, note=note)
    return build() if note else index.shared(("evidence", question.id, option), build)


def _dimension(rubric: Rubric, index: RubricIndex, dim: Dimension,
               tally: _Tally) -> DimensionResult:
    answered = tally.answered
    coverage = answered / tally.applicable if tally.applicable else 0.0
    score_: float | None = None
    level: int | None = None
    if answered > 0:
        score_ = sum(i.points_to * i.weight for i in tally.items) / answered
        level = level_of(score_, rubric.scoring.dimension.tolerance, rubric.top)
    return DimensionResult(
        id=dim.id, name=dim.name, weight=dim.weight,
        status="assessed" if level is not None else "not-assessed",
        score=None if score_ is None else round(score_, 4),
        level=level, level_name=rubric.level(level).name if level else None,
        coverage=round(coverage, 4), evidence=tuple(tally.items),
        unanswered=tuple(tally.unanswered),
        looks_like=index.shared(("looks_like", dim.id, level),
                                partial(_looks_like, rubric, dim.id, level)) if level else (),
        blockers=(), advice=None)


def _looks_like(rubric: Rubric, dimension: str, level: int) -> tuple[str, ...]:
    """The rubric's traits of `level` in `dimension`."""
    return tuple(c.text for c in rubric.level(level).characteristics
                 if c.dimension == dimension)


def _with_plan(sub: Submission, dim: DimensionResult, tally: _Tally,
               goal: int) -> DimensionResult:
    """Add the blockers to `goal` and the rubric's advice for the dimension's next level."""
    rubric = sub.rubric
    if dim.level is None or dim.level >= goal or goal > rubric.top:
        return dim
    spec = sub.loaded.index.dimensions[dim.id]
    return dim.model_copy(update={
        "blockers": tuple(_blockers(sub, tally.items, goal)),
        "advice": spec.advance.get(dim.level + 1),
    })


def _blockers(sub: Submission, items: Iterable[EvidenceItem], goal: int) -> Iterable[Blocker]:
    index = sub.loaded.index
    questions, metrics = index.questions, index.metrics
    for item in items:
        if item.points_to >= goal:
            continue
        if item.kind == "metric":
            metric = metrics[item.id]
            value = sub.metric_values[item.id]
            assert value is not None
            text = bands.shortfall(metric, value, goal, sub.target(item.id),
                                   sub.rubric.level_term)
            yield Blocker(dimension=item.dimension, item=item.id, text=text,
                          points_to=item.points_to, target=goal, toward=None)
        else:
            yield index.shared(("blocker", item.id, item.given, item.points_to, goal),
                               partial(_answer_blocker, questions[item.id], item, goal))


def _answer_blocker(question: Question, item: EvidenceItem, goal: int) -> Blocker:
    contrast = question.contrast
    text = question.shortfall or (contrast.low if contrast else
                                  f"{question.text} Answered: {item.given}.")
    return Blocker(dimension=item.dimension, item=item.id, text=text,
                   points_to=item.points_to, target=goal,
                   toward=contrast.high if contrast else None)


def _overall(rubric: Rubric, dims: list[DimensionResult]) -> Overall:
    rule = rubric.scoring.overall
    assessed = [d for d in dims if d.score is not None]
    not_assessed = tuple(d.id for d in dims if d.score is None)
    if not assessed:
        return Overall(level=None, name=None, score=None, mean_score=None, method=rule.method,
                       rationale=rule.rationale, limited_by=(), not_assessed=not_assessed)
    total = sum(d.weight for d in assessed)
    mean = sum((d.score or 0) * d.weight for d in assessed) / total
    if rule.method == "weakest-link":
        value = min(d.score or 0 for d in assessed)
        level = min(d.level or 0 for d in assessed)
    else:
        value = mean
        level = level_of(mean, rule.tolerance, rubric.top)
    return Overall(level=level, name=rubric.level(level).name, score=round(value, 4),
                   mean_score=round(mean, 4), method=rule.method, rationale=rule.rationale,
                   limited_by=tuple(d.id for d in assessed if d.level == level),
                   not_assessed=not_assessed)


def _confidence(dims: list[DimensionResult], tallies: dict[str, _Tally]) -> float:
    weights = [(d.weight, d.coverage) for d in dims if tallies[d.id].applicable > 0]
    total = sum(w for w, _ in weights)
    return sum(w * c for w, c in weights) / total if total else 0.0


def _placements(sub: Submission) -> Iterable[MetricPlacement]:
    banded = sub.loaded.index.banded
    for metric in sub.rubric.metrics:
        value = sub.metric_values[metric.id]
        given = sub.target(metric.id)
        target = bands.target_of(metric, given)
        if metric.target is None:
            views = banded[metric.id]
        else:
            views = band_views(metric.bands if target is None else bands.ordered(metric, given))
        yield MetricPlacement(
            id=metric.id, name=metric.name, dimension=metric.dimension, unit=metric.unit,
            value=value, shown=bands.format_value(metric, value),
            level=None if value is None else bands.place(metric, value, given).level,
            bands=views,
            better=metric.better, target=target,
            target_shown=None if target is None else bands.target_phrase(metric, target))


def _flags(rubric: Rubric, dims: list[DimensionResult],
           tallies: dict[str, _Tally]) -> Iterable[Flag]:
    spread = rubric.scoring.inconsistency_spread
    for dim in dims:
        items = tallies[dim.id].items
        if len(items) < 2:
            continue
        low = min(items, key=lambda i: i.points_to)
        high = max(items, key=lambda i: i.points_to)
        if high.points_to - low.points_to >= spread:
            yield Flag(dimension=dim.id, items=(low.id, high.id), message=(
                f"{dim.name}: evidence spans {rubric.level_term} {low.points_to:g} to "
                f"{high.points_to:g} "
                f"({low.id}: {low.given}; {high.id}: {high.given})"))
    for item in (i for t in tallies.values() for i in t.items if i.kind == "metric"):
        apart = [d for d in dims if d.id != item.dimension and d.level is not None
                 and abs(d.level - item.points_to) >= spread]
        if apart:
            term = rubric.level_term
            names = ", ".join(f"{d.name} at {term} {d.level}" for d in apart)
            yield Flag(dimension=None, items=(item.id, *(d.id for d in apart)), message=(
                f"{item.label} {item.given} points to {term} {item.points_to:g}, "
                f"but {names}"))


def _outlook(sub: Submission, current: int | None, goal: int,
             dims: list[DimensionResult]) -> Outlook | None:
    rubric = sub.rubric
    if current is None or goal > rubric.top or goal <= current:
        return None
    level = rubric.level(goal)
    here = rubric.level(current)
    aspects = sub.loaded.index.aspects
    roadmap = _roadmap(sub.loaded.index.dimensions, goal, dims)
    return Outlook(
        number=goal, name=level.name, summary=level.summary,
        outcomes=tuple((aspects.get(o.aspect, o.aspect), o.expect) for o in level.outcomes),
        shift_headline=here.shift_forward.headline if here.shift_forward else None,
        shift_steps=here.shift_forward.steps if here.shift_forward else (),
        blockers=tuple(b for step in roadmap for b in step.blockers),
        roadmap=roadmap)


def _roadmap(specs: dict[str, Dimension], goal: int,
             dims: list[DimensionResult]) -> tuple[RoadmapStep, ...]:
    """Dimensions below `goal`, by priority = (goal - score) x weight, largest first; ties
    keep the rubric's order. docs/scoring.md documents the rule."""
    steps = []
    for dim in dims:
        if dim.level is None or dim.score is None or dim.level >= goal:
            continue
        gap = goal - dim.score
        advance = specs[dim.id].advance
        steps.append(RoadmapStep(
            dimension=dim.id, name=dim.name, level=dim.level, score=dim.score, target=goal,
            gap=round(gap, 4), weight=dim.weight, priority=round(gap * dim.weight, 4),
            blockers=dim.blockers,
            guidance=tuple((n, advance[n]) for n in range(dim.level + 1, goal + 1)
                           if n in advance)))
    return tuple(sorted(steps, key=lambda step: -step.priority))
