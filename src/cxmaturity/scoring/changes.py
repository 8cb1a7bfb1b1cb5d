"""What would move a level: the fewest answer or metric changes that make a dimension show
its next level reached, or raise the operation's level by one (docs/scoring.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from cxmaturity.load.index import RubricIndex
from cxmaturity.load.submission import Submission
from cxmaturity.model import bands
from cxmaturity.model.result import (
    DimensionResult,
    Move,
)
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Band, Metric, Question
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


#: The best change of one item toward one level, as (gain, option).
Best = tuple[float, Option]
ChoiceT = TypeVar("ChoiceT")


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
        found = index.shared(("best-change", question.id, answer, level),
                             _best_answer_change, index, question, answer, order, level)
        if found is not None:
            best.append(found)
    for order, metric in enumerate(index.by_dimension_metrics.get(dimension, ()), start=10_000):
        found = _best_metric_change(sub, metric, order, level)
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
    current = None if answer == UNKNOWN else question.supports[answer]
    found = _best(current, ((question.supports[c], c) for c in index.labels[question.scale]
                            if c != answer), question.weight, level)
    return None if found is None else (found[0], _answer_option(
        index, question, answer, found[1], order))


def _best_metric_change(sub: Submission, metric: Metric, order: int,
                        level: int) -> Best | None:
    bands_open = _metric_bands(sub, metric)
    if bands_open is None:
        return None
    now, others = bands_open
    found = _best(None if now is None else now.range, ((b.range, b) for b in others),
                  metric.weight, level)
    return None if found is None else (found[0], _metric_option(
        sub, metric, now, found[1], order))


def _best(current: levels.Span | None, candidates: Iterable[tuple[levels.Span, ChoiceT]],
          weight: float, level: int) -> tuple[float, ChoiceT] | None:
    """The candidate (a range it would support, and what to change to) that gains the most
    toward `level`: the first, so the least change, among equals; None if none gains."""
    most = 1e-9
    chosen: tuple[float, ChoiceT] | None = None
    for new, choice in candidates:
        amount = levels.gain(current, new, level, weight)
        if amount > most:
            most, chosen = amount, (amount, choice)
    return chosen


def moves(options: Iterable[Option]) -> tuple[Move, ...]:
    """Changes as the result shows them; of two changes to one item, the further one."""
    kept: dict[str, Option] = {}
    for option in options:
        if option.item not in kept or option.new > kept[option.item].new:
            kept[option.item] = option
    return tuple(o.move for o in kept.values())


def _answer_option(index: RubricIndex, question: Question, answer: str, candidate: str,
                   order: int) -> Option:
    """Answering `candidate` instead of `answer`."""
    labels = index.labels[question.scale]
    return Option("answer", question.id, question.dimension, question.text,
                  "unknown" if answer == UNKNOWN else labels[answer],
                  functools.partial(labels.__getitem__, candidate),
                  None if answer == UNKNOWN else question.supports[answer],
                  question.supports[candidate], question.weight, order)


def _metric_bands(sub: Submission, metric: Metric) -> tuple[Band | None, list[Band]] | None:
    """The band a metric's value is in (None without a value), and the other bands, from
    the least mature; None if its bands need a target the file does not give."""
    value = sub.metric_values[metric.id]
    target = sub.target(metric.id)
    try:
        placed = bands.ordered(metric, target)
    except bands.MissingTarget:
        return None
    now = None if value is None else bands.place(metric, value, target)
    order_of = placed if metric.better != "lower" else tuple(reversed(placed))
    return now, [band for band in order_of if band is not now and band != now]


def _metric_option(sub: Submission, metric: Metric, now: Band | None, band: Band,
                   order: int) -> Option:
    """Moving a metric's value into `band`."""
    return Option("metric", metric.id, metric.dimension, metric.name,
                  bands.format_value(metric, sub.metric_values[metric.id]),
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
    placed = {d.id: levels.Weighed(*(spans[d.id] or (1, 1)), d.weight) for d in assessed}
    if levels.overall(rule.method, list(placed.values()), rubric.top, rule.max_gap)[0] >= goal:
        return chosen
    for _, _, dim_id, changes in costs:
        lifted_span = placed[dim_id]
        placed[dim_id] = levels.Weighed(goal, max(goal, lifted_span.high), lifted_span.weight)
        chosen += changes
        if levels.overall(rule.method, list(placed.values()), rubric.top,
                          rule.max_gap)[0] >= goal:
            return chosen
    return []


def _lift_cap(sub: Submission, metric_id: str, goal: int) -> Option | None:
    """The least change of a capping metric that lets the overall level reach `goal`."""
    metric = sub.loaded.index.metrics[metric_id]
    bands_open = _metric_bands(sub, metric)
    if bands_open is None:
        return None
    now, others = bands_open
    for band in others:
        if band.range[1] >= goal and (now is None or band.range > now.range):
            return _metric_option(sub, metric, now, band, 0)
    return None
