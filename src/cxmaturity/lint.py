"""The rubric linter: what a schema cannot see, as plain data (one :class:`LintProblem` each).

A rubric can be valid and integrity-checked and still be wrong in ways that only
show when someone scores with it: bands with holes, levels nobody can reach, a
scale that maps two answers the wrong way round. :func:`lint` finds them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cxmaturity.answers import normalize_answer
from cxmaturity.lint_metrics import metric_problems
from cxmaturity.lint_types import LintProblem
from cxmaturity.rubric import NOT_APPLICABLE, UNKNOWN, Metric, Rubric, level_of
from cxmaturity.yamlsafe import Path, YamlDocument

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
    "flat-question": "a question whose answers all point to the same level",
    "non-monotonic-question": "a question whose levels go up and down along its scale",
    "dimension-without-evidence": "a dimension no question or metric feeds",
    "unreachable-level": "a level no combination of answers (none of them n/a) can reach",
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
        levels = [question.indicates[o.id] for o in scale.options if o.id in question.indicates]
        where = ("questions", i, "indicates")
        if len(set(levels)) == 1:
            yield LintProblem("flat-question", "warning", where,
                              f"every answer points to level {levels[0]:g}, so the answer "
                              "cannot change the result", "give the answers different levels")
            continue
        steps = [b - a for a, b in itertools.pairwise(levels) if b != a]
        if any(s > 0 for s in steps) and any(s < 0 for s in steps):
            yield LintProblem("non-monotonic-question", "warning", where,
                              "the levels go up and down along the scale's options "
                              f"({', '.join(f'{v:g}' for v in levels)})",
                              "order them from the least to the most mature answer, or "
                              "the reverse")


def _metric_levels(metric: Metric) -> tuple[int, int]:
    """The lowest and highest level a metric can point to."""
    if metric.target is not None:
        return metric.target.missed, metric.target.met
    levels = [b.level for b in metric.bands]
    return min(levels), max(levels)


def _dimension_range(rubric: Rubric, dim_id: str) -> tuple[float, float] | None:
    """The lowest and highest score a dimension can get with every item answered."""
    items = [(min(q.indicates.values()), max(q.indicates.values()), q.weight)
             for q in rubric.questions if q.dimension == dim_id]
    items += [(*_metric_levels(m), m.weight) for m in rubric.metrics if m.dimension == dim_id]
    if not items:
        return None
    total = sum(w for _, _, w in items)
    return (sum(lo * w for lo, _, w in items) / total, sum(hi * w for _, hi, w in items) / total)


def _reach(rubric: Rubric) -> Iterator[LintProblem]:
    tolerance = rubric.scoring.dimension.tolerance
    best: list[tuple[int, float]] = []
    for i, dim in enumerate(rubric.dimensions):
        span = _dimension_range(rubric, dim.id)
        if span is None:
            yield LintProblem("dimension-without-evidence", "warning", ("dimensions", i, "id"),
                              f'no question or metric feeds dimension "{dim.id}", so it is '
                              "never assessed", "add questions or a metric for it")
            continue
        top = level_of(span[1], tolerance, rubric.top)
        bottom = level_of(span[0], tolerance, rubric.top)
        if top < rubric.top:
            yield LintProblem("unreachable-level", "warning", ("dimensions", i, "id"),
                              f'dimension "{dim.id}" reaches at most level {top} even when '
                              "every answer is the best one",
                              "let some answers point to the top level")
        if bottom > 1:
            yield LintProblem("unreachable-level", "warning", ("dimensions", i, "id"),
                              f'dimension "{dim.id}" is at least level {bottom} even when '
                              "every answer is the worst one",
                              "let some answers point to level 1")
        best.append((top, dim.weight))
    if not best:
        return
    overall = rubric.scoring.overall
    if overall.method == "weakest-link":
        reachable = min(level for level, _ in best)
    else:
        mean = sum(level * w for level, w in best) / sum(w for _, w in best)
        reachable = level_of(mean, overall.tolerance, rubric.top)
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
