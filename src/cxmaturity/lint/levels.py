"""Lint rules for dimensions and levels: a dimension nothing feeds, a level a dimension or the
whole rubric cannot reach, a level no evidence supports, advice that skips a level, a shift
forward from the top level."""

from __future__ import annotations

from collections.abc import Iterator

from cxmaturity.lint.rule import Found, Rule
from cxmaturity.model.rubric import Metric, Rubric
from cxmaturity.scoring.levels import Weighed, overall, span_of

DIMENSION_WITHOUT_EVIDENCE = Rule("dimension-without-evidence", "warning", "a dimension no "
                                  "question or metric feeds (it would never be assessed)")
UNREACHABLE_LEVEL = Rule("unreachable-level", "warning", "a level a counted dimension cannot "
                         "show reached with its best answers (or cannot leave with its "
                         "worst), or the whole rubric cannot reach")
UNSUPPORTED_LEVEL = Rule("unsupported-level", "warning", "a level no answer or band of a "
                         "dimension supports, so the dimension can never be placed there")
MISSING_ADVICE = Rule("missing-advice", "warning", "a dimension whose `advance` skips a level")
SHIFT_AT_TOP = Rule("shift-at-top", "warning", "a `shift_forward` on the top level, which no "
                    "assessment shows (there is no level to shift to)")
RULES = (DIMENSION_WITHOUT_EVIDENCE, UNREACHABLE_LEVEL, UNSUPPORTED_LEVEL, MISSING_ADVICE,
         SHIFT_AT_TOP)


def _items(rubric: Rubric, dim_id: str) -> list[list[tuple[int, int]]]:
    """For each question and metric of a dimension, the ranges its answers or bands give."""
    items = [list(q.supports.values()) for q in rubric.questions if q.dimension == dim_id]
    items += [_metric_ranges(m) for m in rubric.metrics if m.dimension == dim_id]
    return items


def _metric_ranges(metric: Metric) -> list[tuple[int, int]]:
    if metric.target is not None:
        return [(metric.target.missed, metric.target.missed),
                (metric.target.met, metric.target.met)]
    return [b.range for b in metric.bands]


def _weights(rubric: Rubric, dim_id: str) -> list[float]:
    return [q.weight for q in rubric.questions if q.dimension == dim_id] + \
        [m.weight for m in rubric.metrics if m.dimension == dim_id]


def reach_problems(rubric: Rubric) -> Iterator[Found]:
    best: list[Weighed] = []
    for i, dim in enumerate(rubric.dimensions):
        items = _items(rubric, dim.id)
        where = ("dimensions", i, "id")
        if not items:
            yield DIMENSION_WITHOUT_EVIDENCE(where,
                              f'no question or metric feeds dimension "{dim.id}", so it is '
                              "never assessed", "add questions or a metric for it")
            continue
        if not dim.in_overall:
            continue  # context only: which levels it can show decides nothing
        weights = _weights(rubric, dim.id)
        top = span_of([Weighed(*max(r), w) for r, w in zip(items, weights, strict=True)],
                      rubric.top) or (1, 1)
        bottom = span_of([Weighed(*min(r), w) for r, w in zip(items, weights, strict=True)],
                         rubric.top) or (1, 1)
        if top[0] < rubric.top:
            yield UNREACHABLE_LEVEL(where,
                              f'dimension "{dim.id}" reaches at most level {top[0]} even '
                              "when every answer is the best one",
                              "let some answers start at the top level")
        if bottom[0] > 1:
            yield UNREACHABLE_LEVEL(where,
                              f'dimension "{dim.id}" is at least level {bottom[0]} even '
                              "when every answer is the worst one",
                              "let some answers end at level 1")
        supported = {n for ranges in items for low, high in ranges for n in range(low, high + 1)}
        missing = [n for n in range(1, rubric.top + 1) if n not in supported]
        if missing:
            yield UNSUPPORTED_LEVEL(where,
                              f'no answer or band of dimension "{dim.id}" supports level(s) '
                              f"{', '.join(map(str, missing))}, so the dimension can never be "
                              "placed there", "let some answer's range include that level")
        best.append(Weighed(*top, dim.weight))
    if not best:
        return
    reachable, _ = overall(rubric.scoring.overall.method, best, rubric.top)
    for number in range(reachable + 1, rubric.top + 1):
        yield UNREACHABLE_LEVEL(("levels", number - 1),
                          f"level {number} cannot be reached overall when every question "
                          "is answered",
                          "check the levels the dimensions can reach")


def advice_problems(rubric: Rubric) -> Iterator[Found]:
    top = rubric.levels[-1]
    if top.shift_forward is not None:
        yield SHIFT_AT_TOP(("levels", len(rubric.levels) - 1, "shift_forward"),
                           f"level {top.number} is the top level, so no assessment shows its "
                           "`shift_forward` (only `rubric show` does)",
                           "move it to the level it leads out of, or remove it")
    for i, dim in enumerate(rubric.dimensions):
        if not dim.advance:
            continue
        missing = [n for n in range(2, rubric.top + 1) if n not in dim.advance]
        if missing:
            yield MISSING_ADVICE(("dimensions", i, "advance"),
                              f'dimension "{dim.id}" has no advice for reaching level(s) '
                              f"{', '.join(map(str, missing))}",
                              "add an `advance` entry for each level from 2 up")
