"""What would move a level: the fewest answer or metric changes that make a dimension show
its next level reached, or raise the operation's level by one (docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cxmaturity.load.index import RubricIndex
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.result import (
    DimensionResult,
    Move,
)
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Question
from cxmaturity.scoring import levels
from cxmaturity.scoring.evidence import DimensionEvidence


@dataclass(frozen=True)
class Option:
    """A change open to one item: what it would read, and the levels it would support."""

    item: str
    kind: str
    label: str
    given: str
    current: tuple[int, int] | None
    to: str
    new: tuple[int, int]
    weight: float
    order: int


def changes_to_reach(sub: Submission, dimension: str, tally: DimensionEvidence,
                     level: int) -> list[Option]:
    """The fewest changes of answers or metric values that make `dimension` reach `level`:
    the changes that gain the most first (each item counts on its own, so this is optimal),
    each the least change that gains that much. Empty if no change could do it."""
    needed = levels.shortfall(tally.weighed, level)
    best: list[tuple[float, Option]] = []
    for options in _open_changes(sub, dimension):
        gains = [(levels.gain(o.current, o.new, level, o.weight), o) for o in options]
        top = max((g for g, _ in gains), default=0.0)
        if top > 1e-9:
            best.append(next((g, o) for g, o in gains if g == top))
    best.sort(key=lambda pair: (-pair[0], pair[1].order))
    chosen: list[Option] = []
    gained = 0.0
    for amount, option in best:
        if gained > needed + 1e-9:
            break
        gained += amount
        chosen.append(option)
    return chosen if gained > needed + 1e-9 else []


def moves(options: Iterable[Option], dimension: dict[str, str]) -> tuple[Move, ...]:
    """Changes as the result shows them; of two changes to one item, the further one."""
    kept: dict[str, Option] = {}
    for option in options:
        if option.item not in kept or option.new > kept[option.item].new:
            kept[option.item] = option
    return tuple(Move(kind="answer" if o.kind == "answer" else "metric", item=o.item,
                      dimension=dimension[o.item], label=o.label, given=o.given, to=o.to)
                 for o in kept.values())


def _open_changes(sub: Submission, dimension: str) -> Iterator[list[Option]]:
    """For each applicable item of `dimension`, the answers or bands it could move to,
    least mature first."""
    index = sub.loaded.index
    for order, question in enumerate(index.by_dimension_questions.get(dimension, ())):
        yield list(_question_options(sub, index, question, order))
    for order, metric in enumerate(index.by_dimension_metrics.get(dimension, ()), start=10_000):
        yield list(_metric_options(sub, metric, order))


def _question_options(sub: Submission, index: RubricIndex, question: Question,
                      order: int) -> Iterator[Option]:
    option = sub.responses[question.id]
    if option == NOT_APPLICABLE:
        return
    labels = index.labels[question.scale]
    current = None if option == UNKNOWN else question.supports[option]
    given = "unknown" if option == UNKNOWN else labels[option]
    for candidate in labels:
        if candidate != option:
            yield Option(question.id, "answer", question.text, given, current,
                          labels[candidate], question.supports[candidate], question.weight,
                          order)


def _metric_options(sub: Submission, metric: Metric, order: int) -> Iterator[Option]:
    value = sub.metric_values[metric.id]
    target = sub.target(metric.id)
    try:
        placed = bands.ordered(metric, target)
    except bands.MissingTarget:
        return
    current = None if value is None else bands.place(metric, value, target).range
    given = bands.format_value(metric, value)
    order_of = placed if metric.better != "lower" else list(reversed(placed))
    for band in order_of:
        if value is not None and bands.place(metric, value, target) == band:
            continue
        yield Option(metric.id, "metric", metric.name, given, current,
                      bands.reach_phrase(metric, band), band.range, metric.weight, order)


def overall_changes(sub: Submission, assessed: list[DimensionResult],
                     spans: dict[str, levels.Span | None], tallies: dict[str, DimensionEvidence],
                     caps: dict[str, int], goal: int) -> list[Option]:
    """Changes that raise the overall level to `goal`: each capping metric moved far enough,
    then dimensions whose evidence does not yet show `goal` reached, in order of how few
    changes each needs (heavier first on a tie), until the overall rule gives `goal`. Empty
    if even that would not."""
    rubric = sub.rubric
    rule = rubric.scoring.overall
    lifted = [_lift_cap(sub, metric_id, goal) for metric_id, cap in caps.items() if cap < goal]
    if any(option is None for option in lifted):
        return []
    chosen: list[Option] = [option for option in lifted if option is not None]
    costs: list[tuple[int, float, str, list[Option]]] = []
    for dim in assessed:
        span = spans[dim.id]
        if span is not None and span[0] < goal:
            changes = changes_to_reach(sub, dim.id, tallies[dim.id], goal)
            if changes:
                costs.append((len(changes), -dim.weight, dim.id, changes))
    costs.sort(key=lambda c: (c[0], c[1]))
    placed = {d.id: (spans[d.id] or (1, 1), d.weight) for d in assessed}
    if levels.overall(rule.method, list(placed.values()), rubric.top, rule.max_gap)[0] >= goal:
        return chosen
    for _, _, dim_id, changes in costs:
        placed[dim_id] = ((goal, max(goal, placed[dim_id][0][1])), placed[dim_id][1])
        chosen += changes
        if levels.overall(rule.method, list(placed.values()), rubric.top,
                          rule.max_gap)[0] >= goal:
            return chosen
    return []


def _lift_cap(sub: Submission, metric_id: str, goal: int) -> Option | None:
    """The least change of a capping metric that lets the overall level reach `goal`."""
    metric = sub.loaded.index.metrics[metric_id]
    for option in _metric_options(sub, metric, 0):
        if option.new[1] >= goal and (option.current is None or option.new > option.current):
            return option
    return None


def homes(sub: Submission) -> dict[str, str]:
    """Question and metric id to its dimension id."""
    index = sub.loaded.index
    return {**{q.id: q.dimension for q in index.questions.values()},
            **{m.id: m.dimension for m in index.metrics.values()}}
