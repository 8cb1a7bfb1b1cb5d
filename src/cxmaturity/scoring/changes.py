"""What would move a level: the fewest answer or metric changes that make a dimension show
its next level reached, or raise the operation's level by one (docs/scoring.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

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

    kind: Literal["answer", "metric"]
    item: str
    dimension: str
    label: str
    given: str
    to: Callable[[], str]
    """What the item would read (worked out only for the changes a result shows)."""
    current: tuple[int, int] | None
    new: tuple[int, int]
    weight: float
    order: int

    @functools.cached_property
    def move(self) -> Move:
        """The change as the result shows it."""
        return Move(kind=self.kind, item=self.item, dimension=self.dimension, label=self.label,
                    given=self.given, to=self.to())


#: The best change of one answer toward one level, as (gain, option).
Best = tuple[float, Option]


def changes_to_reach(sub: Submission, dimension: str, tally: DimensionEvidence,
                     level: int) -> list[Option]:
    """The fewest changes of answers or metric values that make `dimension` reach `level`:
    the changes that gain the most first (each item counts on its own, so this is optimal),
    each the least change that gains that much. Empty if no change could do it."""
    known: list[Option] | None = tally.changes.get(level)
    if known is None:
        known = tally.changes[level] = _changes_to_reach(sub, dimension, tally, level)
    return known


def _changes_to_reach(sub: Submission, dimension: str, tally: DimensionEvidence,
                      level: int) -> list[Option]:
    needed = levels.shortfall(tally.weighed, level)
    index = sub.loaded.index
    best: list[Best] = []
    for order, question in enumerate(index.by_dimension_questions.get(dimension, ())):
        answer = sub.responses[question.id]
        if answer == NOT_APPLICABLE:
            continue
        # The best change of an answer toward a level depends only on the rubric: worked
        # out once per rubric, shared by every file of a batch.
        found = index.shared(("best-change", question.id, answer, level), functools.partial(
            _best_answer_change, index, question, answer, order, level))
        if found is not None:
            best.append(found)
    for order, metric in enumerate(index.by_dimension_metrics.get(dimension, ()), start=10_000):
        found = _best(list(_metric_options(sub, metric, order)), level)
        if found is not None:
            best.append(found)
    best.sort(key=lambda pair: (-pair[0], pair[1].order))
    chosen: list[Option] = []
    gained = 0.0
    for amount, option in best:
        if gained > needed + 1e-9:
            break
        gained += amount
        chosen.append(option)
    return chosen if gained > needed + 1e-9 else []


def _best_answer_change(index: RubricIndex, question: Question, answer: str, order: int,
                        level: int) -> Best | None:
    return _best(_answer_options(index, question, answer, order), level)


def _best(options: list[Option], level: int) -> Best | None:
    """The option that gains the most toward `level` (the least change among equals), if
    any gains."""
    gains = [(levels.gain(o.current, o.new, level, o.weight), o) for o in options]
    top = max((g for g, _ in gains), default=0.0)
    return next((g, o) for g, o in gains if g == top) if top > 1e-9 else None


def moves(options: Iterable[Option]) -> tuple[Move, ...]:
    """Changes as the result shows them; of two changes to one item, the further one."""
    kept: dict[str, Option] = {}
    for option in options:
        if option.item not in kept or option.new > kept[option.item].new:
            kept[option.item] = option
    return tuple(o.move for o in kept.values())


def _answer_options(index: RubricIndex, question: Question, answer: str,
                    order: int) -> list[Option]:
    """The other answers `question` could have, least mature first."""
    labels = index.labels[question.scale]
    current = None if answer == UNKNOWN else question.supports[answer]
    given = "unknown" if answer == UNKNOWN else labels[answer]
    return [Option("answer", question.id, question.dimension, question.text, given,
                   functools.partial(labels.__getitem__, candidate), current,
                   question.supports[candidate], question.weight, order)
            for candidate in labels if candidate != answer]


def _metric_options(sub: Submission, metric: Metric, order: int) -> Iterator[Option]:
    value = sub.metric_values[metric.id]
    target = sub.target(metric.id)
    try:
        placed = bands.ordered(metric, target)
    except bands.MissingTarget:
        return
    now = None if value is None else bands.place(metric, value, target)
    given = bands.format_value(metric, value)
    order_of = placed if metric.better != "lower" else tuple(reversed(placed))
    for band in order_of:
        if band != now:
            yield Option("metric", metric.id, metric.dimension, metric.name, given,
                         functools.partial(bands.reach_phrase, metric, band),
                         None if now is None else now.range, band.range, metric.weight, order)


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
