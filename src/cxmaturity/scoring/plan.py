"""The way to the target level: each dimension's blockers (evidence that rules the target
out) and guidance, the roadmap in priority order, and the outlook of the next level."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypedDict

from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.result import (
    Blocker,
    DimensionResult,
    Outlook,
    RoadmapStep,
)
from cxmaturity.model.rubric import Dimension, Question
from cxmaturity.scoring.evidence import DimensionEvidence, Evidence


def plan_for(sub: Submission, dim: Dimension, level: int | None, tally: DimensionEvidence,
             goal: int) -> PlanFields:
    """A dimension's blockers to `goal` and the rubric's advice for its next level (none at
    or above `goal`)."""
    if level is None or level >= goal or goal > sub.rubric.top:
        return {"blockers": (), "advice": None}
    return {"blockers": tuple(_blockers(sub, dim.id, tally.found, goal)),
            "advice": dim.advance.get(level + 1)}


class PlanFields(TypedDict):
    """The fields of a :class:`DimensionResult` that plan the way to the target."""

    blockers: tuple[Blocker, ...]
    advice: str | None


def _blockers(sub: Submission, dimension: str, found: Iterable[Evidence],
              goal: int) -> Iterator[Blocker]:
    """The evidence whose range rules `goal` out (it allows only lower levels)."""
    index = sub.loaded.index
    for item in found:
        if item.high >= goal:
            continue
        if item.kind == "metric":
            metric = index.metrics[item.id]
            value = sub.metric_values[item.id]
            assert value is not None
            text = bands.shortfall(metric, value, goal, sub.target(item.id),
                                   sub.rubric.level_term)
            yield Blocker(dimension=dimension, item=item.id, text=text,
                          supports=(item.low, item.high), target=goal, toward=None)
        else:
            yield index.shared(("blocker", item.id, item.option, goal), _answer_blocker,
                               index.questions[item.id], item, goal)


def _answer_blocker(question: Question, item: Evidence, goal: int) -> Blocker:
    """The blocker an answer makes (the same for every file that gives it: built once)."""
    contrast = question.contrast
    text = question.shortfall or (contrast.low if contrast else
                                  f"{question.text} Answered: {item.given}.")
    return Blocker(dimension=question.dimension, item=item.id, text=text,
                   supports=(item.low, item.high), target=goal,
                   toward=contrast.high if contrast else None)


def outlook(sub: Submission, current: int | None, goal: int,
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
        measures=level.metrics_that_matter,
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
