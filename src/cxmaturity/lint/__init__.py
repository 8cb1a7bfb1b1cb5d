"""The rubric linter: what a schema cannot see. A rubric can be valid and integrity-checked
and still be wrong in ways that only show when someone scores with it: bands with holes,
levels nobody can reach, a scale that maps two answers the wrong way round.

One module per group of rules, each rule declared once (:class:`~cxmaturity.lint.rule.Rule`:
id, severity, what it finds); :func:`lint` runs them all and locates what they find.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from cxmaturity.errors import Problem
from cxmaturity.lint import levels, metrics, questions, scales
from cxmaturity.lint.rule import Found, Rule
from cxmaturity.load.validation import located
from cxmaturity.model.rubric import Rubric
from cxmaturity.yaml.reader import YamlDocument
from cxmaturity.yaml.scalars import Path

FORMAT_1 = Rule("format-1", "warning",
                "a rubric in format 1 (`indicates`), read by the documented conversion")

#: Every rule the linter knows, in the order docs/authoring.md lists them.
RULES: tuple[Rule, ...] = (*metrics.RULES, *scales.RULES, *questions.RULES, *levels.RULES,
                           FORMAT_1)


def lint(rubric: Rubric, doc: YamlDocument) -> list[Problem]:
    """Every lint finding for a rubric that already passed the schema and integrity checks,
    located in `doc`, its source (which also tells a declared default from an omitted one)."""
    return [replace(located(doc, f.path, f.message, f.hint), severity=f.rule.severity,
                    rule=f.rule.id) for f in _found(rubric, doc)]


def _found(rubric: Rubric, doc: YamlDocument) -> Iterator[Found]:
    def declared(path: Path) -> bool:
        return path in doc.keys

    if rubric.format == 1:
        yield FORMAT_1(("format",), "format 1: each answer's `indicates` level x is read as "
                       "the range [floor x, ceil x], and `scoring.dimension` is ignored",
                       "write `supports` ranges and `format: 2` (docs/rubric-format.md)")
    for i, metric in enumerate(rubric.metrics):
        yield from metrics.metric_problems(metric, ("metrics", i), declared)
    yield from scales.scale_problems(rubric)
    yield from questions.question_problems(rubric)
    yield from levels.reach_problems(rubric)
    yield from levels.advice_problems(rubric)
