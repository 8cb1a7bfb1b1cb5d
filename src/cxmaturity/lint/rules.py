"""The rubric linter: what a schema cannot see, as plain data (one :class:`LintProblem` each).

A rubric can be valid and integrity-checked and still be wrong in ways that only
show when someone scores with it: bands with holes, levels nobody can reach, a
scale that maps two answers the wrong way round. :func:`lint` finds them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cxmaturity.lint.metrics import metric_problems
from cxmaturity.lint.problem import LintProblem
from cxmaturity.model.answers import normalize_answer
from cxmaturity.model.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Question, Rubric
from cxmaturity.scoring.levels import Span, Weighed, overall, span_of
from cxmaturity.yaml.reader import YamlDocument
from cxmaturity.yaml.scalars import Path

__all__ = ["RULES", "LintProblem", "lint"]

#: Every rule the linter knows, with what it looks for (shown in the README).
RULES: dict[str, str] = {
    "band-overlap": "two bands of a metric share values beyond a common edge",
    "band-gap": "values between or around bands with no declared `gaps:` rule",
    "ambiguous-edge": "bands share an edge and the metric does not declare `edges:`",
    "unit-mismatch": "band edges or limits that do not fit the metric's unit",
    "reserved-option": "a scale option named `unknown` or `n/a`, which every question accepts",
    "alias-shadows-option": "a scale alias spelled like one of the scale's own options",
    "unused-scale": "a scale no question uses",
    "flat-question": "a question whose answers all support the same levels",
    "non-monotonic-question": "a question whose ranges go up and down along its scale",
    "signal-range": "a question none of whose answers fits its own level, or says anything "
                    "about it",
    "dimension-without-evidence": "a dimension no question or metric feeds",
    "unreachable-level": "a level a dimension, or the rubric, cannot reach or leave",
    "unsupported-level": "a level no answer or band of a dimension supports",
    "format-1": "a rubric in format 1 (`indicates`), read by conversion",
    "missing-advice": "a dimension without guidance for reaching some level",
}


def lint(rubric: Rubric, doc: YamlDocument | None = None) -> list[LintProblem]:
    """Every lint finding for a rubric that already passed the schema and integrity checks.

    `doc` is the rubric's source; with it, rules can tell a declared default from an
    omitted one.
    """
    def declared(path: Path) -> bool:
        return doc is None or path in doc.keys

    found: list[LintProblem] = []
    if rubric.format == 1:
        found.append(LintProblem("format-1", "warning", ("format",),
                                 "format 1: each answer's `indicates` level x is read as the "
                                 "range [floor x, ceil x], and `scoring.dimension` is ignored",
                                 "write `supports` ranges and `format: 2` "
                                 "(docs/rubric-format.md)"))
    for i, metric in enumerate(rubric.metrics):
        found.extend(metric_problems(metric, ("metrics", i), declared))
    found.extend(_scales(rubric))
    found.extend(_questions(rubric))
    found.extend(_reach(rubric))
    found.extend(_advice(rubric))
    return found


def _scales(rubric: Rubric) -> Iterator[LintProblem]:
    used = {q.scale for q in rubric.questions}
    for i, scale in enumerate(rubric.scales):
        options = {o.id for o in scale.options}
        for j, option in enumerate(scale.options):
            if normalize_answer(option.id) in (UNKNOWN, NOT_APPLICABLE):
                yield LintProblem("reserved-option", "error", ("scales", i, "options", j, "id"),
                                  f'option "{option.id}" clashes with the answer every '
                                  "question accepts", "remove the option; answers files "
                                  "write `unknown` or `n/a` anyway")
        for alias, target in scale.aliases.items():
            if alias in options and alias != target:
                yield LintProblem("alias-shadows-option", "error",
                                  ("scales", i, "aliases", alias),
                                  f'alias "{alias}" is also an option of this scale',
                                  "remove the alias or rename the option")
        if scale.id not in used:
            yield LintProblem("unused-scale", "warning", ("scales", i, "id"),
                              f'no question uses scale "{scale.id}"', "remove it")


def _questions(rubric: Rubric) -> Iterator[LintProblem]:
    scales = {s.id: s for s in rubric.scales}
    for i, question in enumerate(rubric.questions):
        scale = scales[question.scale]
        ranges = [question.supports[o.id] for o in scale.options if o.id in question.supports]
        where = ("questions", i, "supports")
        if len(set(ranges)) == 1:
            yield LintProblem("flat-question", "warning", where,
                              f"every answer supports {_levels(ranges[0])}, so the answer "
                              "cannot change the result",
                              "give the answers different ranges")
            continue
        if not (_monotonic(ranges) or _monotonic(ranges[::-1])):
            yield LintProblem("non-monotonic-question", "warning", where,
                              "the ranges go up and down along the scale's options "
                              f"({', '.join(_span(r) for r in ranges)})",
                              "order them from the least to the most mature answer, or "
                              "the reverse, with both ends rising")
        yield from _signal_range(question, ranges, ("questions", i))


def _monotonic(ranges: list[tuple[int, int]]) -> bool:
    return all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(ranges))


def _span(supported: tuple[int, int]) -> str:
    low, high = supported
    return f"{low}" if low == high else f"{low}-{high}"


def _levels(supported: tuple[int, int]) -> str:
    """`level 2` or `levels 1-2`."""
    return f"level {supported[0]}" if supported[0] == supported[1] else \
        f"levels {_span(supported)}"


def _signal_range(question: Question, ranges: list[tuple[int, int]],
                  where: Path) -> Iterator[LintProblem]:
    """A question drawn from level L's signals or traits must have an answer that fits
    level L, and an answer that says something about it: that L is reached or is not (for
    a Level 1 question, that the operation is past Level 1)."""
    own = question.signal_of or question.trait_of
    if own is None:
        return
    key = "signal_of" if question.signal_of else "trait_of"
    decides = max(own, 2)
    if not any(low <= own <= high for low, high in ranges):
        yield LintProblem("signal-range", "warning", (*where, key),
                          f"no answer to this level {own} question supports level {own}",
                          "let its answer that shows the level's trait include the level")
    elif not any(low >= decides or high < decides for low, high in ranges):
        yield LintProblem("signal-range", "warning", (*where, key),
                          f"no answer to this level {own} question shows level {decides} "
                          "reached or rules it out, so it cannot move a level",
                          f"let its most mature answer start at level {decides}, or its "
                          "least mature end below it")


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


def _reach(rubric: Rubric) -> Iterator[LintProblem]:
    best: list[tuple[Span, float]] = []
    for i, dim in enumerate(rubric.dimensions):
        items = _items(rubric, dim.id)
        where = ("dimensions", i, "id")
        if not items:
            yield LintProblem("dimension-without-evidence", "warning", where,
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
            yield LintProblem("unreachable-level", "warning", where,
                              f'dimension "{dim.id}" reaches at most level {top[0]} even '
                              "when every answer is the best one",
                              "let some answers start at the top level")
        if bottom[0] > 1:
            yield LintProblem("unreachable-level", "warning", where,
                              f'dimension "{dim.id}" is at least level {bottom[0]} even '
                              "when every answer is the worst one",
                              "let some answers end at level 1")
        supported = {n for ranges in items for low, high in ranges for n in range(low, high + 1)}
        missing = [n for n in range(1, rubric.top + 1) if n not in supported]
        if missing:
            yield LintProblem("unsupported-level", "warning", where,
                              f'no answer or band of dimension "{dim.id}" supports level(s) '
                              f"{', '.join(map(str, missing))}, so the dimension can never be "
                              "placed there", "let some answer's range include that level")
        best.append((top, dim.weight))
    if not best:
        return
    reachable, _ = overall(rubric.scoring.overall.method, best, rubric.top)
    for number in range(reachable + 1, rubric.top + 1):
        yield LintProblem("unreachable-level", "warning", ("levels", number - 1),
                          f"level {number} cannot be reached overall when every question "
                          "is answered",
                          "check the levels the dimensions can reach")


def _advice(rubric: Rubric) -> Iterator[LintProblem]:
    for i, dim in enumerate(rubric.dimensions):
        if not dim.advance:
            continue
        missing = [n for n in range(2, rubric.top + 1) if n not in dim.advance]
        if missing:
            yield LintProblem("missing-advice", "warning", ("dimensions", i, "advance"),
                              f'dimension "{dim.id}" has no advice for reaching level(s) '
                              f"{', '.join(map(str, missing))}",
                              "add an `advance` entry for each level from 2 up")
